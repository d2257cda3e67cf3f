"""The privacy auditor: can a small group be worked out from what the dashboard publishes?

The threat (issue 7): an adversary opens every view the dashboard serves and adds and subtracts
what they read. A count is published where a row shows ``n``; a value's sum where the row shows
its mean and its count (a mean with its count is a sum; displayed means are taken as exact).

The check is linear algebra over *atoms*, the full cross-classification of period, the five
filter columns and the six demographic columns, computed from the raw data. Each published cell
is the indicator vector of the atoms it adds up; a group is *leaked* for a measure when its own
indicator vector lies in the row space of that measure's published cells. Only non-empty atoms
are variables (the adversary knows which combinations are empty).

- :func:`data_uji` / :func:`tulis_data_uji`: a small generated set with the five leak patterns
  of issue 7 built in (see :data:`KASUS`).
- :func:`terbitan`: every figure the pages would publish, through the service functions.
- :func:`periksa`: the pure check on (atoms, published cells, groups).
- :func:`audit_dasbor`: both together on a snapshot and its raw data.
"""

from __future__ import annotations

import inspect
import itertools
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from berakhlak import kontrak

KOLOM_FILTER: tuple[str, ...] = tuple(k for k in kontrak.FILTER if k != "periode")
KOLOM_DEMOGRAFI: tuple[str, ...] = kontrak.DIMENSI_DEMOGRAFI
KOLOM_ATOM: tuple[str, ...] = ("periode", *KOLOM_FILTER, *KOLOM_DEMOGRAFI)
LEVEL = "lv"  # the socio-emotional level counts (lv1..lv5), published as shares with n_lv
UKURAN: tuple[str, ...] = ("n", *kontrak.KUNCI_NILAI, LEVEL)

Kunci = tuple[tuple[str, object], ...]  # a cell or group: (column, value) pairs, sorted


def kunci(**isi) -> Kunci:
    """A cell or group key from column=value (None values dropped), in a fixed column order."""
    urut = {k: i for i, k in enumerate(KOLOM_ATOM)}
    pasang = [(k, _polos(v)) for k, v in isi.items() if v is not None]
    return tuple(sorted(pasang, key=lambda kv: (urut.get(kv[0], len(urut)), kv[0])))


def nama(k: Kunci) -> str:
    """A key as a readable name, e.g. '2024 · provinsi=Gorontalo · golongan=I'."""
    bagian = [str(v) if c == "periode" else f"{c}={v}" for c, v in k]
    return " · ".join(bagian) or "semua"


def _polos(v):
    """numpy scalars as plain Python values (so keys compare and hash alike)."""
    return v.item() if isinstance(v, np.generic) else v


# --- the generated data set -----------------------------------------------------------------

PERIODE_UJI: tuple[int, ...] = (2023, 2024)
KEMENTERIAN = "Kementerian Agama"

# The five patterns of issue 7: the small group each one exposes (key) and its size.
KASUS: dict[int, tuple[str, Kunci, int]] = {
    1: ("crossing filter: other kinds in Gorontalo",
        kunci(periode=2024, jenis_instansi="Kementerian", provinsi="Gorontalo"), 5),
    2: ("other periods: Pemerintah Provinsi Maluku in 2023",
        kunci(periode=2023, instansi="Pemerintah Provinsi Maluku"), 5),
    3: ("unit name shared by two agencies",
        kunci(periode=2024, instansi="Pemerintah Kota Semarang", unit_kerja="Bagian Umum"), 5),
    4: ("demographic group across two selections",
        kunci(periode=2024, kabupaten_kota="Kabupaten Badung", instansi="Pemerintah Kabupaten Badung",
              golongan="I"), 8),
    5: ("sibling regions as filters",
        kunci(periode=2024, kabupaten_kota="Kabupaten Sumbawa"), 5),
}


@dataclass(frozen=True)
class _Instansi:
    nama: str
    jenis: str
    provinsi: str
    kabupaten: str
    unit: dict  # unit -> fixed size (int), or None for a random 1-15 (0 = absent that period)


