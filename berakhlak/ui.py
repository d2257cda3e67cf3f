"""Page scaffolding shared by every page: URL filters, sidebar, navigation, notices, downloads.

The URL is the single source of truth for a view: every page reads its filters from
``st.query_params`` and writes them back, so a copied link reopens the same view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from berakhlak import aman, cari, i18n, katalog, kontrak, layanan, privasi, warna
from berakhlak import format as fmt
from berakhlak.layanan import Pilihan

HALAMAN: dict[str, tuple[str, str, str]] = {
    # key: (script, label id, label en)
    "ringkasan": ("app.py", "Ringkasan", "Summary"),
    "nilai": ("pages/1_nilai.py", "Nilai", "Values"),
    "wilayah": ("pages/2_wilayah.py", "Wilayah", "Regions"),
    "tren": ("pages/3_tren.py", "Tren", "Trends"),
    "demografi": ("pages/4_demografi.py", "Demografi", "Demography"),
    "data": ("pages/5_data.py", "Data", "Data"),
}

TEKS: dict[str, tuple[str, str]] = {
    "judul_app": ("Dasbor BerAKHLAK", "BerAKHLAK Dashboard"),
    "sub_app": ("Survei Budaya Kerja ASN", "ASN Work-Culture Survey"),
    "bahasa": ("Bahasa", "Language"),
    "filter": ("Filter", "Filters"),
    "semua": ("Semua", "All"),
    "periode": ("Periode", "Period"),
    "jenis_instansi": ("Jenis instansi", "Agency type"),
    "provinsi": ("Provinsi", "Province"),
    "kabupaten_kota": ("Kabupaten/kota", "Regency/city"),
    "instansi": ("Instansi", "Agency"),
    "cari": ("Cari instansi", "Find an agency"),
    "cari_contoh": ("mis. tegal kab, bkn", "e.g. tegal kab, bkn"),
    "cari_bantuan": (
        "Kata apa saja dari nama, dalam urutan apa saja, atau singkatan yang lazim (kemendikbud, "
        "kemenkeu, bkn, pemkab, pemkot, pemprov, kab, kota). Tekan Enter; bila hanya satu yang "
        "cocok, instansi itu langsung dibuka.",
        "Any words of the name in any order, or a common abbreviation (kemendikbud, kemenkeu, bkn, "
        "pemkab, pemkot, pemprov, kab, kota). Press Enter; when only one agency matches, it opens.",
    ),
    "cari_kosong": ("Tidak ada instansi yang cocok dengan «{kueri}».",
                    "No agency matches «{kueri}»."),
    "cari_lainnya": ("dan {n} lainnya: tambahkan kata untuk mempersempit.",
                     "and {n} more: add a word to narrow it down."),
    "instansi_terpilih": ("{nama} · ada data: {periode}", "{nama} · data for: {periode}"),
    "tanpa_data_periode": ("{nama} — tidak ada data {periode}", "{nama} — no data in {periode}"),
    "pindah_periode": (
        "{nama} tidak memiliki data {diminta}; ditampilkan periode terakhirnya, {periode}.",
        "{nama} has no data for {diminta}; showing its latest period, {periode}.",
    ),
    "unit_kerja": ("Unit kerja", "Work unit"),
    "tak_dikenal": (
        "{label} «{nilai}» tidak ada dalam data yang dipilih; ditampilkan: {ganti}.",
        "{label} «{nilai}» is not in the selected data; showing: {ganti}.",
    ),
    "bahasa_tak_dikenal": (
        "Bahasa «{nilai}» tidak dikenal; ditampilkan dalam Bahasa Indonesia (pilihan: id, en).",
        "Language «{nilai}» is not known; showing Bahasa Indonesia (choices: id, en).",
    ),
    "demo": (
        "**Data sintetis (demo)**: bukan hasil survei sebenarnya.",
        "**Synthetic (demo) data**: not real survey results.",
    ),
    "demo_rinci": (
        "Folder data belum berisi ekstrak survei, jadi dasbor memakai data contoh buatan. Hanya "
        "angka nasional 2022 dan 2023 serta Kabupaten Tegal 2022 yang sengaja disamakan dengan "
        "angka terbitan. Letakkan berkas Parquet, CSV atau Excel (.xlsx) di folder data untuk memakai "
        "data sebenarnya.",
        "The data folder holds no survey extracts yet, so the dashboard runs on generated "
        "sample data. Only the national 2022 and 2023 figures and Kabupaten Tegal 2022 are "
        "calibrated to published ones. Put Parquet, CSV or Excel (.xlsx) files in the data folder "
        "to use real data.",
    ),
    "melindungi": ("Menyiapkan perlindungan kerahasiaan untuk data ini…",
                   "Preparing the confidentiality protection for this data…"),
    "buka_lebih_luas": ("Buka pilihan yang lebih luas: {nama}", "Open a wider selection: {nama}"),
    "unduh": ("Unduh CSV", "Download CSV"),
    "pembanding": ("Pembanding", "Benchmark"),
    "banding_nasional": ("Nasional", "National"),
    "banding_provinsi": ("Provinsi", "Province"),
    "banding_jenis": ("Instansi sejenis", "Same agency type"),
    "nasional": ("Nasional", "National"),
    "semua_data": ("Semua data: {provinsi} dari {total} provinsi, {instansi} instansi",
                   "All data: {provinsi} of {total} provinces, {instansi} agencies"),
    "semua_data_kalimat": ("semua data ({provinsi} dari {total} provinsi, {instansi} instansi)",
                           "all data ({provinsi} of {total} provinces, {instansi} agencies)"),
    "banding_semua": ("Semua data", "All data"),
    "pembanding_sama": ("Pilihan ini adalah pembanding itu sendiri ({nama}), jadi tidak dibandingkan.",
                        "This selection is the benchmark itself ({nama}), so it is not compared."),
    "lihat_tren": ("Tren {nilai}", "{nilai} over time"),
    "seluruh": ("seluruh data", "all data"),
    "memperbarui": ("Berkas baru sedang diperiksa; angka ini dari data sebelumnya.",
                    "New files are being checked; these figures are from the previous data."),
    "memuat": ("Memuat dan memeriksa data…", "Loading and checking data…"),
    "gagal_memuat": ("Data belum dapat dimuat; coba muat ulang halaman sebentar lagi. Sebab: {sebab}",
                     "The data could not be loaded yet; reload the page shortly. Cause: {sebab}"),
}


# Page parameters other than the filters that a link to a wider selection keeps.
PARAMETER_LAIN = ("lang", "banding", "nilai", "dimensi")


def tx(kunci: str, lang: str, **isi) -> str:
    return i18n.teks(TEKS, kunci, lang, **isi)


@dataclass
class Konteks:
    """What a page needs to draw itself."""

    lang: str
    pilihan: Pilihan
    keadaan: katalog.Keadaan
    minimum: int
    halaman: str = "ringkasan"

    def t(self, kamus: dict, kunci: str, **isi) -> str:
        return i18n.teks(kamus, kunci, self.lang, **isi)


_GAYA = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-bottom: 2rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2.3rem; padding-top: 0.2rem; }
[data-testid="stMainBlockContainer"] h3 { font-size: 1.45rem; }
[data-testid="stSidebarHeader"] { height: 1rem; }
[data-testid="stMetricValue"] { font-size: 2.4rem; }
[data-testid="stMetricValue"] div, [data-testid="stMetricDelta"] div {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem; }
[data-testid="stMetricLabel"] div, [data-testid="stMetricLabel"] p {
    white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[class*="st-key-ekstrem"] [data-testid="stMetricValue"] { font-size: 1.7rem; line-height: 1.15; }
[data-testid="stSelectboxVirtualDropdown"] { width: max-content !important; min-width: var(--trigger-width);
    max-width: min(46rem, calc(100vw - 3rem)) !important; }
[class*="st-key-hasil_cari"] button { justify-content: flex-start; text-align: left; }
.st-key-kalimat_utama p { font-size: 1.3rem; line-height: 1.4; font-weight: 600; }
.kategori { display:inline-block; padding:0.25rem 0.8rem; border-radius:0.4rem;
            font-weight:700; font-size:1.1rem; white-space: nowrap; }
</style>
"""


