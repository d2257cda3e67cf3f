"""A view as data: the workshop story of a selection, as slides of blocks.

:func:`cerita_lokakarya` builds the story from the service layer only (``layanan``: every
figure has been through the privacy rules there), with sentences from ``narasi`` and the
margin-of-error rule of ``statistik``. Renderers turn the same story into the projector view
(``berakhlak/render_proyektor.py``) and a PowerPoint deck (``berakhlak/render_dek.py``); this
module draws nothing and needs no Streamlit.

A slide whose figures would all be hidden is left out, and the story says so in a note on
the method slide. A refused selection gives a one-slide story without any number.
"""

from __future__ import annotations

import datetime as _dt
import math
from urllib.parse import urlencode

import pandas as pd

from berakhlak import aman, grafik, i18n, kontrak, layanan, narasi, privasi, statistik
from berakhlak import format as fmt

# The blocks live in berakhlak/blok.py; re-exported here so existing imports keep working.
from berakhlak.blok import (  # noqa: F401  (re-exported: the blocks moved to blok.py)
    Asal,
    Blok,
    ButirMetrik,
    Catatan,
    Cerita,
    Grafik,
    Judul,
    Metrik,
    Slide,
    Tabel,
)
from berakhlak.kontrak import kosong
from berakhlak.layanan import Pilihan

# ---------------------------------------------------------------------------- texts

