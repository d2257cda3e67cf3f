"""The data folder: what is in it, what was loaded, and the rollup every page reads.

Each ``*.parquet`` file below the folder is validated on its own (berakhlak.validasi) and then
summarised once into a small rollup (queries/agregat_berkas*.sql). Results are kept in the
cache folder by the file's fingerprint (path, size, modification time), so neither a rerun nor
a restart re-reads a file that did not change. The per-file rollups are stacked into one DuckDB
table ``agregat`` that all pages query; rebuilding runs in a background thread while the
previous snapshot keeps serving.

The same respondent (periode, responden_id) in several files is counted once: the copy in the
file that comes first in path order counts; later copies are skipped. Nothing in the data folder
is ever written, moved or deleted.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import logging
import os
import pickle
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from berakhlak import db, kontrak
from berakhlak.validasi import HasilValidasi, validasi_berkas

PROYEK = Path(__file__).resolve().parent.parent
_KUNCI_KOSONG = pa.schema([("periode", pa.int32()), ("responden_id", pa.string())])


def direktori_data() -> Path:
    return Path(os.environ.get("BERAKHLAK_DATA_DIR") or PROYEK / "data").resolve()


def direktori_cache() -> Path:
    return Path(os.environ.get("BERAKHLAK_CACHE_DIR") or PROYEK / ".cache").resolve()


@dataclass(frozen=True)
class Sidik:
    """A file's fingerprint: a change in any part means the file must be read again."""

    relatif: str
    ukuran: int
    mtime_ns: int


@dataclass(frozen=True)
class Tumpang:
    """Two files sharing respondents: ``berkas_dipakai``'s copies count, the other's are skipped."""

    berkas_dipakai: str
    berkas_dilewati: str
    jumlah: int


@dataclass
class Keadaan:
    """A snapshot of the data folder as the pages see it."""

    akar: Path
    demo: bool
    berkas: list[HasilValidasi]
    diabaikan: list[str]
    tumpang: list[Tumpang]
    versi_folder: str
    demografi_lengkap: bool
    n_responden: int
    n_baris_dimuat: int
    periode: tuple[int, ...]
    basis: db.Basis = field(repr=False, compare=False, default=None)
    dibuat: float = field(default_factory=time.time)

    @property
    def versi(self) -> str:
        """The key of cached query results: changes with the folder and when the demographic
        rollups arrive."""
        return self.versi_folder + ("" if self.demografi_lengkap else "-dasar")

    @property
    def dimuat(self) -> list[HasilValidasi]:
        return [h for h in self.berkas if h.dimuat]

    @property
    def ditolak(self) -> list[HasilValidasi]:
        return [h for h in self.berkas if not h.dimuat]


def pindai(akar: Path) -> tuple[list[tuple[Path, Sidik]], list[str]]:
    """Every Parquet file below ``akar`` in path order, and the other files (ignored).

    Hidden files and folders (starting with '.') are neither read nor listed.
    """
    parquet: list[tuple[Path, Sidik]] = []
    lain: list[str] = []
    if not akar.is_dir():
        return parquet, lain
    for folder, subfolder, files in os.walk(akar):
        subfolder[:] = sorted(d for d in subfolder if not d.startswith("."))
        for nama in sorted(files):
            if nama.startswith("."):
                continue
            path = Path(folder) / nama
            relatif = path.relative_to(akar).as_posix()
            if nama.lower().endswith(".parquet"):
                try:
                    st = path.stat()
                except OSError:  # removed while we looked
                    continue
                parquet.append((path, Sidik(relatif, st.st_size, st.st_mtime_ns)))
            else:
                lain.append(relatif)
    parquet.sort(key=lambda item: item[1].relatif)
    return parquet, sorted(lain)


@functools.cache
def versi_kode() -> str:
    """A hash of the code that turns a file into cached results (contract, validation, the
    rollup and key queries): cached results from older code are never reused."""
    h = hashlib.sha256()
    sumber = [Path(__file__).with_name(n) for n in ("kontrak.py", "validasi.py", "katalog.py")]
    sumber += sorted(db.DIREKTORI_QUERY.glob("*.sql"))
    for p in sumber:
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


class GagalMemuat(RuntimeError):
    """No snapshot could be built at all (the reason is in the message)."""