def mulai(halaman: str, perlu_filter: bool = True) -> Konteks:
    """Set the page up: config, language, data snapshot, navigation, filters, demo notice."""
    label = HALAMAN[halaman]
    st.set_page_config(page_title=f"{label[1]} · BerAKHLAK", layout="wide")
    mentah_lang = st.query_params.get("lang")
    lang = i18n.bahasa(mentah_lang)
    st.html(_GAYA)
    if mentah_lang not in (None, "", lang):  # said in both languages: the reader chose neither
        st.warning("  \n".join(tx("bahasa_tak_dikenal", b, nilai=aman.md(mentah_lang)) for b in i18n.BAHASA),
                   icon=":material/translate:")
    k = _keadaan(lang)
    if st.query_params.get("tampilan") == "presentasi":  # the projector: one slide, no sidebar
        from berakhlak import render_proyektor

        render_proyektor.tampilkan(k, lang, halaman)
        st.stop()
    with st.sidebar:
        st.markdown(f"### {tx('judul_app', lang)}\n{tx('sub_app', lang)}")
        nav = st.container()
        pilihan = Pilihan()
        if perlu_filter:
            pilihan = _filter(k, lang)
            _tulis_url(pilihan)
        with nav:
            _navigasi(halaman, lang)
        _pilih_bahasa(lang)
    if k.demo:
        st.info(tx("demo", lang), icon=":material/science:")
    _kabar_pindah_periode(pilihan, lang)
    return Konteks(lang=lang, pilihan=pilihan, keadaan=k, minimum=privasi.minimum(), halaman=halaman)


