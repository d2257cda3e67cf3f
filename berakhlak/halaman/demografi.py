"""Demografi (/demografi) as blocks: a pure function from a selection and a staff dimension to
what the page shows.

The headline names the group whose BerAKHLAK index is furthest from the selection's own and
says whether that difference is beyond the margin of error (``statistik.selisih``). The heat
map colours each cell by its difference from the selection's own value of that column
(``grafik.peta_panas`` with ``acuan``), so the differences between groups, the point of the
page, can be seen; the cell still shows the group's score. Nothing here draws or needs
Streamlit.
"""

from __future__ import annotations

import pandas as pd

from berakhlak import aman, grafik, i18n, kontrak, layanan, privasi, statistik
from berakhlak import format as fmt
from berakhlak.blok import Blok, Catatan, Grafik, Judul, Tabel
from berakhlak.cerita import nama_seleksi
from berakhlak.kontrak import kosong
from berakhlak.layanan import Pilihan

TEKS: dict[str, tuple[str, str]] = {
    "jenis_kelamin": ("Jenis kelamin", "Sex"),
    "kelompok_usia": ("Kelompok usia", "Age group"),
    "jenis_jabatan": ("Jenis jabatan", "Position type"),
    "golongan": ("Golongan", "Grade"),
    "masa_kerja": ("Masa kerja", "Years of service"),
    "status_kepegawaian": ("Status kepegawaian", "Employment status"),
    "peta_panas": ("Tujuh nilai per {dimensi}", "The seven values by {dimensi}"),
    "peta_panas_ket": (
        "Warna: selisih tiap nilai kelompok dari nilai yang sama untuk {nama} (biru lebih tinggi, "
        "jingga lebih rendah). Angka di sel: skor kelompok, di bawahnya selisihnya; garis tebal: "
        "selisih melebihi margin kesalahan.",
        "Colour: each group's difference from {nama}'s own score of that value (blue higher, "
        "orange lower). The number in a cell: the group's score, under it the difference; "
        "outlined: beyond the margin of error.",
    ),
    "level": ("Level sosio-emosional per kelompok", "Socio-emotional levels by group"),
    "level_ket": (
        "Lima level: 1 dependent, 2 ego-dependent, 3 socio-dependent, 4 intra-dependent, "
        "5 inter-dependent (tujuan yang luhur, level yang dituju).",
        "Five levels: 1 dependent, 2 ego-dependent, 3 socio-dependent, 4 intra-dependent, "
        "5 inter-dependent (noble purpose, the level to aim for).",
    ),
    "kelompok": ("Kelompok", "Group"),
    "indeks": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "selisih": ("Selisih dari {nama}", "Difference from {nama}"),
    "responden": ("Responden", "Respondents"),
    # headlines
    "k_bawah": (
        "{dimensi} {kelompok} paling jauh di bawah indeks {nama} ({acuan}): {beda} poin "
        "(melebihi margin kesalahan ±{moe}).",
        "{dimensi} {kelompok} is furthest below the index of {nama} ({acuan}): {beda} points "
        "(beyond the margin of error ±{moe}).",
    ),
    "k_atas": (
        "{dimensi} {kelompok} paling jauh di atas indeks {nama} ({acuan}): {beda} poin "
        "(melebihi margin kesalahan ±{moe}).",
        "{dimensi} {kelompok} is furthest above the index of {nama} ({acuan}): {beda} points "
        "(beyond the margin of error ±{moe}).",
    ),
    "k_setara": (
        "Tidak ada kelompok menurut {dimensi_kecil} yang indeksnya berbeda dari indeks {nama} "
        "({acuan}) melebihi margin kesalahan; selisih terbesar {kelompok}: {beda} poin (±{moe}).",
        "No group by {dimensi_kecil} differs from the index of {nama} ({acuan}) beyond the margin "
        "of error; the largest difference is {kelompok}: {beda} points (±{moe}).",
    ),
    "k_kosong": ("Tidak ada kelompok menurut {dimensi_kecil} yang dapat ditampilkan untuk pilihan ini.",
                 "No group by {dimensi_kecil} can be shown for this selection."),
}


def _t(kunci: str, lang: str, **isi) -> str:
    return i18n.teks(TEKS, kunci, lang, **isi)


def _d(x, lang: str, tanda: bool = False) -> str:
    return fmt.desimal(x, lang, tanda=tanda)


