"""Benchmark the dashboard on a national-scale data folder (e.g. 4 periods x 4,000,000 respondents).

Usage:
    python scripts/benchmark.py DATA_DIR [--ulang 20] [--port 8611] [--tanpa-browser]
                                [--tanpa-pandas] [--tanpa-ekstrak]

``make bench`` runs it on ``bench-data/nasional`` after ``make data-nasional``. Progress goes to
stderr; the result tables (markdown) go to stdout. What is measured:

1. Per page view (typical filters), in this process with streamlit.testing.v1.AppTest against
   DATA_DIR and a warm catalog: the full script run, ``--ulang`` runs. Filter values are cycled
   (agencies / provinces spread over all sizes) and the service layer's query-result cache is
   emptied before every run, so each run computes its figures from the rollup ("uncached");
   "cached" is the same view run again at once (every figure a cache hit). The same uncached
   runs on the demo data (an empty data folder) give the "demo" column.
2. Beside each: the raw DuckDB query (queries/mentah_ukuran.sql) answering the same question
   straight from the Parquet files (median of 5, values cycled); and a plain pandas approach
   (pd.read_parquet of the needed columns of every file, then filter + groupby) in a
   subprocess, with its wall time and peak RSS.
3. With ``streamlit run app.py`` as a subprocess (BERAKHLAK_DATA_DIR=DATA_DIR, a fresh empty
   BERAKHLAK_CACHE_DIR) and Debian's Chromium: cold start (process start until the index metric
   of ``/`` is drawn, validation and base rollups included); when every breakdown is ready
   (``/demografi`` waits for the demographic rollups built after the first page); the server's
   peak RSS (process and children, polled every 50 ms for the whole session); a page view in
   the browser once the build is done (goto until the app has finished running,
   ``/?periode=P&instansi=X``, 5 agencies found in both sets, twice each) on this data against
   a second server on the demo data; and the new-extract latency: a
   4,000,000-row period (2026) is written outside DATA_DIR, moved into it with one atomic
   rename of its ``periode=2026`` folder, and a browser reload of ``/?periode=2026`` is
   repeated until it shows 2026. That folder is removed at the end; nothing else in DATA_DIR
   is written.
4. ``--berkas-banyak`` (``make bench-berkas``, on a folder from
   scripts/buat_data_berkas_banyak.py) instead: in subprocesses, the first snapshot after a
   cold start (empty cache, ``--ulang-dingin`` times) and after a restart with the cache in
   place, a new 10,000-row file (moved into ``periode=2026/`` with one rename, removed
   afterwards) until it is counted (``--ulang-berkas`` restarts, a new file each), medians
   printed, and the peak RSS of those processes; the first page drawn in Chromium after a
   server's cold start (the target: the snapshot, the period's privacy pattern and the page);
   then the overlap step alone, one pass per period against
   the pairwise method it replaced (given ``--anggaran-berpasangan`` seconds, then
   extrapolated by the number of pairs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
for _jalur in (AKAR, AKAR / "scripts"):
    if str(_jalur) not in sys.path:
        sys.path.insert(0, str(_jalur))

import psutil  # noqa: E402
from server_uji import ServerStreamlit  # noqa: E402

from berakhlak import kontrak  # noqa: E402

APP = AKAR / "app.py"
CHROMIUM = "/usr/bin/chromium"
ARGS_CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SELESAI = '[data-testid="stApp"][data-test-script-state="notRunning"]'
METRIK = '[data-testid="stMetricValue"]'
PERIODE_BARU = 2026

TARGET_MEDIAN_MS, TARGET_P95_MS = 150, 300
TARGET_RASIO, TARGET_DINGIN_S, TARGET_RSS_MB, TARGET_EKSTRAK_S = 1.3, 20, 1536, 15


def log(pesan: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {pesan}", file=sys.stderr, flush=True)


def median(x: list[float]) -> float:
    return statistics.median(x) if x else float("nan")


def p95(x: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    if not x:
        return float("nan")
    urut = sorted(x)
    return urut[max(0, -(-95 * len(urut) // 100) - 1)]


# ======================================================================================
# The page views measured and the question each answers
# ======================================================================================
@dataclass
class Tampilan:
    nama: str
    halaman: str | None  # script for AppTest.switch_page; None = app.py
    url: dict  # fixed URL parameters
    ganti: str | None  # filter cycled across runs: 'provinsi', 'instansi' or None
    kelompok: str  # the raw question: group by ...
    filter_mentah: tuple[str, ...]  # ... with these filters (values from the URL)
    kolom_pandas: tuple[str, ...] = field(default=())


TAMPILAN = [
    Tampilan("Ringkasan – nasional (periode terakhir)", None, {}, None, "periode", ("periode",)),
    Tampilan("Ringkasan – satu provinsi", None, {}, "provinsi", "periode", ("periode", "provinsi")),
    Tampilan("Ringkasan – satu instansi", None, {}, "instansi", "periode", ("periode", "instansi")),
    Tampilan("Nilai – satu instansi", "pages/1_nilai.py", {}, "instansi", "periode",
             ("periode", "instansi")),
    Tampilan("Wilayah – nasional", "pages/2_wilayah.py", {}, None, "provinsi", ("periode",)),
    Tampilan("Tren – satu instansi", "pages/3_tren.py", {}, "instansi", "periode", ("instansi",)),
    Tampilan("Demografi – nasional per golongan", "pages/4_demografi.py", {"dimensi": "golongan"},
             None, "golongan", ("periode",)),
    Tampilan("Data", "pages/5_data.py", {}, None, "periode", ()),
]


def nilai_bervariasi(pf, kolom: str, periode: int, jumlah: int, minimal: int = 50) -> list[str]:
    """`jumlah` values of `kolom` spread over all sizes (each with >= `minimal` respondents)."""
    n = pf[pf["periode"] == periode].groupby(kolom)["n"].sum()
    n = n[n >= minimal].sort_values()
    if len(n) <= jumlah:
        return n.index.tolist()
    langkah = (len(n) - 1) / (jumlah - 1)
    return [n.index[round(i * langkah)] for i in range(jumlah)]


def agensi_bersama(nilai: dict, nilai_demo: dict, jumlah: int = 5, minimal: int = 200) -> list[str]:
    """`jumlah` agencies present in both sets in the latest period (>= `minimal` respondents in
    each), spread over their sizes in the national set."""
    a, b = nilai["n_instansi"], nilai_demo["n_instansi"]
    bersama = sorted((n, x) for x, n in a.items() if n >= minimal and b.get(x, 0) >= minimal)
    if nilai["terakhir"] != nilai_demo["terakhir"] or len(bersama) < jumlah:
        raise RuntimeError("the national and demo sets share too few agencies / periods")
    langkah = (len(bersama) - 1) / (jumlah - 1)
    return [bersama[round(i * langkah)][1] for i in range(jumlah)]


def url_tampilan(t: Tampilan, periode: int, nilai: str | None) -> dict:
    url = {"periode": str(periode), **t.url}
    if t.ganti and nilai is not None:
        url[t.ganti] = nilai
    if t.halaman == "pages/5_data.py":
        url = {}
    return url


# ======================================================================================
# 1. Script runs with AppTest (in this process)
# ======================================================================================
_KOMPONEN: list = []  # the component registry shared by every AppTest of this process


def jalankan_apptest(t: Tampilan, url: dict) -> float:
    """Seconds of one full script run of a page view (AppTest.run).

    A fresh AppTest per run (fresh session state, as a new visitor), but the registry of
    installed custom components is shared: AppTest would otherwise rescan every installed
    package's metadata on each run (~120 ms here), which a server does once at start-up.
    """
    import logging

    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    at = AppTest.from_file(str(APP), default_timeout=300)
    if _KOMPONEN:
        at._bidi_component_manager = _KOMPONEN[0]
    for k, v in url.items():
        at.query_params[k] = v
    if t.halaman:
        at.switch_page(t.halaman)
    mulai = time.perf_counter()
    at.run()
    detik = time.perf_counter() - mulai
    if not _KOMPONEN and at._bidi_component_manager is not None:
        _KOMPONEN.append(at._bidi_component_manager)
    if at.exception:
        raise RuntimeError(f"{t.nama} {url}: {[e.value for e in at.exception]}")
    if not at.dataframe:
        raise RuntimeError(f"{t.nama} {url}: no table drawn ({[w.value for w in at.warning]})")
    return detik


def ukur_halaman(data_dir: Path, cache: Path, ulang: int, label: str) -> tuple[dict, dict]:
    """Per view: {'tak_cache': [s...], 'cache': [s...]} and the values cycled."""
    from berakhlak import katalog, layanan

    os.environ["BERAKHLAK_DATA_DIR"] = str(data_dir)
    os.environ["BERAKHLAK_CACHE_DIR"] = str(cache)
    mulai = time.perf_counter()
    k = layanan.keadaan_lengkap()  # the demographic rollups too
    log(f"[{label}] catalog warm in {time.perf_counter() - mulai:.1f} s "
        f"({k.n_responden:,} respondents, periods {k.periode})")
    terakhir = max(k.periode)
    pf = layanan.pilihan_filter(k)
    nilai = {"provinsi": nilai_bervariasi(pf, "provinsi", terakhir, ulang),
             "instansi": nilai_bervariasi(pf, "instansi", terakhir, ulang),
             "n_instansi": pf[pf["periode"] == terakhir].groupby("instansi")["n"].sum().to_dict()}
    hasil = {}
    for t in TAMPILAN:
        # one untimed run: imports, Streamlit page registry, the sidebar's filter table
        jalankan_apptest(t, url_tampilan(t, terakhir, nilai[t.ganti][0] if t.ganti else None))
        tak_cache, cache_ = [], []
        for i in range(ulang):
            v = nilai[t.ganti][i % len(nilai[t.ganti])] if t.ganti else None
            url = url_tampilan(t, terakhir, v)
            layanan.bersihkan_cache()
            layanan.pilihan_filter(k)  # per data version, computed once after a change
            tak_cache.append(jalankan_apptest(t, url))
            cache_.append(jalankan_apptest(t, url))
        hasil[t.nama] = {"tak_cache": tak_cache, "cache": cache_}
        log(f"[{label}] {t.nama}: median {median(tak_cache) * 1e3:.0f} ms, "
            f"p95 {p95(tak_cache) * 1e3:.0f} ms, cached {median(cache_) * 1e3:.0f} ms")
    katalog.lupakan_semua()
    layanan.bersihkan_cache()
    return hasil, {"terakhir": terakhir, **nilai}


def profil_halaman(data_dir: Path, cache: Path, t: Tampilan, url: dict, baris: int = 25) -> str:
    """cProfile of one uncached run of a view (used when a target is missed)."""
    import cProfile
    import io
    import pstats

    from berakhlak import layanan

    os.environ["BERAKHLAK_DATA_DIR"] = str(data_dir)
    os.environ["BERAKHLAK_CACHE_DIR"] = str(cache)
    k = layanan.keadaan_lengkap()
    layanan.bersihkan_cache()
    layanan.pilihan_filter(k)
    prof = cProfile.Profile()
    prof.enable()
    jalankan_apptest(t, url)
    prof.disable()
    keluar = io.StringIO()
    pstats.Stats(prof, stream=keluar).sort_stats("cumulative").print_stats(baris)
    return keluar.getvalue()


# ======================================================================================
# 2. The raw DuckDB query and the pandas approach
# ======================================================================================
def daftar_berkas(data_dir: Path) -> list[str]:
    from berakhlak import katalog

    parquet, _ = katalog.pindai(data_dir)
    return [str(path) for path, _ in parquet]


def ukur_mentah(data_dir: Path, nilai: dict, ulang: int = 5) -> dict[str, list[float]]:
    from berakhlak import db

    basis = db.Basis(direktori_izin=[data_dir])
    berkas = daftar_berkas(data_dir)
    hasil = {}
    try:
        for t in TAMPILAN:
            waktu = []
            for i in range(ulang):
                params = {"berkas": berkas, "kosong": kontrak.KOSONG,
                          **dict.fromkeys(kontrak.FILTER)}
                for f in t.filter_mentah:
                    params[f] = nilai["terakhir"] if f == "periode" else nilai[f][i % len(nilai[f])]
                mulai = time.perf_counter()
                df = basis.jalankan("mentah_ukuran", params, {"kelompok": t.kelompok})
                waktu.append(time.perf_counter() - mulai)
                if df.empty:
                    raise RuntimeError(f"raw query empty for {t.nama}: {params}")
            hasil[t.nama] = waktu
            log(f"[raw] {t.nama}: median {median(waktu) * 1e3:.0f} ms")
    finally:
        basis.tutup()
    return hasil


def pekerja_pandas(tugas: dict) -> None:
    """Subprocess: read the needed columns of every file with pandas, filter, group; print JSON."""
    import pandas as pd

    mulai = time.perf_counter()
    bagian = []
    for path in tugas["berkas"]:
        import pyarrow.parquet as pq

        ada = set(pq.read_schema(path).names)
        kolom = [c for c in tugas["kolom"] if c in ada]
        df = pd.read_parquet(path, columns=kolom or None)
        if "periode" not in ada:
            m = re.search(r"periode=(\d+)", path)
            df["periode"] = int(m.group(1)) if m else pd.NA
        bagian.append(df)
    df = pd.concat(bagian, ignore_index=True)
    del bagian
    dimuat = time.perf_counter()
    pilih = pd.Series(True, index=df.index)
    for kolom, nilai in tugas["filter"].items():
        pilih &= df[kolom] == nilai
    sel = df[pilih]
    g = sel.groupby(tugas["kelompok"])
    hasil = g[list(kontrak.KUNCI_NILAI)].mean()
    hasil["n"] = g.size()
    hasil["indeks"] = hasil[list(kontrak.KUNCI_NILAI)].mean(axis=1)
    selesai = time.perf_counter()
    print(json.dumps({
        "muat_s": dimuat - mulai, "hitung_s": selesai - dimuat, "total_s": selesai - mulai,
        "rss_puncak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "baris": len(df), "grup": len(hasil),
    }))


def ukur_pandas(data_dir: Path, nilai: dict) -> dict[str, dict]:
    berkas = daftar_berkas(data_dir)
    hasil = {}
    for t in TAMPILAN:
        filter_ = {f: (nilai["terakhir"] if f == "periode" else nilai[f][0]) for f in t.filter_mentah}
        kolom = sorted({t.kelompok, *filter_, *kontrak.KUNCI_NILAI} - {"periode"})
        tugas = {"berkas": berkas, "kolom": kolom, "filter": filter_, "kelompok": t.kelompok}
        proses = subprocess.run([sys.executable, __file__, "--pekerja-pandas", json.dumps(tugas)],
                                capture_output=True, text=True, cwd=AKAR)
        if proses.returncode != 0:
            log(f"[pandas] {t.nama} failed: {proses.stderr[-500:]}")
            hasil[t.nama] = {"total_s": float("nan"), "rss_puncak_mb": float("nan")}
            continue
        hasil[t.nama] = json.loads(proses.stdout.strip().splitlines()[-1])
        log(f"[pandas] {t.nama}: {hasil[t.nama]['total_s']:.1f} s "
            f"(load {hasil[t.nama]['muat_s']:.1f} s), peak {hasil[t.nama]['rss_puncak_mb']:.0f} MB")
    return hasil


# ======================================================================================
# 3. The real server in a real browser
# ======================================================================================
class PemantauRSS(threading.Thread):
    """Peak RSS of a process and its children, polled every `selang` seconds."""

    def __init__(self, pid: int, selang: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.proses = psutil.Process(pid)
        self.selang = selang
        self.puncak = 0
        self._henti = threading.Event()

    def rss(self) -> int:
        try:
            semua = [self.proses, *self.proses.children(recursive=True)]
        except psutil.Error:
            return 0
        total = 0
        for p in semua:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def run(self) -> None:
        while not self._henti.is_set():
            self.puncak = max(self.puncak, self.rss())
            self._henti.wait(self.selang)

    def henti(self) -> None:
        self._henti.set()
        self.join(timeout=2)


class Server(ServerStreamlit):
    """`streamlit run app.py` on a port, with its own data and cache folders, its memory watched."""

    def __init__(self, data_dir: Path, cache: Path, port: int, log_path: Path) -> None:
        super().__init__(data_dir, cache, port, log_path, AKAR, hapus_env=("BERAKHLAK_MIN_RESPONDEN",))
        self.pemantau = PemantauRSS(self.proses.pid)
        self.pemantau.start()

    def tunggu_siap(self, batas: float = 60) -> None:
        super().tunggu_siap(batas, jeda=0.05)

    def henti(self) -> None:
        self.pemantau.henti()
        super().henti(tunggu=10)


def buka(page, url: str, batas_ms: float = 300_000) -> float:
    """Seconds from goto until the app finished running with a metric drawn."""
    mulai = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(SELESAI, timeout=batas_ms)
    page.wait_for_selector(METRIK, timeout=batas_ms)
    return time.perf_counter() - mulai


def tampilkan_periode(page, url: str, periode: int) -> bool:
    """Load `url` and report whether the page shows figures for `periode`."""
    page.goto(url, wait_until="commit")
    page.wait_for_selector(SELESAI, timeout=300_000)
    if page.locator('[data-testid="stAlertContentWarning"]').count():
        return False
    teks = page.locator('[data-testid="stCaptionContainer"]').first.inner_text()
    return str(periode) in teks and page.locator(METRIK).count() > 0


def ukur_browser(data_dir: Path, cache_demo: Path, kerja: Path, port: int, tanpa_ekstrak: bool,
                 agensi: list[str], periode: int) -> dict:
    from playwright.sync_api import sync_playwright

    from berakhlak import demo

    hasil: dict = {}
    server: list[Server] = []
    tambahan: Path | None = None
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS_CHROMIUM)
            konteks = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = konteks.new_page()

            # -- cold start -------------------------------------------------------------
            cache_dingin = kerja / "cache_server_dingin"
            cache_dingin.mkdir()
            log("[browser] starting the server on DATA_DIR with an empty cache (cold start)")
            nas = Server(data_dir, cache_dingin, port, kerja / "server_nasional.log")
            server.append(nas)
            nas.tunggu_siap()
            page.goto(f"{nas.url}/", wait_until="commit")
            page.wait_for_selector(METRIK, timeout=600_000)
            hasil["dingin_s"] = time.perf_counter() - nas.mulai
            log(f"[browser] cold start {hasil['dingin_s']:.1f} s, "
                f"RSS so far {nas.pemantau.puncak / 2**20:.0f} MB")
            page.wait_for_selector(SELESAI, timeout=600_000)
            hasil["rss_dingin_mb"] = nas.pemantau.puncak / 2**20
            # /demografi waits until the demographic rollups (built after the first page) exist:
            # compare page views in the steady state, not while that build takes the cores.
            page.goto(f"{nas.url}/demografi", wait_until="commit")
            page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=600_000)
            page.wait_for_selector(SELESAI, timeout=600_000)
            hasil["lengkap_s"] = time.perf_counter() - nas.mulai
            log(f"[browser] every breakdown ready {hasil['lengkap_s']:.1f} s after the start")

            # -- page views: national vs demo -----------------------------------------------
            log("[browser] starting a second server on the demo data")
            kosong = kerja / "data_kosong"
            kosong.mkdir()
            dem = Server(kosong, cache_demo, port + 1, kerja / "server_demo.log")
            server.append(dem)
            dem.tunggu_siap()
            buka(page, f"{dem.url}/")  # demo generated / loaded
            for s in (nas, dem):  # one untimed view each: browser cache and server imports warm
                buka(page, f"{s.url}/?periode={periode}&instansi={agensi[0]}")
            waktu = {"nasional": [], "demo": []}
            for a in agensi * 2:
                for nama, s in (("nasional", nas), ("demo", dem)):
                    q = urllib.parse.urlencode({"periode": periode, "instansi": a})
                    waktu[nama].append(buka(page, f"{s.url}/?{q}"))
            hasil["tampilan"] = waktu
            log(f"[browser] page view national {median(waktu['nasional']) * 1e3:.0f} ms, "
                f"demo {median(waktu['demo']) * 1e3:.0f} ms")
            hasil["rss_demo_mb"] = dem.pemantau.puncak / 2**20
            dem.henti()
            server.remove(dem)

            # -- a new extract dropped into the folder --------------------------------------
            if not tanpa_ekstrak:
                tujuan = data_dir / f"periode={PERIODE_BARU}"
                if tujuan.exists():
                    raise RuntimeError(f"{tujuan} already exists; not touching it")
                sementara = data_dir.parent / f".bench-{os.getpid()}"
                log(f"[browser] writing a 4,000,000-row period {PERIODE_BARU} outside DATA_DIR")
                berkas = demo.tulis_satu_periode_nasional(sementara, PERIODE_BARU)
                time.sleep(2)  # let the server settle after the writer's CPU burst
                mulai = time.perf_counter()
                os.rename(berkas.parent, tujuan)  # one atomic rename of the folder
                tambahan = tujuan
                url = f"{nas.url}/?periode={PERIODE_BARU}"
                percobaan = 0
                while not tampilkan_periode(page, url, PERIODE_BARU):
                    percobaan += 1
                    if time.perf_counter() - mulai > 300:
                        raise TimeoutError("new period not shown after 300 s")
                    time.sleep(0.25)
                hasil["ekstrak_s"] = time.perf_counter() - mulai
                log(f"[browser] new period visible after {hasil['ekstrak_s']:.1f} s "
                    f"({percobaan} reloads before)")
                shutil.rmtree(sementara, ignore_errors=True)
            hasil["rss_puncak_mb"] = nas.pemantau.puncak / 2**20
            browser.close()
    finally:
        for s in server:
            s.henti()
        if tambahan is not None:
            (tambahan / f"nasional_{PERIODE_BARU}.parquet").unlink(missing_ok=True)
            try:
                tambahan.rmdir()
            except OSError as e:
                log(f"[browser] could not remove {tambahan}: {e}")
    return hasil


# ======================================================================================
# 4. A folder of many small per-agency files (`make bench-berkas`, issue 10)
# ======================================================================================
TARGET_BERKAS_DINGIN_S, TARGET_BERKAS_ULANG_S, TARGET_BERKAS_BARU_S = 60, 5, 5


def pekerja_berkas(tugas: dict) -> None:
    """Subprocess: build the catalog of tugas['data'] with cache tugas['cache'] (a cold start or
    a restart), optionally drop a new file in and time until it is counted; print JSON."""
    mulai = time.perf_counter()
    os.environ["BERAKHLAK_DATA_DIR"] = tugas["data"]
    os.environ["BERAKHLAK_CACHE_DIR"] = tugas["cache"]
    from berakhlak import katalog

    kat = katalog.katalog()
    k = kat.segarkan()
    hasil = {"pertama_s": time.perf_counter() - mulai, "pertama_cpu_s": cpu_s(), "responden": k.n_responden,
             "tumpang": len(k.tumpang), "berkas": len(k.berkas), "dimuat": len(k.dimuat)}
    k = kat.tunggu_lengkap()
    hasil["lengkap_s"] = time.perf_counter() - mulai
    hasil["lengkap_cpu_s"] = cpu_s()
    if tugas.get("baru"):
        import pyarrow.parquet as pq

        sumber, tujuan = Path(tugas["baru"]), Path(tugas["data"]) / "periode=2026"
        tujuan.mkdir()
        try:
            awal, awal_cpu = time.perf_counter(), cpu_s()
            os.rename(sumber, tujuan / sumber.name)  # one atomic rename into the folder
            while kat.segarkan().n_responden == k.n_responden:
                time.sleep(0.05)
                if time.perf_counter() - awal > 300:
                    raise TimeoutError("new file not counted after 300 s")
            hasil["baru_s"] = time.perf_counter() - awal
            hasil["baru_cpu_s"] = cpu_s() - awal_cpu
            hasil["baru_baris"] = pq.read_metadata(tujuan / sumber.name).num_rows
        finally:
            shutil.rmtree(tujuan, ignore_errors=True)
    hasil["rss_puncak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(hasil))


def cpu_s() -> float:
    """CPU seconds this process has used so far (all threads, DuckDB's included): unlike the
    wall time, hardly changed by other work on a busy machine."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def jalankan_pekerja_berkas(tugas: dict) -> dict:
    proses = subprocess.run([sys.executable, __file__, "--pekerja-berkas", json.dumps(tugas)],
                            capture_output=True, text=True, cwd=AKAR)
    if proses.returncode != 0:
        raise RuntimeError(f"worker failed: {proses.stderr[-2000:]}")
    return json.loads(proses.stdout.strip().splitlines()[-1])


def tumpang_berpasangan(kat, sah: list, anggaran_s: float) -> dict:
    """The overlap step as it was before issue 10, for comparison: every file's sorted key
    hashes on disk, then every file against every earlier file sharing a period
    (np.intersect1d, each side loaded from disk for every pair). Stops after ``anggaran_s``
    seconds and extrapolates by the number of pairs (the cost per pair is about constant)."""
    import numpy as np

    folder = Path(tempfile.mkdtemp(prefix="hash-lama-", dir=kat.cache))
    try:
        def hash_kunci(s):
            path = folder / (kat._path_kunci(s).stem + ".npy")
            if path.exists():
                return np.load(path)
            h = np.sort(kat.kunci_berkas(s).column("h").to_numpy())
            with open(path, "wb") as f:
                np.save(f, h, allow_pickle=False)
            return h

        total = sum(1 for i, s in enumerate(sah) for a in sah[:i]
                    if set(kat._validasi[s].periode) & set(kat._validasi[a].periode))
        mulai, pasangan, ketemu = time.perf_counter(), 0, 0
        for i, s in enumerate(sah):
            periode = set(kat._validasi[s].periode)
            for a in sah[:i]:
                if not periode & set(kat._validasi[a].periode):
                    continue
                ketemu += bool(len(np.intersect1d(hash_kunci(a), hash_kunci(s), assume_unique=True)))
                pasangan += 1
            if time.perf_counter() - mulai > anggaran_s:
                break
        detik = time.perf_counter() - mulai
        return {"pasangan": total, "diukur": pasangan, "detik": detik,
                "perkiraan_s": detik / max(pasangan, 1) * total, "lengkap": pasangan == total,
                "tumpang": ketemu}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def ukur_tumpang(data_dir: Path, cache: Path, anggaran_s: float) -> dict:
    """The overlap step alone, after validation (cached): the one-pass-per-period method from
    scratch (keys extracted, one query per period) against the pairwise one."""
    from berakhlak import katalog

    kat = katalog.Katalog(data_dir, cache)
    try:
        parquet, _ = katalog.pindai(data_dir)
        sah = [s for p, s in parquet if kat._validasi_satu(p, s, data_dir).dimuat]
        for p in list(kat.disk.folder.glob("tumpang*")) + list(kat.disk.folder.glob("kunci-*")) + \
                list(kat.disk.folder.glob("paket-kunci-*")):
            p.unlink()  # from scratch: keys and per-period results made again
        mulai = time.perf_counter()
        tumpang, _, _ = kat._cari_tumpang(sah)
        baru = {"detik": time.perf_counter() - mulai, "tumpang": len(tumpang)}
        mulai = time.perf_counter()
        kat._cari_tumpang(sah)
        baru["cache_detik"] = time.perf_counter() - mulai
        log(f"[berkas] overlap, one pass per period: {baru['detik']:.1f} s ({len(tumpang)} pairs sharing)")
        lama = tumpang_berpasangan(kat, sah, anggaran_s)
        log(f"[berkas] overlap, pairwise: {lama['diukur']:,} of {lama['pasangan']:,} pairs in "
            f"{lama['detik']:.1f} s (all: {lama['perkiraan_s']:.0f} s)")
        return {"baru": baru, "lama": lama, "berkas": len(sah)}
    finally:
        kat.basis.tutup()


def ukur_berkas_banyak(data_dir: Path, kerja: Path, anggaran_s: float, ulang: int = 3,
                       ulang_dingin: int = 1) -> dict:
    """Cold starts (each on a new empty cache), then restarts with the cache in place, each
    with a new file dropped in (a new one each time): every measure ``ulang`` (cold:
    ``ulang_dingin``) times, reported as medians."""
    from berakhlak import demo

    dingin = []
    for i in range(ulang_dingin):
        cache = kerja / f"cache_berkas_{i}"
        cache.mkdir()
        log(f"[berkas] cold start {i + 1}/{ulang_dingin} on {data_dir} (empty cache)")
        d = jalankan_pekerja_berkas({"data": str(data_dir), "cache": str(cache)})
        log(f"[berkas] cold: first snapshot {d['pertama_s']:.1f} s, complete {d['lengkap_s']:.1f} s, "
            f"peak {d['rss_puncak_mb']:.0f} MB")
        dingin.append(d)
        if i + 1 < ulang_dingin:
            shutil.rmtree(cache)
    ulang_ = []
    for i in range(ulang):
        sementara = kerja / f"baru_{i}"
        sementara.mkdir()
        berkas_baru = demo.tulis_satu_periode_nasional(sementara, 2026, baris=10_000)
        u = jalankan_pekerja_berkas({"data": str(data_dir), "cache": str(cache), "baru": str(berkas_baru)})
        log(f"[berkas] restart {i + 1}/{ulang}: first snapshot {u['pertama_s']:.1f} s; new file "
            f"visible {u['baru_s']:.1f} s; peak {u['rss_puncak_mb']:.0f} MB")
        ulang_.append(u)
    return {"dingin": dingin, "ulang": ulang_, "tumpang": ukur_tumpang(data_dir, cache, anggaran_s),
            "halaman": halaman_pertama_dingin(data_dir, kerja)}


def halaman_pertama_dingin(data_dir: Path, kerja: Path, port: int = 8613) -> dict:
    """What an official sees first after a cold start: `streamlit run` on the folder with an
    empty cache, Chromium opening / at once, until the page's index is drawn (the snapshot,
    the privacy pattern of the period and the page itself), timed from the server's start."""
    from playwright.sync_api import sync_playwright

    cache = kerja / "cache_halaman_dingin"
    cache.mkdir()
    log("[berkas] cold start of a server, first page in Chromium")
    srv = Server(data_dir, cache, port, kerja / "server_berkas.log")
    try:
        srv.tunggu_siap()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS_CHROMIUM)
            try:
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.goto(f"{srv.url}/", wait_until="commit")
                page.wait_for_selector(METRIK, timeout=900_000)
                detik = time.perf_counter() - srv.mulai
            finally:
                browser.close()
        log(f"[berkas] first page drawn {detik:.1f} s after the server's start")
        return {"detik": detik, "rss_mb": srv.pemantau.puncak / 2**20}
    finally:
        srv.henti()


