"""/data on a folder mixing good files with every kind of bad file (the issue's 'done when')."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pyarrow as pa

from tests.app.conftest import jalankan
from tests.unit.bantu import ids, tabel, tulis


def _folder_campuran(d: Path) -> None:
    tulis(d / "2024_jateng.parquet", tabel(ids("a", 40)))
    tulis(d / "2024_jateng_ulang.parquet", tabel(ids("a", 40, mulai=30)))  # 10 shared with the first
    tulis(d / "periode=2023" / "gorontalo.parquet",
          tabel(ids("g", 25), provinsi="Gorontalo", instansi="Pemerintah Provinsi Gorontalo").drop_columns(["periode"]))
    teks = tabel(ids("c", 12))
    teks = teks.set_column(teks.schema.get_field_index("akuntabel"), "akuntabel", pa.array(["62,5"] * 12))
    tulis(d / "skor_teks.parquet", teks)
    tulis(d / "skor_120.parquet", tabel(ids("e", 12), skor=120.0))
    tulis(d / "tanpa_adaptif.parquet", tabel(ids("f", 12)).drop_columns(["adaptif"]))
    tulis(d / "provinsi_salah.parquet", tabel(ids("h", 12), provinsi="Jabar"))
    tulis(d / "ganda.parquet", tabel(["x1", "x1", *ids("i", 10)]))
    tulis(d / "kosong.parquet", tabel([]))
    (d / "rusak.parquet").write_text("periode;responden_id\n2024;1\n")
    os.utime(d / "rusak.parquet", (time.time() - 3600,) * 2)
    (d / "catatan.txt").write_text("x")


def test_data_menunjukkan_setiap_alasan_dan_menghitung_sekali(data_env):
    _folder_campuran(data_env)
    at = jalankan("pages/5_data.py")
    m = {x.label: x.value for x in at.metric}
    assert m["Berkas dimuat"] == "3" and m["Berkas ditolak"] == "7"
    assert m["Responden dimuat"] == "95"  # 40 + (40 - 10 shared) + 25
    alasan = "\n".join(w.value for w in at.warning)
    for teks in ('"x1"', "0 baris", '"Jabar" (12 baris)', "bukan berkas Parquet atau rusak",
                 'kolom "adaptif": 12 baris (contoh: 120)', '"akuntabel" berisi teks', '"62,5"',
                 "Kolom wajib tidak ada: adaptif"):
        assert teks in alasan, teks
    tumpang = at.dataframe[1].value
    assert tumpang.iloc[0].tolist() == ["2024_jateng.parquet", "2024_jateng_ulang.parquet", 10]
    assert "catatan.txt" in "\n".join(x.value for x in at.markdown)
    assert not any("data sintetis" in x.value.lower() for x in at.info)
