"""Lock files in the cache folder, so that replicas sharing it build each result once.

Several dashboard processes (replicas behind a load balancer, possibly on several machines
sharing the data and cache folders over NFS) build the same per-file results. Before building
one, a replica takes the result's lock: a file ``<result>.kunci`` created with ``O_EXCL`` (atomic
on local file systems and on NFS v3+) holding the owner's host, pid, a random token and a
heartbeat counter. While a replica holds locks, one thread per process rewrites each of them
every :func:`detik_denyut` seconds (the counter goes up). Another replica that finds the lock
waits for the result to appear; it takes the lock over when the owner is gone:

- on the same machine, when the owner's pid no longer exists (killed);
- on any machine, when the lock's content has not changed for :func:`detik_basi` seconds as
  measured by the waiting replica's own clock (so clocks of different machines never need to
  agree), or (same machine) its last heartbeat is older than that.

Taking over removes the stale lock under a short-lived second lock (``.kunci.pecah``), after
checking the content is still the stale one, so two waiters never both take over.
``BERAKHLAK_KUNCI_BASI`` sets the stale timeout (seconds, default 60; the tests set it small),
``BERAKHLAK_HOST`` the host name written into locks and temporary files (tests use it to play
two machines).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import socket
import threading
import time
from pathlib import Path

AKHIRAN = ".kunci"
_PECAH = ".pecah"


def detik_basi() -> float:
    """Seconds without a heartbeat after which a lock is taken over."""
    return max(0.2, float(os.environ.get("BERAKHLAK_KUNCI_BASI", "60")))


def detik_denyut() -> float:
    """How often a held lock's heartbeat is written (a quarter of the stale timeout)."""
    return detik_basi() / 4


def nama_host() -> str:
    return os.environ.get("BERAKHLAK_HOST") or socket.gethostname()


def tanda_host() -> str:
    """The host as a short token without dots (part of temporary file names)."""
    return hashlib.sha256(nama_host().encode()).hexdigest()[:8]



def pid_hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _baca(path: Path) -> dict | None:
    try:
        isi = json.loads(path.read_text(encoding="utf-8"))
        return isi if isinstance(isi, dict) else {}
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}  # being rewritten or damaged: judged by whether it changes


def _tulis_utuh(path: Path, isi: dict) -> None:
    sementara = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.{tanda_host()}.tmp")
    sementara.write_text(json.dumps(isi), encoding="utf-8")
    os.replace(sementara, path)


class _Denyut:
    """The one heartbeat thread of the process: rewrites every lock it holds."""

    def __init__(self) -> None:
        self._kunci = threading.Lock()
        self._dipegang: dict[Path, dict] = {}
        self._bangun = threading.Event()
        self._utas: threading.Thread | None = None

    def tambah(self, path: Path, isi: dict) -> None:
        with self._kunci:
            self._dipegang[path] = isi
            if self._utas is None or not self._utas.is_alive():
                self._utas = threading.Thread(target=self._jalan, name="gembok-denyut", daemon=True)
                self._utas.start()

    def hapus(self, path: Path) -> None:
        with self._kunci:
            self._dipegang.pop(path, None)

    def _jalan(self) -> None:
        while True:
            self._bangun.wait(detik_denyut())
            with self._kunci:
                dipegang = list(self._dipegang.items())
            for path, isi in dipegang:
                sekarang = _baca(path)
                if sekarang is None or sekarang.get("token") != isi["token"]:
                    continue  # lost (taken over after a long pause): the owner still finishes
                isi["denyut"] += 1
                isi["waktu"] = time.time()
                try:
                    with self._kunci:
                        if path in self._dipegang:
                            _tulis_utuh(path, isi)
                except OSError:
                    pass


_DENYUT = _Denyut()


