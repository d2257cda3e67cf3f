"""kontrak.baris: the rows of a display frame as dicts, exactly as ``to_dict("records")``."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from berakhlak import kontrak


def _sama(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a is b if a is pd.NA or b is pd.NA else (a == b and type(a) is type(b))


def test_baris_sama_dengan_to_dict_records():
    df = pd.DataFrame({
        "kelompok": pd.array(["Jawa Tengah", None, "Aceh"], dtype="str"),
        "indeks": [62.34, np.nan, 70.0],
        "n": np.array([5773, 0, 12], dtype="int64"),
        "n_nullable": pd.array([1, None, 3], dtype="Int64"),
        "tersembunyi": [False, True, False],
        "alasan": [None, "kecil", "pelengkap"],
    }, index=[7, 3, 9])  # a frame filtered from a larger one keeps its old labels
    harap = df.to_dict("records")
    hasil = kontrak.baris(df)
    assert len(hasil) == len(harap) == 3
    for h, e in zip(hasil, harap, strict=True):
        assert list(h) == list(e)
        assert all(_sama(h[k], e[k]) for k in e), (h, e)


def test_baris_frame_kosong():
    assert kontrak.baris(pd.DataFrame({"a": []})) == []
    assert kontrak.baris(pd.DataFrame(index=[0, 1])) == [{}, {}]
