"""Several dashboard replicas behind HAProxy on this machine (`make serve-cluster REPLICAS=n`).

Usage:
    python scripts/serve_cluster.py [--replicas 2] [--port 8501] [--port-awal 8601]
                                    [--data DIR] [--cache DIR] [--alamat 127.0.0.1]

Starts ``--replicas`` ``streamlit run app.py`` processes on ports 8601, 8602, ... (loopback
only), all on the same data folder and the same cache folder (``BERAKHLAK_DATA_DIR`` /
``BERAKHLAK_CACHE_DIR`` as set, or the defaults), waits until each answers on
``/_stcore/health``, then runs HAProxy in the foreground with ``deploy/haproxy.cfg`` rendered
for these replicas (its ``bind`` line and ``server`` lines replaced; cookie affinity and the
health checks as written there). The replicas share one ``server.cookieSecret`` (made here, or
``STREAMLIT_SERVER_COOKIE_SECRET``), so a browser moved to another replica keeps a valid XSRF
cookie.

A replica that dies is reported and left dead (HAProxy moves its sessions to the others); Ctrl-C
(or SIGTERM) stops HAProxy and every replica this script started, and nothing else. Logs go to
a temporary folder named at the start.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
CFG = AKAR / "deploy" / "haproxy.cfg"


def log(pesan: str) -> None:
    print(f"[serve-cluster {time.strftime('%H:%M:%S')}] {pesan}", file=sys.stderr, flush=True)


def render(cfg: str, alamat: str, port: int, replika: list[tuple[str, str, int]]) -> str:
    """``cfg`` with its frontend ``bind`` line and its ``server`` lines replaced."""
    keluar, ditulis = [], False
    for baris in cfg.splitlines():
        isi = baris.strip()
        if isi.startswith("bind "):
            keluar.append(f"    bind {alamat}:{port}")
        elif isi.startswith("server "):
            if not ditulis:
                keluar += [f"    server {nama} {host}:{p} cookie {nama}" for nama, host, p in replika]
                ditulis = True
        else:
            keluar.append(baris)
    if not ditulis:
        raise ValueError("the configuration has no `server` line to replace")
    return "\n".join(keluar) + "\n"


def haproxy() -> str:
    jalur = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if not jalur:
        raise SystemExit("haproxy is not installed: apt-get install -y haproxy (make serve-cluster does it)")
    return jalur


def sehat(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as r:
            return r.status == 200
    except OSError:
        return False


def henti(proses: dict[str, subprocess.Popen]) -> None:
    """SIGTERM to each process group this script started, SIGKILL after 10 s."""
    for p in proses.values():
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    batas = time.monotonic() + 10
    for nama, p in proses.items():
        try:
            p.wait(timeout=max(0.1, batas - time.monotonic()))
        except subprocess.TimeoutExpired:
            log(f"{nama} did not stop: SIGKILL")
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait(5)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--replicas", type=int, default=2)
    ap.add_argument("--port", type=int, default=8501, help="the balancer's port")
    ap.add_argument("--port-awal", type=int, default=8601, help="the first replica's port")
    ap.add_argument("--alamat", default="127.0.0.1", help="the balancer's address")
    ap.add_argument("--data", type=Path, default=None, help="data folder (default: BERAKHLAK_DATA_DIR or data/)")
    ap.add_argument("--cache", type=Path, default=None, help="cache folder shared by the replicas")
    ap.add_argument("--akar", type=Path, default=AKAR, help="the project folder whose app.py is served")
    ap.add_argument("--cfg", type=Path, default=CFG)
    a = ap.parse_args(argv)
    if not 1 <= a.replicas <= 16:
        ap.error("--replicas: 1 to 16")

    env = dict(os.environ)
    if a.data:
        env["BERAKHLAK_DATA_DIR"] = str(a.data.resolve())
    if a.cache:
        env["BERAKHLAK_CACHE_DIR"] = str(a.cache.resolve())
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    folder = Path(tempfile.mkdtemp(prefix="serve-cluster-"))
    replika = [(f"r{i + 1}", "127.0.0.1", a.port_awal + i) for i in range(a.replicas)]
    cfg = folder / "haproxy.cfg"
    cfg.write_text(render(a.cfg.read_text(), a.alamat, a.port, replika))
    biner = haproxy()
    cek = subprocess.run([biner, "-c", "-q", "-f", str(cfg)], capture_output=True, text=True)
    if cek.returncode != 0:
        raise SystemExit(f"haproxy configuration rejected:\n{cek.stdout}{cek.stderr}")
    log(f"logs and the rendered configuration: {folder}")

    proses: dict[str, subprocess.Popen] = {}
    berhenti = False

    def sinyal(_nomor, _frame) -> None:
        nonlocal berhenti
        berhenti = True

    signal.signal(signal.SIGINT, sinyal)
    signal.signal(signal.SIGTERM, sinyal)
    try:
        for nama, host, port in replika:
            keluaran = open(folder / f"{nama}.log", "wb")  # noqa: SIM115
            proses[nama] = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                 "--server.address", host, "--server.headless", "true",
                 "--browser.gatherUsageStats", "false"],
                cwd=a.akar, env=env, stdout=keluaran, stderr=subprocess.STDOUT, start_new_session=True)
            log(f"replica {nama}: http://{host}:{port} (pid {proses[nama].pid})")
        batas = time.monotonic() + 120
        for nama, host, port in replika:
            while not sehat(f"http://{host}:{port}"):
                if berhenti or proses[nama].poll() is not None or time.monotonic() > batas:
                    raise SystemExit(f"replica {nama} did not come up; see {folder / (nama + '.log')}")
                time.sleep(0.2)
        keluaran = open(folder / "haproxy.log", "wb")  # noqa: SIM115
        proses["haproxy"] = subprocess.Popen([biner, "-f", str(cfg), "-db"], stdout=keluaran,
                                             stderr=subprocess.STDOUT, start_new_session=True)
        time.sleep(0.5)
        if proses["haproxy"].poll() is not None:
            raise SystemExit(f"haproxy exited; see {folder / 'haproxy.log'}")
        log(f"serving on http://{a.alamat}:{a.port} ({a.replicas} replicas, cookie affinity); Ctrl-C stops")
        mati: set[str] = set()
        while not berhenti:
            for nama, p in proses.items():
                if p.poll() is not None and nama not in mati:
                    mati.add(nama)
                    log(f"{nama} exited ({p.returncode})" + ("; its sessions move to the others"
                                                               if nama != "haproxy" else ""))
            if "haproxy" in mati or len(mati) == len(replika):
                break
            time.sleep(0.5)
    finally:
        log("stopping")
        henti(proses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
