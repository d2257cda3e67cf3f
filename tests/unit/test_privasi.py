"""privasi: small groups hidden, complementary suppression, the minimum setting, markers."""

from __future__ import annotations

import math

import pandas as pd

from berakhlak import kontrak, privasi
from berakhlak.statistik import KOLOM_TURUNAN, kolom_nilai, ringkas

NILAI = kontrak.KUNCI_NILAI
BP = "berorientasi_pelayanan"


def jumlah(n: list[int], kelompok: list[str] | None = None, n_nilai: dict | None = None):
    """Summed measures where everyone scores 60 on every value and has level 3;
    ``n_nilai`` overrides the number of scores per value, e.g. {"adaptif": [4, 20]}."""
    kelompok = kelompok or [f"G{i}" for i in range(len(n))]
    n_nilai = n_nilai or {}
    kolom: dict = {"kelompok": kelompok, "n": n}
    for v in NILAI:
        p = kontrak.SINGKAT[v]
        nv = n_nilai.get(v, n)
        nol = [0] * len(n)
        kolom |= {f"n_{p}": nv, f"s_{p}": [60.0 * x for x in nv]}
        kolom[f"ss_{p}"] = [3600.0 * x for x in nv]
        kolom |= {f"ka_{p}": nol, f"kb_{p}": nv, f"kc_{p}": nol, f"kd_{p}": nol}
    kolom |= {"n_idx": n, "s_idx": [60.0 * x for x in n], "ss_idx": [3600.0 * x for x in n]}
    for i in range(1, 6):
        kolom[f"lv{i}"] = n if i == 3 else [0] * len(n)
    return pd.DataFrame(kolom)


def lebar(n, **kw) -> pd.DataFrame:
    return ringkas(jumlah(n, **kw))


def tampak(hasil: pd.DataFrame) -> list[bool]:
    return list(~hasil["tersembunyi"])


def test_row_below_minimum_hidden_entirely():
    hasil = privasi.terapkan(lebar([9, 10]), 10)
    sembunyi, tampil = hasil.iloc[0], hasil.iloc[1]
    assert sembunyi["kelompok"] == "G0" and sembunyi["tersembunyi"]
    assert sembunyi["alasan_sembunyi"] == "kecil"
    for k in KOLOM_TURUNAN:
        assert sembunyi[k] is None or math.isnan(sembunyi[k]), k
    assert not tampil["tersembunyi"] and tampil["alasan_sembunyi"] is None
    assert tampil["n"] == 10 and tampil[BP] == 60 and tampil["kategori"] == "B"
    assert tampil["plv3"] == 1


def test_input_not_modified_and_order_kept():
    awal = lebar([50, 9, 30], kelompok=["c", "a", "b"])
    salinan = awal.copy()
    hasil = privasi.terapkan(awal, 10)
    pd.testing.assert_frame_equal(awal, salinan)
    assert list(hasil["kelompok"]) == ["c", "a", "b"]
    assert list(hasil.index) == list(awal.index)


def test_zero_and_one_row():
    kosong = privasi.terapkan(lebar([]), 10)
    assert kosong.empty and {"tersembunyi", "alasan_sembunyi"} <= set(kosong.columns)
    satu = privasi.terapkan(lebar([12]), 10)
    assert tampak(satu) == [True]
    satu_kecil = privasi.terapkan(lebar([4]), 10)
    assert list(satu_kecil["alasan_sembunyi"]) == ["kecil"]


def test_value_with_many_blanks_hides_value_and_index():
    hasil = privasi.terapkan(lebar([40], n_nilai={"adaptif": [7]}), 10).iloc[0]
    assert not hasil["tersembunyi"] and hasil["n"] == 40
    for k in kolom_nilai("adaptif"):
        assert math.isnan(hasil[k]), k
    assert math.isnan(hasil["indeks"]) and math.isnan(hasil["moe_indeks"])
    assert hasil["kategori"] is None
    assert hasil[BP] == 60 and hasil[f"n_{BP}"] == 40


def test_levels_hidden_when_few_have_a_level():
    awal = lebar([40])
    awal.loc[0, "n_lv"] = 6
    hasil = privasi.terapkan(awal, 10).iloc[0]
    assert math.isnan(hasil["n_lv"]) and math.isnan(hasil["plv3"])
    assert hasil["indeks"] == 60


