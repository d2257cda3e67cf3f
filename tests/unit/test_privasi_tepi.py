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


def test_hitungan_berkas_dibulatkan_ke_minimum():
    """/data's per-file counts: 0 stays 0, 1 to minimum-1 hidden (None: the page shows the
    marker), from the minimum on half up to a multiple of the minimum."""
    from berakhlak.privasi import hitungan_berkas

    assert [hitungan_berkas(n, 10) for n in (0, 1, 9, 10, 12, 14, 15, 16, 24, 25, 5773, 5775)] == [
        0, None, None, 10, 10, 10, 20, 20, 20, 30, 5770, 5780]
    assert [hitungan_berkas(n, 5) for n in (4, 5, 7, 8, 12, 13)] == [None, 5, 5, 10, 10, 15]
    assert hitungan_berkas(None, 10) is None
    assert hitungan_berkas(float("nan"), 10) is None
    assert isinstance(hitungan_berkas(24.0, 10), int)
