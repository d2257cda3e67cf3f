"""Shared fixtures: every test runs against its own data folder and a cache outside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from berakhlak import katalog, layanan

AKAR = Path(__file__).resolve().parent.parent

# Pattern layers only on demand in tests (servers started by the tests inherit this): many
# processes share two cores here, and background work would slow every other test.
os.environ.setdefault(layanan.VARIABEL_LATAR, "0")


@pytest.fixture(scope="session")
def cache_bersama(tmp_path_factory) -> Path:
    """One cache folder for the whole run, so the demo data, its rollups and its
    confidentiality pattern are made once: shared by the parallel workers (pytest-xdist) too,
    as replicas share it (locks per result, patterns first-writer-wins)."""
    akar = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        akar = akar.parent  # the run's root, common to every worker
    folder = akar / "cache_bersama"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def folder_kosong(tmp_path_factory) -> Path:
    """An empty data folder: the dashboard falls back to the synthetic demo."""
    return tmp_path_factory.mktemp("data_kosong")


@pytest.fixture
def demo_env(monkeypatch, folder_kosong, cache_bersama):
    """Environment for a run on the demo data."""
    monkeypatch.setenv("BERAKHLAK_DATA_DIR", str(folder_kosong))
    monkeypatch.setenv("BERAKHLAK_CACHE_DIR", str(cache_bersama))
    monkeypatch.delenv("BERAKHLAK_MIN_RESPONDEN", raising=False)
    layanan.bersihkan_cache()
    yield
    layanan.bersihkan_cache()


@pytest.fixture
def data_env(monkeypatch, tmp_path, cache_bersama):
    """A fresh, empty data folder of the test's own; returns its path."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("BERAKHLAK_DATA_DIR", str(data))
    monkeypatch.setenv("BERAKHLAK_CACHE_DIR", str(cache_bersama))
    monkeypatch.delenv("BERAKHLAK_MIN_RESPONDEN", raising=False)
    layanan.bersihkan_cache()
    yield data
    katalog.lupakan_semua()
    layanan.bersihkan_cache()