TEKS: dict[str, tuple[str, str]] = {
    "judul_cerita": ("BerAKHLAK · {nama} · {periode}", "BerAKHLAK · {nama} · {periode}"),
    "sumber_demo": ("data sintetis (demo)", "synthetic (demo) data"),
    "sumber_berkas": ("{jumlah} berkas data, versi {versi}", "{jumlah} data files, version {versi}"),
    "nasional": ("nasional", "national"),
    "jenis_di": ("{jenis} di {tempat}", "{jenis} in {tempat}"),
    "unit_di": ("{unit} ({instansi})", "{unit} ({instansi})"),
    "semua_data": ("semua data ({provinsi} dari {total} provinsi, {instansi} instansi)",
                   "all data ({provinsi} of {total} provinces, {instansi} agencies)"),
    # slide titles
    "j_indeks": ("Indeks BerAKHLAK", "The BerAKHLAK index"),
    "j_nilai": ("Tujuh nilai dan pembanding", "The seven values and the benchmark"),
    "j_tren": ("{nilai} dari waktu ke waktu", "{nilai} over time"),
    "j_wilayah": ("Di mana: {tingkat}", "Where: {tingkat}"),
    "j_siapa": ("Siapa: menurut {dimensi}", "Who: by {dimensi}"),
    "j_level": ("Level sosio-emosional", "Socio-emotional levels"),
    "j_panduan": ("Panduan perilaku {nilai}", "The behaviour guide of {nilai}"),
    "j_metode": ("Metode dan kerahasiaan", "Method and confidentiality"),
    "j_ditolak": ("Pilihan ini tidak ditampilkan", "This selection is not shown"),
    # metrics
    "m_indeks": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "m_kategori": ("Kategori", "Category"),
    "m_responden": ("Responden", "Respondents"),
    "m_terlemah": ("Nilai terlemah", "Weakest value"),
    "m_terkuat": ("Nilai terkuat", "Strongest value"),
    # headlines
    "k_nilai": (
        "{lemah} ({skor_lemah}) adalah nilai terlemah dan {kuat} ({skor_kuat}) yang terkuat; "
        "{lemah} {arah} {banding} ({skor_banding}).",
        "{lemah} ({skor_lemah}) is the weakest value and {kuat} ({skor_kuat}) the strongest; "
        "{lemah} is {arah} {banding} ({skor_banding}).",
    ),
    "k_nilai_saja": (
        "{lemah} ({skor_lemah}) adalah nilai terlemah dan {kuat} ({skor_kuat}) yang terkuat.",
        "{lemah} ({skor_lemah}) is the weakest value and {kuat} ({skor_kuat}) the strongest.",
    ),
    "k_tren": (
        "{nilai} {periode}: {skor}; dibanding {lalu} ({skor_lalu}) {arah}.",
        "{nilai} {periode}: {skor}; compared with {lalu} ({skor_lalu}) {arah}.",
    ),
    "k_tren_satu": (
        "{nilai} {periode}: {skor}; belum ada periode sebelumnya untuk dibandingkan.",
        "{nilai} {periode}: {skor}; there is no earlier period to compare with.",
    ),
    "k_wilayah": (
        "Tertinggi {tinggi} ({skor_tinggi}), terendah {rendah} ({skor_rendah}): selisih "
        "{beda} poin, {arah}.",
        "Highest {tinggi} ({skor_tinggi}), lowest {rendah} ({skor_rendah}): a difference of "
        "{beda} points, {arah}.",
    ),
    "k_siapa": (
        "Paling jauh dari indeks {indeks}: {kelompok} ({skor}), {arah}.",
        "Furthest from the index of {indeks}: {kelompok} ({skor}), {arah}.",
    ),
    "k_level": (
        "Level terbanyak: {level} ({persen}); level 5, yang dituju, {persen5} (±{moe5}).",
        "Most common level: {level} ({persen}); level 5, the aim, {persen5} (±{moe5}).",
    ),
    "k_panduan": (
        "{nilai} ({skor}) adalah nilai terlemah: tiga perilaku resminya untuk didiskusikan.",
        "{nilai} ({skor}) is the weakest value: its three official behaviours to discuss.",
    ),
    "k_metode": (
        "Angka dari {n} responden; tidak ada kelompok di bawah {minimum} responden yang ditampilkan.",
        "Figures from {n} respondents; no group under {minimum} respondents is shown.",
    ),
    # margin-aware words
    "lebih_tinggi": ("lebih tinggi daripada", "higher than"),
    "lebih_rendah": ("lebih rendah daripada", "lower than"),
    "setara": ("kurang lebih sama dengan", "about the same as"),
    "naik": ("naik {beda} poin, melebihi margin kesalahan (±{moe})",
             "up {beda} points, beyond the margin of error (±{moe})"),
    "turun": ("turun {beda} poin, melebihi margin kesalahan (±{moe})",
              "down {beda} points, beyond the margin of error (±{moe})"),
    "tetap": ("kurang lebih sama (selisih {beda}, dalam margin ±{moe})",
              "about the same (difference {beda}, within the margin ±{moe})"),
    "beda_bermakna": ("melebihi margin kesalahan (±{moe})", "beyond the margin of error (±{moe})"),
    "beda_tak_bermakna": ("masih dalam margin kesalahan (±{moe})", "within the margin of error (±{moe})"),
    "siapa_tinggi": ("{beda} poin di atas indeks, melebihi margin kesalahan (±{moe})",
                     "{beda} points above the index, beyond the margin of error (±{moe})"),
    "siapa_rendah": ("{beda} poin di bawah indeks, melebihi margin kesalahan (±{moe})",
                     "{beda} points below the index, beyond the margin of error (±{moe})"),
    "siapa_setara": ("selisih {beda} poin, masih dalam margin kesalahan (±{moe})",
                     "a difference of {beda} points, within the margin of error (±{moe})"),
    # notes and columns
    "n_skor": ("{label}: {skor} ± {moe} ({n} responden)", "{label}: {skor} ± {moe} ({n} respondents)"),
    "n_banding": ("{nama}: {label} {skor} ± {moe}", "{nama}: {label} {skor} ± {moe}"),
    "n_tersembunyi": ("{label}: tersembunyi ({penanda})", "{label}: hidden ({penanda})"),
    "n_tanpa_data": ("{label}: tidak ada data", "{label}: no data"),
    "n_level": ("Level {level}: {persen} ± {moe}", "Level {level}: {persen} ± {moe}"),
    "n_level_n": ("{n} responden dengan level", "{n} respondents with a level"),
    "n_sebaran": ("Sebaran selisih antarkelompok per dimensi: {daftar}",
                  "Spread between groups per dimension: {daftar}"),
    "kol_kelompok": ("Kelompok", "Group"),
    "kol_indeks": ("Indeks", "Index"),
    "kol_selisih": ("Selisih dari indeks", "Difference from the index"),
    "kol_responden": ("Responden", "Respondents"),
    "lainnya": ("Ditampilkan {tampil} dari {semua} ({tertinggi} tertinggi dan {terendah} terendah); "
                "selengkapnya di halaman Wilayah.",
                "Showing {tampil} of {semua} (the {tertinggi} highest and {terendah} lowest); "
                "all of them on the Regions page."),
    "dilewati": ("Slide «{judul}» dilewati: semua angkanya tersembunyi demi kerahasiaan.",
                 "Slide «{judul}» skipped: all its figures are hidden for confidentiality."),
    "dilewati_data": ("Slide «{judul}» dilewati: tidak ada data untuk pilihan ini.",
                      "Slide «{judul}» skipped: there is no data for this selection."),
    "pertanyaan": (
        "Pertanyaan diskusi: di mana perilaku ini sudah tampak dalam kerja sehari-hari, apa yang "
        "menghambatnya, dan satu langkah apa yang kita mulai bulan ini?",
        "For discussion: where does this behaviour already show in daily work, what holds it "
        "back, and which one step do we start this month?",
    ),
    "sumber_panduan": ("Sumber: Surat Edaran Menteri PANRB Nomor 20 Tahun 2021.",
                       "Source: Circular of the Minister of PANRB No. 20 of 2021."),
    "metode_1": (
        "Indeks tiap nilai adalah rata-rata skor 0-100 responden; Indeks BerAKHLAK adalah "
        "rata-rata ketujuh indeks nilai.",
        "Each value's index is the mean of the respondents' 0-100 scores; the BerAKHLAK index is "
        "the mean of the seven value indexes.",
    ),
    "metode_2": (
        "Kategori dari angka yang dibulatkan ke satu desimal: A Sehat 75,0-100; B Cukup Sehat "
        "50,0-74,9; C Tidak Sehat 25,0-49,9; D di bawah 25,0.",
        "Category on the figure rounded to one decimal: A Healthy 75.0-100; B Fairly healthy "
        "50.0-74.9; C Unhealthy 25.0-49.9; D below 25.0.",
    ),
    "metode_3": (
        "Setiap angka punya margin kesalahan 95 %; dua angka disebut berbeda hanya bila "
        "selisihnya melebihi margin gabungannya, selain itu «kurang lebih sama».",
        "Every figure has a 95% margin of error; two figures are called different only when "
        "their difference exceeds the combined margin, otherwise «about the same».",
    ),
    "metode_4": (
        "Kerahasiaan: tidak ada angka dari kurang dari {minimum} responden; kelompok yang dapat "
        "dipakai untuk menghitung kelompok kecil dengan pengurangan ikut disembunyikan.",
        "Confidentiality: no figure from fewer than {minimum} respondents; groups that would let "
        "a small group be worked out by subtraction are hidden too.",
    ),
    "tingkat_provinsi": ("provinsi", "provinces"),
    "tingkat_kabupaten_kota": ("kabupaten/kota", "regencies/cities"),
    "tingkat_instansi": ("instansi", "agencies"),
    "tingkat_unit_kerja": ("unit kerja", "work units"),
    "dim_jenis_kelamin": ("jenis kelamin", "sex"),
    "dim_kelompok_usia": ("kelompok usia", "age group"),
    "dim_jenis_jabatan": ("jenis jabatan", "position type"),
    "dim_golongan": ("golongan", "grade"),
    "dim_masa_kerja": ("masa kerja", "years of service"),
    "dim_status_kepegawaian": ("status kepegawaian", "employment status"),
}

