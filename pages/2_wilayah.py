"""Wilayah (/wilayah): regions ranked and on an offline map of Indonesia; drill from province
to kabupaten/kota to agencies; with an agency selected, where it stands among its peers and
its work units; several regions (or peers) side by side. The content is
``berakhlak.halaman.wilayah`` (blocks); this script adds the widgets."""

import streamlit as st

from berakhlak import aman, grafik, komponen, layanan, privasi, render_layar, ui
from berakhlak.halaman import wilayah

TEKS = {
    "judul": ("Wilayah", "Regions"),
    "telusuri": ("Telusuri lebih rinci", "Drill down into"),
    "telusuri_unit": ("Pilih unit kerja", "Choose a work unit"),
    "pilih": ("(pilih)", "(choose)"),
    "berdampingan": ("Beberapa wilayah berdampingan", "Several regions side by side"),
    "berdampingan_instansi": ("Beberapa instansi sejenis berdampingan", "Several peer agencies side by side"),
    "berdampingan_ket": (
        "Warna: selisih tiap nilai dari {nama} (biru lebih tinggi, jingga lebih rendah); angka "
        "di sel: skornya, di bawahnya selisihnya; garis tebal: selisih melebihi margin kesalahan.",
        "Colour: each value's difference from {nama} (blue higher, orange lower); the number in "
        "a cell: its score, under it the difference; outlined: beyond the margin of error.",
    ),
    "pilih_banding": ("Pilih wilayah untuk dibandingkan", "Choose regions to compare"),
    "pilih_banding_instansi": ("Pilih instansi untuk dibandingkan", "Choose agencies to compare"),
    "banding_tak_dikenal": ("Wilayah «{nilai}» tidak ada di daftar ini; tidak dibandingkan.",
                            "Region «{nilai}» is not in this list; it is not compared."),
    "banding_terlalu_banyak": (
        "Paling banyak {maks} wilayah berdampingan; tidak ditampilkan: {sisa}.",
        "At most {maks} regions side by side; not shown: {sisa}.",
    ),
}
MAKS_BANDING = 6

ctx = ui.mulai("wilayah")
ui.judul(ctx, TEKS, "judul")
ui.tombol_presentasi(ctx)  # this view on the projector, and its deck
if not ui.cek_seleksi(ctx):
    st.stop()

k, p, lang = ctx.keadaan, ctx.pilihan, ctx.lang
render_layar.tampilkan(ctx, wilayah.blok_wilayah(k, p, lang))

# Drill down: a region one level further, or (an agency) one of its work units.
if p.instansi is None:
    tingkat = wilayah.tingkat(p)
    lebar = wilayah.rincian(k, p)
    terlihat = lebar.loc[~lebar["tersembunyi"], "kelompok"].tolist()
    if tingkat != "instansi" and terlihat:
        turun = st.selectbox(ctx.t(TEKS, "telusuri"), [None, *terlihat],
                             format_func=lambda v: ctx.t(TEKS, "pilih") if v is None else v)
        if turun:
            st.query_params[tingkat] = turun
            st.rerun()
else:
    unit = layanan.ringkas(k, "unit_kerja", p.dengan(unit_kerja=None))
    terlihat_unit = unit.loc[~unit["tersembunyi"], "kelompok"].tolist()
    if p.unit_kerja is None and terlihat_unit:
        turun = st.selectbox(ctx.t(TEKS, "telusuri_unit"), [None, *terlihat_unit],
                             format_func=lambda v: ctx.t(TEKS, "pilih") if v is None else v)
        if turun:
            st.query_params["unit_kerja"] = turun
            st.rerun()

banding = wilayah.pilihan_banding(k, p)
terlihat = banding.loc[~banding["tersembunyi"], "kelompok"].tolist() if not banding.empty else []
instansi = p.instansi is not None
st.subheader(ctx.t(TEKS, "berdampingan_instansi" if instansi else "berdampingan"))
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
urut = (banding.loc[~banding["tersembunyi"]].sort_values("indeks", ascending=False)["kelompok"].tolist()
        if terlihat else [])
awal = list(dict.fromkeys([*([p.instansi] if instansi and p.instansi in terlihat else []),
                           *urut[:1], *urut[-1:]]))  # (the agency,) the highest and the lowest
pilihan_banding = st.multiselect(ctx.t(TEKS, "pilih_banding_instansi" if instansi else "pilih_banding"),
                                 terlihat, default=dari_url or awal, max_selections=MAKS_BANDING)
st.query_params["bandingkan"] = pilihan_banding
st.session_state["wilayah_bandingkan_ditulis"] = list(pilihan_banding)
if pilihan_banding:
    acuan = layanan.total(k, p)
    nama_acuan = komponen.nama_seleksi(ctx)
    st.caption(ctx.t(TEKS, "berdampingan_ket", nama=aman.md(nama_acuan)))
    sisi = banding.set_index("kelompok").loc[pilihan_banding].reset_index()
    komponen.grafik(grafik.peta_panas(aman.grafik_df(sisi), lang, privasi.penanda(lang, ctx.minimum),
                                      acuan=acuan, nama_acuan=aman.grafik(nama_acuan)))
