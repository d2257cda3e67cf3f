"""narasi: every sentence asserted whole, in both languages, at the boundaries that matter
(direction only beyond the margin of error, a difference equal to its margin, half-up rounding
at ,x5, the category boundary 74,95 / 75,0), so a broken rule changes an asserted sentence."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from berakhlak import kontrak, narasi

NAN = math.nan


def baris(indeks=62.3, moe=0.5, n=5773, kategori=None, **nilai) -> pd.Series:
    """A wide row as layanan returns it; the category from the contract's rule unless given."""
    data = {"n": n, "indeks": indeks, "moe_indeks": moe,
            "kategori": kategori if kategori is not None else kontrak.kategori(indeks)}
    data.update(nilai)
    return pd.Series(data)


TEGAL_NILAI = {"berorientasi_pelayanan": 63.0, "akuntabel": 72.46, "kompeten": 61.0, "harmonis": 65.0,
               "loyal": 66.0, "adaptif": 43.46, "kolaboratif": 64.0}


# ------------------------------------------------------------------ kalimat_indeks


def test_indeks_id_dan_en():
    b = baris(62.34, n=5773)
    assert narasi.kalimat_indeks(b, "Pemerintah Kabupaten Tegal", 2022, "id") == (
        "Indeks BerAKHLAK Pemerintah Kabupaten Tegal pada 2022 adalah 62,3 (B, Cukup Sehat), "
        "dari 5.773 responden.")
    assert narasi.kalimat_indeks(b, "Pemerintah Kabupaten Tegal", 2022, "en") == (
        "The BerAKHLAK index of Pemerintah Kabupaten Tegal in 2022 is 62.3 (B, Fairly healthy), "
        "from 5,773 respondents.")


@pytest.mark.parametrize(("indeks", "teks"), [
    (74.95, "75,0 (A, Sehat)"),          # rounded half up first: A
    (74.9499, "74,9 (B, Cukup Sehat)"),
    (75.0, "75,0 (A, Sehat)"),
    (49.95, "50,0 (B, Cukup Sehat)"),
    (49.94, "49,9 (C, Tidak Sehat)"),
    (24.95, "25,0 (C, Tidak Sehat)"),
    (24.9, "24,9 (D, Sangat Tidak Sehat)"),
])
def test_indeks_batas_kategori(indeks, teks):
    assert narasi.kalimat_indeks(baris(indeks, n=12), "X", 2024, "id") == (
        f"Indeks BerAKHLAK X pada 2024 adalah {teks}, dari 12 responden.")


def test_indeks_kosong_tanpa_kalimat():
    assert narasi.kalimat_indeks(baris(NAN, kategori="B"), "X", 2024, "id") is None
    assert narasi.kalimat_indeks(pd.Series({"n": 3}), "X", 2024, "id") is None


# ------------------------------------------------------------------ kalimat_terlemah


def test_terlemah_jarak_dari_angka_yang_tampil():
    # shown: index 62,3 and Adaptif 43,5, so the distance is 18,8 (not 62,34 - 43,46 = 18,88 -> 18,9)
    b = baris(62.34, **TEGAL_NILAI)
    assert narasi.kalimat_terlemah(b, "id") == (
        "Nilai terlemah adalah Adaptif (43,5), 18,8 poin di bawah indeks; yang terkuat Akuntabel (72,5).")
    assert narasi.kalimat_terlemah(b, "en") == (
        "The weakest value is Adaptive (43.5), 18.8 points below the index; the strongest is "
        "Accountable (72.5).")


def test_terlemah_tanpa_nilai_atau_indeks():
    assert narasi.kalimat_terlemah(baris(62.3), "id") is None
    assert narasi.kalimat_terlemah(baris(NAN, kategori="B", **TEGAL_NILAI), "id") is None


# ------------------------------------------------------------------ kalimat_banding