# The official behaviour guide (panduan perilaku) of each value: Surat Edaran Menteri PANRB
# Nomor 20 Tahun 2021. The Indonesian wording is the reference.
PANDUAN: dict[str, tuple[tuple[str, str], ...]] = {
    "berorientasi_pelayanan": (
        ("Memahami dan memenuhi kebutuhan masyarakat", "Understand and meet the public's needs"),
        ("Ramah, cekatan, solutif, dan dapat diandalkan", "Be friendly, quick, solution-minded and reliable"),
        ("Melakukan perbaikan tiada henti", "Keep improving, without end"),
    ),
    "akuntabel": (
        ("Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
         "Carry out duties honestly, responsibly, carefully, with discipline and high integrity"),
        ("Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
         "Use state property responsibly, effectively and efficiently"),
        ("Tidak menyalahgunakan kewenangan jabatan", "Do not abuse the authority of office"),
    ),
    "kompeten": (
        ("Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
         "Build one's competence to meet ever-changing challenges"),
        ("Membantu orang lain belajar", "Help others learn"),
        ("Melaksanakan tugas dengan kualitas terbaik", "Carry out duties to the best quality"),
    ),
    "harmonis": (
        ("Menghargai setiap orang apa pun latar belakangnya", "Respect everyone, whatever their background"),
        ("Suka menolong orang lain", "Be glad to help others"),
        ("Membangun lingkungan kerja yang kondusif", "Build a supportive working environment"),
    ),
    "loyal": (
        ("Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah",
         "Uphold Pancasila and the 1945 Constitution, loyal to the Republic and its lawful government"),
        ("Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
         "Protect the good name of fellow civil servants, leaders, the agency and the state"),
        ("Menjaga rahasia jabatan dan negara", "Keep official and state secrets"),
    ),
    "adaptif": (
        ("Cepat menyesuaikan diri menghadapi perubahan", "Adapt quickly to change"),
        ("Terus berinovasi dan mengembangkan kreativitas", "Keep innovating and developing creativity"),
        ("Bertindak proaktif", "Act proactively"),
    ),
    "kolaboratif": (
        ("Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
         "Give all parties the chance to contribute"),
        ("Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
         "Be open to working together to add value"),
        ("Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
         "Mobilise resources of all kinds for shared goals"),
    ),
}

TURUNAN = ("provinsi", "kabupaten_kota", "instansi", "unit_kerja")
MAKS_BARIS_WILAYAH = 8  # rows on the "where" slide: the highest and lowest half each


def _t(kunci: str, lang: str, **isi) -> str:
    return i18n.teks(TEKS, kunci, lang, **isi)


def _d(x, lang: str) -> str:
    return fmt.desimal(x, lang)


# ------------------------------------------------------------------------- helpers


def nama_pilihan(pilihan: Pilihan, lang: str) -> str | None:
    """How a sentence names the filters of ``pilihan`` (None when none is set): the narrowest
    place or organisation (a work unit with its agency: unit names repeat across agencies) and
    the kind of agency unless an agency is chosen (it has one kind): "Kementerian di Jawa
    Tengah", not just "Jawa Tengah"."""
    isi = pilihan.terisi()
    tempat = next((isi[kol] for kol in reversed(TURUNAN) if kol in isi), None)
    if "unit_kerja" in isi and "instansi" in isi:
        tempat = _t("unit_di", lang, unit=isi["unit_kerja"], instansi=isi["instansi"])
    jenis = isi.get("jenis_instansi") if "instansi" not in isi and "unit_kerja" not in isi else None
    if jenis is not None and tempat is not None:
        return _t("jenis_di", lang, jenis=jenis, tempat=tempat)
    hasil = jenis if jenis is not None else tempat
    return None if hasil is None else str(hasil)


