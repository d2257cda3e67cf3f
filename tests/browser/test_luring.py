"""Offline: the dashboard fetches nothing from the internet (no CDN fonts, map tiles, scripts)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SKEMA_LOKAL = {"data", "blob", "about"}


def test_tidak_ada_permintaan_ke_internet(halaman):
    halaman.buka("/wilayah?periode=2022")
    expect(halaman.page.get_by_text("Peta indeks per provinsi")).to_be_visible()
    halaman.buka("/")
    expect(halaman.metrik("Indeks BerAKHLAK")).to_be_visible()
    halaman.tanpa_galat()
    server = urlparse(halaman.server.url).netloc
    assert halaman.permintaan, "no request was recorded"
    luar = sorted({u for u in halaman.permintaan
                   if urlparse(u).scheme not in SKEMA_LOKAL and urlparse(u).netloc != server})
    assert luar == [], f"requests to other hosts: {luar}"
