"""Nilai (/nilai): the seven value indexes of the selection beside a benchmark, each with its
margin of error, and how respondents spread across the categories A-D per value.
The content is a story of blocks (berakhlak/halaman/nilai.py) drawn by render_layar."""

import streamlit as st

from berakhlak import render_layar, ui
from berakhlak.halaman import nilai

ctx = ui.mulai("nilai")
ui.judul(ctx, nilai.TEKS, "judul")
ui.tombol_presentasi(ctx)  # this view on the projector, and its deck
if not ui.cek_seleksi(ctx):
    st.stop()
banding = ui.pilih_pembanding(ctx)
render_layar.tampilkan(ctx, nilai.blok(ctx.keadaan, ctx.pilihan, banding, ctx.lang))