def _keadaan(lang: str) -> katalog.Keadaan:
    """The snapshot the page shows. While the first one is being built (a large folder after a
    cold start), a progress bar instead of a spinner: files checked, files summarised and the
    estimated time left, refreshed every second until the snapshot appears."""
    teks = {
        "periksa": ("Berkas diperiksa: {n} dari {total}", "Files checked: {n} of {total}"),
        "ringkas": ("ringkasan dibuat: {n} dari {total}", "summaries built: {n} of {total}"),
        "tumpang": ("mencari responden yang sama di beberapa berkas",
                    "looking for the same respondents in several files"),
        "sisa": ("sisa waktu kira-kira {waktu}", "about {waktu} left"),
        "kira": ("memperkirakan sisa waktu…", "estimating the time left…"),
        "detik": ("{n} detik", "{n} s"),
        "menit": ("{n} menit", "{n} min"),
    }

    def kemajuan(m: katalog.Kemajuan) -> str:
        bagian = [i18n.teks(teks, "periksa", lang, n=fmt.bulat(m.diperiksa, lang),
                            total=fmt.bulat(m.berkas, lang))]
        if m.tahap == "tumpang":
            bagian.append(i18n.teks(teks, "tumpang", lang))
        if m.ringkasan:
            bagian.append(i18n.teks(teks, "ringkas", lang, n=fmt.bulat(m.diringkas, lang),
                                    total=fmt.bulat(m.ringkasan, lang)))
        sisa = m.sisa_detik()
        if sisa is None:
            bagian.append(i18n.teks(teks, "kira", lang))
        else:
            waktu = (i18n.teks(teks, "detik", lang, n=fmt.bulat(max(1, round(sisa)), lang)) if sisa < 90
                     else i18n.teks(teks, "menit", lang, n=fmt.bulat(round(sisa / 60), lang)))
            bagian.append(i18n.teks(teks, "sisa", lang, waktu=waktu))
        return " · ".join(bagian)

    kat = katalog.katalog()
    try:
        if not kat.siap:
            papan = st.empty()
            while (k := kat.tunggu_pertama(1.0)) is None:
                m = kat.kemajuan
                with papan.container():
                    st.markdown(f"**{tx('memuat', lang)}**")
                    st.progress(m.bagian if m else 0.0, text=kemajuan(m) if m else None)
            papan.empty()
            return k
        k = layanan.keadaan()
    except katalog.GagalMemuat as e:  # a plain sentence, never a traceback
        st.error(tx("gagal_memuat", lang, sebab=aman.md(e)))
        st.stop()
    if kat.sedang_memperbarui:
        st.toast(tx("memperbarui", lang))
    return k


def _navigasi(aktif: str, lang: str) -> None:
    """Links to every page carrying the current filters, so the view survives a page change."""
    params = {k: st.query_params[k] for k in kontrak.FILTER if k in st.query_params}
    if lang != i18n.BAKU:
        params["lang"] = lang
    for kunci, (script, label_id, label_en) in HALAMAN.items():
        st.page_link(script, label=label_en if lang == "en" else label_id,
                     query_params=params, disabled=kunci == aktif)


