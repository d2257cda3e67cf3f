"""Screenshots of every page for the README, as a presenter sees them (1280x720, demo data).

    .venv/bin/python scripts/layar.py [OUT_DIR]      (default docs/layar)

Starts the dashboard on a free port with an empty data folder (so the demo data is used), opens
each page in Debian's Chromium, waits until every chart has drawn, and saves one PNG per page.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

PROYEK = Path(__file__).resolve().parent.parent
TEGAL = "instansi=Pemerintah+Kabupaten+Tegal"
HALAMAN = {
    "ringkasan": f"/?periode=2022&{TEGAL}",
    "nilai": f"/nilai?periode=2022&{TEGAL}",
    "wilayah": "/wilayah?periode=2022",
    "tren": f"/tren?{TEGAL}",
    "demografi": f"/demografi?periode=2022&{TEGAL}&dimensi=golongan",
    "data": "/data",
}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SELESAI = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.body.innerText.includes('Memuat dan memeriksa')) return false;
    const grafik = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
    return document.querySelector('h1') && grafik.every(g => g.querySelector('.main-svg'));
}"""


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(keluar: Path) -> None:
    keluar.mkdir(parents=True, exist_ok=True)
    port = port_bebas()
    data = tempfile.mkdtemp(prefix="data-kosong-")
    env = {"BERAKHLAK_DATA_DIR": data, "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1"], cwd=PROYEK, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for nama, jalur in HALAMAN.items():
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                page.goto(url + jalur)
                page.wait_for_function(SELESAI, timeout=90_000, polling=250)
                time.sleep(1.0)
                page.screenshot(path=keluar / f"{nama}.png")
                print(keluar / f"{nama}.png")
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else PROYEK / "docs" / "layar")
