"""The data folder: what is in it, what was loaded, and the rollup every page reads.

Each extract below the folder is validated (berakhlak.validasi) and then summarised once into
a small rollup (queries/agregat_berkas*.sql); files with the same columns are checked and
rolled up together, hundreds per query (grouped by file), since preparing a query per file
cost more than reading thousands of tiny files. Results are kept in the cache folder by each
file's fingerprint (path, size, modification time), so neither a rerun nor a restart re-reads
a file that did not change; rollup rows are kept in one bundle per query, each file's result
naming its bundle. Replicas sharing the cache folder make each result once, under a lock file
(berakhlak.gembok), and write it whole. The per-file rollups are stacked into one DuckDB table
``agregat`` that all pages query; rebuilding runs in a background thread while the previous
snapshot keeps serving.

The same respondent (periode, responden_id) in several files is counted once: the copy in the
file that comes first in path order counts; later copies are skipped. Nothing in the data folder
is ever written, moved or deleted.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import logging
import os
import pickle
import re
import shutil
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from berakhlak import db, gembok, kontrak
from berakhlak.validasi import DITOLAK, MENUNGGU, Alasan, HasilValidasi, validasi_banyak, validasi_berkas

PROYEK = Path(__file__).resolve().parent.parent
_KUNCI_KOSONG = pa.schema([("periode", pa.int32()), ("responden_id", pa.string())])
_PRIORITAS_KOSONG = pa.schema([("periode", pa.int32()), ("responden_id", pa.string()),
                               ("filename", pa.string())]).empty_table()
MAKS_BARIS_SEKALI = 2_000_000  # rows rolled up in one query at most (a bigger file goes alone)
# The period-jump rule: a period whose national index moves more than this many points from
# the previous period is held (validasi: "periode_melonjak"), unless its year is written in
# this file at the top of the data folder.
LONJAKAN_MAKS = 15.0
PERIODE_DILEPAS = "periode_dilepas.txt"
DETIK_PERIKSA_ULANG = 1.0  # a file still being copied is looked at again at most this often
# While the first snapshot is being built, a page showing the progress looks at the folder again
# at most this often (not every second per waiting page: scanning 2.500 files took the build's
# own Python time, about 4 s of a cold start, and every waiting browser scanned once a second).
DETIK_PINDAI_MENUNGGU = 5.0


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
    generasi: int = 0  # the build that made it (later builds have higher numbers)

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


# Relative cost of one unit of work of each step, for the estimated time left (measured on a
# folder of 2.000 small files: validating a file ~30 ms, its keys ~7 ms, its base rollup ~58 ms,
# the overlap query ~0,6 ms per file of the period).
BOBOT_PERIKSA, BOBOT_KUNCI, BOBOT_RINGKAS, BOBOT_TUMPANG = 1.0, 0.25, 1.9, 0.02


@dataclass(frozen=True)
class Kemajuan:
    """How far the running build is, for the pages while the first snapshot is being built.

    The builder thread replaces the whole object after every step (never changes one in
    place), so a page always reads a consistent one. Counts are files; ``dikerjakan`` and
    ``pekerjaan`` are weighted units of real work (results found in the cache cost nothing),
    from which :meth:`sisa_detik` estimates the time left until the first snapshot.
    """

    generasi: int
    tahap: str  # 'periksa' (validating), 'tumpang' (shared respondents), 'ringkas' (base
    # rollups), 'demografi' (breakdowns, after the first snapshot), 'selesai'
    berkas: int  # files in the folder
    diperiksa: int = 0  # files validated
    ringkasan: int = 0  # base rollups the first snapshot needs (one per loaded file)
    diringkas: int = 0  # base rollups ready
    demografi_diringkas: int = 0  # demographic rollups ready
    dikerjakan: float = 0.0
    pekerjaan: float = 0.0
    mulai: float = field(default_factory=time.monotonic)

    def sisa_detik(self, sekarang: float | None = None) -> float | None:
        """Estimated seconds until the first snapshot (None while too early to tell)."""
        if self.tahap in ("demografi", "selesai"):
            return 0.0
        lewat = (time.monotonic() if sekarang is None else sekarang) - self.mulai
        if self.dikerjakan <= 0 or lewat < 1.0 or self.pekerjaan <= 0:
            return None
        return max(0.0, lewat / self.dikerjakan * (self.pekerjaan - self.dikerjakan))

    @property
    def bagian(self) -> float:
        """The share of the work for the first snapshot that is done (0-1)."""
        if self.pekerjaan <= 0:
            return 0.0
        return min(1.0, self.dikerjakan / self.pekerjaan)


def pindai(akar: Path) -> tuple[list[tuple[Path, Sidik]], list[str]]:
    """Every extract below ``akar`` in path order, and the other files (ignored). Extracts are
    Parquet files and spreadsheets (``.csv``, ``.xlsx``), which validation converts to Parquet
    in the cache (berakhlak.konversi).

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
            if nama.lower().endswith((".parquet", ".csv", ".xlsx")):
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
    sumber = [Path(__file__).with_name(n) for n in ("kontrak.py", "validasi.py", "katalog.py", "konversi.py")]
    sumber += sorted(db.DIREKTORI_QUERY.glob("*.sql"))
    for p in sumber:
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


class GagalMemuat(RuntimeError):
    """No snapshot could be built at all (the reason is in the message)."""


# Cached results no snapshot of this process uses are removed only once this old: another
# replica sharing the cache folder may be using them (its scan of the folder may be older).
DETIK_SIMPAN = 600.0
# How many missing results one replica claims (locks) and makes in one go: two replicas
# starting together each take a share of the work.
BERKAS_PER_KLAIM = int(os.environ.get("BERAKHLAK_BERKAS_PER_KLAIM", "250"))
DETIK_TUNGGU_REPLIKA = 0.05  # how often a result another replica is making is looked for