@pytest.mark.parametrize(("a", "moe_a", "b", "moe_b", "id_", "en"), [
    (62.3, 0.3, 60.9, 0.4, "Indeks ini lebih tinggi daripada Nasional (60,9) sebesar 1,4 poin, melebihi "
     "margin kesalahan 95 % (±0,5).", "This index is higher than Nasional (60.9) by 1.4 points, beyond the "
     "95% margin of error (±0.5)."),
    (59.5, 0.3, 60.9, 0.4, "Indeks ini lebih rendah daripada Nasional (60,9) sebesar 1,4 poin, melebihi "
     "margin kesalahan 95 % (±0,5).", "This index is lower than Nasional (60.9) by 1.4 points, beyond the "
     "95% margin of error (±0.5)."),
    # a difference equal to its margin is not a difference
    (61.0, 0.6, 60.0, 0.8, "Indeks ini kurang lebih sama dengan Nasional (60,0): selisih 1,0 poin masih "
     "dalam margin kesalahan 95 % (±1,0).", "This index is about the same as Nasional (60.0): the difference "
     "of 1.0 points is within the 95% margin of error (±1.0)."),
    (59.0, 0.6, 60.0, 0.8, "Indeks ini kurang lebih sama dengan Nasional (60,0): selisih 1,0 poin masih "
     "dalam margin kesalahan 95 % (±1,0).", "This index is about the same as Nasional (60.0): the difference "
     "of 1.0 points is within the 95% margin of error (±1.0)."),
    # just beyond: 1,0001 > 1,0
    (61.0001, 0.6, 60.0, 0.8, "Indeks ini lebih tinggi daripada Nasional (60,0) sebesar 1,0 poin, melebihi "
     "margin kesalahan 95 % (±1,0).", "This index is higher than Nasional (60.0) by 1.0 points, beyond the "
     "95% margin of error (±1.0)."),
])
def test_banding(a, moe_a, b, moe_b, id_, en):
    assert narasi.kalimat_banding(baris(a, moe_a), baris(b, moe_b), "Nasional", "id") == id_
    assert narasi.kalimat_banding(baris(a, moe_a), baris(b, moe_b), "Nasional", "en") == en


def test_banding_pembulatan_setengah_ke_atas():
    # difference 1,25 is shown 1,3 (half up), margin 0,05 is shown 0,1
    assert narasi.kalimat_banding(baris(61.25, 0.03), baris(60.0, 0.04), "Jawa Tengah", "id") == (
        "Indeks ini lebih tinggi daripada Jawa Tengah (60,0) sebesar 1,3 poin, melebihi margin "
        "kesalahan 95 % (±0,1).")


def test_banding_tanpa_margin_tidak_disebut_beda():
    assert narasi.kalimat_banding(baris(70.0, NAN), baris(60.0, 0.4), "Nasional", "id") == (
        "Indeks ini kurang lebih sama dengan Nasional (60,0): selisih 10,0 poin masih dalam margin "
        "kesalahan 95 % (±–).")


def test_banding_tanpa_pembanding():
    assert narasi.kalimat_banding(baris(62.3), None, "Nasional", "id") is None
    assert narasi.kalimat_banding(baris(62.3), baris(NAN, kategori="B"), "Nasional", "id") is None
    assert narasi.kalimat_banding(baris(NAN, kategori="B"), baris(60.0), "Nasional", "id") is None


# ------------------------------------------------------------------ kalimat_perubahan


@pytest.mark.parametrize(("a", "b", "id_", "en"), [
    (62.3, 60.9, "Dibanding 2022 (60,9), indeks naik 1,4 poin, melebihi margin kesalahan (±0,5).",
     "Compared with 2022 (60.9), the index rose 1.4 points, beyond the margin of error (±0.5)."),
    (59.5, 60.9, "Dibanding 2022 (60,9), indeks turun 1,4 poin, melebihi margin kesalahan (±0,5).",
     "Compared with 2022 (60.9), the index fell 1.4 points, beyond the margin of error (±0.5)."),
    (61.2, 60.9, "Dibanding 2022 (60,9), indeks kurang lebih sama (selisih 0,3 poin, dalam margin "
     "kesalahan ±0,5).", "Compared with 2022 (60.9), the index is about the same (difference 0.3 points, "
     "within the margin of error ±0.5)."),
    (60.6, 60.9, "Dibanding 2022 (60,9), indeks kurang lebih sama (selisih 0,3 poin, dalam margin "
     "kesalahan ±0,5).", "Compared with 2022 (60.9), the index is about the same (difference 0.3 points, "
     "within the margin of error ±0.5)."),
])
def test_perubahan(a, b, id_, en):
    assert narasi.kalimat_perubahan(baris(a, 0.3), baris(b, 0.4), 2022, "id") == id_
    assert narasi.kalimat_perubahan(baris(a, 0.3), baris(b, 0.4), 2022, "en") == en


def test_perubahan_tanpa_periode_lalu():
    assert narasi.kalimat_perubahan(baris(62.3), None, None, "id") is None


# ------------------------------------------------------------------ kalimat_tren (the /tren headline)


def per_periode(*isi) -> pd.DataFrame:
    """Rows (period, index, margin) as layanan.per_periode returns them."""
    return pd.DataFrame([{"kelompok": p, "indeks": i, "moe_indeks": m, "n": 100} for p, i, m in isi])


