"""Sidebar navigation carries the filters from one page to the next."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Q_TEGAL, TEGAL, tunggu_selesai

pytestmark = pytest.mark.browser


def test_tautan_nilai_di_sidebar_membawa_filter(halaman):
    halaman.buka("/?" + Q_TEGAL)
    page = halaman.page
    tautan = page.locator("[data-testid='stSidebar'] [data-testid='stPageLink']").filter(
        has=page.get_by_text("Nilai", exact=True))
    expect(tautan).to_have_count(1)
    tautan.click()
    page.wait_for_url(lambda u: urlparse(u).path == "/nilai")
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text("Nilai")
    tunggu_selesai(page)
    url = urlparse(page.url)
    assert url.path == "/nilai"
    query = parse_qs(url.query)
    assert query.get("periode") == ["2022"], page.url
    assert query.get("instansi") == [TEGAL], page.url
    expect(page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']").first).to_have_text(
        f"{TEGAL} · 2022")
    halaman.tanpa_galat()
