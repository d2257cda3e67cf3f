"""A `streamlit run app.py` of our own on a loopback port, for the measuring scripts
(benchmark.py, beban.py): started in a process group of its own with a data and a cache folder,
ready when ``/_stcore/health`` answers, stopped with its whole group."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]


class ServerStreamlit:
    def __init__(self, data: Path, cache: Path, port: int, log_path: Path, akar: Path = AKAR,
                 opsi: tuple[str, ...] = (), hapus_env: tuple[str, ...] = ()) -> None:
        self.port, self.url = port, f"http://127.0.0.1:{port}"
        env = {**os.environ, "BERAKHLAK_DATA_DIR": str(data), "BERAKHLAK_CACHE_DIR": str(cache)}
        for nama in hapus_env:
            env.pop(nama, None)
        self._log = open(log_path, "wb")  # noqa: SIM115
        self.mulai = time.perf_counter()
        self.proses = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(akar / "app.py"), "--server.port", str(port),
             "--server.headless", "true", "--server.address", "127.0.0.1", *opsi],
            cwd=akar, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)

    def tunggu_siap(self, batas: float = 120, jeda: float = 0.2) -> None:
        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            if self.proses.poll() is not None:
                raise RuntimeError(f"server on port {self.port} exited ({self.proses.returncode})")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(jeda)
        raise TimeoutError(f"server on port {self.port} not up after {batas} s")

    def henti(self, tunggu: float = 15) -> None:
        if self.proses.poll() is None:
            try:
                os.killpg(self.proses.pid, signal.SIGTERM)  # the group started for this server only
                self.proses.wait(timeout=tunggu)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proses.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self._log.close()
