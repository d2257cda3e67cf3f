"""Checks one extract against the data contract, before it is loaded.

Each file is loaded whole or rejected whole, with reasons a non-programmer understands, all
of them at once: a column that is missing or of the wrong type only leaves out the checks
that need it. Structure is judged from the Parquet schema (pyarrow, no data read); the data
itself is checked in DuckDB with a few scans (``queries/validasi_*.sql``), plausibility
included (scores on a 1-5 or 0-1 scale, a value whose scores are all identical). A ``.csv``
or ``.xlsx`` extract is first converted to Parquet in the cache folder (berakhlak.konversi).
Nothing in the data folder is ever written, moved or deleted, and a bad file never raises.
"""

from __future__ import annotations

import logging
import math
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from berakhlak import db, kontrak, konversi
from berakhlak.format import bulat, desimal
from berakhlak.i18n import BAKU, teks

log = logging.getLogger(__name__)

DETIK_SALIN = 30.0  # a damaged file changed this recently is probably still being copied
N_CONTOH = 3
N_CONTOH_PROVINSI = 5
# A value answered by at least this many respondents with one and the same score is not
# plausible (a constant or a copied formula); fewer may agree by chance (a small unit).
MIN_SKOR_SERAGAM = 50
_POLA_FOLDER = re.compile(r"periode=(.*)", re.IGNORECASE)

_GALAT_BACA = (OSError, ValueError, pa.ArrowException)  # what pyarrow raises on a bad file

DIMUAT, DITOLAK, MENUNGGU = "dimuat", "ditolak", "menunggu"


@dataclass(frozen=True)
class Alasan:
    """Why a file is not loaded: a code and the details its sentence needs."""

    kode: str
    rincian: dict = field(default_factory=dict)


@dataclass
class HasilValidasi:
    path: Path
    relatif: str
    status: str
    alasan: list[Alasan] = field(default_factory=list)
    baris: int = 0
    periode: tuple[int, ...] = ()
    n_instansi: int = 0
    kolom: dict[str, str] = field(default_factory=dict)
    konstanta: dict[str, Any] = field(default_factory=dict)
    kolom_lain: tuple[str, ...] = ()

    @property
    def dimuat(self) -> bool:
        return self.status == DIMUAT


# --------------------------------------------------------------------------- texts

