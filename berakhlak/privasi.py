"""Small-group confidentiality: the ONE place that decides what may be shown.

Every page, chart, table and download passes its wide frame (``statistik.ringkas``) through
:func:`terapkan`. Norms (see the reference facts): groups under the minimum (default 10, as the
UK Civil Service People Survey) are not reported; in a breakdown whose total is shown elsewhere
the next-smallest group is hidden too (secondary suppression, as Viva Glint), so no small group
can be recovered by subtraction; a filter leaving a small remainder is refused (Culture Amp).
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


def sisa_aman(n_seleksi: int, n_induk: int, minimum: int) -> bool:
    """False when narrowing a selection leaves a remainder (parent minus selection) of
    1..minimum-1 respondents, which could be recovered from the parent's total."""
    sisa = n_induk - n_seleksi
    return not 0 < sisa < minimum


def penanda(lang: str, minimum: int, alasan: str | None = None) -> str:
    """The marker shown instead of a hidden figure: '< 10 responden' / '< 10 respondents', or
    for a group hidden only so a small one cannot be worked out by subtraction (``alasan``
    "pelengkap"), a marker saying so: such a group is not itself small."""
    if alasan == PELENGKAP:
        return i18n.t("tersembunyi_pelengkap", lang)
    return i18n.t("tersembunyi", lang, minimum=minimum)


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
    dtype = seri.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "iuf":
        hasil = seri.to_numpy(dtype="float64", copy=True)
        hasil[sembunyi] = np.nan
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


# --- secondary (complementary) suppression ------------------------------------------------


def _angka(hasil: pd.DataFrame, kolom: str) -> np.ndarray:
    if kolom not in hasil.columns:
        return np.zeros(len(hasil))
    seri = hasil[kolom]
    if isinstance(seri.dtype, np.dtype) and seri.dtype.kind in "iuf":
        return seri.to_numpy(dtype="float64")
    return pd.to_numeric(seri, errors="coerce").to_numpy(dtype="float64")


def _kode_kelompok(kelompok: pd.Series | None, panjang: int) -> np.ndarray:
    """Sort codes of kelompok (equal keys equal codes, missing last), as pandas sorts them;
    keys of mixed kinds that cannot be compared are compared as text."""
    if kelompok is None:
        return np.zeros(panjang, dtype="int64")
    try:
        kode, _ = pd.factorize(kelompok.to_numpy(), sort=True)
    except TypeError:  # mixed kinds of keys: compare them as text
        kode, _ = pd.factorize(kelompok.astype(str).to_numpy(), sort=True)
    return np.where(kode < 0, panjang, kode)


def _urutan(n: np.ndarray, kode_kelompok: np.ndarray) -> np.ndarray:
    """Positions from smallest n up (missing n last); ties broken by kelompok, then by
    position."""
    hilang = np.isnan(n)
    return np.lexsort((np.arange(len(n)), kode_kelompok, np.where(hilang, 0.0, n), hilang))


def _perlu_pelengkap(n: np.ndarray, sembunyi: np.ndarray, minimum: int) -> bool:
    """Some hidden, at least one visible, and the hidden ones recoverable by subtraction
    (only one hidden, or together fewer than ``minimum``)."""
    jumlah = int(sembunyi.sum())
    if jumlah == 0 or jumlah == len(sembunyi):
        return False
    return jumlah == 1 or np.nansum(n[sembunyi]) < minimum


def _pelengkap(n: np.ndarray, sembunyi: np.ndarray, kode_kelompok: np.ndarray,
               minimum: int) -> np.ndarray:
    """Rows to hide in addition to ``sembunyi`` so no hidden group can be recovered."""
    semua = sembunyi.copy()
    if not _perlu_pelengkap(n, semua, minimum):  # the usual case: no need to sort
        return np.zeros(len(n), dtype=bool)
    for pos in _urutan(n, kode_kelompok):
        if not _perlu_pelengkap(n, semua, minimum):
            break
        if not semua[pos]:
            semua[pos] = True
    return semua & ~sembunyi


