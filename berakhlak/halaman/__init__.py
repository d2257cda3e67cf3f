"""Page contents as pure functions from a selection to a list of blocks (berakhlak.blok)."""
