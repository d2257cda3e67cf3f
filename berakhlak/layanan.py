"""What the pages ask for: figures of a selection, always passed through the privacy rules.

Query results are cached per data version (``Keadaan.versi``), so a rerun with the same filters
reads nothing again, and a changed data folder gets fresh numbers.
"""

from __future__ import annotations

import functools
import itertools
import os
import threading
from dataclasses import asdict, dataclass, replace

import pandas as pd

from berakhlak import katalog, kontrak, pola, privasi, statistik


@dataclass(frozen=True)
class Pilihan:
    """A selection: every filter a page reads from the URL. None means 'all'."""

    periode: int | None = None
    jenis_instansi: str | None = None
    provinsi: str | None = None
    kabupaten_kota: str | None = None
    instansi: str | None = None
    unit_kerja: str | None = None

    def params(self) -> dict:
        return asdict(self)

    def dengan(self, **ubah) -> Pilihan:
        return replace(self, **ubah)

    def tanpa_periode(self) -> Pilihan:
        return replace(self, periode=None)

    def terisi(self) -> dict:
        """The filters that are set, in narrowing order."""
        return {k: v for k, v in asdict(self).items() if v is not None}


def keadaan() -> katalog.Keadaan:
    """The current snapshot of the data folder (cheap when nothing changed)."""
    return katalog.katalog().segarkan()


def keadaan_lengkap(batas: float = 120) -> katalog.Keadaan:
    """The snapshot once its demographic breakdowns exist (waiting at most ``batas`` s)."""
    return katalog.katalog().tunggu_lengkap(batas)


def _ukuran(basis, versi: str, kelompok: str, pilihan: Pilihan, dimensi: str) -> pd.DataFrame:
    params = {"dimensi": dimensi, **pilihan.params()}
    return basis.jalankan("ukuran", params, {"kelompok": kelompok})


# The caches in this module are applied by assignment, not as decorators: mutmut 3 skips decorated functions.
_ukuran = functools.lru_cache(maxsize=2048)(_ukuran)


def ukuran(k: katalog.Keadaan, kelompok: str, pilihan: Pilihan, dimensi: str = "semua") -> pd.DataFrame:
    """Summed measures of ``pilihan`` grouped by ``kelompok`` (not yet privacy-checked)."""
    return _ukuran(k.basis, k.versi, kelompok, pilihan, dimensi).copy()


def ringkas(k: katalog.Keadaan, kelompok: str, pilihan: Pilihan, dimensi: str = "semua") -> pd.DataFrame:
    """Display figures of ``pilihan`` per ``kelompok``, with every hidden cell blanked: small
    groups, and groups the suppression pattern hides so no small one can be worked out."""
    return _ringkas(k.basis, k.versi, k.demografi_lengkap, kelompok, pilihan, dimensi,
                    privasi.minimum()).copy()


def _ringkas(basis, versi: str, lengkap: bool, kelompok: str, pilihan: Pilihan, dimensi: str,
             minimum: int) -> pd.DataFrame:
    lebar = statistik.ringkas(_ukuran(basis, versi, kelompok, pilihan, dimensi))
    p = _pola(basis, versi, lengkap, minimum)
    sembunyi = [p.sembunyi(*_sel(pilihan, kelompok, dimensi, nilai)) for nilai in lebar["kelompok"]]
    return privasi.terapkan(lebar, minimum, pelengkap=sembunyi)


_ringkas = functools.lru_cache(maxsize=1024)(_ringkas)


def _sel(pilihan: Pilihan, kelompok: str, dimensi: str, nilai) -> tuple:
    """(period, dimension, cell key) of one row of ``ukuran(pilihan, kelompok, dimensi)``."""
    filter_ = pilihan.terisi()
    periode = filter_.pop("periode", None)
    if kelompok == "periode":
        periode = nilai
    elif kelompok != "grup":
        filter_[kelompok] = nilai
    kunci = pola.kunci_sel(filter_)
    if dimensi != "semua":
        kunci = (*kunci, str(nilai))
    return periode, dimensi, kunci