def nama_seleksi(k, pilihan: Pilihan, lang: str) -> str:
    """How the story names the selection: :func:`nama_pilihan`, or 'nasional' when nothing is
    filtered and the data covers every province (else what it covers)."""
    nama = nama_pilihan(pilihan, lang)
    if nama is not None:
        return nama
    provinsi, instansi = layanan.cakupan(k, pilihan.periode)
    if provinsi >= len(kontrak.PROVINSI):
        return _t("nasional", lang)
    return _t("semua_data", lang, provinsi=provinsi, total=len(kontrak.PROVINSI),
              instansi=fmt.bulat(instansi, lang))


def tautan(pilihan: Pilihan, banding: str, lang: str, slide: int | None = None, jalur: str = "/",
           presentasi: bool = True) -> str:
    """The relative link that reopens the story on the projector (or, ``presentasi`` False,
    page ``jalur`` on the desk screen)."""
    params = {kol: str(v) for kol, v in pilihan.terisi().items()}
    if banding != "nasional":
        params["banding"] = banding
    if lang != i18n.BAKU:
        params["lang"] = lang
    if presentasi:
        params["tampilan"] = "presentasi"
        if slide is not None:
            params["slide"] = str(slide)
    return jalur + "?" + urlencode(params)


def nama_berkas(pilihan: Pilihan, nama: str) -> str:
    """``BerAKHLAK_Pemerintah-Kabupaten-Tegal_2022.pptx``: the selection with hyphens."""
    bersih = "".join(c if c.isalnum() else "-" for c in nama)
    bersih = "-".join(b for b in bersih.split("-") if b) or "BerAKHLAK"
    periode = pilihan.periode if pilihan.periode is not None else "semua"
    return f"BerAKHLAK_{bersih}_{periode}.pptx"


def asal(k, pilihan: Pilihan, banding: str = "nasional", lang: str = "id", jalur: str | None = None,
         nama: str | None = None) -> Asal:
    """The provenance footer of a view: the story's (reopened on the projector) or, with
    ``jalur``, page ``jalur``'s on the desk screen."""
    if nama is None:
        nama = nama_seleksi(k, pilihan, lang) if k.n_responden else ""
    if k.demo:
        sumber = _t("sumber_demo", lang)
    else:
        sumber = _t("sumber_berkas", lang, jumlah=len(k.dimuat), versi=k.versi[:8])
    seleksi = " · ".join(str(v) for kol, v in pilihan.terisi().items() if kol != "periode") or nama
    tanggal = _tanggal(lang)
    link = (tautan(pilihan, banding, lang) if jalur is None else
            tautan(pilihan, banding, lang, jalur=jalur, presentasi=False))
    return Asal(sumber=sumber, periode=str(pilihan.periode or "–"), seleksi=seleksi,
                minimum=privasi.minimum(), tanggal=tanggal, tautan=link)


_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")


def _tanggal(lang: str, hari: _dt.date | None = None) -> str:
    hari = hari or _dt.date.today()
    if lang == "en":
        return f"{hari.day} {hari.strftime('%B')} {hari.year}"
    return f"{hari.day} {_BULAN[hari.month - 1]} {hari.year}"


def _selisih(a, moe_a, b, moe_b):
    return statistik.selisih(a, moe_a, b, moe_b)


def _arah(hasil) -> str:
    return hasil.arah if hasil is not None and hasil.arah in ("lebih_tinggi", "lebih_rendah") else "setara"


def _moe_teks(hasil, lang: str) -> str:
    return _d(hasil.moe, lang) if hasil is not None and not kosong(hasil.moe) else "–"


def _catatan_skor(label: str, skor, moe, n, lang: str) -> str:
    return _t("n_skor", lang, label=label, skor=_d(skor, lang), moe=_d(moe, lang), n=fmt.bulat(n, lang))


def _tampak(lebar: pd.DataFrame, kolom: str = "indeks") -> pd.DataFrame:
    return lebar[~lebar["tersembunyi"].astype(bool) & lebar[kolom].notna()]


# ---------------------------------------------------------------------------- story


class _Cukup(Exception):
    """Raised inside :func:`cerita_lokakarya` once ``sampai`` slides are built."""


