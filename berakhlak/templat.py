"""A small valid Parquet file showing the data contract, offered for download on /data."""

from __future__ import annotations

import io

import pyarrow as pa
import pyarrow.parquet as pq

from berakhlak import kontrak

CONTOH = [
    {"periode": 2024, "responden_id": "R-0001", "instansi": "Pemerintah Kabupaten Tegal",
     "provinsi": "Jawa Tengah", "berorientasi_pelayanan": 66.7, "akuntabel": 75.0,
     "kompeten": 58.3, "harmonis": 70.0, "loyal": 72.5, "adaptif": 41.7, "kolaboratif": 68.0,
     "jenis_instansi": "Pemerintah Kabupaten", "kabupaten_kota": "Kabupaten Tegal",
     "unit_kerja": "Dinas Pendidikan", "jenis_kelamin": "Perempuan", "kelompok_usia": "30-39",
     "jenis_jabatan": "Fungsional", "golongan": "III", "masa_kerja": "5-10 tahun",
     "status_kepegawaian": "PNS", "level_sosio_emosional": 3},
    {"periode": 2024, "responden_id": "R-0002", "instansi": "Kementerian Ketenagakerjaan",
     "provinsi": "DKI Jakarta", "berorientasi_pelayanan": 80.0, "akuntabel": None,
     "kompeten": 62.5, "harmonis": 77.8, "loyal": 81.0, "adaptif": 55.0, "kolaboratif": 73.3,
     "jenis_instansi": "Kementerian", "kabupaten_kota": "Kota Jakarta Pusat",
     "unit_kerja": "Sekretariat Jenderal", "jenis_kelamin": "Laki-laki", "kelompok_usia": "40-49",
     "jenis_jabatan": "Struktural", "golongan": "IV", "masa_kerja": "11-20 tahun",
     "status_kepegawaian": "PNS", "level_sosio_emosional": 4},
]


def skema() -> pa.Schema:
    kolom = [("periode", pa.int32()), ("responden_id", pa.string()), ("instansi", pa.string()),
             ("provinsi", pa.string())]
    kolom += [(v, pa.float64()) for v in kontrak.KUNCI_NILAI]
    kolom += [(c, pa.string()) for c in kontrak.OPSIONAL_TEKS]
    kolom += [(kontrak.LEVEL, pa.int8())]
    return pa.schema(kolom)


def templat_parquet() -> bytes:
    """Two example respondents written with every contract column and its type."""
    tabel = pa.Table.from_pylist(CONTOH, schema=skema())
    buf = io.BytesIO()
    pq.write_table(tabel, buf)
    return buf.getvalue()