SERI = per_periode((2022, 60.9, 0.3), (2023, 61.1, 0.3), (2024, 62.5, 0.4), (2025, 60.0, 0.3))


@pytest.mark.parametrize(("periode", "id_", "en"), [
    (2024, "Indeks naik 1,4 poin dari 2023 ke 2024 (61,1 → 62,5), melebihi margin kesalahan 95 % (±0,5).",
     "The index rose 1.4 points from 2023 to 2024 (61.1 → 62.5), beyond the 95% margin of error (±0.5)."),
    (2025, "Indeks turun 2,5 poin dari 2024 ke 2025 (62,5 → 60,0), melebihi margin kesalahan 95 % (±0,5).",
     "The index fell 2.5 points from 2024 to 2025 (62.5 → 60.0), beyond the 95% margin of error (±0.5)."),
    (None, "Indeks turun 2,5 poin dari 2024 ke 2025 (62,5 → 60,0), melebihi margin kesalahan 95 % (±0,5).",
     "The index fell 2.5 points from 2024 to 2025 (62.5 → 60.0), beyond the 95% margin of error (±0.5)."),
    (2023, "Indeks kurang lebih sama dari 2022 ke 2023 (60,9 → 61,1): selisih 0,2 poin masih dalam margin "
     "kesalahan 95 % (±0,4).", "The index is about the same from 2022 to 2023 (60.9 → 61.1): the difference "
     "of 0.2 points is within the 95% margin of error (±0.4)."),
    (2022, "Indeks 2022 adalah 60,9; belum ada periode sebelumnya untuk dibandingkan.",
     "The index in 2022 is 60.9; there is no earlier period to compare with."),
])
def test_tren(periode, id_, en):
    assert narasi.kalimat_tren(SERI, periode, "id") == id_
    assert narasi.kalimat_tren(SERI, periode, "en") == en
    # the order of the rows does not matter
    assert narasi.kalimat_tren(SERI.iloc[::-1], periode, "id") == id_


def test_tren_selisih_sama_dengan_margin_dan_pembulatan():
    seri = per_periode((2023, 60.0, 0.6), (2024, 61.0, 0.8))
    assert narasi.kalimat_tren(seri, 2024, "id") == (
        "Indeks kurang lebih sama dari 2023 ke 2024 (60,0 → 61,0): selisih 1,0 poin masih dalam margin "
        "kesalahan 95 % (±1,0).")
    seri = per_periode((2023, 60.0, 0.03), (2024, 61.25, 0.04))
    assert narasi.kalimat_tren(seri, 2024, "id") == (
        "Indeks naik 1,3 poin dari 2023 ke 2024 (60,0 → 61,3), melebihi margin kesalahan 95 % (±0,1).")


def test_tren_melewati_periode_tersembunyi_dan_tanpa_data():
    seri = per_periode((2022, 60.9, 0.3), (2023, NAN, NAN), (2024, 62.5, 0.4), (2025, NAN, NAN))
    assert narasi.kalimat_tren(seri, 2025, "id") == (
        "Indeks naik 1,6 poin dari 2022 ke 2024 (60,9 → 62,5), melebihi margin kesalahan 95 % (±0,5).")


def test_tren_margin_tak_diketahui():
    seri = per_periode((2023, 60.0, NAN), (2024, 65.0, 0.4))
    assert narasi.kalimat_tren(seri, 2024, "id") == (
        "Indeks berubah 5,0 poin dari 2023 ke 2024 (60,0 → 65,0); margin kesalahannya tidak dapat "
        "dihitung, jadi belum dapat disebut naik atau turun.")
    assert narasi.kalimat_tren(seri, 2024, "en") == (
        "The index changed 5.0 points from 2023 to 2024 (60.0 → 65.0); its margin of error cannot be "
        "computed, so it cannot be called a rise or a fall.")


def test_tren_tanpa_periode_tampak():
    assert narasi.kalimat_tren(per_periode((2024, NAN, NAN)), 2024, "id") is None
    assert narasi.kalimat_tren(SERI, 2021, "id") is None


def test_banding_baris_tanpa_kolom_indeks():
    # a row without an "indeks" entry at all (not even NaN) has nothing to compare, whichever
    # side it is on: no sentence, and no KeyError from reading the missing column
    tanpa = pd.Series({"n": 3})
    assert narasi.kalimat_banding(tanpa, baris(60.0), "Nasional", "id") is None
    assert narasi.kalimat_banding(baris(60.0), tanpa, "Nasional", "id") is None
    assert narasi.kalimat_perubahan(tanpa, baris(60.0), 2022, "id") is None
