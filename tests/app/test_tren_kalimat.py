"""/tren opens with one sentence written from its numbers (issue 9, item 9): the index of the
chosen period against the previous shown period, a rise or fall only beyond the margin of error.
The figures are the demo's (national 2022 and 2023 and Kabupaten Tegal 2022 are calibrated to
the published ones)."""

from __future__ import annotations

import pytest

from berakhlak import demo


def kalimat_utama(at) -> str:
    return next(m.value for m in at.main.markdown if m.value.startswith(("Indeks", "The index")))


@pytest.mark.parametrize(("params", "kalimat"), [
    ({"periode": "2023"},
     "Indeks naik 0,2 poin dari 2022 ke 2023 (60,9 → 61,1), melebihi margin kesalahan 95 % (±0,1)."),
    ({"periode": "2024", "instansi": demo.TEGAL},
     "Indeks kurang lebih sama dari 2023 ke 2024 (63,8 → 64,1): selisih 0,3 poin masih dalam margin "
     "kesalahan 95 % (±0,4)."),
    ({"periode": "2022", "instansi": demo.TEGAL},
     "Indeks 2022 adalah 62,3; belum ada periode sebelumnya untuk dibandingkan."),
    ({"periode": "2023", "lang": "en"},
     "The index rose 0.2 points from 2022 to 2023 (60.9 → 61.1), beyond the 95% margin of error (±0.1)."),
])
def test_kalimat_utama_tren(buka, params, kalimat):
    at = buka("pages/3_tren.py", **params)
    assert kalimat_utama(at) == kalimat
    # it comes before the charts and agrees with the page's own table
    tabel = at.dataframe[0].value
    assert tabel.columns[0] in ("Periode", "Period")
