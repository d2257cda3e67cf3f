"""Compare the spreadsheet readers berakhlak.konversi uses with pandas' defaults.

Generates one extract of ``--baris`` respondents (every contract column) as an Indonesian CSV
(';' and decimal commas) and as an .xlsx workbook (data on a named sheet behind a notes sheet),
then times each reader ``--ulang`` times and prints the medians (seconds):

- CSV: DuckDB's CSV reader with the explicit options of ``queries/validasi_baca_csv.sql``
  (read only, and the whole conversion to Parquet) against ``pandas.read_csv(sep=';',
  decimal=',')`` with its defaults otherwise;
- Excel: python-calamine (read only, and the whole conversion) against ``pandas.read_excel``
  with its default engine (openpyxl).

Usage: ``.venv/bin/python scripts/bandingkan_pembaca.py [--baris 200000] [--ulang 3]``
(a script that prints figures, not a test; writing the workbook takes a while).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from berakhlak import db, kontrak, konversi  # noqa: E402


def buat_data(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(10)
    instansi = [f"Pemerintah Kabupaten {i}" for i in range(200)]
    df = pd.DataFrame({
        "periode": 2024,
        "responden_id": [f"R{i:07d}" for i in range(n)],
        "instansi": rng.choice(instansi, n),
        "provinsi": rng.choice(kontrak.PROVINSI, n),
    })
    dasar = rng.normal(62, 9, n)
    for j, v in enumerate(kontrak.KUNCI_NILAI):
        df[v] = np.clip(dasar + (j - 3) * 1.5 + rng.normal(0, 6, n), 0, 100).round(1)
    for c in kontrak.OPSIONAL_TEKS:
        df[c] = rng.choice([f"{c} {k}" for k in range(6)], n)
    df[kontrak.LEVEL] = rng.integers(1, 6, n)
    return df


def tulis_xlsx(df: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook

    buku = Workbook(write_only=True)
    catatan = buku.create_sheet("Catatan")
    catatan.append(["Ekspor survei budaya kerja (data sintetis)"])
    data = buku.create_sheet("Data Survei")
    data.append(list(df.columns))
    for baris in df.itertuples(index=False):
        data.append([x.item() if hasattr(x, "item") else x for x in baris])
    buku.save(path)


def ukur(fungsi, ulang: int) -> tuple[float, list[float]]:
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu), waktu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baris", type=int, default=200_000)
    parser.add_argument("--ulang", type=int, default=3)
    parser.add_argument("--format", choices=("csv", "xlsx", "semua"), default="semua",
                        help="only one format (the workbook takes minutes to write and to read)")
    arg = parser.parse_args()

    kerja = Path(tempfile.mkdtemp(prefix="bandingkan_pembaca_"))
    try:
        df = buat_data(arg.baris)
        csv = kerja / "data" / "survei.csv"
        xlsx = kerja / "data" / "survei.xlsx"
        csv.parent.mkdir()
        mulai = time.perf_counter()
        df.to_csv(csv, sep=";", decimal=",", index=False, encoding="utf-8-sig")
        t_csv = time.perf_counter() - mulai
        keterangan = [f"{arg.baris:,} rows x {df.shape[1]} columns",
                      f"CSV {csv.stat().st_size / 1e6:.1f} MB (written in {t_csv:.1f} s)"]
        if arg.format != "csv":
            mulai = time.perf_counter()
            tulis_xlsx(df, xlsx)
            keterangan.append(f"xlsx {xlsx.stat().st_size / 1e6:.1f} MB "
                              f"(written in {time.perf_counter() - mulai:.1f} s)")
        print("; ".join(keterangan) + f"; median of {arg.ulang} runs, seconds")

        basis = db.Basis(direktori_izin=[kerja])
        cache = kerja / "cache"
        enc, pemisah, nama = konversi._kenali_csv(csv.read_bytes()[:65536])
        kolom = {f"k{i}": "VARCHAR" for i in range(len(nama))}

        def konversi_ulang(path: Path):
            shutil.rmtree(cache, ignore_errors=True)
            return konversi.ke_parquet(basis, path, cache)

        import python_calamine

        def calamine_baca():
            buku = python_calamine.CalamineWorkbook.from_path(str(xlsx))
            buku.get_sheet_by_name("Data Survei").to_python()
            buku.close()

        baris = [
            ("CSV", "DuckDB read_csv (explicit options), read only",
             lambda: basis.jalankan_arrow("validasi_baca_csv", {
                 "path": str(csv), "pemisah": pemisah, "encoding": enc, "kolom": kolom})),
            ("CSV", "DuckDB + conversion to Parquet (konversi.ke_parquet)",
             lambda: konversi_ulang(csv)),
            ("CSV", "pandas.read_csv(sep=';', decimal=',') defaults",
             lambda: pd.read_csv(csv, sep=";", decimal=",")),
            ("xlsx", "python-calamine, read only",
             calamine_baca),
            ("xlsx", "python-calamine + conversion to Parquet (konversi.ke_parquet)",
             lambda: konversi_ulang(xlsx)),
            ("xlsx", "pandas.read_excel(sheet_name='Data Survei') defaults (openpyxl)",
             lambda: pd.read_excel(xlsx, sheet_name="Data Survei", engine="openpyxl")),
        ]
        print("| format | reader | median s | runs s |\n|---|---|---:|---|")
        for fmt, label, fungsi in baris:
            if arg.format != "semua" and fmt.lower() != arg.format:
                continue
            median, semua = ukur(fungsi, arg.ulang)
            print(f"| {fmt} | {label} | {median:.2f} | {', '.join(f'{w:.2f}' for w in semua)} |",
                  flush=True)
        basis.tutup()
    finally:
        shutil.rmtree(kerja, ignore_errors=True)


if __name__ == "__main__":
    main()
