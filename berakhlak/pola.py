"""The suppression pattern: which cells are hidden, decided once per data version.

A *cell* is a group the dashboard can name in one period: any combination of the filter
columns (``ORG``), optionally crossed with one group of one demographic dimension. Every page,
chart, table, trend point, benchmark and download shows a cell's figures only when the pattern
publishes it, so the same group is hidden or shown the same way everywhere.

The rule, and why it holds (see README "Kerahasiaan"):

* A group of 1..minimum-1 respondents is *small*. Protected are every small cell and every
  small *remainder* (a cell's parent, reached by dropping one filter or the demographic group,
  minus the cell).
* For each protected group G we keep a *certificate*: a signed set of atoms (the finest
  combinations of the columns, with their respondents) such as +a -b, or +a -b -c +e. Moving
  respondents (or score mass) along it changes G but leaves unchanged every cell whose signed
  sum over the certificate is zero. Every cell whose sum is not zero is hidden.
* So every figure the dashboard publishes is the same for the true data and for the data moved
  along any certificate, while each protected group's count and value sums differ: no additive
  combination of published figures can determine a protected group. Hiding only ever grows, so
  a certificate chosen early stays valid.

Certificates are chosen greedily to hide as few respondents as possible (a pair of atoms in
sibling units costs only the unit cells; four atoms in two provinces and two agency kinds form
the classic rectangle of cell suppression, as tau-ARGUS does for linked tables). A demographic
certificate moves one respondent's group between two atoms of the same two groups, so it never
touches a filter cell, and it keeps every other dimension's group, so it touches no other
dimension's cells.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import itertools
import logging
import os
import pickle
import shutil
import threading
import time
import weakref
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

from berakhlak import kontrak

ORG: tuple[str, ...] = tuple(k for k in kontrak.FILTER if k != "periode")
_K = len(ORG)
_TAK = -1  # "not set" in a cell key
_TETANGGA = 6  # candidates per role in a certificate search
# per-atom answer counts of each measure (pola_atom.sql): the seven values and the levels
UKURAN: tuple[str, ...] = (*(f"n_{kontrak.SINGKAT[v]}" for v in kontrak.KUNCI_NILAI), "n_lv")
_DICOBA = 60  # certificates weighed per group at most (the first one costing nothing wins)
# weight of a hidden cell by how many filters name it (see _Lapisan.bobot)
_BOBOT: dict[float, int] = {0: 1_000_000, 1: 1_000, 1.5: 100, 2: 10}

# masks over the org columns, widest (most columns kept) first
_MASKER: list[tuple[bool, ...]] = sorted(
    (tuple(bool(m >> i & 1) for i in range(_K)) for m in range(2**_K)), key=lambda m: -sum(m))


class Pola:
    """Hidden cells of one data version, per period and dimension ('semua' for the filter
    cells), each layer computed once when first asked for (pages ask for few of them).

    A key is the tuple of the ``ORG`` values (None: not set), plus the group for a dimension."""

    def __init__(self, basis, minimum: int, demografi: bool = True, simpan: Path | None = None) -> None:
        self.basis = basis
        self.minimum = minimum
        self.demografi = demografi
        self.simpan = simpan  # folder keeping the layers on disk (None: memory only)
        self.dari_disk = 0  # layers read from that folder instead of computed
        self.tersembunyi: dict[tuple[int, str], set[tuple]] = {}
        self.detik: dict[tuple[int, str], float] = {}
        self.sertifikat = 0
        self._org: dict[int, tuple[_Lapisan, set[tuple], list]] = {}
        self._kunci = threading.Lock()
        self.latar: threading.Thread | None = None

    def sembunyi(self, periode, dimensi: str, kunci: tuple) -> bool:
        """Whether the cell is hidden (small, or hidden to protect a small group). Demographic
        cells of a snapshot whose demographic rollups are not ready are all hidden, and so
        is every demographic cell of a hidden filter cell."""
        if dimensi != "semua" and not self.demografi:
            return True
        periode = int(periode)
        lapisan = self.lapisan(periode, dimensi)
        if dimensi == "semua":
            return kunci in lapisan
        return kunci[:_K] in self.tersembunyi[(periode, "semua")] or kunci in lapisan

    def siap(self, periode, dimensi: str = "semua") -> bool:
        """Whether a layer has been computed already, or kept on disk (a page shows a spinner
        when not)."""
        kunci = (int(periode), dimensi)
        berkas = self._berkas(*kunci)
        return kunci in self.tersembunyi or (berkas is not None and berkas.exists())

    def lapisan(self, periode: int, dimensi: str) -> set[tuple]:
        """The hidden cells of one period and dimension (computed on first use). For a
        dimension: only those not small and not in a hidden filter cell (those follow)."""
        kunci = (periode, dimensi)
        if kunci not in self.tersembunyi:
            with self._kunci:
                if kunci not in self.tersembunyi:
                    self._hitung(periode, dimensi)
        return self.tersembunyi[kunci]

    def _hitung(self, periode: int, dimensi: str) -> None:
        if (periode, "semua") not in self.tersembunyi:
            mulai = time.perf_counter()
            tersimpan = self._baca(periode, "semua")
            if tersimpan is None:
                self._hitung_org(periode)
            else:
                self.tersembunyi[(periode, "semua")] = tersimpan
                self.detik[(periode, "semua")] = time.perf_counter() - mulai
        if dimensi == "semua":
            return
        mulai = time.perf_counter()
        tersimpan = self._baca(periode, dimensi)
        if tersimpan is not None:
            self.tersembunyi[(periode, dimensi)] = tersimpan
            self.detik[(periode, dimensi)] = time.perf_counter() - mulai
            return
        if periode not in self._org:
            self._hitung_org(periode)
        org, org_tersembunyi, kamus = self._org[periode]
        atom = self.basis.jalankan("pola_atom", {"periode": periode, "dimensi": dimensi})
        lap = _hitung_grup(atom, org, org_tersembunyi, kamus)
        self.tersembunyi[(periode, dimensi)] = self._tulis(periode, dimensi, {
            lap.kunci_nilai(k) for k in lap.sembunyi
            if k[:_K] not in org_tersembunyi and not 0 < lap.sel[k] < self.minimum})
        self._catat(periode, dimensi, lap, mulai)

    def _hitung_org(self, periode: int) -> None:
        """The filter layer of a period. When its hidden cells were read from disk already
        (a dimension is computed after a restart), those stay the ones published: the
        dimension is computed against them."""
        mulai = time.perf_counter()
        dasar = self.basis.jalankan("pola_atom", {"periode": periode, "dimensi": "semua"})
        org, tersembunyi, kamus = _hitung_org(dasar, self.minimum)
        nilai = {org.kunci_nilai(k) for k in tersembunyi}
        terbit = self.tersembunyi.get((periode, "semua"))
        if terbit is None:
            terbit = self._tulis(periode, "semua", nilai)
            self.tersembunyi[(periode, "semua")] = terbit
            self._catat(periode, "semua", org, mulai)
        if terbit != nilai:  # another process published its layer first: adopt it
            tersembunyi = {_ke_kode(kamus, k) for k in terbit}
        self._org[periode] = (org, tersembunyi, kamus)

    # on disk: one file per layer, written once (the first writer wins, every reader adopts it)
    def _berkas(self, periode: int, dimensi: str) -> Path | None:
        return None if self.simpan is None else self.simpan / f"{periode}-{dimensi}.pickle"

    def _baca(self, periode: int, dimensi: str) -> set[tuple] | None:
        berkas = self._berkas(periode, dimensi)
        if berkas is None or not berkas.exists():
            return None
        try:
            isi = pickle.loads(berkas.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            logging.getLogger(__name__).warning("unreadable pattern layer %s: computed again", berkas)
            return None
        self.dari_disk += 1
        return isi

    def _tulis(self, periode: int, dimensi: str, isi: set[tuple]) -> set[tuple]:
        """Publish a layer: written whole to a temporary file, then linked to its name, which
        fails when another process (a replica sharing the cache) was first; its layer is then
        the one used, so every process hides the same cells."""
        berkas = self._berkas(periode, dimensi)
        if berkas is None:
            return isi
        berkas.parent.mkdir(parents=True, exist_ok=True)
        sementara = berkas.with_name(f".{berkas.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            sementara.write_bytes(pickle.dumps(isi, protocol=pickle.HIGHEST_PROTOCOL))
            os.link(sementara, berkas)
        except FileExistsError:
            lain = self._baca(periode, dimensi)
            return isi if lain is None else lain
        except OSError:  # a read-only cache: the layer stays in memory
            logging.getLogger(__name__).warning("pattern layer not kept on disk: %s", berkas)
        finally:
            sementara.unlink(missing_ok=True)
        return isi

    def _catat(self, periode: int, dimensi: str, lap: _Lapisan, mulai: float) -> None:
        self.sertifikat += lap.jumlah_sertifikat
        self.detik[(periode, dimensi)] = time.perf_counter() - mulai

    def mulai_latar(self, periode: list[int]) -> threading.Thread:
        """Compute every layer in a background thread: every period's filter cells first
        (newest first), then each period's dimensions, so a page rarely waits."""
        urut = sorted((int(p) for p in periode), reverse=True)
        tugas = [(p, "semua") for p in urut]
        if self.demografi:
            tugas += [(p, d) for p in urut for d in kontrak.DIMENSI_DEMOGRAFI]

        def jalan() -> None:
            for p, d in tugas:
                if _BERHENTI.is_set():
                    return
                try:
                    self.lapisan(p, d)
                except Exception:  # the page that asks will compute it again and report
                    logging.getLogger(__name__).exception("suppression pattern %s %s", p, d)
                    return

        t = threading.Thread(target=jalan, name="pola", daemon=True)
        _LATAR.add(t)
        t.start()
        return t

    def hitung_semua(self, periode: list[int]) -> None:
        """Every layer of the given periods (the auditor and the benchmark)."""
        for p in periode:
            for d in ("semua", *(kontrak.DIMENSI_DEMOGRAFI if self.demografi else ())):
                self.lapisan(int(p), d)


