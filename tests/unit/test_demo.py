"""The synthetic data generators: demo calibration, contract conformance, national layout."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from berakhlak import demo, kontrak
from berakhlak.kontrak import bulatkan

NILAI = list(kontrak.KUNCI_NILAI)
NASIONAL_2022 = [57.9, 74.1, 56.7, 63.8, 65.8, 38.9, 69.4]
KEMENDIKBUD_2022 = [59.6, 64.1, 58.3, 53.7, 62.7, 43.5, 67.7]


@pytest.fixture(scope="module")
def folder_demo(tmp_path_factory) -> Path:
    tujuan = tmp_path_factory.mktemp("demo")
    demo.tulis_demo(tujuan)
    return tujuan


@pytest.fixture(scope="module")
def data(folder_demo) -> pd.DataFrame:
    paths = sorted(folder_demo.glob("berakhlak_demo_*.parquet"))
    return pd.concat([pd.read_parquet(p) for p in paths], ignore_index=True)


def _nilai(df: pd.DataFrame) -> list[float]:
    return [bulatkan(float(df[k].mean())) for k in NILAI]


def _indeks(df: pd.DataFrame) -> float:
    return bulatkan(float(df[NILAI].mean().mean()))


def _pilih(df: pd.DataFrame, periode: int, instansi: str | None = None) -> pd.DataFrame:
    sel = df[df["periode"] == periode]
    return sel if instansi is None else sel[sel["instansi"] == instansi]


def test_berkas_per_periode_dan_penanda(folder_demo):
    paths = demo.tulis_demo(folder_demo)  # second call: returns the existing files
    assert [p.name for p in paths] == [f"berakhlak_demo_{p}.parquet" for p in (2022, 2023, 2024, 2025)]
    assert not list(folder_demo.glob("*.tmp")) and not list(folder_demo.glob(".*.tmp"))


def test_kolom_dan_tipe(folder_demo):
    skema = pq.read_schema(folder_demo / "berakhlak_demo_2022.parquet")
    assert skema.names == list(kontrak.SEMUA_KOLOM)
    assert pa.types.is_integer(skema.field("periode").type)
    assert pa.types.is_integer(skema.field(kontrak.LEVEL).type)
    for kolom in (*kontrak.WAJIB_TEKS, *kontrak.OPSIONAL_TEKS):
        assert pa.types.is_string(skema.field(kolom).type), kolom
    for kolom in NILAI:
        assert pa.types.is_floating(skema.field(kolom).type), kolom


def test_nilai_valid(data):
    skor = data[NILAI]
    assert ((skor >= 0) & (skor <= 100) | skor.isna()).all().all()
    assert (skor.round(1).fillna(-1) == skor.fillna(-1)).all().all()
    assert 0.002 < skor.isna().mean().mean() < 0.01
    assert data[kontrak.LEVEL].between(1, 5).all()
    assert data[kontrak.LEVEL].isin([2, 3]).mean() > 0.5
    for kolom in kontrak.OPSIONAL_TEKS:
        assert data[kolom].notna().all(), kolom


def test_kategori_dan_geografi(data):
    assert set(data["provinsi"]) == set(kontrak.PROVINSI)
    assert set(data["jenis_instansi"]) == set(kontrak.JENIS_INSTANSI)
    assert set(data["periode"]) == {2022, 2023, 2024, 2025}
    for kolom, nilai in demo.KATEGORI_DEMOGRAFI.items():
        assert set(data[kolom]) == set(nilai), kolom
    pppk = data["status_kepegawaian"] == "PPPK"
    assert (data.loc[pppk, "golongan"] == "PPPK").all()
    assert (data.loc[~pppk, "golongan"] != "PPPK").all()


def test_instansi_bernama(data):
    jenis = data.groupby("instansi")["jenis_instansi"].first()
    prov = data[data["jenis_instansi"].str.startswith("Pemerintah")].groupby("instansi")["provinsi"].first()
    assert jenis.size >= 250
    assert jenis["Dewan Kehormatan Penyelenggara Pemilu"] == "Lembaga"
    assert jenis["Kementerian Ketenagakerjaan"] == "Kementerian"
    assert jenis[demo.KEMENDIKBUDRISTEK] == "Kementerian"
    assert jenis["Pemerintah Provinsi Gorontalo"] == "Pemerintah Provinsi"
    assert prov["Pemerintah Provinsi Gorontalo"] == "Gorontalo"
    assert prov["Pemerintah Kabupaten Tegal"] == "Jawa Tengah"
    assert prov["Pemerintah Kabupaten Indramayu"] == "Jawa Barat"
    assert prov["Pemerintah Kota Ambon"] == "Maluku"
    assert prov["Pemerintah Kabupaten Kapuas"] == "Kalimantan Tengah"
    assert prov["Pemerintah Kabupaten Barito Utara"] == "Kalimantan Tengah"
    for nama, j in jenis.items():
        awalan = j if j != "Lembaga" else ("Kementerian", "Pemerintah")
        assert nama.startswith(awalan) == (j != "Lembaga"), nama


def test_kabupaten_kota(data):
    kk = data.groupby("instansi")["kabupaten_kota"].agg(set)
    assert kk["Pemerintah Kabupaten Tegal"] == {"Kabupaten Tegal"}
    assert kk["Pemerintah Kota Ambon"] == {"Kota Ambon"}
    assert kk["Pemerintah Provinsi Jawa Tengah"] == {"Kota Semarang"}
    assert len(kk[demo.KEMENDIKBUDRISTEK]) > 3
    unit = data.groupby("instansi").agg(n=("unit_kerja", "nunique"), r=("unit_kerja", "size"))
    assert unit.loc[unit["r"] >= 200, "n"].between(3, 12).all()
    assert all(3 <= len(i.unit_kerja) <= 12 for i in demo.katalog())


def test_kalibrasi_nasional(data):
    d22 = _pilih(data, 2022)
    assert _nilai(d22) == NASIONAL_2022
    assert _indeks(d22) == 60.9
    assert _indeks(_pilih(data, 2023)) == 61.1
    assert _pilih(data, 2023)[NILAI].mean().idxmin() == "adaptif"
    for periode in (2024, 2025):
        assert 61.5 <= _indeks(_pilih(data, periode)) <= 65.0


def test_kalibrasi_tegal(data):
    tegal = _pilih(data, 2022, demo.TEGAL)
    assert len(tegal) == 5773
    assert _indeks(tegal) == 62.3
    rata = tegal[NILAI].mean()
    assert rata.idxmin() == "adaptif"
    assert bulatkan(float(tegal[NILAI].mean(axis=1).mean())) == 62.3
    assert (tegal["golongan"] == "I").sum() == 8


def test_kalibrasi_instansi_lain(data):
    kemdik = _pilih(data, 2022, demo.KEMENDIKBUDRISTEK)
    assert len(kemdik) == 7819
    assert _nilai(kemdik) == KEMENDIKBUD_2022
    assert _indeks(kemdik) == 58.5
    assert _indeks(_pilih(data, 2022, demo.KAPUAS)) == 62.4
    tren = [_indeks(_pilih(data, p, demo.BARITO_UTARA)) for p in (2022, 2023, 2024)]
    assert tren == [60.9, 62.5, 74.4]


def test_kehadiran_per_periode(data):
    hadir = data.groupby("instansi")["periode"].agg(set)
    assert hadir[demo.TEGAL] == {2022, 2023, 2024}
    assert hadir[demo.BARITO_UTARA] == {2022, 2023, 2024}
    assert sum(len(p) < 4 for p in hadir) >= 5


def test_id_unik_dan_ukuran(data):
    assert not data.duplicated(["periode", "responden_id"]).any()
    per_periode = data.groupby("periode").size()
    assert per_periode.between(100_000, 150_000).all()
    ukuran = data.groupby(["periode", "instansi"]).size()
    assert ukuran.min() <= 15 and ukuran.max() >= 5773
    assert (data.groupby(["periode", "instansi", "unit_kerja"]).size() < 10).any()


def test_deterministik(folder_demo, tmp_path):
    paths = demo.tulis_demo(tmp_path / "lagi")
    for path in paths:
        assert pq.read_table(path).equals(pq.read_table(folder_demo / path.name)), path.name


def test_nasional_kecil(tmp_path):
    paths = demo.tulis_nasional(tmp_path, baris_per_periode=20_000, n_instansi=40,
                                periode=(2022, 2023), baris_per_grup=8_000)
    assert paths == [tmp_path / f"periode={p}" / f"nasional_{p}.parquet" for p in (2022, 2023)]
    for path in paths:
        berkas = pq.ParquetFile(path)
        assert berkas.metadata.num_rows == 20_000
        assert berkas.metadata.num_row_groups == 3
        assert berkas.schema_arrow.names == [k for k in kontrak.SEMUA_KOLOM if k != "periode"]
        df = berkas.read().to_pandas()
        assert set(df["provinsi"]) == set(kontrak.PROVINSI)
        assert df["instansi"].nunique() == 40
        assert df["responden_id"].is_unique
        assert 58 < df[NILAI].mean().mean() < 65


def test_nasional_satu_periode_tambahan(tmp_path):
    path = demo.tulis_satu_periode_nasional(tmp_path, 2026, baris=5_000, n_instansi=600)
    assert path == tmp_path / "periode=2026" / "nasional_2026.parquet"
    df = pd.read_parquet(path)
    assert len(df) == 5_000 and df["instansi"].nunique() == 600