TEKS: dict[str, tuple[str, str]] = {
    "bukan_parquet": (
        ("Berkas tidak bisa dibaca: bukan berkas Parquet atau rusak. "
         "Simpan ulang dari sumbernya sebagai Parquet."),
        ("The file cannot be read: it is not a Parquet file or it is damaged. "
         "Save it again from its source as Parquet."),
    ),
    "rusak": (
        "Sebagian isi berkas rusak sehingga tidak bisa dibaca. Simpan ulang dari sumbernya.",
        "Part of the file is damaged and cannot be read. Save it again from its source.",
    ),
    "sedang_disalin": (
        "Berkas tampaknya masih disalin (diubah {detik} detik lalu); akan diperiksa lagi.",
        ("The file seems to be still copying (changed {detik} seconds ago); "
         "it will be checked again."),
    ),
    "bukan_csv": (
        ("Berkas CSV tidak bisa dibaca{lokasi}. Pastikan setiap baris memakai pemisah yang "
         "sama dengan baris judul ({pemisah}) dan setiap tanda kutip ditutup, lalu simpan ulang "
         "sebagai CSV (UTF-8)."),
        ("The CSV file cannot be read{lokasi}. Make sure every row uses the same separator as "
         "the header row ({pemisah}) and every quote is closed, then save it again as CSV "
         "(UTF-8)."),
    ),
    "bukan_xlsx": (
        ("Berkas tidak bisa dibaca sebagai Excel: bukan buku kerja .xlsx, rusak, atau "
         "berkata sandi. Simpan ulang dari Excel sebagai \"Buku Kerja Excel (.xlsx)\" tanpa "
         "kata sandi."),
        ("The file cannot be read as Excel: not an .xlsx workbook, damaged, or password "
         "protected. Save it again from Excel as \"Excel Workbook (.xlsx)\" without a "
         "password."),
    ),
    "lembar_tanpa_kolom": (
        ("Tidak ada lembar kerja yang baris judulnya memuat kolom data (mis. periode, "
         "responden_id, instansi); lembar yang ada: {lembar}. Letakkan data di satu lembar "
         "dengan nama kolom di baris judul."),
        ("No sheet has a header row naming the data columns (e.g. periode, responden_id, "
         "instansi); the sheets are: {lembar}. Put the data on one sheet with the column "
         "names in its header row."),
    ),
    "kosong": (
        "Berkas tidak berisi data (0 baris).",
        "The file contains no data (0 rows).",
    ),
    "kolom_ganda": (
        ("Ada kolom yang bernama sama jika huruf besar/kecil, spasi dan tanda hubung "
         "disamakan: {grup}. Hapus atau ganti nama salah satunya."),
        ("Some columns have the same name once upper/lower case, spaces and hyphens are "
         "ignored: {grup}. Remove or rename one of them."),
    ),
    "kolom_wajib_tidak_ada": (
        "Kolom wajib tidak ada: {kolom}.",
        "Required columns are missing: {kolom}.",
    ),
    "tipe_salah": (
        'Kolom "{kolom}" berisi {ditemukan}, bukan {harapan}{contoh}; {saran}.',
        'Column "{kolom}" contains {ditemukan}, not {harapan}{contoh}; {saran}.',
    ),
    "nilai_di_luar_rentang": (
        'Nilai di luar 0-100 pada kolom "{kolom}": {baris} baris{contoh}.',
        'Values outside 0-100 in column "{kolom}": {baris} rows{contoh}.',
    ),
    "level_di_luar_rentang": (
        'Nilai di luar 1-5 pada kolom "{kolom}": {baris} baris{contoh}.',
        'Values outside 1-5 in column "{kolom}": {baris} rows{contoh}.',
    ),
    "periode_kosong": (
        'Periode kosong pada kolom "{kolom}": {baris} baris.',
        'Period is empty in column "{kolom}": {baris} rows.',
    ),
    "periode_tidak_sah": (
        ('Periode harus tahun bulat {min}-{maks}; kolom "{kolom}" tidak memenuhi pada '
         "{baris} baris{contoh}."),
        ('The period must be a whole year {min}-{maks}; column "{kolom}" does not meet this '
         "in {baris} rows{contoh}."),
    ),
    "periode_folder_tidak_sah": (
        "Nama folder tidak menyebut satu tahun periode yang sah ({min}-{maks}): {folder}.",
        "The folder name does not give one valid period year ({min}-{maks}): {folder}.",
    ),
    "periode_bentrok": (
        ('Folder menyebut periode {folder}, tetapi kolom "{kolom}" berisi tahun lain pada '
         "{baris} baris{contoh}."),
        ('The folder says period {folder}, but column "{kolom}" holds another year in '
         "{baris} rows{contoh}."),
    ),
    "teks_kosong": (
        'Kolom "{kolom}" kosong pada {baris} baris.',
        'Column "{kolom}" is empty in {baris} rows.',
    ),
    "provinsi_tidak_dikenal": (
        ('Nama provinsi tidak dikenal di kolom "{kolom}": {daftar}{lainnya}. '
         'Gunakan nama resmi, mis. "Jawa Barat".'),
        ('Unknown province names in column "{kolom}": {daftar}{lainnya}. '
         'Use the official names, e.g. "Jawa Barat".'),
    ),
    "skala_0_1": (
        ("Skor tampaknya berskala 0-1, bukan 0-100: semua {baris} skor di kolom {kolom} "
         "bernilai 1 atau kurang (terendah {min}; tertinggi {maks}). Kalikan skor dengan 100, "
         "atau ekspor ulang dalam skala 0-100."),
        ("The scores seem to be on a 0-1 scale, not 0-100: all {baris} scores in columns "
         "{kolom} are 1 or less (lowest {min}, highest {maks}). Multiply the scores by 100, "
         "or export them again on the 0-100 scale."),
    ),
    "skala_1_5": (
        ("Skor tampaknya berskala 1-5 (jawaban kuesioner), bukan 0-100: semua {baris} skor di "
         "kolom {kolom} bernilai 5 atau kurang (terendah {min}; tertinggi {maks}). Ekspor ulang "
         "skor indeks dalam skala 0-100; bila ini rata-rata jawaban 1-5, (skor − 1) × 25 "
         "mengubahnya ke 0-100."),
        ("The scores seem to be on a 1-5 scale (questionnaire answers), not 0-100: all "
         "{baris} scores in columns {kolom} are 5 or less (lowest {min}, highest {maks}). "
         "Export the index scores again on the 0-100 scale; if these are mean answers on "
         "1-5, (score − 1) × 25 turns them into 0-100."),
    ),
    "skor_seragam": (
        ("Setiap responden mendapat skor yang sama persis di {daftar}. Pada survei sungguhan "
         "ini hampir mustahil: biasanya kolom terisi nilai tetap atau rumus yang tersalin, "
         "atau kolomnya tertukar. Periksa ekspornya dan isi skor tiap responden."),
        ("Every respondent has exactly the same score in {daftar}. In a real survey this is "
         "almost impossible: usually the column was filled with a constant or a copied "
         "formula, or columns were swapped. Check the export and fill in each respondent's "
         "score."),
    ),
    "periode_melonjak": (
        ("Periode {periode} ditahan: indeks nasionalnya {indeks}, berubah {selisih} poin dari "
         "periode {sebelumnya} ({indeks_sebelumnya}), lebih dari {batas} poin. Perubahan sebesar "
         "ini hampir selalu kesalahan data: skor berskala lain (mis. 1-5 atau 0-1) di sebagian "
         "berkas, atau ekstrak sebagian (hanya sebagian instansi atau wilayah). Periksa berkas "
         "periode {periode}. Bila angkanya memang benar, tulis {periode} di berkas teks "
         "\"{berkas_lepas}\" di folder data untuk melepaskannya."),
        ("Period {periode} is held: its national index is {indeks}, {selisih} points from "
         "period {sebelumnya} ({indeks_sebelumnya}), more than {batas} points. A change this "
         "large is almost always a data error: scores on another scale (e.g. 1-5 or 0-1) in "
         "some files, or a partial extract (only some agencies or regions). Check the files of "
         "period {periode}. If the figures are right, write {periode} in the text file "
         "\"{berkas_lepas}\" in the data folder to release it."),
    ),
    "responden_ganda": (
        ("Responden ganda (periode dan responden_id sama): {n_id} ID muncul lebih dari "
         "sekali, {baris} baris{contoh}."),
        ("Duplicate respondents (same periode and responden_id): {n_id} IDs appear more "
         "than once, {baris} rows{contoh}."),
    ),
    # pieces
    "contoh": (" (contoh: {isi})", " (e.g. {isi})"),
    "csv_kolom": (" (baris {baris_ke} berisi {ditemukan} kolom, padahal judulnya {harapan})",
                  " (line {baris_ke} has {ditemukan} fields, the header has {harapan})"),
    "csv_kutip": (" (baris {baris_ke}: tanda kutip tidak ditutup)",
                  " (line {baris_ke}: a quote is not closed)"),
    "csv_baris": (" (baris {baris_ke})", " (line {baris_ke})"),
    "seragam_satu": ('kolom "{kolom}" (semua {baris} skor bernilai {nilai})',
                     'column "{kolom}" (all {baris} scores are {nilai})'),
    "dan": ("dan", "and"),
    "n_baris": ("{n} baris", "{n} rows"),
    "lainnya": (", dan {n} nama lain", ", and {n} more names"),
    # what a column holds / should hold
    "jenis_teks": ("teks", "text"),
    "jenis_bulat": ("bilangan bulat", "whole numbers"),
    "jenis_desimal": ("angka desimal", "decimal numbers"),
    "jenis_tanggal": ("tanggal/waktu", "dates/times"),
    "jenis_benar_salah": ("nilai benar/salah", "true/false values"),
    "jenis_lain": ("data jenis {tipe}", "data of type {tipe}"),
    "harapan_angka": ("angka", "numbers"),
    "harapan_teks": ("teks", "text"),
    "harapan_tahun": ("tahun berupa bilangan bulat", "a year as a whole number"),
    "harapan_level": ("bilangan bulat 1-5", "whole numbers 1-5"),
    "harapan_id": ("teks atau bilangan bulat", "text or whole numbers"),
    "saran_angka_koma": (
        "simpan sebagai angka dengan titik desimal",
        "save it as numbers with a decimal point",
    ),
    "saran_angka": ("simpan sebagai angka", "save it as numbers"),
    "saran_teks": ("simpan sebagai teks", "save it as text"),
    "saran_tahun": ("simpan tahun sebagai bilangan bulat, mis. 2024",
                    "save the year as a whole number, e.g. 2024"),
    "saran_level": ("simpan sebagai bilangan bulat 1-5", "save it as whole numbers 1-5"),
}

