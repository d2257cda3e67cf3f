"""Helpers to write small fixture Parquet files in tests."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from berakhlak import kontrak


def tabel(ids, periode=2024, instansi="Pemerintah Kabupaten Tegal", provinsi="Jawa Tengah",
          skor=60.0, **lain) -> pa.Table:
    """A valid extract: one row per id; ``skor`` a number (all values) or a dict per value."""
    n = len(ids)
    kolom = {"periode": [periode] * n, "responden_id": list(ids), "instansi": [instansi] * n,
             "provinsi": [provinsi] * n}
    for v in kontrak.KUNCI_NILAI:
        nilai = skor[v] if isinstance(skor, dict) else skor
        kolom[v] = nilai if isinstance(nilai, list) else [nilai] * n
    for k, v in lain.items():
        kolom[k] = v if isinstance(v, list) else [v] * n
    return pa.table(kolom)


def tulis(path: Path, t: pa.Table) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(t, path)
    return path


def ids(awal: str, n: int, mulai: int = 0) -> list[str]:
    return [f"{awal}{i:05d}" for i in range(mulai, mulai + n)]