class CacheBerkas:
    """Per-file results (validation, key hashes, rollups) kept on disk in the cache folder,
    keyed by the file's fingerprint and the code version, so neither a rerun nor a restart
    reads an unchanged file again. Files are written whole (temporary name, then rename)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / f"v-{versi_kode()}"
        self.folder.mkdir(parents=True, exist_ok=True)
        for lama in folder.glob("v-*"):
            if lama != self.folder:
                shutil.rmtree(lama, ignore_errors=True)

    def path(self, jenis: str, *sidik: Sidik) -> Path:
        teks = "\n".join(f"{s.relatif}\0{s.ukuran}\0{s.mtime_ns}" for s in sidik)
        return self.folder / f"{jenis}-{hashlib.sha256(teks.encode()).hexdigest()[:24]}"

    @staticmethod
    def tulis(path: Path, tulis_ke) -> Path:
        sementara = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
        tulis_ke(sementara)
        os.replace(sementara, path)
        return path

    def baca_pickle(self, path: Path):
        try:
            return pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None

    def tulis_pickle(self, path: Path, objek) -> None:
        self.tulis(path, lambda p: p.write_bytes(pickle.dumps(objek)))

    def simpan_yang_dipakai(self, dipakai: set[Path]) -> None:
        """Remove cached results of files that are gone or changed."""
        for p in self.folder.iterdir():
            if p not in dipakai and not p.name.endswith(".tmp"):
                p.unlink(missing_ok=True)


class Katalog:
    """The loaded state of one data folder, refreshed cheaply on every page run."""

    def __init__(self, akar: Path, cache: Path) -> None:
        self.akar = akar
        self.cache = cache
        self.basis = db.Basis(direktori_izin=[akar, cache])
        self.disk = CacheBerkas(cache / "berkas" / hashlib.sha256(str(akar).encode()).hexdigest()[:12])
        self._validasi: dict[Sidik, HasilValidasi] = {}
        self._keadaan: Keadaan | None = None
        self._kunci = threading.Lock()
        self._pembangun: threading.Thread | None = None
        self._pertama = threading.Event()  # set once the first snapshot (or its failure) exists
        self.galat: str | None = None  # why the last rebuild failed, if it did

    # -- public -------------------------------------------------------------------------
    def segarkan(self, tunggu: float = 2.0) -> Keadaan:
        """The snapshot, brought up to date with the folder; only changed files are read.

        A rebuild runs in a background thread, in two steps: a snapshot is published as soon
        as every file's base rollup exists, and again once the demographic rollups are done
        (only the Demografi page waits for those, see :meth:`tunggu_lengkap`). The first
        snapshot is waited for; later, a page waits at most ``tunggu`` seconds (small changes
        show at once) and otherwise keeps serving the previous snapshot.
        """
        batas = time.monotonic() + tunggu
        while True:
            pembangun = self._mulai_bila_berubah()
            if self._keadaan is None:
                self._pertama.wait()
                break
            if pembangun is None or batas <= time.monotonic():
                break
            pembangun.join(batas - time.monotonic())
            if pembangun.is_alive():
                break  # still building: the previous snapshot serves meanwhile
        if self._keadaan is None:
            raise GagalMemuat(self.galat or "data folder could not be read")
        return self._keadaan

    def _mulai_bila_berubah(self) -> threading.Thread | None:
        """Start a build when the folder changed and none is running; the running build."""
        with self._kunci:
            if (self._pembangun is None or not self._pembangun.is_alive()) and self._berubah():
                if self._keadaan is None:
                    self._pertama.clear()  # a retry after a failed first build is waited for too
                self._pembangun = threading.Thread(target=self._bangun, name="katalog", daemon=True)
                self._pembangun.start()
            if self._pembangun is not None and self._pembangun.is_alive():
                return self._pembangun
            return None

    @property
    def siap(self) -> bool:
        """Whether a first snapshot exists (later refreshes never block a page for long)."""
        return self._keadaan is not None

    @property
    def sedang_memperbarui(self) -> bool:
        """Whether changed files are being read while the previous data keeps serving."""
        return (self._pembangun is not None and self._pembangun.is_alive()
                and self._keadaan is not None and self._keadaan.demografi_lengkap)

    def tunggu_lengkap(self, batas: float | None = None) -> Keadaan:
        """The snapshot once its demographic rollups exist (or after ``batas`` seconds)."""
        self.segarkan(tunggu=0)
        pembangun = self._pembangun
        if pembangun is not None:
            pembangun.join(batas)
        return self.segarkan(tunggu=0)

    def _berubah(self) -> bool:
        """Whether the folder differs from the snapshot (a cheap scan of names, sizes, times)."""
        if self._keadaan is None or any(h.status == "menunggu" for h in self._keadaan.berkas):
            return True
        return self._lihat()[4] != self._keadaan.versi_folder

    def _lihat(self) -> tuple[Path, bool, list[tuple[Path, Sidik]], list[str], str]:
        """What the folder holds now: (root read, demo?, Parquet files, ignored files, version).
        An empty folder means the demo data (not generated here)."""
        parquet, diabaikan = pindai(self.akar)
        akar, demo = self.akar, False
        if not parquet:
            akar, demo, diabaikan = self.cache / "demo", True, []
            parquet, _ = pindai(akar)
        return akar, demo, parquet, diabaikan, _versi(akar, [s for _, s in parquet])

    def _bangun(self) -> None:
        try:
            self._segarkan()
            self.galat = None
        except Exception as e:  # never take the dashboard down: keep serving the old snapshot
            logging.getLogger(__name__).exception("rebuilding the data snapshot failed")
            self.galat = f"{type(e).__name__}: {e}"
        finally:
            self._pertama.set()

    # -- steps --------------------------------------------------------------------------
    def _segarkan(self) -> None:
        if not pindai(self.akar)[0]:
            self._buat_demo()
        akar, demo, parquet, diabaikan, versi = self._lihat()
        hasil = [self._validasi_satu(path, sidik, akar) for path, sidik in parquet]
        sah = [sidik for (_, sidik), h in zip(parquet, hasil, strict=True) if h.dimuat]
        tumpang, didahului = self._cari_tumpang(sah)

        def terbitkan(rollup: list[Path], lengkap: bool) -> None:
            self._keadaan = Keadaan(
                akar=akar, demo=demo, berkas=hasil, diabaikan=diabaikan, tumpang=tumpang,
                versi_folder=versi, demografi_lengkap=lengkap, n_responden=self._gabung(rollup),
                n_baris_dimuat=sum(h.baris for h in hasil if h.dimuat),
                periode=tuple(sorted({p for h in hasil if h.dimuat for p in h.periode})),
                basis=self.basis,
            )
            self._pertama.set()

        dasar = [self._rollup_satu("agregat_berkas", s, didahului[s]) for s in sah]
        demografi = [self._path_rollup("agregat_berkas_demografi", s, didahului[s]) for s in sah]
        if not all(p.exists() for p in demografi):
            terbitkan(dasar + [p for p in demografi if p.exists()], lengkap=False)
            demografi = [self._rollup_satu("agregat_berkas_demografi", s, didahului[s]) for s in sah]
        terbitkan(dasar + demografi, lengkap=True)
        self._lupakan_yang_hilang({s for _, s in parquet}, {*dasar, *demografi, *self._hash_dipakai(sah)})

    def _buat_demo(self) -> None:
        from berakhlak import demo

        demo.tulis_demo(self.cache / "demo")

    def _validasi_satu(self, path: Path, sidik: Sidik, akar: Path) -> HasilValidasi:
        if sidik not in self._validasi:
            simpanan = self.disk.path("validasi", sidik)
            hasil = self.disk.baca_pickle(simpanan)
            if hasil is None:
                hasil = validasi_berkas(self.basis, path, akar)
                if hasil.status == "menunggu":  # a file still being copied is looked at again
                    return hasil
                self.disk.tulis_pickle(simpanan, hasil)
            self._validasi[sidik] = hasil
        return self._validasi[sidik]

    def _tampilkan(self, sidik: Sidik) -> None:
        h = self._validasi[sidik]
        self.basis.tampilkan_berkas("berkas", h.path, h.kolom, h.konstanta)

    def _hash_kunci(self, sidik: Sidik) -> np.ndarray:
        """The sorted 64-bit hashes of a file's respondent keys (cached on disk)."""
        simpanan = self.disk.path("hash", sidik).with_suffix(".npy")
        if simpanan.exists():
            return np.load(simpanan)
        with self.basis.kunci:
            self._tampilkan(sidik)
            tabel = self.basis.jalankan_arrow("kunci_hash")
        h = np.sort(tabel.column("h").to_numpy())
        self.disk.tulis(simpanan, lambda p: _simpan_npy(p, h))
        return h

    def _hash_dipakai(self, sah: list[Sidik]) -> set[Path]:
        return {self.disk.path("hash", s).with_suffix(".npy") for s in sah}

    def _cari_tumpang(self, sah: list[Sidik]) -> tuple[list[Tumpang], dict[Sidik, tuple[Sidik, ...]]]:
        """Pairs of loaded files that share respondents, and for each file the earlier files
        whose copies take precedence over its own. Only files with a period in common can
        share a respondent, so only those are compared (by key hashes: equal keys give equal
        hashes; the counting itself then uses the exact keys)."""
        tumpang: list[Tumpang] = []
        didahului: dict[Sidik, tuple[Sidik, ...]] = {}
        for i, sidik in enumerate(sah):
            periode = set(self._validasi[sidik].periode)
            sebelum = []
            for sidik_a in sah[:i]:
                if not periode & set(self._validasi[sidik_a].periode):
                    continue
                sama = np.intersect1d(self._hash_kunci(sidik_a), self._hash_kunci(sidik),
                                      assume_unique=True)
                if len(sama):
                    sebelum.append(sidik_a)
                    tumpang.append(Tumpang(sidik_a.relatif, sidik.relatif, int(len(sama))))
            didahului[sidik] = tuple(sebelum)
        return tumpang, didahului

    def _kunci_prioritas(self, sebelum: tuple[Sidik, ...]) -> pa.Table:
        bagian = [_KUNCI_KOSONG.empty_table()]
        for sidik in sebelum:
            with self.basis.kunci:
                self._tampilkan(sidik)
                bagian.append(self.basis.jalankan_arrow("kunci_berkas").cast(_KUNCI_KOSONG))
        return pa.concat_tables(bagian)

    def _path_rollup(self, nama: str, sidik: Sidik, sebelum: tuple[Sidik, ...]) -> Path:
        return self.disk.path(nama, sidik, *sebelum).with_suffix(".parquet")

    def _rollup_satu(self, nama: str, sidik: Sidik, sebelum: tuple[Sidik, ...]) -> Path:
        """A file's rollup by query ``nama`` as a Parquet file in the cache (made once per
        fingerprint and per set of earlier files whose copies take precedence)."""
        simpanan = self._path_rollup(nama, sidik, sebelum)
        if simpanan.exists():
            return simpanan
        prioritas = self._kunci_prioritas(sebelum)
        with self.basis.kunci:
            self._tampilkan(sidik)
            self.basis.daftarkan("kunci_prioritas", prioritas)
            try:
                self.basis.eksekusi("responden_berkas")
                tabel = self.basis.jalankan_arrow(nama, {"kosong": kontrak.KOSONG})
            finally:
                self.basis.lepaskan("kunci_prioritas")
        return self.disk.tulis(simpanan, lambda p: pq.write_table(tabel, p))

    def _gabung(self, rollup: list[Path]) -> int:
        """Gather the per-file rollups into table ``agregat``; the number of respondents."""
        with self.basis.kunci:
            if rollup:
                self.basis.eksekusi("agregat_gabung", {"berkas": [str(p) for p in rollup]})
            else:
                self.basis.daftarkan("agregat_baru", self._rollup_kosong())
                try:
                    self.basis.eksekusi("agregat_kosong")
                finally:
                    self.basis.lepaskan("agregat_baru")
        n = self.basis.jalankan("jumlah_responden")
        return int(n["n"].iloc[0] or 0)

    def _rollup_kosong(self) -> pa.Table:
        kolom = [(k, pa.int32() if k == "periode" else pa.string()) for k in kontrak.FILTER]
        kolom += [("dimensi", pa.string()), ("grup", pa.string())]
        kolom += [(u, pa.float64() if u.startswith("s") else pa.int64()) for u in kontrak.UKURAN]
        return pa.schema(kolom).empty_table()

    def _lupakan_yang_hilang(self, ada: set[Sidik], dipakai: set[Path]) -> None:
        """Drop cached work for files that were removed or replaced."""
        for sidik in [s for s in self._validasi if s not in ada]:
            del self._validasi[sidik]
        dipakai |= {self.disk.path("validasi", s) for s in self._validasi}
        self.disk.simpan_yang_dipakai(dipakai)


