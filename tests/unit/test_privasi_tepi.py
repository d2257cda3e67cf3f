"""privasi.terapkan on frames at the edges of what it accepts (mutation testing, issue 9): a
frame that still carries a stale ``alasan_sembunyi`` column (but no ``tersembunyi``, so it has
not been through terapkan) gets the reasons recomputed in place, the flag column appended."""

from __future__ import annotations

import math

from berakhlak import privasi
from tests.unit.test_privasi import lebar


def test_alasan_lama_dihitung_ulang_di_tempatnya():
    data = lebar([12, 3])
    data.insert(1, "alasan_sembunyi", ["lama", "lama"])
    hasil = privasi.terapkan(data, 10)
    # same columns in the same places, the flag column appended once; nothing duplicated
    assert list(hasil.columns) == [*data.columns, "tersembunyi"]
    assert hasil["alasan_sembunyi"].tolist() == [None, privasi.KECIL]
    assert hasil["tersembunyi"].tolist() == [False, True]
    assert hasil["n"].tolist()[0] == 12 and math.isnan(hasil["n"].tolist()[1])
    assert hasil["indeks"].tolist()[0] == 60.0 and math.isnan(hasil["indeks"].tolist()[1])
    # the input is left as it was
    assert data["alasan_sembunyi"].tolist() == ["lama", "lama"]
