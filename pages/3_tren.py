"""Tren (/tren): one headline sentence (the index against the previous period, margin-aware),
then the index and each value across periods for the selection and its benchmark; a change is
marked only where it exceeds its margin of error; missing periods are gaps.
The content is a story of blocks (berakhlak/halaman/tren.py) drawn by render_layar."""

import streamlit as st

from berakhlak import kontrak, render_layar, ui
from berakhlak.halaman import tren

ctx = ui.mulai("tren")
ui.judul(ctx, tren.TEKS, "judul")
ui.tombol_presentasi(ctx)  # this view on the projector, and its deck
if not ui.cek_seleksi(ctx, semua_periode=True):  # every period is drawn
    st.stop()

k, lang = ctx.keadaan, ctx.lang
render_layar.tampilkan(ctx, tren.blok_kalimat(k, ctx.pilihan, lang))
banding = ui.pilih_pembanding(ctx)
render_layar.tampilkan(ctx, tren.blok_indeks(k, ctx.pilihan, banding, lang))

st.subheader(ctx.t(tren.TEKS, "satu_nilai"))
awal = ui.parameter_url("nilai", list(kontrak.KUNCI_NILAI), tren.nilai_baku(k, ctx.pilihan), lang)
nilai = st.segmented_control(ctx.t(tren.TEKS, "pilih_nilai"), list(kontrak.KUNCI_NILAI), default=awal,
                             format_func=lambda v: kontrak.label_nilai(v, lang), key="nilai_widget") or awal
st.query_params["nilai"] = nilai
render_layar.tampilkan(ctx, tren.blok_nilai(k, ctx.pilihan, banding, nilai, lang, dengan_judul=False))