def tabel_berkas(b: dict) -> str:
    def tanda(ok: bool) -> str:
        return "yes" if ok else "**no**"

    def med(daftar: list[dict], kunci: str) -> tuple[float, str]:
        nilai = [x[kunci] for x in daftar]
        semua = " (" + ", ".join(f"{v:.1f}" for v in nilai) + ")" if len(nilai) > 1 else ""
        cpu = [x[kunci.replace("_s", "_cpu_s")] for x in daftar if kunci.replace("_s", "_cpu_s") in x]
        teks_cpu = f"; CPU {median(cpu):.1f} s" if cpu else ""
        return median(nilai), f"{median(nilai):.1f} s{semua}{teks_cpu}"

    d, u, t = b["dingin"][0], b["ulang"][0], b["tumpang"]
    _, teks_dingin = med(b["dingin"], "pertama_s")
    _, teks_lengkap = med(b["dingin"], "lengkap_s")
    ulang, teks_ulang = med(b["ulang"], "pertama_s")
    baru, teks_baru = med(b["ulang"], "baru_s")
    lama = t["lama"]
    teks_lama = (f"{lama['detik']:.1f} s" if lama["lengkap"] else
                 f"~{lama['perkiraan_s']:.0f} s (extrapolated: {lama['diukur']:,} of "
                 f"{lama['pasangan']:,} pairs took {lama['detik']:.1f} s)")
    rss = max([x["rss_puncak_mb"] for x in b["dingin"] + b["ulang"]] + [b["halaman"]["rss_mb"]])
    h = b["halaman"]
    return "\n".join([
        f"{d['berkas']:,} files ({d['dimuat']:,} loaded), {d['responden']:,} respondents, "
        f"{d['tumpang']:,} pairs of files sharing respondents; medians of {len(b['dingin'])} cold "
        f"start(s) and {len(b['ulang'])} restart(s) (each run in brackets; CPU: the build "
        f"process's CPU time, which a busy machine changes little)",
        "",
        "| Measure | value | target | met |", "|---|---:|---:|:-:|",
        f"| Cold start → first page drawn in Chromium (server start, empty cache) | {h['detik']:.1f} s "
        f"| ≤ {TARGET_BERKAS_DINGIN_S} s | {tanda(h['detik'] <= TARGET_BERKAS_DINGIN_S)} |",
        f"| Cold start → first snapshot (catalog alone, empty cache) | {teks_dingin} | | |",
        f"| Cold start → every breakdown ready | {teks_lengkap} | | |",
        f"| Restart with the cache → first snapshot | {teks_ulang} | ≤ {TARGET_BERKAS_ULANG_S} s "
        f"| {tanda(ulang <= TARGET_BERKAS_ULANG_S)} |",
        f"| New file ({u['baru_baris']:,} rows) → counted | {teks_baru} | ≤ {TARGET_BERKAS_BARU_S} s "
        f"| {tanda(baru <= TARGET_BERKAS_BARU_S)} |",
        f"| Peak RSS (build process; the server of the first page) | {rss:,.0f} MB | ≤ {TARGET_RSS_MB:,} MB | {tanda(rss <= TARGET_RSS_MB)} |",
        f"| Overlap step, one pass per period (keys extracted + one query per period) "
        f"| {t['baru']['detik']:.1f} s | | |",
        f"| Overlap step, one pass per period, results cached (restart) | {t['baru']['cache_detik']:.2f} s | | |",
        f"| Overlap step, pairwise (before issue 10), {lama['pasangan']:,} pairs | {teks_lama} | | |",
    ])


