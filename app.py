"""Ringkasan (/): the headline of a selection: index and category, respondents, change since
the previous period, the seven values, weakest and strongest, and a chosen benchmark.
The content is a story of blocks (berakhlak/halaman/ringkasan.py) drawn by render_layar."""

import streamlit as st

from berakhlak import render_layar, ui
from berakhlak.halaman import ringkasan

ctx = ui.mulai("ringkasan")
ui.judul(ctx, ringkasan.TEKS, "judul")
ui.tombol_presentasi(ctx)  # this view on the projector, and its deck
if not ui.cek_seleksi(ctx):
    st.stop()
banding = ui.pilih_pembanding(ctx)
render_layar.tampilkan(ctx, ringkasan.blok(ctx.keadaan, ctx.pilihan, banding, ctx.lang))
