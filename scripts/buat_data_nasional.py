"""Write the national-scale synthetic data set (Hive-style ``periode=<p>/`` folders).

Usage: python scripts/buat_data_nasional.py OUT_DIR [--baris-per-periode N] [--instansi N]
       [--periode 2022 2023 ...] [--seed N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
if str(AKAR) not in sys.path:
    sys.path.insert(0, str(AKAR))

from berakhlak import demo  # noqa: E402


def baca_argumen(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Buat data sintetis BerAKHLAK skala nasional.")
    parser.add_argument("tujuan", type=Path, help="folder keluaran (OUT_DIR)")
    parser.add_argument("--baris-per-periode", type=int, default=4_000_000)
    parser.add_argument("--instansi", type=int, default=550)
    parser.add_argument("--periode", type=int, nargs="+", default=list(demo.PERIODE_DEMO))
    parser.add_argument("--seed", type=int, default=demo.SEED_NASIONAL)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arg = baca_argumen(argv)
    mulai = time.perf_counter()
    paths = demo.tulis_nasional(arg.tujuan, baris_per_periode=arg.baris_per_periode,
                                n_instansi=arg.instansi, periode=tuple(arg.periode), seed=arg.seed)
    detik = time.perf_counter() - mulai
    total = arg.baris_per_periode * len(paths)
    for path in paths:
        print(f"ditulis: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"{total:,} baris, {arg.instansi} instansi, {len(paths)} periode dalam {detik:.1f} s "
          f"({total / detik:,.0f} baris/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