class CacheBerkas:
    """Per-file results (validation, key hashes, rollups) kept on disk in the cache folder,
    keyed by the file's fingerprint and the code version, so neither a rerun nor a restart
    reads an unchanged file again.

    The folder may be shared by several replicas (processes, also on other machines over a
    network file system): each missing result is made by one of them, under its lock file
    (berakhlak.gembok), and the others wait for it and read it. Results are written whole: a
    temporary file in the same folder (named after the owner's pid, thread and host), then
    renamed over the result (``os.replace``), so a reader sees the old state or the new one,
    never half a file. What a killed replica left behind (temporary files, locks) is removed
    when the cache is opened, or when its lock is taken over.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder / f"v-{versi_kode()}"
        self.folder.mkdir(parents=True, exist_ok=True)
        gembok.bersihkan_sisa(self.folder, max(DETIK_SIMPAN, 2 * gembok.detik_basi()))
        for lama in folder.glob("v-*"):  # another code version, unused for a while
            if lama != self.folder and _umur(lama) > DETIK_SIMPAN:
                shutil.rmtree(lama, ignore_errors=True)

    def path(self, jenis: str, *sidik: Sidik) -> Path:
        teks = "\n".join(f"{s.relatif}\0{s.ukuran}\0{s.mtime_ns}" for s in sidik)
        return self.folder / f"{jenis}-{hashlib.sha256(teks.encode()).hexdigest()[:24]}"

    @staticmethod
    def tulis(path: Path, tulis_ke, catat: bool = False) -> Path:
        """Write ``path`` whole: ``tulis_ke(temporary path)``, then one rename. ``catat``: a
        result made under its lock (logged to BERAKHLAK_LOG_BANGUN when set, for the tests)."""
        sementara = path.with_name(
            f"{path.name}.{os.getpid()}.{threading.get_ident()}.{gembok.tanda_host()}.tmp")
        try:
            tulis_ke(sementara)
            _titik_uji(sementara)
            os.replace(sementara, path)
        except BaseException:
            sementara.unlink(missing_ok=True)
            raise
        if catat:
            _catat_bangun("bangun", path.name)
        return path

    def baca_pickle(self, path: Path):
        try:
            return pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            return None

    def tulis_pickle(self, path: Path, objek, catat: bool = False) -> None:
        self.tulis(path, lambda p: p.write_bytes(pickle.dumps(objek)), catat)

    def bangun(self, butir: list, path_dari, buat, maju=None) -> None:
        """Make the missing result file of every item of ``butir`` (``path_dari(item)``), each
        by one replica. Claims (locks) up to BERKAS_PER_KLAIM missing results at a time and
        makes them in one go with ``buat(items)``, which writes them with :meth:`tulis`
        (``catat=True``) or leaves out those that cannot be made yet (a file still being
        copied); results another live replica is making are waited for, and taken over when
        it is gone (its lock gone stale). ``maju(n)``: called as results are found made."""
        sisa = list(butir)
        kunci: dict[Path, gembok.Gembok] = {}
        menunggu = False
        while sisa:
            tunggu, milik = [], []
            for b in sisa:
                path = path_dari(b)
                if path.exists():
                    if maju is not None:
                        maju(b)
                    continue
                if len(milik) >= BERKAS_PER_KLAIM:
                    tunggu.append(b)
                    continue
                g = kunci.setdefault(path, gembok.Gembok(path))
                if not g.coba():
                    tunggu.append(b)
                elif path.exists():  # made by another replica just before the lock was taken
                    g.lepas()
                    if maju is not None:
                        maju(b)
                else:
                    if g.diambil_alih:
                        _catat_bangun("ambil_alih", path.name)
                    milik.append((b, g))
            if milik:
                try:
                    buat([b for b, _ in milik])
                finally:
                    for _, g in milik:
                        g.lepas()
            elif tunggu:
                if not menunggu:
                    menunggu = True
                    _catat_bangun("tunggu", path_dari(tunggu[0]).name)
                time.sleep(DETIK_TUNGGU_REPLIKA)  # another replica is making them: look again
            sisa = tunggu

    def simpan_yang_dipakai(self, dipakai: set[Path]) -> None:
        """Remove cached results of files that are gone or changed (unused for DETIK_SIMPAN
        seconds: another replica may still use them); never locks or temporary files."""
        batas = time.time() - DETIK_SIMPAN
        for p in self.folder.iterdir():
            if p in dipakai or p.name.endswith((".tmp", gembok.AKHIRAN, ".pecah")):
                continue
            try:
                if p.stat().st_mtime < batas:
                    p.unlink(missing_ok=True)
            except OSError:
                pass


def _umur(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _catat_bangun(peristiwa: str, nama: str) -> None:
    """One line per result made (or lock taken over) to BERAKHLAK_LOG_BANGUN, if set (tests
    count them across processes: appends of one short line are atomic)."""
    log = os.environ.get("BERAKHLAK_LOG_BANGUN")
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{peristiwa} {gembok.nama_host()} {os.getpid()} {nama}\n")


def _titik_uji(sementara: Path) -> None:
    """Tests only (BERAKHLAK_UJI_MACET=marker path): the first result this process writes stops
    half-way, its temporary file written but not renamed, and the marker file says so; the test
    then kills the process there."""
    penanda = os.environ.get("BERAKHLAK_UJI_MACET")
    if penanda and not os.path.exists(penanda):
        Path(penanda + ".tulis").write_text(str(sementara))
        os.replace(penanda + ".tulis", penanda)  # whole when it appears
        threading.Event().wait()


class Katalog:
    """The loaded state of one data folder, refreshed cheaply on every page run.

    Builds are numbered (generations) and run one at a time in one background thread. A caller
    that sees the folder differ from what the snapshot (or the running build) was made from asks
    for the next generation; every change seen while a build runs asks for the same single
    follow-up build. A caller waits only for a generation that scanned the folder as it saw it
    (or later), so it never gets an answer from a build that read an older state of a file.
    """

    def __init__(self, akar: Path, cache: Path) -> None:
        self.akar = akar
        self.cache = cache
        self.basis = db.Basis(direktori_izin=[akar, cache], sementara=cache / "duckdb-sementara")
        self.disk = CacheBerkas(cache / "berkas" / hashlib.sha256(str(akar).encode()).hexdigest()[:12])
        self._validasi: dict[Sidik, HasilValidasi] = {}
        self._keadaan: Keadaan | None = None
        # Everything below is guarded by _kondisi (waiters are woken on every change).
        self._kondisi = threading.Condition()
        self._diminta = 0  # the newest generation asked for
        self._mulai = 0  # the generation being built (or last built)
        self._selesai = 0  # the last generation whose build ended (published or failed)
        self._versi_berjalan: str | None = None  # the folder version the running build scanned
        self._aktif = False  # whether the builder thread is (still) taking work
        self._pembangun: threading.Thread | None = None
        self._dipindai = -float("inf")  # when tunggu_pertama last looked at the folder (monotonic)
        self._target_menunggu = 0  # the generation it asked for then
        self.galat: str | None = None  # why the last rebuild failed, if it did
        self._kemajuan: Kemajuan | None = None  # replaced whole by the builder thread
        self._tumpang_dipakai: set[Path] = set()  # cached overlap results the snapshot uses
        self._isi_indeks: frozenset[Sidik] = frozenset()  # what the cache's index holds
        self._paket: dict[Path, str] = {}  # rollup result -> the bundle holding its rows

    # -- public -------------------------------------------------------------------------
    def segarkan(self, tunggu: float = 2.0) -> Keadaan:
        """The snapshot, brought up to date with the folder; only changed files are read.

        A rebuild runs in a background thread, in two steps: a snapshot is published as soon
        as every file's base rollup exists, and again once the demographic rollups are done
        (only the Demografi page waits for those, see :meth:`tunggu_lengkap`). The first
        snapshot is waited for; later, a page waits at most ``tunggu`` seconds (small changes
        show at once) and otherwise keeps serving the previous snapshot.
        """
        target = self._minta()
        with self._kondisi:
            if self._keadaan is None:
                self._kondisi.wait_for(lambda: self._keadaan is not None or self._berakhir(target))
            elif tunggu > 0:
                self._kondisi.wait_for(lambda: self._cukup(target), tunggu)
            keadaan = self._keadaan
        if keadaan is None:
            raise GagalMemuat(self.galat or "data folder could not be read")
        return keadaan

    def tunggu_lengkap(self, batas: float | None = None) -> Keadaan:
        """The snapshot once its demographic rollups exist (or after ``batas`` seconds), built
        from the folder as it is when called (or later): a file added or completed before the
        call is in it, and a file still being copied then is reported as waiting."""
        target = self._minta()
        with self._kondisi:
            self._kondisi.wait_for(lambda: self._cukup(target), batas)
            # past ``batas`` without any snapshot yet: the first one is waited for, as by a page
            self._kondisi.wait_for(lambda: self._keadaan is not None or self._berakhir(target))
            keadaan = self._keadaan
        if keadaan is None:
            raise GagalMemuat(self.galat or "data folder could not be read")
        return keadaan

    def tunggu_pertama(self, batas: float) -> Keadaan | None:
        """The snapshot if there is one or one appears within ``batas`` seconds, else None
        (the first build is still running: see :attr:`kemajuan`), so that a page can show the
        progress while it waits. Starts a build when needed, as :meth:`segarkan` does; raises
        :class:`GagalMemuat` when the build ended without any snapshot. While the first build
        runs, the folder is looked at again at most every DETIK_PINDAI_MENUNGGU seconds."""
        sekarang = time.monotonic()
        with self._kondisi:
            lewati = (self._keadaan is None and self._aktif
                      and sekarang - self._dipindai < DETIK_PINDAI_MENUNGGU)
            target = self._target_menunggu
        if not lewati:
            target = self._minta()
            with self._kondisi:
                self._dipindai, self._target_menunggu = sekarang, target
        with self._kondisi:
            self._kondisi.wait_for(lambda: self._keadaan is not None or self._berakhir(target), batas)
            keadaan = self._keadaan
            if keadaan is None and self._berakhir(target):
                raise GagalMemuat(self.galat or "data folder could not be read")
        return keadaan

    @property
    def kemajuan(self) -> Kemajuan | None:
        """How far the running build is (None when no build runs)."""
        k = self._kemajuan
        return k if self._aktif and k is not None and k.tahap != "selesai" else None

    @property
    def siap(self) -> bool:
        """Whether a first snapshot exists (later refreshes never block a page for long)."""
        return self._keadaan is not None

    @property
    def sedang_memperbarui(self) -> bool:
        """Whether changed files are being read while the previous data keeps serving."""
        with self._kondisi:
            k = self._keadaan
            return self._aktif and k is not None and k.generasi < self._diminta

    # -- the builds ---------------------------------------------------------------------
    def _cukup(self, target: int) -> bool:
        """Whether generation ``target`` (or a later one) is published complete, or its build
        ended without that (failed) and nothing else is running. Holds ``_kondisi``."""
        k = self._keadaan
        if k is not None and k.generasi >= target and k.demografi_lengkap:
            return True
        return self._berakhir(target)

    def _berakhir(self, target: int) -> bool:
        return self._selesai >= target and not self._aktif

    def _minta(self) -> int:
        """The generation a caller must wait for: the current one when the folder is as the
        snapshot (or the running build) saw it, else a new build, started or queued behind the
        running one (all changes seen during one build share one follow-up build)."""
        versi = self._lihat()[4]  # what the caller sees now, scanned outside the lock
        with self._kondisi:
            if self._aktif:
                if self._mulai > self._selesai and versi == self._versi_berjalan:
                    return self._mulai  # the running build scanned exactly this
                self._diminta = max(self._diminta, self._mulai + 1)
                return self._diminta
            if not self._perlu_dibangun(versi):
                return self._keadaan.generasi  # already made from what the caller sees
            self._diminta = self._selesai + 1
            self._aktif = True
            self._pembangun = threading.Thread(target=self._bangun, name="katalog", daemon=True)
            self._pembangun.start()
            return self._diminta

    def _perlu_dibangun(self, versi: str) -> bool:
        """Whether the idle catalog must build: no snapshot, an unfinished one (a failed
        demographic step), another folder version, or a file still being copied that is due
        to be looked at again (at most every DETIK_PERIKSA_ULANG seconds, not on every run)."""
        k = self._keadaan
        if k is None or not k.demografi_lengkap or versi != k.versi_folder:
            return True
        menunggu = any(h.status == MENUNGGU for h in k.berkas)
        return menunggu and time.time() - k.dibuat >= DETIK_PERIKSA_ULANG

    def _bangun(self) -> None:
        """The builder thread: builds the newest generation asked for until none is left."""
        while True:
            with self._kondisi:
                if self._diminta <= self._selesai:
                    self._aktif = False
                    self._kondisi.notify_all()
                    return
                generasi = self._mulai = self._diminta
                self._versi_berjalan = None
            try:
                self._segarkan(generasi)
                galat = None
            except Exception as e:  # never take the dashboard down: keep serving the old snapshot
                logging.getLogger(__name__).exception("rebuilding the data snapshot failed")
                galat = f"{type(e).__name__}: {e}"
            with self._kondisi:
                self.galat = galat
                self._selesai = generasi
                self._versi_berjalan = None
                self._kondisi.notify_all()

    def _lihat(self) -> tuple[Path, bool, list[tuple[Path, Sidik]], list[str], str]:
        """What the folder holds now: (root read, demo?, Parquet files, ignored files, version).
        An empty folder means the demo data (not generated here)."""
        parquet, diabaikan = pindai(self.akar)
        akar, demo = self.akar, False
        if not parquet:
            akar, demo, diabaikan = self.cache / "demo", True, []
            parquet, _ = pindai(akar)
        sidik = [s for _, s in parquet]
        lepas = _sidik(akar / PERIODE_DILEPAS, PERIODE_DILEPAS)
        if lepas is not None:  # releasing a held period is a change of the folder
            sidik.append(lepas)
            diabaikan = [d for d in diabaikan if d != PERIODE_DILEPAS]
        return akar, demo, parquet, diabaikan, _versi(akar, sidik)

    # -- steps --------------------------------------------------------------------------
    def _segarkan(self, generasi: int) -> None:
        if not pindai(self.akar)[0]:
            self._buat_demo()
        akar, demo, parquet, diabaikan, versi = self._lihat()
        with self._kondisi:
            self._versi_berjalan = versi  # callers seeing this version wait for this build
        maju = _Pencatat(self, generasi, len(parquet))
        self._muat_indeks({s for _, s in parquet})
        baru = sum(not self._validasi_tersimpan(s) for _, s in parquet)  # new or changed files
        maju.perkirakan(baru * (BOBOT_PERIKSA + BOBOT_KUNCI + BOBOT_RINGKAS))
        hasil = self._validasi_semua(parquet, akar, maju)
        sah = [sidik for (_, sidik), h in zip(parquet, hasil, strict=True) if h.dimuat]
        maju.cadangan = BOBOT_RINGKAS * sum(
            not self._path_rollup("agregat_berkas", s, ()).exists() for s in sah)
        tumpang, didahului, dilewati = self._cari_tumpang(sah, maju)

        def terbitkan(n_responden: int, lengkap: bool) -> None:
            keadaan = Keadaan(
                akar=akar, demo=demo, berkas=hasil, diabaikan=diabaikan, tumpang=tumpang,
                versi_folder=versi, demografi_lengkap=lengkap, n_responden=n_responden,
                n_baris_dimuat=sum(h.baris for h in hasil if h.dimuat),
                periode=tuple(sorted({p for h in hasil if h.dimuat for p in h.periode})),
                basis=self.basis, generasi=generasi,
            )
            with self._kondisi:
                self._keadaan = keadaan
                self._kondisi.notify_all()

        def ringkas(nama: str, bobot: float, mengalah: bool = False, **hitung: int) -> list[Path]:
            def catat(n: int, dibuat: bool) -> None:
                maju.catat(kerja=bobot * n if dibuat else 0.0, **{k: v * n for k, v in hitung.items()})
            return self._rollup_banyak(nama, sah, didahului, dilewati, catat, mengalah=mengalah)

        perlu = sum(not self._path_rollup("agregat_berkas", s, didahului[s]).exists() for s in sah)
        maju.perkirakan(perlu * BOBOT_RINGKAS, tahap="ringkas", ringkasan=len(sah))
        dasar = ringkas("agregat_berkas", BOBOT_RINGKAS, diringkas=1)

        def gabung() -> tuple[list[Path], bool, int]:
            """The rollups gathered once, with the breakdowns that exist already (all of them
            on a restart; the period check reads only the base rows)."""
            demografi = [self._path_rollup("agregat_berkas_demografi", s, didahului[s]) for s in sah]
            ada = [p for p in demografi if p.exists()]
            return demografi, len(ada) == len(demografi), self._gabung(dasar + ada)

        demografi, lengkap, n_responden = gabung()
        ditahan = self._periode_melonjak(self._periode_dilepas(akar))
        if ditahan:  # the files of an implausible period are held, the rest built again
            hasil = [_tahan(h, ditahan) if h.dimuat and set(h.periode) & set(ditahan) else h
                     for h in hasil]
            sah = [sidik for (_, sidik), h in zip(parquet, hasil, strict=True) if h.dimuat]
            tumpang, didahului, dilewati = self._cari_tumpang(sah)
            dasar = ringkas("agregat_berkas", 0.0)
            demografi, lengkap, n_responden = gabung()
        if not lengkap:
            terbitkan(n_responden, lengkap=False)
            maju.perkirakan(0.0, tahap="demografi")
            demografi = ringkas("agregat_berkas_demografi", 0.0, mengalah=True, demografi_diringkas=1)
            n_responden = self._gabung(dasar + demografi)
        terbitkan(n_responden, lengkap=True)
        maju.perkirakan(0.0, tahap="selesai")
        self._simpan_indeks([s for _, s in parquet])
        self._lupakan_yang_hilang({s for _, s in parquet},
                                  {*dasar, *demografi, *self._tumpang_dipakai, self._path_indeks()})

    def _buat_demo(self) -> None:
        from berakhlak import demo

        demo.tulis_demo(self.cache / "demo")

    # -- validation ---------------------------------------------------------------------
    def _path_indeks(self) -> Path:
        return self.disk.folder / "indeks-validasi"

    def _muat_indeks(self, sidik: set[Sidik]) -> None:
        """Validation results of the folder's files from the cache's index (one file written
        after every complete build), instead of one file per data file: a restart on
        thousands of files reads one file."""
        if sidik <= self._validasi.keys():
            return
        indeks = self.disk.baca_pickle(self._path_indeks())
        if isinstance(indeks, dict):
            for s in sidik - self._validasi.keys():
                if s in indeks:
                    self._validasi[s] = indeks[s]
        self._isi_indeks = frozenset(indeks) if isinstance(indeks, dict) else frozenset()

    def _simpan_indeks(self, sidik: list[Sidik]) -> None:
        isi = {s: self._validasi[s] for s in sidik if s in self._validasi}
        if frozenset(isi) != self._isi_indeks:
            self.disk.tulis_pickle(self._path_indeks(), isi)
            self._isi_indeks = frozenset(isi)

    def _validasi_tersimpan(self, sidik: Sidik) -> bool:
        """Whether the file's validation result is known without reading it."""
        return sidik in self._validasi or self.disk.path("validasi", sidik).exists()

    def _validasi_semua(self, parquet: list[tuple[Path, Sidik]], akar: Path,
                        maju: _Pencatat) -> list[HasilValidasi]:
        """Every file's validation result: known, found in the cache (made by this or another
        replica), or checked now, many files per query (validasi.validasi_banyak), each
        missing result by one replica under its lock."""
        perlu = [(p, s) for p, s in parquet if s not in self._validasi]
        maju.catat(diperiksa=len(parquet) - len(perlu))
        baru: dict[Sidik, HasilValidasi] = {}

        def path_dari(item: tuple[Path, Sidik]) -> Path:
            return self.disk.path("validasi", item[1])

        def buat(items: list[tuple[Path, Sidik]]) -> None:
            daftar = validasi_banyak(self.basis, [p for p, _ in items], akar, cache=self.cache)
            for (path, sidik), hasil in zip(items, daftar, strict=True):
                baru[sidik] = self._simpan_validasi(path, sidik, hasil)
            maju.catat(diperiksa=len(items), kerja=BOBOT_PERIKSA * len(items))

        self.disk.bangun(perlu, path_dari, buat, maju=lambda _: maju.catat(diperiksa=1))
        for path, sidik in perlu:
            if sidik in baru:
                continue
            hasil = self.disk.baca_pickle(path_dari((path, sidik)))
            if isinstance(hasil, HasilValidasi):
                self._validasi[sidik] = hasil
            else:  # removed or damaged meanwhile: checked here
                baru[sidik] = self._simpan_validasi(
                    path, sidik, validasi_berkas(self.basis, path, akar, cache=self.cache))
        return [baru[s] if s in baru else self._validasi[s] for _, s in parquet]

    def _simpan_validasi(self, path: Path, sidik: Sidik, hasil: HasilValidasi) -> HasilValidasi:
        """Keep a fresh result (in memory and in the cache), unless the file is still being
        copied: that one is looked at again."""
        if hasil.status != MENUNGGU and _sidik(path, sidik.relatif) != sidik:
            # changed while it was read: still being written, and the result may mix
            # two states of the file, so it is neither kept nor trusted
            hasil = HasilValidasi(path=path, relatif=sidik.relatif, status=MENUNGGU,
                                  alasan=[Alasan("sedang_disalin", {"detik": 0})])
        if hasil.status != MENUNGGU:
            self.disk.tulis_pickle(self.disk.path("validasi", sidik), hasil, catat=True)
            self._validasi[sidik] = hasil
        return hasil

    def _validasi_satu(self, path: Path, sidik: Sidik, akar: Path) -> HasilValidasi:
        """One file's validation result (known, cached or checked now)."""
        if sidik not in self._validasi:
            hasil = self.disk.baca_pickle(self.disk.path("validasi", sidik))
            if not isinstance(hasil, HasilValidasi):
                hasil = validasi_berkas(self.basis, path, akar, cache=self.cache)
                return self._simpan_validasi(path, sidik, hasil)
            self._validasi[sidik] = hasil
        return self._validasi[sidik]

    # -- the period-jump plausibility rule ----------------------------------------------
    def _periode_dilepas(self, akar: Path) -> set[int]:
        """Periods an analyst released from the period-jump rule: the years written in
        PERIODE_DILEPAS at the top of the data folder (any separators)."""
        try:
            teks = (akar / PERIODE_DILEPAS).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return set()
        return {int(t) for t in re.findall(r"\b\d{4}\b", teks)}

    def _periode_melonjak(self, dilepas: set[int]) -> dict[int, dict]:
        """Periods whose national index (table ``agregat``, just gathered) moves more than
        validasi.LONJAKAN_MAKS points from the previous period that is not held, unless
        released: {period: the details of its reason}."""
        df = self.basis.jalankan("indeks_periode")
        ditahan: dict[int, dict] = {}
        sebelumnya: tuple[int, float] | None = None
        for p, indeks in zip(df["periode"], df["indeks"], strict=True):
            if indeks is None or np.isnan(indeks):
                continue
            p, indeks = int(p), float(indeks)
            if (sebelumnya is not None and abs(indeks - sebelumnya[1]) > LONJAKAN_MAKS
                    and p not in dilepas):
                ditahan[p] = {"periode": p, "indeks": indeks, "sebelumnya": sebelumnya[0],
                              "indeks_sebelumnya": sebelumnya[1], "batas": LONJAKAN_MAKS,
                              "berkas_lepas": PERIODE_DILEPAS}
                continue
            sebelumnya = (p, indeks)
        return ditahan

    # -- keys and shared respondents ----------------------------------------------------
    def _path_kunci(self, sidik: Sidik) -> Path:
        """A file's keys result: a small file naming the bundle that holds its key rows."""
        return self.disk.path("kunci", sidik).with_suffix(".ref")

    def kunci_berkas(self, sidik: Sidik) -> pa.Table:
        """A file's respondent keys with their 64-bit hashes (queries/kunci_hash.sql:
        periode, responden_id, h), made once per fingerprint (the benchmark's pairwise
        comparison reads them)."""
        (paket,) = self._paket_kunci([sidik])
        nama = self._path_kunci(sidik).name
        return pq.read_table(paket, filters=[("kunci_cache", "=", nama)]).drop_columns(["kunci_cache"])

    def _kunci_banyak(self, sidik: list[Sidik], maju: _Pencatat | None = None) -> None:
        """The key results of ``sidik`` (made when missing, many files per query): one bundle
        (Parquet file) per query, each row marked with its file's result name, and per file a
        small file naming the bundle (writing thousands of tiny Parquet files cost seconds)."""
        def buat(items: list[Sidik]) -> None:
            for kelompok in self._kelompok(items):
                with self.basis.kunci:
                    nama = self._tampilkan_banyak(kelompok)
                    tabel = self.basis.jalankan_arrow("kunci_hash")
                path = {s: self._path_kunci(s) for s in kelompok}
                self._tulis_paket("kunci", tabel, kelompok, nama, path)
            if maju is not None:
                maju.catat(kerja=BOBOT_KUNCI * len(items))

        self.disk.bangun(list(sidik), self._path_kunci, buat)

    def _paket_kunci(self, sidik: list[Sidik]) -> list[Path]:
        """The bundles holding the keys of ``sidik`` (one per file, in order), made when
        missing or when a bundle was removed meanwhile (cleaned by another replica)."""
        self._kunci_banyak(sidik)
        for _ in range(2):
            paket = [self._paket_dari(self._path_kunci(s)) for s in sidik]
            hilang = [s for s, p in zip(sidik, paket, strict=True) if p is None]
            if not hilang:
                return paket
            for s in hilang:
                self._paket.pop(self._path_kunci(s), None)
                self._path_kunci(s).unlink(missing_ok=True)
            self._kunci_banyak(hilang)
        raise GagalMemuat("respondent keys of the cache were removed while they were read")

    def _tulis_paket(self, jenis: str, tabel: pa.Table, kelompok: list[Sidik], berkas: list[str],
                     path: dict[Sidik, Path]) -> None:
        """One bundle for the rows of a group of files (column ``filename``: the file, one of
        ``berkas``), each row marked with its file's result name (``kunci_cache``), then per
        file the small result file naming the bundle."""
        hasil = pa.array([path[s].name for s in kelompok], pa.string())
        nomor = pc.index_in(tabel.column("filename"), value_set=pa.array(berkas, pa.string()))
        tabel = tabel.drop_columns(["filename"]).append_column("kunci_cache", pc.take(hasil, nomor))
        teks = "\n".join(sorted(hasil.to_pylist()))
        paket = self.disk.folder / f"paket-{jenis}-{hashlib.sha256(teks.encode()).hexdigest()[:24]}.parquet"
        self.disk.tulis(paket, lambda p: pq.write_table(tabel, p), catat=True)
        for s in kelompok:
            self.disk.tulis(path[s], lambda p: p.write_text(paket.name, encoding="utf-8"), catat=True)
            self._paket[path[s]] = paket.name

    def _kelompok(self, sidik: list[Sidik]) -> list[list[Sidik]]:
        """Files that one view can show together (same column mapping and constants), in
        groups of at most MAKS_BARIS_SEKALI rows (a single bigger file alone)."""
        kelompok: dict[tuple, list[list[Sidik]]] = {}
        baris: dict[tuple, int] = {}
        for s in sidik:
            h = self._validasi[s]
            kunci = (tuple(h.kolom.items()), tuple((k, repr(v)) for k, v in h.konstanta.items()))
            daftar = kelompok.setdefault(kunci, [[]])
            if daftar[-1] and baris[kunci] + h.baris > MAKS_BARIS_SEKALI:
                daftar.append([])
                baris[kunci] = 0
            daftar[-1].append(s)
            baris[kunci] = baris.get(kunci, 0) + h.baris
        return [k for daftar in kelompok.values() for k in daftar]

    def _tampilkan_banyak(self, sidik: list[Sidik]) -> list[str]:
        """Show files of one group as view ``berkas``; their names as its ``filename``.
        Holds ``basis.kunci``."""
        h = self._validasi[sidik[0]]
        nama = [str(self._validasi[s].path.resolve()) for s in sidik]
        self.basis.tampilkan_berkas("berkas", [Path(n) for n in nama], h.kolom, h.konstanta)
        return nama

    def _cari_tumpang(self, sah: list[Sidik], maju: _Pencatat | None = None
                      ) -> tuple[list[Tumpang], dict[Sidik, tuple[Sidik, ...]], dict[Sidik, pa.Table]]:
        """Respondents in more than one loaded file: the pairs of files sharing respondents
        (for /data), for each file the earlier files sharing respondents with it (part of its
        rollups' cache key), and the exact keys whose copy in that file is skipped because a
        file earlier in path order holds them.

        One query per period over the keys of every file holding that period
        (queries/tumpang_periode.sql), never file by file in pairs; only periods held by more
        than one file are looked at, and only their files' keys are extracted. The result of a
        period is cached under the fingerprints of its files, so a restart runs no query."""
        urutan = {s: i for i, s in enumerate(sah)}
        per_periode: dict[int, list[Sidik]] = {}
        for s in sah:
            for p in self._validasi[s].periode:
                per_periode.setdefault(p, []).append(s)
        per_periode = {p: b for p, b in sorted(per_periode.items()) if len(b) > 1}
        self._tumpang_dipakai = set()
        if maju is not None:
            berkas_kunci = {s for b in per_periode.values() for s in b}
            perlu = sum(not self._path_tumpang(p, b).exists() for p, b in per_periode.items())
            kunci = sum(not self._path_kunci(s).exists() for s in berkas_kunci) if perlu else 0
            maju.perkirakan(kunci * BOBOT_KUNCI + perlu * BOBOT_TUMPANG * len(berkas_kunci)
                            + maju.cadangan, tahap="tumpang")
        if per_periode:
            self._kunci_banyak(sorted({s for b in per_periode.values() for s in b},
                                      key=urutan.__getitem__), maju)
        jumlah: dict[tuple[int, int], int] = {}
        lewat: dict[Sidik, list[pa.Table]] = {}
        for p, berkas in per_periode.items():
            sama = self._tumpang_periode(p, berkas, maju)
            nomor = np.array([urutan[s] for s in berkas])
            for (a, b), n in _pasangan(sama.column("berkas"), nomor).items():
                jumlah[a, b] = jumlah.get((a, b), 0) + n
            for i, baris in _dilewati(sama.column("berkas")).items():
                lewat.setdefault(berkas[i], []).append(sama.select(["periode", "responden_id"]).take(baris))
        tumpang = [Tumpang(sah[a].relatif, sah[b].relatif, n)
                   for (a, b), n in sorted(jumlah.items(), key=lambda x: (x[0][1], x[0][0]))]
        didahului = {s: () for s in sah}
        for a, b in sorted(jumlah, key=lambda x: (x[1], x[0])):
            didahului[sah[b]] += (sah[a],)
        dilewati = {s: pa.concat_tables(t).cast(_KUNCI_KOSONG) for s, t in lewat.items()}
        return tumpang, didahului, dilewati

    def _path_tumpang(self, periode: int, berkas: list[Sidik]) -> Path:
        return self.disk.path(f"tumpang{int(periode)}", *berkas).with_suffix(".parquet")

    def _tumpang_periode(self, periode: int, berkas: list[Sidik], maju: _Pencatat | None
                         ) -> pa.Table:
        """The respondents of ``periode`` in more than one of ``berkas`` (path order), with the
        positions of the files holding each (queries/tumpang_periode.sql; cached, made by one
        replica). The key results were made (see :meth:`_kunci_banyak`); a bundle removed
        meanwhile is made again."""
        simpanan = self._path_tumpang(periode, berkas)
        self._tumpang_dipakai.add(simpanan)
        self._tumpang_dipakai.update(self._path_kunci(s) for s in berkas)

        def buat(_) -> None:
            paket = sorted({str(p) for p in self._paket_kunci(berkas)})
            tabel = self.basis.jalankan_arrow("tumpang_periode", {
                "paket": paket, "kunci": [self._path_kunci(s).name for s in berkas],
                "periode": int(periode)})
            if maju is not None:
                maju.catat(kerja=BOBOT_TUMPANG * len(berkas))
            self.disk.tulis(simpanan, lambda p: pq.write_table(tabel, p), catat=True)

        for _ in range(2):
            self.disk.bangun([periode], lambda _: simpanan, buat)
            try:
                return pq.read_table(simpanan)
            except (OSError, pa.ArrowInvalid):
                simpanan.unlink(missing_ok=True)  # damaged: made again
        raise GagalMemuat(f"overlap of period {periode} could not be read")

    # -- rollups ------------------------------------------------------------------------
    def _path_rollup(self, nama: str, sidik: Sidik, sebelum: tuple[Sidik, ...]) -> Path:
        """A file's rollup result: a small file naming the bundle that holds its rows."""
        return self.disk.path(nama, sidik, *sebelum).with_suffix(".ref")

    def _paket_dari(self, rollup: Path) -> Path | None:
        """The bundle holding a rollup result's rows (None when either is gone)."""
        nama = self._paket.get(rollup)
        if nama is None:
            try:
                nama = rollup.read_text(encoding="utf-8").strip()
            except OSError:
                return None
            self._paket[rollup] = nama
        paket = self.disk.folder / nama
        return paket if paket.exists() else None

    def _rollup_banyak(self, nama: str, sah: list[Sidik], didahului: dict[Sidik, tuple[Sidik, ...]],
                       dilewati: dict[Sidik, pa.Table], catat=None, mengalah: bool = False) -> list[Path]:
        """Each file's rollup by query ``nama`` as a Parquet file in the cache (made once per
        fingerprint and per set of earlier files whose copies take precedence, by one
        replica), many files per query, split by file. ``dilewati``: each file's respondents
        whose copy in an earlier file counts (left out). ``catat(n, dibuat)``: progress.
        ``mengalah``: a build nobody waits for (the breakdowns after the first snapshot) gives
        way between queries to a page waiting for its privacy pattern (:func:`utamakan`)."""
        path = {s: self._path_rollup(nama, s, didahului[s]) for s in sah}

        def buat(items: list[Sidik]) -> None:
            for kelompok in self._kelompok(items):
                if mengalah:
                    beri_jalan()
                self._rollup_kelompok(nama, kelompok, path, dilewati)
                if catat is not None:
                    catat(len(kelompok), True)

        self.disk.bangun(sah, path.__getitem__, buat,
                         maju=None if catat is None else (lambda _: catat(1, False)))
        hilang = [s for s in sah if self._paket_dari(path[s]) is None]
        if hilang:  # a bundle removed meanwhile (cleaned by another replica): made again
            for s in hilang:
                self._paket.pop(path[s], None)
                path[s].unlink(missing_ok=True)
            self.disk.bangun(hilang, path.__getitem__, buat)
        return [path[s] for s in sah]

    def _rollup_kelompok(self, nama: str, kelompok: list[Sidik], path: dict[Sidik, Path],
                         dilewati: dict[Sidik, pa.Table]) -> None:
        with self.basis.kunci:
            berkas = self._tampilkan_banyak(kelompok)
            prioritas = [dilewati[s].append_column("filename", pa.array([n] * dilewati[s].num_rows,
                                                                         pa.string()))
                         for s, n in zip(kelompok, berkas, strict=True) if s in dilewati]
            self.basis.daftarkan("kunci_prioritas",
                                 pa.concat_tables(prioritas) if prioritas else _PRIORITAS_KOSONG)
            try:
                self.basis.eksekusi("responden_berkas")
                tabel = self.basis.jalankan_arrow(nama, {"kosong": kontrak.KOSONG})
            finally:
                self.basis.lepaskan("kunci_prioritas")
        # One bundle (Parquet file) for the group: writing hundreds of tiny Parquet files cost
        # more than the queries themselves.
        self._tulis_paket(nama, tabel, kelompok, berkas, path)

    def _gabung(self, rollup: list[Path]) -> int:
        """Gather the per-file rollups into table ``agregat``; the number of respondents."""
        with self.basis.kunci:
            if rollup:
                paket = {self._paket_dari(p) for p in rollup}
                if None in paket:
                    raise GagalMemuat("a rollup of the cache was removed while it was read")
                self.basis.eksekusi("agregat_gabung_paket", {
                    "berkas": sorted(str(p) for p in paket), "kunci": [p.name for p in rollup]})
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
        # every result in use keeps its bundle, also those not read in this process (a restart
        # reads no key result when the overlap results are in the cache)
        for ref in dipakai:
            if ref.suffix == ".ref" and ref not in self._paket:
                self._paket_dari(ref)
        self._paket = {r: n for r, n in self._paket.items() if r in dipakai}
        dipakai |= {self.disk.folder / n for n in self._paket.values()}
        dipakai |= {self.disk.path("validasi", s) for s in self._validasi}
        self.disk.simpan_yang_dipakai(dipakai)