def _daftar_instansi(periode: int) -> list[_Instansi]:
    """Agencies and their units in one period (fixed sizes carry the five leak patterns; a
    blank unit name reads "(tidak diisi)")."""
    pk, kota, prov, lem = "Pemerintah Kabupaten", "Pemerintah Kota", "Pemerintah Provinsi", "Lembaga"
    return [
        # 1. Gorontalo: agencies of one kind hold 95 of 100; the ministry's 5 are the rest.
        _Instansi("Pemerintah Kabupaten Boalemo", pk, "Gorontalo", "Kabupaten Boalemo",
                  {"Sekretariat Daerah": 30, "Dinas Pendidikan": 20}),
        _Instansi("Pemerintah Kabupaten Pohuwato", pk, "Gorontalo", "Kabupaten Pohuwato", {"": 45}),
        _Instansi(KEMENTERIAN, "Kementerian", "Gorontalo", "Kabupaten Boalemo",
                  {"Kantor Kementerian Agama": 5}),
        # 2. Kota Ambon: C1 = Pemerintah Kota Ambon; the province's staff are 5 in the first
        #    period, 20 later.
        _Instansi("Pemerintah Kota Ambon", kota, "Maluku", "Kota Ambon", {"": 40}),
        _Instansi("Pemerintah Provinsi Maluku", prov, "Maluku", "Kota Ambon",
                  {"": 5 if periode == PERIODE_UJI[0] else 20}),
        # 3. "Bagian Umum": 50 in Tegal, 5 in Semarang.
        _Instansi("Pemerintah Kabupaten Tegal", pk, "Jawa Tengah", "Kabupaten Tegal",
                  {"Bagian Umum": 50, "Dinas Kesehatan": None}),
        _Instansi("Pemerintah Kota Semarang", kota, "Jawa Tengah", "Kota Semarang",
                  {"Bagian Umum": 5, "Dinas Pendidikan": 25}),
        _Instansi(KEMENTERIAN, "Kementerian", "Jawa Tengah", "Kota Semarang", {"Kantor Wilayah": 12}),
        # 4. Kabupaten Badung: golongan I is 8 in B1, 15 in B2 (set in _tandai_badung).
        _Instansi("Pemerintah Kabupaten Badung", pk, "Bali", "Kabupaten Badung", {"": 40}),
        _Instansi("Badan Pengawas Obat dan Makanan", lem, "Bali", "Kabupaten Badung", {"": 35}),
        # 5. Nusa Tenggara Barat: kabupaten of 50, 50 and 5.
        _Instansi("Pemerintah Kabupaten Lombok Barat", pk, "Nusa Tenggara Barat",
                  "Kabupaten Lombok Barat", {"": 50}),
        _Instansi("Pemerintah Kabupaten Lombok Timur", pk, "Nusa Tenggara Barat",
                  "Kabupaten Lombok Timur", {"": 50}),
        _Instansi("Pemerintah Kabupaten Sumbawa", pk, "Nusa Tenggara Barat", "Kabupaten Sumbawa", {"": 5}),
        # The ministry's head office and a small province.
        _Instansi(KEMENTERIAN, "Kementerian", "DKI Jakarta", "Kota Jakarta Pusat",
                  {"Sekretariat Jenderal": 25, "Biro Hukum": None}),
        _Instansi("Pemerintah Provinsi Aceh", prov, "Aceh", "Kota Banda Aceh", {"": None}),
    ]


_PILIHAN_DEMOGRAFI: dict[str, tuple[list, list[float]]] = {
    "jenis_kelamin": (["Laki-laki", "Perempuan", ""], [0.52, 0.45, 0.03]),
    "kelompok_usia": (["< 30", "30-39", "40-49", "50+"], [0.15, 0.35, 0.3, 0.2]),
    "jenis_jabatan": (["Struktural", "Fungsional", "Pelaksana"], [0.2, 0.45, 0.35]),
    "masa_kerja": (["< 5 tahun", "5-14 tahun", "15-24 tahun", "25+ tahun"], [0.2, 0.35, 0.3, 0.15]),
    "status_kepegawaian": (["PNS", "PPPK"], [0.85, 0.15]),
}
_GOLONGAN = (["I", "II", "III", "IV"], [0.04, 0.22, 0.5, 0.24])
_BADUNG_GOL_I = {"Pemerintah Kabupaten Badung": 8, "Badan Pengawas Obat dan Makanan": 15}