# What each contract column should hold: (harapan, saran) text keys.
_HARAPAN: dict[str, tuple[str, str]] = {
    "periode": ("harapan_tahun", "saran_tahun"),
    "responden_id": ("harapan_id", "saran_teks"),
    kontrak.LEVEL: ("harapan_level", "saran_level"),
    **{k: ("harapan_angka", "saran_angka") for k in kontrak.KUNCI_NILAI},
    **{k: ("harapan_teks", "saran_teks") for k in (*kontrak.WAJIB_TEKS[1:], *kontrak.OPSIONAL_TEKS)},
}


def _angka(x: float, lang: str) -> str:
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    teks_ = repr(float(x))
    return teks_.replace(".", ",") if lang == "id" else teks_


def _contoh(nilai: list, lang: str) -> str:
    """' (contoh: 120, -5)'; text shown in quotes, numbers the reader's way."""
    if not nilai:
        return ""
    angka = [_angka(float(v), lang) for v in nilai if not isinstance(v, str)]
    bagian = [f'"{v}"' if isinstance(v, str) else _angka(float(v), lang) for v in nilai]
    pemisah = "; " if any("," in a for a in angka) else ", "  # 62,5; 70,1 stays readable
    return teks(TEKS, "contoh", lang, isi=pemisah.join(bagian))


def _teks_tipe_salah(r: dict, lang: str) -> str:
    harapan, saran = _HARAPAN[r["kanon"]]
    contoh = r.get("contoh") or []
    if saran == "saran_angka" and any("," in str(c) for c in contoh):
        saran = "saran_angka_koma"
    ditemukan = teks(TEKS, f"jenis_{r['ditemukan']}", lang, tipe=r.get("tipe", ""))
    return teks(TEKS, "tipe_salah", lang, kolom=r["kolom"], ditemukan=ditemukan,
                harapan=teks(TEKS, harapan, lang), contoh=_contoh(contoh, lang),
                saran=teks(TEKS, saran, lang))


def _teks_kolom_ganda(r: dict, lang: str) -> str:
    dan = f' {teks(TEKS, "dan", lang)} '
    grup = "; ".join(dan.join(f'"{n}"' for n in g) for g in r["grup"])
    return teks(TEKS, "kolom_ganda", lang, grup=grup)


def _teks_provinsi(r: dict, lang: str) -> str:
    daftar = ", ".join(
        f'"{nama}" ({teks(TEKS, "n_baris", lang, n=bulat(n, lang))})' for nama, n in r["nama"]
    )
    sisa = r["n_nama"] - len(r["nama"])
    lainnya = teks(TEKS, "lainnya", lang, n=sisa) if sisa > 0 else ""
    return teks(TEKS, "provinsi_tidak_dikenal", lang, kolom=r["kolom"], daftar=daftar,
                lainnya=lainnya)


