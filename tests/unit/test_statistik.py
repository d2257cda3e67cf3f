"""statistik: the wide frame from summed measures, comparisons and the long frame."""

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
    terlemah_terkuat,
)

NILAI = kontrak.KUNCI_NILAI


def _kode(skor: float) -> str:
    return kontrak.kategori(skor).lower()


def jumlah_dari_responden(kelompok: str, skor: list[list[float | None]], level=()) -> dict:
    """The summed measures of one group, computed the way agregat_berkas.sql does."""
    baris: dict = {"kelompok": kelompok, "n": len(skor)}
    for j, v in enumerate(NILAI):
        p = kontrak.SINGKAT[v]
        isi = [r[j] for r in skor if r[j] is not None]
        baris |= {f"n_{p}": len(isi), f"s_{p}": sum(isi), f"ss_{p}": sum(x * x for x in isi)}
        for k in "abcd":
            baris[f"k{k}_{p}"] = sum(1 for x in isi if _kode(x) == k)
    dijawab = [[x for x in r if x is not None] for r in skor]
    rata = [np.mean(r) for r in dijawab if r]  # no answers: no respondent mean
    baris |= {"n_idx": len(rata), "s_idx": sum(rata), "ss_idx": sum(x * x for x in rata)}
    for i in range(1, 6):
        baris[f"lv{i}"] = sum(1 for x in level if x == i)
    return baris


# Four respondents: berorientasi_pelayanan 60/70/80/90, kolaboratif 40/50/60/blank,
# the five other values all 50.
SKOR = [
    [60, 50, 50, 50, 50, 50, 40],
    [70, 50, 50, 50, 50, 50, 50],
    [80, 50, 50, 50, 50, 50, 60],
    [90, 50, 50, 50, 50, 50, None],
]


@pytest.fixture
def lebar() -> pd.DataFrame:
    jumlah = pd.DataFrame([
        jumlah_dari_responden("Unit A", SKOR, level=[1, 3, 3, None]),
        jumlah_dari_responden("Unit B", [[None] * 7]),
    ])
    return ringkas(jumlah)


def test_ringkas_means_margins_counts(lebar):
    a = lebar.iloc[0]
    assert a["kelompok"] == "Unit A"
    assert a["n"] == 4 and lebar["n"].dtype == "int64"
    assert a["berorientasi_pelayanan"] == pytest.approx(75.0)
    # sd = sqrt(500 / 3) = 12,9099; moe = 1,96 * sd / 2
    assert a["moe_berorientasi_pelayanan"] == pytest.approx(1.96 * math.sqrt(500 / 3) / 2)
    assert a["akuntabel"] == pytest.approx(50.0)
    assert a["moe_akuntabel"] == pytest.approx(0.0)
    # kolaboratif: 40, 50, 60 -> mean 50, sd 10, moe 1,96 * 10 / sqrt(3) = 11,3161
    assert a["kolaboratif"] == pytest.approx(50.0)
    assert a["moe_kolaboratif"] == pytest.approx(11.3161, abs=1e-4)
    assert a["n_kolaboratif"] == 3 and lebar["n_kolaboratif"].dtype == "int64"


def test_ringkas_category_shares(lebar):
    a = lebar.iloc[0]
    assert (a["pa_berorientasi_pelayanan"], a["pb_berorientasi_pelayanan"]) == (0.5, 0.5)
    assert a["pc_berorientasi_pelayanan"] == 0 and a["pd_berorientasi_pelayanan"] == 0
    assert a["pb_kolaboratif"] == pytest.approx(2 / 3)
    assert a["pc_kolaboratif"] == pytest.approx(1 / 3)


def test_ringkas_index_and_levels(lebar):
    a = lebar.iloc[0]
    assert a["indeks"] == pytest.approx((75 + 6 * 50) / 7)  # 53,57
    assert a["kategori"] == "B"
    rata = np.array([350 / 7, 370 / 7, 390 / 7, 340 / 6])
    assert a["moe_indeks"] == pytest.approx(1.96 * rata.std(ddof=1) / 2)
    assert a["n_lv"] == 3
    assert a["plv1"] == pytest.approx(1 / 3) and a["plv3"] == pytest.approx(2 / 3)
    assert a["plv5"] == 0


def test_ringkas_empty_group_gives_nan(lebar):
    b = lebar.iloc[1]
    assert math.isnan(b["berorientasi_pelayanan"]) and math.isnan(b["moe_berorientasi_pelayanan"])
    assert math.isnan(b["pa_akuntabel"]) and b["n_akuntabel"] == 0
    assert math.isnan(b["indeks"]) and math.isnan(b["moe_indeks"])
    assert b["kategori"] is None
    assert b["n_lv"] == 0 and math.isnan(b["plv1"])


def test_ringkas_moe_needs_two_scores():
    lebar = ringkas(pd.DataFrame([jumlah_dari_responden("X", [[70] * 7])]))
    assert lebar.loc[0, "akuntabel"] == 70
    assert math.isnan(lebar.loc[0, "moe_akuntabel"])