def kelompok(k, pilihan: Pilihan, dimensi: str, lang: str) -> pd.DataFrame:
    """The groups of ``dimensi`` (through the privacy pattern) in the dimension's natural
    order ("< 30" before "30-39", blanks last), named in the reader's language; each with
    ``selisih``, its index minus the selection's as displayed (None when hidden)."""
    lebar = layanan.ringkas(k, "grup", pilihan, dimensi=dimensi)
    urut = sorted(range(len(lebar)), key=lambda i: kontrak.urutan_kelompok(dimensi, lebar["kelompok"].iloc[i]))
    lebar = lebar.iloc[urut].reset_index(drop=True)
    lebar["kelompok"] = [kontrak.label_kelompok(dimensi, g, lang) for g in lebar["kelompok"]]
    acuan = layanan.total(k, pilihan)
    acuan_indeks = None if acuan is None else acuan.get("indeks")
    lebar["selisih"] = [grafik.selisih_sel(x, None, acuan_indeks, None)[0]
                        if not t else None for x, t in zip(lebar["indeks"], lebar["tersembunyi"], strict=True)]
    return lebar


def kalimat_terjauh(lebar: pd.DataFrame, acuan: pd.Series | None, dimensi: str, nama: str,
                    lang: str) -> str:
    """The page's headline: the group furthest from the selection's index (as displayed),
    above or below it beyond the margin of error, or, when no group is, that none is."""
    dimensi_label = _t(dimensi, lang)
    kecil = dimensi_label[0].lower() + dimensi_label[1:]
    tampak = lebar[~lebar["tersembunyi"].astype(bool) & lebar["indeks"].notna()]
    if acuan is None or kosong(acuan.get("indeks")) or tampak.empty:
        return _t("k_kosong", lang, dimensi_kecil=kecil)
    beda = tampak["selisih"].astype(float)
    jauh = tampak.loc[beda.abs().idxmax()]  # ties: the first in the dimension's order
    hasil = statistik.selisih(jauh["indeks"], jauh["moe_indeks"], acuan["indeks"], acuan["moe_indeks"])
    moe = "–" if hasil is None or kosong(hasil.moe) else _d(hasil.moe, lang)
    isi = dict(kelompok=jauh["kelompok"], nama=nama, acuan=_d(acuan["indeks"], lang),
               beda=_d(jauh["selisih"], lang, tanda=True), moe=moe)
    if hasil is not None and hasil.arah == "lebih_rendah":
        return _t("k_bawah", lang, dimensi=dimensi_label, **isi)
    if hasil is not None and hasil.arah == "lebih_tinggi":
        return _t("k_atas", lang, dimensi=dimensi_label, **isi)
    return _t("k_setara", lang, dimensi_kecil=kecil, **isi)


def blok_demografi(k, pilihan: Pilihan, dimensi: str, lang: str) -> list[Blok]:
    """What /demografi shows for ``pilihan`` by ``dimensi`` (the selection allowed by
    ``layanan.status_seleksi``, the demographic breakdowns computed)."""
    penanda = privasi.penanda(lang, privasi.minimum())
    lebar = kelompok(k, pilihan, dimensi, lang)
    acuan = layanan.total(k, pilihan)
    nama = nama_seleksi(k, pilihan, lang)
    dimensi_kecil = _t(dimensi, lang).lower()
    blok: list[Blok] = [Judul(kalimat_terjauh(lebar, acuan, dimensi, nama, lang))]
    fig = grafik.peta_panas(aman.grafik_df(lebar), lang, penanda, acuan=acuan, nama_acuan=aman.grafik(nama))
    blok.append(Grafik(fig, _t("peta_panas", lang, dimensi=dimensi_kecil),
                       _t("peta_panas_ket", lang, nama=nama), f"nilai-per-{dimensi}"))
    if lebar["tersembunyi"].astype(bool).any():
        blok.append(Catatan((i18n.t("catatan_privasi", lang, minimum=privasi.minimum()),), kecil=True))
    blok.append(Tabel(lebar, {
        "kelompok": (_t("kelompok", lang), "teks"),
        "n": (_t("responden", lang), "bulat"),
        "indeks": (_t("indeks", lang), "desimal"),
        "selisih": (_t("selisih", lang, nama=nama), "selisih"),
        **{v: (kontrak.label_nilai(v, lang), "desimal") for v in kontrak.KUNCI_NILAI},
    }, f"demografi_{dimensi}"))
    blok.append(Grafik(grafik.sebaran_level(aman.grafik_df(lebar), lang, penanda), _t("level", lang),
                       _t("level_ket", lang), f"level-per-{dimensi}"))
    return blok
