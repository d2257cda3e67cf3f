"""Deep links: every page opens from a copied URL, reads its filters and keeps them."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Q_TEGAL, TEGAL

pytestmark = pytest.mark.browser

TAUTAN = [
    ("/?" + Q_TEGAL, "/", "Ringkasan", {"periode": "2022", "instansi": TEGAL}),
    ("/nilai?" + Q_TEGAL, "/nilai", "Nilai", {"periode": "2022", "instansi": TEGAL}),
    ("/wilayah?periode=2022", "/wilayah", "Wilayah", {"periode": "2022"}),
    ("/tren?instansi=Pemerintah+Kabupaten+Tegal", "/tren", "Tren", {"instansi": TEGAL}),
    ("/demografi?" + Q_TEGAL + "&dimensi=golongan", "/demografi", "Demografi",
     {"periode": "2022", "instansi": TEGAL, "dimensi": "golongan"}),
    ("/data", "/data", "Data", {}),
]


@pytest.mark.parametrize(("jalur", "path", "judul", "params"), TAUTAN, ids=[t[1] for t in TAUTAN])
def test_tautan_langsung_membuka_halaman(halaman, jalur, path, judul, params):
    halaman.buka(jalur)
    halaman.tanpa_galat()
    expect(halaman.page.locator("[data-testid='stMain'] h1")).to_have_text(judul)
    expect(halaman.page.locator("[data-testid='stAlert']").filter(has_text="Data sintetis")).to_be_visible()
    url = urlparse(halaman.page.url)
    assert url.path == path
    query = parse_qs(url.query)
    for kunci, nilai in params.items():
        assert query.get(kunci) == [nilai], (kunci, halaman.page.url)


def test_nilai_tak_dikenal_diberi_tahu_dan_angka_tetap_tampil(halaman):
    halaman.buka("/?instansi=Tidak+Ada")
    halaman.tanpa_galat()
    peringatan = halaman.page.locator("[data-testid='stAlert']").filter(has_text="«Tidak Ada»")
    expect(peringatan).to_be_visible()
    expect(peringatan).to_contain_text("tidak ada dalam data")
    # the fallback (all agencies, latest period) is shown with its figures
    expect(halaman.metrik("Indeks BerAKHLAK")).to_have_text(re.compile(r"^\d{2},\d$"))
    expect(halaman.metrik("Responden")).to_have_text(re.compile(r"^\d{1,3}(\.\d{3})+$"))
    expect(halaman.page.locator("[data-testid='stMain'] h1")).to_have_text("Ringkasan")


def test_demografi_penanda_kerahasiaan(halaman):
    halaman.buka("/demografi?" + Q_TEGAL + "&dimensi=golongan")
    halaman.tanpa_galat()
    # group I of Tegal 2022 has 8 respondents: its cells carry the marker instead of figures
    expect(halaman.page.get_by_text("< 10 responden").first).to_be_visible()


def test_data_berkas_demo(halaman):
    halaman.buka("/data")
    halaman.tanpa_galat()
    expect(halaman.metrik("Berkas dimuat")).to_have_text("4")
    expect(halaman.metrik("Berkas ditolak")).to_have_text("0")
    # the file table is drawn on a canvas; its accessible mirror holds the same cells
    tabel = halaman.page.locator("[data-testid='stDataFrame']").first
    for periode in (2022, 2023, 2024, 2025):
        expect(tabel.get_by_text(f"berakhlak_demo_{periode}.parquet", exact=True)).to_have_count(1)