class _Pencatat:
    """The running build's progress: publishes a new :class:`Kemajuan` after every step."""

    def __init__(self, katalog: Katalog, generasi: int, berkas: int) -> None:
        self._katalog = katalog
        self.kini = Kemajuan(generasi=generasi, tahap="periksa", berkas=berkas)
        self.cadangan = 0.0  # work expected after the overlap step (base rollups), provisional
        katalog._kemajuan = self.kini

    def _ganti(self, **isi) -> None:
        self.kini = replace(self.kini, **isi)
        self._katalog._kemajuan = self.kini  # one assignment: readers see old or new, whole

    def perkirakan(self, sisa: float, tahap: str | None = None, **isi) -> None:
        """The work still expected for the first snapshot is now ``sisa`` units."""
        self._ganti(pekerjaan=self.kini.dikerjakan + sisa, tahap=tahap or self.kini.tahap, **isi)

    def catat(self, kerja: float = 0.0, **tambah: int) -> None:
        """``kerja`` units of work done; ``tambah``: counts to increase (diperiksa=1, ...)."""
        isi = {k: getattr(self.kini, k) + v for k, v in tambah.items()}
        self._ganti(dikerjakan=self.kini.dikerjakan + kerja, **isi)


def _menurut_panjang(daftar: pa.ChunkedArray | pa.Array):
    """For each length m of the lists in ``daftar``: (row numbers, their items as an (n, m)
    matrix)."""
    if isinstance(daftar, pa.ChunkedArray):
        daftar = daftar.combine_chunks()
    if len(daftar) == 0:
        return
    panjang = pc.list_value_length(daftar).to_numpy(zero_copy_only=False)
    datar = pc.list_flatten(daftar).to_numpy(zero_copy_only=False)
    awal = np.concatenate([[0], np.cumsum(panjang)[:-1]])
    for m in np.unique(panjang):
        baris = np.flatnonzero(panjang == m)
        yield baris, datar[awal[baris][:, None] + np.arange(m)]


