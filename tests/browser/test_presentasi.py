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
BATAS_CERITA = 600.0  # the whole story computes every period's and demographic layer (on demand in tests; ~3 min at load 17)
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
  const kaki = document.querySelector(".st-key-kaki p");
  const kotak_kaki = kaki ? kaki.getBoundingClientRect() : null;
  const grafik = slide.querySelector("svg.main-svg");
  return {gulir, kendali, isi, kaki: kaki ? kaki.innerText : "",
          grafik: grafik ? grafik.getBoundingClientRect().height : null,
          kaki_atas: kotak_kaki ? kotak_kaki.top : -1, kaki_bawah: kotak_kaki ? kotak_kaki.bottom : 1e9, tinggi: window.innerHeight, lebar: window.innerWidth,
          scroll: document.scrollingElement.scrollHeight, scroll_lebar: document.scrollingElement.scrollWidth,
          terkecil, tick, angka, bawah, sidebar: !!document.querySelector("[data-testid='stSidebar']")
            && document.querySelector("[data-testid='stSidebar']").offsetWidth > 0,
          header: !!document.querySelector("[data-testid='stHeader']")
            && document.querySelector("[data-testid='stHeader']").offsetHeight > 0};
}"""


def _slide_di_url(page) -> str | None:
    return parse_qs(urlparse(page.url).query).get("slide", [None])[0]


def _ukur(page, nomor: int, ukuran: tuple[int, int]) -> float | None:
    """One slide: no scrolling, nothing cut off, no chrome, large type. Returns the height
    of its chart (None without one)."""
    u = page.evaluate(UKURAN)
    konteks = (nomor, ukuran, u)
    assert (u["lebar"], u["tinggi"]) == ukuran, konteks
    assert not u["sidebar"] and not u["header"], konteks
    assert u["scroll"] <= u["tinggi"] + 1, konteks  # document.scrollingElement: no vertical scrolling
    assert u["scroll_lebar"] <= u["lebar"] + 1, konteks  # nor sideways
    for tinggi_gulir, tinggi_tampak in u["gulir"]:
        assert tinggi_gulir <= tinggi_tampak + 1, konteks  # nor of Streamlit's own containers
    assert u["bawah"] <= u["kendali"] + 1, konteks  # the slide ends above the buttons
    assert u["isi"][0] <= u["isi"][1] + 1, konteks  # and nothing in it is cut off
    assert u["terkecil"] >= 24, konteks  # body text
    assert u["tick"] >= 24, konteks  # chart ticks
    assert all(a >= 48 for a in u["angka"]), konteks  # headline figures
    # the provenance footer is on the screen, whole: source, period and selection readable
    assert u["kaki"].startswith("Sumber:") and "Pemerintah Kabupaten Tegal" in u["kaki"], konteks
    assert 0 <= u["kaki_atas"] and u["kaki_bawah"] <= u["tinggi"], konteks
    return u["grafik"]


def _langkah(page, tombol: str, ke: int) -> None:
    page.locator("body").press(tombol)
    page.wait_for_function(f"() => new URL(location.href).searchParams.get('slide') === '{ke}'",
                           timeout=30_000)
    tunggu_selesai(page)


def test_presentasi_tegal_dengan_tombol_panah(halaman_proyektor):
    """Walk the eight slides forward at 1280x720 (→, then PageDown and space), and back at
    1920x1080 (←, PageUp), measuring every slide at both sizes; a slide's chart grows with
    the screen."""
    h = halaman_proyektor
    page = h.page
    page.goto(h.server.url + JALUR, wait_until="domcontentloaded", timeout=BATAS_CERITA * 1000)
    slide = page.locator(".st-key-slide")
    # Slide 1 is drawn before the rest of the story is built (it needs only the selection's
    # own figures): its headline figure is there while the count may still read "1 / …".
    expect(slide.locator(".metrik .angka").first).to_have_text("62,3", timeout=BATAS_CERITA * 1000)
    expect(page.locator(".st-key-kendali")).to_contain_text(f"1 / {JUMLAH_SLIDE}", timeout=BATAS_CERITA * 1000)
    tunggu_selesai(page, BATAS_CERITA)
    h.server.sudah_dipanaskan = True
    h.tanpa_galat()
    expect(slide.locator("h2")).to_have_text("Indeks BerAKHLAK")
    expect(slide).to_contain_text("5.773")
    assert _slide_di_url(page) == "1"
    judul = []
    grafik = {}  # slide -> chart height at 1280x720 and at 1920x1080
    tombol_maju = ["ArrowRight", "ArrowRight", "PageDown", "ArrowRight", " ", "ArrowRight", "PageDown"]
    for nomor in range(1, JUMLAH_SLIDE + 1):
        expect(page.locator(".st-key-kendali")).to_contain_text(f"{nomor} / {JUMLAH_SLIDE}")
        assert _slide_di_url(page) == str(nomor), page.url
        grafik[nomor] = [_ukur(page, nomor, (1280, 720))]
        if GAMBAR:
            page.screenshot(path=os.path.join(GAMBAR, f"slide_{nomor}_1280.png"))
        judul.append(slide.locator("h2").inner_text())
        if nomor < JUMLAH_SLIDE:
            _langkah(page, tombol_maju[nomor - 1], nomor + 1)
    assert judul[1] == "Tujuh nilai dan pembanding" and judul[-1] == "Metode dan kerahasiaan"
    assert "Adaptif" in judul[2] and "Adaptif" in judul[6]
    page.set_viewport_size({"width": 1920, "height": 1080})
    tunggu_selesai(page)
    for nomor in range(JUMLAH_SLIDE, 0, -1):
        expect(page.locator(".st-key-kendali")).to_contain_text(f"{nomor} / {JUMLAH_SLIDE}")
        expect(slide.locator("h2")).to_have_text(judul[nomor - 1])
        grafik[nomor].append(_ukur(page, nomor, (1920, 1080)))
        if GAMBAR:
            page.screenshot(path=os.path.join(GAMBAR, f"slide_{nomor}_1920.png"))
        if nomor > 1:
            _langkah(page, "ArrowLeft" if nomor % 2 else "PageUp", nomor - 1)
    # the chart takes the room the screen has: at 1080 lines clearly taller than at 720
    # (a fixed 420 px before: the same at both sizes, with empty space under it at 1080)
    dengan_grafik = {n: g for n, g in grafik.items() if g[0] is not None}
    assert len(dengan_grafik) >= 4, grafik  # values, over time, where, levels
    for nomor, (kecil, besar) in dengan_grafik.items():
        assert besar is not None and besar >= kecil + 250 and besar >= 1.5 * kecil, (nomor, kecil, besar)
    h.tanpa_galat()
    page.locator(".st-key-keluar button").click()
    page.wait_for_function("() => !new URL(location.href).searchParams.get('tampilan')", timeout=30_000)
    tunggu_selesai(page)
    q = parse_qs(urlparse(page.url).query)
    assert q["instansi"] == [TEGAL] and q["periode"] == ["2022"]
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text("Ringkasan")
    expect(page.locator("[data-testid='stMain'] [data-testid='stPageLink']").filter(has_text="Presentasi")).to_be_visible()
    h.tanpa_galat()
