"""Tren (/tren): the index and each value across periods for the selection and its benchmark;
a change is marked only where it exceeds its margin of error; missing periods are gaps."""

import streamlit as st

from berakhlak import aman, grafik, komponen, kontrak, layanan, privasi, statistik, ui

TEKS = {
    "judul": ("Tren", "Trends"),
    "indeks": ("Indeks BerAKHLAK per periode", "BerAKHLAK index by period"),
    "tabel": ("Indeks dan tujuh nilai per periode", "Index and the seven values by period"),
    "satu_nilai": ("Satu nilai dibanding pembanding", "One value against the benchmark"),
    "pilih_nilai": ("Nilai", "Value"),
    "ket": (
        "Titik bertepi tebal: perubahan dari periode sebelumnya melebihi margin kesalahan 95 %. "
        "Periode tanpa data untuk pilihan ini tampil sebagai celah, bukan nol.",
        "Points with a thick outline: the change from the previous period exceeds the 95% "
        "margin of error. Periods without data for this selection show as gaps, not zeros.",
    ),
    "periode": ("Periode", "Period"),
    "indeks_kol": ("Indeks", "Index"),
    "moe": ("Margin kesalahan (±)", "Margin of error (±)"),
    "responden": ("Responden", "Respondents"),
    "ubah": ("Perubahan", "Change"),
}


ctx = ui.mulai("tren")
ui.judul(ctx, TEKS, "judul")
ui.tombol_presentasi(ctx)  # this view on the projector, and its deck
if not ui.cek_seleksi(ctx):
    st.stop()

lang, penanda = ctx.lang, privasi.penanda(ctx.lang, ctx.minimum)
banding = ui.pilih_pembanding(ctx)
lebar = statistik.tandai_perubahan(layanan.per_periode(ctx.keadaan, ctx.pilihan))
lebar_banding = layanan.per_periode(ctx.keadaan, banding[0]) if banding else None
st.caption(ctx.t(TEKS, "ket"))

st.subheader(ctx.t(TEKS, "indeks"))
nama_banding = aman.grafik(banding[1]) if banding else ""  # a name from data, drawn literally
komponen.grafik(grafik.tren_indeks(lebar, lang, penanda, lebar_banding, nama_banding))
st.subheader(ctx.t(TEKS, "satu_nilai"))
terakhir = lebar.dropna(subset=["indeks"]).iloc[-1] if lebar["indeks"].notna().any() else None
lemah = statistik.terlemah_terkuat(terakhir)[0] if terakhir is not None else None
awal = ui.parameter_url("nilai", list(kontrak.KUNCI_NILAI), lemah or kontrak.KUNCI_NILAI[0], lang)
nilai = st.segmented_control(ctx.t(TEKS, "pilih_nilai"), list(kontrak.KUNCI_NILAI), default=awal,
                             format_func=lambda v: kontrak.label_nilai(v, lang), key="nilai_widget") or awal
st.query_params["nilai"] = nilai
satu = statistik.panjang(lebar).query("nilai == @nilai")
satu_banding = statistik.panjang(lebar_banding).query("nilai == @nilai") if lebar_banding is not None else None
komponen.grafik(grafik.tren(satu, lang, penanda, pembanding=satu_banding,
                            label_pembanding=nama_banding))

st.subheader(ctx.t(TEKS, "tabel"))
komponen.tabel(ctx, lebar, {
    "kelompok": (ctx.t(TEKS, "periode"), "teks"),
    "n": (ctx.t(TEKS, "responden"), "bulat"),
    "indeks": (ctx.t(TEKS, "indeks_kol"), "desimal"),
    "moe_indeks": (ctx.t(TEKS, "moe"), "desimal"),
    "ubah_indeks": (ctx.t(TEKS, "ubah"), "selisih"),
    **{v: (kontrak.label_nilai(v, lang), "desimal") for v in kontrak.KUNCI_NILAI},
}, "tren")
