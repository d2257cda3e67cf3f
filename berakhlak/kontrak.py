"""The survey data contract: column names, the seven values, categories, provinces.

Everything that names a column comes from here, so SQL identifiers are only ever taken
from the allow-list below (``KOLOM_IZIN``).
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

# The seven BerAKHLAK values, in their official order: key -> (label id, label en).
NILAI: dict[str, tuple[str, str]] = {
    "berorientasi_pelayanan": ("Berorientasi Pelayanan", "Service-oriented"),
    "akuntabel": ("Akuntabel", "Accountable"),
    "kompeten": ("Kompeten", "Competent"),
    "harmonis": ("Harmonis", "Harmonious"),
    "loyal": ("Loyal", "Loyal"),
    "adaptif": ("Adaptif", "Adaptive"),
    "kolaboratif": ("Kolaboratif", "Collaborative"),
}
KUNCI_NILAI: tuple[str, ...] = tuple(NILAI)

# Short column prefixes used in the rollup for each value (keeps SQL readable).
SINGKAT: dict[str, str] = {
    "berorientasi_pelayanan": "bp",
    "akuntabel": "ak",
    "kompeten": "ko",
    "harmonis": "ha",
    "loyal": "lo",
    "adaptif": "ad",
    "kolaboratif": "kl",
}

WAJIB_TEKS: tuple[str, ...] = ("responden_id", "instansi", "provinsi")
WAJIB: tuple[str, ...] = ("periode", *WAJIB_TEKS, *KUNCI_NILAI)

# Optional text columns used when present.
OPSIONAL_TEKS: tuple[str, ...] = (
    "jenis_instansi",
    "kabupaten_kota",
    "unit_kerja",
    "jenis_kelamin",
    "kelompok_usia",
    "jenis_jabatan",
    "golongan",
    "masa_kerja",
    "status_kepegawaian",
)
LEVEL = "level_sosio_emosional"
OPSIONAL: tuple[str, ...] = (*OPSIONAL_TEKS, LEVEL)
SEMUA_KOLOM: tuple[str, ...] = (*WAJIB, *OPSIONAL)

# Filters every page reads from the URL, in the order they narrow a selection.
FILTER: tuple[str, ...] = (
    "periode",
    "jenis_instansi",
    "provinsi",
    "kabupaten_kota",
    "instansi",
    "unit_kerja",
)
DIMENSI_DEMOGRAFI: tuple[str, ...] = (
    "jenis_kelamin",
    "kelompok_usia",
    "jenis_jabatan",
    "golongan",
    "masa_kerja",
    "status_kepegawaian",
)

# Socio-emotional levels 1-5.
LEVEL_SOSIO: dict[int, tuple[str, str]] = {
    1: ("Dependent", "Dependent"),
    2: ("Ego-dependent", "Ego-dependent"),
    3: ("Socio-dependent", "Socio-dependent"),
    4: ("Intra-dependent", "Intra-dependent"),
    5: ("Inter-dependent", "Inter-dependent"),
}

# Label used in the rollup for a blank optional text value or a column a file lacks.
KOSONG = "(tidak diisi)"
KOSONG_EN = "(not given)"

# The known groups of each demographic dimension, in their natural order (the order they are
# listed in tables and charts), each with its English label. Values the data uses but this list
# does not know come after the known ones (in natural text order: "9" before "10"), and a
# blank (KOSONG) always comes last. Matching ignores case and spaces ("< 30" = "<30").
KELOMPOK_DEMOGRAFI: dict[str, dict[str, str]] = {
    "jenis_kelamin": {"Laki-laki": "Male", "Perempuan": "Female"},
    "kelompok_usia": {"< 30": "< 30", "30-39": "30-39", "40-49": "40-49", "50+": "50+"},
    "jenis_jabatan": {
        "Struktural": "Structural (managerial)",
        "Fungsional": "Functional (specialist)",
        "Pelaksana": "Administrative (pelaksana)",
    },
    "golongan": {"I": "I", "II": "II", "III": "III", "IV": "IV", "PPPK": "PPPK (contract)"},
    "masa_kerja": {
        "< 5 tahun": "< 5 years",
        "5-10 tahun": "5-10 years",
        "11-20 tahun": "11-20 years",
        "> 20 tahun": "> 20 years",
    },
    "status_kepegawaian": {"PNS": "PNS (civil servant)", "PPPK": "PPPK (contract)"},
}


def _kunci_teks(nilai: object) -> str:
    return re.sub(r"\s+", "", str(nilai)).casefold()


_KELOMPOK_KUNCI: dict[str, dict[str, tuple[int, str]]] = {
    dimensi: {_kunci_teks(v): (i, en) for i, (v, en) in enumerate(kelompok.items())}
    for dimensi, kelompok in KELOMPOK_DEMOGRAFI.items()
}


def _urut_alami(teks: str) -> tuple:
    """Text with its runs of digits compared as numbers ("9" before "10")."""
    return tuple((0, int(b), "") if b.isdigit() else (1, 0, b) for b in re.findall(r"\d+|\D+", teks))


def urutan_kelompok(dimensi: str, nilai: object) -> tuple:
    """Sort key of a demographic group: known groups in their natural order, then unknown
    ones (natural text order), then the blank (KOSONG) last."""
    if kosong(nilai) or nilai == KOSONG:
        return (2, 0, ())
    kenal = _KELOMPOK_KUNCI.get(dimensi, {}).get(_kunci_teks(nilai))
    if kenal is not None:
        return (0, kenal[0], ())
    return (1, 0, _urut_alami(_kunci_teks(nilai)))


def label_kelompok(dimensi: str, nilai: object, lang: str = "id") -> str:
    """A demographic group as shown: the data's own text in Indonesian; in English the known
    groups translated ("Laki-laki" -> "Male"), unknown ones as they are, a blank "(not given)"."""
    if kosong(nilai) or nilai == KOSONG:
        return KOSONG_EN if lang == "en" else KOSONG
    if lang != "en":
        return str(nilai)
    kenal = _KELOMPOK_KUNCI.get(dimensi, {}).get(_kunci_teks(nilai))
    return kenal[1] if kenal is not None else str(nilai)

# The only identifiers that may ever be placed into SQL text.
KOLOM_IZIN: frozenset[str] = frozenset(
    {*SEMUA_KOLOM, "grup", "dimensi", "kelompok"}
)

PERIODE_MIN, PERIODE_MAKS = 2000, 2100

PROVINSI: tuple[str, ...] = (
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi",
    "Sumatera Selatan", "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta",
    "Jawa Barat", "Banten", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Bali",
    "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah",
    "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
    "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara",
    "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Tengah",
    "Papua Pegunungan", "Papua Selatan",
)

JENIS_INSTANSI: tuple[str, ...] = (
    "Kementerian", "Lembaga", "Pemerintah Provinsi", "Pemerintah Kabupaten", "Pemerintah Kota",
)

# Categories on the value rounded to one decimal: code, lower bound, label id, label en.
KATEGORI: tuple[tuple[str, float, str, str], ...] = (
    ("A", 75.0, "Sehat", "Healthy"),
    ("B", 50.0, "Cukup Sehat", "Fairly healthy"),
    ("C", 25.0, "Tidak Sehat", "Unhealthy"),
    ("D", 0.0, "Sangat Tidak Sehat", "Very unhealthy"),
)


def normalisasi_nama_kolom(nama: str) -> str:
    """'Berorientasi Pelayanan' and 'BERORIENTASI-PELAYANAN' -> 'berorientasi_pelayanan'."""
    return re.sub(r"[\s\-]+", "_", str(nama).strip()).lower()


def kosong(x) -> bool:
    """Whether a single value is missing: None, NaN or pandas' NA."""
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def baris(df: pd.DataFrame) -> list[dict]:
    """The rows of ``df`` as dicts, as ``df.to_dict("records")`` gives them (Python values,
    NaN kept, pandas' NA as None), column by column instead of through ``itertuples``: about ten times
    faster on the small display frames the charts and stories walk through (issue 11)."""
    kolom = list(df.columns)
    if not kolom:
        return [{} for _ in range(len(df))]
    isi = [[None if v is pd.NA else v for v in df[k].tolist()] for k in kolom]  # NA as to_dict: None
    return [dict(zip(kolom, r, strict=True)) for r in zip(*isi, strict=True)]


