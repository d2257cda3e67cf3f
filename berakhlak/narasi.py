"""Plain-language sentences about a selection. A difference is called higher or lower only
when it is larger than its 95 % margin of error; otherwise the two are 'about the same'."""

from __future__ import annotations

import pandas as pd

from berakhlak import format as fmt
from berakhlak import i18n, kontrak, statistik
from berakhlak.kontrak import kosong

TEKS: dict[str, tuple[str, str]] = {
    "indeks": (
        "Indeks BerAKHLAK {nama} pada {periode} adalah {indeks} ({kode}, {kategori}), dari {n} responden.",
        "The BerAKHLAK index of {nama} in {periode} is {indeks} ({kode}, {kategori}), from {n} respondents.",
    ),
    "terlemah": (
        "Nilai terlemah adalah {lemah} ({skor_lemah}), {jarak} poin di bawah indeks; "
        "yang terkuat {kuat} ({skor_kuat}).",
        "The weakest value is {lemah} ({skor_lemah}), {jarak} points below the index; "
        "the strongest is {kuat} ({skor_kuat}).",
    ),
    "banding_lebih_tinggi": (
        "Indeks ini lebih tinggi daripada {banding} ({skor_lain}) sebesar {beda} poin, "
        "melebihi margin kesalahan 95 % (±{moe}).",
        "This index is higher than {banding} ({skor_lain}) by {beda} points, "
        "beyond the 95% margin of error (±{moe}).",
    ),
    "banding_lebih_rendah": (
        "Indeks ini lebih rendah daripada {banding} ({skor_lain}) sebesar {beda} poin, "
        "melebihi margin kesalahan 95 % (±{moe}).",
        "This index is lower than {banding} ({skor_lain}) by {beda} points, "
        "beyond the 95% margin of error (±{moe}).",
    ),
    "banding_setara": (
        "Indeks ini kurang lebih sama dengan {banding} ({skor_lain}): selisih {beda} poin "
        "masih dalam margin kesalahan 95 % (±{moe}).",
        "This index is about the same as {banding} ({skor_lain}): the difference of {beda} "
        "points is within the 95% margin of error (±{moe}).",
    ),
    "ubah_lebih_tinggi": (
        "Dibanding {periode} ({skor_lain}), indeks naik {beda} poin, melebihi margin kesalahan (±{moe}).",
        "Compared with {periode} ({skor_lain}), the index rose {beda} points, beyond the margin of error (±{moe}).",
    ),
    "ubah_lebih_rendah": (
        "Dibanding {periode} ({skor_lain}), indeks turun {beda} poin, melebihi margin kesalahan (±{moe}).",
        "Compared with {periode} ({skor_lain}), the index fell {beda} points, beyond the margin of error (±{moe}).",
    ),
    "ubah_setara": (
        "Dibanding {periode} ({skor_lain}), indeks kurang lebih sama (selisih {beda} poin, "
        "dalam margin kesalahan ±{moe}).",
        "Compared with {periode} ({skor_lain}), the index is about the same (difference {beda} "
        "points, within the margin of error ±{moe}).",
    ),
    "tren_lebih_tinggi": (
        "Indeks naik {beda} poin dari {awal} ke {akhir} ({skor_awal} → {skor_akhir}), melebihi "
        "margin kesalahan 95 % (±{moe}).",
        "The index rose {beda} points from {awal} to {akhir} ({skor_awal} → {skor_akhir}), beyond "
        "the 95% margin of error (±{moe}).",
    ),
    "tren_lebih_rendah": (
        "Indeks turun {beda} poin dari {awal} ke {akhir} ({skor_awal} → {skor_akhir}), melebihi "
        "margin kesalahan 95 % (±{moe}).",
        "The index fell {beda} points from {awal} to {akhir} ({skor_awal} → {skor_akhir}), beyond "
        "the 95% margin of error (±{moe}).",
    ),
    "tren_setara": (
        "Indeks kurang lebih sama dari {awal} ke {akhir} ({skor_awal} → {skor_akhir}): selisih "
        "{beda} poin masih dalam margin kesalahan 95 % (±{moe}).",
        "The index is about the same from {awal} to {akhir} ({skor_awal} → {skor_akhir}): the "
        "difference of {beda} points is within the 95% margin of error (±{moe}).",
    ),
    "tren_tidak_pasti": (
        "Indeks berubah {beda} poin dari {awal} ke {akhir} ({skor_awal} → {skor_akhir}); margin "
        "kesalahannya tidak dapat dihitung, jadi belum dapat disebut naik atau turun.",
        "The index changed {beda} points from {awal} to {akhir} ({skor_awal} → {skor_akhir}); its "
        "margin of error cannot be computed, so it cannot be called a rise or a fall.",
    ),
    "tren_satu": (
        "Indeks {akhir} adalah {skor_akhir}; belum ada periode sebelumnya untuk dibandingkan.",
        "The index in {akhir} is {skor_akhir}; there is no earlier period to compare with.",
    ),
}


