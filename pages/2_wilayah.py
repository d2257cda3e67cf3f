"""Wilayah (/wilayah): regions ranked and on an offline map of Indonesia; drill from province
to kabupaten/kota to agencies; several regions side by side."""

import streamlit as st

from berakhlak import aman, grafik, komponen, kontrak, layanan, privasi, ui

TEKS = {
    "judul": ("Wilayah", "Regions"),
    "peringkat_provinsi": ("Peringkat provinsi", "Provinces ranked"),
    "peringkat_kabupaten_kota": ("Peringkat kabupaten/kota di {induk}", "Regencies/cities in {induk} ranked"),
    "peringkat_instansi": ("Peringkat instansi di {induk}", "Agencies in {induk} ranked"),
    "peta": ("Peta indeks per provinsi", "Index by province on the map"),
    "peta_ket": ("Setiap kotak satu provinsi, di sekitar letaknya; makin gelap, makin tinggi indeksnya.",
                 "Each tile is one province, near its location; the darker, the higher its index."),
    "telusuri": ("Telusuri lebih rinci", "Drill down into"),
    "pilih": ("(pilih)", "(choose)"),
    "berdampingan": ("Beberapa wilayah berdampingan", "Several regions side by side"),
    "pilih_banding": ("Pilih wilayah untuk dibandingkan", "Choose regions to compare"),
    "indeks": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "wilayah": ("Wilayah", "Region"),
    "kategori": ("Kategori", "Category"),
    "responden": ("Responden", "Respondents"),
    "moe": ("Margin kesalahan (±)", "Margin of error (±)"),
    "banding_tak_dikenal": ("Wilayah «{nilai}» tidak ada di daftar ini; tidak dibandingkan.",
                            "Region «{nilai}» is not in this list; it is not compared."),
    "banding_terlalu_banyak": (
        "Paling banyak {maks} wilayah berdampingan; tidak ditampilkan: {sisa}.",
        "At most {maks} regions side by side; not shown: {sisa}.",
    ),
}
MAKS_BANDING = 6
TURUNAN = {"provinsi": "kabupaten_kota", "kabupaten_kota": "instansi", "instansi": None}

ctx = ui.mulai("wilayah")
ui.judul(ctx, TEKS, "judul")
ui.tombol_presentasi(ctx)  # this view on the projector, and its deck
if not ui.cek_seleksi(ctx):
    st.stop()

k, p, lang = ctx.keadaan, ctx.pilihan, ctx.lang
penanda = privasi.penanda(lang, ctx.minimum)
tingkat = "provinsi" if p.provinsi is None else "kabupaten_kota" if p.kabupaten_kota is None else "instansi"
induk = p.kabupaten_kota or p.provinsi or ""
lebar = layanan.ringkas(k, tingkat, p)

st.subheader(ctx.t(TEKS, f"peringkat_{tingkat}", induk=aman.md(induk)))
if tingkat == "provinsi":
    st.markdown(f"**{ctx.t(TEKS, 'peta')}**")
    st.caption(ctx.t(TEKS, "peta_ket"))
    komponen.grafik(grafik.peta_provinsi(lebar, lang, penanda))
komponen.grafik(grafik.peringkat(aman.grafik_df(lebar), lang, penanda, ui.tx(tingkat, lang)))
komponen.catatan_privasi(ctx, lebar)

terlihat = lebar.loc[~lebar["tersembunyi"], "kelompok"].tolist()
if tingkat != "instansi" and terlihat:
    turun = st.selectbox(ctx.t(TEKS, "telusuri"), [None, *terlihat],
                         format_func=lambda v: ctx.t(TEKS, "pilih") if v is None else v)
    if turun:
        st.query_params[tingkat] = turun
        st.rerun()

lebar = lebar.assign(kategori_label=[
    f"{kode} · {kontrak.label_kategori(kode, lang)}" if kode else "" for kode in lebar["kategori"]])
komponen.tabel(ctx, lebar.sort_values("indeks", ascending=False), {
    "kelompok": (ctx.t(TEKS, "wilayah"), "teks"),
    "indeks": (ctx.t(TEKS, "indeks"), "desimal"),
    "moe_indeks": (ctx.t(TEKS, "moe"), "desimal"),
    "kategori_label": (ctx.t(TEKS, "kategori"), "teks"),
    "n": (ctx.t(TEKS, "responden"), "bulat"),
    **{v: (kontrak.label_nilai(v, lang), "desimal") for v in kontrak.KUNCI_NILAI},
}, f"wilayah_{tingkat}")

st.subheader(ctx.t(TEKS, "berdampingan"))
# From the URL: each region once, only those listed here, at most MAKS_BANDING (a repeated
# or overlong list must never raise); a notice names every value dropped from a link. What
# this page wrote itself on an earlier run (regions of the level before a drill-down) is
# dropped quietly.
mentah_banding = st.query_params.get_all("bandingkan")
sendiri = mentah_banding == st.session_state.get("wilayah_bandingkan_ditulis")
dari_url = []
for w in dict.fromkeys(mentah_banding):
    if w in terlihat:
        dari_url.append(w)
    elif w != "" and not sendiri:
        st.warning(ctx.t(TEKS, "banding_tak_dikenal", nilai=aman.md(w)))
if len(dari_url) > MAKS_BANDING:
    st.warning(ctx.t(TEKS, "banding_terlalu_banyak", maks=MAKS_BANDING,
                     sisa=", ".join(f"«{aman.md(w)}»" for w in dari_url[MAKS_BANDING:])))
    dari_url = dari_url[:MAKS_BANDING]
urut = lebar.loc[~lebar["tersembunyi"]].sort_values("indeks", ascending=False)["kelompok"].tolist()
awal = list(dict.fromkeys([*urut[:1], *urut[-1:]]))  # the highest and the lowest
pilihan_banding = st.multiselect(ctx.t(TEKS, "pilih_banding"), terlihat,
                                 default=dari_url or awal, max_selections=MAKS_BANDING)
st.query_params["bandingkan"] = pilihan_banding
st.session_state["wilayah_bandingkan_ditulis"] = list(pilihan_banding)
if pilihan_banding:
    sisi = lebar.set_index("kelompok").loc[pilihan_banding].reset_index()
    komponen.grafik(grafik.peta_panas(aman.grafik_df(sisi), lang, penanda))