def cerita_lokakarya(k, pilihan: Pilihan, pembanding_jenis: str = "nasional",
                     lang: str = "id", sampai: int | None = None) -> Cerita:
    """The workshop story of ``pilihan``: index, the seven values, the weakest over time,
    where, who, socio-emotional levels, the behaviour guide, method and privacy.

    With ``sampai``, only the first ``sampai`` slides are built (``Cerita.lengkap`` False when
    more would follow): the projector shows slide 1 at once, before the slides that need
    every period's or every staff dimension's privacy pattern are computed."""
    lang = i18n.bahasa(lang)
    if pilihan.periode is None:
        pilihan = pilihan.dengan(periode=layanan.periode_terakhir(k, {
            kol: v for kol, v in pilihan.terisi().items()}))
    nama = nama_seleksi(k, pilihan, lang) if k.n_responden else ""
    asal_ = asal(k, pilihan, pembanding_jenis, lang, nama=nama)
    judul = _t("judul_cerita", lang, nama=nama, periode=pilihan.periode or "–")
    berkas = nama_berkas(pilihan, nama)
    alasan = layanan.status_seleksi(k, pilihan)
    if alasan is not None:
        teks = i18n.alasan_tolak(alasan, lang, privasi.minimum())
        slide = Slide("ditolak", _t("j_ditolak", lang), teks, [Catatan((teks,))], [teks])
        return Cerita(judul, lang, [slide], asal_, berkas)

    baris = layanan.total(k, pilihan)
    hasil = layanan.pembanding(k, pilihan, pembanding_jenis)
    banding = None
    if hasil is not None and hasil[0].tanpa_periode() != pilihan.tanpa_periode():
        nama_b = nama_seleksi(k, hasil[0], lang) if hasil[1] == "nasional" else hasil[1]
        baris_b = layanan.total(k, hasil[0])
        if baris_b is not None and not kosong(baris_b.get("indeks")):
            banding = (hasil[0], nama_b, baris_b)
    lemah, kuat = statistik.terlemah_terkuat(baris)
    penanda = privasi.penanda(lang, privasi.minimum())
    slides: list[Slide] = []
    dilewati: list[str] = []

    def tambah(buat, judul_slide: str | None = None) -> None:
        if sampai is not None and len(slides) >= sampai:
            raise _Cukup
        s = buat()
        if s is None:
            dilewati.append(_t("dilewati", lang, judul=judul_slide))
        else:
            slides.append(s)

    try:
        tambah(lambda: _slide_indeks(k, pilihan, baris, banding, nama, lang))
        tambah(lambda: _slide_nilai(baris, banding, lemah, kuat, penanda, lang))
        if lemah is not None:
            tambah(lambda: _slide_tren(k, pilihan, lemah, banding, penanda, lang),
                   _t("j_tren", lang, nilai=kontrak.label_nilai(lemah, lang)))
        tambah(lambda: _slide_wilayah(k, pilihan, penanda, lang), _t("j_wilayah", lang, tingkat="…"))
        tambah(lambda: _slide_siapa(k, pilihan, baris, nama, penanda, lang), _t("j_siapa", lang, dimensi="…"))
        tambah(lambda: _slide_level(baris, nama, penanda, lang), _t("j_level", lang))
        if lemah is not None:
            tambah(lambda: _slide_panduan(baris, lemah, lang))
        tambah(lambda: _slide_metode(baris, dilewati, lang))
    except _Cukup:
        return Cerita(judul, lang, slides, asal_, berkas, list(dilewati), lengkap=False)
    return Cerita(judul, lang, slides, asal_, berkas, dilewati)


def _slide_indeks(k, pilihan, baris, banding, nama, lang) -> Slide:
    kode = baris["kategori"]
    periode_lalu = layanan.periode_sebelumnya(k, pilihan)
    baris_lalu = layanan.total(k, pilihan.dengan(periode=periode_lalu)) if periode_lalu else None
    kalimat = narasi.kalimat_indeks(baris, nama, pilihan.periode, lang)
    lain = [narasi.kalimat_perubahan(baris, baris_lalu, periode_lalu, lang),
            narasi.kalimat_banding(baris, banding[2], banding[1], lang) if banding else None]
    lain = [s for s in lain if s]
    metrik = Metrik((
        ButirMetrik(_t("m_indeks", lang), _d(baris["indeks"], lang), f"± {_d(baris['moe_indeks'], lang)}"),
        ButirMetrik(_t("m_kategori", lang), str(kode), kontrak.label_kategori(kode, lang)),
        ButirMetrik(_t("m_responden", lang), fmt.bulat(baris["n"], lang)),
    ))
    catatan = [_catatan_skor(_t("m_indeks", lang), baris["indeks"], baris["moe_indeks"], baris["n"], lang),
               *lain]
    if baris_lalu is not None and not kosong(baris_lalu.get("indeks")):
        catatan.append(_catatan_skor(str(periode_lalu), baris_lalu["indeks"], baris_lalu["moe_indeks"],
                                     baris_lalu["n"], lang))
    return Slide("indeks", _t("j_indeks", lang), kalimat, [metrik, Catatan(tuple(lain))] if lain else [metrik],
                 catatan)


def kalimat_nilai(baris, banding, lemah, kuat, lang: str) -> str | None:
    """The headline of the seven values: the weakest and the strongest, and the weakest
    against the benchmark (``banding`` = (selection, name, row) or None), margin-aware."""
    if lemah is None or kuat is None:
        return None
    isi = dict(lemah=kontrak.label_nilai(lemah, lang), skor_lemah=_d(baris[lemah], lang),
               kuat=kontrak.label_nilai(kuat, lang), skor_kuat=_d(baris[kuat], lang))
    hasil = (_selisih(baris[lemah], baris[f"moe_{lemah}"], banding[2][lemah], banding[2][f"moe_{lemah}"])
             if banding and not kosong(banding[2].get(lemah)) else None)
    if hasil is None:
        return _t("k_nilai_saja", lang, **isi)
    kalimat = _t("k_nilai", lang, **isi, arah=_t(_arah(hasil), lang), banding=banding[1],
                 skor_banding=_d(banding[2][lemah], lang))
    arti = _t("beda_bermakna" if _arah(hasil) != "setara" else "beda_tak_bermakna", lang,
              moe=_moe_teks(hasil, lang))
    return kalimat[:-1] + f", {arti}."


