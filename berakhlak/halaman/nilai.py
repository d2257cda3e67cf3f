"""Nilai (/nilai) as blocks: the seven value indexes of the selection beside a benchmark,
each with its margin of error, and how respondents spread across the categories A-D per
value. Pure: no Streamlit."""

from __future__ import annotations

from berakhlak import cerita, grafik, i18n, kontrak, layanan, statistik
from berakhlak.blok import Blok, Grafik, Judul, Tabel
from berakhlak.halaman import umum
from berakhlak.layanan import Pilihan

TEKS: dict[str, tuple[str, str]] = {
    "judul": ("Nilai", "Values"),
    "tujuh": ("Tujuh nilai BerAKHLAK dengan margin kesalahan 95 %",
              "The seven BerAKHLAK values with 95% margins of error"),
    "sebaran": ("Sebaran responden per kategori", "Respondents by category"),
    "sebaran_ket": (
        "Bagian responden yang skornya pada tiap nilai masuk kategori A (Sehat), B (Cukup Sehat), "
        "C (Tidak Sehat) atau D.",
        "Share of respondents whose score on each value falls in category A (Healthy), "
        "B (Fairly healthy), C (Unhealthy) or D.",
    ),
    "nilai": ("Nilai", "Value"),
}


def _t(kunci: str, lang: str, **isi) -> str:
    return i18n.teks(TEKS, kunci, lang, **isi)


def blok(k, pilihan: Pilihan, pembanding: tuple[Pilihan, str] | None, lang: str) -> list[Blok]:
    """The Nilai page of ``pilihan``: a headline (weakest and strongest, the weakest against the
    benchmark, margin-aware), the seven values with the benchmark and their table, the
    category spread and its table."""
    ditolak = umum.penolakan(k, pilihan, lang)
    if ditolak is not None:
        return ditolak
    baris = layanan.total(k, pilihan)
    banding = umum.baris_banding(k, pembanding)
    lemah, kuat = statistik.terlemah_terkuat(baris)
    panjang = umum.panjang_baris(baris)
    hasil: list[Blok] = []
    kalimat = cerita.kalimat_nilai(baris, banding, lemah, kuat, lang)
    if kalimat:
        hasil.append(Judul(kalimat))
    hasil.append(umum.grafik_nilai(baris, banding, lang, _t("tujuh", lang)))
    hasil.append(umum.tabel_nilai(baris, banding[2] if banding else None, banding[1] if banding else None,
                                  "nilai", lang))
    hasil.append(Grafik(grafik.sebaran_kategori(panjang, lang, umum.penanda(lang)), judul=_t("sebaran", lang),
                        keterangan=_t("sebaran_ket", lang), nama="sebaran_kategori"))
    sebaran = panjang.assign(label=[kontrak.label_nilai(v, lang) for v in panjang["nilai"]])
    kolom = {"label": (_t("nilai", lang), "teks")}
    for kode, _, label_id, label_en in kontrak.KATEGORI:
        sebaran[f"persen_{kode}"] = 100 * sebaran[f"p{kode.lower()}"]
        kolom[f"persen_{kode}"] = (f"{kode} {label_en if lang == 'en' else label_id} (%)", "desimal")
    hasil.append(Tabel(sebaran, kolom, nama="sebaran_kategori"))
    return hasil
