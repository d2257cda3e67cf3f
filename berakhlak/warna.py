"""Colours of the dashboard: constants only.

Every palette is safe for the common colour-vision deficiencies (deuteranopia, protanopia,
tritanopia) and stays readable on white and on a washed-out projector:

* the seven values have their own palette, outside the blue and orange families of the
  categories, so a value's bar is never read as a category (green, plum, olive, rose, dark
  grey, dark brown, magenta, from Paul Tol's and ColorBrewer's colour-blind-safe sets); each
  differs from every category colour by at least 25 (CIELAB ΔE) in normal vision and 10
  under simulated protanopia and deuteranopia, and is dark enough for a line on white (3:1);
* the categories A-D run blue -> light blue -> orange -> vermillion, an ordinal blue/orange
  split that every common deficiency still tells apart, and that also differs in lightness;
* the continuous index scale is a blue/orange diverging scale whose lightness changes
  monotonically on each side, pale around the middle of category B (62,5);
* the socio-emotional levels are one blue hue with monotonically darker steps (level 5,
  the aim, darkest), so they read in order even in greyscale.
"""

from __future__ import annotations

# One colour per value, in kontrak.KUNCI_NILAI order: none of them blue or orange, the colours
# of the categories A-D below (tests/unit/test_warna.py measures the distance).
NILAI: dict[str, str] = {
    "berorientasi_pelayanan": "#117733",  # green (Tol)
    "akuntabel": "#762A83",  # plum (ColorBrewer PRGn)
    "kompeten": "#999933",  # olive (Tol)
    "harmonis": "#CC6677",  # rose (Tol)
    "loyal": "#4D4D4D",  # dark neutral
    "adaptif": "#543005",  # dark brown (ColorBrewer BrBG)
    "kolaboratif": "#C51B7D",  # magenta (ColorBrewer PiYG)
}

# The overall index in a trend, and a benchmark (national figure, earlier period...).
INDEKS = "#332288"  # dark indigo (Paul Tol), drawn thicker than the value lines
PEMBANDING = "#000000"  # black: diamonds on bars, dashed lines on trends

# Categories A-D (kontrak.KATEGORI): ordinal, blue (healthy) to vermillion (very unhealthy).
KATEGORI: dict[str, str] = {
    "A": "#0072B2",  # blue
    "B": "#56B4E9",  # sky blue
    "C": "#E69F00",  # orange
    "D": "#D55E00",  # vermillion
}

# Text on a category colour (the higher WCAG contrast of black and white): 5.1:1 or more.
TEKS_DI_KATEGORI: dict[str, str] = {"A": "#FFFFFF", "B": "#000000", "C": "#000000", "D": "#000000"}

# The same colours by name, for documentation and other modules.
NAMA: dict[str, str] = {
    "biru": "#0072B2",
    "biru_langit": "#56B4E9",
    "hijau_kebiruan": "#009E73",
    "jingga": "#E69F00",
    "merah_jingga": "#D55E00",
    "ungu_kemerahan": "#CC79A7",
    "indigo": "#332288",
    "abu_gelap": "#4D4D4D",
    "hijau": "#117733",
    "ungu_tua": "#762A83",
    "zaitun": "#999933",
    "mawar": "#CC6677",
    "coklat_tua": "#543005",
    "magenta": "#C51B7D",
    "abu": "#A6A6A6",
    "abu_muda": "#E6E6E6",
    "hitam": "#000000",
    "putih": "#FFFFFF",
}

# Hidden groups (fewer respondents than the minimum) and groups absent from the data.
TERSEMBUNYI = "#A6A6A6"
KOSONG = "#E6E6E6"

# Text and lines.
TEKS = "#1A1A1A"
TEKS_PENANDA = "#404040"
GARIS_KISI = "#D9D9D9"
LATAR = "#FFFFFF"

# Continuous scale for an index or score on 0-100 (heat map), Plotly colorscale format.
SKALA_INDEKS: tuple[tuple[float, str], ...] = (
    (0.00, "#7F2704"),
    (0.25, "#D55E00"),
    (0.50, "#F6C48F"),
    (0.625, "#F7F7F7"),
    (0.75, "#9ECAE1"),
    (0.875, "#3182BD"),
    (1.00, "#08306B"),
)

# Socio-emotional levels 1-5 (kontrak.LEVEL_SOSIO): light to dark blue.
LEVEL: dict[int, str] = {
    1: "#CFE1F2",
    2: "#8FC1DE",
    3: "#4A98C9",
    4: "#1764AB",
    5: "#08306B",
}

# The province map: light to dark blue as the index rises (sequential, readable in greyscale
# and for colour-blind viewers; tile text switches to white on the dark end automatically).
SKALA_PETA: tuple[tuple[float, str], ...] = (
    (0.0, "#DEEBF7"), (0.5, "#6BAED6"), (1.0, "#08306B"),
)