_kunci_pola = threading.Lock()
# "0" computes the pattern's layers only when a page asks (the tests: two cores are shared by
# many servers there); otherwise every layer is computed in the background from the first view.
VARIABEL_LATAR = "BERAKHLAK_POLA_LATAR"


def _pola(basis, versi: str, lengkap: bool, minimum: int) -> pola.Pola:
    with _kunci_pola:
        simpan = pola.folder_simpan(katalog.direktori_cache(), versi, minimum, lengkap)
        return pola.hitung(basis, minimum, demografi=lengkap, simpan=simpan)


_pola = functools.lru_cache(maxsize=4)(_pola)


def pola_privasi(k: katalog.Keadaan) -> pola.Pola:
    """The suppression pattern of the snapshot (computed once per data version, its layers in
    the background from the first time a page asks, see ``pola.Pola.mulai_latar``)."""
    p = _pola(k.basis, k.versi, k.demografi_lengkap, privasi.minimum())
    if p.latar is None and os.environ.get(VARIABEL_LATAR, "1") != "0":
        with _kunci_pola:
            if p.latar is None:
                p.latar = p.mulai_latar(list(k.periode))
    return p


def total(k: katalog.Keadaan, pilihan: Pilihan) -> pd.Series | None:
    """The figures of the whole selection as one row, or None when it has no respondents."""
    lebar = ringkas(k, "periode", pilihan)
    if pilihan.periode is not None:
        lebar = lebar[lebar["kelompok"] == pilihan.periode]
    if lebar.empty:
        return None
    return lebar.iloc[0]


TANPA_DATA = "tanpa_data"  # bool column: a period (or group) in which the selection has nobody


def per_periode(k: katalog.Keadaan, pilihan: Pilihan) -> pd.DataFrame:
    """Figures of ``pilihan`` per period with every loaded period present: a period without any
    respondent of the selection is marked ``TANPA_DATA`` (no data, a gap), not a small group.
    (/tren asks for the same selection's periods several times per view: cached per data
    version, like the query results.)"""
    return _per_periode(k.basis, k.versi, k.demografi_lengkap, pilihan.tanpa_periode(),
                        privasi.minimum(), tuple(k.periode)).copy()


def _per_periode(basis, versi: str, lengkap: bool, pilihan: Pilihan, minimum: int,
                 periode: tuple) -> pd.DataFrame:
    lebar = _ringkas(basis, versi, lengkap, "periode", pilihan, "semua", minimum)
    ada = set(lebar["kelompok"].tolist())
    gabung = pd.DataFrame({"kelompok": list(periode)}).merge(lebar, on="kelompok", how="left")
    gabung[TANPA_DATA] = [p not in ada for p in periode]
    return gabung


_per_periode = functools.lru_cache(maxsize=1024)(_per_periode)


def n_seleksi(k: katalog.Keadaan, pilihan: Pilihan) -> int:
    """Respondents in a selection (used only to decide whether it may be shown)."""
    u = ukuran(k, "periode", pilihan)
    return int(u["n"].sum()) if not u.empty else 0


def pola_siap(k: katalog.Keadaan, dimensi: str | None = None, periode: int | None = None,
              periode_filter: tuple[int, ...] | None = None) -> bool:
    """Whether the pattern layers a page needs exist: the filter cells of ``periode_filter``
    (None: every period), and one period's ``dimensi`` when given."""
    p = pola_privasi(k)
    daftar = k.periode if periode_filter is None else periode_filter
    return all(p.siap(x) for x in daftar) and (dimensi is None or periode is None
                                               or p.siap(periode, dimensi))


def siapkan_pola(k: katalog.Keadaan, dimensi: str | None = None, periode: int | None = None,
                 periode_filter: tuple[int, ...] | None = None) -> None:
    """Compute the pattern layers a page needs (see :func:`pola_siap`), newest period first,
    ahead of the catalog's background breakdown build (a page is waiting). The other
    periods follow in the background (:func:`pola_privasi`); a figure of one of them asked
    for before is computed when asked."""
    p = pola_privasi(k)
    daftar = k.periode if periode_filter is None else periode_filter
    with katalog.utamakan():
        for x in sorted(daftar, reverse=True):
            p.lapisan(int(x), "semua")
        if dimensi is not None and periode is not None and p.demografi:
            p.lapisan(int(periode), dimensi)