def _pilih_bahasa(lang: str) -> None:
    pilih = st.segmented_control(
        tx("bahasa", lang), ["id", "en"], default=lang,
        format_func=lambda b: {"id": "Bahasa Indonesia", "en": "English"}[b],
    )
    if pilih and pilih != lang:
        st.query_params["lang"] = pilih
        st.rerun()


# Session keys: the agency search box; the period an agency without data was moved to (agency,
# period asked, period shown) for the notice in the main area; a counter that gives the period
# widget a fresh identity after such a move (else its own state would undo the move).
KUNCI_CARI = "cari_instansi"
_PINDAH = "_pindah_periode"
_GENERASI = "_generasi_periode"


def _filter(k: katalog.Keadaan, lang: str) -> Pilihan:
    """Sidebar filters seeded from the URL; an unknown value gets a notice and a fallback.

    The agency list holds every agency of every period (those without data in the chosen period
    marked); an agency chosen without data in the period opens its latest period instead."""
    st.markdown(f"**{tx('filter', lang)}**")
    tempat_cari = st.container()  # first: finding an agency is what most readers come for
    pilihan = Pilihan()
    di_url = {c: st.query_params[c] for c in kontrak.FILTER if c != "periode" and c in st.query_params}
    for kolom in kontrak.FILTER:
        if kolom == "instansi":
            with tempat_cari:
                _kotak_cari(k, pilihan, lang)
            pilihan = pilihan.dengan(instansi=_pilih_instansi(k, pilihan, lang))
            continue
        opsi = layanan.opsi(k, kolom, pilihan)
        baku = layanan.periode_terakhir(k, di_url) if kolom == "periode" else None
        nilai = _dari_url(kolom, opsi, lang, baku)
        if kolom == "periode":
            pilih = st.selectbox(tx(kolom, lang), opsi, index=opsi.index(nilai) if opsi else None,
                                 format_func=str, key=f"periode_{nilai}_{st.session_state.get(_GENERASI, 0)}")
        else:
            semua = [None, *opsi]
            pilih = st.selectbox(tx(kolom, lang), semua, index=semua.index(nilai),
                                 format_func=lambda v: tx("semua", lang) if v is None else str(v))
        pilihan = pilihan.dengan(**{kolom: pilih})
    _ke_periode_instansi(k, pilihan)
    return pilihan


def _pilih_instansi(k: katalog.Keadaan, pilihan: Pilihan, lang: str) -> str | None:
    """The agency box: every agency of every period within the filters above it, those without
    data in the chosen period marked; under it the chosen one's full name and periods."""
    per = layanan.periode_instansi(k, pilihan)
    nilai = _dari_url("instansi", list(per), lang)
    semua = [None, *per]

    def label(v) -> str:
        if v is None:
            return tx("semua", lang)
        return label_instansi(v, per[v], pilihan.periode, lang)

    pilih = st.selectbox(tx("instansi", lang), semua, index=semua.index(nilai), format_func=label)
    if pilih is not None:  # the full name (the box cuts it at the sidebar's width) and its periods
        st.caption(tx("instansi_terpilih", lang, nama=aman.md(pilih), periode=", ".join(map(str, per[pilih]))))
    return pilih


def label_instansi(nama: str, periode_ada: tuple[int, ...], periode: int | None, lang: str) -> str:
    """An agency as listed: its full name, marked when it has no data in ``periode``."""
    if periode is None or periode in periode_ada:
        return str(nama)
    return tx("tanpa_data_periode", lang, nama=nama, periode=periode)


def _kotak_cari(k: katalog.Keadaan, pilihan: Pilihan, lang: str) -> None:
    """The agency search at the top of the filters. Enter: one match opens it; several are
    listed as buttons (full names, wrapped), best first, marked as the agency list marks them."""
    st.text_input(tx("cari", lang), key=KUNCI_CARI, type="search", placeholder=tx("cari_contoh", lang), help=tx("cari_bantuan", lang),
                  on_change=_saat_cari, args=(pilihan,))
    kueri = st.session_state.get(KUNCI_CARI) or ""
    if not cari.kata(kueri):
        return
    per = layanan.periode_instansi(k)
    hasil = cari.cari(kueri, per)
    if not hasil:
        st.caption(tx("cari_kosong", lang, kueri=aman.md(kueri)))
        return
    for i, nama in enumerate(hasil[:cari.BATAS_HASIL]):
        st.button(aman.md(label_instansi(nama, per[nama], pilihan.periode, lang)), key=f"hasil_cari_{i}",
                  on_click=_pilih_dari_cari, args=(nama, pilihan), width="stretch", wrap=True)
    if len(hasil) > cari.BATAS_HASIL:
        st.caption(tx("cari_lainnya", lang, n=len(hasil) - cari.BATAS_HASIL))


