"""Replicas sharing one cache folder (issue 11): every per-file result is made once, by one
replica, written whole, and read by the others; a replica killed in the middle of a build
leaves nothing half-written, and another one takes its work over.

Each replica is a real process (tests/unit/replika.py). Nothing waits by sleeping: the test
waits for files the processes write (a ready file, a marker, log lines), always bounded.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from berakhlak import gembok, katalog
from tests.unit.bantu import ids, tabel, tulis

AKAR = Path(__file__).resolve().parents[2]
BATAS_S = 300  # any wait of this test (generous for a busy 2-core machine)


def isi_data(data: Path) -> int:
    """14 small files in two periods, three sharing a respondent with the file before; the
    respondents counted (each once)."""
    for i in range(10):
        t = tabel(ids(f"a{i}-", 12) + ([f"a{i - 1}-00000"] if i % 3 == 1 else []), skor=60.0 + i)
        tulis(data / "periode=2024" / f"instansi_{i:02d}.parquet", t.drop_columns(["periode"]))
    for i in range(4):
        tulis(data / f"lama_{i}.parquet", tabel(ids(f"b{i}-", 15), periode=2023, skor=61.0 + i))
    return 10 * 12 + 4 * 15


def jalankan(data: Path, cache: Path, log: Path, barrier: Path | None = None, **env: str) -> subprocess.Popen:
    lingkungan = {**os.environ, "BERAKHLAK_LOG_BANGUN": str(log), "PYTHONPATH": str(AKAR), **env}
    argv = [sys.executable, "-m", "tests.unit.replika", str(data), str(cache)]
    return subprocess.Popen(argv + ([str(barrier)] if barrier else []), cwd=AKAR, env=lingkungan,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def tunggu_sampai(syarat, pesan: str, proses: list[subprocess.Popen] = ()) -> None:
    """Wait (bounded) until ``syarat()`` holds, failing early if a process died."""
    batas = time.monotonic() + BATAS_S
    while not syarat():
        for p in proses:
            if p.poll() is not None:
                raise AssertionError(f"{pesan}: a replica ended ({p.returncode}): {p.stderr.read()[-3000:]}")
        assert time.monotonic() < batas, f"timed out: {pesan}"
        time.sleep(0.01)


def hasil(p: subprocess.Popen) -> dict:
    keluar, galat = p.communicate(timeout=BATAS_S)
    assert p.returncode == 0, galat[-3000:]
    return json.loads(keluar.strip().splitlines()[-1])


def peristiwa(log: Path) -> list[tuple[str, str, str]]:
    """(event, pid, result) per line of the build log."""
    if not log.exists():
        return []
    return [(b[0], b[2], b[3]) for b in (baris.split() for baris in log.read_text().splitlines())]


def folder_cache(cache: Path) -> Path:
    (folder,) = (cache / "berkas").glob("*/v-*")
    return folder


def sisa_setengah(cache: Path) -> list[str]:
    return sorted(p.name for p in folder_cache(cache).iterdir()
                  if p.name.endswith((".tmp", gembok.AKHIRAN, ".pecah")))


def hasil_di_cache(cache: Path) -> set[str]:
    """Every per-file result in the cache (the index, written by each replica, left out)."""
    return {p.name for p in folder_cache(cache).iterdir()
            if not p.name.endswith((".tmp", gembok.AKHIRAN)) and p.name != "indeks-validasi"}


def test_dua_replika_mulai_bersama_setiap_hasil_dibuat_sekali(tmp_path):
    data, cache, log, mulai = tmp_path / "data", tmp_path / "cache", tmp_path / "bangun.log", tmp_path / "mulai"
    n = isi_data(data)
    # three results per claim, so both replicas take shares of the same steps
    replika = [jalankan(data, cache, log, mulai, BERAKHLAK_BERKAS_PER_KLAIM="3") for _ in range(2)]
    try:
        tunggu_sampai(lambda: len(list(tmp_path.glob("mulai.siap-*"))) == 2, "replicas ready", replika)
        mulai.touch()  # both start building now
        a, b = (hasil(p) for p in replika)
    finally:
        for p in replika:
            p.kill()
    assert a == b  # both serve the same snapshot
    assert a["n_responden"] == n and a["lengkap"] and a["periode"] == [2023, 2024]
    assert set(a["status"].values()) == {"dimuat"} and len(a["tumpang"]) == 3
    dibuat = Counter(nama for e, _, nama in peristiwa(log) if e == "bangun")
    # validation, keys, base and breakdown rollups of 14 files; the overlap of two periods (and
    # the bundles holding the rollups' rows, one per query)
    assert len([n for n in dibuat if not n.startswith("paket-")]) == 4 * 14 + 2
    assert set(dibuat.values()) == {1}, [k for k, v in dibuat.items() if v > 1]  # each exactly once
    assert set(dibuat) == hasil_di_cache(cache)
    assert sisa_setengah(cache) == []


def test_replika_yang_dibunuh_saat_membangun_diambil_alih(tmp_path):
    data, cache, log = tmp_path / "data", tmp_path / "cache", tmp_path / "bangun.log"
    n = isi_data(data)
    penanda = tmp_path / "macet"
    # two "machines" (no shared pids): only the missing heartbeat shows the owner is gone
    a = jalankan(data, cache, log, BERAKHLAK_UJI_MACET=str(penanda), BERAKHLAK_HOST="mesin-a",
                 BERAKHLAK_KUNCI_BASI="1")
    b = None
    try:
        tunggu_sampai(penanda.exists, "replica A stopped inside a build", [a])
        setengah = Path(penanda.read_text())
        assert setengah.exists() and setengah.name.endswith(".tmp")  # written, never renamed
        hasil_macet = ".".join(setengah.name.split(".")[:-4])  # <result>.<pid>.<thread>.<host>.tmp
        b = jalankan(data, cache, log, BERAKHLAK_HOST="mesin-b", BERAKHLAK_KUNCI_BASI="1")
        # B finds A's locks alive (A's heartbeat runs) and waits for A's results
        tunggu_sampai(lambda: any(e == "tunggu" and pid == str(b.pid) for e, pid, _ in peristiwa(log)),
                      "replica B waiting for A", [b])
        assert b.poll() is None
        a.send_signal(signal.SIGKILL)  # killed in the middle of writing a result
        a.wait(BATAS_S)
        k = hasil(b)
    finally:
        for p in (a, b):
            if p is not None:
                p.kill()
    assert k["n_responden"] == n and k["lengkap"] and set(k["status"].values()) == {"dimuat"}
    kejadian = peristiwa(log)
    assert ("ambil_alih", str(b.pid), hasil_macet) in kejadian  # B took A's stale lock over
    dibuat = Counter(nama for e, _, nama in kejadian if e == "bangun")
    assert set(dibuat.values()) == {1} and set(dibuat) == hasil_di_cache(cache)
    assert not setengah.exists() and sisa_setengah(cache) == []  # nothing half-written is left


def test_sisa_replika_mati_dibersihkan_saat_mulai(tmp_path):
    data, cache, log = tmp_path / "data", tmp_path / "cache", tmp_path / "bangun.log"
    n = isi_data(data)
    penanda = tmp_path / "macet"
    a = jalankan(data, cache, log, BERAKHLAK_UJI_MACET=str(penanda))  # this machine
    try:
        tunggu_sampai(penanda.exists, "replica A stopped inside a build", [a])
    finally:
        a.send_signal(signal.SIGKILL)
        a.wait(BATAS_S)
    setengah = Path(penanda.read_text())
    assert setengah.exists() and sisa_setengah(cache)  # its temporary file and locks remain
    # the next replica started on this machine (pid gone) removes them when it opens the cache
    katalog.CacheBerkas(folder_cache(cache).parent)
    assert sisa_setengah(cache) == []
    k = hasil(jalankan(data, cache, log))
    assert k["n_responden"] == n
    dibuat = Counter(nama for e, _, nama in peristiwa(log) if e == "bangun")
    assert set(dibuat.values()) == {1} and set(dibuat) == hasil_di_cache(cache)


def test_kunci_basi_diambil_alih_satu_kali(tmp_path, monkeypatch):
    """Two waiters judging the same lock stale: only one of them takes it."""
    monkeypatch.setenv("BERAKHLAK_KUNCI_BASI", "0.2")
    monkeypatch.setenv("BERAKHLAK_HOST", "mesin-lain")
    hasil_ = tmp_path / "hasil.parquet"
    kunci = tmp_path / ("hasil.parquet" + gembok.AKHIRAN)
    kunci.write_text(json.dumps({"host": "mesin-mati", "pid": 1, "token": "x", "denyut": 3, "waktu": 0}))
    g1, g2 = gembok.Gembok(hasil_), gembok.Gembok(hasil_)
    assert not g1.coba() and not g2.coba()  # first seen: alive until unchanged for 0,2 s
    batas = time.monotonic() + 0.25
    while time.monotonic() < batas:  # the stale timeout itself is what is tested here
        time.sleep(0.05)
    assert g1.coba() and g1.diambil_alih
    assert not g2.coba()  # the new lock is alive: not taken again
    g1.lepas()
    assert not kunci.exists()