def periode_tampil(k: katalog.Keadaan, pilihan: Pilihan) -> tuple[int, ...]:
    """The periods whose figures a page of one period shows: that period and the previous one
    in which the selection has respondents (its change); every period without a period."""
    if pilihan.periode is None:
        return tuple(k.periode)
    sebelumnya = periode_sebelumnya(k, pilihan)
    return tuple(x for x in (pilihan.periode, sebelumnya) if x is not None)


# Why a selection is refused (None: it may be shown).
KOSONG_SEMUA = "kosong"      # no data loaded at all
TERLALU_KECIL = "kecil"      # fewer than the minimum respondents
SISA_KECIL = "sisa"          # shown, it would let a small group be worked out by subtraction
UNIT_TANPA_INSTANSI = "unit"  # a unit name without its agency names no one group


def status_seleksi(k: katalog.Keadaan, pilihan: Pilihan) -> str | None:
    """Whether the whole selection may be shown: None when it may, else the reason
    (KOSONG_SEMUA, TERLALU_KECIL, SISA_KECIL or UNIT_TANPA_INSTANSI), as the suppression pattern decides for this
    cell. Every page asks this before any figure."""
    if k.n_responden == 0:
        return KOSONG_SEMUA
    if pilihan.unit_kerja is not None and pilihan.instansi is None:
        return UNIT_TANPA_INSTANSI
    minimum = privasi.minimum()
    n = n_seleksi(k, pilihan)
    if not privasi.cukup(n, minimum):
        return TERLALU_KECIL
    periode = pilihan.periode if pilihan.periode is not None else periode_terakhir(k, {})
    if pola_privasi(k).sembunyi(periode, "semua", pola.kunci_sel(pilihan.terisi())):
        return SISA_KECIL
    return None


def seleksi_terdekat(k: katalog.Keadaan, pilihan: Pilihan) -> Pilihan | None:
    """The nearest wider selection that may be shown: fewest filters dropped, narrowest
    filters dropped first (None when even the whole period is hidden)."""
    terisi = [kol for kol in pilihan.terisi() if kol != "periode"]
    for jumlah in range(1, len(terisi) + 1):
        for buang in itertools.combinations(reversed(terisi), jumlah):
            calon = pilihan.dengan(**dict.fromkeys(buang))
            if status_seleksi(k, calon) is None:
                return calon
    return None


def _pilihan_filter(basis, versi: str) -> pd.DataFrame:
    return basis.jalankan("pilihan_filter")


_pilihan_filter = functools.lru_cache(maxsize=16)(_pilihan_filter)


def pilihan_filter(k: katalog.Keadaan) -> pd.DataFrame:
    """Every combination of filter values present, with its respondents (for the sidebar)."""
    return _pilihan_filter(k.basis, k.versi)


def opsi(k: katalog.Keadaan, kolom: str, pilihan: Pilihan) -> list:
    """The values of ``kolom`` available within the other filters of ``pilihan`` (the filters
    before it in the sidebar's order)."""
    relevan = tuple((lain, nilai) for lain, nilai in pilihan.terisi().items()
                    if lain != kolom and kontrak.FILTER.index(lain) < kontrak.FILTER.index(kolom))
    return list(_opsi(k.basis, k.versi, kolom, relevan))


def _opsi(basis, versi: str, kolom: str, relevan: tuple) -> tuple:
    # every view asks for each select box's options: cached per data version (issue 11 profile)
    df = _pilihan_filter(basis, versi)
    for lain, nilai in relevan:
        df = df[df[lain] == nilai]
    return tuple(sorted(df[kolom].dropna().unique().tolist()))


_opsi = functools.lru_cache(maxsize=4096)(_opsi)


def cakupan(k: katalog.Keadaan, periode: int | None) -> tuple[int, int]:
    """(provinces, agencies) with respondents in the data, within ``periode`` when given: what
    "Nasional" or "Semua data: 2 dari 38 provinsi, 14 instansi" says (per data version)."""
    return _cakupan(k.basis, k.versi, periode)


