"""Ringkasan (/) as blocks: the headline of a selection (index and category, respondents,
change since the previous period, weakest and strongest value), what matters in sentences,
and the seven values beside the chosen benchmark. Pure: no Streamlit."""

from __future__ import annotations

from berakhlak import cerita, i18n, layanan, narasi, statistik
from berakhlak import format as fmt
from berakhlak.blok import Blok, ButirMetrik, Catatan, Metrik
from berakhlak.halaman import umum
from berakhlak.layanan import Pilihan

TEKS: dict[str, tuple[str, str]] = {
    "judul": ("Ringkasan", "Summary"),
    "indeks": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "responden": ("Responden", "Respondents"),
    "terlemah": ("Nilai terlemah", "Weakest value"),
    "terkuat": ("Nilai terkuat", "Strongest value"),
    "yang_penting": ("Yang perlu diperhatikan", "What matters"),
    "tujuh_nilai": ("Tujuh nilai dan pembanding", "The seven values and the benchmark"),
    "tujuh_nilai_saja": ("Tujuh nilai", "The seven values"),
}


def _t(kunci: str, lang: str, **isi) -> str:
    return i18n.teks(TEKS, kunci, lang, **isi)


def blok(k, pilihan: Pilihan, pembanding: tuple[Pilihan, str] | None, lang: str) -> list[Blok]:
    """The Ringkasan of ``pilihan``; ``pembanding`` the benchmark (selection, name) as the
    page's control resolved it, or None."""
    ditolak = umum.penolakan(k, pilihan, lang)
    if ditolak is not None:
        return ditolak
    baris = layanan.total(k, pilihan)
    banding = umum.baris_banding(k, pembanding)
    periode_lalu = layanan.periode_sebelumnya(k, pilihan)
    baris_lalu = layanan.total(k, pilihan.dengan(periode=periode_lalu)) if periode_lalu else None
    lemah, kuat = statistik.terlemah_terkuat(baris)
    metrik = Metrik((
        ButirMetrik(_t("indeks", lang), fmt.desimal(baris["indeks"], lang), kategori=baris["kategori"] or None),
        ButirMetrik(_t("responden", lang), fmt.bulat(baris["n"], lang)),
        umum.butir_perubahan(baris, baris_lalu, periode_lalu, lang),
        umum.butir_nilai(_t("terlemah", lang), lemah, baris, lang, kunci_wadah="ekstrem_lemah"),
        umum.butir_nilai(_t("terkuat", lang), kuat, baris, lang, kunci_wadah="ekstrem_kuat"),
    ), lebar=(1.3, 1, 1.2, 1.2, 1.2))
    nama = cerita.nama_seleksi(k, pilihan, lang)
    kalimat = [
        narasi.kalimat_indeks(baris, nama, pilihan.periode, lang),
        narasi.kalimat_terlemah(baris, lang),
        narasi.kalimat_perubahan(baris, baris_lalu, periode_lalu, lang),
        narasi.kalimat_banding(baris, banding[2], banding[1], lang) if banding else None,
    ]
    return [
        metrik,
        Catatan(tuple(s for s in kalimat if s), judul=_t("yang_penting", lang)),
        umum.grafik_nilai(baris, banding, lang, _t("tujuh_nilai" if banding else "tujuh_nilai_saja", lang)),
        umum.tabel_nilai(baris, banding[2] if banding else None, banding[1] if banding else None,
                         "ringkasan", lang),
    ]
