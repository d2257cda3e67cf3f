"""privasi beyond the usual frame: what mutation testing (scripts/mutasi.py) found untested.

Frames as they also arrive in practice: nullable or text counts, a non-default index, string
key columns, duplicate column names, raw measure columns still present, a frame without level
columns, the short value names of the raw rollup, a pattern given as 0/1.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from berakhlak import kontrak, privasi
from berakhlak.statistik import KOLOM_TURUNAN
from tests.unit.test_privasi import jumlah, lebar

BP = "berorientasi_pelayanan"


def test_nullable_counts_unknown_is_small_and_hidden_cells_become_float_nan():
    awal = lebar([40, 40, 50], n_nilai={"adaptif": [40, 6, 50]})
    awal["n"] = pd.array([40, pd.NA, 50], dtype="Int64")
    awal["n_adaptif"] = pd.array([40, 6, 50], dtype="Int64")
    hasil = privasi.terapkan(awal, 10)
    assert list(hasil["alasan_sembunyi"]) == [None, "kecil", None]
    assert hasil["n_adaptif"].dtype == "float64"
    assert hasil.loc[0, "n_adaptif"] == 40 and hasil.loc[2, "n_adaptif"] == 50
    assert math.isnan(hasil.loc[1, "n_adaptif"])
    assert hasil["n"].dtype == "float64" and hasil.loc[2, "n"] == 50 and math.isnan(hasil.loc[1, "n"])


def test_counts_as_text_are_read_as_numbers_and_junk_counts_as_too_few():
    awal = lebar([40, 40, 8])
    awal["n"] = pd.Series(["40", "x", "8"], dtype=object)
    hasil = privasi.terapkan(awal, 10)
    assert list(hasil["alasan_sembunyi"]) == [None, "kecil", "kecil"]
    assert hasil.loc[0, BP] == 60 and math.isnan(hasil.loc[1, BP])


def test_text_category_column_keeps_visible_and_blanks_hidden():
    awal = lebar([40, 6, 50])
    awal["kategori"] = awal["kategori"].astype("str")
    hasil = privasi.terapkan(awal, 10)
    assert hasil["kategori"].dtype == object
    assert list(hasil["kategori"]) == ["B", None, "B"]


def test_non_default_index_keeps_rows_with_their_own_figures():
    awal = lebar([40, 6, 50], kelompok=["a", "b", "c"]).set_axis([7, 3, 11])
    awal.loc[11, BP] = 70.0
    hasil = privasi.terapkan(awal, 10)
    assert list(hasil.index) == [7, 3, 11]
    assert hasil["alasan_sembunyi"].to_dict() == {7: None, 3: "kecil", 11: None}
    assert hasil["kategori"].to_dict() == {7: "B", 3: None, 11: "B"}
    assert hasil.loc[11, BP] == 70 and hasil.loc[7, BP] == 60 and math.isnan(hasil.loc[3, BP])


def test_key_columns_keep_their_dtype_and_attrs():
    awal = lebar([40, 6])
    awal["periode"] = np.array([2024, 2024], dtype="int64")
    awal.attrs["sumber"] = "uji"
    hasil = privasi.terapkan(awal, 10)
    assert hasil["kelompok"].dtype == awal["kelompok"].dtype == "str"
    assert hasil["periode"].dtype == "int64"
    assert hasil.attrs == {"sumber": "uji"}
    assert list(hasil.columns) == [*awal.columns, "tersembunyi", "alasan_sembunyi"]


def test_duplicate_column_names_still_hide_every_figure():
    awal = lebar([40, 6], kelompok=["a", "b"])
    awal.insert(1, "label", ["x", "y"])
    awal = awal.rename(columns={"label": "kelompok"})  # two columns named "kelompok"
    assert not awal.columns.is_unique
    hasil = privasi.terapkan(awal, 10)
    assert list(hasil["tersembunyi"]) == [False, True]
    assert list(hasil["alasan_sembunyi"]) == [None, "kecil"]
    for k in KOLOM_TURUNAN:
        assert hasil.loc[0, k] is not None and not (isinstance(hasil.loc[0, k], float)
                                                    and math.isnan(hasil.loc[0, k])), k
        assert hasil.loc[1, k] is None or math.isnan(hasil.loc[1, k]), k
    assert hasil.loc[0, BP] == 60 and hasil.loc[0, "kategori"] == "B"
    assert list(hasil.iloc[:, 0]) == ["a", "b"] and list(hasil.iloc[:, 1]) == ["x", "y"]


def test_duplicate_columns_without_anything_hidden_unchanged():
    awal = lebar([40, 50], kelompok=["a", "b"])
    awal.insert(1, "kelompok", ["x", "y"], allow_duplicates=True)
    hasil = privasi.terapkan(awal, 10)
    assert list(hasil["alasan_sembunyi"]) == [None, None]
    pd.testing.assert_frame_equal(hasil.drop(columns=["tersembunyi", "alasan_sembunyi"]), awal)


def test_raw_measures_hidden_with_their_figures():
    """A frame that still carries the summed measures hides them with the figure they make."""
    mentah = jumlah([40, 50], n_nilai={"adaptif": [6, 50]})
    awal = pd.concat([lebar([40, 50], n_nilai={"adaptif": [6, 50]}),
                      mentah.drop(columns=["kelompok", "n"])], axis=1)
    hasil = privasi.terapkan(awal, 10)
    p = kontrak.SINGKAT["adaptif"]
    for u in ("n", "s", "ss", "ka", "kb", "kc", "kd"):
        assert math.isnan(hasil.loc[0, f"{u}_{p}"]), u
        assert not math.isnan(hasil.loc[1, f"{u}_{p}"]), u
    assert hasil.loc[1, f"s_{p}"] == 3000 and hasil.loc[1, f"kb_{p}"] == 50
    for k in ("n_idx", "s_idx", "ss_idx"):  # the index needs every value: hidden with adaptif
        assert math.isnan(hasil.loc[0, k]) and not math.isnan(hasil.loc[1, k]), k
    bp = kontrak.SINGKAT[BP]
    assert hasil.loc[0, f"n_{bp}"] == 40 and hasil.loc[0, f"s_{bp}"] == 2400
    assert hasil.loc[0, "lv3"] == 40


def test_short_value_names_of_the_rollup_decide_the_cell():
    """A frame with only the rollup's short count columns (n_ad) is judged by them."""
    awal = lebar([40, 40], n_nilai={"adaptif": [6, 40]})
    p = kontrak.SINGKAT["adaptif"]
    awal = awal.rename(columns={"n_adaptif": f"n_{p}"})
    hasil = privasi.terapkan(awal, 10)
    assert math.isnan(hasil.loc[0, "adaptif"]) and hasil.loc[1, "adaptif"] == 60
    assert math.isnan(hasil.loc[0, f"n_{p}"]) and hasil.loc[1, f"n_{p}"] == 40
    assert hasil.loc[0, BP] == 60