def _pasangan(daftar: pa.ChunkedArray, nomor: np.ndarray) -> dict[tuple[int, int], int]:
    """Respondents shared per pair of files: every two files in a respondent's (ascending)
    list of files, as numbers ``nomor[position]``, earlier file first."""
    hasil: dict[tuple[int, int], int] = {}
    for _, m in _menurut_panjang(daftar):
        for i in range(m.shape[1]):
            for j in range(i + 1, m.shape[1]):
                pasang = np.stack([nomor[m[:, i]], nomor[m[:, j]]], axis=1)
                unik, n = np.unique(pasang, axis=0, return_counts=True)
                for (a, b), k in zip(unik.tolist(), n.tolist(), strict=True):
                    hasil[a, b] = hasil.get((a, b), 0) + k
    return hasil


def _dilewati(daftar: pa.ChunkedArray) -> dict[int, np.ndarray]:
    """Per file position, the rows (respondents) whose copy in that file is skipped: every
    file of a respondent's list but the first."""
    bagian: dict[int, list[np.ndarray]] = {}
    for baris, m in _menurut_panjang(daftar):
        f = m[:, 1:].ravel()
        r = np.repeat(baris, m.shape[1] - 1)
        urut = np.argsort(f, kind="stable")
        f, r = f[urut], r[urut]
        batas = np.flatnonzero(np.diff(f)) + 1
        for potong_f, potong_r in zip(np.split(f, batas), np.split(r, batas), strict=True):
            if len(potong_f):
                bagian.setdefault(int(potong_f[0]), []).append(potong_r)
    return {f: np.sort(np.concatenate(r)) for f, r in bagian.items()}


