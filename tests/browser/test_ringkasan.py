"""Ringkasan (/) as a person reads it: the Tegal 2022 figures, English, filters, projector size."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Q_TEGAL, TEGAL, tunggu_selesai

pytestmark = pytest.mark.browser


def test_tegal_2022_angka_yang_dibaca(halaman):
    halaman.buka("/?" + Q_TEGAL)
    halaman.tanpa_galat()
    expect(halaman.metrik("Indeks BerAKHLAK")).to_have_text("62,3")
    expect(halaman.metrik("Responden")).to_have_text("5.773")
    expect(halaman.metrik("Nilai terlemah")).to_have_text("Adaptif")
    expect(halaman.page.locator("[data-testid='stMain'] span.kategori")).to_have_text("B · Cukup Sehat")
    kalimat = halaman.page.locator("[data-testid='stMain'] li")
    expect(kalimat.filter(has_text="62,3 (B, Cukup Sehat), dari 5.773 responden")).to_be_visible()
    expect(kalimat.filter(has_text="Nilai terlemah adalah Adaptif")).to_be_visible()


def test_tegal_2022_dalam_bahasa_inggris(halaman):
    halaman.buka("/?" + Q_TEGAL + "&lang=en")
    halaman.tanpa_galat()
    expect(halaman.page.locator("[data-testid='stMain'] h1")).to_have_text("Summary")
    expect(halaman.metrik("BerAKHLAK index")).to_have_text("62.3")
    expect(halaman.metrik("Respondents")).to_have_text("5,773")
    expect(halaman.metrik("Weakest value")).to_have_text("Adaptive")
    expect(halaman.page.locator("[data-testid='stMain'] span.kategori")).to_have_text("B · Fairly healthy")
    kalimat = halaman.page.locator("[data-testid='stMain'] li")
    expect(kalimat.filter(has_text="62.3 (B, Fairly healthy), from 5,773 respondents")).to_be_visible()
    expect(kalimat.filter(has_text="The weakest value is Adaptive")).to_be_visible()
    navigasi = halaman.page.locator("[data-testid='stSidebar'] [data-testid='stPageLink']")
    expect(navigasi).to_have_text(["Summary", "Values", "Regions", "Trends", "Demography", "Data"])
    expect(halaman.page.locator("[data-testid='stAlert']").filter(has_text="Synthetic (demo) data")).to_be_visible()


def test_ganti_periode_di_sidebar_menulis_url_dan_mengubah_angka(halaman):
    halaman.buka("/?periode=2022")
    halaman.tanpa_galat()
    page = halaman.page
    expect(halaman.metrik("Indeks BerAKHLAK")).to_have_text("60,9")  # national 2022, calibrated
    sebelum = halaman.metrik("Responden").inner_text()
    periode = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(has_text="Periode")
    periode.click()
    page.get_by_role("option", name="2023", exact=True).click()
    page.wait_for_url(lambda u: parse_qs(urlparse(u).query).get("periode") == ["2023"])
    tunggu_selesai(page)
    expect(halaman.metrik("Indeks BerAKHLAK")).to_have_text("61,1")  # national 2023, calibrated
    expect(halaman.metrik("Responden")).not_to_have_text(sebelum)
    expect(page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']").first).to_have_text(
        "Nasional · 2023")
    halaman.tanpa_galat()


def test_proyektor_indeks_terlihat_tanpa_gulir(halaman_proyektor):
    h = halaman_proyektor
    h.buka("/?" + Q_TEGAL)
    h.tanpa_galat()
    nilai = h.metrik("Indeks BerAKHLAK")
    expect(nilai).to_have_text("62,3")
    kotak = nilai.bounding_box()
    assert kotak is not None
    assert kotak["x"] >= 0 and kotak["y"] >= 0, kotak
    assert kotak["x"] + kotak["width"] <= 1280 and kotak["y"] + kotak["height"] <= 720, kotak
    lebar = h.page.evaluate("document.documentElement.scrollWidth")
    assert lebar <= 1280, f"horizontal scrollbar: document is {lebar}px wide"
    assert TEGAL in h.page.locator("[data-testid='stMain']").inner_text()


def test_nilai_terlemah_membuka_tren_nilai_itu(halaman):
    """Issue 9: 'Nilai terlemah' links to that value on /tren, same selection and language;
    the national benchmark of the national figure is not compared with itself."""
    halaman.buka("/?" + Q_TEGAL + "&lang=en")
    halaman.tanpa_galat()
    page = halaman.page
    page.locator("[data-testid='stMain'] [data-testid='stPageLink']").filter(
        has_text="Adaptive over time").click()
    page.wait_for_url(lambda u: urlparse(u).path.endswith("/tren"))
    tunggu_selesai(page)
    halaman.tanpa_galat()
    q = parse_qs(urlparse(page.url).query)
    assert q["nilai"] == ["adaptif"] and q["instansi"] == [TEGAL] and q["lang"] == ["en"]
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text("Trends")
    halaman.buka("/?periode=2022")
    halaman.tanpa_galat()
    expect(page.get_by_text("Pilihan ini adalah pembanding itu sendiri (Nasional)")).to_be_visible()
    expect(page.locator("[data-testid='stMain'] li").filter(has_text="selisih 0,0")).to_have_count(0)
