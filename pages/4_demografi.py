"""Demografi (/demografi): the seven values by one staff dimension as a heat map of groups by
values, coloured by each group's difference from the selection, and the spread of the five
socio-emotional levels. The content is ``berakhlak.halaman.demografi`` (blocks); this script
adds the dimension control."""

import streamlit as st

from berakhlak import kontrak, layanan, render_layar, ui
from berakhlak.halaman import demografi

TEKS = {
    "judul": ("Demografi", "Demography"),
    "dimensi": ("Dimensi", "Dimension"),
    "menyiapkan": ("Menyiapkan rincian demografi…", "Preparing the demographic breakdown…"),
    "belum_siap": ("Rincian demografi masih disiapkan; coba lagi sebentar lagi.",
                   "The demographic breakdown is still being prepared; try again shortly."),
}

ctx = ui.mulai("demografi")
ui.judul(ctx, TEKS, "judul")
ui.tombol_presentasi(ctx)  # this view on the projector, and its deck
if not ui.cek_seleksi(ctx):
    st.stop()

k, p, lang = ctx.keadaan, ctx.pilihan, ctx.lang
if not k.demografi_lengkap:  # right after a start or a new file: the breakdowns come last
    with st.spinner(ctx.t(TEKS, "menyiapkan")):
        k = layanan.keadaan_lengkap()
    if not k.demografi_lengkap:
        st.info(ctx.t(TEKS, "belum_siap"))
        st.stop()
semua = list(kontrak.DIMENSI_DEMOGRAFI)
awal = ui.parameter_url("dimensi", semua, "jenis_kelamin", lang)
dimensi = st.segmented_control(ctx.t(TEKS, "dimensi"), semua, default=awal,
                               format_func=lambda d: ctx.t(demografi.TEKS, d), key="dimensi_widget") or awal
st.query_params["dimensi"] = dimensi

ui.siapkan_pola(ctx, dimensi, k)
render_layar.tampilkan(ctx, demografi.blok_demografi(k, p, dimensi, lang))
