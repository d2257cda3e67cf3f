"""Demografi (/demografi): the seven values by one staff dimension as a heat map of groups by
values, and the spread of the five socio-emotional levels."""

import streamlit as st

from berakhlak import aman, grafik, komponen, kontrak, layanan, privasi, ui

TEKS = {
    "judul": ("Demografi", "Demography"),
    "dimensi": ("Dimensi", "Dimension"),
    "jenis_kelamin": ("Jenis kelamin", "Sex"),
    "kelompok_usia": ("Kelompok usia", "Age group"),
    "jenis_jabatan": ("Jenis jabatan", "Position type"),
    "golongan": ("Golongan", "Grade"),
    "masa_kerja": ("Masa kerja", "Years of service"),
    "status_kepegawaian": ("Status kepegawaian", "Employment status"),
    "peta_panas": ("Tujuh nilai per {dimensi}", "The seven values by {dimensi}"),
    "level": ("Level sosio-emosional per kelompok", "Socio-emotional levels by group"),
    "level_ket": (
        "Lima level: 1 dependent, 2 ego-dependent, 3 socio-dependent, 4 intra-dependent, "
        "5 inter-dependent (tujuan yang luhur, level yang dituju).",
        "Five levels: 1 dependent, 2 ego-dependent, 3 socio-dependent, 4 intra-dependent, "
        "5 inter-dependent (noble purpose, the level to aim for).",
    ),
    "kelompok": ("Kelompok", "Group"),
    "menyiapkan": ("Menyiapkan rincian demografi…", "Preparing the demographic breakdown…"),
    "belum_siap": ("Rincian demografi masih disiapkan; coba lagi sebentar lagi.",
                   "The demographic breakdown is still being prepared; try again shortly."),
    "indeks": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "responden": ("Responden", "Respondents"),
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
penanda = privasi.penanda(lang, ctx.minimum)
semua = list(kontrak.DIMENSI_DEMOGRAFI)
awal = ui.parameter_url("dimensi", semua, "jenis_kelamin", lang)
dimensi = st.segmented_control(ctx.t(TEKS, "dimensi"), semua, default=awal,
                               format_func=lambda d: ctx.t(TEKS, d), key="dimensi_widget") or awal
st.query_params["dimensi"] = dimensi

ui.siapkan_pola(ctx, dimensi, k)
lebar = layanan.ringkas(k, "grup", p, dimensi=dimensi)
# Groups in the dimension's natural order ("< 30" before "30-39", blanks last), named in the
# reader's language (kontrak.KELOMPOK_DEMOGRAFI); privacy was decided above, whatever the order.
urut = sorted(range(len(lebar)), key=lambda i: kontrak.urutan_kelompok(dimensi, lebar["kelompok"].iloc[i]))
lebar = lebar.iloc[urut].reset_index(drop=True)
lebar["kelompok"] = [kontrak.label_kelompok(dimensi, g, lang) for g in lebar["kelompok"]]

st.subheader(ctx.t(TEKS, "peta_panas", dimensi=ctx.t(TEKS, dimensi).lower()))
komponen.grafik(grafik.peta_panas(aman.grafik_df(lebar), lang, penanda))
komponen.catatan_privasi(ctx, lebar)
komponen.tabel(ctx, lebar, {
    "kelompok": (ctx.t(TEKS, "kelompok"), "teks"),
    "n": (ctx.t(TEKS, "responden"), "bulat"),
    "indeks": (ctx.t(TEKS, "indeks"), "desimal"),
    **{v: (kontrak.label_nilai(v, lang), "desimal") for v in kontrak.KUNCI_NILAI},
}, f"demografi_{dimensi}")

st.subheader(ctx.t(TEKS, "level"))
st.caption(ctx.t(TEKS, "level_ket"))
komponen.grafik(grafik.sebaran_level(aman.grafik_df(lebar), lang, penanda))