_BERHENTI = threading.Event()
_LATAR: weakref.WeakSet[threading.Thread] = weakref.WeakSet()


@atexit.register
def _berhenti_saat_keluar() -> None:
    """Let a background layer finish (never cut DuckDB off mid-query) and start no other."""
    _BERHENTI.set()
    for t in list(_LATAR):
        t.join(timeout=60)


def kunci_sel(nilai: dict) -> tuple:
    """The ORG part of a cell key from a mapping of set filters (periode ignored)."""
    return tuple(None if nilai.get(k) is None else str(nilai[k]) for k in ORG)


# --- one layer: the atoms of one period (optionally x the groups of one dimension) ----------


class _Lapisan:
    """Atoms (finest combinations) of one period and every cell that can be named over them.

    ``kamus`` maps each org column's values to codes shared by every layer of the period."""

    def __init__(self, atom: pd.DataFrame, grup: bool, minimum: int,
                 kamus: list[dict[str, int]]) -> None:
        self.grup = grup
        self.minimum = minimum
        self.nilai = [list(k) for k in kamus]
        kode = [atom[k].astype(str).map(kamus[j]).to_numpy(dtype=np.int64) for j, k in enumerate(ORG)]
        if grup:
            kodes, uniq = pd.factorize(atom["grup"].astype(str), sort=True)
            kode.append(kodes.astype(np.int64))
            self.nilai.append([str(u) for u in uniq])
        self.kode: list[tuple[int, ...]] = list(zip(*(k.tolist() for k in kode), strict=True))
        self.n: list[int] = atom["n"].astype("int64").tolist()
        self.lengkap: list[bool] = atom["lengkap"].astype(bool).tolist()
        # measures whose answerers are not everyone in some atom (a blank value or level): a
        # group can be small in one of them and not in its count; per measure, its count per atom
        self.n_ukuran: dict[str, list[int]] = {}
        for u in UKURAN:
            if u in atom.columns:
                nu = atom[u].fillna(0).astype("int64")
                if nu.to_numpy().any() and not (nu == atom["n"]).all():
                    self.n_ukuran[u] = nu.tolist()
        self.masker = [(*m, True) for m in _MASKER] if grup else list(_MASKER)
        self._sel_atom(np.stack(kode, axis=1).reshape(len(self.n), len(kode)))
        self.indeks = {a: i for i, a in enumerate(self.kode)}
        # a unit name without its agency names no real group (every agency has a Sekretariat):
        # never shown, so it costs nothing to hide and certificates stay within agencies
        self.sembunyi: set[tuple] = {k for k in self.sel if k[4] != _TAK and k[3] == _TAK}
        self.sertifikat: dict[int, list[tuple[int, int]]] = defaultdict(list)  # atom -> (id, sign)
        self.bukti: list[list[tuple[int, int]]] = []  # id -> the certificate
        self.jumlah_sertifikat = 0

    def _sel_atom(self, kode: np.ndarray) -> None:
        """Every cell containing each atom (``kunci_atom``), every cell's respondents (``sel``;
        per measure: ``sel_ukuran``) and atoms (``isi``), made with arrays: atoms x masks is
        hundreds of thousands of keys. The dictionaries keep the order in which a walk over the
        atoms (each atom's cells in its set's order) first meets each cell, the order that
        breaks ties in the search."""
        m = len(self.masker)
        proyeksi = np.where(np.array(self.masker, dtype=bool)[None, :, :], kode[:, None, :],
                            _TAK).reshape(-1, kode.shape[1])
        kunci_baris = list(map(tuple, proyeksi.tolist()))
        # one cell per mask: an atom's codes are never _TAK, so no two masks give the same cell
        self.kunci_atom: list[frozenset[tuple]] = [  # atom -> every cell containing it
            frozenset(kunci_baris[i:i + m]) for i in range(0, len(kunci_baris), m)]
        _, pertama, nomor_sel = np.unique(_Pencari.bilangan(proyeksi), return_index=True,
                                          return_inverse=True)
        nomor = {kunci_baris[r]: j for j, r in enumerate(pertama.tolist())}
        kunci_sel = [kunci_baris[r] for r in pertama.tolist()]  # cell number -> key
        # the walk: each atom's cells in its set's order (m per atom), as cell numbers
        jalan = np.fromiter((nomor[k] for k in itertools.chain.from_iterable(self.kunci_atom)),
                            dtype=np.int64, count=len(kunci_baris))

        def urutan(atom: np.ndarray | None) -> list[int]:
            """Cell numbers in the order the walk over the atoms (all, or those ``atom``
            selects) first meets them."""
            langkah = jalan if atom is None else jalan[np.repeat(atom, m)]
            _, awal = np.unique(langkah, return_index=True)
            return langkah[np.sort(awal)].tolist()

        def total(per_atom) -> np.ndarray:
            """A per-atom count summed per cell number."""
            return np.bincount(nomor_sel, weights=np.repeat(np.asarray(per_atom, dtype=np.float64), m),
                               minlength=len(pertama)).astype(np.int64)

        def per_sel(nilai: list, no: list[int]) -> defaultdict:
            return defaultdict(int, zip([kunci_sel[j] for j in no], [nilai[j] for j in no], strict=True))

        n_sel = total(self.n)
        self.sel: dict[tuple, int] = per_sel(n_sel.tolist(), urutan(None))
        self.sel_ukuran: dict[str, dict[tuple, int]] = {
            u: per_sel(total(nu).tolist(), urutan(np.asarray(nu) != 0)) for u, nu in self.n_ukuran.items()}
        # cell -> its atoms in order: rows sorted by cell (stable: each cell's atoms in order)
        atom_urut = (np.argsort(nomor_sel, kind="stable") // m).tolist()
        batas = np.concatenate([[0], np.cumsum(np.bincount(nomor_sel, minlength=len(pertama)))]).tolist()
        self.isi: dict[tuple, list[int]] = defaultdict(list, zip(self.sel, (
            atom_urut[batas[j]:batas[j + 1]] for j in map(nomor.__getitem__, self.sel)), strict=True))
        # a cell's cost when hidden: its respondents times its weight
        self.berat: dict[tuple, int] = dict(zip(kunci_sel, (self.bobot(proyeksi[pertama]) * n_sel).tolist(),
                                                strict=True))

    # cells -------------------------------------------------------------------------------
    def sel_tak_nol(self, bukti: list[tuple[int, int]]) -> set[tuple]:
        """Cells whose signed sum over the certificate is not zero."""
        plus = [self.kunci_atom[i] for i, t in bukti if t > 0]
        minus = [self.kunci_atom[i] for i, t in bukti if t < 0]
        if len(plus) == len(minus) == 1:  # a pair: the cells holding exactly one of the two
            return plus[0] ^ minus[0]
        if len(bukti) == 4 and self.grup and len(plus) == 2:
            # +(a,g) -(a,h) -(b,g) +(b,h): the g cells and the h cells separating a from b
            (x, _), (y, _), (bg, _), (bh, _) = bukti
            return (self.kunci_atom[x] ^ self.kunci_atom[bg]) | (self.kunci_atom[y] ^ self.kunci_atom[bh])
        jumlah: dict[tuple, int] = defaultdict(int)
        for i, tanda in bukti:
            for kunci in self.kunci_atom[i]:
                jumlah[kunci] += tanda
        return {k for k, v in jumlah.items() if v}

    def biaya(self, bukti: list[tuple[int, int]]) -> int:
        """The cost to minimise: respondents in the cells a certificate would newly hide,
        weighted by what officials open most (national, one filter: a whole province, regency,
        agency or kind) over crossings and units."""
        berat, sembunyi = self.berat, self.sembunyi
        return sum(berat[k] for k in self.sel_tak_nol(bukti) if k not in sembunyi)

    def bobot(self, kode: np.ndarray) -> np.ndarray:
        """The weight of each cell (rows of codes) by how many filters name it: what officials
        open most (national, one filter: a whole province, regency, agency or kind) weighs more
        than crossings and units; a dimension's cells all weigh the same."""
        if self.grup:
            return np.ones(len(kode), dtype=np.int64)
        terisi = (kode[:, :_K] != _TAK).sum(axis=1).astype(np.float64)
        # a unit of one agency: opened often, less than the agency itself
        terisi[(terisi == 2) & (kode[:, 3] != _TAK) & (kode[:, 4] != _TAK)] = 1.5
        bobot = np.ones(len(kode), dtype=np.int64)
        for jumlah, b in _BOBOT.items():
            bobot[terisi == jumlah] = b
        return bobot

    def terlindung(self, kelompok: list[int], ukuran: str | None = None) -> bool:
        """Whether a kept certificate already changes the group (for a measure: one moving
        only between atoms where someone answered it)."""
        jumlah: dict[int, int] = defaultdict(int)
        for i in kelompok:
            for ident, tanda in self.sertifikat.get(i, ()):
                jumlah[ident] += tanda
        return any(v and self.sah(self.bukti[ident], ukuran) for ident, v in jumlah.items())

    def sah(self, bukti: list[tuple[int, int]], ukuran: str | None) -> bool:
        """Whether a certificate can move ``ukuran``: each of its atoms has someone who
        answered it (an atom nobody answered is known to add nothing)."""
        if ukuran is None:
            return True
        nu = self.n_ukuran[ukuran]
        return all(nu[i] > 0 for i, _ in bukti)

    def simpan(self, bukti: list[tuple[int, int]]) -> None:
        ident = self.jumlah_sertifikat
        self.jumlah_sertifikat += 1
        self.bukti.append(bukti)
        for i, tanda in bukti:
            self.sertifikat[i].append((ident, tanda))
        self.sembunyi.update(self.sel_tak_nol(bukti))

    # neighbours ------------------------------------------------------------------------------
    def dekat(self, sasaran: tuple, kecuali: set[int], batas: int = _TETANGGA) -> list[int]:
        """Atoms sharing the most columns with ``sasaran`` (widest match first). Atoms where
        someone answered every value come first: a certificate must move every value's sum."""
        for hanya_lengkap in (True, False):
            hasil: list[int] = []
            for m in self.masker:
                for i in self.isi.get(_proyeksi(sasaran, m), ()):
                    if i not in kecuali and i not in hasil and (self.lengkap[i] or not hanya_lengkap):
                        hasil.append(i)
                        if len(hasil) >= batas:
                            return hasil
            if hasil:
                return hasil
        return []

    def kunci_nilai(self, kunci: tuple) -> tuple:
        """A cell key of codes as values (None: not set)."""
        return tuple(None if c == _TAK else self.nilai[j][c] for j, c in enumerate(kunci))


def _ke_kode(kamus: list[dict[str, int]], kunci: tuple) -> tuple[int, ...]:
    """A cell key of values (None: not set) as codes of the period's ``kamus``."""
    return tuple(_TAK if v is None else kamus[j][v] for j, v in enumerate(kunci[:_K]))


def _proyeksi(a: tuple[int, ...], m: tuple[bool, ...]) -> tuple[int, ...]:
    return tuple(v if s else _TAK for v, s in zip(a, m, strict=True))


# --- protected groups ------------------------------------------------------------------------


def _kelompok_dilindungi(lap: _Lapisan) -> list:
    """Every small cell (its atoms) and every small remainder (``("sisa", parent, cell)``),
    smallest first, each with the measure it is small in (None: its count; else a measure
    some respondents left blank, see ``_Lapisan.n_ukuran``). In a dimension's layer, dropping
    the group gives the filter cell, and cells whose filter cell is hidden are hidden whole (so
    need no certificate of their own).

    Ties keep the order of the cells (measure, cell in insertion order, the cell itself before
    its remainders by column): the same order as checking one cell at a time. The remainders
    are found with arrays (every cell's parents looked up at once): cells times columns times
    measures is millions of lookups on national data."""
    # (size, is a measure, measure, cell, slot) of every protected group; slot 0: the cell,
    # slot j + 1: the remainder of dropping column j
    bagian: list[np.ndarray] = []
    daftar_sel: list[tuple[str | None, list[tuple]]] = []
    for m, (ukuran, sel) in enumerate(((None, lap.sel), *lap.sel_ukuran.items())):
        kunci = list(sel)
        daftar_sel.append((ukuran, kunci))
        if not kunci:
            continue
        kode = np.array(kunci, dtype=np.int64).reshape(len(kunci), -1)
        n = np.fromiter(sel.values(), dtype=np.int64, count=len(kunci))
        aktif = np.ones(len(kunci), dtype=bool)
        if lap.grup:
            aktif = np.fromiter((k[:_K] not in lap.org_tersembunyi for k in kunci), dtype=bool,
                                count=len(kunci))
        nomor = np.arange(len(kunci), dtype=np.int64)
        kecil = aktif & (n > 0) & (n < lap.minimum)
        bagian.append(np.stack([n[kecil], np.full(kecil.sum(), m > 0), np.full(kecil.sum(), m),
                                nomor[kecil], np.zeros(kecil.sum(), dtype=np.int64)], axis=1))
        cari_sendiri = _Pencari(kode, n)
        cari_org = None
        if lap.grup:
            sel_org = lap.org.sel if ukuran is None else lap.org.sel_ukuran.get(ukuran, lap.org.sel)
            kunci_org = list(sel_org)
            cari_org = _Pencari(np.array(kunci_org, dtype=np.int64).reshape(len(kunci_org), _K),
                                np.fromiter(sel_org.values(), dtype=np.int64, count=len(kunci_org)))
        for j in range(kode.shape[1]):
            ada = aktif & (kode[:, j] != _TAK)
            if lap.grup and j == _K:  # dropping the group: the filter cell, in the filter layer
                n_induk = cari_org.cari(kode[ada, :_K])
            else:
                induk = kode[ada].copy()
                induk[:, j] = _TAK
                n_induk = cari_sendiri.cari(induk)
            sisa = n_induk - n[ada]
            pilih = (sisa > 0) & (sisa < lap.minimum)
            jumlah = int(pilih.sum())
            bagian.append(np.stack([sisa[pilih], np.full(jumlah, m > 0), np.full(jumlah, m),
                                    nomor[ada][pilih], np.full(jumlah, j + 1)], axis=1))
    semua = np.concatenate(bagian) if bagian else np.empty((0, 5), dtype=np.int64)
    urut = np.lexsort((semua[:, 4], semua[:, 3], semua[:, 2], semua[:, 1], semua[:, 0]))
    hasil: list = []
    for _, _, m, i, slot in semua[urut].tolist():
        ukuran, kunci = daftar_sel[m]
        k = kunci[i]
        if slot == 0:
            hasil.append((ukuran, lap.isi[k]))
        else:
            j = slot - 1
            hasil.append((ukuran, ("sisa", (*k[:j], _TAK, *k[j + 1:]), k)))
    return hasil


class _Pencari:
    """The counts of cell keys (rows of codes, ``_TAK`` for not set), looked up many at once:
    each key as one integer, found by binary search; 0 for a key not present."""

    def __init__(self, kode: np.ndarray, n: np.ndarray) -> None:
        self.radix = _Pencari._radix(kode)
        nilai = _Pencari.bilangan(kode, self.radix)
        urut = np.argsort(nilai, kind="stable")
        self.nilai, self.n = nilai[urut], n[urut]

    @staticmethod
    def _radix(kode: np.ndarray) -> np.ndarray:
        """Per column: its codes -1 .. max shifted to 0 .. max + 1."""
        return kode.max(axis=0) + 2 if len(kode) else np.ones(kode.shape[1], dtype=np.int64)

    @staticmethod
    def bilangan(kode: np.ndarray, radix: np.ndarray | None = None) -> np.ndarray:
        """Each row of codes as one integer (mixed radix; every code below its ``radix`` - 1)."""
        radix = _Pencari._radix(kode) if radix is None else radix
        basis = np.ones(kode.shape[1], dtype=np.int64)
        for j in range(kode.shape[1] - 2, -1, -1):
            basis[j] = basis[j + 1] * radix[j + 1]
        return (kode + 1) @ basis

    def cari(self, kode: np.ndarray) -> np.ndarray:
        if not len(kode) or not len(self.nilai):
            return np.zeros(len(kode), dtype=np.int64)
        luar = (kode + 1 >= self.radix).any(axis=1)  # a code this table does not hold
        nilai = _Pencari.bilangan(np.minimum(kode, self.radix - 2), self.radix)
        i = np.minimum(np.searchsorted(self.nilai, nilai), len(self.nilai) - 1)
        return np.where((self.nilai[i] == nilai) & ~luar, self.n[i], 0)


def _atom_sisa(lap: _Lapisan, induk: tuple, kunci: tuple) -> list[int]:
    """Atoms of the remainder ``induk`` minus ``kunci``."""
    if lap.grup and induk[_K] == _TAK:  # every other group of the same filter cell
        return [i for g in range(len(lap.nilai[_K])) if g != kunci[_K]
                for i in lap.isi.get((*induk[:_K], g), ())]
    dalam = set(lap.isi.get(kunci, ()))
    return [i for i in lap.isi.get(induk, ()) if i not in dalam]


# --- certificate search ------------------------------------------------------------------------


def _tanda(bukti: list[tuple[int, int]], kelompok: set[int]) -> int:
    return sum(t for i, t in bukti if i in kelompok)


def _urut_pilih(lap: _Lapisan, kelompok: set[int]) -> list[int]:
    return sorted(kelompok, key=lambda i: (not lap.lengkap[i], -lap.n[i], i))[:3]


# columns of a region and of an agency (with its kind and unit), for rectangles that keep
# every whole region and every whole agency shown
_WILAYAH, _INSTANSI = (1, 2), (0, 3, 4)
_SAMA_INSTANSI = tuple(j in _INSTANSI for j in range(_K))
_SAMA_WILAYAH = tuple(j in _WILAYAH for j in range(_K))


def _persegi(lap: _Lapisan, a: int):
    """Rectangles +a -b -c +e where b is the same agency and unit in another region, c another
    agency in the same region, and e that other agency in b's region: they change only cells
    that name both a region and an agency."""
    ka = lap.kode[a]
    lain_wilayah = [b for b in lap.isi.get(_proyeksi(ka, _SAMA_INSTANSI), ()) if b != a][:_TETANGGA]
    lain_instansi = [c for c in lap.isi.get(_proyeksi(ka, _SAMA_WILAYAH), ())
                     if lap.kode[c][3] != ka[3]][:_TETANGGA]
    for b in lain_wilayah:
        for c in lain_instansi:
            kc, kb = lap.kode[c], lap.kode[b]
            e = lap.indeks.get((kc[0], kb[1], kb[2], kc[3], kc[4]))
            if e is not None:
                yield [(a, 1), (b, -1), (c, -1), (e, 1)]


def _calon_org(lap: _Lapisan, kelompok: set[int]):
    """Certificates for a group of filter atoms: pairs +a -b first, then rectangles that keep
    regions and agencies whole, then rectangles +a -b -c +e (e the atom nearest to a with both
    of b's and c's differences)."""
    for a in _urut_pilih(lap, kelompok):
        luar = lap.dekat(lap.kode[a], kelompok, batas=2 * _TETANGGA)
        for b in luar:
            yield [(a, 1), (b, -1)]
        yield from _persegi(lap, a)
        semua = lap.dekat(lap.kode[a], {a}, batas=_TETANGGA)
        for b in luar[:_TETANGGA]:
            for c in semua:
                if c == b:
                    continue
                sasaran = tuple(vb if vb != va else vc for va, vb, vc
                                in zip(lap.kode[a], lap.kode[b], lap.kode[c], strict=True))
                for e in lap.dekat(sasaran, {a, b, c}, batas=1):
                    yield [(a, 1), (b, -1), (c, -1), (e, 1)]


def _calon_grup(lap: _Lapisan, kelompok: set[int]):
    """Certificates in a dimension's layer: +(a,g) -(a,h) -(b,g) +(b,h), b a nearby filter
    atom having both groups; they change no filter cell and no other dimension's cell."""
    org = lap.org
    for x in _urut_pilih(lap, kelompok):
        a_kode, g = lap.kode[x][:_K], lap.kode[x][_K]
        a = org.indeks[a_kode]
        # h: another group at a; blank groups last, as a blank group often goes with another
        # dimension's value (no golongan for PPPK staff), and moving someone there would
        # change that dimension's cells too
        lain = [i for i in lap.per_org[a_kode] if i != x]
        kosong = lap.nilai[_K].index(kontrak.KOSONG) if kontrak.KOSONG in lap.nilai[_K] else -2
        lain.sort(key=lambda i: (lap.kode[i][_K] == kosong, not lap.lengkap[i], -lap.n[i], i))
        tetangga = org.dekat(a_kode, {a}, batas=5 * _TETANGGA)
        for y in lain[:2]:
            h = lap.kode[y][_K]
            for b in tetangga:
                bg, bh = lap.indeks.get((*org.kode[b], g)), lap.indeks.get((*org.kode[b], h))
                if bg is not None and bh is not None:
                    yield [(x, 1), (y, -1), (bg, -1), (bh, 1)]
            yield [(x, 1), (y, -1)]  # hides groups g and h in every cell holding a


def _lindungi(lap: _Lapisan) -> int:
    """Choose certificates until every protected group is protected; the number of groups
    that had to fall back to hiding every cell holding them."""
    calon = _calon_grup if lap.grup else _calon_org
    darurat = 0
    for ukuran, item in _kelompok_dilindungi(lap):
        atom = _atom_sisa(lap, item[1], item[2]) if isinstance(item, tuple) else item
        if ukuran is not None:  # only those who answered the measure are unknowns
            atom = [i for i in atom if lap.n_ukuran[ukuran][i] > 0]
        if not atom or lap.terlindung(atom, ukuran):
            continue
        kelompok = set(atom)
        terbaik, biaya_terbaik, dicoba = None, None, 0
        for bukti in calon(lap, kelompok):
            if not _tanda(bukti, kelompok) or not lap.sah(bukti, ukuran):
                continue
            if dicoba >= _DICOBA and terbaik is not None:
                break
            dicoba += 1
            b = lap.biaya(bukti)
            if biaya_terbaik is None or b < biaya_terbaik:
                terbaik, biaya_terbaik = bukti, b
                if b == 0:
                    break
        if terbaik is not None:
            lap.simpan(terbaik)
        else:  # nothing to pair with (e.g. one group in one atom): hide every cell holding it
            darurat += 1
            for i in kelompok:
                lap.sembunyi.update(lap.kunci_atom[i])
    return darurat


# --- one period --------------------------------------------------------------------------------


def _hitung_org(dasar: pd.DataFrame, minimum: int) -> tuple[_Lapisan, set[tuple], list]:
    """The filter layer of one period, the cells it hides (small ones included) and the
    value codes shared with the period's demographic layers."""
    kamus = [{v: i for i, v in enumerate(sorted(dasar[k].astype(str).unique()))} for k in ORG]
    org = _Lapisan(dasar, False, minimum, kamus)
    darurat = _lindungi(org)
    if darurat:
        logging.getLogger(__name__).info("%d filter groups hidden in every cell", darurat)
    tersembunyi = org.sembunyi | {k for k, n in org.sel.items() if 0 < n < minimum}
    return org, tersembunyi, kamus


def _hitung_grup(atom: pd.DataFrame, org: _Lapisan, org_tersembunyi: set[tuple],
                 kamus: list) -> _Lapisan:
    """One dimension's layer of one period: cells of hidden filter cells are hidden whole;
    the others are protected by certificates within the layer."""
    lap = _Lapisan(atom, True, org.minimum, kamus)
    lap.org, lap.org_tersembunyi = org, org_tersembunyi
    lap.per_org = defaultdict(list)
    for i, a in enumerate(lap.kode):
        lap.per_org[a[:_K]].append(i)
    lap.sembunyi.update(k for k in lap.sel if k[:_K] in org_tersembunyi)
    _lindungi(lap)
    return lap


def hitung(basis, minimum: int, demografi: bool = True, simpan: Path | None = None) -> Pola:
    """The pattern of the loaded rollup (table ``agregat``); layers are computed when asked,
    or read from ``simpan`` when computed before (see :func:`folder_simpan`)."""
    return Pola(basis, minimum, demografi, simpan)


@functools.cache
def _sidik_kode() -> str:
    """A hash of the code deciding the pattern: a change to it never reuses old layers."""
    h = hashlib.sha256()
    for berkas in (Path(__file__), Path(__file__).parents[1] / "queries" / "pola_atom.sql"):
        h.update(berkas.read_bytes())
    return h.hexdigest()[:16]


SIMPAN_PALING_BANYAK = 8  # pattern folders kept in the cache (older data versions removed)
SIMPAN_UMUR_DETIK = 3600  # ... once unused for an hour (a replica may still be using one)


def folder_simpan(cache: Path, versi: str, minimum: int, demografi: bool) -> Path:
    """Where the layers of one data version, minimum and code are kept; the oldest of more
    than ``SIMPAN_PALING_BANYAK`` such folders are removed once an hour old."""
    kunci = hashlib.sha256(f"{versi}|{minimum}|{demografi}|{_sidik_kode()}".encode()).hexdigest()[:20]
    akar = cache / "pola"
    folder = akar / kunci
    try:
        folder.mkdir(parents=True, exist_ok=True)
        os.utime(folder)
        lama = sorted((f for f in akar.iterdir() if f.is_dir()), key=lambda f: f.stat().st_mtime)
        batas = time.time() - SIMPAN_UMUR_DETIK
        for f in lama[:-SIMPAN_PALING_BANYAK]:
            if f != folder and f.stat().st_mtime < batas:
                shutil.rmtree(f, ignore_errors=True)
    except OSError:
        logging.getLogger(__name__).warning("pattern cache folder not usable: %s", folder)
    return folder