def _teks_umum(alasan: Alasan, lang: str) -> str:
    r = dict(alasan.rincian)
    if "baris" in r:
        r["baris"] = bulat(r["baris"], lang)
    if "n_id" in r:
        r["n_id"] = bulat(r["n_id"], lang)
    r["contoh"] = _contoh(r.get("contoh") or [], lang)
    if isinstance(r.get("kolom"), list):
        r["kolom"] = ", ".join(r["kolom"])
    if isinstance(r.get("folder"), list):
        r["folder"] = ", ".join(r["folder"])
    r.setdefault("min", kontrak.PERIODE_MIN)
    r.setdefault("maks", kontrak.PERIODE_MAKS)
    return teks(TEKS, alasan.kode, lang, **r)


def _teks_kolom_daftar(kolom: list[str], lang: str) -> str:
    dan = f' {teks(TEKS, "dan", lang)} '
    nama = [f'"{k}"' for k in kolom]
    return nama[0] if len(nama) == 1 else ", ".join(nama[:-1]) + dan + nama[-1]


def _teks_skala(kode: str):
    def tulis(r: dict, lang: str) -> str:
        return teks(TEKS, kode, lang, baris=bulat(r["baris"], lang),
                    kolom=_teks_kolom_daftar(r["kolom"], lang),
                    min=_angka(r["min"], lang), maks=_angka(r["maks"], lang))
    return tulis


def _teks_seragam(r: dict, lang: str) -> str:
    bagian = [teks(TEKS, "seragam_satu", lang, kolom=k, baris=bulat(n, lang),
                   nilai=_angka(v, lang)) for k, v, n in r["kolom"]]
    dan = f' {teks(TEKS, "dan", lang)} '
    daftar = bagian[0] if len(bagian) == 1 else "; ".join(bagian[:-1]) + ";" + dan + bagian[-1]
    return teks(TEKS, "skor_seragam", lang, daftar=daftar)


def _teks_csv(r: dict, lang: str) -> str:
    if "harapan" in r and "baris_ke" in r:
        lokasi = teks(TEKS, "csv_kolom", lang, **r)
    elif r.get("kutip") and "baris_ke" in r:
        lokasi = teks(TEKS, "csv_kutip", lang, **r)
    elif "baris_ke" in r:
        lokasi = teks(TEKS, "csv_baris", lang, **r)
    else:
        lokasi = ""
    pemisah = r.get("pemisah", ";")
    return teks(TEKS, "bukan_csv", lang, lokasi=lokasi,
                pemisah=pemisah if pemisah == "tab" else f'"{pemisah}"')


def _teks_lembar(r: dict, lang: str) -> str:
    return teks(TEKS, "lembar_tanpa_kolom", lang,
                lembar=", ".join(f'"{n}"' for n in r["lembar"]) or "-")


def _teks_lonjakan(r: dict, lang: str) -> str:
    return teks(TEKS, "periode_melonjak", lang, periode=r["periode"],
                indeks=desimal(r["indeks"], lang), sebelumnya=r["sebelumnya"],
                indeks_sebelumnya=desimal(r["indeks_sebelumnya"], lang),
                selisih=desimal(r["indeks"] - r["indeks_sebelumnya"], lang, tanda=True),
                batas=desimal(r["batas"], lang, 0), berkas_lepas=r["berkas_lepas"])


_PENULIS = {
    "periode_melonjak": _teks_lonjakan,
    "bukan_csv": _teks_csv,
    "lembar_tanpa_kolom": _teks_lembar,
    "skala_0_1": _teks_skala("skala_0_1"),
    "skala_1_5": _teks_skala("skala_1_5"),
    "skor_seragam": _teks_seragam,
    "tipe_salah": _teks_tipe_salah,
    "kolom_ganda": _teks_kolom_ganda,
    "provinsi_tidak_dikenal": _teks_provinsi,
}


def teks_alasan(alasan: Alasan, lang: str = BAKU) -> str:
    """One reason as a short plain-language sentence, Indonesian (default) or English."""
    penulis = _PENULIS.get(alasan.kode)
    return penulis(alasan.rincian, lang) if penulis else _teks_umum(alasan, lang)


# --------------------------------------------------------------------------- structure


def _relatif(path: Path, akar: Path) -> str:
    try:
        return path.resolve().relative_to(akar.resolve()).as_posix()
    except ValueError:
        return path.name


def _periode_folder(relatif: str) -> tuple[int | None, list[str]]:
    """The year named by `periode=` folders and those folder names (empty if none)."""
    segmen = [s for s in relatif.split("/")[:-1] if _POLA_FOLDER.fullmatch(s)]
    nilai = {_POLA_FOLDER.fullmatch(s).group(1).strip() for s in segmen}
    if len(nilai) == 1:
        (v,) = nilai
        if v.isdigit() and kontrak.PERIODE_MIN <= int(v) <= kontrak.PERIODE_MAKS:
            return int(v), segmen
    return None, segmen


def _jenis(tipe: pa.DataType) -> str:
    """The kind of data a Parquet column holds: teks, bulat, desimal, tanggal, ..."""
    if pa.types.is_dictionary(tipe):
        return _jenis(tipe.value_type)
    if pa.types.is_null(tipe):
        return "null"
    if pa.types.is_string(tipe) or pa.types.is_large_string(tipe) or pa.types.is_string_view(tipe):
        return "teks"
    if pa.types.is_integer(tipe):
        return "bulat"
    if pa.types.is_floating(tipe) or pa.types.is_decimal(tipe):
        return "desimal"
    if pa.types.is_temporal(tipe):
        return "tanggal"
    if pa.types.is_boolean(tipe):
        return "benar_salah"
    return "lain"