def _saat_cari(pilihan: Pilihan) -> None:
    """Enter in the search box: a single match is opened at once."""
    hasil = cari.cari(st.session_state.get(KUNCI_CARI) or "", layanan.periode_instansi(layanan.keadaan()))
    if len(hasil) == 1:
        _pilih_dari_cari(hasil[0], pilihan)


def _pilih_dari_cari(nama: str, pilihan: Pilihan) -> None:
    """Open agency ``nama`` (a callback): the filters above it that it lies within are kept,
    the others and the work unit dropped, the period kept; the search box is emptied."""
    tetap = cari.filter_cocok(layanan.keadaan(), nama, pilihan)
    for kolom in ("jenis_instansi", "provinsi", "kabupaten_kota", "unit_kerja"):
        if kolom in tetap:
            st.query_params[kolom] = tetap[kolom]
        else:
            st.query_params.pop(kolom, None)
    st.query_params["instansi"] = nama
    st.session_state[KUNCI_CARI] = ""


def _ke_periode_instansi(k: katalog.Keadaan, pilihan: Pilihan) -> None:
    """An agency chosen (link or pick) in a period it has no data in: open its latest period
    instead, say so in the main area (see :func:`_kabar_pindah_periode`) and rerun."""
    if pilihan.instansi is None or pilihan.periode is None:
        return
    ada = layanan.periode_instansi(k, pilihan).get(pilihan.instansi, ())
    if not ada or pilihan.periode in ada:
        return
    terakhir = max(ada)
    st.session_state[_PINDAH] = (pilihan.instansi, pilihan.periode, terakhir)
    st.session_state[_GENERASI] = st.session_state.get(_GENERASI, 0) + 1
    _tulis_url(pilihan.dengan(periode=terakhir, unit_kerja=pilihan.unit_kerja or st.query_params.get("unit_kerja")))
    st.rerun()


def _kabar_pindah_periode(pilihan: Pilihan, lang: str) -> None:
    """The notice of :func:`_ke_periode_instansi`, in the main area, for as long as the view
    it explains is open."""
    pindah = st.session_state.get(_PINDAH)
    if not pindah:
        return
    nama, diminta, periode = pindah
    if (pilihan.instansi, pilihan.periode) != (nama, periode):
        del st.session_state[_PINDAH]
        return
    st.info(tx("pindah_periode", lang, nama=aman.md(nama), diminta=diminta, periode=periode),
            icon=":material/event_busy:")


def _dari_url(kolom: str, opsi: list, lang: str, baku=None):
    """The URL's value for a filter if it exists in the data, else the fallback ``baku``."""
    mentah = st.query_params.get(kolom)
    ganti = baku if baku in opsi else (max(opsi) if (kolom == "periode" and opsi) else None)
    if mentah in (None, ""):
        return ganti
    nilai = _angka(mentah) if kolom == "periode" else mentah
    if nilai in opsi:
        return nilai
    teks_ganti = str(ganti) if ganti is not None else tx("semua", lang).lower()
    st.warning(tx("tak_dikenal", lang, label=tx(kolom, lang), nilai=aman.md(mentah), ganti=aman.md(teks_ganti)))
    return ganti


def _angka(teks: str) -> int | None:
    try:
        return int(teks)
    except ValueError:
        return None


def _tulis_url(pilihan: Pilihan) -> None:
    """Write the filters back into the URL (page-specific parameters are kept)."""
    for kolom in kontrak.FILTER:
        nilai = getattr(pilihan, kolom)
        if nilai is None:
            if kolom in st.query_params:
                del st.query_params[kolom]
        elif st.query_params.get(kolom) != str(nilai):
            st.query_params[kolom] = str(nilai)


def parameter_url(nama: str, pilihan: list[str], baku: str, lang: str) -> str:
    """A page-specific URL parameter restricted to ``pilihan`` (notice on an unknown value)."""
    mentah = st.query_params.get(nama)
    if mentah in pilihan:
        return mentah
    if mentah not in (None, ""):
        st.warning(tx("tak_dikenal", lang, label=aman.md(nama), nilai=aman.md(mentah), ganti=aman.md(baku)))
    return baku


