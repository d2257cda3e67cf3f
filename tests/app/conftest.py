"""AppTest helpers: run a page of the real app with URL parameters on the demo data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from berakhlak import kontrak, layanan

APP = Path(__file__).resolve().parents[2] / "app.py"


def jalankan(halaman: str | None = None, batas: float = 120, **params) -> AppTest:
    """Run a page of the real app (``halaman`` None: app.py) with URL parameters on whatever data
    the environment points at; no exception allowed."""
    at = AppTest.from_file(str(APP), default_timeout=batas)
    for k, v in params.items():
        at.query_params[k] = v
    if halaman:
        at.switch_page(halaman)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def buka(demo_env):
    """buka('pages/1_nilai.py', periode='2022', ...) -> a run AppTest (no exception allowed)."""
    return jalankan


@pytest.fixture
def mentah(demo_env) -> pd.DataFrame:
    """The demo respondents read straight from the Parquet files with pandas (an independent
    path to the expected figures)."""
    k = layanan.keadaan()
    return pd.concat([pd.read_parquet(h.path) for h in k.dimuat], ignore_index=True)


def harapan(df: pd.DataFrame) -> dict:
    """Expected figures of a set of respondents: n, value means and the index."""
    rata = {v: df[v].mean() for v in kontrak.KUNCI_NILAI}
    return {"n": len(df), **rata, "indeks": sum(rata.values()) / 7}


def metrik(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def teks_semua(at: AppTest) -> str:
    bagian = [m.value for m in at.markdown] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(bagian)
