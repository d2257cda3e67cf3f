"""The privacy auditor on larger generated sets (issue 7): prints the small groups that can be
worked out from what the dashboard publishes, and how long each step took.

    python scripts/audit_privasi.py [--seed 7 11 23] [--skala 4] [--cepat] [--semua-rincian]

Each seed gets its own data and cache folder under a temporary directory. ``--skala`` adds
agencies of random size in more provinces; every nameable selection is read through the service
functions, aliases included, unless ``--cepat`` (see ``audit.terbitan``). Exit status 1 when
anything leaks.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from berakhlak import audit, katalog, layanan, privasi  # noqa: E402


def satu(seed: int, skala: int, cepat: bool, semua_rincian: bool, batas: int) -> int:
    """Audit one generated set; the number of leaks."""
    with tempfile.TemporaryDirectory(prefix="audit_") as tmp:
        os.environ["BERAKHLAK_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ["BERAKHLAK_CACHE_DIR"] = str(Path(tmp) / "cache")
        layanan.bersihkan_cache()
        mulai = time.perf_counter()
        df = audit.tulis_data_uji(Path(tmp) / "data", seed=seed, skala=skala)
        k = layanan.keadaan_lengkap()
        t_muat = time.perf_counter() - mulai
        hasil = audit.audit_dasbor(df, k, semua_rincian=semua_rincian, alias=not cepat)
        a = audit.atom(df)
        print(f"\n== seed {seed}, skala {skala}: {len(df)} respondents, {k.periode}, "
              f"{len(audit.semua_pilihan(k))} nameable selections, minimum {privasi.minimum()}")
        waktu = {"data + snapshot": t_muat, **hasil.waktu}
        print("   time: " + ", ".join(f"{n} {s:.1f} s" for n, s in waktu.items()))
        for no, (desk, kk, n) in audit.KASUS.items():
            b = audit.bocor_kasus(hasil, a, kk)
            print(f"   case {no} ({desk}, {audit.nama(kk)}, n={n}): {'LEAKS' if b else 'protected'}")
        print(hasil.ringkasan(batas))
        katalog.lupakan_semua()
        layanan.bersihkan_cache()
        return len(hasil.bocor)


def main() -> int:
    arg = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arg.add_argument("--seed", type=int, nargs="+", default=[7, 11, 23])
    arg.add_argument("--skala", type=int, default=2, help="1 = the test-size set")
    arg.add_argument("--cepat", action="store_true", help="read each set of respondents once")
    arg.add_argument("--semua-rincian", action="store_true",
                     help="break every selection down by provinsi, kabupaten_kota and instansi")
    arg.add_argument("--batas", type=int, default=40, help="leaks printed per seed")
    a = arg.parse_args()
    mulai = time.perf_counter()
    bocor = [satu(s, a.skala, a.cepat, a.semua_rincian, a.batas) for s in a.seed]
    print(f"\n{sum(bocor)} leaks over {len(bocor)} seeds ({bocor}) in {time.perf_counter() - mulai:.1f} s")
    return 1 if any(bocor) else 0


if __name__ == "__main__":
    sys.exit(main())
