"""Two languages, Bahasa Indonesia first. Each module keeps its own strings as
``TEKS = {key: (id, en)}`` and calls :func:`teks`; shared strings live here in ``UMUM``."""

from __future__ import annotations

from collections.abc import Mapping

BAHASA = ("id", "en")
BAKU = "id"


def bahasa(nilai: str | None) -> str:
    """A language code from a URL value; anything unknown falls back to Indonesian."""
    return nilai if nilai in BAHASA else BAKU


def teks(kamus: Mapping[str, tuple[str, str]], kunci: str, lang: str = BAKU, **isi) -> str:
    """The string ``kunci`` from ``kamus`` in ``lang``, with ``{placeholders}`` filled in."""
    id_, en = kamus[kunci]
    pola = en if lang == "en" else id_
    return pola.format(**isi) if isi else pola


UMUM: dict[str, tuple[str, str]] = {
    "responden": ("responden", "respondents"),
    "tersembunyi": ("< {minimum} responden", "< {minimum} respondents"),
    "tersembunyi_pelengkap": ("ikut disembunyikan", "also hidden"),
    "catatan_privasi": (
        "«< {minimum} responden»: kelompok terlalu kecil untuk ditampilkan. «ikut disembunyikan»: "
        "kelompok ini tidak kecil, tetapi disembunyikan agar kelompok kecil tidak dapat dihitung "
        "dari selisih dengan total.",
        "«< {minimum} respondents»: the group is too small to show. «also hidden»: this group is "
        "not small, but is hidden so that a small group cannot be worked out by subtracting from "
        "the total.",
    ),
    "alasan_tersembunyi": (
        "Disembunyikan: dihitung dari kurang dari {minimum} responden, demi kerahasiaan.",
        "Hidden: based on fewer than {minimum} respondents, to protect confidentiality.",
    ),
    "tidak_diisi": ("(tidak diisi)", "(not given)"),
    "tidak_ada_data": ("tidak ada data", "no data"),
}


def t(kunci: str, lang: str = BAKU, **isi) -> str:
    """A shared string from :data:`UMUM`."""
    return teks(UMUM, kunci, lang, **isi)