def nama_semua(ctx: Konteks, kalimat: bool = False) -> str:
    """How the unfiltered selection is named: "Nasional" when the data covers all 38
    provinces, otherwise what it covers ("Semua data: 2 dari 38 provinsi, 14 instansi");
    ``kalimat`` for the form used inside a sentence."""
    provinsi, instansi = layanan.cakupan(ctx.keadaan, ctx.pilihan.periode)
    if provinsi >= len(kontrak.PROVINSI):
        nama = tx("nasional", ctx.lang)
        return nama.lower() if kalimat else nama
    return tx("semua_data_kalimat" if kalimat else "semua_data", ctx.lang, provinsi=provinsi,
              total=len(kontrak.PROVINSI), instansi=fmt.bulat(instansi, ctx.lang))


def pilih_pembanding(ctx: Konteks) -> tuple[Pilihan, str] | None:
    """The benchmark the user picks (URL ``banding``): national, province or same kind.

    None when there is none, or when it is the selection itself (nothing selected and the
    national benchmark, or a province and its own province): one sentence says so, and no
    benchmark series, column or "difference 0,0" is drawn."""
    jenis = ["nasional", "provinsi", "jenis"]
    awal = parameter_url("banding", jenis, "nasional", ctx.lang)
    nasional = nama_semua(ctx) == tx("nasional", ctx.lang)
    pilih = st.segmented_control(
        tx("pembanding", ctx.lang), jenis, default=awal,
        format_func=lambda j: tx("banding_semua" if j == "nasional" and not nasional else f"banding_{j}", ctx.lang),
        key="banding_widget",
    ) or awal
    if pilih == "nasional":
        st.query_params.pop("banding", None)
    else:
        st.query_params["banding"] = pilih
    hasil = layanan.pembanding(ctx.keadaan, ctx.pilihan, pilih)
    if hasil is None:
        return None
    sel, nama = hasil
    nama = nama_semua(ctx) if nama == "nasional" else nama
    if sel.tanpa_periode() == ctx.pilihan.tanpa_periode():  # the selection is its own benchmark
        st.caption(tx("pembanding_sama", ctx.lang, nama=aman.md(nama)))
        return None
    return sel, nama


def parameter_tautan(ctx: Konteks, **tambahan: str) -> dict[str, str]:
    """URL parameters of a link to another view of the same selection: the filters, the
    benchmark and the language as they are now, plus ``tambahan``."""
    params = {kol: str(v) for kol, v in ctx.pilihan.terisi().items()}
    if "banding" in st.query_params:
        params["banding"] = st.query_params["banding"]
    if ctx.lang != i18n.BAKU:
        params["lang"] = ctx.lang
    return {**params, **tambahan}


def tautan_tren(tempat, ctx: Konteks, kunci: str | None) -> None:
    """A link to value ``kunci`` on /tren, keeping the selection and the language."""
    if kunci is None:
        return
    tempat.page_link(HALAMAN["tren"][0], label=tx("lihat_tren", ctx.lang, nilai=kontrak.label_nilai(kunci, ctx.lang)),
                     query_params=parameter_tautan(ctx, nilai=kunci), icon=":material/show_chart:")


def siapkan_pola(ctx: Konteks, dimensi: str | None = None, k: katalog.Keadaan | None = None,
                 semua_periode: bool = False) -> None:
    """Wait, with a spinner saying why, for the suppression pattern the page needs (computed
    once per data version; only the first view after new data waits): the filter cells of
    the periods it shows (``layanan.periode_tampil``; ``semua_periode``: every period, for a
    page drawing them all), the rest following in the background."""
    k, periode = k or ctx.keadaan, ctx.pilihan.periode
    if not k.n_responden or layanan.pola_siap(k, dimensi, periode):
        return  # every layer ready (every view but the first ones after new data): no query
    perlu = None if semua_periode else layanan.periode_tampil(k, ctx.pilihan)
    if not layanan.pola_siap(k, dimensi, periode, perlu):
        with st.spinner(tx("melindungi", ctx.lang)):
            layanan.siapkan_pola(k, dimensi, periode, perlu)


