"""One dashboard replica for the shared-cache tests (tests/unit/test_cache_bersama.py), run as
its own process: ``python -m tests.unit.replika DATA CACHE [BARRIER]``.

Writes ``<BARRIER>.siap-<pid>`` when imported and ready, waits (bounded) for the file BARRIER
to exist so that several replicas start building together, builds the complete snapshot of
DATA with the cache folder CACHE (environment: BERAKHLAK_* as set by the test), and prints
one JSON line describing what its pages would show.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path


def main() -> int:
    data, cache = Path(sys.argv[1]), Path(sys.argv[2])
    os.environ["BERAKHLAK_DATA_DIR"] = str(data)
    os.environ["BERAKHLAK_CACHE_DIR"] = str(cache)
    from berakhlak import layanan
    from berakhlak.layanan import Pilihan

    if len(sys.argv) > 3:
        barrier = Path(sys.argv[3])
        Path(f"{barrier}.siap-{os.getpid()}").touch()
        batas = time.monotonic() + 60
        while not barrier.exists():  # a file written by the test: polled, bounded
            if time.monotonic() > batas:
                raise TimeoutError("no start signal")
            time.sleep(0.005)
    k = layanan.keadaan_lengkap(300)
    tabel = {p: layanan.ukuran(k, "provinsi", Pilihan(periode=p)).to_csv(float_format="%.9f")
             for p in k.periode}
    print(json.dumps({
        "n_responden": k.n_responden,
        "status": {h.relatif: h.status for h in k.berkas},
        "tumpang": [[t.berkas_dipakai, t.berkas_dilewati, t.jumlah] for t in k.tumpang],
        "periode": list(k.periode),
        "lengkap": k.demografi_lengkap,
        "tabel": hashlib.sha256(json.dumps(tabel, sort_keys=True).encode()).hexdigest(),
    }), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