def test_frame_without_levels_hides_no_figure_for_it():
    awal = lebar([40]).drop(columns=["n_lv", *(f"plv{i}" for i in kontrak.LEVEL_SOSIO)])
    hasil = privasi.terapkan(awal, 10)
    assert not hasil.loc[0, "tersembunyi"] and hasil.loc[0, BP] == 60


def test_frame_without_a_value_count_hides_that_value():
    awal = lebar([40]).drop(columns=["n_adaptif"])
    hasil = privasi.terapkan(awal, 10)
    assert math.isnan(hasil.loc[0, "adaptif"]) and hasil.loc[0, BP] == 60


def test_pattern_given_as_zero_and_one():
    hasil = privasi.terapkan(lebar([40, 50, 60]), 10, pelengkap=np.array([0, 0, 1]))
    assert list(hasil["alasan_sembunyi"]) == [None, None, "pelengkap"]
    assert hasil.loc[0, BP] == 60 and hasil.loc[1, BP] == 60 and math.isnan(hasil.loc[2, BP])


def test_markers_of_a_frame_without_reasons_and_in_english():
    polos = pd.DataFrame({"kelompok": ["a", "b"]})
    assert privasi.penanda_baris(polos, "id", 10) == ["< 10 responden", "< 10 responden"]
    hasil = privasi.terapkan(lebar([8, 50]), 10, pelengkap=[False, True])
    assert privasi.penanda_baris(hasil, "en", 7) == ["< 7 respondents", "also hidden"]


@pytest.mark.parametrize(("lang", "kalimat"), [
    ("id", "Disembunyikan: dihitung dari kurang dari 10 responden, demi kerahasiaan."),
    ("en", "Hidden: based on fewer than 10 respondents, to protect confidentiality."),
])
def test_keterangan(lang, kalimat):
    assert privasi.keterangan(lang, 10) == kalimat



def test_key_columns_of_any_dtype_kept_as_they_are():
    awal = lebar([40, 6])
    awal["jenis"] = pd.Series(["Kab", "Kota"], dtype="category")
    awal["kode"] = pd.Series(["a", "b"], dtype=object)
    awal["periode"] = pd.array([2024, 2025], dtype="Int64")
    hasil = privasi.terapkan(awal, 10)
    assert isinstance(hasil["jenis"].dtype, pd.CategoricalDtype)
    assert hasil["kode"].dtype == object and hasil["periode"].dtype == "Int64"
    assert list(hasil["jenis"]) == ["Kab", "Kota"] and list(hasil["periode"]) == [2024, 2025]


@pytest.mark.parametrize(("seri", "harap"), [
    (pd.Series([1.5, 2.5, 3.5]), [1.5, None, 3.5]),
    (pd.Series([1, 2, 3]), [1.0, None, 3.0]),
    (pd.Series([1, 2, 3], dtype="Int64"), [1.0, None, 3.0]),
    (pd.Series([True, False, True], dtype="boolean"), [True, None, True]),
    (pd.Series([True, False, True]), [True, None, True]),
    (pd.Series(["A", "B", "C"], dtype="str"), ["A", None, "C"]),
    (pd.Series(["A", "B", None], dtype=object), ["A", None, None]),
])
def test_blanking_any_dtype(seri, harap):
    """Numbers become float64 with NaN; anything else (yes/no included) object with None:
    a hidden yes/no never turns the visible ones into 1.0/0.0."""
    hasil = pd.Series(privasi._kosongkan_seri(seri, np.array([False, True, False])))
    angka = all(isinstance(h, float) for h in harap if h is not None)
    if angka:
        assert hasil.dtype == "float64" and math.isnan(hasil[1])
    else:
        assert hasil.dtype == object and hasil[1] is None
    assert [hasil[0], hasil[2]] == [harap[0], harap[2]]
    if not angka:  # True stays True, not 1.0
        assert [type(hasil[0]), type(hasil[2])] == [type(harap[0]), type(harap[2])]
