"""Pieces several page stories share, as blocks: the glue that used to sit in the page
scripts (a selection's row as the long frame charts take, the benchmark pair, markers, the
seven-values table, the change since the previous period, a refused selection). Pure: no
Streamlit; every figure comes from ``layanan`` (privacy rules applied there).
"""

from __future__ import annotations

import pandas as pd

from berakhlak import aman, grafik, i18n, kontrak, layanan, privasi, statistik
from berakhlak import format as fmt
from berakhlak.blok import ButirMetrik, Catatan, Grafik, Tabel
from berakhlak.kontrak import kosong
from berakhlak.layanan import Pilihan

TEKS: dict[str, tuple[str, str]] = {
    "nilai": ("Nilai", "Value"),
    "indeks": ("Indeks", "Index"),
    "moe": ("Margin kesalahan (±)", "Margin of error (±)"),
    "kategori": ("Kategori", "Category"),
    "responden": ("Responden", "Respondents"),
    "selisih": ("Selisih", "Difference"),
    "arti": ("Arti selisih", "Meaning"),
    "lebih_tinggi": ("lebih tinggi", "higher"),
    "lebih_rendah": ("lebih rendah", "lower"),
    "setara": ("kurang lebih sama", "about the same"),
    "tidak_pasti": ("kurang lebih sama", "about the same"),
    "indeks_berakhlak": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "beda_bermakna": ("melebihi margin kesalahan", "beyond the margin of error"),
    "beda_tak_bermakna": ("dalam margin kesalahan", "within the margin of error"),
    "perubahan": ("Perubahan sejak {periode}", "Change since {periode}"),
    "perubahan_kosong": ("Perubahan", "Change"),
    "tak_ada_lalu": ("periode pertama", "first period"),
}


def _t(kunci: str, lang: str, **isi) -> str:
    return i18n.teks(TEKS, kunci, lang, **isi)


def penanda(lang: str) -> str:
    """The marker of a hidden figure at the current minimum group size."""
    return privasi.penanda(lang, privasi.minimum())


def penolakan(k, pilihan: Pilihan, lang: str) -> list[Catatan] | None:
    """The one note a refused selection shows instead of any figure (None when it may be
    shown): the same rule as ``ui.cek_seleksi`` (``layanan.status_seleksi``)."""
    alasan = layanan.status_seleksi(k, pilihan)
    if alasan is None:
        return None
    return [Catatan((i18n.alasan_tolak(alasan, lang, privasi.minimum()),))]


def baris_banding(k, pembanding: tuple[Pilihan, str] | None) -> tuple[Pilihan, str, pd.Series] | None:
    """The benchmark as (selection, name, its row), or None when there is none or it has no
    figure to compare with."""
    if pembanding is None:
        return None
    baris = layanan.total(k, pembanding[0])
    if baris is None:
        return None
    return pembanding[0], pembanding[1], baris


def panjang_baris(baris: pd.Series | None) -> pd.DataFrame | None:
    """A selection's row as the long frame (one row per value) charts and tables take."""
    return None if baris is None else statistik.panjang(baris.to_frame().T)


def grafik_nilai(baris: pd.Series, banding: tuple[Pilihan, str, pd.Series] | None, lang: str,
                 judul: str = "", nama: str = "tujuh_nilai") -> Grafik:
    """The seven values with their margins, beside the benchmark's when there is one."""
    fig = grafik.batang_nilai(panjang_baris(baris), lang, penanda(lang),
                              panjang_baris(banding[2]) if banding else None,
                              aman.grafik(banding[1]) if banding else "")
    return Grafik(fig, judul=judul, nama=nama)


def tabel_nilai(baris: pd.Series, banding: pd.Series | None, nama_banding: str | None, nama: str,
                lang: str) -> Tabel:
    """The seven values (and the index) of a selection beside its benchmark: index, margin,
    category, respondents; with a benchmark its figure, the difference and what it means
    (beyond the combined margin or not, ``statistik.selisih``)."""
    baris_tabel = []
    for kunci in (*kontrak.KUNCI_NILAI, "indeks"):
        label = _t("indeks_berakhlak", lang) if kunci == "indeks" else kontrak.label_nilai(kunci, lang)
        moe = baris.get(f"moe_{kunci}")
        kode = kontrak.kategori(baris.get(kunci))
        r = {"nilai": label, "skor": baris.get(kunci), "moe": moe,
             "kategori": f"{kode} · {kontrak.label_kategori(kode, lang)}" if kode else "",
             "n": baris.get(f"n_{kunci}", baris.get("n"))}
        if banding is not None:
            b, moe_b = banding.get(kunci), banding.get(f"moe_{kunci}")
            beda = None if kosong(r["skor"]) or kosong(b) else statistik.selisih(r["skor"], moe, b, moe_b)
            r.update(banding=b, selisih=beda.beda if beda else None,
                     arti=_t(beda.arah, lang) if beda else "")
        baris_tabel.append(r)
    df = pd.DataFrame(baris_tabel).assign(alasan_sembunyi=None)
    kolom = {"nilai": (_t("nilai", lang), "teks"),
             "skor": (_t("indeks", lang), "desimal"),
             "moe": (_t("moe", lang), "desimal"),
             "kategori": (_t("kategori", lang), "teks"),
             "n": (_t("responden", lang), "bulat")}
    if banding is not None:
        kolom.update({"banding": (nama_banding, "desimal"),
                      "selisih": (_t("selisih", lang), "selisih"),
                      "arti": (_t("arti", lang), "teks")})
    return Tabel(df, kolom, nama=nama)


def butir_nilai(label: str, kunci: str | None, baris: pd.Series, lang: str, tautan: bool = True,
                kunci_wadah: str | None = None) -> ButirMetrik:
    """A metric naming a value and its index, e.g. 'Adaptif' / 48,1, linked to it on /tren."""
    if kunci is None:
        return ButirMetrik(label, "–", kunci=kunci_wadah)
    return ButirMetrik(label, kontrak.label_nilai(kunci, lang), fmt.desimal(baris[kunci], lang),
                       nilai_tren=kunci if tautan else None, kunci=kunci_wadah)


def butir_perubahan(baris: pd.Series, lalu: pd.Series | None, periode_lalu, lang: str) -> ButirMetrik:
    """Change of the index since the previous period, marked (arrow, colour) only beyond its
    margin of error."""
    if lalu is None or kosong(lalu.get("indeks")) or kosong(baris.get("indeks")):
        return ButirMetrik(_t("perubahan_kosong", lang), "–", _t("tak_ada_lalu", lang))
    beda = statistik.selisih(baris["indeks"], baris["moe_indeks"], lalu["indeks"], lalu["moe_indeks"])
    bermakna = beda.arah in ("lebih_tinggi", "lebih_rendah")
    return ButirMetrik(_t("perubahan", lang, periode=periode_lalu), fmt.desimal(beda.beda, lang, tanda=True),
                       _t("beda_bermakna" if bermakna else "beda_tak_bermakna", lang),
                       arah=("up" if beda.beda > 0 else "down") if bermakna else "off")
