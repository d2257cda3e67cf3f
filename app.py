"""Ringkasan (/): the headline of a selection: index and category, respondents, change since
the previous period, the seven values, weakest and strongest, and a chosen benchmark."""

import streamlit as st

from berakhlak import aman, grafik, komponen, layanan, narasi, privasi, statistik, ui
from berakhlak import format as fmt

TEKS = {
    "judul": ("Ringkasan", "Summary"),
    "indeks": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "responden": ("Responden", "Respondents"),
    "perubahan": ("Perubahan sejak {periode}", "Change since {periode}"),
    "perubahan_kosong": ("Perubahan", "Change"),
    "tak_ada_lalu": ("periode pertama", "first period"),
    "terlemah": ("Nilai terlemah", "Weakest value"),
    "terkuat": ("Nilai terkuat", "Strongest value"),
    "yang_penting": ("Yang perlu diperhatikan", "What matters"),
    "tujuh_nilai": ("Tujuh nilai dan pembanding", "The seven values and the benchmark"),
    "tujuh_nilai_saja": ("Tujuh nilai", "The seven values"),
}

ctx = ui.mulai("ringkasan")
ui.judul(ctx, TEKS, "judul")
ui.tombol_presentasi(ctx)  # this view on the projector, and its deck
if not ui.cek_seleksi(ctx):
    st.stop()

k, p, lang = ctx.keadaan, ctx.pilihan, ctx.lang
baris = layanan.total(k, p)
banding = ui.pilih_pembanding(ctx)
baris_banding = layanan.total(k, banding[0]) if banding else None
periode_lalu = layanan.periode_sebelumnya(k, p)
baris_lalu = layanan.total(k, p.dengan(periode=periode_lalu)) if periode_lalu else None
lemah, kuat = statistik.terlemah_terkuat(baris)

kolom = st.columns([1.3, 1, 1.2, 1.2, 1.2])
with kolom[0]:
    st.metric(ctx.t(TEKS, "indeks"), fmt.desimal(baris["indeks"], lang))
    ui.lencana_kategori(baris["kategori"], lang)
kolom[1].metric(ctx.t(TEKS, "responden"), fmt.bulat(baris["n"], lang))
komponen.metrik_perubahan(kolom[2], baris, baris_lalu, periode_lalu, lang, TEKS)
with kolom[3]:
    komponen.metrik_nilai(st.container(key="ekstrem_lemah"), ctx.t(TEKS, "terlemah"), lemah, baris, lang)
    ui.tautan_tren(st, ctx, lemah)  # that value over time, same selection and language
with kolom[4]:
    komponen.metrik_nilai(st.container(key="ekstrem_kuat"), ctx.t(TEKS, "terkuat"), kuat, baris, lang)
    ui.tautan_tren(st, ctx, kuat)

st.subheader(ctx.t(TEKS, "yang_penting"))
nama = aman.md(komponen.nama_seleksi(ctx))  # names from data: shown literally
kalimat = [
    narasi.kalimat_indeks(baris, nama, p.periode, lang),
    narasi.kalimat_terlemah(baris, lang),
    narasi.kalimat_perubahan(baris, baris_lalu, periode_lalu, lang),
    narasi.kalimat_banding(baris, baris_banding, aman.md(banding[1]), lang) if banding else None,
]
st.markdown("\n".join(f"- {s}" for s in kalimat if s))

st.subheader(ctx.t(TEKS, "tujuh_nilai" if banding else "tujuh_nilai_saja"))
panjang = statistik.panjang(baris.to_frame().T)
panjang_banding = statistik.panjang(baris_banding.to_frame().T) if baris_banding is not None else None
komponen.grafik(
    grafik.batang_nilai(panjang, lang, privasi.penanda(lang, ctx.minimum), panjang_banding,
                        aman.grafik(banding[1]) if banding else "")
)
komponen.tabel_nilai(ctx, baris, baris_banding, banding[1] if banding else None, "ringkasan")