def _jenis_diterima(kanon: str) -> set[str]:
    if kanon in kontrak.KUNCI_NILAI or kanon in ("periode", kontrak.LEVEL):
        return {"bulat", "desimal", "null"}  # whole numbers are checked in the data
    if kanon == "responden_id":
        return {"teks", "bulat", "null"}
    return {"teks", "null"}


def _contoh_berkas(pf: pq.ParquetFile, asli: str) -> list:
    """A few distinct non-blank values from the start of one column, for a message."""
    contoh: list = []
    try:
        batch = next(pf.iter_batches(batch_size=256, columns=[asli]), None)
    except _GALAT_BACA:  # examples are a courtesy; a damaged page must not stop the check
        return contoh
    if batch is not None:
        for v in batch.column(0).to_pylist():
            if v is not None and str(v).strip() and v not in contoh:
                contoh.append(v if isinstance(v, (str, int, float)) else str(v))
            if len(contoh) == N_CONTOH:
                break
    return contoh


def _petakan_kolom(nama: list[str]) -> tuple[dict[str, str], list[list[str]], tuple[str, ...]]:
    """canonical -> raw name for contract columns, groups of clashing names, extra names."""
    grup: dict[str, list[str]] = {}
    for n in nama:
        grup.setdefault(kontrak.normalisasi_nama_kolom(n), []).append(n)
    ganda = [g for g in grup.values() if len(g) > 1]
    kolom = {k: g[0] for k, g in grup.items() if k in kontrak.SEMUA_KOLOM and len(g) == 1}
    lain = tuple(n for n in nama if kontrak.normalisasi_nama_kolom(n) not in kontrak.SEMUA_KOLOM)
    return kolom, ganda, lain


def _alasan_tipe(pf: pq.ParquetFile, kolom: dict[str, str]) -> list[Alasan]:
    skema = pf.schema_arrow
    alasan = []
    for kanon in kontrak.SEMUA_KOLOM:
        asli = kolom.get(kanon)
        if asli is None:
            continue
        tipe = skema.field(asli).type
        jenis = _jenis(tipe)
        if jenis in _jenis_diterima(kanon):
            continue
        contoh = _contoh_berkas(pf, asli) if jenis in ("teks", "bulat", "desimal") else []
        alasan.append(Alasan("tipe_salah", {"kolom": asli, "kanon": kanon, "ditemukan": jenis,
                                            "tipe": str(tipe), "contoh": contoh}))
    return alasan


def _alasan_struktur(hasil: HasilValidasi, pf: pq.ParquetFile) -> list[Alasan]:
    """Fill in the column mapping and return every structural problem of the file."""
    kolom, ganda, lain = _petakan_kolom(list(pf.schema_arrow.names))
    hasil.kolom, hasil.kolom_lain = kolom, lain
    folder, segmen = _periode_folder(hasil.relatif)
    alasan = [Alasan("kolom_ganda", {"grup": ganda})] if ganda else []
    if segmen and folder is None:
        alasan.append(Alasan("periode_folder_tidak_sah", {"folder": segmen}))
    elif folder is not None and "periode" not in kolom:
        hasil.konstanta["periode"] = folder
    diklaim = {kontrak.normalisasi_nama_kolom(n) for g in ganda for n in g}
    hilang = [k for k in kontrak.WAJIB
              if k not in kolom and k not in hasil.konstanta and k not in diklaim
              and not (k == "periode" and segmen)]
    if hilang:
        alasan.append(Alasan("kolom_wajib_tidak_ada", {"kolom": hilang}))
    hasil.konstanta.update({k: None for k in kontrak.OPSIONAL if k not in kolom})
    return alasan + _alasan_tipe(pf, kolom)


# --------------------------------------------------------------------------- data


def _asli(hasil: HasilValidasi, kanon: str) -> str:
    return hasil.kolom.get(kanon, kanon)


def _contoh_db(basis: db.Basis, nama: str, params: dict, kolom: str | None = None) -> list:
    ident = {"kolom": kolom} if kolom else None
    df = basis.jalankan(nama, {**params, "contoh": N_CONTOH}, ident)
    return [float(v) for v in df["nilai"]]


def _alasan_periode(basis: db.Basis, hasil: HasilValidasi, r: dict) -> list[Alasan]:
    kol = _asli(hasil, "periode")
    alasan = []
    if r["periode_kosong"]:
        alasan.append(Alasan("periode_kosong", {"kolom": kol, "baris": r["periode_kosong"]}))
    if r["periode_tidak_sah"]:
        params = {"periode_min": kontrak.PERIODE_MIN, "periode_maks": kontrak.PERIODE_MAKS}
        contoh = _contoh_db(basis, "validasi_contoh_periode", params)
        alasan.append(Alasan("periode_tidak_sah", {"kolom": kol, "baris": r["periode_tidak_sah"],
                                                   "contoh": contoh}))
    folder, _ = _periode_folder(hasil.relatif)
    if r["periode_bentrok"] and folder is not None:
        lain = [p for p in hasil.periode if p != folder][:N_CONTOH]
        alasan.append(Alasan("periode_bentrok", {"kolom": kol, "folder": folder,
                                                 "baris": r["periode_bentrok"], "contoh": lain}))
    return alasan


