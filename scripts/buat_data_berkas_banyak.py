"""Write a folder of many small per-agency extracts, as analysts really deliver them.

Usage:
    python scripts/buat_data_berkas_banyak.py OUT_DIR [--berkas 2500] [--responden 16000000]
        [--baris-per-berkas N] [--periode 2022 2023 2024 2025] [--berbagi 0.01]
        [--salinan 3] [--seed N]

One file per agency per period: ``OUT_DIR/periode=<p>/<nnnn>_<agency>.parquet`` (with a
``periode`` column that agrees with the folder). The agencies and their respondents come from
the national-scale generator (berakhlak/demo.py), so every column of the contract is present.
Files are spread over the periods round-robin (file ``i`` is agency ``i // P`` in period
``i % P``). Rows per file: ``--baris-per-berkas`` if given (the "tiny files" mode, e.g.
2.000 x 12), otherwise ``--responden`` split over the files of each period by agency size.

Shared respondents: in each period, every ``round(1 / --berbagi)``-th file also holds a copy of
the first ``--salinan`` respondents of the file before it (the same period and id), as when an
analyst exports an overlapping unit twice. The dashboard must count each of them once.

A hidden ``OUT_DIR/.ringkasan.json`` (ignored by the dashboard) records what was written: files,
rows, distinct respondents, and the expected overlap pairs. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

AKAR = Path(__file__).resolve().parents[1]
if str(AKAR) not in sys.path:
    sys.path.insert(0, str(AKAR))

from berakhlak import demo  # noqa: E402


def baca_argumen(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Buat folder berisi banyak berkas per instansi.")
    parser.add_argument("tujuan", type=Path, help="folder keluaran (OUT_DIR), dibuat baru")
    parser.add_argument("--berkas", type=int, default=2500, help="jumlah berkas")
    parser.add_argument("--responden", type=int, default=16_000_000,
                        help="jumlah baris seluruhnya (diabaikan bila --baris-per-berkas)")
    parser.add_argument("--baris-per-berkas", type=int, default=None,
                        help="baris per berkas (mode berkas kecil, mis. 12)")
    parser.add_argument("--periode", type=int, nargs="+", default=list(demo.PERIODE_DEMO))
    parser.add_argument("--berbagi", type=float, default=0.01,
                        help="bagian berkas yang berbagi responden dengan berkas sebelumnya")
    parser.add_argument("--salinan", type=int, default=3, help="responden yang dibagi per pasangan")
    parser.add_argument("--seed", type=int, default=demo.SEED_NASIONAL)
    return parser.parse_args(argv)


def _slug(nama: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", nama.lower()).strip("-")[:60]


def tulis_berkas_banyak(tujuan: Path, berkas: int, responden: int = 16_000_000,
                        baris_per_berkas: int | None = None,
                        periode: tuple[int, ...] = demo.PERIODE_DEMO, berbagi: float = 0.01,
                        salinan: int = 3, seed: int = demo.SEED_NASIONAL) -> dict:
    """Write the folder; returns the summary also saved as ``.ringkasan.json``."""
    tujuan = Path(tujuan)
    n_per = len(periode)
    n_instansi = -(-berkas // n_per)
    sus = demo._susun(demo.katalog_nasional(n_instansi, seed), seed)
    bobot = np.array([i.ukuran for i in sus.daftar], dtype=float)
    langkah = max(1, round(1 / berbagi)) if berbagi > 0 else 0
    ringkasan = {"berkas": 0, "baris": 0, "responden": 0, "tumpang": [], "periode": list(periode)}
    for j, p in enumerate(periode):
        instansi = np.arange(j, berkas, n_per) // n_per  # agencies with a file in period p
        if not len(instansi):
            continue
        if baris_per_berkas is not None:
            ukuran = np.full(len(instansi), baris_per_berkas, dtype=np.int64)
        else:
            total = responden // n_per + (1 if j < responden % n_per else 0)
            ukuran = demo._bagi_baris(bobot[instansi], max(total, len(instansi)))
        efek = demo._efek_periode(sus, p, seed)
        rng = np.random.default_rng([seed, 7, p])
        folder = tujuan / f"periode={p}"
        folder.mkdir(parents=True, exist_ok=True)
        awal = 0
        sebelumnya: tuple[str, pa.Table] | None = None
        for urut, (a, n) in enumerate(zip(instansi, ukuran, strict=True)):
            bagian = demo._bangkitkan(rng, sus, efek, np.full(int(n), a), p, awal)
            tabel = demo._tabel(sus, bagian, True)
            awal += int(n)
            ringkasan["responden"] += int(n)
            nama = f"{a:04d}_{_slug(sus.daftar[a].nama)}.parquet"
            if langkah and sebelumnya is not None and urut % langkah == 0 and salinan > 0:
                dipakai, lama = sebelumnya
                k = min(salinan, lama.num_rows)
                tabel = pa.concat_tables([tabel, lama.slice(0, k)])
                ringkasan["tumpang"].append([f"periode={p}/{dipakai}", f"periode={p}/{nama}", k])
            pq.write_table(tabel, folder / nama, compression="zstd")
            ringkasan["berkas"] += 1
            ringkasan["baris"] += tabel.num_rows
            sebelumnya = (nama, tabel)
    (tujuan / ".ringkasan.json").write_text(json.dumps(ringkasan, indent=1))
    return ringkasan


def main(argv: list[str] | None = None) -> int:
    arg = baca_argumen(argv)
    if arg.tujuan.exists() and any(arg.tujuan.iterdir()):
        print(f"{arg.tujuan} is not empty; choose a new folder", file=sys.stderr)
        return 2
    mulai = time.perf_counter()
    r = tulis_berkas_banyak(arg.tujuan, arg.berkas, arg.responden, arg.baris_per_berkas,
                            tuple(arg.periode), arg.berbagi, arg.salinan, arg.seed)
    detik = time.perf_counter() - mulai
    print(f"{r['berkas']:,} berkas, {r['baris']:,} baris, {r['responden']:,} responden berbeda, "
          f"{len(r['tumpang'])} pasangan berbagi responden, dalam {detik:.1f} s -> {arg.tujuan}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
