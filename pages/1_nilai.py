"""Nilai (/nilai): the seven value indexes of the selection beside a benchmark, each with its
margin of error, and how respondents spread across the categories A-D per value."""

import streamlit as st

from berakhlak import aman, grafik, komponen, kontrak, layanan, privasi, statistik, ui

TEKS = {
    "judul": ("Nilai", "Values"),
    "tujuh": ("Tujuh nilai BerAKHLAK dengan margin kesalahan 95 %",
              "The seven BerAKHLAK values with 95% margins of error"),
    "sebaran": ("Sebaran responden per kategori", "Respondents by category"),
    "sebaran_ket": (
        "Bagian responden yang skornya pada tiap nilai masuk kategori A (Sehat), B (Cukup Sehat), "
        "C (Tidak Sehat) atau D.",
        "Share of respondents whose score on each value falls in category A (Healthy), "
        "B (Fairly healthy), C (Unhealthy) or D.",
    ),
    "nilai": ("Nilai", "Value"),
}

ctx = ui.mulai("nilai")
ui.judul(ctx, TEKS, "judul")
ui.tombol_presentasi(ctx)  # this view on the projector, and its deck
if not ui.cek_seleksi(ctx):
    st.stop()

k, p, lang = ctx.keadaan, ctx.pilihan, ctx.lang
penanda = privasi.penanda(lang, ctx.minimum)
baris = layanan.total(k, p)
banding = ui.pilih_pembanding(ctx)
baris_banding = layanan.total(k, banding[0]) if banding else None
panjang = statistik.panjang(baris.to_frame().T)

st.subheader(ctx.t(TEKS, "tujuh"))
komponen.grafik(grafik.batang_nilai(
    panjang, lang, penanda,
    statistik.panjang(baris_banding.to_frame().T) if baris_banding is not None else None,
    aman.grafik(banding[1]) if banding else ""))
komponen.tabel_nilai(ctx, baris, baris_banding, banding[1] if banding else None, "nilai")

st.subheader(ctx.t(TEKS, "sebaran"))
st.caption(ctx.t(TEKS, "sebaran_ket"))
komponen.grafik(grafik.sebaran_kategori(panjang, lang, penanda))
sebaran = panjang.assign(label=[kontrak.label_nilai(v, lang) for v in panjang["nilai"]])
kolom = {"label": (ctx.t(TEKS, "nilai"), "teks")}
for kode, _, label_id, label_en in kontrak.KATEGORI:
    sebaran[f"persen_{kode}"] = 100 * sebaran[f"p{kode.lower()}"]
    kolom[f"persen_{kode}"] = (f"{kode} {label_en if lang == 'en' else label_id} (%)", "desimal")
komponen.tabel(ctx, sebaran, kolom, "sebaran_kategori")