def _alasan_teks(hasil: HasilValidasi, r: dict, hilang: set[str]) -> list[Alasan]:
    return [Alasan("teks_kosong", {"kolom": _asli(hasil, k), "baris": r[f"kosong_{k}"]})
            for k in kontrak.WAJIB_TEKS if k not in hilang and r[f"kosong_{k}"]]


def _alasan_provinsi(basis: db.Basis, hasil: HasilValidasi, r: dict) -> list[Alasan]:
    if not r["provinsi_asing"]:
        return []
    df = basis.jalankan("validasi_contoh_provinsi",
                        {"provinsi": list(kontrak.PROVINSI), "contoh": N_CONTOH_PROVINSI})
    nama = [(str(p), int(n)) for p, n in zip(df["provinsi"], df["n"], strict=True)]
    n_nama = int(df["n_nama"].iloc[0]) if len(df) else 0
    return [Alasan("provinsi_tidak_dikenal", {"kolom": _asli(hasil, "provinsi"), "nama": nama,
                                              "n_nama": n_nama, "baris": r["provinsi_asing"]})]


def _alasan_nilai(basis: db.Basis, hasil: HasilValidasi, r: dict) -> list[Alasan]:
    alasan = []
    for k in kontrak.KUNCI_NILAI:
        if r[f"luar_{k}"]:
            contoh = _contoh_db(basis, "validasi_contoh_nilai", {}, kolom=k)
            alasan.append(Alasan("nilai_di_luar_rentang", {"kolom": _asli(hasil, k),
                                                           "baris": r[f"luar_{k}"],
                                                           "contoh": contoh}))
    if r["luar_level"]:
        contoh = _contoh_db(basis, "validasi_contoh_level", {})
        alasan.append(Alasan("level_di_luar_rentang", {"kolom": _asli(hasil, kontrak.LEVEL),
                                                       "baris": r["luar_level"],
                                                       "contoh": contoh}))
    return alasan


def _alasan_skala(hasil: HasilValidasi, r: dict, kolom: list[str]) -> list[Alasan]:
    """Columns whose scores are all on a 0-1 or a 1-5 scale, one reason per scale."""
    alasan = []
    satu = [k for k in kolom if r[f"maks_{k}"] <= 1]
    for kode, grup in (("skala_0_1", satu), ("skala_1_5", [k for k in kolom if k not in satu])):
        if grup:
            alasan.append(Alasan(kode, {
                "kolom": [_asli(hasil, k) for k in grup],
                "baris": sum(r[f"n_{k}"] for k in grup),
                "min": min(r[f"min_{k}"] for k in grup),
                "maks": max(r[f"maks_{k}"] for k in grup),
            }))
    return alasan


def _alasan_wajar(hasil: HasilValidasi, r: dict) -> list[Alasan]:
    """Plausibility: scores that are all at most 5 (a 1-5 scale) or at most 1 (0-1) in the
    whole file, or in a value answered by MIN_SKOR_SERAGAM or more; a value whose scores
    (MIN_SKOR_SERAGAM or more) are all one and the same number."""
    ada = [k for k in kontrak.KUNCI_NILAI if r[f"n_{k}"] and r[f"maks_{k}"] is not None]
    if not ada:
        return []
    if all(r[f"maks_{k}"] <= 5 for k in ada):  # every score of the file: a scale, not a value
        return _alasan_skala(hasil, r, ada)
    banyak = [k for k in ada if r[f"n_{k}"] >= MIN_SKOR_SERAGAM]
    seragam = [k for k in banyak if r[f"min_{k}"] == r[f"maks_{k}"]]
    alasan = _alasan_skala(hasil, r, [k for k in banyak
                                      if k not in seragam and r[f"maks_{k}"] <= 5])
    if seragam:
        alasan.append(Alasan("skor_seragam", {"kolom": [
            (_asli(hasil, k), r[f"min_{k}"], r[f"n_{k}"]) for k in seragam]}))
    return alasan


def _alasan_ganda(r: dict | None) -> list[Alasan]:
    """Duplicate respondents, from the file's row of queries/validasi_ganda.sql (None: none)."""
    if r is None or not r["n_id"]:
        return []
    contoh = [str(v) for v in r["contoh"]] if _daftar(r["contoh"]) else []
    return [Alasan("responden_ganda", {"n_id": int(r["n_id"]), "baris": int(r["n_baris"]),
                                       "contoh": contoh})]


def _params_ringkasan(relatif: str) -> dict:
    return {"provinsi": list(kontrak.PROVINSI), "periode_min": kontrak.PERIODE_MIN,
            "periode_maks": kontrak.PERIODE_MAKS, "periode_folder": _periode_folder(relatif)[0]}


def _ringkasan_baris(baris: pd.Series) -> dict:
    """One file's row of queries/validasi_ringkasan.sql as plain Python values."""
    r: dict[str, Any] = {}
    for k, v in baris.items():
        if k == "filename":
            continue
        if k == "periode_ada":
            r[k] = tuple(sorted(int(p) for p in v)) if _daftar(v) else ()
        elif k.startswith(("min_", "maks_")):
            r[k] = None if v is None or math.isnan(float(v)) else float(v)
        else:
            r[k] = int(v)
    return r