def cek_seleksi(ctx: Konteks, semua_periode: bool = False) -> bool:
    """Whether the selection may be shown; says why not when it may not, in plain words, and
    offers the nearest wider selection that may be shown. Never a number of the hidden group.
    ``semua_periode``: the page draws every period (see :func:`siapkan_pola`)."""
    siapkan_pola(ctx, semua_periode=semua_periode)
    alasan = layanan.status_seleksi(ctx.keadaan, ctx.pilihan)
    if alasan is None:
        return True
    st.warning(i18n.alasan_tolak(alasan, ctx.lang, ctx.minimum))
    if alasan == layanan.KOSONG_SEMUA:
        return False
    lebih_luas = layanan.seleksi_terdekat(ctx.keadaan, ctx.pilihan)
    if lebih_luas is not None:
        params = {kol: str(v) for kol, v in lebih_luas.terisi().items()}
        params.update({kol: st.query_params[kol] for kol in PARAMETER_LAIN if kol in st.query_params})
        nama = [str(v) for kol, v in lebih_luas.terisi().items() if kol != "periode"]
        label = tx("buka_lebih_luas", ctx.lang, nama=" · ".join(nama) or tx("seluruh", ctx.lang))
        st.page_link(HALAMAN[ctx.halaman][0], label=aman.md(label), query_params=params,
                     icon=":material/zoom_out:")
    return False


def judul(ctx: Konteks, kamus: dict, kunci: str) -> None:
    """The page title and the selection it shows."""
    st.title(ctx.t(kamus, kunci))
    bagian = [aman.md(v) for k, v in ctx.pilihan.terisi().items() if k != "periode"]
    periode = ctx.pilihan.periode
    st.caption(" · ".join([*(bagian or [aman.md(nama_semua(ctx))]),
                           *([str(periode)] if periode else [])]))


def lencana_kategori(kode: str | None, lang: str) -> None:
    """The category as a coloured badge with its name, e.g. 'B · Cukup Sehat'."""
    if not kode:
        return
    latar, teks = warna.KATEGORI[kode], warna.TEKS_DI_KATEGORI[kode]
    nama = kontrak.label_kategori(kode, lang)
    st.html(f'<span class="kategori" style="background:{aman.html(latar)};color:{aman.html(teks)}">'
            f'{aman.html(kode)} · {aman.html(nama)}</span>')


def unduh_csv(tabel: pd.DataFrame | Callable[[], pd.DataFrame], nama: str, lang: str, key: str) -> None:
    """A CSV download of a display table (or of a function returning it: then the file is
    written only when the reader clicks, not on every view; issue 11); hidden cells already
    carry the privacy marker. A click does not rerun the page (``on_click="ignore"``): the
    file is all it asks for."""
    st.download_button(tx("unduh", lang), lambda: csv_tabel(tabel() if callable(tabel) else tabel, lang),
                       file_name=f"{nama}.csv", mime="text/csv", key=key, on_click="ignore")


def csv_tabel(tabel: pd.DataFrame, lang: str) -> bytes:
    """A display table as the CSV file a reader downloads.

    Indonesian files use ';' between fields (numbers carry ',' as decimal mark) so
    spreadsheets in Indonesian locale open them as numbers; English files use ','.
    A number left unformatted is written as shown: half up to one decimal (whole numbers as
    they are), so no figure leaves more precise than it is displayed.
    """
    sep = ";" if lang == "id" else ","

    def seperti_tampil(x):
        if not isinstance(x, float) or kontrak.kosong(x):
            return x
        teks = f"{kontrak.bulatkan(x) + 0.0:.1f}"
        return teks.replace(".", ",") if lang == "id" else teks

    return tabel.map(seperti_tampil).to_csv(index=False, sep=sep).encode("utf-8-sig")


def tombol_presentasi(ctx: Konteks) -> None:
    """"Presentasi" (this view on the projector, ``tampilan=presentasi``) and the take-home
    deck of the same story (built only when clicked)."""
    from berakhlak import render_proyektor

    with st.container(horizontal=True, key="presentasi"):
        st.page_link(HALAMAN[ctx.halaman][0], label=render_proyektor.TEKS["presentasi"][ctx.lang == "en"],
                     icon=":material/slideshow:",
                     query_params={**parameter_tautan(ctx), "tampilan": "presentasi", "slide": "1"})
        banding = st.query_params.get("banding", "nasional")
        render_proyektor.tombol_dek(None, ctx.keadaan, ctx.pilihan, banding, ctx.lang, key="unduh_dek")