def main_berkas(data_dir: Path, anggaran_s: float, ulang: int = 3, ulang_dingin: int = 1) -> int:
    """`make bench-berkas`: the many-files measures only."""
    print(kepala(data_dir), flush=True)
    kerja = Path(tempfile.mkdtemp(prefix="berakhlak-bench-berkas-"))
    try:
        b = ukur_berkas_banyak(data_dir, kerja, anggaran_s, ulang, ulang_dingin)
        print()
        print("## Many small files (cold start, restart, new file, overlap step)")
        print()
        print(tabel_berkas(b))
    finally:
        shutil.rmtree(kerja, ignore_errors=True)
    return 0


# ======================================================================================
# The report
# ======================================================================================
def kepala(data_dir: Path) -> str:
    model = platform.processor() or "?"
    try:
        for baris in Path("/proc/cpuinfo").read_text().splitlines():
            if baris.startswith("model name"):
                model = baris.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import duckdb  # noqa: F401  (version only; queries go through berakhlak.db)
    import pandas as pd
    import streamlit as st

    berkas = daftar_berkas(data_dir)
    ukuran = sum(Path(b).stat().st_size for b in berkas)
    return "\n".join([
        "# Benchmark Dasbor BerAKHLAK",
        "",
        f"- Date: {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- CPU: {model}; cores: {os.cpu_count()}; memory: {psutil.virtual_memory().total / 2**30:.1f} GiB",
        f"- Python {platform.python_version()}, Streamlit {st.__version__}, "
        f"DuckDB {sys.modules['duckdb'].__version__}, pandas {pd.__version__}",
        f"- Data: `{data_dir}`: {len(berkas)} Parquet files, {ukuran / 1e6:.0f} MB",
    ])