def _simpan_npy(path: Path, larik: np.ndarray) -> None:
    with open(path, "wb") as f:  # a file object: np.save would append .npy to a bare path
        np.save(f, larik, allow_pickle=False)


def _versi(akar: Path, sidik: list[Sidik]) -> str:
    h = hashlib.sha256(str(akar).encode())
    for s in sidik:
        h.update(f"{s.relatif}\0{s.ukuran}\0{s.mtime_ns}\n".encode())
    return h.hexdigest()[:16]


_REGISTRI: dict[tuple[Path, Path], Katalog] = {}
_REGISTRI_KUNCI = threading.Lock()


def katalog(akar: Path | None = None, cache: Path | None = None) -> Katalog:
    """The process-wide catalog of a data folder (one per folder, kept across reruns)."""
    kunci = (akar or direktori_data(), cache or direktori_cache())
    with _REGISTRI_KUNCI:
        if kunci not in _REGISTRI:
            kunci[1].mkdir(parents=True, exist_ok=True)
            _REGISTRI[kunci] = Katalog(*kunci)
        return _REGISTRI[kunci]


@atexit.register
def _tunggu_saat_keluar() -> None:
    """Let a running build finish its DuckDB call before the process exits (bounded)."""
    for k in list(_REGISTRI.values()):
        if k._pembangun is not None:
            k._pembangun.join(20)


def lupakan_semua() -> None:
    """Forget every catalog (tests)."""
    with _REGISTRI_KUNCI:
        for k in _REGISTRI.values():
            if k._pembangun is not None:
                k._pembangun.join()  # a build still running uses the connection
            k.basis.tutup()
        _REGISTRI.clear()
