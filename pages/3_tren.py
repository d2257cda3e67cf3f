"""Tren (/tren): the index and each value across periods for the selection and its benchmark;
a change is marked only where it exceeds its margin of error; missing periods are gaps."""

import pandas as pd
import streamlit as st

from berakhlak import grafik, komponen, kontrak, layanan, privasi, statistik, ui

TEKS = {
    "judul": ("Tren", "Trends"),
    "indeks": ("Indeks BerAKHLAK per periode", "BerAKHLAK index by period"),
    "nilai": ("Tujuh nilai per periode", "The seven values by period"),
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
    "bermakna": ("Melebihi margin?", "Beyond margin?"),
    "ya": ("ya", "yes"),
    "tidak": ("tidak", "no"),
}


def per_periode(pilihan) -> pd.DataFrame:
    """Figures per period, with every loaded period present (absent ones as gaps)."""
    lebar = layanan.ringkas(ctx.keadaan, "periode", pilihan.tanpa_periode())
    semua = pd.DataFrame({"kelompok": list(ctx.keadaan.periode)})
    return semua.merge(lebar, on="kelompok", how="left")


ctx = ui.mulai("tren")
ui.judul(ctx, TEKS, "judul")
if not ui.cek_seleksi(ctx):
    st.stop()

lang, penanda = ctx.lang, privasi.penanda(ctx.lang, ctx.minimum)
banding = ui.pilih_pembanding(ctx)
lebar = statistik.tandai_perubahan(per_periode(ctx.pilihan))
lebar_banding = per_periode(banding[0]) if banding else None
st.caption(ctx.t(TEKS, "ket"))

st.subheader(ctx.t(TEKS, "indeks"))
komponen.grafik(grafik.tren_indeks(lebar, lang, penanda, lebar_banding, banding[1] if banding else ""))
komponen.tabel(ctx, lebar, {
    "kelompok": (ctx.t(TEKS, "periode"), "teks"),
    "indeks": (ctx.t(TEKS, "indeks_kol"), "desimal"),
    "moe_indeks": (ctx.t(TEKS, "moe"), "desimal"),
    "n": (ctx.t(TEKS, "responden"), "bulat"),
    "ubah_indeks": (ctx.t(TEKS, "ubah"), "desimal"),
}, "tren_indeks")

st.subheader(ctx.t(TEKS, "nilai"))
komponen.grafik(grafik.tren(statistik.panjang(lebar), lang, penanda))
tabel = lebar[["kelompok", *kontrak.KUNCI_NILAI]]
komponen.tabel(ctx, tabel, {"kelompok": (ctx.t(TEKS, "periode"), "teks"),
                            **{v: (kontrak.label_nilai(v, lang), "desimal") for v in kontrak.KUNCI_NILAI}},
               "tren_nilai")