def ms(x: float) -> str:
    return "–" if x != x else f"{x * 1e3:,.0f}"


def tabel_halaman(hal: dict, hal_demo: dict | None, mentah: dict | None, pandas_: dict | None) -> str:
    baris = [
        "| Page view | script median ms | script p95 ms | target met | cached median ms "
        "| demo median ms | raw DuckDB median ms | pandas s | pandas peak RSS MB |",
        "|---|---:|---:|:-:|---:|---:|---:|---:|---:|",
    ]
    for t in TAMPILAN:
        h = hal[t.nama]
        med, p = median(h["tak_cache"]), p95(h["tak_cache"])
        ok = "yes" if med * 1e3 <= TARGET_MEDIAN_MS and p * 1e3 <= TARGET_P95_MS else "**no**"
        d = ms(median(hal_demo[t.nama]["tak_cache"])) if hal_demo else "–"
        m = ms(median(mentah[t.nama])) if mentah else "–"
        pd_ = pandas_.get(t.nama) if pandas_ else None
        ps = f"{pd_['total_s']:.1f}" if pd_ else "–"
        pm = f"{pd_['rss_puncak_mb']:,.0f}" if pd_ else "–"
        baris.append(f"| {t.nama} | {ms(med)} | {ms(p)} | {ok} | {ms(median(h['cache']))} | {d} "
                     f"| {m} | {ps} | {pm} |")
    return "\n".join(baris)


