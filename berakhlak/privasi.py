"""Small-group confidentiality: the ONE place that decides what may be shown.

Every page, chart, table and download passes its wide frame (``statistik.ringkas``) through
:func:`terapkan`. Groups under the minimum (default 10, as the UK Civil Service People Survey)
are not reported; groups that would let a small one be worked out by subtraction are hidden
too, as decided once per data version by the suppression pattern (``berakhlak/pola.py``).
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd

from berakhlak import i18n, kontrak
from berakhlak.kontrak import kosong
from berakhlak.statistik import KOLOM_INDEKS, KOLOM_LEVEL, KOLOM_TURUNAN, kolom_nilai

MINIMUM_BAKU = 10
MINIMUM_TERKECIL = 5
VARIABEL_MINIMUM = "BERAKHLAK_MIN_RESPONDEN"

KECIL = "kecil"
PELENGKAP = "pelengkap"

# Raw measure columns (if a frame still carries them) hidden together with the figures.
_UKURAN_INDEKS = ("n_idx", "s_idx", "ss_idx")
_UKURAN_LEVEL = tuple(f"lv{i}" for i in kontrak.LEVEL_SOSIO)


def minimum() -> int:
    """The minimum group size, from env var BERAKHLAK_MIN_RESPONDEN.

    Unset, empty or not a whole number -> the default 10 (MINIMUM_BAKU); a number below 5
    is clamped up to 5 (MINIMUM_TERKECIL), so the setting can never weaken protection further.
    """
    nilai = os.environ.get(VARIABEL_MINIMUM, "").strip()
    try:
        angka = int(nilai)
    except ValueError:
        return MINIMUM_BAKU
    return max(angka, MINIMUM_TERKECIL)


def cukup(n: int | None, minimum: int) -> bool:
    """Whether a selection of ``n`` respondents may be shown."""
    return not kosong(n) and n >= minimum


def penanda(lang: str, minimum: int, alasan: str | None = None) -> str:
    """The marker shown instead of a hidden figure: '< 10 responden' / '< 10 respondents', or
    for a group hidden only so a small one cannot be worked out by subtraction (``alasan``
    "pelengkap"), a marker saying so: such a group is not itself small."""
    if alasan == PELENGKAP:
        return i18n.t("tersembunyi_pelengkap", lang)
    return i18n.t("tersembunyi", lang, minimum=minimum)


def hitungan_berkas(n: int | None, minimum: int) -> int | None:
    """A count on /data (a file's rows, the respondents two files share), as published there:
    None for 1 to ``minimum``-1 (the page shows the marker), else rounded half up to a multiple
    of ``minimum`` (12 -> 10, 15 -> 20, 5.773 -> 5.770); 0 stays 0.

    A file is not a group the pages name, but it may hold exactly one (an agency's period) or
    one beside others the pages show; an exact count would then give that group's size by
    subtraction. Rounded to the minimum, it narrows a group to an interval as wide as the
    minimum, never to one number."""
    if kosong(n):
        return None
    n = int(n)
    if n == 0:
        return 0
    if n < minimum:
        return None
    return minimum * ((2 * n + minimum) // (2 * minimum))


def penanda_baris(lebar: pd.DataFrame, lang: str, minimum: int) -> list[str]:
    """The marker each row of a protected frame would show (by its ``alasan_sembunyi``)."""
    alasan = lebar["alasan_sembunyi"] if "alasan_sembunyi" in lebar else [None] * len(lebar)
    return [penanda(lang, minimum, a) for a in alasan]


def keterangan(lang: str, minimum: int) -> str:
    """The sentence explaining why figures are hidden."""
    return i18n.t("alasan_tersembunyi", lang, minimum=minimum)


# --- which columns belong to which figure -------------------------------------------------


def _kolom_baris() -> tuple[str, ...]:
    return (*KOLOM_TURUNAN, *kontrak.UKURAN)


def _kolom_sel(kunci: str) -> tuple[str, ...]:
    p = kontrak.SINGKAT[kunci]
    mentah = tuple(f"{u}_{p}" for u in ("n", "s", "ss", "ka", "kb", "kc", "kd"))
    return (*kolom_nilai(kunci), *mentah, *KOLOM_INDEKS, *_UKURAN_INDEKS)


def _kolom_level() -> tuple[str, ...]:
    return (*KOLOM_LEVEL, *_UKURAN_LEVEL)


def _kosongkan_seri(seri: pd.Series, sembunyi: np.ndarray):
    """``seri`` with rows ``sembunyi`` blanked: NaN for numbers (as float64), None otherwise.

    Returns a plain array for numpy dtypes (fast path) or a Series for other dtypes."""
    dtype = seri.dtype  # pragma: no mutate (dtype None: the general branches give the same)
    if isinstance(dtype, np.dtype) and dtype.kind in "iuf":
        hasil = seri.to_numpy(dtype="float64", copy=True)
        hasil[sembunyi] = np.nan  # pragma: no mutate (None in a float64 array is NaN too)
        return hasil
    if isinstance(dtype, np.dtype) and dtype.kind in "bO":
        hasil = seri.to_numpy().astype(object)  # always a copy
        hasil[sembunyi] = None
        return pd.Series(hasil, index=seri.index, dtype=object, copy=False)
    if pd.api.types.is_numeric_dtype(seri) and not pd.api.types.is_bool_dtype(seri):
        return seri.astype("float64").where(~sembunyi)
    return seri.astype(object).where(~sembunyi, None)


def _kosongkan(hasil: pd.DataFrame, sembunyi: np.ndarray, kolom) -> None:
    """Blank ``kolom`` (those present) on rows ``sembunyi``: NaN for numbers, None otherwise.

    Numeric columns become float64 so a hidden count can be NaN."""
    if not sembunyi.any():
        return
    for k in kolom:
        if k in hasil.columns:
            hasil[k] = _kosongkan_seri(hasil[k], sembunyi)


# --- the two reasons a figure is hidden ----------------------------------------------------


def _kecil(n: np.ndarray, minimum: int) -> np.ndarray:
    """Fewer than ``minimum`` (an unknown count counts as too few)."""
    return ~(n >= minimum)


def _tambah_masker(masker: dict[str, np.ndarray], sembunyi: np.ndarray, kolom) -> None:
    """Union of the rows to blank per column (a column blanked by several blocks)."""
    if not sembunyi.any():
        return
    for k in kolom:
        lama = masker.get(k)
        masker[k] = sembunyi if lama is None else (lama | sembunyi)


def terapkan(lebar: pd.DataFrame, minimum: int, *, pelengkap=None) -> pd.DataFrame:
    """A copy of the wide frame with every figure from fewer than ``minimum`` respondents
    blanked (NaN; ``kategori`` None; a column with a hidden cell becomes float64), plus
    ``tersembunyi`` (bool, the whole row hidden) and ``alasan_sembunyi``
    ("kecil", "pelengkap" or None).

    - Row: n < minimum hides every figure of the row (key columns stay): "kecil".
    - ``pelengkap`` (bool per row, from the suppression pattern ``pola``): rows hidden though
      not small, so that no small group can be worked out from what is shown: "pelengkap".
      The pattern decides this once per data version for every cell, so a group is hidden the
      same way in every table, trend, benchmark and download.
    - Value v: n_v < minimum hides v, moe_v, n_v, pa_v..pd_v and the row's index figures.
    - Levels: n_lv < minimum hides n_lv and plv1..plv5.
    Input order and index are kept. A frame that has already been through here (it has
    ``tersembunyi``) is returned as a copy unchanged.
    """
    if "tersembunyi" in lebar.columns:
        return lebar.copy()
    kecil = _kecil(_angka(lebar, "n"), minimum)
    lengkap = np.zeros(len(lebar), dtype=bool) if pelengkap is None else np.asarray(pelengkap, dtype=bool)
    baris = kecil | lengkap
    alasan = np.where(kecil, KECIL, np.where(lengkap, PELENGKAP, None))
    masker: dict[str, np.ndarray] = {}
    _tambah_masker(masker, baris, _kolom_baris())
    for v in kontrak.KUNCI_NILAI:
        n_v = _angka(lebar, f"n_{v}" if f"n_{v}" in lebar.columns else f"n_{kontrak.SINGKAT[v]}")
        _tambah_masker(masker, baris | _kecil(n_v, minimum), _kolom_sel(v))
    _tambah_masker(masker, baris | _kecil(_angka(lebar, "n_lv"), minimum), _kolom_level())
    return _susun(lebar, masker, baris, alasan)


def _angka(hasil: pd.DataFrame, kolom: str) -> np.ndarray:
    if kolom not in hasil.columns:
        return np.zeros(len(hasil))
    seri = hasil[kolom]
    if isinstance(seri.dtype, np.dtype) and seri.dtype.kind in "iuf":
        return seri.to_numpy(dtype="float64")
    return pd.to_numeric(seri, errors="coerce").to_numpy(dtype="float64")


def _susun(lebar: pd.DataFrame, masker: dict[str, np.ndarray], baris: np.ndarray,
           alasan: np.ndarray) -> pd.DataFrame:
    """The protected copy of ``lebar``: each blanked column converted once (its rows to
    blank are the union over every rule that touches it), the frame built in one go."""
    alasan_seri = pd.Series(alasan, index=lebar.index, dtype=object, copy=False)
    if not lebar.columns.is_unique:  # rare: keep the column-by-column route
        hasil = lebar.copy()
        hasil["tersembunyi"] = baris
        hasil["alasan_sembunyi"] = alasan_seri
        for k, sembunyi in masker.items():
            _kosongkan(hasil, sembunyi, (k,))
        return hasil
    kolom: dict = {}
    for k in lebar.columns:
        seri = lebar[k]
        sembunyi = masker.get(k)
        if sembunyi is not None:
            kolom[k] = _kosongkan_seri(seri, sembunyi)
        elif isinstance(seri.dtype, np.dtype) and seri.dtype != object:
            kolom[k] = seri.to_numpy()  # copied by the DataFrame constructor
        else:
            kolom[k] = seri  # keeps its dtype (object stays object, str stays str)
    kolom["tersembunyi"] = baris
    kolom["alasan_sembunyi"] = alasan_seri
    hasil = pd.DataFrame(kolom, index=lebar.index, columns=list(kolom))
    hasil.columns = lebar.columns.append(
        pd.Index([c for c in ("tersembunyi", "alasan_sembunyi") if c not in lebar.columns],
                 dtype=lebar.columns.dtype))
    hasil.attrs = dict(lebar.attrs)
    return hasil