def _tahan(h: HasilValidasi, ditahan: dict[int, dict]) -> HasilValidasi:
    """A copy of a loaded file's result, held by the period-jump rule (the cached result is
    not changed: the hold depends on the other files, not on this one)."""
    alasan = [Alasan("periode_melonjak", ditahan[p]) for p in sorted(set(h.periode) & set(ditahan))]
    return replace(h, status=DITOLAK, alasan=[*h.alasan, *alasan])


def _sidik(path: Path, relatif: str) -> Sidik | None:
    """The file's fingerprint now (None when it is gone)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return Sidik(relatif, st.st_size, st.st_mtime_ns)


def _versi(akar: Path, sidik: list[Sidik]) -> str:
    h = hashlib.sha256(str(akar).encode())
    for s in sidik:
        h.update(f"{s.relatif}\0{s.ukuran}\0{s.mtime_ns}\n".encode())
    return h.hexdigest()[:16]


_REGISTRI: dict[tuple[Path, Path], Katalog] = {}
_REGISTRI_KUNCI = threading.Lock()


# A page waiting for work of its own goes first. After the first snapshot the catalog builds
# the demographic breakdowns in the background (in the same DuckDB, on the same two cores); a
# page's privacy pattern (its filter cells need only the base rollups) waited behind them:
# after a cold start of 2.500 files the first page took 76 s, 30 s after the snapshot.
# While any caller is inside utamakan(), the breakdown build pauses between its queries.
_UTAMA = threading.Condition()
_utama_aktif = 0
DETIK_BERI_JALAN = 300.0  # a pause never lasts longer than this (a stuck caller cannot stop the build)


@contextlib.contextmanager
def utamakan():
    """Run the enclosed work ahead of the background breakdown build."""
    global _utama_aktif
    with _UTAMA:
        _utama_aktif += 1
    try:
        yield
    finally:
        with _UTAMA:
            _utama_aktif -= 1
            _UTAMA.notify_all()


def beri_jalan(batas: float | None = None) -> bool:
    """Wait (at most ``batas`` s) until no caller is inside :func:`utamakan`; whether it gave
    way at all."""
    with _UTAMA:
        if _utama_aktif == 0:
            return False
        _UTAMA.wait_for(lambda: _utama_aktif == 0, timeout=DETIK_BERI_JALAN if batas is None else batas)
        return True


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
