"""statistik: margins of error against hand-computed figures, boundaries, change flags, and the
frames the rollup may hand over (found untested by mutation testing, scripts/mutasi.py)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from berakhlak import kontrak
from berakhlak.statistik import (
    KOLOM_PANJANG,
    Perbandingan,
    panjang,
    ringkas,
    selisih,
    tandai_perubahan,
    terlemah_terkuat,
)
from tests.unit.test_statistik import SKOR, jumlah_dari_responden

NILAI = kontrak.KUNCI_NILAI
BP = "berorientasi_pelayanan"


def satu(skor: list[list[float | None]], level=()) -> pd.Series:
    return ringkas(pd.DataFrame([jumlah_dari_responden("X", skor, level)])).iloc[0]


# --- margin of error -----------------------------------------------------------------------


def test_margin_of_two_scores():
    # 60 and 70: mean 65, sample variance (25 + 25) / 1 = 50, moe = 1,96 * sqrt(50 / 2) = 9,8
    a = satu([[60] * 7, [70] * 7])
    assert a[BP] == 65
    assert a[f"moe_{BP}"] == pytest.approx(9.8)
    assert a["moe_indeks"] == pytest.approx(9.8)


def test_margin_of_a_small_variance_is_not_rounded_away():
    # 50 and 51: variance 0,5, moe = 1,96 * sqrt(0,5 / 2) = 0,98
    a = satu([[50] * 7, [51] * 7])
    assert a[f"moe_{BP}"] == pytest.approx(0.98)


def test_margin_of_three_hand_computed():
    # 40, 55, 85: mean 60, deviations -20, -5, 25: variance (400 + 25 + 625) / 2 = 525
    # moe = 1,96 * sqrt(525 / 3) = 1,96 * sqrt(175) = 1,96 * 13,22876 = 25,92836
    a = satu([[40] * 7, [55] * 7, [85] * 7])
    assert a[BP] == 60
    assert a[f"moe_{BP}"] == pytest.approx(25.92836, abs=1e-5)


def test_identical_scores_have_margin_zero_even_with_rounding_noise():
    # three scores of 0,1: the sums give ss - s²/n slightly below zero in floating point
    s, ss = 0.1 + 0.1 + 0.1, 0.1 * 0.1 + 0.1 * 0.1 + 0.1 * 0.1
    assert ss - s * s / 3 < 0  # the noise this test is about
    a = satu([[0.1] * 7] * 3)
    assert a[f"moe_{BP}"] == 0.0 and a["moe_indeks"] == 0.0


def test_margin_unknown_below_two_and_for_an_unknown_index():
    assert math.isnan(satu([[70] * 7])[f"moe_{BP}"])
    # adaptif never answered: no index, so no margin of the index either (respondent means
    # exist, from the six other values)
    skor = [[60, 60, 60, 60, 60, None, 60], [70, 70, 70, 70, 70, None, 70]]
    a = satu(skor)
    assert math.isnan(a["adaptif"]) and math.isnan(a["indeks"])
    assert math.isnan(a["moe_indeks"]) and a["kategori"] is None
    assert a[f"moe_{BP}"] == pytest.approx(9.8)


# --- category of the index -----------------------------------------------------------------


@pytest.mark.parametrize(("indeks", "kode"), [
    (75.0, "A"), (74.95, "A"), (74.9499999996, "A"),  # noise under 1e-9 rounded off first
    (74.94, "B"), (50.0, "B"), (49.95, "B"), (49.94, "C"), (25.0, "C"), (24.94, "D"),
])
def test_category_boundaries(indeks, kode):
    assert satu([[indeks] * 7] * 2)["kategori"] == kode


# --- counts and shares ---------------------------------------------------------------------


def test_respondents_counted_even_when_they_skip_the_first_value():
    a = satu([[None, 60, 60, 60, 60, 60, 60], [70] * 7, [80] * 7])
    assert a["n"] == 3 and a[f"n_{BP}"] == 2
    assert a[BP] == 75


def test_no_scores_give_no_mean_whatever_the_sum_says():
    baris = jumlah_dari_responden("X", SKOR)
    baris |= {"n_ad": 0, "s_ad": 100.0, "ss_ad": 5000.0, "ka_ad": 1}
    a = ringkas(pd.DataFrame([baris])).iloc[0]
    assert math.isnan(a["adaptif"]) and math.isnan(a["pa_adaptif"]) and a["n_adaptif"] == 0


def test_missing_level_counts_are_zero():
    baris = jumlah_dari_responden("X", SKOR, level=[1, 3, 3, 5])
    baris["lv2"] = np.nan
    baris["lv4"] = np.nan
    a = ringkas(pd.DataFrame([baris])).iloc[0]
    assert a["n_lv"] == 4
    assert (a["plv1"], a["plv2"], a["plv3"], a["plv5"]) == (0.25, 0.0, 0.5, 0.25)


def test_measures_as_objects_give_the_same_frame():
    baris = [jumlah_dari_responden("X", SKOR, level=[1, 3]), jumlah_dari_responden("Y", [[None] * 7])]
    angka = pd.DataFrame(baris)
    objek = angka.astype({k: object for k in kontrak.UKURAN})
    objek.loc[1, "s_bp"] = None
    pd.testing.assert_frame_equal(ringkas(objek), ringkas(angka))


def test_non_default_index_keeps_each_group_with_its_category():
    jumlah = pd.DataFrame([jumlah_dari_responden("A", [[80] * 7] * 2),
                           jumlah_dari_responden("B", [[30] * 7] * 2)], index=[9, 4])
    lebar = ringkas(jumlah)
    assert list(lebar.index) == [9, 4]
    assert lebar["kategori"].to_dict() == {9: "A", 4: "C"}
    assert lebar["indeks"].to_dict() == {9: 80, 4: 30}


def test_missing_measures_named_in_the_error():
    jumlah = pd.DataFrame([jumlah_dari_responden("X", SKOR)]).drop(columns=["n_bp", "s_bp"])
    with pytest.raises(ValueError, match=r"^kolom ukuran tidak ada: n_bp, s_bp$"):
        ringkas(jumlah)


# --- comparisons -----------------------------------------------------------------------------


def test_small_difference_beyond_a_small_margin_is_a_difference():
    # 70,5 vs 70: difference 0,5 > sqrt(0,1² + 0,1²) = 0,1414
    hasil = selisih(70.5, 0.1, 70, 0.1)
    assert hasil.arah == "lebih_tinggi"
    assert hasil.beda == pytest.approx(0.5) and hasil.moe == pytest.approx(math.sqrt(0.02))
    assert selisih(70, 0.1, 70.5, 0.1).arah == "lebih_rendah"


def test_equal_means_are_the_same():
    assert selisih(62.3, 0, 62.3, 0) == Perbandingan(0.0, 0.0, "setara")


def test_weakest_strongest_skip_markers_in_a_display_row():
    baris = pd.Series({**{v: 60.0 for v in NILAI}, "adaptif": "< 10 responden", "loyal": 55.0,
                       "harmonis": 70.0}, dtype=object)
    assert terlemah_terkuat(baris) == ("loyal", "harmonis")


# --- long frame ----------------------------------------------------------------------------


def test_long_frame_of_an_empty_frame_has_the_columns():
    lebar = ringkas(pd.DataFrame([jumlah_dari_responden("X", SKOR)]))
    kosong = panjang(lebar.iloc[:0])
    assert kosong.empty and list(kosong.columns) == ["kelompok", *KOLOM_PANJANG]


# --- change between periods ----------------------------------------------------------------


def deret(indeks, moe) -> pd.DataFrame:
    return pd.DataFrame({"periode": range(2020, 2020 + len(indeks)), "indeks": indeks,
                         "moe_indeks": moe})


def test_change_flags_against_the_last_period_with_an_index():
    awal = deret([60.0, 62.0, math.nan, 58.0, 58.5, 70.0],
                 [1.0, 1.0, math.nan, 1.0, 1.0, math.nan])
    salinan = awal.copy()
    hasil = tandai_perubahan(awal)
    pd.testing.assert_frame_equal(awal, salinan)
    assert list(hasil.columns) == ["periode", "indeks", "moe_indeks", "ubah_indeks", "signifikan"]
    ubah = hasil["ubah_indeks"].tolist()
    # first: nothing before; 62-60 = +2 beyond sqrt(2) = 1,41; no index in 2022; 2023 against
    # 2021: 58-62 = -4; 58,5-58 = +0,5 within 1,41; 70-58,5 = +11,5 with an unknown margin
    assert math.isnan(ubah[0]) and math.isnan(ubah[2])
    assert ubah[1] == pytest.approx(2) and ubah[3] == pytest.approx(-4)
    assert ubah[4] == pytest.approx(0.5) and ubah[5] == pytest.approx(11.5)
    assert hasil["signifikan"].tolist() == [False, True, False, True, False, False]


def test_change_exactly_on_the_margin_is_not_significant():
    hasil = tandai_perubahan(deret([60.0, 65.0], [3.0, 4.0]))
    assert hasil["ubah_indeks"].tolist()[1] == 5 and hasil["signifikan"].tolist() == [False, False]


def test_change_of_a_single_period_or_no_index():
    assert tandai_perubahan(deret([61.0], [1.0]))["signifikan"].tolist() == [False]
    hasil = tandai_perubahan(deret([math.nan, 61.0], [math.nan, 1.0]))
    assert all(math.isnan(x) for x in hasil["ubah_indeks"]) and not hasil["signifikan"].any()