def kalimat_indeks(baris: pd.Series, nama: str, periode, lang: str) -> str | None:
    if kosong(baris.get("indeks")):
        return None
    kode = baris["kategori"]
    return i18n.teks(TEKS, "indeks", lang, nama=nama, periode=periode,
                     indeks=fmt.desimal(baris["indeks"], lang), kode=kode,
                     kategori=kontrak.label_kategori(kode, lang), n=fmt.bulat(baris["n"], lang))


def kalimat_terlemah(baris: pd.Series, lang: str) -> str | None:
    lemah, kuat = statistik.terlemah_terkuat(baris)
    if lemah is None or kosong(baris.get("indeks")):
        return None
    jarak = kontrak.bulatkan(baris["indeks"]) - kontrak.bulatkan(baris[lemah])
    return i18n.teks(TEKS, "terlemah", lang,
                     lemah=kontrak.label_nilai(lemah, lang), skor_lemah=fmt.desimal(baris[lemah], lang),
                     jarak=fmt.desimal(jarak, lang), kuat=kontrak.label_nilai(kuat, lang),
                     skor_kuat=fmt.desimal(baris[kuat], lang))


def kalimat_banding(baris: pd.Series, banding: pd.Series | None, nama_banding: str,
                    lang: str) -> str | None:
    return _kalimat_selisih("banding", baris, banding, lang, banding=nama_banding)


def kalimat_perubahan(baris: pd.Series, lalu: pd.Series | None, periode_lalu, lang: str) -> str | None:
    return _kalimat_selisih("ubah", baris, lalu, lang, periode=periode_lalu)


def _kalimat_selisih(awalan: str, baris: pd.Series, lain: pd.Series | None, lang: str, **isi) -> str | None:
    """The sentence comparing the index of ``baris`` with that of ``lain`` (higher, lower, or
    about the same when the difference is within its margin of error)."""
    hasil = _banding(baris, lain)
    if hasil is None:
        return None
    return i18n.teks(TEKS, f"{awalan}_{_arah(hasil)}", lang, skor_lain=fmt.desimal(lain["indeks"], lang),
                     beda=fmt.desimal(abs(hasil.beda), lang), moe=fmt.desimal(hasil.moe, lang), **isi)


def _banding(a: pd.Series, b: pd.Series | None):
    if b is None or kosong(a.get("indeks")) or kosong(b.get("indeks")):
        return None
    return statistik.selisih(a["indeks"], a["moe_indeks"], b["indeks"], b["moe_indeks"])


def _arah(hasil) -> str:
    """'lebih_tinggi' / 'lebih_rendah' only beyond the margin; anything else is 'setara'."""
    return hasil.arah if hasil.arah in ("lebih_tinggi", "lebih_rendah") else "setara"


def kalimat_tren(lebar: pd.DataFrame, periode, lang: str) -> str | None:
    """The headline of /tren: the index of ``periode`` (the latest shown period up to it; the
    latest shown when ``periode`` is None) against the shown period before it: risen or fallen
    only beyond the margin of error of the difference (``statistik.selisih``), otherwise about
    the same; when a margin is unknown, said so. ``lebar`` holds one row per period
    (``kelompok``) as ``layanan.per_periode`` returns it; hidden or empty periods are skipped.
    None when no period is shown."""
    tampak = lebar[lebar["indeks"].notna()].sort_values("kelompok")
    if periode is not None:
        tampak = tampak[tampak["kelompok"] <= periode]
    if tampak.empty:
        return None
    periode_tampak = tampak["kelompok"].tolist()  # the column's own type (a row may turn 2024 into 2024.0)
    akhir = tampak.iloc[-1]
    isi = {"akhir": periode_tampak[-1], "skor_akhir": fmt.desimal(akhir["indeks"], lang)}
    if len(tampak) == 1:
        return i18n.teks(TEKS, "tren_satu", lang, **isi)
    awal = tampak.iloc[-2]
    hasil = _banding(akhir, awal)
    arah = "tidak_pasti" if hasil.arah == "tidak_pasti" else _arah(hasil)
    return i18n.teks(TEKS, f"tren_{arah}", lang, awal=periode_tampak[-2], skor_awal=fmt.desimal(awal["indeks"], lang),
                     beda=fmt.desimal(abs(hasil.beda), lang), moe=fmt.desimal(hasil.moe, lang), **isi)
