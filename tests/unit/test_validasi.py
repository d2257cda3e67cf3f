"""Validation of single Parquet extracts: every kind of bad file gets its own plain reason."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from berakhlak import db, kontrak
from berakhlak.validasi import MIN_SKOR_SERAGAM, Alasan, HasilValidasi, teks_alasan, validasi_berkas

N = 24
INSTANSI = ("Kementerian Keuangan", "Pemerintah Kota Bandung", "Badan Pusat Statistik")


def data_sah(n: int = N) -> dict[str, list]:
    """Columns of a valid extract with ``n`` rows (3 agencies, one period)."""
    data: dict[str, list] = {
        "periode": [2024] * n,
        "responden_id": [f"R{i:03d}" for i in range(1, n + 1)],
        "instansi": [INSTANSI[i % 3] for i in range(n)],
        "provinsi": [kontrak.PROVINSI[i % 5] for i in range(n)],
        "jenis_kelamin": ["Perempuan" if i % 2 else "Laki-laki" for i in range(n)],
        "level_sosio_emosional": [i % 5 + 1 for i in range(n)],
    }
    for j, k in enumerate(kontrak.KUNCI_NILAI):
        data[k] = [float((i * 7 + j * 11) % 101) for i in range(n)]
    return data


def tulis(folder: Path, data: dict[str, list] | pa.Table, nama: str = "survei.parquet") -> Path:
    path = folder / nama
    path.parent.mkdir(parents=True, exist_ok=True)
    tabel = data if isinstance(data, pa.Table) else pa.table(data)
    pq.write_table(tabel, path)
    jadi_lama(path)
    return path


def jadi_lama(path: Path) -> None:
    """Make the file look settled (modified an hour ago)."""
    lama = time.time() - 3600
    os.utime(path, (lama, lama))


@pytest.fixture
def akar(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def basis(tmp_path: Path):
    b = db.Basis(direktori_izin=[tmp_path])
    yield b
    b.tutup()


def periksa(basis: db.Basis, akar: Path, data, nama: str = "survei.parquet") -> HasilValidasi:
    return validasi_berkas(basis, tulis(akar, data, nama), akar)


def teks_semua(hasil: HasilValidasi, lang: str = "id") -> list[str]:
    return [teks_alasan(a, lang) for a in hasil.alasan]


def satu_alasan(hasil: HasilValidasi) -> str:
    assert hasil.status == "ditolak", hasil
    assert len(hasil.alasan) == 1, teks_semua(hasil)
    return teks_alasan(hasil.alasan[0])


# --------------------------------------------------------------------------- valid files


def test_berkas_sah_dimuat_dengan_ringkasannya(basis, akar):
    hasil = periksa(basis, akar, data_sah(), "2024/survei.parquet")
    assert hasil.status == "dimuat" and hasil.dimuat and hasil.alasan == []
    assert hasil.relatif == "2024/survei.parquet"
    assert hasil.baris == N
    assert hasil.periode == (2024,)
    assert hasil.n_instansi == 3
    assert hasil.kolom == {k: k for k in (*kontrak.WAJIB, "jenis_kelamin", kontrak.LEVEL)}
    hilang = set(kontrak.OPSIONAL_TEKS) - {"jenis_kelamin"}
    assert hasil.konstanta == dict.fromkeys(hilang)
    assert hasil.kolom_lain == ()


def test_nama_kolom_huruf_besar_spasi_dan_tanda_hubung_diterima(basis, akar):
    data = data_sah()
    data["Berorientasi Pelayanan"] = data.pop("berorientasi_pelayanan")
    data["AKUNTABEL"] = data.pop("akuntabel")
    data["Level-Sosio-Emosional"] = data.pop("level_sosio_emosional")
    data[" Provinsi "] = data.pop("provinsi")
    hasil = periksa(basis, akar, data)
    assert hasil.dimuat, teks_semua(hasil)
    assert hasil.kolom["berorientasi_pelayanan"] == "Berorientasi Pelayanan"
    assert hasil.kolom["akuntabel"] == "AKUNTABEL"
    assert hasil.kolom[kontrak.LEVEL] == "Level-Sosio-Emosional"
    assert hasil.kolom["provinsi"] == " Provinsi "


def test_kolom_lain_dicatat_dan_tidak_dimuat(basis, akar):
    data = data_sah()
    data["Catatan"] = ["-"] * N
    data['x"; DROP TABLE agregat; --'] = list(range(N))
    hasil = periksa(basis, akar, data)
    assert hasil.dimuat, teks_semua(hasil)
    assert hasil.kolom_lain == ("Catatan", 'x"; DROP TABLE agregat; --')
    assert 'x"; DROP TABLE agregat; --' not in hasil.kolom.values()


def test_responden_id_bilangan_bulat_diterima(basis, akar):
    data = data_sah()
    data["responden_id"] = list(range(1000, 1000 + N))
    hasil = periksa(basis, akar, data)
    assert hasil.dimuat, teks_semua(hasil)


def test_tanda_kutip_dan_sql_di_instansi_hanya_data(basis, akar):
    data = data_sah()
    data["instansi"] = ["Dinas 'X'; DROP TABLE agregat; --", 'Badan "Y"'] * (N // 2)
    hasil = periksa(basis, akar, data)
    assert hasil.dimuat, teks_semua(hasil)
    assert hasil.n_instansi == 2


def test_periode_dari_folder(basis, akar):
    data = data_sah()
    del data["periode"]
    hasil = periksa(basis, akar, data, "periode=2024/x.parquet")
    assert hasil.dimuat, teks_semua(hasil)
    assert hasil.relatif == "periode=2024/x.parquet"
    assert hasil.konstanta["periode"] == 2024
    assert "periode" not in hasil.kolom
    assert hasil.periode == (2024,)


def test_folder_dan_kolom_periode_sama_diterima(basis, akar):
    hasil = periksa(basis, akar, data_sah(), "arsip/periode=2024/x.parquet")
    assert hasil.dimuat, teks_semua(hasil)
    assert "periode" not in hasil.konstanta


def test_berkas_tidak_diubah(basis, akar):
    path = tulis(akar, data_sah())
    sebelum = (path.read_bytes(), path.stat().st_mtime, sorted(akar.rglob("*")))
    validasi_berkas(basis, path, akar)
    assert (path.read_bytes(), path.stat().st_mtime, sorted(akar.rglob("*"))) == sebelum


# --------------------------------------------------------------------------- unreadable files


def test_bukan_parquet(basis, akar):
    path = akar / "survei.parquet"
    path.write_text("periode,responden_id\n2024,R001\n", encoding="utf-8")
    jadi_lama(path)
    hasil = validasi_berkas(basis, path, akar)
    assert satu_alasan(hasil) == (
        "Berkas tidak bisa dibaca: bukan berkas Parquet atau rusak. "
        "Simpan ulang dari sumbernya sebagai Parquet."
    )
    assert hasil.alasan[0].kode == "bukan_parquet"


def _terpotong(akar: Path) -> Path:
    utuh = tulis(akar, data_sah(), "utuh/survei.parquet")
    path = akar / "survei.parquet"
    isi = utuh.read_bytes()
    path.write_bytes(isi[: len(isi) // 2])
    utuh.unlink()
    return path


def test_parquet_terpotong_lama_ditolak(basis, akar):
    path = _terpotong(akar)
    jadi_lama(path)
    hasil = validasi_berkas(basis, path, akar)
    assert hasil.status == "ditolak"
    assert [a.kode for a in hasil.alasan] == ["bukan_parquet"]


def test_parquet_terpotong_baru_menunggu(basis, akar):
    path = _terpotong(akar)
    hasil = validasi_berkas(basis, path, akar, sekarang=path.stat().st_mtime + 5)
    assert hasil.status == "menunggu" and not hasil.dimuat
    assert hasil.alasan == [Alasan("sedang_disalin", {"detik": 5})]
    assert teks_alasan(hasil.alasan[0]) == (
        "Berkas tampaknya masih disalin (diubah 5 detik lalu); akan diperiksa lagi."
    )


def test_berkas_kosong(basis, akar):
    hasil = periksa(basis, akar, pa.table(data_sah()).slice(0, 0))
    assert satu_alasan(hasil) == "Berkas tidak berisi data (0 baris)."
    assert hasil.baris == 0


# --------------------------------------------------------------------------- structure


def test_kolom_wajib_tidak_ada(basis, akar):
    data = data_sah()
    del data["adaptif"], data["kolaboratif"]
    hasil = periksa(basis, akar, data)
    assert satu_alasan(hasil) == "Kolom wajib tidak ada: adaptif, kolaboratif."


def test_periode_tidak_ada_di_kolom_maupun_folder(basis, akar):
    data = data_sah()
    del data["periode"]
    assert satu_alasan(periksa(basis, akar, data)) == "Kolom wajib tidak ada: periode."


def test_nama_kolom_ganda_setelah_disamakan(basis, akar):
    data = data_sah()
    data["LOYAL"] = data["loyal"]
    hasil = periksa(basis, akar, data)
    assert satu_alasan(hasil) == (
        'Ada kolom yang bernama sama jika huruf besar/kecil, spasi dan tanda hubung '
        'disamakan: "loyal" dan "LOYAL". Hapus atau ganti nama salah satunya.'
    )


def test_nilai_berupa_teks_dengan_koma(basis, akar):
    data = data_sah()
    data["akuntabel"] = ["62,5", "70,1"] * (N // 2)
    hasil = periksa(basis, akar, data)
    assert satu_alasan(hasil) == (
        'Kolom "akuntabel" berisi teks, bukan angka (contoh: "62,5", "70,1"); '
        "simpan sebagai angka dengan titik desimal."
    )


def test_periode_berupa_teks(basis, akar):
    data = data_sah()
    data["periode"] = ["2024"] * N
    assert satu_alasan(periksa(basis, akar, data)) == (
        'Kolom "periode" berisi teks, bukan tahun berupa bilangan bulat (contoh: "2024"); '
        "simpan tahun sebagai bilangan bulat, mis. 2024."
    )


def test_instansi_berupa_angka(basis, akar):
    data = data_sah()
    data["instansi"] = [101 + i % 3 for i in range(N)]
    assert satu_alasan(periksa(basis, akar, data)) == (
        'Kolom "instansi" berisi bilangan bulat, bukan teks (contoh: 101, 102, 103); '
        "simpan sebagai teks."
    )


def test_folder_periode_tidak_sah(basis, akar):
    data = data_sah()
    del data["periode"]
    hasil = periksa(basis, akar, data, "periode=dua-ribu/x.parquet")
    assert satu_alasan(hasil) == (
        "Nama folder tidak menyebut satu tahun periode yang sah (2000-2100): periode=dua-ribu."
    )


def test_semua_masalah_struktur_dilaporkan(basis, akar):
    data = data_sah()
    del data["kolaboratif"]
    data["loyal"] = ["80"] * N
    hasil = periksa(basis, akar, data)
    assert [a.kode for a in hasil.alasan] == ["kolom_wajib_tidak_ada", "tipe_salah"]


# --------------------------------------------------------------------------- data


def test_periode_di_luar_rentang_dan_kosong(basis, akar):
    data = data_sah()
    periode = pa.array([1899, 1899, None] + [2024] * (N - 3), pa.int64())
    tabel = pa.table(data).set_column(0, "periode", periode)
    hasil = periksa(basis, akar, tabel)
    assert teks_semua(hasil) == [
        'Periode kosong pada kolom "periode": 1 baris.',
        'Periode harus tahun bulat 2000-2100; kolom "periode" tidak memenuhi pada 2 baris '
        "(contoh: 1899).",
    ]
    assert hasil.status == "ditolak"


def test_periode_pecahan(basis, akar):
    data = data_sah()
    data["periode"] = [2024.5] + [2024.0] * (N - 1)
    hasil = periksa(basis, akar, data)
    assert satu_alasan(hasil).endswith("pada 1 baris (contoh: 2024,5).")


def test_folder_dan_kolom_periode_bentrok(basis, akar):
    data = data_sah()
    data["periode"] = [2023] * N
    hasil = periksa(basis, akar, data, "periode=2024/x.parquet")
    assert satu_alasan(hasil) == (
        'Folder menyebut periode 2024, tetapi kolom "periode" berisi tahun lain pada 24 baris '
        "(contoh: 2023)."
    )


def test_nilai_di_luar_0_100_dan_nan(basis, akar):
    data = data_sah()
    data["loyal"][:4] = [120.0, -5.0, float("nan"), None]
    hasil = periksa(basis, akar, data)
    assert satu_alasan(hasil) == (
        'Nilai di luar 0-100 pada kolom "loyal": 3 baris (contoh: -5, 120, NaN).'
    )


def test_nilai_di_luar_rentang_dalam_bahasa_inggris(basis, akar):
    data = data_sah()
    data["loyal"][:3] = [120.0, 101.5, -5.0]
    hasil = periksa(basis, akar, data)
    assert teks_alasan(hasil.alasan[0], lang="en") == (
        'Values outside 0-100 in column "loyal": 3 rows (e.g. -5, 101.5, 120).'
    )
    assert teks_alasan(hasil.alasan[0]) == (
        'Nilai di luar 0-100 pada kolom "loyal": 3 baris (contoh: -5; 101,5; 120).'
    )


def test_instansi_kosong(basis, akar):
    data = data_sah()
    data["instansi"][:2] = ["   ", None]
    assert satu_alasan(periksa(basis, akar, data)) == 'Kolom "instansi" kosong pada 2 baris.'


def test_provinsi_tidak_dikenal(basis, akar):
    data = data_sah()
    data["provinsi"][:4] = ["Jabar", "Jabar", "Atlantis", "  Jawa Barat  "]
    assert satu_alasan(periksa(basis, akar, data)) == (
        'Nama provinsi tidak dikenal di kolom "provinsi": "Jabar" (2 baris), '
        '"Atlantis" (1 baris). Gunakan nama resmi, mis. "Jawa Barat".'
    )


def test_provinsi_tidak_dikenal_lebih_dari_lima(basis, akar):
    data = data_sah()
    data["provinsi"][:7] = [f"Provinsi {i}" for i in range(7)]
    teks = satu_alasan(periksa(basis, akar, data))
    assert teks.count("(1 baris)") == 5
    assert ", dan 2 nama lain." in teks


def test_level_di_luar_1_5(basis, akar):
    data = data_sah()
    data["level_sosio_emosional"][:2] = [7, None]
    assert satu_alasan(periksa(basis, akar, data)) == (
        'Nilai di luar 1-5 pada kolom "level_sosio_emosional": 1 baris (contoh: 7).'
    )


def test_responden_ganda(basis, akar):
    data = data_sah()
    data["responden_id"][2:4] = ["R001", "R002"]
    assert satu_alasan(periksa(basis, akar, data)) == (
        "Responden ganda (periode dan responden_id sama): 2 ID muncul lebih dari sekali, "
        '4 baris (contoh: "R001", "R002").'
    )


def test_semua_masalah_data_dilaporkan(basis, akar):
    data = data_sah()
    data["instansi"][0] = ""
    data["kompeten"][1] = 150.0
    data["responden_id"][3] = "R001"
    hasil = periksa(basis, akar, data)
    assert [a.kode for a in hasil.alasan] == [
        "teks_kosong", "nilai_di_luar_rentang", "responden_ganda",
    ]
    assert hasil.baris == N


# --------------------------------------------------------------------------- plausibility


def test_skor_berskala_1_5_ditolak_dengan_sarannya(basis, akar):
    data = data_sah()
    for j, k in enumerate(kontrak.KUNCI_NILAI):
        data[k] = [float(1 + (i + j) % 5) for i in range(N)]
    data["adaptif"][0] = 4.5
    hasil = periksa(basis, akar, data)
    assert satu_alasan(hasil) == (
        "Skor tampaknya berskala 1-5 (jawaban kuesioner), bukan 0-100: semua 168 skor di kolom "
        '"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif" dan '
        '"kolaboratif" bernilai 5 atau kurang (terendah 1; tertinggi 5). Ekspor ulang skor '
        "indeks dalam skala 0-100; bila ini rata-rata jawaban 1-5, (skor − 1) × 25 "
        "mengubahnya ke 0-100."
    )
    assert teks_alasan(hasil.alasan[0], "en").startswith(
        "The scores seem to be on a 1-5 scale (questionnaire answers), not 0-100: all 168 "
        'scores in columns "berorientasi_pelayanan", ')


def test_skor_berskala_0_1_ditolak(basis, akar):
    data = data_sah()
    for k in kontrak.KUNCI_NILAI:
        data[k] = [round(0.3 + 0.025 * (i % 20), 3) for i in range(N)]
    data["loyal"][0] = None
    assert satu_alasan(periksa(basis, akar, data)) == (
        "Skor tampaknya berskala 0-1, bukan 0-100: semua 167 skor di kolom "
        '"berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif" dan '
        '"kolaboratif" bernilai 1 atau kurang (terendah 0,3; tertinggi 0,775). Kalikan skor '
        "dengan 100, atau ekspor ulang dalam skala 0-100."
    )


def test_satu_nilai_berskala_1_5_dalam_berkas_besar_ditolak(basis, akar):
    data = data_sah(60)
    data["Harmonis"] = [float(1 + i % 5) for i in range(60)]
    del data["harmonis"]
    hasil = periksa(basis, akar, data)
    assert [a.kode for a in hasil.alasan] == ["skala_1_5"]
    assert 'semua 60 skor di kolom "Harmonis" bernilai 5 atau kurang' in satu_alasan(hasil)


def test_skor_kecil_sah_dalam_berkas_kecil_tidak_ditolak(basis, akar):
    data = data_sah()
    data["adaptif"] = [float(i % 4) for i in range(N)]  # a few low scores in a small file
    assert periksa(basis, akar, data).dimuat


def test_skor_yang_semuanya_sama_ditolak(basis, akar):
    data = data_sah(60)
    data["loyal"] = [62.5] * 60
    data["kompeten"] = [70.0] * 59 + [None]
    hasil = periksa(basis, akar, data)
    assert satu_alasan(hasil) == (
        'Setiap responden mendapat skor yang sama persis di kolom "kompeten" (semua 59 skor '
        'bernilai 70); dan kolom "loyal" (semua 60 skor bernilai 62,5). Pada survei sungguhan '
        "ini hampir mustahil: biasanya kolom terisi nilai tetap atau rumus yang tersalin, atau "
        "kolomnya tertukar. Periksa ekspornya dan isi skor tiap responden."
    )
    assert teks_alasan(hasil.alasan[0], "en").startswith(
        'Every respondent has exactly the same score in column "kompeten" (all 59 scores are '
        '70); and column "loyal" (all 60 scores are 62.5).')


def test_skor_sama_pada_kelompok_kecil_diterima(basis, akar):
    data = data_sah(MIN_SKOR_SERAGAM - 1)
    data["loyal"] = [100.0] * (MIN_SKOR_SERAGAM - 1)
    assert periksa(basis, akar, data).dimuat


# --------------------------------------------------------------------------- every problem at once


def test_kolom_hilang_dan_provinsi_asing_dilaporkan_bersama(basis, akar):
    data = data_sah()
    del data["adaptif"]
    data["provinsi"][:3] = ["Jabar", "Jabar", "Atlantis"]
    data["responden_id"][5] = "R001"
    hasil = periksa(basis, akar, data)
    assert teks_semua(hasil) == [
        "Kolom wajib tidak ada: adaptif.",
        'Nama provinsi tidak dikenal di kolom "provinsi": "Jabar" (2 baris), "Atlantis" '
        '(1 baris). Gunakan nama resmi, mis. "Jawa Barat".',
        "Responden ganda (periode dan responden_id sama): 1 ID muncul lebih dari sekali, "
        '2 baris (contoh: "R001").',
    ]
    assert hasil.periode == (2024,) and hasil.n_instansi == 3


def test_tipe_salah_dan_masalah_data_lain_dilaporkan_bersama(basis, akar):
    data = data_sah()
    data["akuntabel"] = ["62,5", "70,1"] * (N // 2)
    data["loyal"][0] = 130.0
    data["instansi"][1] = " "
    data["periode"] = [2024] * (N - 1) + [1999]
    hasil = periksa(basis, akar, data)
    assert [a.kode for a in hasil.alasan] == [
        "tipe_salah", "periode_tidak_sah", "teks_kosong", "nilai_di_luar_rentang"]
    assert 'Kolom "akuntabel" berisi teks' in teks_semua(hasil)[0]


def test_tanpa_periode_dan_responden_id_tidak_ada_pemeriksaan_ganda(basis, akar):
    data = data_sah()
    del data["periode"]
    data["responden_id"] = ["R1"] * N
    data["provinsi"][0] = "Jabar"
    hasil = periksa(basis, akar, data)
    assert [a.kode for a in hasil.alasan] == ["kolom_wajib_tidak_ada", "provinsi_tidak_dikenal"]


def test_ringkasan_skor_melewati_kosong_dan_nan(basis, akar):
    """The plausibility figures of a value (answered count, lowest, highest) leave out both a
    blank (NULL) and a NaN score, the NaN counted once as out of range: the query turns NaN
    into NULL once per row (queries/validasi_ringkasan.sql)."""
    data = data_sah(5)
    data["akuntabel"] = [10.0, None, float("nan"), 90.0, 50.0]
    data["adaptif"] = [float("nan")] * 5
    path = akar / "a.parquet"
    pq.write_table(pa.table(data), path)
    kolom = {k: k for k in data}
    basis.tampilkan_berkas("berkas", [path], kolom)
    r = basis.jalankan("validasi_ringkasan", {"provinsi": list(kontrak.PROVINSI), "periode_min": 2000,
                                              "periode_maks": 2100, "periode_folder": None}).iloc[0]
    assert (r["n_akuntabel"], r["min_akuntabel"], r["maks_akuntabel"]) == (3, 10.0, 90.0)
    assert r["luar_akuntabel"] == 1
    assert r["n_adaptif"] == 0 and pd.isna(r["min_adaptif"]) and pd.isna(r["maks_adaptif"])
    assert r["luar_adaptif"] == 5
    assert r["n_kompeten"] == 5