def _daftar(nilai: Any) -> bool:
    """Whether a DuckDB list value read through pandas is a real list (not NULL)."""
    return not kontrak.kosong(nilai)  # None, NaN or pandas' NA (a column of NULLs)


@dataclass(frozen=True)
class _Terpakai:
    """What the data checks can read: the view's columns and constants, and the contract
    columns that cannot be checked (missing, clashing, of the wrong type)."""

    kolom: dict[str, str]
    konstanta: dict[str, Any]
    hilang: frozenset[str]


def _terpakai(hasil: HasilValidasi, struktur: list[Alasan]) -> _Terpakai:
    salah = {a.rincian["kanon"] for a in struktur if a.kode == "tipe_salah"}
    kolom = {k: v for k, v in hasil.kolom.items() if k not in salah}
    konstanta = dict(hasil.konstanta)
    hilang = set()
    for k in kontrak.SEMUA_KOLOM:
        if k not in kolom and konstanta.get(k) is None:
            konstanta[k] = None  # a NULL column: its counts are zero, its reasons left out
            hilang.add(k)
    return _Terpakai(kolom, konstanta, frozenset(hilang))


def _perlu_contoh(r: dict, hilang: frozenset[str]) -> bool:
    """Whether the file's reasons need example values read from the file itself (then it is
    checked alone, with view `berkas` on it only)."""
    return bool((r["periode_tidak_sah"] and "periode" not in hilang)
                or (r["provinsi_asing"] and "provinsi" not in hilang)
                or r["luar_level"] or any(r[f"luar_{k}"] for k in kontrak.KUNCI_NILAI))


def _alasan_dari(basis: db.Basis, hasil: HasilValidasi, pakai: _Terpakai, r: dict,
                 ganda: dict | None) -> list[Alasan]:
    """Every data problem of one file from its rows of the check queries; example values are
    read through view `berkas`, which must then show this file alone."""
    hilang = pakai.hilang
    hasil.baris, hasil.n_instansi, hasil.periode = r["baris"], r["n_instansi"], r["periode_ada"]
    return [
        *(_alasan_periode(basis, hasil, r) if "periode" not in hilang else []),
        *_alasan_teks(hasil, r, hilang),
        *(_alasan_provinsi(basis, hasil, r) if "provinsi" not in hilang else []),
        *_alasan_nilai(basis, hasil, r),
        *_alasan_wajar(hasil, r),
        *(_alasan_ganda(ganda) if not {"periode", "responden_id"} & hilang else []),
    ]


def _periksa_data(basis: db.Basis, anggota: list[tuple[HasilValidasi, _Terpakai]]) -> dict[int, list[Alasan]]:
    """The data problems of files that share their column mapping, constants and folder period
    (so one view shows them all), with two queries for all of them (grouped by file). A file
    whose reasons need examples from the file is checked again alone (same queries, so the
    same result as a file checked on its own). Keys: positions in ``anggota``."""
    hasil0, pakai0 = anggota[0]
    daftar = [str(h.path.resolve()) for h, _ in anggota]
    with basis.kunci:
        basis.tampilkan_berkas("berkas", [Path(p) for p in daftar], pakai0.kolom, pakai0.konstanta)
        ringkas = basis.jalankan("validasi_ringkasan", _params_ringkasan(hasil0.relatif))
        r_per = {str(b["filename"]): _ringkasan_baris(b) for _, b in ringkas.iterrows()}
        ganda_per: dict[str, dict] = {}
        if not {"periode", "responden_id"} & pakai0.hilang:
            df = basis.jalankan("validasi_ganda", {"contoh": N_CONTOH})
            ganda_per = {str(b["filename"]): dict(b) for _, b in df.iterrows()}
        keluar: dict[int, list[Alasan]] = {}
        sendiri = []
        for i, ((hasil, pakai), nama) in enumerate(zip(anggota, daftar, strict=True)):
            r = r_per[nama]
            if len(anggota) > 1 and _perlu_contoh(r, pakai.hilang):
                sendiri.append(i)
            else:
                keluar[i] = _alasan_dari(basis, hasil, pakai, r, ganda_per.get(nama))
    for i in sendiri:
        keluar[i] = _periksa_data(basis, [anggota[i]])[0]
    return keluar


# --------------------------------------------------------------------------- entry point


def _tidak_terbaca(hasil: HasilValidasi, galat: Exception, sekarang: float,
                   kode: str = "bukan_parquet", rincian: dict | None = None) -> HasilValidasi:
    try:
        umur = sekarang - hasil.path.stat().st_mtime
    except OSError:
        umur = math.inf
    if umur < DETIK_SALIN:
        hasil.status = MENUNGGU
        hasil.alasan = [Alasan("sedang_disalin", {"detik": max(0, int(umur))})]
    else:
        hasil.alasan = [Alasan(kode, {"galat": str(galat)[:300], **(rincian or {})})]
    return hasil


# Files checked in one query at most (and their rows): bounds the memory of the duplicate check.
MAKS_BERKAS_SEKALI, MAKS_BARIS_SEKALI = 500, 2_000_000


@dataclass
class _Siap:
    """A file whose structure is known and whose data is still to be checked."""

    hasil: HasilValidasi
    pakai: _Terpakai
    struktur: list[Alasan]
    kelompok: tuple  # files with the same key are checked in one query


