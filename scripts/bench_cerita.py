"""Benchmark of the workshop outputs (issue 8): medians of building the story, a projector
page run (AppTest), a deck (first, with kaleido's start, and warm), one PNG, the first
projector view (slide 1 only) and the whole story, beside the raw query time of the same
selection in the same run. Prints a table; no assertion (speed is not a test).

    .venv/bin/python scripts/bench_cerita.py [--ulang 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))


def _median(fungsi, ulang: int) -> tuple[float, float]:
    kali = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        kali.append(time.perf_counter() - t)
    return statistics.median(kali), max(kali)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ulang", type=int, default=5)
    ap.add_argument("--cache", default=None, help="cache folder (default: a fresh temporary one)")
    arg = ap.parse_args()
    os.environ.setdefault("BERAKHLAK_DATA_DIR", tempfile.mkdtemp(prefix="bench_cerita_data_"))
    os.environ.setdefault("BERAKHLAK_CACHE_DIR", arg.cache or tempfile.mkdtemp(prefix="bench_cerita_cache_"))
    os.environ.setdefault("BERAKHLAK_POLA_LATAR", "0")

    from berakhlak import cerita, layanan, render_dek, render_png
    from berakhlak.halaman import nilai, ringkasan
    from berakhlak.layanan import Pilihan

    baris = []

    def catat(nama: str, median: float, maks: float | None = None, n: int = 1) -> None:
        baris.append((nama, median, maks if maks is not None else median, n))
        print(f"  {nama}: {median:.3f} s", file=sys.stderr, flush=True)

    t = time.perf_counter()
    k = layanan.keadaan_lengkap()
    catat("snapshot (demo data, cold)", time.perf_counter() - t)
    p = Pilihan(periode=2022, instansi="Pemerintah Kabupaten Tegal")
    t = time.perf_counter()
    layanan.status_seleksi(k, p)
    catat("privacy check of the selection (first)", time.perf_counter() - t)
    t = time.perf_counter()
    pertama = cerita.cerita_lokakarya(k, p, "nasional", "id", sampai=1)
    catat("projector first view: slide 1 only (first)", time.perf_counter() - t)
    t = time.perf_counter()
    c = cerita.cerita_lokakarya(k, p, "nasional", "id")
    catat("whole story (first: every period's and dimension's pattern)", time.perf_counter() - t)
    assert len(pertama.slide) == 1 and len(c.slide) == 8

    def mentah():
        layanan.bersihkan_cache()
        layanan.ukuran(k, "instansi", p)
    m, x = _median(mentah, arg.ulang)
    catat("raw query of the selection (uncached)", m, x, arg.ulang)
    m, x = _median(lambda: cerita.cerita_lokakarya(k, p, "nasional", "id"), arg.ulang)
    catat("story build (warm)", m, x, arg.ulang)
    banding = layanan.pembanding(k, p, "nasional")
    m, x = _median(lambda: ringkasan.blok(k, p, banding, "id"), arg.ulang)
    catat("Ringkasan page story (warm)", m, x, arg.ulang)
    m, x = _median(lambda: nilai.blok(k, p, banding, "id"), arg.ulang)
    catat("Nilai page story (warm)", m, x, arg.ulang)

    t = time.perf_counter()
    render_dek.dek(c)
    catat("deck, first (kaleido start included)", time.perf_counter() - t)
    m, x = _median(lambda: render_dek.dek(c), arg.ulang)
    catat("deck (warm renderer)", m, x, arg.ulang)
    grafik = nilai.blok(k, p, banding, "id")[1]
    asal = cerita.asal(k, p, "nasional", "id", jalur="/nilai")
    m, x = _median(lambda: render_png.png(grafik, asal, "id"), arg.ulang)
    catat("one PNG (warm renderer)", m, x, arg.ulang)

    from streamlit.testing.v1 import AppTest

    def halaman(slide: str):
        at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=600)
        for kunci, nilai_ in dict(periode="2022", instansi=p.instansi, tampilan="presentasi", slide=slide).items():
            at.query_params[kunci] = nilai_
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    m, x = _median(lambda: halaman("3"), arg.ulang)
    catat("projector page run, slide 3 (AppTest, story built)", m, x, arg.ulang)

    lebar = max(len(b[0]) for b in baris)
    print(f"{'measure':<{lebar}}  {'median s':>9}  {'max s':>7}  {'runs':>4}")
    for nama, med, maks, n in baris:
        print(f"{nama:<{lebar}}  {med:>9.3f}  {maks:>7.3f}  {n:>4}")


if __name__ == "__main__":
    main()