def _slide_nilai(baris, banding, lemah, kuat, penanda, lang) -> Slide:
    panjang = statistik.panjang(baris.to_frame().T)
    panjang_b = statistik.panjang(banding[2].to_frame().T) if banding else None
    nama_b = banding[1] if banding else ""
    fig = grafik.batang_nilai(panjang, lang, penanda, panjang_b, aman.grafik(nama_b))
    kalimat = kalimat_nilai(baris, banding, lemah, kuat, lang)
    catatan = []
    for v in kontrak.KUNCI_NILAI:
        label = kontrak.label_nilai(v, lang)
        if kosong(baris.get(v)):
            catatan.append(_t("n_tersembunyi", lang, label=label, penanda=penanda))
            continue
        catatan.append(_catatan_skor(label, baris[v], baris[f"moe_{v}"], baris[f"n_{v}"], lang))
        if banding and not kosong(banding[2].get(v)):
            catatan.append(_t("n_banding", lang, nama=nama_b, label=label, skor=_d(banding[2][v], lang),
                              moe=_d(banding[2][f"moe_{v}"], lang)))
    metrik = Metrik((
        ButirMetrik(_t("m_terlemah", lang), kontrak.label_nilai(lemah, lang), _d(baris[lemah], lang)),
        ButirMetrik(_t("m_terkuat", lang), kontrak.label_nilai(kuat, lang), _d(baris[kuat], lang)),
    ))
    return Slide("nilai", _t("j_nilai", lang), kalimat, [metrik, Grafik(fig)], catatan)


def _per_periode(k, pilihan: Pilihan) -> pd.DataFrame:
    """Figures per period with every loaded period present (a period without respondents
    is marked ``tanpa_data``, a gap), as /tren draws them."""
    gabung = layanan.per_periode(k, pilihan)
    gabung["tersembunyi"] = gabung["tersembunyi"].astype("boolean").fillna(False).astype(bool)
    return gabung


def _slide_tren(k, pilihan, lemah, banding, penanda, lang) -> Slide | None:
    lebar = statistik.tandai_perubahan(_per_periode(k, pilihan))
    lebar_b = _per_periode(k, banding[0]) if banding else None
    satu = statistik.panjang(lebar).query("nilai == @lemah")
    satu_b = statistik.panjang(lebar_b).query("nilai == @lemah") if lebar_b is not None else None
    tampak = satu[satu["skor"].notna()]
    if tampak.empty:
        return None
    fig = grafik.tren(satu, lang, penanda, pembanding=satu_b,
                      label_pembanding=aman.grafik(banding[1]) if banding else "")
    label = kontrak.label_nilai(lemah, lang)
    kini = tampak[tampak["kelompok"] == pilihan.periode]
    lalu = tampak[tampak["kelompok"] < pilihan.periode]
    if kini.empty:
        return None
    kini = kini.iloc[0]
    if lalu.empty:
        kalimat = _t("k_tren_satu", lang, nilai=label, periode=pilihan.periode, skor=_d(kini["skor"], lang))
    else:
        lalu = lalu.iloc[-1]
        hasil = _selisih(kini["skor"], kini["moe"], lalu["skor"], lalu["moe"])
        arah = {"lebih_tinggi": "naik", "lebih_rendah": "turun"}.get(_arah(hasil), "tetap")
        kalimat = _t("k_tren", lang, nilai=label, periode=pilihan.periode, skor=_d(kini["skor"], lang),
                     lalu=lalu["kelompok"], skor_lalu=_d(lalu["skor"], lang),
                     arah=_t(arah, lang, beda=_d(abs(hasil.beda), lang), moe=_moe_teks(hasil, lang)))
    catatan = []
    for b in kontrak.baris(satu):
        per = str(b["kelompok"])
        if b.get("tanpa_data"):
            catatan.append(_t("n_tanpa_data", lang, label=per))
        elif kosong(b["skor"]):
            catatan.append(_t("n_tersembunyi", lang, label=per, penanda=penanda))
        else:
            catatan.append(_catatan_skor(per, b["skor"], b["moe"], b["n"], lang))
    if satu_b is not None:
        for b in kontrak.baris(satu_b):
            if not kosong(b["skor"]):
                catatan.append(_t("n_banding", lang, nama=banding[1], label=str(b["kelompok"]),
                                  skor=_d(b["skor"], lang), moe=_d(b["moe"], lang)))
    return Slide("tren", _t("j_tren", lang, nilai=label), kalimat, [Grafik(fig)], catatan)


def _tingkat_wilayah(k, pilihan: Pilihan) -> tuple[str, pd.DataFrame] | None:
    """The level /wilayah uses for the selection; when it holds a single group (an agency
    is in one province), the next finer level, down to work units."""
    awal = ("provinsi" if pilihan.provinsi is None else
            "kabupaten_kota" if pilihan.kabupaten_kota is None else "instansi")
    for tingkat in TURUNAN[TURUNAN.index(awal):]:
        if getattr(pilihan, tingkat) is not None:
            continue
        lebar = layanan.ringkas(k, tingkat, pilihan)
        if len(lebar) > 1:
            return tingkat, lebar
    return None


