"""The desk screen: a list of blocks (:mod:`berakhlak.blok`) drawn with Streamlit the way the
pages draw them. A page script builds its story with a pure function and hands it here::

    ctx = ui.mulai("nilai")
    ...
    render_layar.tampilkan(ctx, halaman.nilai.cerita(ctx.keadaan, ctx.pilihan, banding, ctx.lang))

Every text is escaped here (``aman.md``): blocks hold plain text. Tables go through
``komponen.tabel`` (formatted, privacy markers, CSV download); charts through
``komponen.grafik`` with a PNG download of the chart with its title, selection, period and
provenance footer (:mod:`berakhlak.render_png`, rendered only when clicked).
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from berakhlak import aman, komponen, ui
from berakhlak.blok import Blok, ButirMetrik, Catatan, Grafik, Judul, Metrik, Tabel

_GAYA = """
<style>
.st-key-kalimat_utama p { font-size: 1.3rem; line-height: 1.4; font-weight: 600; }
</style>
"""


def tampilkan(ctx: ui.Konteks, blok: Iterable[Blok]) -> None:
    """Draw ``blok`` in order on the current page."""
    daftar = list(blok)
    if any(isinstance(b, Judul) for b in daftar):
        st.html(_GAYA)
    nomor_grafik = 0
    for b in daftar:
        if isinstance(b, Judul):
            st.container(key="kalimat_utama").markdown(aman.md(b.teks))
        elif isinstance(b, Metrik):
            _metrik(ctx, b)
        elif isinstance(b, Grafik):
            nomor_grafik += 1
            _grafik(ctx, b, nomor_grafik)
        elif isinstance(b, Tabel):
            if b.judul:
                st.subheader(aman.md(b.judul))
            komponen.tabel(ctx, b.data, b.kolom, b.nama)
        elif isinstance(b, Catatan):
            _catatan(b)
        else:
            raise TypeError(f"not a block: {type(b).__name__}")


def _metrik(ctx: ui.Konteks, blok: Metrik) -> None:
    kolom = st.columns(list(blok.lebar) if blok.lebar else len(blok.butir))
    for tempat, b in zip(kolom, blok.butir, strict=True):
        with tempat:
            _butir(ctx, b)


def _butir(ctx: ui.Konteks, b: ButirMetrik) -> None:
    tempat = st.container(key=b.kunci) if b.kunci else st
    berarah = b.arah in ("up", "down")
    tempat.metric(b.label, b.nilai, b.keterangan or None, delta_color="normal" if berarah else "off",
                  delta_arrow=b.arah if berarah else "off")
    if b.kategori:
        ui.lencana_kategori(b.kategori, ctx.lang)
    if b.nilai_tren:
        ui.tautan_tren(st, ctx, b.nilai_tren)


def _grafik(ctx: ui.Konteks, b: Grafik, nomor: int) -> None:
    if b.judul:
        st.subheader(aman.md(b.judul))
    if b.keterangan:
        st.caption(aman.md(b.keterangan))
    komponen.grafik(b.figur, nama_berkas=komponen.nama_gambar(ctx, b.nama or f"grafik-{nomor}"))
    komponen.tombol_png(ctx, b, key=f"png_{b.nama or nomor}")


def _catatan(b: Catatan) -> None:
    if b.judul:
        st.subheader(aman.md(b.judul))
    if b.kecil:
        st.caption(" ".join(aman.md(t) for t in b.butir))
    elif len(b.butir) == 1:
        st.markdown(aman.md(b.butir[0]))
    elif b.butir:
        st.markdown("\n".join(f"- {aman.md(t)}" for t in b.butir))