class Gembok:
    """The lock of one result file (``hasil``): ``coba()`` takes it or returns False at once."""

    def __init__(self, hasil: Path) -> None:
        self.path = hasil.with_name(hasil.name + AKHIRAN)
        self._isi: dict | None = None
        self._dilihat: tuple[str, float] | None = None  # (content, monotonic time first seen)
        self.diambil_alih = False  # whether the last coba() took over a stale lock

    def coba(self) -> bool:
        """Take the lock if it is free or stale."""
        self.diambil_alih = False
        for _ in range(2):
            if self._buat():
                return True
            if not self.basi():
                return False
            self._pecah()
            self.diambil_alih = True
        return False

    def lepas(self) -> None:
        if self._isi is None:
            return
        _DENYUT.hapus(self.path)
        isi = _baca(self.path)
        if isi is not None and isi.get("token") == self._isi["token"]:
            self.path.unlink(missing_ok=True)
        self._isi = None

    def __enter__(self) -> Gembok:
        return self

    def __exit__(self, *_) -> None:
        self.lepas()

    def dipegang_lain(self) -> bool:
        """Whether another live owner holds the lock now (False when free or stale)."""
        return self.path.exists() and not self.basi()

    def basi(self) -> bool:
        """Whether the lock is there but its owner is gone (see the module's docstring)."""
        isi = _baca(self.path)
        if isi is None:
            return False
        sekarang = time.monotonic()
        teks = json.dumps(isi, sort_keys=True)
        if self._dilihat is None or self._dilihat[0] != teks:
            self._dilihat = (teks, sekarang)
        if isi.get("host") == nama_host():
            pid = isi.get("pid")
            if isinstance(pid, int) and not pid_hidup(pid):
                return True
            if time.time() - float(isi.get("waktu") or 0) > detik_basi():
                return True
        return sekarang - self._dilihat[1] > detik_basi()

    def _buat(self) -> bool:
        isi = {"host": nama_host(), "pid": os.getpid(), "token": secrets.token_hex(8),
               "denyut": 0, "waktu": time.time()}
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps(isi))
        self._isi = isi
        _DENYUT.tambah(self.path, dict(isi))
        return True

    def _pecah(self) -> None:
        """Remove a stale lock, under a second lock so that only one waiter does it."""
        pecah = self.path.with_name(self.path.name + _PECAH)
        try:
            fd = os.open(pecah, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:  # a breaker that died within these few lines: its lock is old
                if time.time() - pecah.stat().st_mtime > detik_basi():
                    pecah.unlink(missing_ok=True)
            except OSError:
                pass
            return
        os.close(fd)
        try:
            lama = self._dilihat[0] if self._dilihat else None
            isi = _baca(self.path)
            if isi is not None and json.dumps(isi, sort_keys=True) == lama:
                self.path.unlink(missing_ok=True)
                _hapus_sementara(self.path, isi)
        finally:
            pecah.unlink(missing_ok=True)
        self._dilihat = None


def _hapus_sementara(kunci: Path, isi: dict) -> None:
    """The temporary files the owner of a stale lock left half-written for its result."""
    hasil = kunci.name[: -len(AKHIRAN)]
    host = hashlib.sha256(str(isi.get("host")).encode()).hexdigest()[:8]
    for p in kunci.parent.glob(f"{glob_aman(hasil)}.{isi.get('pid')}.*.{host}.tmp"):
        p.unlink(missing_ok=True)


def glob_aman(nama: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in nama)


def bersihkan_sisa(folder: Path, umur_asing: float) -> int:
    """Remove what killed builds left in ``folder``: temporary files (``*.tmp``) and locks of
    processes of this host that no longer exist; those of other hosts once older than
    ``umur_asing`` seconds. Returns how many were removed."""
    dihapus = 0
    host = tanda_host()
    sekarang = time.time()
    for p in folder.iterdir():
        nama = p.name
        try:
            if nama.endswith(".tmp"):
                bagian = nama.split(".")
                # <result>.<pid>.<thread>.<host>.tmp
                if len(bagian) >= 5 and bagian[-2] == host and bagian[-4].isdigit():
                    mati = not pid_hidup(int(bagian[-4]))
                else:
                    mati = sekarang - p.stat().st_mtime > umur_asing
                if mati:
                    p.unlink(missing_ok=True)
                    dihapus += 1
            elif nama.endswith(AKHIRAN):
                isi = _baca(p)
                if isi and isi.get("host") == nama_host():
                    mati = isinstance(isi.get("pid"), int) and not pid_hidup(isi["pid"])
                else:
                    mati = sekarang - p.stat().st_mtime > umur_asing
                if mati:
                    p.unlink(missing_ok=True)
                    dihapus += 1
        except OSError:
            continue
    return dihapus