def bulatkan(x: float | None) -> float | None:
    """Round half up to one decimal, as the published figures are (74,95 -> 75,0)."""
    if kosong(x):
        return None
    return float(Decimal(repr(float(x))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def kategori(x: float | None) -> str | None:
    """Category code A-D of an index, judged on its value rounded to one decimal."""
    r = bulatkan(x)
    if r is None:
        return None
    for kode, batas, _, _ in KATEGORI:
        if r >= batas:
            return kode
    return "D"


def label_kategori(kode: str, lang: str = "id") -> str:
    for k, _, label_id, label_en in KATEGORI:
        if k == kode:
            return label_id if lang == "id" else label_en
    raise KeyError(kode)


def label_nilai(kunci: str, lang: str = "id") -> str:
    label_id, label_en = NILAI[kunci]
    return label_id if lang == "id" else label_en


# Summed measures of the rollup (queries/agregat_berkas.sql) in column order. For each value
# prefix x in SINGKAT: n_x count of scores, s_x sum, ss_x sum of squares, ka_x..kd_x respondents
# per category; n_idx/s_idx/ss_idx over each respondent's mean; lv1..lv5 per socio-emotional level.
UKURAN: tuple[str, ...] = (
    "n",
    *(f"{p}_{s}" for s in SINGKAT.values() for p in ("n", "s", "ss", "ka", "kb", "kc", "kd")),
    "n_idx", "s_idx", "ss_idx",
    *(f"lv{i}" for i in range(1, 6)),
)