def _demografi(rng: np.random.Generator, ins: _Instansi, n: int) -> dict[str, list]:
    """Demographic columns for ``n`` staff of one agency unit (PPPK staff have no golongan)."""
    kolom = {k: list(rng.choice(pilihan, size=n, p=p)) for k, (pilihan, p) in _PILIHAN_DEMOGRAFI.items()}
    gol = list(rng.choice(_GOLONGAN[0], size=n, p=_GOLONGAN[1]))
    if ins.kabupaten == "Kabupaten Badung":  # golongan I only as fixed in _tandai_badung
        gol = list(rng.choice(["II", "III", "IV"], size=n, p=[0.25, 0.5, 0.25]))
    kolom["golongan"] = [g if s == "PNS" else "" for g, s in zip(gol, kolom["status_kepegawaian"], strict=True)]
    return kolom


def _tandai_badung(df: pd.DataFrame) -> pd.DataFrame:
    """Case 4: exactly 8 (B1) and 15 (B2) staff of golongan I in Kabupaten Badung, every period."""
    for instansi, jumlah in _BADUNG_GOL_I.items():
        for _, baris in df[df["instansi"] == instansi].groupby("periode"):
            pilih = baris.index[:jumlah]
            df.loc[pilih, "golongan"] = "I"
            df.loc[pilih, "status_kepegawaian"] = "PNS"
    return df


def data_uji(seed: int = 7, periode: Iterable[int] = PERIODE_UJI, skala: int = 1,
             bolong: float = 0.0) -> pd.DataFrame:
    """A small deterministic respondent-level set following the data contract, with many small
    groups (1-15) in every filter and demographic column and the five leak patterns of issue 7
    (:data:`KASUS`). ``skala`` > 1 repeats the random parts under more names (a larger run).
    ``bolong``: the share of respondents who left the level blank, and (apart) of those who
    left one value blank, so groups can be small in one measure and not in their count."""
    rng = np.random.default_rng(seed)
    bagian = []
    for p in periode:
        daftar = _daftar_instansi(p)
        for s in range(1, skala):  # more agencies of random size in other provinces
            prov = kontrak.PROVINSI[(7 * s) % len(kontrak.PROVINSI)]
            daftar.append(_Instansi(f"Pemerintah Kabupaten Uji {s}", "Pemerintah Kabupaten", prov,
                                    f"Kabupaten Uji {s}", {"Sekretariat Daerah": None,
                                                           "Dinas Pendidikan": None, "Bagian Umum": None}))
            daftar.append(_Instansi(KEMENTERIAN, "Kementerian", prov, f"Kabupaten Uji {s}",
                                    {"Kantor Kementerian Agama": None}))
        for ins in daftar:
            for unit, ukuran in ins.unit.items():
                n = ukuran if ukuran is not None else int(rng.choice(16, p=_PELUANG_ACAK))
                if n == 0:
                    continue
                kolom = {"periode": [p] * n, "instansi": [ins.nama] * n, "provinsi": [ins.provinsi] * n,
                         "jenis_instansi": [ins.jenis] * n, "kabupaten_kota": [ins.kabupaten] * n,
                         "unit_kerja": [unit] * n, **_demografi(rng, ins, n)}
                bagian.append(pd.DataFrame(kolom))
    df = pd.concat(bagian, ignore_index=True)
    df = _tandai_badung(df)
    df.insert(1, "responden_id", [f"{p}-{i:05d}" for i, p in enumerate(df["periode"])])
    df["level_sosio_emosional"] = pd.array(rng.integers(1, 6, size=len(df)), dtype="Int64")
    # Scores: a person's level plus a value offset and noise, two decimals (so sums differ).
    dasar = rng.normal(66, 9, size=len(df))
    for j, v in enumerate(kontrak.KUNCI_NILAI):
        skor = dasar + (j - 3) * 1.5 + rng.normal(0, 6, size=len(df))
        df[v] = np.round(np.clip(skor, 0, 100), 2)
    if bolong:
        df.loc[rng.random(len(df)) < bolong, "level_sosio_emosional"] = None
        kosong = rng.random(len(df)) < bolong
        pilih = rng.integers(0, len(kontrak.KUNCI_NILAI), size=len(df))
        for j, v in enumerate(kontrak.KUNCI_NILAI):
            df.loc[kosong & (pilih == j), v] = np.nan
    urut = ["periode", "responden_id", "instansi", "provinsi", *kontrak.KUNCI_NILAI,
            *kontrak.OPSIONAL_TEKS, kontrak.LEVEL]
    df = df[urut]
    df["periode"] = df["periode"].astype("int64")
    return df


# Random unit sizes: mostly 1-15, sometimes absent in a period.
_PELUANG_ACAK = np.array([0.06] + [0.94 / 15] * 15)


