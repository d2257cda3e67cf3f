"""Figures from the summed measures of the ``ukuran`` query (see ``queries/ukuran.sql``).

:func:`ringkas` turns the sums into the display ("wide") frame: per value its mean, 95 % margin
of error, count and category shares; the BerAKHLAK index with its category; and the
socio-emotional level shares. :func:`panjang` reshapes it to one row per value for charts.
Confidentiality (hiding small groups) is *not* done here: pass the wide frame through
:func:`berakhlak.privasi.terapkan` before showing anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from berakhlak import kontrak
from berakhlak.kontrak import kosong

Z95 = 1.96
KATEGORI_KODE: tuple[str, ...] = ("a", "b", "c", "d")
LEVEL_KODE: tuple[int, ...] = tuple(kontrak.LEVEL_SOSIO)

KOLOM_INDEKS: tuple[str, ...] = ("indeks", "moe_indeks", "kategori")
KOLOM_LEVEL: tuple[str, ...] = ("n_lv", *(f"plv{i}" for i in LEVEL_KODE))
KOLOM_PANJANG: tuple[str, ...] = ("nilai", "skor", "moe", "n", "pa", "pb", "pc", "pd")

ARAH: tuple[str, ...] = ("lebih_tinggi", "lebih_rendah", "setara", "tidak_pasti")


def kolom_nilai(kunci: str) -> tuple[str, ...]:
    """Wide columns of one value: mean, margin, count, category shares A-D."""
    return (
        kunci,
        f"moe_{kunci}",
        f"n_{kunci}",
        *(f"p{k}_{kunci}" for k in KATEGORI_KODE),
    )


# Every column ringkas computes (anything else in a wide frame is a key column).
KOLOM_TURUNAN: tuple[str, ...] = (
    "n",
    *(c for v in kontrak.KUNCI_NILAI for c in kolom_nilai(v)),
    *KOLOM_INDEKS,
    *KOLOM_LEVEL,
)


def _periksa(jumlah: pd.DataFrame) -> None:
    kurang = [c for c in kontrak.UKURAN if c not in jumlah.columns]
    if kurang:
        raise ValueError(f"kolom ukuran tidak ada: {', '.join(kurang)}")


def _bagi(pembilang: np.ndarray, penyebut: np.ndarray) -> np.ndarray:
    """pembilang / penyebut as floats, NaN where penyebut is 0 or missing (works on 2-D
    arrays: a penyebut of shape (rows, 1) divides every column)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return pembilang / np.where(penyebut > 0, penyebut, np.nan)


