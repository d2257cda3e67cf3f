"""The one module that talks to DuckDB.

SQL lives in ``queries/*.sql``, one query per file. Values are always bound parameters
(``$name``). The only text ever substituted into SQL is an identifier written as
``{{name}}`` in the file, and only when it is in :data:`kontrak.KOLOM_IZIN`.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from berakhlak import kontrak

DIREKTORI_QUERY = Path(__file__).resolve().parent.parent / "queries"
_IDENT = re.compile(r"\{\{(\w+)\}\}")


class KolomTidakDiizinkan(ValueError):
    """An identifier outside the allow-list was asked for."""


@functools.cache
def _teks_query(nama: str) -> str:
    if not re.fullmatch(r"[a-z0-9_]+", nama):
        raise ValueError(f"nama query tidak sah: {nama!r}")
    return (DIREKTORI_QUERY / f"{nama}.sql").read_text(encoding="utf-8")


def teks_sql(nama: str, ident: Mapping[str, str] | None = None) -> str:
    """The SQL of ``queries/<nama>.sql`` with ``{{x}}`` identifiers from the allow-list."""
    ident = dict(ident or {})

    def ganti(m: re.Match[str]) -> str:
        kolom = ident.get(m.group(1))
        if kolom not in kontrak.KOLOM_IZIN:
            raise KolomTidakDiizinkan(f"{m.group(1)}={kolom!r}")
        return '"' + kolom + '"'

    return _IDENT.sub(ganti, _teks_query(nama))


class Basis:
    """An in-process DuckDB database. Thread-safe: every statement runs on its own cursor."""

    def __init__(self, direktori_izin: list[Path] | None = None, threads: int = 2,
                 memory_limit: str = "1GB", sementara: Path | None = None) -> None:
        """``sementara``: where DuckDB may spill what does not fit ``memory_limit`` (else its
        default, ``.tmp`` in the working directory, i.e. inside the project)."""
        self._con = duckdb.connect(":memory:")
        self.kunci = threading.RLock()  # held while tables or views are being replaced
        for pernyataan in (
            "SET enable_progress_bar = false",
            f"SET threads = {int(threads)}",
            "SET preserve_insertion_order = false",
        ):
            self._con.execute(pernyataan)
        self._con.execute("SET memory_limit = $m", {"m": memory_limit})
        if sementara is not None:
            Path(sementara).mkdir(parents=True, exist_ok=True)
            self._con.execute("SET temp_directory = $t", {"t": str(Path(sementara).resolve())})
        if direktori_izin is not None:
            dirs = [str(Path(d).resolve()) + "/" for d in direktori_izin]
            self._con.execute("SET allowed_directories = $d", {"d": dirs})
            self._con.execute("SET enable_external_access = false")

    def jalankan(self, nama: str, params: Mapping[str, Any] | None = None,
                 ident: Mapping[str, str] | None = None) -> pd.DataFrame:
        """Run one query file and read its whole result into a DataFrame."""
        cur = self._con.cursor()
        try:
            return cur.execute(teks_sql(nama, ident), dict(params or {})).df()
        finally:
            cur.close()

    def jalankan_arrow(self, nama: str, params: Mapping[str, Any] | None = None,
                       ident: Mapping[str, str] | None = None) -> pa.Table:
        cur = self._con.cursor()
        try:
            return cur.sql(teks_sql(nama, ident), params=dict(params or {})).to_arrow_table()
        finally:
            cur.close()

    def eksekusi(self, nama: str, params: Mapping[str, Any] | None = None,
                 ident: Mapping[str, str] | None = None) -> None:
        """Run a statement file (CREATE TABLE ... AS ...)."""
        cur = self._con.cursor()
        try:
            cur.execute(teks_sql(nama, ident), dict(params or {})).fetchall()
        finally:
            cur.close()

    def tampilkan_berkas(self, nama_view: str, path: Path | list[Path], kolom: Mapping[str, str],
                         konstanta: Mapping[str, Any] | None = None) -> None:
        """Expose one Parquet file, or several with the same columns, as view ``nama_view``
        with canonical column names and a column ``filename`` (the path as given here), so
        that one query can check or roll up many files at once, grouped by ``filename``.

        ``kolom`` maps canonical name -> the file's own column name; ``konstanta`` adds
        columns with a fixed value (a period taken from a ``periode=2024/`` folder).
        Names pass through DuckDB's expression API, never through SQL text.
        """
        if nama_view not in {"berkas", "kunci_prioritas"}:
            raise KolomTidakDiizinkan(nama_view)
        daftar = [str(p) for p in path] if isinstance(path, list) else [str(path)]
        rel = self._con.sql(teks_sql("berkas_baca"),
                            params={"berkas": daftar, "gabung_nama": len(daftar) > 1})
        ekspresi = [duckdb.ColumnExpression("berkas_asal_").alias("filename")]
        ekspresi += [duckdb.ColumnExpression(asli).alias(kanon) for kanon, asli in kolom.items()]
        ekspresi += [duckdb.ConstantExpression(v).alias(k) for k, v in (konstanta or {}).items()]
        rel.select(*ekspresi).create_view(nama_view, replace=True)

    def daftarkan(self, nama: str, tabel: pa.Table) -> None:
        """Expose an in-memory Arrow table as view ``nama`` (seen by every cursor)."""
        if nama not in {"agregat_baru", "kunci_prioritas"}:
            raise KolomTidakDiizinkan(nama)
        self._con.from_arrow(tabel).create_view(nama, replace=True)

    def lepaskan(self, nama: str) -> None:
        if nama not in {"agregat_baru", "kunci_prioritas"}:
            raise KolomTidakDiizinkan(nama)
        self._con.execute("DROP VIEW IF EXISTS " + nama)

    def tutup(self) -> None:
        self._con.close()
