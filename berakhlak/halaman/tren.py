"""Tren (/tren) as blocks: one headline sentence (the index of the chosen period against the
previous shown period, margin-aware, ``narasi.kalimat_tren``), the index per period beside the
benchmark, one value per period, and the table. Pure: no Streamlit; every figure comes from
``layanan`` (privacy rules applied there).

The page draws the benchmark chooser under the headline and the value chooser between the two
charts, so the story comes in parts (:func:`blok_kalimat`, :func:`blok_indeks`,
:func:`blok_nilai`); :func:`blok` joins them for other renderers.
"""

from __future__ import annotations

import pandas as pd

from berakhlak import aman, grafik, i18n, kontrak, layanan, narasi, statistik
from berakhlak.blok import Blok, Catatan, Grafik, Judul, Tabel
from berakhlak.halaman import umum
from berakhlak.layanan import Pilihan

TEKS: dict[str, tuple[str, str]] = {
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


def _t(kunci: str, lang: str, **isi) -> str:
    return i18n.teks(TEKS, kunci, lang, **isi)


def lebar(k, pilihan: Pilihan) -> pd.DataFrame:
    """The selection's figures per period, every loaded period present, changes marked."""
    return statistik.tandai_perubahan(layanan.per_periode(k, pilihan))


def nilai_baku(k, pilihan: Pilihan) -> str:
    """The value shown first: the weakest in the latest shown period (the first value when
    no period is shown)."""
    data = lebar(k, pilihan)
    tampak = data.dropna(subset=["indeks"])
    lemah = statistik.terlemah_terkuat(tampak.iloc[-1])[0] if not tampak.empty else None
    return lemah or kontrak.KUNCI_NILAI[0]


def blok_kalimat(k, pilihan: Pilihan, lang: str) -> list[Blok]:
    """The headline sentence (none when no period of the selection is shown)."""
    kalimat = narasi.kalimat_tren(lebar(k, pilihan), pilihan.periode, lang)
    return [Judul(kalimat)] if kalimat else []


def blok_indeks(k, pilihan: Pilihan, pembanding: tuple[Pilihan, str] | None, lang: str) -> list[Blok]:
    """The explanation of the markers and the index chart beside the benchmark."""
    data = lebar(k, pilihan)
    data_banding = layanan.per_periode(k, pembanding[0]) if pembanding else None
    nama_banding = aman.grafik(pembanding[1]) if pembanding else ""  # a name from data, drawn literally
    return [Catatan((_t("ket", lang),), kecil=True),
            Grafik(grafik.tren_indeks(data, lang, umum.penanda(lang), data_banding, nama_banding),
                   judul=_t("indeks", lang), nama="tren_indeks")]


def blok_nilai(k, pilihan: Pilihan, pembanding: tuple[Pilihan, str] | None, nilai: str,
               lang: str, dengan_judul: bool = True) -> list[Blok]:
    """Value ``nilai`` per period beside the benchmark, then the table of every period
    (``dengan_judul`` False: the chart's heading is drawn by the page, above its chooser)."""
    data = lebar(k, pilihan)
    data_banding = layanan.per_periode(k, pembanding[0]) if pembanding else None
    satu = statistik.panjang(data).query("nilai == @nilai")
    satu_banding = statistik.panjang(data_banding).query("nilai == @nilai") if data_banding is not None else None
    nama_banding = aman.grafik(pembanding[1]) if pembanding else ""
    kolom = {
        "kelompok": (_t("periode", lang), "teks"),
        "n": (_t("responden", lang), "bulat"),
        "indeks": (_t("indeks_kol", lang), "desimal"),
        "moe_indeks": (_t("moe", lang), "desimal"),
        "ubah_indeks": (_t("ubah", lang), "selisih"),
        **{v: (kontrak.label_nilai(v, lang), "desimal") for v in kontrak.KUNCI_NILAI},
    }
    return [
        Grafik(grafik.tren(satu, lang, umum.penanda(lang), pembanding=satu_banding, label_pembanding=nama_banding),
               judul=_t("satu_nilai", lang) if dengan_judul else "", nama="tren_nilai"),
        Tabel(data, kolom, nama="tren", judul=_t("tabel", lang)),
    ]


def blok(k, pilihan: Pilihan, pembanding: tuple[Pilihan, str] | None, nilai: str | None,
         lang: str) -> list[Blok]:
    """The whole /tren story (``nilai`` None: the weakest value)."""
    ditolak = umum.penolakan(k, pilihan, lang)
    if ditolak is not None:
        return ditolak
    return [*blok_kalimat(k, pilihan, lang), *blok_indeks(k, pilihan, pembanding, lang),
            *blok_nilai(k, pilihan, pembanding, nilai or nilai_baku(k, pilihan), lang)]
