"""Presentation mode at projector size: one slide per screen without scrolling, large type,
the arrow keys step through the slides and the slide number is in the URL."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import TEGAL, tunggu_selesai

pytestmark = pytest.mark.browser

JALUR = "/?instansi=Pemerintah+Kabupaten+Tegal&periode=2022&tampilan=presentasi"
BATAS_CERITA = 300.0  # the first story computes every demographic layer of the period
JUMLAH_SLIDE = 8
GAMBAR = os.environ.get("BERAKHLAK_GAMBAR_SLIDE")  # a folder: save each slide as PNG there

UKURAN = """() => {
  const luar = [document.documentElement, document.body,
                document.querySelector("[data-testid='stMain']"),
                document.querySelector("[data-testid='stAppViewContainer']")].filter(Boolean);
  const gulir = luar.map(e => [e.scrollHeight, e.clientHeight]);
  const slide = document.querySelector(".st-key-slide");
  let terkecil = 1000;
  for (const e of slide.querySelectorAll("p, li, td, th, h2, .label, .ket")) {
    if (!e.innerText || !e.innerText.trim()) continue;
    terkecil = Math.min(terkecil, parseFloat(getComputedStyle(e).fontSize));
  }
  let tick = 1000;
  for (const e of slide.querySelectorAll(".xtick text, .ytick text")) {
    tick = Math.min(tick, parseFloat(e.style.fontSize || getComputedStyle(e).fontSize));
  }
  const angka = [...slide.querySelectorAll(".metrik .angka")].map(e => parseFloat(getComputedStyle(e).fontSize));
  const bawah = slide.getBoundingClientRect().bottom;
  const kendali = document.querySelector(".st-key-kendali").getBoundingClientRect().top;
  const isi = [slide.scrollHeight, slide.clientHeight];
  return {gulir, kendali, isi, tinggi: window.innerHeight, scroll: document.documentElement.scrollHeight,
          terkecil, tick, angka, bawah, sidebar: !!document.querySelector("[data-testid='stSidebar']")
            && document.querySelector("[data-testid='stSidebar']").offsetWidth > 0,
          header: !!document.querySelector("[data-testid='stHeader']")
            && document.querySelector("[data-testid='stHeader']").offsetHeight > 0};
}"""


def _slide_di_url(page) -> str | None:
    return parse_qs(urlparse(page.url).query).get("slide", [None])[0]


def test_presentasi_tegal_dengan_tombol_panah(halaman_proyektor):
    h = halaman_proyektor
    page = h.page
    page.goto(h.server.url + JALUR, wait_until="domcontentloaded", timeout=BATAS_CERITA * 1000)
    tunggu_selesai(page, BATAS_CERITA)
    h.server.sudah_dipanaskan = True
    h.tanpa_galat()
    slide = page.locator(".st-key-slide")
    expect(slide.locator("h2")).to_have_text("Indeks BerAKHLAK")
    expect(slide.locator(".metrik .angka").first).to_have_text("62,3")
    expect(slide).to_contain_text("5.773")
    assert _slide_di_url(page) == "1"
    judul = []
    for nomor in range(1, JUMLAH_SLIDE + 1):
        expect(page.locator(".st-key-kendali")).to_contain_text(f"{nomor} / {JUMLAH_SLIDE}")
        tunggu_selesai(page)
        assert _slide_di_url(page) == str(nomor), page.url
        u = page.evaluate(UKURAN)
        if GAMBAR:
            page.screenshot(path=os.path.join(GAMBAR, f"slide_{nomor}.png"))
        assert not u["sidebar"] and not u["header"], u
        assert u["scroll"] <= u["tinggi"], u  # no vertical scrolling of the document
        for tinggi_gulir, tinggi_tampak in u["gulir"]:
            assert tinggi_gulir <= tinggi_tampak + 1, u  # nor of Streamlit's own containers
        assert u["bawah"] <= u["kendali"] + 1, u  # the slide ends above the buttons
        assert u["isi"][0] <= u["isi"][1] + 1, u  # and nothing in it is cut off
        assert u["terkecil"] >= 24, (nomor, u)
        assert u["tick"] >= 24, (nomor, u)
        assert all(a >= 48 for a in u["angka"]), u
        judul.append(slide.locator("h2").inner_text())
        if nomor < JUMLAH_SLIDE:
            page.locator("body").press("ArrowRight")
            page.wait_for_function(f"() => new URL(location.href).searchParams.get('slide') === '{nomor + 1}'",
                                   timeout=30_000)
    assert judul[1] == "Tujuh nilai dan pembanding" and judul[-1] == "Metode dan kerahasiaan"
    assert "Adaptif" in judul[2] and "Adaptif" in judul[6]
    page.locator("body").press("ArrowLeft")
    page.wait_for_function(f"() => new URL(location.href).searchParams.get('slide') === '{JUMLAH_SLIDE - 1}'",
                           timeout=30_000)
    tunggu_selesai(page)
    expect(slide.locator("h2")).to_have_text("Panduan perilaku Adaptif")
    h.tanpa_galat()
    page.locator(".st-key-keluar button").click()
    page.wait_for_function("() => !new URL(location.href).searchParams.get('tampilan')", timeout=30_000)
    tunggu_selesai(page)
    q = parse_qs(urlparse(page.url).query)
    assert q["instansi"] == [TEGAL] and q["periode"] == ["2022"]
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text("Ringkasan")
    expect(page.locator("[data-testid='stMain'] [data-testid='stPageLink']").filter(has_text="Presentasi")).to_be_visible()
    h.tanpa_galat()
