"""The data folder: what is in it, what was loaded, and the rollup every page reads.

Each ``*.parquet`` file below the folder is validated on its own (berakhlak.validasi) and then
summarised once into a small rollup (queries/agregat_berkas.sql). Results are cached by the
file's fingerprint (path, size, modification time), so a refresh re-reads only files that
changed. The per-file rollups are merged into one DuckDB table ``agregat`` that all pages query.

The same respondent (periode, responden_id) in several files is counted once: the copy in the
file that comes first in path order counts; later copies are skipped. Nothing in the data folder
is ever written, moved or deleted.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa

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
    versi: str
    n_responden: int
    n_baris_dimuat: int
    periode: tuple[int, ...]
    basis: db.Basis = field(repr=False, compare=False, default=None)
    dibuat: float = field(default_factory=time.time)

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


class Katalog:
    """The loaded state of one data folder, refreshed cheaply on every page run."""

    def __init__(self, akar: Path, cache: Path) -> None:
        self.akar = akar
        self.cache = cache
        self.basis = db.Basis(direktori_izin=[akar, cache])
        self._validasi: dict[Sidik, HasilValidasi] = {}
        self._hash: dict[Sidik, np.ndarray] = {}
        self._rollup: dict[tuple[Sidik, tuple[Sidik, ...]], pa.Table] = {}
        self._keadaan: Keadaan | None = None
        self._kunci = threading.Lock()

    # -- public -------------------------------------------------------------------------
    def segarkan(self) -> Keadaan:
        """Bring the snapshot up to date with the folder; re-read only changed files.

        While another session is rebuilding, the previous snapshot keeps serving.
        """
        if not self._kunci.acquire(blocking=self._keadaan is None):
            return self._keadaan  # type: ignore[return-value]
        try:
            return self._segarkan()
        finally:
            self._kunci.release()

    # -- steps --------------------------------------------------------------------------
    def _segarkan(self) -> Keadaan:
        parquet, diabaikan = pindai(self.akar)
        akar, demo = self.akar, False
        if not parquet:
            akar, demo = self._akar_demo(), True
            parquet, _ = pindai(akar)
        versi = _versi(akar, [s for _, s in parquet])
        if self._keadaan is not None and self._keadaan.versi == versi and not any(
            h.status == "menunggu" for h in self._keadaan.berkas
        ):
            return self._keadaan
        hasil = [self._validasi_satu(path, sidik, akar) for path, sidik in parquet]
        sah = [(path, sidik) for (path, sidik), h in zip(parquet, hasil, strict=True) if h.dimuat]
        tumpang, didahului = self._cari_tumpang(sah, hasil)
        rollup = [self._rollup_satu(path, sidik, didahului[sidik], hasil) for path, sidik in sah]
        n_responden = self._gabung(rollup)
        self._lupakan_yang_hilang({s for _, s in parquet})
        self._keadaan = Keadaan(
            akar=akar, demo=demo, berkas=hasil, diabaikan=diabaikan if not demo else [],
            tumpang=tumpang, versi=versi, n_responden=n_responden,
            n_baris_dimuat=sum(h.baris for h in hasil if h.dimuat),
            periode=tuple(sorted({p for h in hasil if h.dimuat for p in h.periode})),
            basis=self.basis,
        )
        return self._keadaan

    def _akar_demo(self) -> Path:
        from berakhlak import demo

        tujuan = self.cache / "demo"
        demo.tulis_demo(tujuan)
        return tujuan

    def _validasi_satu(self, path: Path, sidik: Sidik, akar: Path) -> HasilValidasi:
        if sidik in self._validasi:
            return self._validasi[sidik]
        hasil = validasi_berkas(self.basis, path, akar)
        if hasil.status != "menunggu":  # a file still being copied is looked at again
            self._validasi[sidik] = hasil
        return hasil

    def _tampilkan(self, path: Path, sidik: Sidik) -> None:
        h = self._validasi[sidik]
        self.basis.tampilkan_berkas("berkas", path, h.kolom, h.konstanta)

    def _hash_kunci(self, path: Path, sidik: Sidik) -> np.ndarray:
        if sidik not in self._hash:
            with self.basis.kunci:
                self._tampilkan(path, sidik)
                tabel = self.basis.jalankan_arrow("kunci_hash")
            self._hash[sidik] = np.sort(tabel.column("h").to_numpy())
        return self._hash[sidik]

    def _cari_tumpang(self, sah, hasil) -> tuple[list[Tumpang], dict[Sidik, tuple[Sidik, ...]]]:
        """Pairs of loaded files that share respondents, and for each file the earlier
        files whose copies take precedence over its own."""
        tumpang: list[Tumpang] = []
        didahului: dict[Sidik, tuple[Sidik, ...]] = {}
        for i, (path, sidik) in enumerate(sah):
            kunci = self._hash_kunci(path, sidik)
            sebelum = []
            for path_a, sidik_a in sah[:i]:
                sama = np.intersect1d(self._hash_kunci(path_a, sidik_a), kunci, assume_unique=True)
                if len(sama):
                    sebelum.append(sidik_a)
                    tumpang.append(Tumpang(sidik_a.relatif, sidik.relatif, int(len(sama))))
            didahului[sidik] = tuple(sebelum)
        return tumpang, didahului

    def _kunci_prioritas(self, sebelum: tuple[Sidik, ...]) -> pa.Table:
        bagian = [_KUNCI_KOSONG.empty_table()]
        for sidik in sebelum:
            with self.basis.kunci:
                self._tampilkan(self.akar_dari(sidik), sidik)
                bagian.append(self.basis.jalankan_arrow("kunci_berkas").cast(_KUNCI_KOSONG))
        return pa.concat_tables(bagian)

    def akar_dari(self, sidik: Sidik) -> Path:
        return self._validasi[sidik].path

    def _rollup_satu(self, path: Path, sidik: Sidik, sebelum: tuple[Sidik, ...], hasil) -> pa.Table:
        kunci = (sidik, sebelum)
        if kunci not in self._rollup:
            prioritas = self._kunci_prioritas(sebelum)
            with self.basis.kunci:
                self._tampilkan(path, sidik)
                self.basis.daftarkan("kunci_prioritas", prioritas)
                try:
                    self._rollup[kunci] = pa.concat_tables([
                        self.basis.jalankan_arrow(nama, {"kosong": kontrak.KOSONG})
                        for nama in ("agregat_berkas", "agregat_berkas_demografi")
                    ], promote_options="permissive")
                finally:
                    self.basis.lepaskan("kunci_prioritas")
        return self._rollup[kunci]

    def _gabung(self, rollup: list[pa.Table]) -> int:
        """Merge the per-file rollups into table ``agregat``; the number of respondents."""
        if rollup:
            tabel = pa.concat_tables(rollup, promote_options="permissive")
        else:
            tabel = self._rollup_kosong()
        with self.basis.kunci:
            self.basis.daftarkan("agregat_baru", tabel)
            try:
                self.basis.eksekusi("agregat_gabung")
            finally:
                self.basis.lepaskan("agregat_baru")
        n = self.basis.jalankan("jumlah_responden")
        return int(n["n"].iloc[0] or 0)

    def _rollup_kosong(self) -> pa.Table:
        kolom = [(k, pa.int32() if k == "periode" else pa.string()) for k in kontrak.FILTER]
        kolom += [("dimensi", pa.string()), ("grup", pa.string())]
        kolom += [(u, pa.float64() if u.startswith("s") else pa.int64()) for u in kontrak.UKURAN]
        return pa.schema(kolom).empty_table()

    def _lupakan_yang_hilang(self, ada: set[Sidik]) -> None:
        """Drop cached work for files that were removed or replaced."""
        for cache in (self._validasi, self._hash):
            for sidik in [s for s in cache if s not in ada]:
                del cache[sidik]
        for kunci in [k for k in self._rollup if k[0] not in ada or not set(k[1]) <= ada]:
            del self._rollup[kunci]


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


def lupakan_semua() -> None:
    """Forget every catalog (tests)."""
    with _REGISTRI_KUNCI:
        for k in _REGISTRI.values():
            k.basis.tutup()
        _REGISTRI.clear()
