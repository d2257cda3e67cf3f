"""The suppression pattern kept on disk: a restart reads it instead of computing it again, and
replicas sharing the cache folder all publish the layers of whichever computed them first."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd

from berakhlak import pola

P, J1, J2 = "Jawa Tengah", "Pemerintah Kabupaten", "Pemerintah Provinsi"
AKAR = Path(__file__).resolve().parents[2]

# one period: kabupaten A=50, B=50, C=5 (case 5) and a golongan split with one small group
_ORG = [(J1, P, "A", "Kab A", "u", 50), (J1, P, "B", "Kab B", "u", 50), (J1, P, "C", "Kab C", "u", 5),
        (J2, P, "A", "Pemprov", "u", 40)]
_GOL = [(J1, P, "A", "Kab A", "u", "III", 46), (J1, P, "A", "Kab A", "u", "IV", 4),
        (J1, P, "B", "Kab B", "u", "III", 30), (J1, P, "B", "Kab B", "u", "IV", 20),
        (J1, P, "C", "Kab C", "u", "III", 5), (J2, P, "A", "Pemprov", "u", "III", 25),
        (J2, P, "A", "Pemprov", "u", "IV", 15)]


class BasisPalsu:
    """Answers the pola_atom query from the rows above and counts the queries."""

    def __init__(self) -> None:
        self.kueri: list[tuple] = []

    def jalankan(self, nama: str, nilai: dict) -> pd.DataFrame:
        assert nama == "pola_atom"
        self.kueri.append((nilai["periode"], nilai["dimensi"]))
        if nilai["dimensi"] == "semua":
            df = pd.DataFrame(_ORG, columns=[*pola.ORG, "n"]).assign(grup="")
        else:
            df = pd.DataFrame(_GOL, columns=[*pola.ORG, "grup", "n"])
        return df.assign(lengkap=True)


def _semua(p: pola.Pola) -> dict:
    p.hitung_semua([2024])
    return {k: set(v) for k, v in p.tersembunyi.items()}


def test_a_restart_reads_every_layer_and_runs_no_query(tmp_path):
    pertama = pola.hitung(BasisPalsu(), 10, simpan=tmp_path)
    lapisan = _semua(pertama)
    assert pola.kunci_sel({"kabupaten_kota": "C"}) in lapisan[(2024, "semua")]

    basis = BasisPalsu()
    lagi = pola.hitung(basis, 10, simpan=tmp_path)
    assert lagi.siap(2024) and lagi.siap(2024, "golongan")  # no spinner after a restart
    assert _semua(lagi) == lapisan
    assert basis.kueri == [] and lagi.dari_disk == len(lapisan)


def test_a_dimension_computed_after_a_restart_uses_the_published_filter_layer(tmp_path):
    pertama = pola.hitung(BasisPalsu(), 10, simpan=tmp_path)
    pertama.lapisan(2024, "semua")  # only the filter layer was computed before the restart
    # pretend it had hidden one more cell (another replica's choice): it must stay the one used
    lebih = pertama.tersembunyi[(2024, "semua")] | {pola.kunci_sel({"kabupaten_kota": "B"})}
    (tmp_path / "2024-semua.pickle").write_bytes(pickle.dumps(lebih))

    lagi = pola.hitung(BasisPalsu(), 10, simpan=tmp_path)
    lagi.lapisan(2024, "golongan")
    assert lagi.tersembunyi[(2024, "semua")] == lebih
    org, org_tersembunyi, kamus = lagi._org[2024]
    assert {org.kunci_nilai(k) for k in org_tersembunyi} == lebih
    # a demographic cell of a hidden filter cell is hidden
    assert lagi.sembunyi(2024, "golongan", (*pola.kunci_sel({"kabupaten_kota": "B"}), "III"))


def test_the_first_writer_wins_and_the_other_adopts_its_layer(tmp_path):
    a = pola.hitung(BasisPalsu(), 10, simpan=tmp_path)
    b = pola.hitung(BasisPalsu(), 10, simpan=tmp_path)
    lain = {pola.kunci_sel({"provinsi": P})}
    assert a._tulis(2024, "semua", lain) == lain
    assert b._tulis(2024, "semua", {pola.kunci_sel({})}) == lain  # lost the race: adopts
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]


def test_without_a_folder_nothing_is_written(tmp_path):
    p = pola.hitung(BasisPalsu(), 10)
    _semua(p)
    assert p.dari_disk == 0 and not any(tmp_path.iterdir())


def test_a_folder_per_data_version_minimum_and_code_oldest_removed(tmp_path):
    a = pola.folder_simpan(tmp_path, "v1", 10, True)
    assert a != pola.folder_simpan(tmp_path, "v1", 5, True) != pola.folder_simpan(tmp_path, "v2", 10, True)
    assert a != pola.folder_simpan(tmp_path, "v1", 10, False)
    for i in range(pola.SIMPAN_PALING_BANYAK + 3):
        f = pola.folder_simpan(tmp_path, f"x{i}", 10, True)
        os.utime(f, (i + 10, i + 10))
    baru = pola.folder_simpan(tmp_path, "baru", 10, True)  # recent: kept even beyond the 8
    terakhir = pola.folder_simpan(tmp_path, "akhir", 10, True)
    sisa = list((tmp_path / "pola").iterdir())
    assert len(sisa) == pola.SIMPAN_PALING_BANYAK and terakhir in sisa and baru in sisa


_SKRIP = """
import pickle, sys
sys.path.insert(0, {akar!r})
from tests.unit.test_pola_simpan import BasisPalsu
from berakhlak import pola
p = pola.hitung(BasisPalsu(), 10)
p.hitung_semua([2024])
sys.stdout.buffer.write(pickle.dumps(sorted((k, sorted(v, key=repr)) for k, v in p.tersembunyi.items())))
"""


def test_replicas_compute_the_same_pattern_whatever_their_hash_seed():
    """Replicas may compute a layer at the same time: the choice must not depend on the process."""
    hasil = []
    for benih in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=benih)
        hasil.append(subprocess.run([sys.executable, "-c", _SKRIP.format(akar=str(AKAR))], env=env,
                                    capture_output=True, check=True, timeout=120).stdout)
    assert hasil[0] == hasil[1]
