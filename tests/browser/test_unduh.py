"""Downloads as a reader gets them: the CSV of a table is written only when its button is
clicked (issue 11), and the file that arrives holds the figures the screen shows."""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Q_TEGAL, tunggu_selesai

pytestmark = pytest.mark.browser


def test_csv_nilai_tegal_diunduh_saat_diklik(halaman):
    halaman.buka("/nilai?" + Q_TEGAL)
    halaman.tanpa_galat()
    tombol = halaman.page.locator("[data-testid='stDownloadButton'] button").filter(has_text="Unduh CSV")
    expect(tombol.first).to_be_visible()
    berkas = {}
    for i in range(tombol.count()):
        # every click on a quiet page (a click on a button being redrawn by a rerun fetched
        # nothing; clicks no longer rerun the page, on_click="ignore")
        tunggu_selesai(halaman.page)
        with halaman.page.expect_download(timeout=30_000) as info:
            tombol.nth(i).click()
        unduhan = info.value
        assert unduhan.suggested_filename.endswith(".csv")
        isi = unduhan.path().read_bytes().decode("utf-8-sig")
        berkas[unduhan.suggested_filename] = list(csv.reader(io.StringIO(isi), delimiter=";"))
    nilai = next(b for b in berkas.values() if {"Nilai", "Indeks", "Responden"} <= set(b[0]))
    data = {b[0]: dict(zip(nilai[0], b, strict=True)) for b in nilai[1:]}
    assert data["Indeks BerAKHLAK"]["Indeks"] == "62,3"
    assert data["Indeks BerAKHLAK"]["Responden"] == "5773"
    assert len(berkas) == tombol.count() >= 2  # every table's own file
    halaman.tanpa_galat()
