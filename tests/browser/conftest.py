"""Browser tier: the real server (``streamlit run app.py``) on the synthetic demo, driven by
Debian's Chromium through Playwright. Everything here waits on conditions with bounded timeouts."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

AKAR = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGUMEN = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TEGAL = "Pemerintah Kabupaten Tegal"
Q_TEGAL = "periode=2022&instansi=Pemerintah+Kabupaten+Tegal"

BATAS_MULAI = 60.0      # server start (health endpoint)
BATAS_PERTAMA = 90.0    # the first run also generates and validates the demo data
BATAS_BIASA = 30.0      # any later run
BATAS_EKSPEKTASI = 15.0  # expect(...) on a page whose run has finished (slow under load)
TENANG = 1.0            # the app must stay idle this long to count as finished


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    log: Path
    sudah_dipanaskan: bool = False

    def isi_log(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-4000:]
        except OSError:
            return ""


@contextlib.contextmanager
def jalankan_server(data: Path, cache: Path, log: Path):
    """A dashboard server on ``data`` (cache ``cache``), healthy before it is yielded, stopped
    after."""
    port = _port_bebas()
    env = dict(os.environ, BERAKHLAK_DATA_DIR=str(data), BERAKHLAK_CACHE_DIR=str(cache))
    env.pop("BERAKHLAK_MIN_RESPONDEN", None)
    with open(log, "w") as keluaran:
        proses = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false"],
            cwd=AKAR, env=env, stdout=keluaran, stderr=subprocess.STDOUT)
    srv = Server(url=f"http://127.0.0.1:{port}", log=log)
    try:
        batas = time.monotonic() + BATAS_MULAI
        while True:
            try:
                with urllib.request.urlopen(srv.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proses.poll() is not None:
                pytest.fail(f"streamlit exited with {proses.returncode}:\n{srv.isi_log()}")
            if time.monotonic() > batas:
                pytest.fail(f"streamlit not healthy after {BATAS_MULAI:.0f} s:\n{srv.isi_log()}")
            time.sleep(0.2)
        yield srv
    finally:
        proses.terminate()
        try:
            proses.wait(10)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait(5)




@pytest.fixture(scope="session")
def server(tmp_path_factory, cache_bersama) -> Server:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    pytest.importorskip("playwright.sync_api")
    data = tmp_path_factory.mktemp("browser_data")      # empty: the synthetic demo is used
    # the run's shared cache: the demo, its rollups and its confidentiality pattern, made once
    # by the app tests, are read instead of made again (a cache is safe to share, see README)
    cache = cache_bersama
    log = tmp_path_factory.mktemp("browser_log") / "server.log"
    with jalankan_server(data, cache, log) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser(server):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=BATAS_EKSPEKTASI * 1000)

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def konteks_browser(browser):
    """One browser context for the session (its HTTP cache keeps Streamlit's static files);
    every test still gets a fresh page, hence a fresh Streamlit session."""
    konteks = browser.new_context(viewport={"width": 1600, "height": 1000})
    yield konteks
    konteks.close()


@dataclass
class Halaman:
    """A Playwright page with the errors and requests it saw, and the server it talks to."""

    page: object
    server: Server
    galat_halaman: list[str] = field(default_factory=list)
    galat_konsol: list[str] = field(default_factory=list)
    permintaan: list[str] = field(default_factory=list)

    def buka(self, jalur: str) -> None:
        """Open a path of the app and wait until its script has finished running."""
        batas = BATAS_BIASA if self.server.sudah_dipanaskan else BATAS_PERTAMA
        self.page.goto(self.server.url + jalur, wait_until="domcontentloaded", timeout=batas * 1000)
        tunggu_selesai(self.page, batas)
        self.server.sudah_dipanaskan = True

    def teks(self) -> str:
        return self.page.inner_text("body")

    def metrik(self, label: str):
        """The value locator of the st.metric whose label reads exactly ``label``."""
        kartu = self.page.locator("[data-testid='stMetric']").filter(
            has=self.page.locator("[data-testid='stMetricLabel']").get_by_text(label, exact=True))
        return kartu.locator("[data-testid='stMetricValue']")

    def tanpa_galat(self) -> None:
        """Nothing on the page reads as a failure: no exception box, dialog, traceback,
        'Page not found', uncaught page error or console error."""
        teks = self.teks()
        jalur = self.page.url
        assert "Page not found" not in teks, jalur
        pengecualian = self.page.locator("[data-testid='stException']")
        assert pengecualian.count() == 0, f"{jalur}: {pengecualian.first.inner_text()[:2000]}"
        assert "Traceback" not in teks, f"{jalur}: {teks[teks.find('Traceback'):][:2000]}"
        dialog = self.page.get_by_role("dialog")
        assert dialog.count() == 0, f"{jalur}: dialog {dialog.first.inner_text()[:500]}"
        assert self.galat_halaman == [], jalur
        assert self.galat_konsol == [], jalur


def tunggu_selesai(page, batas: float = BATAS_BIASA) -> None:
    """Wait for [data-testid=stApp], then until the script is not running and no status widget
    or spinner has been seen for TENANG seconds. Bounded by ``batas`` seconds."""
    akhir = time.monotonic() + batas
    page.wait_for_selector("[data-testid='stApp']", timeout=batas * 1000)
    sibuk = ("[data-testid='stStatusWidget'], [data-testid='stSpinner'], "
             "[data-testid='stApp'][data-test-script-state='running'], "
             "[data-testid='stApp'][data-test-script-state='initial'], "
             "[data-testid='stApp'][data-test-script-state='rerunRequested']")
    tenang_sejak = None
    while True:
        sekarang = time.monotonic()
        if page.locator(sibuk).count():
            tenang_sejak = None
        elif tenang_sejak is None:
            tenang_sejak = sekarang
        elif sekarang - tenang_sejak >= TENANG:
            return
        if sekarang > akhir:
            raise AssertionError(f"the app was still running after {batas:.0f} s")
        page.wait_for_timeout(100)


def _probe_jalur_dasar(pesan) -> bool:
    """Streamlit's own base-path probe: on a deep link such as /nilai it first asks for
    /nilai/_stcore/health and /nilai/_stcore/host-config, gets 404 and falls back to /_stcore/.
    That 404 is the framework's, not the app's, so it is not counted as a console error."""
    url = urlparse(pesan.location.get("url", ""))
    return "status of 404" in pesan.text and re.fullmatch(r"/[^/]+/_stcore/(health|host-config)", url.path) is not None


def _halaman_baru(konteks, server, viewport) -> Halaman:
    page = konteks.new_page()
    page.set_viewport_size(viewport)
    page.set_default_timeout(BATAS_BIASA * 1000)
    h = Halaman(page=page, server=server)
    page.on("pageerror", lambda e: h.galat_halaman.append(str(e)))
    page.on("console", lambda m: h.galat_konsol.append(f"{m.text} [{m.location.get('url', '')}]")
            if m.type == "error" and not _probe_jalur_dasar(m) else None)
    page.on("request", lambda r: h.permintaan.append(r.url))
    page.on("websocket", lambda ws: h.permintaan.append(ws.url))
    return h


@pytest.fixture
def halaman(konteks_browser, server):
    """A fresh page at desk size (1600x1000)."""
    h = _halaman_baru(konteks_browser, server, {"width": 1600, "height": 1000})
    yield h
    h.page.close()


@pytest.fixture
def halaman_proyektor(konteks_browser, server):
    """A fresh page at projector size (1280x720)."""
    h = _halaman_baru(konteks_browser, server, {"width": 1280, "height": 720})
    yield h
    h.page.close()