def _cakupan(basis, versi: str, periode: int | None) -> tuple[int, int]:
    df = _pilihan_filter(basis, versi)
    if periode is not None:
        df = df[df["periode"] == periode]
    if "n" in df:
        df = df[df["n"] > 0]
    return int(df["provinsi"].nunique()), int(df["instansi"].nunique())


_cakupan = functools.lru_cache(maxsize=64)(_cakupan)


def periode_instansi(k: katalog.Keadaan, pilihan: Pilihan | None = None) -> dict[str, tuple[int, ...]]:
    """Every agency in any period, within the filters of ``pilihan`` that come before
    ``instansi`` (the period ignored), with the periods in which it has respondents; by name.
    The sidebar's agency list: asked twice per view, so cached per data version like
    :func:`opsi` (the returned dict is shared: read it, do not change it)."""
    urutan = kontrak.FILTER.index("instansi")
    relevan = tuple((kolom, nilai) for kolom, nilai in (pilihan.terisi() if pilihan else {}).items()
                    if kolom != "periode" and kontrak.FILTER.index(kolom) < urutan)
    return _periode_instansi(k.basis, k.versi, relevan)


def _periode_instansi(basis, versi: str, relevan: tuple) -> dict[str, tuple[int, ...]]:
    df = _pilihan_filter(basis, versi)
    df = df[df["n"] > 0] if "n" in df else df
    for kolom, nilai in relevan:
        df = df[df[kolom] == nilai]
    pasangan = df[["instansi", "periode"]].dropna().drop_duplicates()
    per: dict[str, set[int]] = {}
    for nama, periode in zip(pasangan["instansi"].tolist(), pasangan["periode"].tolist(), strict=True):
        per.setdefault(str(nama), set()).add(int(periode))
    return {nama: tuple(sorted(per[nama])) for nama in sorted(per)}


_periode_instansi = functools.lru_cache(maxsize=1024)(_periode_instansi)


def periode_terakhir(k: katalog.Keadaan, filter_: dict[str, str]) -> int | None:
    """The latest period in which every given filter value exists (values unknown to the data
    are ignored, they get their own notice); the latest period overall when none match."""
    df = pilihan_filter(k)
    for kolom, nilai in filter_.items():
        cocok = df[df[kolom] == nilai]
        if not cocok.empty:
            df = cocok
    return int(df["periode"].max()) if not df.empty else None


def periode_sebelumnya(k: katalog.Keadaan, pilihan: Pilihan) -> int | None:
    """The latest period before the selected one in which the selection has respondents."""
    if pilihan.periode is None:
        return None
    ada = ukuran(k, "periode", pilihan.tanpa_periode())
    lebih_awal = ada.loc[(ada["kelompok"] < pilihan.periode) & (ada["n"] > 0), "kelompok"]
    return int(lebih_awal.max()) if not lebih_awal.empty else None


def pembanding(k: katalog.Keadaan, pilihan: Pilihan, jenis: str) -> tuple[Pilihan, str] | None:
    """The benchmark selection: 'nasional', 'provinsi' (of the selection) or 'jenis' (agencies
    of the same kind). Returns the selection and the name it is known by, or None."""
    if jenis == "nasional":
        return Pilihan(periode=pilihan.periode), "nasional"
    kolom = "provinsi" if jenis == "provinsi" else "jenis_instansi"
    nilai = getattr(pilihan, kolom) or _dominan(k, pilihan, kolom)
    if nilai is None:
        return None
    return Pilihan(periode=pilihan.periode, **{kolom: nilai}), nilai


def _dominan(k: katalog.Keadaan, pilihan: Pilihan, kolom: str) -> str | None:
    """The value of ``kolom`` holding most of the selection's respondents."""
    df = pilihan_filter(k)
    for lain, nilai in pilihan.terisi().items():
        df = df[df[lain] == nilai]
    if df.empty:
        return None
    return str(df.groupby(kolom)["n"].sum().idxmax())


def bersihkan_cache() -> None:
    """Forget cached query results (tests)."""
    _ukuran.cache_clear()
    _ringkas.cache_clear()
    _pilihan_filter.cache_clear()
    _opsi.cache_clear()
    _periode_instansi.cache_clear()
    _per_periode.cache_clear()
    _cakupan.cache_clear()
