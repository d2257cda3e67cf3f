"""Spreadsheet extracts (``.csv``, ``.xlsx``) turned into Parquet in the cache folder.

The converted file is then validated and loaded exactly like a Parquet extract; ``/data``
keeps showing the original file's name. Conversion is keyed by the source file's fingerprint
(its path, size and modification time, and this module's code), so an unchanged file is
converted once. Nothing is ever written in the data folder.

- **CSV** is read by DuckDB's CSV reader with explicit options, every column as text, and the
  separator found from the header line: ``;`` (the Indonesian export, decimal commas), ``,``
  (decimal points) or a tab. A contract number column whose every value reads as a number
  becomes numbers; otherwise it stays text and validation names it with examples.
- **Excel** (``.xlsx``) is read with python-calamine (Rust). The sheet used is the one whose
  header row (within its first rows) names the most contract columns, so the data may be on a
  named sheet beside notes or pivot tables.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from berakhlak import db, kontrak

AKHIRAN = (".csv", ".xlsx")
BARIS_JUDUL_MAKS = 10  # a header row is looked for in this many first rows of a sheet
_CONTOH_BYTE = 64 * 1024
_PEMISAH = (";", ",", "\t")
_ANGKA = {*kontrak.KUNCI_NILAI, "periode", kontrak.LEVEL}
_BULAT = {"periode", kontrak.LEVEL}


class GagalBaca(Exception):
    """The source cannot be read as a spreadsheet (damaged, wrong format, or being copied)."""

    def __init__(self, kode: str, galat: str, rincian: dict | None = None) -> None:
        super().__init__(galat)
        self.kode = kode
        self.rincian = dict(rincian or {})


class TanpaLembar(Exception):
    """An Excel workbook none of whose sheets names a contract column."""

    def __init__(self, lembar: list[str]) -> None:
        super().__init__(", ".join(lembar))
        self.lembar = lembar


def perlu(path: Path) -> bool:
    """Whether ``path`` is a spreadsheet that must be converted before it is validated."""
    return path.name.lower().endswith(AKHIRAN)


def direktori_cache() -> Path:
    proyek = Path(__file__).resolve().parent.parent
    return Path(os.environ.get("BERAKHLAK_CACHE_DIR") or proyek / ".cache").resolve()


@functools.cache
def _versi() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def _h(teks: str) -> str:
    return hashlib.sha256(teks.encode()).hexdigest()[:16]


def path_hasil(sumber: Path, cache: Path, st: os.stat_result) -> Path:
    """Where the conversion of ``sumber`` in this state is kept: one name per source path
    (its prefix) and per fingerprint."""
    asli = str(sumber.resolve())
    sidik = "\0".join((asli, str(st.st_size), str(st.st_mtime_ns), _versi()))
    return cache / "konversi" / f"{_h(asli)}-{_h(sidik)}.parquet"


def ke_parquet(basis: db.Basis, sumber: Path, cache: Path | None = None) -> Path:
    """The Parquet conversion of spreadsheet ``sumber`` in the cache (made once per fingerprint).

    Raises :class:`GagalBaca` when the file cannot be read (or changed while it was read) and
    :class:`TanpaLembar` when no sheet of a workbook holds the contract's columns.
    """
    cache = (cache or direktori_cache()).resolve()
    try:
        st = sumber.stat()
    except OSError as e:
        raise GagalBaca(kode_galat(sumber), str(e)) from e
    tujuan = path_hasil(sumber, cache, st)
    if tujuan.exists():
        return tujuan
    if sumber.name.lower().endswith(".csv"):
        tabel = _baca_csv(basis, sumber, tujuan.parent)
    else:
        tabel = _baca_xlsx(sumber)
    try:
        st2 = sumber.stat()
    except OSError as e:
        raise GagalBaca(kode_galat(sumber), str(e)) from e
    if (st2.st_size, st2.st_mtime_ns) != (st.st_size, st.st_mtime_ns):
        raise GagalBaca(kode_galat(sumber), "changed while it was read")
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara = tujuan.with_name(f"{tujuan.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    pq.write_table(tabel, sementara)
    os.replace(sementara, tujuan)
    awalan = tujuan.name.split("-")[0]
    for lama in tujuan.parent.glob(f"{awalan}-*.parquet"):  # older states of the same source
        if lama != tujuan:
            lama.unlink(missing_ok=True)
    return tujuan


def kode_galat(sumber: Path) -> str:
    """The reason code of a spreadsheet that cannot be read."""
    return "bukan_csv" if sumber.name.lower().endswith(".csv") else "bukan_xlsx"


# --------------------------------------------------------------------------- CSV


def _kenali_csv(awal: bytes) -> tuple[str, str, list[str]]:
    """(DuckDB encoding, separator, header names) from the first bytes of a CSV file."""
    if awal.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, teks = "utf-16", awal.decode("utf-16", errors="ignore")
    else:
        potong = awal if len(awal) < _CONTOH_BYTE else awal[: awal.rfind(b"\n") + 1] or awal
        try:
            encoding, teks = "utf-8", potong.decode("utf-8")
        except UnicodeDecodeError:  # Excel's "CSV" on Windows: cp1252
            encoding, teks = "cp1252", potong.decode("cp1252", errors="replace")
    teks = teks.lstrip("\ufeff")
    judul = teks.splitlines()[0] if teks.strip() else ""
    hitung = {p: len(next(csv.reader([judul], delimiter=p), [])) for p in _PEMISAH}
    pemisah = max(_PEMISAH, key=lambda p: hitung[p])  # ties: ';' first (the Indonesian export)
    nama = next(csv.reader([judul], delimiter=pemisah), [])
    return encoding, pemisah, nama


def _baca_csv(basis: db.Basis, sumber: Path, kerja: Path) -> pa.Table:
    try:
        with open(sumber, "rb") as f:
            awal = f.read(_CONTOH_BYTE)
    except OSError as e:
        raise GagalBaca("bukan_csv", str(e)) from e
    if not awal.strip():
        raise GagalBaca("bukan_csv", "empty file")
    encoding, pemisah, nama = _kenali_csv(awal)
    if not nama:
        raise GagalBaca("bukan_csv", "no header row")
    # Positional names for DuckDB (no sniffing); the header as written is put back after,
    # duplicates and blanks included, so validation sees the names the analyst wrote.
    kolom = {f"k{i}": "VARCHAR" for i in range(len(nama))}
    baca, salinan = sumber.resolve(), None
    if encoding == "cp1252":  # DuckDB reads UTF-8, UTF-16 and Latin-1, not Windows' cp1252
        kerja.mkdir(parents=True, exist_ok=True)
        salinan = kerja / f"utf8-{os.getpid()}-{threading.get_ident()}.csv.tmp"
        try:
            salinan.write_bytes(sumber.read_bytes().decode("cp1252", errors="replace").encode())
        except OSError as e:
            raise GagalBaca("bukan_csv", str(e)) from e
        baca, encoding = salinan, "utf-8"
    try:
        tabel = basis.jalankan_arrow("validasi_baca_csv", {
            "path": str(baca), "pemisah": pemisah, "encoding": encoding, "kolom": kolom})
    except Exception as e:  # DuckDB: ragged rows, open quotes, not text
        raise GagalBaca("bukan_csv", str(e)[:300], _rincian_csv(str(e), pemisah)) from e
    finally:
        if salinan is not None:
            salinan.unlink(missing_ok=True)
    tabel = tabel.rename_columns([n.strip() or f"(kolom {i + 1})" for i, n in enumerate(nama)])
    desimal_koma = pemisah != ","
    return _tabel_kontrak(tabel.column_names, list(tabel.columns), desimal_koma)


def _rincian_csv(galat: str, pemisah: str) -> dict:
    """Where and why DuckDB could not read a CSV file, for the reason shown on /data."""
    rincian: dict = {"pemisah": "tab" if pemisah == "\t" else pemisah}
    if m := re.search(r"Line: (\d+)", galat):
        rincian["baris_ke"] = int(m.group(1))
    if m := re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", galat):
        rincian["harapan"], rincian["ditemukan"] = int(m.group(1)), int(m.group(2))
    elif "unterminated quote" in galat:
        rincian["kutip"] = True
    return rincian


# --------------------------------------------------------------------------- Excel


def _baca_xlsx(sumber: Path) -> pa.Table:
    import python_calamine

    try:
        buku = python_calamine.CalamineWorkbook.from_path(str(sumber))
    except Exception as e:  # not a zip, not a workbook, password protected
        raise GagalBaca("bukan_xlsx", str(e)[:300]) from e
    try:
        pilihan = None  # (score, sheet name, header row index)
        lembar = {}  # each sheet is parsed once
        for nama in buku.sheet_names:
            lembar[nama] = buku.get_sheet_by_name(nama)
            awal = lembar[nama].to_python(nrows=BARIS_JUDUL_MAKS)
            for i, baris in enumerate(awal):
                skor = len({kontrak.normalisasi_nama_kolom(c) for c in baris
                            if isinstance(c, str) and c.strip()} & set(kontrak.SEMUA_KOLOM))
                if skor and (pilihan is None or skor > pilihan[0]):
                    pilihan = (skor, nama, i)
        if pilihan is None:
            raise TanpaLembar(list(buku.sheet_names))
        _, nama, i = pilihan
        baris = lembar[nama].to_python(skip_empty_area=False)[i:]
    except TanpaLembar:
        raise
    except Exception as e:
        raise GagalBaca("bukan_xlsx", str(e)[:300]) from e
    finally:
        buku.close()
    judul, isi = baris[0], baris[1:]
    lebar = len(judul)
    kolom = [[r[j] if j < len(r) else "" for r in isi] for j in range(lebar)]
    nama_kolom = [_teks_sel(j).strip() if not _kosong(j) else "" for j in judul]
    tetap = [j for j in range(lebar) if nama_kolom[j] or any(not _kosong(v) for v in kolom[j])]
    nama_kolom = [nama_kolom[j] or f"(kolom {j + 1})" for j in tetap]
    return _tabel_kontrak(nama_kolom, [kolom[j] for j in tetap], desimal_koma=True)


def _kosong(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _teks_sel(v: Any) -> str:
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    return str(v)


# --------------------------------------------------------------------------- columns


def _tabel_kontrak(nama: Sequence[str], kolom: Sequence, desimal_koma: bool) -> pa.Table:
    """A table of the columns as they should reach validation: contract number columns as
    numbers when every value reads as one (else as text), everything else as text; rows
    that are blank in every column are dropped."""
    larik = []
    for n, isi in zip(nama, kolom, strict=True):
        kanon = kontrak.normalisasi_nama_kolom(n)
        angka = _sebagai_angka(isi, desimal_koma) if kanon in _ANGKA else None
        if angka is not None and kanon in _BULAT and _semua_bulat(angka):
            angka = pc.cast(angka, pa.int64())
        larik.append(angka if angka is not None else _sebagai_teks(isi))
    tabel = pa.Table.from_arrays(larik, names=list(nama)) if larik else pa.table({})
    if tabel.num_columns and tabel.num_rows:
        terisi = None
        for a in larik:
            ada = pc.is_valid(a)
            terisi = ada if terisi is None else pc.or_(terisi, ada)
        tabel = tabel.filter(terisi)
    return tabel


def _sebagai_teks(isi) -> pa.Array:
    """Text with blanks (empty or spaces only) as null."""
    if isinstance(isi, (pa.Array, pa.ChunkedArray)):
        a = pc.cast(isi, pa.string())
    else:
        try:  # a column of text cells (blanks are "" from calamine)
            a = pa.array(isi, pa.string())
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            a = pa.array([None if _kosong(v) else _teks_sel(v) for v in isi], pa.string())
    if isinstance(a, pa.ChunkedArray):
        a = a.combine_chunks()
    kosong = pc.equal(pc.utf8_trim_whitespace(a), "")
    return pc.if_else(kosong, pa.scalar(None, pa.string()), a)


def _sebagai_angka(isi, desimal_koma: bool) -> pa.Array | None:
    """The values as float64 if every non-blank one reads as a number, else None. Text
    reads with a decimal comma when ``desimal_koma`` (a decimal point always reads)."""
    if not isinstance(isi, (pa.Array, pa.ChunkedArray)):
        jenis = set(map(type, isi))
        if not jenis <= {int, float, str, type(None)}:
            return None  # TRUE/FALSE or a date in a number column is a mistake, not a number
        try:  # cells Excel stores as numbers (no blanks in between)
            return pa.array(isi, pa.float64())
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            pass
        if all(_kosong(v) or isinstance(v, (int, float)) for v in isi):
            return pa.array([None if _kosong(v) else float(v) for v in isi], pa.float64())
    bersih = pc.utf8_trim_whitespace(_sebagai_teks(isi))
    if desimal_koma:
        bersih = pc.replace_substring(bersih, ",", ".")
    try:
        return pc.cast(bersih, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None


def _semua_bulat(a: pa.Array) -> bool:
    terisi = pc.drop_null(a)
    if len(terisi) == 0:
        return True
    if not pc.all(pc.is_finite(terisi)).as_py():
        return False
    return pc.all(pc.equal(pc.floor(terisi), terisi)).as_py()


def tulis_csv(tabel: pa.Table, indonesia: bool = True) -> bytes:
    """``tabel`` as CSV text (UTF-8 with BOM, so Excel opens it right): ``;`` and decimal
    commas (Indonesian) or ``,`` and decimal points."""
    keluar = io.StringIO()
    penulis = csv.writer(keluar, delimiter=";" if indonesia else ",", lineterminator="\n")
    penulis.writerow(tabel.column_names)
    for baris in tabel.to_pylist():
        sel = []
        for v in baris.values():
            if v is None:
                sel.append("")
            elif isinstance(v, float):
                t = repr(v)
                sel.append(t.replace(".", ",") if indonesia else t)
            else:
                sel.append(str(v))
        penulis.writerow(sel)
    return ("\ufeff" + keluar.getvalue()).encode("utf-8")
