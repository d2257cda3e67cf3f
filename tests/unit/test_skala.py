"""National-scale figures: the dashboard's numbers (catalog rollup -> layanan -> statistik) equal
those of the raw reference query (queries/mentah_ukuran.sql) read straight from the Parquet.

A small national set (3 periods x 60,000 respondents, 60 agencies, Hive ``periode=`` folders
without a periode column) is generated once for the module by the same generator as the
16-million-row benchmark set.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from berakhlak import db, demo, katalog, kontrak, layanan, statistik
from berakhlak.layanan import Pilihan

PERIODE = (2023, 2024, 2025)
BARIS = 60_000
INSTANSI = 60


@pytest.fixture(scope="module")
def skala(tmp_path_factory):
    """(Keadaan of the catalog, raw Basis, list of Parquet paths) of the generated set."""
    akar = tmp_path_factory.mktemp("nasional")
    cache = tmp_path_factory.mktemp("cache_skala")
    paths = demo.tulis_nasional(akar, baris_per_periode=BARIS, n_instansi=INSTANSI, periode=PERIODE)
    kat = katalog.Katalog(akar.resolve(), cache.resolve())
    k = kat.tunggu_lengkap()
    mentah = db.Basis(direktori_izin=[akar.resolve()])
    yield k, mentah, [str(p.resolve()) for p in paths]
    layanan.bersihkan_cache()
    mentah.tutup()
    kat.basis.tutup()


def _mentah(skala, kelompok: str, pilihan: Pilihan) -> pd.DataFrame:
    _, basis, berkas = skala
    params = {"berkas": berkas, "kosong": kontrak.KOSONG, **pilihan.params()}
    return basis.jalankan("mentah_ukuran", params, {"kelompok": kelompok})


def _dasbor(skala, kelompok: str, pilihan: Pilihan, dimensi: str = "semua") -> pd.DataFrame:
    k = skala[0]
    return statistik.ringkas(layanan.ukuran(k, kelompok, pilihan, dimensi))


def _sama(dasbor: pd.DataFrame, mentah: pd.DataFrame) -> None:
    assert not mentah.empty
    a = dasbor.set_index("kelompok").sort_index()
    b = mentah.set_index("kelompok").sort_index()
    assert a.index.tolist() == b.index.tolist()
    assert a["n"].tolist() == b["n"].tolist()
    for kolom in (*kontrak.KUNCI_NILAI, "indeks"):
        for grup, x, y in zip(a.index, a[kolom], b[kolom], strict=True):
            assert math.isclose(x, y, rel_tol=0, abs_tol=1e-9), (kolom, grup, x, y)
            assert kontrak.bulatkan(x) == kontrak.bulatkan(y), (kolom, grup, x, y)


def _contoh(skala, kolom: str, periode: int) -> list[str]:
    """A few values of ``kolom`` in a period: the largest, a middle one and the smallest."""
    df = layanan.pilihan_filter(skala[0])
    n = df[df["periode"] == periode].groupby(kolom)["n"].sum().sort_values()
    return sorted({n.index[-1], n.index[len(n) // 2], n.index[0]})


def test_set_dimuat_utuh(skala):
    k = skala[0]
    assert not k.demo and not k.ditolak and not k.tumpang
    assert k.periode == PERIODE
    assert k.n_responden == BARIS * len(PERIODE)


@pytest.mark.parametrize("periode", PERIODE)
def test_nasional_per_periode(skala, periode):
    p = Pilihan(periode=periode)
    _sama(_dasbor(skala, "periode", p), _mentah(skala, "periode", p))


def test_tren_nasional(skala):
    _sama(_dasbor(skala, "periode", Pilihan()), _mentah(skala, "periode", Pilihan()))


def test_satu_provinsi(skala):
    for provinsi in _contoh(skala, "provinsi", 2025):
        p = Pilihan(periode=2025, provinsi=provinsi)
        _sama(_dasbor(skala, "periode", p), _mentah(skala, "periode", p))


def test_satu_instansi_dan_trennya(skala):
    for instansi in _contoh(skala, "instansi", 2025):
        p = Pilihan(periode=2025, instansi=instansi)
        _sama(_dasbor(skala, "periode", p), _mentah(skala, "periode", p))
        _sama(_dasbor(skala, "periode", p.tanpa_periode()), _mentah(skala, "periode", p.tanpa_periode()))


def test_wilayah_per_provinsi_dan_kabupaten(skala):
    p = Pilihan(periode=2024)
    _sama(_dasbor(skala, "provinsi", p), _mentah(skala, "provinsi", p))
    provinsi = _contoh(skala, "provinsi", 2024)[-1]
    p = p.dengan(provinsi=provinsi)
    _sama(_dasbor(skala, "kabupaten_kota", p), _mentah(skala, "kabupaten_kota", p))
    _sama(_dasbor(skala, "instansi", p), _mentah(skala, "instansi", p))


def test_jenis_instansi_dan_unit_kerja(skala):
    p = Pilihan(periode=2023)
    _sama(_dasbor(skala, "jenis_instansi", p), _mentah(skala, "jenis_instansi", p))
    instansi = _contoh(skala, "instansi", 2023)[-1]
    p = p.dengan(instansi=instansi)
    _sama(_dasbor(skala, "unit_kerja", p), _mentah(skala, "unit_kerja", p))


@pytest.mark.parametrize("dimensi", kontrak.DIMENSI_DEMOGRAFI)
def test_demografi_nasional(skala, dimensi):
    p = Pilihan(periode=2025)
    _sama(_dasbor(skala, "grup", p, dimensi), _mentah(skala, dimensi, p))


def test_demografi_satu_instansi(skala):
    instansi = _contoh(skala, "instansi", 2024)[-1]
    p = Pilihan(periode=2024, instansi=instansi)
    _sama(_dasbor(skala, "grup", p, "golongan"), _mentah(skala, "golongan", p))