# --- the three levels of hiding -----------------------------------------------------------


def _kecil(n: np.ndarray, minimum: int) -> np.ndarray:
    """Fewer than ``minimum`` (an unknown count counts as too few)."""
    return ~(n >= minimum)


def _sembunyi_baris(n, kode_kelompok, minimum: int, rincian: bool):
    """(whole row hidden, reason per row)."""
    kecil = _kecil(n, minimum)
    pelengkap = np.zeros(len(n), dtype=bool)
    if rincian:
        pelengkap = _pelengkap(n, kecil, kode_kelompok, minimum)
    alasan = np.where(kecil, KECIL, np.where(pelengkap, PELENGKAP, None))
    return kecil | pelengkap, alasan


def _sembunyi_sel(n, kode_kelompok, baris, minimum, rincian) -> np.ndarray:
    """Cells of one block (a value, or the levels) to hide: where its own count ``n`` is
    below the minimum, plus complementary cells in a breakdown."""
    sembunyi = baris | _kecil(n, minimum)
    if rincian:
        sembunyi |= _pelengkap(n, sembunyi, kode_kelompok, minimum)
    return sembunyi


def _tambah_masker(masker: dict[str, np.ndarray], sembunyi: np.ndarray, kolom) -> None:
    """Union of the rows to blank per column (a column blanked by several blocks)."""
    if not sembunyi.any():
        return
    for k in kolom:
        lama = masker.get(k)
        masker[k] = sembunyi if lama is None else (lama | sembunyi)


def terapkan(lebar: pd.DataFrame, minimum: int, *, rincian: bool = False) -> pd.DataFrame:
    """A copy of the wide frame with every figure from fewer than ``minimum`` respondents
    blanked (NaN; ``kategori`` None; a column with a hidden cell becomes float64), plus
    ``tersembunyi`` (bool, the whole row hidden) and ``alasan_sembunyi``
    ("kecil", "pelengkap" or None).

    - Row: n < minimum hides every figure of the row (key columns stay).
    - Value v: n_v < minimum hides v, moe_v, n_v, pa_v..pd_v and the row's index figures.
    - Levels: n_lv < minimum hides n_lv and plv1..plv5.
    - ``rincian=True`` (a breakdown whose total is shown elsewhere): while hidden rows could be
      recovered by subtraction (only one hidden, or together < minimum) and visible rows remain,
      the smallest visible row (by n, ties by kelompok) is hidden too ("pelengkap"). The same
      rule runs per value on n_v and on n_lv, hiding cells only (the row stays visible).
    Input order and index are kept; decisions never depend on row order. A frame that has
    already been through here (it has ``tersembunyi``) is returned as a copy unchanged, so
    applying twice cannot hide more (its blanked counts would look like small groups).
    """
    if "tersembunyi" in lebar.columns:
        return lebar.copy()
    kode = _kode_kelompok(lebar["kelompok"] if "kelompok" in lebar.columns else None, len(lebar))
    baris, alasan = _sembunyi_baris(_angka(lebar, "n"), kode, minimum, rincian)
    masker: dict[str, np.ndarray] = {}
    _tambah_masker(masker, baris, _kolom_baris())
    for v in kontrak.KUNCI_NILAI:
        n_v = _angka(lebar, f"n_{v}" if f"n_{v}" in lebar.columns else f"n_{kontrak.SINGKAT[v]}")
        _tambah_masker(masker, _sembunyi_sel(n_v, kode, baris, minimum, rincian), _kolom_sel(v))
    n_lv = _angka(lebar, "n_lv")
    _tambah_masker(masker, _sembunyi_sel(n_lv, kode, baris, minimum, rincian), _kolom_level())
    return _susun(lebar, masker, baris, alasan)


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