def tabel_server(b: dict) -> str:
    def tanda(ok: bool) -> str:
        return "yes" if ok else "**no**"

    baris = ["| Measure | value | target | met |", "|---|---:|---:|:-:|"]
    if "dingin_s" in b:
        baris.append(f"| Cold start: server start → index drawn (empty cache) | {b['dingin_s']:.1f} s "
                     f"| ≤ {TARGET_DINGIN_S} s | {tanda(b['dingin_s'] <= TARGET_DINGIN_S)} |")
        baris.append(f"| Server RSS peak until cold start done | {b['rss_dingin_mb']:,.0f} MB | | |")
        if "lengkap_s" in b:
            baris.append(f"| Every breakdown ready (demographic rollups, background) | {b['lengkap_s']:.1f} s | | |")
    if "tampilan" in b:
        n, d = median(b["tampilan"]["nasional"]), median(b["tampilan"]["demo"])
        baris.append(f"| Browser page view, national data (median of {len(b['tampilan']['nasional'])}) "
                     f"| {ms(n)} ms | | |")
        baris.append(f"| Browser page view, demo data (median of {len(b['tampilan']['demo'])}) "
                     f"| {ms(d)} ms | | |")
        baris.append(f"| Ratio national / demo | {n / d:.2f} | ≤ {TARGET_RASIO} | {tanda(n / d <= TARGET_RASIO)} |")
    if "ekstrak_s" in b:
        baris.append(f"| New 4M-row extract → visible on reload | {b['ekstrak_s']:.1f} s "
                     f"| ≤ {TARGET_EKSTRAK_S} s | {tanda(b['ekstrak_s'] <= TARGET_EKSTRAK_S)} |")
    if "rss_puncak_mb" in b:
        baris.append(f"| Server peak RSS, whole session (process + children) | {b['rss_puncak_mb']:,.0f} MB "
                     f"| ≤ {TARGET_RSS_MB:,} MB | {tanda(b['rss_puncak_mb'] <= TARGET_RSS_MB)} |")
    if "rss_demo_mb" in b:
        baris.append(f"| Demo server peak RSS (for reference) | {b['rss_demo_mb']:,.0f} MB | | |")
    return "\n".join(baris)