def _moe(n: np.ndarray, s: np.ndarray, ss: np.ndarray) -> np.ndarray:
    """95 % margin of error of a mean from count, sum and sum of squares (NaN when n < 2).

    Sample variance (ss - s²/n) / (n - 1), clipped at 0 against rounding noise.
    """
    nf = np.where(n >= 2, n, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        varians = (ss - s * s / nf) / (nf - 1)
        varians = np.where(varians < 0, 0.0, varians)  # clip at 0; NaN stays NaN
        return Z95 * np.sqrt(varians / nf)


def _kategori(indeks: np.ndarray) -> list[str | None]:
    """Category codes A-D (None for NaN); float noise is rounded off first, so a mean
    that should be 74,95 but computes as 74,94999… still counts as 75,0 (A)."""
    return [kontrak.kategori(None if math.isnan(x) else round(x, 9)) for x in indeks.tolist()]


def _hitungan(x: np.ndarray) -> np.ndarray:
    """A count column as int64, missing counted as 0 (as ``fillna(0).astype("int64")``)."""
    return np.where(np.isnan(x), 0, x).astype("int64")


# Positions of each value's measures in the matrix ringkas reads (columns in kontrak.UKURAN
# order): per value (n, s, ss, ka, kb, kc, kd).
_UKURAN_NILAI = tuple(
    tuple(f"{u}_{kontrak.SINGKAT[v]}" for u in ("n", "s", "ss", "ka", "kb", "kc", "kd"))
    for v in kontrak.KUNCI_NILAI
)
_KOLOM_BACA: tuple[str, ...] = (
    "n", *(c for kolom in _UKURAN_NILAI for c in kolom), "n_idx", "s_idx", "ss_idx",
    *(f"lv{i}" for i in LEVEL_KODE),
)
_UKURAN_SET = frozenset(kontrak.UKURAN)


def _matriks(jumlah: pd.DataFrame) -> np.ndarray:
    """The measures as one float64 matrix (rows x _KOLOM_BACA), missing as NaN."""
    bagian = jumlah[list(_KOLOM_BACA)]
    try:
        return bagian.to_numpy(dtype="float64", na_value=np.nan)
    except (TypeError, ValueError):  # odd dtypes (e.g. objects): convert column by column
        return np.column_stack([bagian[c].astype("float64").to_numpy() for c in _KOLOM_BACA])


def ringkas(jumlah: pd.DataFrame) -> pd.DataFrame:
    """The wide display frame: one row per input row, key columns kept, measures replaced.

    Columns after the keys: ``n``; per value v (official order) ``v`` (mean, NaN when no
    scores), ``moe_v`` (95 % margin, NaN when n_v < 2), ``n_v``, ``pa_v``..``pd_v`` (shares 0-1
    of the answered scores per category); ``indeks``, ``moe_indeks``, ``kategori`` (A-D or
    None); ``n_lv`` and ``plv1``..``plv5`` (shares of respondents with a level).

    Computed on whole numpy arrays (one matrix for all measures), the frame built once.
    """
    _periksa(jumlah)
    m = _matriks(jumlah)
    jml_nilai = len(kontrak.KUNCI_NILAI)
    # (rows, value, measure) for the seven values: n, s, ss, ka, kb, kc, kd
    per_nilai = m[:, 1 : 1 + 7 * jml_nilai].reshape(len(m), jml_nilai, 7)
    n_v, s_v, ss_v = per_nilai[:, :, 0], per_nilai[:, :, 1], per_nilai[:, :, 2]
    rata = _bagi(s_v, n_v)
    moe = _moe(n_v, s_v, ss_v)
    hitung = _hitungan(n_v)
    bagian = _bagi(per_nilai[:, :, 3:7], n_v[:, :, None])
    idx = 1 + 7 * jml_nilai
    indeks = rata.sum(axis=1) / jml_nilai if jml_nilai else np.full(len(m), np.nan)
    moe_indeks = np.where(np.isnan(indeks), np.nan, _moe(m[:, idx], m[:, idx + 1], m[:, idx + 2]))
    level = m[:, idx + 3 :]
    level = np.where(np.isnan(level), 0, level)
    n_lv = level.sum(axis=1).astype("int64")
    plv = _bagi(level, n_lv[:, None].astype("float64"))

    kolom: dict[str, object] = {
        c: jumlah[c] for c in jumlah.columns if c not in _UKURAN_SET
    }
    kolom["n"] = _hitungan(m[:, 0])
    for j, v in enumerate(kontrak.KUNCI_NILAI):
        kolom[v] = rata[:, j]
        kolom[f"moe_{v}"] = moe[:, j]
        kolom[f"n_{v}"] = hitung[:, j]
        for b, k in enumerate(KATEGORI_KODE):
            kolom[f"p{k}_{v}"] = bagian[:, j, b]
    kolom["indeks"] = indeks
    kolom["moe_indeks"] = moe_indeks
    kolom["kategori"] = pd.Series(_kategori(indeks), index=jumlah.index, dtype=object)
    kolom["n_lv"] = n_lv
    for b, i in enumerate(LEVEL_KODE):
        kolom[f"plv{i}"] = plv[:, b]
    return pd.DataFrame(kolom, index=jumlah.index)


@dataclass(frozen=True)
class Perbandingan:
    """a - b with its combined margin; ``arah`` is one of :data:`ARAH`."""

    beda: float
    moe: float
    arah: str


def selisih(a, moe_a, b, moe_b) -> Perbandingan | None:
    """Compare two means. Higher/lower only when |a - b| exceeds the combined margin
    sqrt(moe_a² + moe_b²), otherwise ``setara``; ``tidak_pasti`` (margin NaN) when either
    margin is unknown; None when a or b is missing."""
    if kosong(a) or kosong(b):
        return None
    beda = float(a) - float(b)
    if kosong(moe_a) or kosong(moe_b):
        return Perbandingan(beda, math.nan, "tidak_pasti")
    moe = math.hypot(float(moe_a), float(moe_b))
    if abs(beda) <= moe:
        arah = "setara"
    else:
        arah = "lebih_tinggi" if beda > 0 else "lebih_rendah"
    return Perbandingan(beda, moe, arah)


def terlemah_terkuat(baris: pd.Series) -> tuple[str | None, str | None]:
    """Keys of the lowest and highest value mean of a wide row (ties: official order)."""
    rata = pd.to_numeric(baris.reindex(list(kontrak.KUNCI_NILAI)), errors="coerce").dropna()
    if rata.empty:
        return None, None
    return str(rata.idxmin()), str(rata.idxmax())


def panjang(lebar: pd.DataFrame) -> pd.DataFrame:
    """Long frame for charts: the key columns, then ``nilai`` (value key), ``skor``, ``moe``,
    ``n`` (n_v), ``pa``..``pd``; one row per (input row, value), rows in input order and values
    in official order within each row."""
    kunci = [c for c in lebar.columns if c not in KOLOM_TURUNAN]
    if lebar.empty:
        return pd.DataFrame(columns=[*kunci, *KOLOM_PANJANG])
    jumlah = len(kontrak.KUNCI_NILAI)
    data = {c: lebar[c].repeat(jumlah).reset_index(drop=True) for c in kunci}
    data["nilai"] = np.tile(np.array(kontrak.KUNCI_NILAI, dtype=object), len(lebar))
    for j, nama in enumerate(KOLOM_PANJANG[1:]):
        kolom = [kolom_nilai(v)[j] for v in kontrak.KUNCI_NILAI]
        data[nama] = lebar[kolom].to_numpy().reshape(-1)  # row by row, values in order
    return pd.DataFrame(data)


def tandai_perubahan(lebar: pd.DataFrame) -> pd.DataFrame:
    """Per period (rows in period order): ``ubah_indeks``, the change of the index since the
    previous period that has one, and ``signifikan``, whether it exceeds its margin of error."""
    keluar = lebar.copy()
    ubah, signifikan = [], []
    lalu = None
    for baris in kontrak.baris(keluar):
        beda = None  # pragma: no mutate (beda = "" is falsy like None: the same entries)
        if lalu is not None and not pd.isna(baris["indeks"]):
            beda = selisih(baris["indeks"], baris["moe_indeks"], lalu["indeks"], lalu["moe_indeks"])
        ubah.append(beda.beda if beda else float("nan"))
        signifikan.append(bool(beda and beda.arah in ("lebih_tinggi", "lebih_rendah")))
        if not pd.isna(baris["indeks"]):
            lalu = baris
    return keluar.assign(ubah_indeks=ubah, signifikan=signifikan)