@pytest.mark.parametrize(("skor", "kode"), [(74.96, "A"), (74.94, "B"), (24.96, "C"), (24.94, "D")])
def test_ringkas_category_on_rounded_index(skor, kode):
    lebar = ringkas(pd.DataFrame([jumlah_dari_responden("X", [[skor] * 7] * 2)]))
    assert lebar.loc[0, "indeks"] == pytest.approx(skor)
    assert lebar.loc[0, "kategori"] == kode


def test_ringkas_index_published_example():
    # National 2022: the plain mean of the seven value indexes is 60,9.
    nilai = [57.9, 74.1, 56.7, 63.8, 65.8, 38.9, 69.4]
    lebar = ringkas(pd.DataFrame([jumlah_dari_responden("Nasional", [nilai] * 3)]))
    assert kontrak.bulatkan(lebar.loc[0, "indeks"]) == 60.9
    assert lebar.loc[0, "kategori"] == "B"


def test_ringkas_keeps_columns_and_order():
    jumlah = pd.DataFrame([jumlah_dari_responden("X", SKOR)]).assign(periode=2024)
    lebar = ringkas(jumlah)
    assert list(lebar.columns[:3]) == ["kelompok", "periode", "n"]
    assert not set(kontrak.UKURAN) - {"n"} & set(lebar.columns)
    assert ringkas(jumlah.iloc[:0]).empty


def test_ringkas_missing_measure_raises():
    with pytest.raises(ValueError, match="n_bp"):
        ringkas(pd.DataFrame([jumlah_dari_responden("X", SKOR)]).drop(columns="n_bp"))


def test_selisih_higher_only_beyond_margin():
    assert selisih(70, 3, 60, 4) == Perbandingan(10, 5, "lebih_tinggi")
    assert selisih(60, 3, 70, 4).arah == "lebih_rendah"
    assert selisih(64, 3, 60, 4).arah == "setara"
    assert selisih(65, 3, 60, 4).arah == "setara"  # exactly on the margin


def test_selisih_unknown_margin_and_missing_values():
    hasil = selisih(70, float("nan"), 60, 4)
    assert hasil.arah == "tidak_pasti" and hasil.beda == 10 and math.isnan(hasil.moe)
    assert selisih(70, None, 60, 4).arah == "tidak_pasti"
    assert selisih(float("nan"), 1, 60, 1) is None
    assert selisih(70, 1, None, 1) is None


def test_terlemah_terkuat(lebar):
    assert terlemah_terkuat(lebar.iloc[0]) == ("akuntabel", "berorientasi_pelayanan")
    assert terlemah_terkuat(lebar.iloc[1]) == (None, None)


def test_panjang_shape_and_order(lebar):
    long = panjang(lebar.assign(periode=2024))
    assert len(long) == 2 * 7
    assert list(long.columns) == ["kelompok", "periode", *KOLOM_PANJANG]
    assert list(long["nilai"][:7]) == list(NILAI)
    assert list(long["kelompok"]) == ["Unit A"] * 7 + ["Unit B"] * 7
    kl = long[(long["kelompok"] == "Unit A") & (long["nilai"] == "kolaboratif")].iloc[0]
    assert (kl["skor"], kl["n"]) == (50, 3)
    assert kl["pc"] == pytest.approx(1 / 3)


def test_panjang_empty(lebar):
    assert panjang(lebar.iloc[:0]).empty


def test_ringkas_types_and_missing_counts():
    jumlah = pd.DataFrame([jumlah_dari_responden("X", SKOR), jumlah_dari_responden("Y", SKOR)])
    jumlah["n_ad"] = [np.nan, 4.0]  # a count the rollup left empty counts as 0
    lebar = ringkas(jumlah)
    assert lebar["n_adaptif"].dtype == "int64" and list(lebar["n_adaptif"]) == [0, 4]
    assert math.isnan(lebar.loc[0, "adaptif"]) and math.isnan(lebar.loc[0, "moe_adaptif"])
    assert math.isnan(lebar.loc[0, "indeks"]) and lebar.loc[0, "kategori"] is None
    assert lebar["kategori"].dtype == object and lebar.loc[1, "kategori"] == "B"
    assert lebar["n_lv"].dtype == "int64"
    assert list(lebar.index) == list(jumlah.index)


def test_ringkas_many_rows_match_row_by_row():
    rng = np.random.default_rng(0)
    baris = [jumlah_dari_responden(f"G{i}", [[float(x) for x in rng.integers(0, 101, 7)]
                                             for _ in range(int(rng.integers(1, 6)))])
             for i in range(25)]
    semua = ringkas(pd.DataFrame(baris))
    for i, b in enumerate(baris):
        sendiri = ringkas(pd.DataFrame([b]))
        pd.testing.assert_frame_equal(semua.iloc[[i]].reset_index(drop=True), sendiri)