def _slide_wilayah(k, pilihan, penanda, lang) -> Slide | None:
    hasil = _tingkat_wilayah(k, pilihan)
    if hasil is None:
        return None
    tingkat, lebar = hasil
    tampak = _tampak(lebar).sort_values("indeks", ascending=False)
    if len(tampak) < 2:
        return None
    sembunyi = lebar[lebar["tersembunyi"].astype(bool) | lebar["indeks"].isna()]
    setengah = MAKS_BARIS_WILAYAH // 2
    pilih = tampak if len(tampak) <= MAKS_BARIS_WILAYAH else pd.concat([tampak.head(setengah),
                                                                         tampak.tail(setengah)])
    ruang = max(0, MAKS_BARIS_WILAYAH - len(pilih))
    gambar = pd.concat([pilih, sembunyi.head(ruang)])
    label_tingkat = _t(f"tingkat_{tingkat}", lang)
    fig = grafik.peringkat(aman.grafik_df(gambar), lang, penanda, label_tingkat.capitalize())
    tinggi, rendah = tampak.iloc[0], tampak.iloc[-1]
    hasil_beda = _selisih(tinggi["indeks"], tinggi["moe_indeks"], rendah["indeks"], rendah["moe_indeks"])
    arti = _t("beda_bermakna" if _arah(hasil_beda) != "setara" else "beda_tak_bermakna", lang,
              moe=_moe_teks(hasil_beda, lang))
    kalimat = _t("k_wilayah", lang, tinggi=tinggi["kelompok"], skor_tinggi=_d(tinggi["indeks"], lang),
                 rendah=rendah["kelompok"], skor_rendah=_d(rendah["indeks"], lang),
                 beda=_d(hasil_beda.beda, lang), arah=arti)
    blok: list[Blok] = [Grafik(fig)]
    keterangan = []
    if len(pilih) < len(tampak):
        keterangan.append(_t("lainnya", lang, tampil=len(pilih), semua=len(lebar), tertinggi=setengah,
                             terendah=setengah))
    if len(gambar) > len(pilih):
        keterangan.append(i18n.t("catatan_privasi", lang, minimum=privasi.minimum()))
    if keterangan:
        blok.append(Catatan(tuple(keterangan)))
    catatan = [_catatan_skor(str(b["kelompok"]), b["indeks"], b["moe_indeks"], b["n"], lang)
               for b in kontrak.baris(tampak)]
    catatan += [_t("n_tersembunyi", lang, label=str(g), penanda=t)
                for g, t in zip(sembunyi["kelompok"], privasi.penanda_baris(sembunyi, lang, privasi.minimum()),
                                strict=True)]
    return Slide("wilayah", _t("j_wilayah", lang, tingkat=label_tingkat), kalimat, blok, catatan)


def _slide_siapa(k, pilihan, baris, nama, penanda, lang) -> Slide | None:
    if not k.demografi_lengkap:
        return None
    calon = []
    for dimensi in kontrak.DIMENSI_DEMOGRAFI:
        lebar = layanan.ringkas(k, "grup", pilihan, dimensi=dimensi)
        tampak = _tampak(lebar)
        if len(tampak) >= 2:
            calon.append((float(tampak["indeks"].max() - tampak["indeks"].min()), dimensi, lebar))
    if not calon:
        return None
    sebaran = [(d, s) for s, d, _ in calon]
    _, dimensi, lebar = max(calon, key=lambda c: c[0])
    urut = sorted(range(len(lebar)), key=lambda i: kontrak.urutan_kelompok(dimensi, lebar["kelompok"].iloc[i]))
    lebar = lebar.iloc[urut].reset_index(drop=True)
    lebar["kelompok"] = [kontrak.label_kelompok(dimensi, g, lang) for g in lebar["kelompok"]]
    beda = [None if (t or kosong(x)) else float(x) - float(baris["indeks"])
            for t, x in zip(lebar["tersembunyi"], lebar["indeks"], strict=True)]
    lebar = lebar.assign(selisih=beda)
    tampak = _tampak(lebar)
    jauh = tampak.loc[tampak["selisih"].abs().idxmax()]
    hasil = _selisih(jauh["indeks"], jauh["moe_indeks"], baris["indeks"], baris["moe_indeks"])
    kunci = {"lebih_tinggi": "siapa_tinggi", "lebih_rendah": "siapa_rendah"}.get(_arah(hasil), "siapa_setara")
    kalimat = _t("k_siapa", lang, indeks=_d(baris["indeks"], lang), kelompok=jauh["kelompok"],
                 skor=_d(jauh["indeks"], lang),
                 arah=_t(kunci, lang, beda=_d(abs(hasil.beda), lang), moe=_moe_teks(hasil, lang)))
    # coloured by each group's difference from the selection, as on /demografi
    fig = grafik.peta_panas(aman.grafik_df(lebar), lang, penanda, acuan=baris, nama_acuan=aman.grafik(nama))
    tabel = Tabel(lebar, {
        "kelompok": (_t("kol_kelompok", lang), "teks"),
        "indeks": (_t("kol_indeks", lang), "desimal"),
        "selisih": (_t("kol_selisih", lang), "selisih"),
        "n": (_t("kol_responden", lang), "bulat"),
    })
    blok: list[Blok] = [Grafik(fig), tabel]
    if lebar["tersembunyi"].astype(bool).any():
        blok.append(Catatan((i18n.t("catatan_privasi", lang, minimum=privasi.minimum()),)))
    catatan = [_catatan_skor(str(b["kelompok"]), b["indeks"], b["moe_indeks"], b["n"], lang)
               for b in kontrak.baris(tampak)]
    catatan.append(_t("n_sebaran", lang, daftar="; ".join(
        f"{_t(f'dim_{d}', lang)} {_d(s, lang)}" for d, s in sebaran)))
    return Slide("siapa", _t("j_siapa", lang, dimensi=_t(f"dim_{dimensi}", lang)), kalimat, blok, catatan)