def test_pattern_hides_complement_rows_with_their_own_marker():
    hasil = privasi.terapkan(lebar([8, 50, 60, 12]), 10, pelengkap=[True, False, False, True])
    assert list(hasil["alasan_sembunyi"]) == ["kecil", None, None, "pelengkap"]
    assert list(hasil["tersembunyi"]) == [True, False, False, True]
    assert math.isnan(hasil.loc[3, BP]) and math.isnan(hasil.loc[3, f"n_{BP}"])
    assert math.isnan(hasil.loc[3, "n"]) and hasil.loc[1, "n"] == 50


def test_small_row_is_small_even_when_the_pattern_also_hides_it():
    hasil = privasi.terapkan(lebar([8, 50]), 10, pelengkap=[True, False])
    assert list(hasil["alasan_sembunyi"]) == ["kecil", None]


def test_applying_twice_changes_nothing():
    sekali = privasi.terapkan(lebar([8, 50, 60, 12]), 10, pelengkap=[False, False, False, True])
    pd.testing.assert_frame_equal(privasi.terapkan(sekali, 10), sekali)


def test_without_pattern_only_small_rows_hidden():
    hasil = privasi.terapkan(lebar([8, 50, 60, 12]), 10)
    assert list(hasil["alasan_sembunyi"]) == ["kecil", None, None, None]


def test_value_cell_hidden_where_few_answered_it_only_there():
    awal = lebar([40, 50, 30], n_nilai={"adaptif": [6, 45, 25]})
    hasil = privasi.terapkan(awal, 10)
    assert tampak(hasil) == [True, True, True]
    assert math.isnan(hasil.loc[0, "n_adaptif"]) and math.isnan(hasil.loc[0, "indeks"])
    assert hasil.loc[1, "n_adaptif"] == 45 and hasil.loc[2, "n_adaptif"] == 25
    assert hasil.loc[0, BP] == 60


def test_minimum_setting(monkeypatch):
    monkeypatch.delenv(privasi.VARIABEL_MINIMUM, raising=False)
    assert privasi.minimum() == 10
    for nilai, harap in [("3", 5), ("x", 10), ("", 10), ("7", 7), (" 20 ", 20), ("-1", 5)]:
        monkeypatch.setenv(privasi.VARIABEL_MINIMUM, nilai)
        assert privasi.minimum() == harap, nilai


def test_minimum_from_setting_applies():
    hasil = privasi.terapkan(lebar([6, 4]), 5)
    assert list(hasil["alasan_sembunyi"]) == [None, "kecil"]


def test_cukup():
    assert privasi.cukup(10, 10) and not privasi.cukup(9, 10)
    assert not privasi.cukup(None, 10) and not privasi.cukup(float("nan"), 10)


def test_penanda():
    assert privasi.penanda("id", 10) == "< 10 responden"
    assert privasi.penanda("en", 5) == "< 5 respondents"


def test_penanda_menyebut_alasan_setiap_baris():
    hasil = privasi.terapkan(lebar([8, 50, 60, 12]), 10, pelengkap=[False, False, False, True])
    assert privasi.penanda_baris(hasil, "id", 10) == [
        "< 10 responden", "< 10 responden", "< 10 responden",
        "ikut disembunyikan"]
    assert privasi.penanda("en", 10, "pelengkap") == "also hidden"


def test_cell_hidden_by_several_rules_blanked_once_with_types():
    awal = lebar([40, 50, 30], n_nilai={"adaptif": [6, 45, 25], "loyal": [40, 7, 30]})
    hasil = privasi.terapkan(awal, 10)
    assert hasil["kategori"].dtype == object
    assert hasil.loc[0, "kategori"] is None and hasil.loc[1, "kategori"] is None
    assert hasil.loc[2, "kategori"] == "B"
    assert hasil["n_adaptif"].dtype == "float64" and hasil["n_akuntabel"].dtype == "int64"
    assert hasil["tersembunyi"].dtype == bool and hasil["alasan_sembunyi"].dtype == object