def _siapkan(basis: db.Basis, path: Path, akar: Path, sekarang: float,
             cache: Path | None) -> HasilValidasi | _Siap:
    """A spreadsheet converted, the schema read and its problems found: the final result (a
    file that cannot be read, or is empty), or what the data checks need."""
    path = Path(path)
    hasil = HasilValidasi(path=path, relatif=_relatif(path, Path(akar)), status=DITOLAK)
    if konversi.perlu(path):
        try:
            path = konversi.ke_parquet(basis, path, cache)
        except konversi.GagalBaca as galat:
            return _tidak_terbaca(hasil, galat, sekarang, galat.kode, galat.rincian)
        except konversi.TanpaLembar as galat:
            hasil.alasan = [Alasan("lembar_tanpa_kolom", {"lembar": galat.lembar})]
            return hasil
        except Exception as galat:  # an odd file must not stop the dashboard
            log.warning("berkas %s tidak bisa dikonversi", path, exc_info=True)
            return _tidak_terbaca(hasil, galat, sekarang, konversi.kode_galat(path))
        hasil.path = path
    try:
        pf = pq.ParquetFile(path)
        pf.schema_arrow, pf.metadata  # noqa: B018 - both must be readable
    except _GALAT_BACA as galat:  # not Parquet, truncated, or gone
        return _tidak_terbaca(hasil, galat, sekarang)
    with pf:
        hasil.baris = pf.metadata.num_rows
        struktur = _alasan_struktur(hasil, pf)
        if hasil.baris == 0:
            hasil.alasan = struktur + [Alasan("kosong", {})]
            hasil.status = DITOLAK
            return hasil
        pakai = _terpakai(hasil, struktur)
        skema = pf.schema_arrow
        kelompok = (tuple(pakai.kolom.items()),
                    tuple((k, repr(v)) for k, v in pakai.konstanta.items()),
                    tuple(str(skema.field(a).type) for a in pakai.kolom.values()),
                    pakai.hilang, _periode_folder(hasil.relatif)[0])
    return _Siap(hasil, pakai, struktur, kelompok)


def _periksa_bersama(basis: db.Basis, siap: list[_Siap]) -> None:
    """The data checks of files in one group (see :func:`_periksa_data`); a file that cannot
    be read (a damaged page) is rejected alone, never taking the others down."""
    try:
        data = _periksa_data(basis, [(x.hasil, x.pakai) for x in siap])
    except db.KolomTidakDiizinkan:
        raise
    except Exception as galat:
        if len(siap) > 1:  # find the damaged one: each file alone
            for x in siap:
                _periksa_bersama(basis, [x])
            return
        hasil = siap[0].hasil
        log.warning("isi berkas %s tidak terbaca", hasil.path, exc_info=True)
        # with structure problems already named, a failing scan adds nothing useful
        data = {0: [] if siap[0].struktur else [Alasan("rusak", {"galat": str(galat)[:300]})]}
        try:
            hasil.baris = pq.read_metadata(hasil.path).num_rows
        except _GALAT_BACA:
            pass
    for i, x in enumerate(siap):
        x.hasil.alasan = x.struktur + data[i]
        x.hasil.status = DITOLAK if x.hasil.alasan else DIMUAT


def _potong(siap: list[_Siap]):
    """Groups of at most MAKS_BERKAS_SEKALI files and (unless one file) MAKS_BARIS_SEKALI rows."""
    potong: list[_Siap] = []
    baris = 0
    for x in siap:
        if potong and (len(potong) >= MAKS_BERKAS_SEKALI or baris + x.hasil.baris > MAKS_BARIS_SEKALI):
            yield potong
            potong, baris = [], 0
        potong.append(x)
        baris += x.hasil.baris
    if potong:
        yield potong


def validasi_banyak(basis: db.Basis, paths: list[Path], akar: Path, sekarang: float | None = None,
                    cache: Path | None = None) -> list[HasilValidasi]:
    """Check several extracts under data root ``akar``; each gets exactly the result
    :func:`validasi_berkas` gives it alone, but files with the same columns are checked
    together, a few queries for hundreds of files (grouped by file), which is what makes a
    folder of thousands of small files quick: the cost was preparing queries, not reading."""
    sekarang = time.time() if sekarang is None else sekarang
    hasil: list[HasilValidasi] = []
    kelompok: dict[tuple, list[_Siap]] = {}
    for path in paths:
        x = _siapkan(basis, path, akar, sekarang, cache)
        if isinstance(x, _Siap):
            kelompok.setdefault(x.kelompok, []).append(x)
            hasil.append(x.hasil)
        else:
            hasil.append(x)
    for siap in kelompok.values():
        for potong in _potong(siap):
            _periksa_bersama(basis, potong)
    return hasil


def validasi_berkas(basis: db.Basis, path: Path, akar: Path,
                    sekarang: float | None = None, cache: Path | None = None) -> HasilValidasi:
    """Check one extract under data root ``akar``: loaded whole or rejected whole.

    A ``.csv`` or ``.xlsx`` file is converted to Parquet in ``cache`` (default: the cache
    folder, BERAKHLAK_CACHE_DIR) first; the result keeps the original relative name and
    points ``path`` at the converted file, which is what is loaded.
    """
    return validasi_banyak(basis, [path], akar, sekarang, cache)[0]
