"""/data on the four files of issue 10's 'done when': a 1-5 scale file, a file with several
problems, an Indonesian CSV and an Excel workbook with the data on a named sheet."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pyarrow as pa

from berakhlak import kontrak, layanan
from berakhlak.layanan import Pilihan
from tests.app.conftest import jalankan
from tests.unit.bantu import ids, tabel, tulis
from tests.unit.test_konversi import baris_xlsx, csv_teks, data, harapan, tulis_xlsx


def _empat_berkas(d: Path) -> tuple[dict, dict]:
    skala = {v: [float(1 + (i + j) % 5) for i in range(20)]
             for j, v in enumerate(kontrak.KUNCI_NILAI)}
    tulis(d / "skala_1_5.parquet", tabel(ids("s", 20), skor=skala))
    banyak = tabel(ids("m", 15), skor={v: [50.0 + i for i in range(15)] for v in kontrak.KUNCI_NILAI})
    banyak = banyak.set_column(banyak.schema.get_field_index("provinsi"), "provinsi",
                               pa.array(["Jabar"] * 3 + ["Jawa Barat"] * 12))
    tulis(d / "banyak_masalah.parquet", banyak.drop_columns(["kolaboratif"]))
    csv = data(n=24, awal="c")
    (d / "jateng_2024.csv").write_text(csv_teks(csv), encoding="utf-8-sig")
    xlsx = data(n=18, awal="x")
    xlsx["provinsi"] = ["Gorontalo"] * 18
    xlsx["instansi"] = ["Pemerintah Provinsi Gorontalo"] * 18
    tulis_xlsx(d / "gorontalo_2024.xlsx", {"Catatan": [["Ekspor Biro SDM"]],
                                           "Data Survei": baris_xlsx(xlsx)})
    lama = time.time() - 3600
    for p in d.iterdir():
        os.utime(p, (lama, lama))
    return csv, xlsx


def test_data_menunjukkan_hasil_keempat_berkas(data_env):
    csv, xlsx = _empat_berkas(data_env)
    at = jalankan("pages/5_data.py")
    m = {x.label: x.value for x in at.metric}
    assert m["Berkas dimuat"] == "2" and m["Berkas ditolak"] == "2"
    assert m["Responden dimuat"] == "42"  # 24 from the CSV + 18 from the workbook

    daftar = at.dataframe[0].value.set_index("Berkas")
    assert daftar.loc["jateng_2024.csv", "Status"] == "Dimuat"
    assert daftar.loc["gorontalo_2024.xlsx", "Status"] == "Dimuat"
    # counts per file are published rounded to the minimum (24 and 18 rows: 20 and 20), so a
    # file holding one small group does not give its size; the total above stays exact (42)
    assert daftar.loc["jateng_2024.csv", "Baris (dibulatkan ke 10)"] == 20
    assert daftar.loc["gorontalo_2024.xlsx", "Baris (dibulatkan ke 10)"] == 20
    assert any("dibulatkan ke kelipatan 10 terdekat, dan 1 sampai 9 tidak ditampilkan" in c.value
               for c in at.caption)
    assert daftar.loc["skala_1_5.parquet", "Status"] == "Ditolak"

    peringatan = {w.value.split("**")[1].replace("\\_", "_"): w.value
                  for w in at.warning if w.value.startswith("**")}
    assert set(peringatan) == {"skala_1_5.parquet", "banyak_masalah.parquet"}
    assert "Skor tampaknya berskala 1-5 (jawaban kuesioner), bukan 0-100: semua 140 skor" in (
        peringatan["skala_1_5.parquet"])
    assert "(skor − 1) × 25" in peringatan["skala_1_5.parquet"]
    banyak = peringatan["banyak_masalah.parquet"]
    assert "Kolom wajib tidak ada: kolaboratif." in banyak
    assert '"Jabar" (3 baris)' in banyak
    assert banyak.count("\n- ") == 2  # both problems listed, one bullet each

    k = layanan.keadaan_lengkap()
    for kolom, provinsi in ((csv, "Jawa Tengah"), (xlsx, "Gorontalo")):
        total = layanan.total(k, Pilihan(periode=2024, provinsi=provinsi))
        assert total["n"] == len(kolom["periode"])
        assert abs(total["indeks"] - harapan(kolom)["indeks"]) < 1e-9

    unduhan = {b.proto.label for b in at.get("download_button")}
    assert {"Unduh templat Parquet", "Unduh templat CSV", "Unduh templat Excel",
            "Unduh kamus data (CSV)"} <= unduhan


def test_data_dalam_bahasa_inggris_menjelaskan_skala(data_env):
    _empat_berkas(data_env)
    at = jalankan("pages/5_data.py", lang="en")
    teks = "\n".join(w.value for w in at.warning)
    assert "The scores seem to be on a 1-5 scale" in teks
    assert "Required columns are missing: kolaboratif." in teks