def baca_argumen(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark Dasbor BerAKHLAK (lihat docstring).")
    parser.add_argument("data_dir", type=Path, help="the national-scale data folder")
    parser.add_argument("--ulang", type=int, default=20, help="script runs per page view")
    parser.add_argument("--port", type=int, default=8611, help="port of the server (demo: +1)")
    parser.add_argument("--tanpa-browser", action="store_true", help="skip the server/browser part")
    parser.add_argument("--tanpa-pandas", action="store_true", help="skip the pandas approach")
    parser.add_argument("--tanpa-ekstrak", action="store_true", help="skip the new-extract latency")
    parser.add_argument("--berkas-banyak", action="store_true",
                        help="only the many-small-files measures (make bench-berkas)")
    parser.add_argument("--ulang-berkas", type=int, default=3,
                        help="--berkas-banyak: restarts (each with a new file); medians printed")
    parser.add_argument("--ulang-dingin", type=int, default=1,
                        help="--berkas-banyak: cold starts (each on an empty cache)")
    parser.add_argument("--anggaran-berpasangan", type=float, default=120,
                        help="seconds for the old pairwise overlap step before extrapolating")
    parser.add_argument("--profil", action="store_true",
                        help="print a cProfile of one uncached run of each page view that misses")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arg = baca_argumen(argv)
    data_dir = arg.data_dir.resolve()
    if not daftar_berkas(data_dir):
        print(f"no Parquet files in {data_dir} (run `make data-nasional`)", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the finally blocks run
    if arg.berkas_banyak:
        return main_berkas(data_dir, arg.anggaran_berpasangan, arg.ulang_berkas, arg.ulang_dingin)
    print(kepala(data_dir), flush=True)
    kerja = Path(tempfile.mkdtemp(prefix="berakhlak-bench-"))
    try:
        cache = kerja / "cache_proses"
        cache.mkdir()
        hal, nilai = ukur_halaman(data_dir, cache, arg.ulang, "national")
        kosong = kerja / "data_kosong_proses"
        kosong.mkdir()
        hal_demo, nilai_demo = ukur_halaman(kosong, cache, arg.ulang, "demo")
        mentah = ukur_mentah(data_dir, nilai)
        pandas_ = None if arg.tanpa_pandas else ukur_pandas(data_dir, nilai)
        b: dict = {}
        if not arg.tanpa_browser:
            b = ukur_browser(data_dir, cache, kerja, arg.port, arg.tanpa_ekstrak,
                             agensi_bersama(nilai, nilai_demo), nilai["terakhir"])
        print()
        print("## Page script runs (AppTest, in process, warm catalog)")
        print()
        print(tabel_halaman(hal, hal_demo, mentah, pandas_))
        if b:
            print()
            print("## Server in a real browser")
            print()
            print(tabel_server(b))
        if arg.profil:
            for t in TAMPILAN:
                h = hal[t.nama]["tak_cache"]
                if median(h) * 1e3 > TARGET_MEDIAN_MS or p95(h) * 1e3 > TARGET_P95_MS:
                    url = url_tampilan(t, nilai["terakhir"], nilai[t.ganti][0] if t.ganti else None)
                    print(f"\n### Profile: {t.nama}\n\n```\n{profil_halaman(data_dir, cache, t, url)}```")
    finally:
        shutil.rmtree(kerja, ignore_errors=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--pekerja-pandas":
        pekerja_pandas(json.loads(sys.argv[2]))
        raise SystemExit(0)
    if len(sys.argv) == 3 and sys.argv[1] == "--pekerja-berkas":
        pekerja_berkas(json.loads(sys.argv[2]))
        raise SystemExit(0)
    raise SystemExit(main())