def _moe_bagian(p: float, n: int) -> float:
    return 100 * statistik.Z95 * math.sqrt(p * (1 - p) / n) if n > 1 else math.nan


def _slide_level(baris, nama, penanda, lang) -> Slide | None:
    n_lv = baris.get("n_lv")
    if kosong(n_lv) or kosong(baris.get("plv1")) or int(n_lv) == 0:
        return None
    bagian = {i: float(baris[f"plv{i}"]) for i in kontrak.LEVEL_SOSIO}
    teratas = max(bagian, key=bagian.get)
    nama_level = lambda i: f"{i} {kontrak.LEVEL_SOSIO[i][1 if lang == 'en' else 0]}"  # noqa: E731
    kalimat = _t("k_level", lang, level=nama_level(teratas), persen=fmt.persen(bagian[teratas], lang, 1),
                 persen5=fmt.persen(bagian[5], lang, 1), moe5=_d(_moe_bagian(bagian[5], int(n_lv)), lang))
    satu = baris.to_frame().T.assign(kelompok=aman.grafik(nama))
    fig = grafik.sebaran_level(satu, lang, penanda)
    fig.update_layout(height=320)
    catatan = [_t("n_level_n", lang, n=fmt.bulat(n_lv, lang))]
    catatan += [_t("n_level", lang, level=nama_level(i), persen=fmt.persen(p, lang, 1),
                   moe=_d(_moe_bagian(p, int(n_lv)), lang)) for i, p in bagian.items()]
    return Slide("level", _t("j_level", lang), kalimat, [Grafik(fig)], catatan)


def _slide_panduan(baris, lemah, lang) -> Slide:
    label = kontrak.label_nilai(lemah, lang)
    perilaku = tuple(p[1] if lang == "en" else p[0] for p in PANDUAN[lemah])
    kalimat = _t("k_panduan", lang, nilai=label, skor=_d(baris[lemah], lang))
    blok = [Catatan(perilaku), Catatan((_t("pertanyaan", lang), _t("sumber_panduan", lang)))]
    catatan = [_catatan_skor(label, baris[lemah], baris[f"moe_{lemah}"], baris[f"n_{lemah}"], lang),
               *(f"{i}. {p}" for i, p in enumerate(perilaku, 1)), _t("pertanyaan", lang)]
    return Slide("panduan", _t("j_panduan", lang, nilai=label), kalimat, blok, catatan)


def _slide_metode(baris, dilewati, lang) -> Slide:
    minimum = privasi.minimum()
    butir = (_t("metode_1", lang), _t("metode_2", lang), _t("metode_3", lang),
             _t("metode_4", lang, minimum=minimum))
    blok: list[Blok] = [Catatan(butir)]
    if dilewati:
        blok.append(Catatan(tuple(dilewati)))
    kalimat = _t("k_metode", lang, n=fmt.bulat(baris["n"], lang), minimum=minimum)
    return Slide("metode", _t("j_metode", lang), kalimat, blok, [*butir, *dilewati])


# ------------------------------------------------------------------- text of a story


def teks_blok(blok: Blok, lang: str) -> list[str]:
    """The words and figures a block shows, as plain text (for tests and renderers)."""
    if isinstance(blok, Judul):
        return [blok.teks]
    if isinstance(blok, Metrik):
        return [" ".join(x for x in (b.label, b.nilai, b.keterangan) if x) for b in blok.butir]
    if isinstance(blok, Catatan):
        return list(blok.butir)
    if isinstance(blok, Tabel):
        return baris_tabel(blok, lang)
    if isinstance(blok, Grafik):
        return [blok.judul] if blok.judul else []
    return []


def baris_tabel(tabel: Tabel, lang: str) -> list[str]:
    """The table as text rows (header first), hidden figures as their privacy marker."""
    data = tabel.data
    tanda = privasi.penanda_baris(data, lang, privasi.minimum())
    keluar = [" | ".join(h for h, _ in tabel.kolom.values())]
    for i, (_, b) in enumerate(data.iterrows()):
        sel = []
        for kol, (_, jenis) in tabel.kolom.items():
            x = b[kol]
            if jenis == "teks":
                sel.append(str(x))
            elif kosong(x):
                sel.append("–" if jenis == "selisih" else tanda[i])
            elif jenis == "bulat":
                sel.append(fmt.bulat(x, lang))
            else:
                sel.append(fmt.desimal(x, lang, tanda=jenis == "selisih"))
        keluar.append(" | ".join(sel))
    return keluar