def tulis_data_uji(folder: Path | str, df: pd.DataFrame | None = None, **kw) -> pd.DataFrame:
    """Write :func:`data_uji` (or ``df``) into ``folder`` as one Parquet file per period."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    df = data_uji(**kw) if df is None else df
    for p, bagian in df.groupby("periode"):
        tabel = pa.Table.from_pandas(bagian.reset_index(drop=True), preserve_index=False)
        pq.write_table(tabel, folder / f"uji_{p}.parquet")
    return df


def atom(df: pd.DataFrame) -> pd.DataFrame:
    """The non-empty atoms of a respondent-level frame: one row per combination of
    :data:`KOLOM_ATOM` with its count ``n``. Blank optional text reads ``kontrak.KOSONG``, as on
    the dashboard."""
    x = pd.DataFrame({"periode": df["periode"].astype("int64")})
    for k in KOLOM_ATOM[1:]:
        if k not in df.columns:
            x[k] = kontrak.KOSONG
            continue
        teks = df[k].astype(object).where(df[k].notna(), "").astype(str).str.strip()
        x[k] = teks.where(teks != "", kontrak.KOSONG) if k not in kontrak.WAJIB else teks
    # per measure, the respondents who answered it: a group is small for a value (or for the
    # levels) when fewer than the minimum answered it, even if the group itself is larger
    for v in kontrak.KUNCI_NILAI:
        x[f"n_{v}"] = df[v].notna().astype("int64") if v in df.columns else 0
    x[f"n_{LEVEL}"] = df[kontrak.LEVEL].notna().astype("int64") if kontrak.LEVEL in df.columns else 0
    hitung = [f"n_{u}" for u in UKURAN[1:]]
    hasil = x.groupby(list(KOLOM_ATOM), sort=True).agg(n=("periode", "size"), **{h: (h, "sum") for h in hitung})
    return hasil.reset_index()


# --- what the dashboard publishes --------------------------------------------------------


@dataclass(frozen=True)
class Terbit:
    """A published cell: its key and the measures readable in it ('n' and value keys)."""

    kunci: Kunci
    ukuran: frozenset
    sumber: str = ""


def _ukuran_terbit(lebar: pd.DataFrame) -> list[set]:
    """Per displayed row, the measures it gives away: n when shown; a value's sum when its mean
    and its count are both shown (its category counts too: their shares are shown exactly where
    the mean is); the level counts when the level shares and their count are shown."""
    def ada(kol: str) -> np.ndarray:
        if kol not in lebar.columns:
            return np.zeros(len(lebar), dtype=bool)
        return pd.to_numeric(lebar[kol], errors="coerce").notna().to_numpy()

    tanda = {"n": ada("n"), **{v: ada(v) & ada(f"n_{v}") for v in kontrak.KUNCI_NILAI},
             LEVEL: ada("plv1") & ada("n_lv")}
    return [{u for u, t in tanda.items() if t[i]} for i in range(len(lebar))]


def _url(p) -> str:
    return "?" + "&".join(f"{k}={v}" for k, v in p.terisi().items())


def semua_pilihan(k) -> list:
    """Every selection a reader can name: per period, every set of filter values that occur
    together in that period (the sidebar offers only those)."""
    from berakhlak import layanan

    pf = layanan.pilihan_filter(k)
    hasil = []
    for periode in sorted(pf["periode"].dropna().unique().tolist()):
        baris = pf.loc[pf["periode"] == periode, list(KOLOM_FILTER)].drop_duplicates()
        dilihat = set()
        for r in range(len(KOLOM_FILTER) + 1):
            for kolom in itertools.combinations(KOLOM_FILTER, r):
                nilai = baris[list(kolom)].dropna().drop_duplicates().itertuples(index=False, name=None)
                for isi in nilai:
                    kunci_p = (periode, kolom, isi)
                    if kunci_p in dilihat:
                        continue
                    dilihat.add(kunci_p)
                    hasil.append(layanan.Pilihan(periode=int(periode),
                                                 **{c: _polos(v) for c, v in zip(kolom, isi, strict=True)}))
    return hasil


def _rincian(k, kelompok: str, p, dimensi: str = "semua") -> pd.DataFrame:
    """A breakdown as its page asks for it (``rincian=True`` where the service still has it)."""
    from berakhlak import layanan

    lain = {"rincian": True} if "rincian" in inspect.signature(layanan.ringkas).parameters else {}
    return layanan.ringkas(k, kelompok, p, dimensi=dimensi, **lain)


def _tingkat_wilayah(p) -> str:
    """The level /wilayah breaks a selection down by (pages/2_wilayah.py)."""
    return "provinsi" if p.provinsi is None else "kabupaten_kota" if p.kabupaten_kota is None else "instansi"


def _isi_pilihan(pf: pd.DataFrame, p) -> frozenset:
    """The (period, filter row) combinations a selection holds in any period: two selections
    holding the same ones hold the same respondents."""
    cocok = np.ones(len(pf), dtype=bool)
    for kol, nilai in p.tanpa_periode().terisi().items():
        cocok &= (pf[kol] == nilai).to_numpy()
    return frozenset(np.flatnonzero(cocok).tolist())


def terbitan(k, semua_rincian: bool = False, alias: bool = True) -> list[Terbit]:
    """Every figure the pages would publish on snapshot ``k``, deduplicated per cell.

    For every nameable selection that ``layanan.status_seleksi`` lets through: its total (/,
    /nilai), the previous period's total (/), its trend over all periods (/tren), the /wilayah
    breakdown (the level the page picks; all of provinsi, kabupaten_kota and instansi with
    ``semua_rincian``), the six demographic tables (/demografi), and each benchmark's total and
    trend (benchmarks are published whatever their own status, as the pages do). Category shares and socio-emotional levels are not audited (not in the atoms).

    ``alias=False`` is faster: of the shown selections that hold the same respondents in every
    period (e.g. ``instansi=X`` and ``provinsi=P&instansi=X``) and get the same /wilayah level,
    only the first one's tables are read, which assumes a figure depends only on the
    respondents it counts, as "one decision per cell" requires. Every selection's status is
    still asked."""
    from berakhlak import layanan

    sel: dict[Kunci, tuple[set, str]] = {}
    dibaca: set = set()  # (kind, selection) already read: the service caches them anyway

    def catat(ukuran: set, k_: Kunci, sumber: str) -> None:
        if not ukuran:
            return
        lama = sel.get(k_)
        if lama is None:
            sel[k_] = (set(ukuran), sumber)
        else:
            lama[0].update(ukuran)

    def catat_total(p, sumber: str) -> None:
        if ("total", p) in dibaca:
            return
        dibaca.add(("total", p))
        baris = layanan.total(k, p)
        if baris is not None:
            catat(_ukuran_terbit(baris.to_frame().T)[0], kunci(**p.params()), f"{sumber} {_url(p)}")

    def catat_tabel(lebar: pd.DataFrame, p, kolom: str, sumber: str) -> None:
        for kelompok, ukuran in zip(lebar["kelompok"].tolist(), _ukuran_terbit(lebar), strict=True):
            catat(ukuran, kunci(**{**p.params(), kolom: kelompok}), f"{sumber} {_url(p)}")

    def catat_tren(p, sumber: str) -> None:
        p = p.tanpa_periode()
        if ("tren", p) not in dibaca:
            dibaca.add(("tren", p))
            catat_tabel(layanan.ringkas(k, "periode", p), p, "periode", sumber)

    pf = layanan.pilihan_filter(k).reset_index(drop=True)
    sudah: set = set()
    for p in semua_pilihan(k):
        if layanan.status_seleksi(k, p) is not None:
            continue
        for jenis in ("nasional", "provinsi", "jenis"):
            banding = layanan.pembanding(k, p, jenis)
            if banding is not None:
                catat_total(banding[0], f"pembanding[{jenis}]")
                catat_tren(banding[0], f"tren pembanding[{jenis}]")
        if not alias:
            tanda = (p.periode, _tingkat_wilayah(p), _isi_pilihan(pf, p))
            if tanda in sudah:
                continue
            sudah.add(tanda)
        catat_total(p, "total")
        catat_tren(p, "tren")
        lalu = layanan.periode_sebelumnya(k, p)
        if lalu is not None:
            catat_total(p.dengan(periode=lalu), "total periode lalu")
        tingkat = ("provinsi", "kabupaten_kota", "instansi") if semua_rincian else (_tingkat_wilayah(p),)
        for kolom in tingkat:
            catat_tabel(_rincian(k, kolom, p), p, kolom, f"wilayah[{kolom}]")
        for d in kontrak.DIMENSI_DEMOGRAFI:
            lebar = _rincian(k, "grup", p, dimensi=d)
            catat_tabel(lebar, p, d, f"demografi[{d}]")
    return [Terbit(kk, frozenset(u), s) for kk, (u, s) in sel.items()]


# --- the linear check ------------------------------------------------------------------------


@dataclass
class Bocor:
    """A small group whose count or value sums follow from published cells."""

    kunci: Kunci
    n: int
    ukuran: tuple[str, ...]
    kombinasi: list[tuple[float, Kunci, str]] = field(default_factory=list)  # (coef, cell, where)
    atom: frozenset = frozenset()  # atom row numbers (for matching other names of the group)

    def __str__(self) -> str:
        hasil = f"{nama(self.kunci)} (n={self.n}) leaks {', '.join(self.ukuran)}"
        if self.kombinasi:
            hasil += " = " + " ".join(f"{c:+g}×[{nama(k)}]" for c, k, _ in self.kombinasi[:8])
            if len(self.kombinasi) > 8:
                hasil += f" ... ({len(self.kombinasi)} terms)"
        return hasil


@dataclass
class Hasil:
    """Leaks found, with sizes and timings (seconds)."""

    bocor: list[Bocor]
    n_atom: int
    n_terbit: int
    n_grup: int
    waktu: dict[str, float] = field(default_factory=dict)

    def ringkasan(self, batas: int = 40) -> str:
        baris = [f"{len(self.bocor)} small groups recoverable ({self.n_grup} small groups checked, "
                 f"{self.n_terbit} published cells, {self.n_atom} atoms)"]
        baris += [f"  {b}" for b in self.bocor[:batas]]
        if len(self.bocor) > batas:
            baris.append(f"  ... and {len(self.bocor) - batas} more")
        return "\n".join(baris)


def _cocok(atom_df: pd.DataFrame, kunci_list: list[Kunci]) -> list[np.ndarray]:
    """For each key, the row numbers of the atoms it adds up (keys grouped by their columns)."""
    hasil: list[np.ndarray] = [np.empty(0, dtype=np.int64)] * len(kunci_list)
    per_kolom: dict[tuple, list[int]] = {}
    for i, k in enumerate(kunci_list):
        per_kolom.setdefault(tuple(c for c, _ in k), []).append(i)
    nomor = np.arange(len(atom_df))
    for kolom, idx in per_kolom.items():
        if not kolom:
            for i in idx:
                hasil[i] = nomor
            continue
        kiri = pd.DataFrame([[v for _, v in kunci_list[i]] for i in idx], columns=list(kolom))
        kiri["_sel"] = idx
        kanan = atom_df[list(kolom)].assign(_atom=nomor)
        gabung = kiri.merge(kanan, on=list(kolom), how="inner")
        for sel_i, bagian in gabung.groupby("_sel")["_atom"]:
            hasil[sel_i] = np.sort(bagian.to_numpy())
    return hasil


class _Ruang:
    """The row space of one set of published cells over the atoms of one block."""

    def __init__(self, baris: list[np.ndarray], m: int) -> None:
        unik: dict[bytes, int] = {}
        self.wakil: list[int] = []  # one published cell per distinct row
        for i, a in enumerate(baris):
            if len(a) and a.tobytes() not in unik:
                unik[a.tobytes()] = len(self.wakil)
                self.wakil.append(i)
        self.A = np.zeros((len(self.wakil), m))
        for r, i in enumerate(self.wakil):
            self.A[r, baris[i]] = 1.0
        if len(self.A) == 0:
            self.sigma, self.V, self.N = np.zeros(0), np.zeros((m, 0)), np.eye(m)
            return
        R = np.linalg.qr(self.A, mode="r") if self.A.shape[0] > m else self.A
        _, s, vt = np.linalg.svd(R, full_matrices=True)
        tol = max(s[0] if len(s) else 0.0, 1.0) * 1e-9
        rank = int((s > tol).sum())
        self.sigma, self.V, self.N = s[:rank], vt[:rank].T, vt[rank:].T

    def bocor(self, G: np.ndarray, tol: float = 1e-6) -> np.ndarray:
        """Which rows of the group matrix ``G`` lie in the row space."""
        if self.N.shape[1] == 0:
            return np.ones(len(G), dtype=bool)
        return np.linalg.norm(G @ self.N, axis=1) < tol

    def kombinasi(self, g: np.ndarray) -> list[tuple[float, int]]:
        """A short combination of published rows giving ``g``: (coefficient, row), biggest
        first (the least-norm one when no short one is found among its biggest terms)."""
        if not len(self.sigma):
            return []
        c = self.A @ (self.V @ ((self.V.T @ g) / self.sigma**2))  # the least-norm combination
        urut = np.argsort(-np.abs(c))
        for k in (1, 2, 3, 4, 6, 8, 12, 16):  # the fewest of its biggest terms that give g
            pilih = urut[:k]
            coef, *_ = np.linalg.lstsq(self.A[pilih].T, g, rcond=None)
            if np.linalg.norm(self.A[pilih].T @ coef - g) < 1e-6:
                c, urut = np.zeros_like(c), urut[:k]
                c[pilih] = coef
                break
        return [(float(np.round(c[r], 6)), int(r)) for r in urut if abs(c[r]) > 1e-9]


def grup_bernama(atom_df: pd.DataFrame, minimum: int, kolom_filter: Iterable[str] = KOLOM_FILTER,
                 kolom_demografi: Iterable[str] = KOLOM_DEMOGRAFI, kolom_n: str = "n") -> list[Kunci]:
    """Every group the dashboard can name with 1..minimum-1 respondents (counted in ``kolom_n``:
    those who answered one value, say): per period, every combination of filter values, alone
    or with one demographic group; one name per distinct set of atoms (the fewest columns)."""
    return _grup_bernama(atom_df, minimum, [kolom_n], kolom_filter, kolom_demografi)[kolom_n]


def _grup_bernama(atom_df: pd.DataFrame, minimum: int, kolom_n: list[str],
                  kolom_filter: Iterable[str] = KOLOM_FILTER,
                  kolom_demografi: Iterable[str] = KOLOM_DEMOGRAFI) -> dict[str, list[Kunci]]:
    """:func:`grup_bernama` for several count columns in one pass over the combinations."""
    ada = set(atom_df.columns)
    f = [c for c in kolom_filter if c in ada]
    d = [None, *(c for c in kolom_demografi if c in ada)]
    awal = ["periode"] if "periode" in ada else []
    hasil: dict[str, list[Kunci]] = {k: [] for k in kolom_n}
    dilihat: dict[str, set] = {k: set() for k in kolom_n}
    pola = [(list(s), dd) for dd in d for r in range(len(f) + 1) for s in itertools.combinations(f, r)]
    pola.sort(key=lambda x: len(x[0]) + (x[1] is not None))
    nomor = np.arange(len(atom_df))
    for s, dd in pola:
        kolom = [*awal, *s, *([dd] if dd else [])]
        if not kolom:
            continue
        grup = atom_df.assign(_atom=nomor).groupby(kolom, sort=True)
        jumlah = grup[kolom_n].sum()
        kecil = {k: jumlah.index[(jumlah[k] >= 1) & (jumlah[k] < minimum)] for k in kolom_n}
        if all(v.empty for v in kecil.values()):
            continue
        anggota = grup["_atom"].apply(lambda x: frozenset(x.tolist()))
        for k, daftar in kecil.items():
            for isi in daftar:
                isi_t = isi if isinstance(isi, tuple) else (isi,)
                himp = anggota.loc[isi]
                if himp in dilihat[k]:
                    continue
                dilihat[k].add(himp)
                hasil[k].append(kunci(**dict(zip(kolom, isi_t, strict=True))))
    return hasil


def periksa(atom_df: pd.DataFrame, terbit: Iterable[Terbit], grup: Iterable | None = None,
            minimum: int = 10, ukuran: Iterable[str] = UKURAN) -> Hasil:
    """Which groups' measures follow linearly from the published cells.

    ``atom_df``: one row per non-empty atom, its key columns and its count ``n`` (and, when it
    has them, ``n_<measure>``: those who answered it; for that measure only atoms with someone
    who answered are unknowns, and the groups tested are those small in that count).
    ``terbit``: the published cells. ``grup``: keys (tuples or dicts) of the groups to test for
    every measure; by default every nameable group of 1..minimum-1 (:func:`grup_bernama`).
    Periods are solved separately when every cell and group names one; otherwise all together.
    """
    mulai = time.perf_counter()
    atom_df = atom_df.reset_index(drop=True)
    terbit = list(terbit)
    ukuran = list(ukuran)
    kolom_n = {u: f"n_{u}" if f"n_{u}" in atom_df.columns else "n" for u in ukuran}
    tetap = None if grup is None else [kunci(**g) if isinstance(g, Mapping) else tuple(g) for g in grup]
    semua_kolom = list(dict.fromkeys(kolom_n.values()))
    per_kolom = ({kol: tetap for kol in semua_kolom} if tetap is not None
                 else _grup_bernama(atom_df, minimum, semua_kolom))
    semua_grup = list(dict.fromkeys(g for daftar in per_kolom.values() for g in daftar))
    nomor_grup = {g: i for i, g in enumerate(semua_grup)}
    a_terbit = _cocok(atom_df, [t.kunci for t in terbit])
    a_grup = _cocok(atom_df, semua_grup)
    waktu = {"cocok": time.perf_counter() - mulai}

    # Blocks: one per period, unless something spans periods.
    if "periode" in atom_df.columns and all("periode" in dict(x) for x in [*(t.kunci for t in terbit), *semua_grup]):
        blok_atom = atom_df["periode"].to_numpy()
    else:
        blok_atom = np.zeros(len(atom_df), dtype=np.int64)
    hasil: dict[int, Bocor] = {}
    mulai = time.perf_counter()
    for b in np.unique(blok_atom):
        sel_blok = [i for i, a in enumerate(a_terbit) if len(a) and blok_atom[a[0]] == b]
        ruang: dict[tuple, _Ruang] = {}
        for u in ukuran:
            kol = kolom_n[u]
            ada = atom_df[kol].to_numpy() > 0
            di_blok = np.flatnonzero((blok_atom == b) & ada)
            posisi = np.full(len(atom_df), -1)
            posisi[di_blok] = np.arange(len(di_blok))
            grup_blok = [nomor_grup[g] for g in per_kolom[kol]
                         if len(a_grup[nomor_grup[g]]) and blok_atom[a_grup[nomor_grup[g]][0]] == b
                         and (posisi[a_grup[nomor_grup[g]]] >= 0).any()]
            if not grup_blok:
                continue
            G = np.zeros((len(grup_blok), len(di_blok)))
            for r, i in enumerate(grup_blok):
                a = posisi[a_grup[i]]
                G[r, a[a >= 0]] = 1.0
            baris = [i for i in sel_blok if u in terbit[i].ukuran]
            tanda = (kol, frozenset(baris))
            if tanda not in ruang:
                vektor = [posisi[a_terbit[i]] for i in baris]
                ruang[tanda] = _Ruang([v[v >= 0] for v in vektor], len(di_blok))
            rg = ruang[tanda]
            for r in np.flatnonzero(rg.bocor(G)):
                i = grup_blok[r]
                if i not in hasil:
                    komb = [(c, terbit[baris[rg.wakil[j]]].kunci, terbit[baris[rg.wakil[j]]].sumber)
                            for c, j in rg.kombinasi(G[r])]
                    hasil[i] = Bocor(semua_grup[i], int(atom_df["n"].to_numpy()[a_grup[i]].sum()), (), komb,
                                     frozenset(a_grup[i].tolist()))
                hasil[i].ukuran = (*hasil[i].ukuran, u)
    waktu["aljabar"] = time.perf_counter() - mulai
    bocor = [hasil[i] for i in sorted(hasil)]
    return Hasil(bocor, len(atom_df), len(terbit), len(semua_grup), waktu)


def bocor_kasus(hasil: Hasil, atom_df: pd.DataFrame, k: Kunci) -> Bocor | None:
    """The leak of the group ``k`` under any of its names (same atoms), or None."""
    himp = frozenset(_cocok(atom_df.reset_index(drop=True), [k])[0].tolist())
    return next((b for b in hasil.bocor if b.atom == himp), None)


def audit_dasbor(df: pd.DataFrame, k, minimum: int | None = None, semua_rincian: bool = False,
                 alias: bool = True) -> Hasil:
    """Enumerate what the dashboard publishes on snapshot ``k`` and check it against the raw
    respondent frame ``df`` (the data ``k`` was built from)."""
    from berakhlak import privasi

    minimum = privasi.minimum() if minimum is None else minimum
    mulai = time.perf_counter()
    terbit = terbitan(k, semua_rincian=semua_rincian, alias=alias)
    t_terbit = time.perf_counter() - mulai
    hasil = periksa(atom(df), terbit, minimum=minimum)
    hasil.waktu = {"terbitan": t_terbit, **hasil.waktu}
    return hasil
