"""The blocks a view is made of: a story is an ordered list of them, every figure in them
already through the privacy rules (built from ``layanan`` only). Renderers draw the same
blocks on the desk screen (:mod:`berakhlak.render_layar`), the projector
(:mod:`berakhlak.render_proyektor`), a deck (:mod:`berakhlak.render_dek`) and PNG images
(:mod:`berakhlak.render_png`). Blocks hold plain text (never Markdown or HTML): each renderer
escapes it for its medium. Nothing here draws or needs Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from berakhlak import i18n


@dataclass(frozen=True)
class Judul:
    """The headline sentence of a view or slide, written from its numbers."""

    teks: str


@dataclass(frozen=True)
class ButirMetrik:
    """One headline figure. ``keterangan`` is the line under it (on the desk screen the
    metric's delta); ``arah`` 'up'/'down' marks it as a real change (beyond the margin),
    'off' as plain text. ``kategori`` (A-D) adds the category badge; ``nilai_tren`` (a value
    key) a link to that value on /tren; ``kunci`` a container key for the page's style."""

    label: str
    nilai: str
    keterangan: str = ""
    arah: str = "off"
    kategori: str | None = None
    nilai_tren: str | None = None
    kunci: str | None = None


@dataclass(frozen=True)
class Metrik:
    """A row of headline figures; ``lebar`` the relative column widths (equal when empty)."""

    butir: tuple[ButirMetrik, ...]
    lebar: tuple[float, ...] = ()


@dataclass(frozen=True)
class Grafik:
    """A chart built by :mod:`berakhlak.grafik` (its figures already rounded and protected),
    with the heading and the one-line explanation the desk screen shows above it; ``nama``
    names its image file (the selection and period are added)."""

    figur: go.Figure
    judul: str = ""
    keterangan: str = ""
    nama: str = ""


@dataclass(frozen=True)
class Tabel:
    """A protected frame and its columns: column -> (header, kind), kinds as
    ``komponen.tabel``: 'teks', 'desimal', 'bulat', 'selisih'. ``nama`` names the CSV."""

    data: pd.DataFrame
    kolom: dict[str, tuple[str, str]]
    nama: str = "tabel"
    judul: str = ""


@dataclass(frozen=True)
class Catatan:
    """Plain sentences (a bulleted list when several); ``judul`` a heading above them;
    ``kecil`` for a small explanatory line (a caption)."""

    butir: tuple[str, ...]
    judul: str = ""
    kecil: bool = False


Blok = Judul | Metrik | Grafik | Tabel | Catatan
JENIS_BLOK = (Judul, Metrik, Grafik, Tabel, Catatan)


@dataclass
class Slide:
    kunci: str
    judul: str
    kalimat: str
    blok: list[Blok] = field(default_factory=list)
    catatan_pembicara: list[str] = field(default_factory=list)


TEKS: dict[str, tuple[str, str]] = {
    "asal": (
        "Sumber: {sumber} · periode {periode} · {seleksi} · kelompok < {minimum} responden "
        "tidak ditampilkan · dibuat {tanggal} · {tautan}",
        "Source: {sumber} · period {periode} · {seleksi} · groups < {minimum} respondents "
        "not shown · generated {tanggal} · {tautan}",
    ),
}


@dataclass(frozen=True)
class Asal:
    """Provenance, printed on every slide and image."""

    sumber: str
    periode: str
    seleksi: str
    minimum: int
    tanggal: str
    tautan: str

    def baris(self, lang: str) -> str:
        return i18n.teks(TEKS, "asal", lang, sumber=self.sumber, periode=self.periode, seleksi=self.seleksi,
                         minimum=self.minimum, tanggal=self.tanggal, tautan=self.tautan)


@dataclass
class Cerita:
    judul: str
    lang: str
    slide: list[Slide]
    asal: Asal
    nama_berkas: str
    dilewati: list[str] = field(default_factory=list)
    lengkap: bool = True  # False: only the first slides were built (more follow)
