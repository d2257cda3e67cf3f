"""Benchmark of the suppression pattern (issue 7), printed as Markdown tables.

1. Every layer of the pattern computed cold (each period's filter cells, then each demographic
   dimension), with the seconds each took and the server's peak memory.
2. The page views of scripts/benchmark.py with the pattern in place (script median and p95 over
   ``--ulang`` uncached runs), next to the raw DuckDB query on the Parquet files, same run.

    python scripts/bench_pola.py bench-data/nasional [--cache DIR] [--ulang 10] [--tanpa-dingin]

3. The same layers after a restart, read from the cache folder instead of computed.

A script that prints figures, not a timed test. The cache folder keeps the rollups, so a second
run reads no data file; the pattern is computed cold in a fresh folder on every run.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
if str(AKAR) not in sys.path:
    sys.path.insert(0, str(AKAR))


def _benchmark():
    spec = importlib.util.spec_from_file_location("benchmark", AKAR / "scripts" / "benchmark.py")
    modul = importlib.util.module_from_spec(spec)
    sys.modules["benchmark"] = modul  # its dataclasses look their module up
    spec.loader.exec_module(modul)
    return modul


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--cache", type=Path, default=AKAR / ".cache" / "bench-pola")
    parser.add_argument("--ulang", type=int, default=10)
    parser.add_argument("--tanpa-dingin", action="store_true",
                        help="skip the cold computation (use the layers kept in the cache) and "
                             "measure only the page runs")
    arg = parser.parse_args()
    os.environ["BERAKHLAK_DATA_DIR"] = str(arg.data.resolve())
    os.environ["BERAKHLAK_CACHE_DIR"] = str(arg.cache.resolve())
    arg.cache.mkdir(parents=True, exist_ok=True)

    from berakhlak import kontrak, layanan, pola, privasi

    mulai = time.perf_counter()
    k = layanan.keadaan_lengkap(1800)
    print(f"Catalog ready in {time.perf_counter() - mulai:.1f} s: {k.n_responden:,} respondents, "
          f"periods {list(k.periode)}\n")

    if not arg.tanpa_dingin:
        simpan = pola.folder_simpan(arg.cache.resolve(), k.versi, privasi.minimum(), k.demografi_lengkap)
        shutil.rmtree(simpan)  # computed cold, then read back as after a restart
        p = pola.hitung(k.basis, privasi.minimum(), simpan=simpan)
        mulai = time.perf_counter()
        p.hitung_semua(list(k.periode))
        total = time.perf_counter() - mulai
        print("#### Suppression pattern, computed cold (seconds per layer)\n")
        dimensi = ["semua", *kontrak.DIMENSI_DEMOGRAFI]
        print("| period | " + " | ".join(dimensi) + " |")
        print("|---|" + "---:|" * len(dimensi))
        for periode in k.periode:
            print(f"| {periode} | " + " | ".join(f"{p.detik[(int(periode), d)]:.1f}" for d in dimensi) + " |")
        tersembunyi = sum(len(v) for v in p.tersembunyi.values())
        print(f"\nAll layers: {total:.1f} s ({p.sertifikat:,} certificates, {tersembunyi:,} stored hidden "
              f"cells); peak RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB.")
        print("A page waits only for the layers it needs, and only on the first view after new data;"
              " the server computes them in the background from the first view on.\n")
        lagi = pola.hitung(k.basis, privasi.minimum(), simpan=simpan)
        mulai = time.perf_counter()
        lagi.hitung_semua(list(k.periode))
        ukuran = sum(f.stat().st_size for f in simpan.iterdir()) / 2**20
        print(f"After a restart: all {lagi.dari_disk} layers read from the cache in "
              f"{time.perf_counter() - mulai:.2f} s ({ukuran:.1f} MB on disk); identical: "
              f"{lagi.tersembunyi == p.tersembunyi}.\n")

    else:
        mulai = time.perf_counter()
        layanan.pola_privasi(k).hitung_semua(list(k.periode))  # from the cache, or computed once
        print(f"Pattern layers ready in {time.perf_counter() - mulai:.1f} s (from the cache folder).\n")

    bm = _benchmark()
    hal, nilai = bm.ukur_halaman(arg.data.resolve(), arg.cache.resolve(), arg.ulang, "pola")
    mentah = bm.ukur_mentah(arg.data.resolve(), nilai, ulang=5)
    print("#### Page script runs with the pattern in place (AppTest, uncached queries)\n")
    print("| Page view | script median ms | script p95 ms | p95 ≤ 300 ms | raw DuckDB median ms |")
    print("|---|---:|---:|:-:|---:|")
    for nama, w in hal.items():
        m, q = bm.median(w["tak_cache"]) * 1e3, bm.p95(w["tak_cache"]) * 1e3
        r = bm.median(mentah.get(nama, [])) * 1e3 if mentah.get(nama) else float("nan")
        print(f"| {nama} | {m:.0f} | {q:.0f} | {'yes' if q <= 300 else 'no'} | {r:.0f} |")


if __name__ == "__main__":
    main()
