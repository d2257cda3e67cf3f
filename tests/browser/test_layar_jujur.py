"""Issue 9, items 1, 8 and 9 through real URLs at projector size (1280x720): /wilayah with an
agency selected says its rank among its peers and never shows a province holding its
figures; /demografi says its main finding in one sentence and its heat map's column headers
and cell texts fit without overlapping."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Q_TEGAL, TEGAL, tunggu_selesai

pytestmark = pytest.mark.browser

KALIMAT = "[class*='st-key-kalimat_utama']"
BATAS_DINGIN = 300.0  # s: the first /demografi of a server builds the demographic layers


def _buka(h, jalur: str) -> None:
    """``Halaman.buka`` with room for a cold first run on a busy machine."""
    h.page.goto(h.server.url + jalur, wait_until="domcontentloaded", timeout=BATAS_DINGIN * 1000)
    tunggu_selesai(h.page, BATAS_DINGIN)
    h.server.sudah_dipanaskan = True


def _tidak_terpotong(page, pemilih: str) -> None:
    """Every element matched is wholly inside the viewport's width and not cut by overflow."""
    kotak = page.locator(pemilih).evaluate_all("""els => els.map(e => {
        const r = e.getBoundingClientRect();
        return {kiri: r.left, kanan: r.right, lebar: e.scrollWidth, tampak: e.clientWidth,
                teks: e.innerText};
    })""")
    assert kotak, pemilih
    lebar_layar = page.viewport_size["width"]
    for k in kotak:
        assert k["kiri"] >= 0 and k["kanan"] <= lebar_layar, k
        assert k["lebar"] <= k["tampak"] + 1, k


def _kotak_teks(grafik, pemilih: str) -> list[dict]:
    return grafik.locator(pemilih).evaluate_all("""els => els.filter(e => e.textContent.trim()).map(e => {
        const r = e.getBoundingClientRect();
        return {teks: e.textContent, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom};
    })""")


def _bertumpuk(a: dict, b: dict) -> bool:
    return a["x0"] < b["x1"] - 1 and b["x0"] < a["x1"] - 1 and a["y0"] < b["y1"] - 1 and b["y0"] < a["y1"] - 1


def _tunggu_grafik(page) -> None:
    grafik = page.locator("[data-testid='stPlotlyChart']")
    expect(grafik.first).to_be_visible()
    for i in range(grafik.count()):
        expect(grafik.nth(i).locator("svg.main-svg").first).to_be_attached()
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0)


def test_wilayah_instansi_peringkat_bukan_provinsi(halaman_proyektor):
    h = halaman_proyektor
    _buka(h, f"/wilayah?{Q_TEGAL}")
    h.tanpa_galat()
    page = h.page
    kalimat = page.locator(KALIMAT)
    expect(kalimat).to_contain_text(f"{TEGAL} (62,3) berada di peringkat 1 dari 14 Pemerintah Kabupaten "
                                    "di Jawa Tengah yang ditampilkan")
    _tidak_terpotong(page, f"{KALIMAT} p")
    _tunggu_grafik(page)
    # the peers' chart: Tegal's name bold among them; no province name on any bar or tile
    sejawat = page.locator("[data-testid='stPlotlyChart']").first
    label = sejawat.locator("g.ytick text").evaluate_all("els => els.map(e => e.textContent)")
    assert TEGAL in label and "Jawa Tengah" not in label and len(label) == 14
    assert "JATENG" not in page.locator("[data-testid='stMain']").inner_text()
    _tidak_terpotong(page, "[data-testid='stMetricValue']")


@pytest.mark.parametrize(("dimensi", "lang", "kata"), [
    ("kelompok_usia", "id", "Kelompok usia < 30 paling jauh di atas indeks Pemerintah Kabupaten Tegal (62,3)"),
    ("golongan", "en", "the index of Pemerintah Kabupaten Tegal (62.3)"),
])
def test_demografi_kalimat_dan_peta_panas_muat(halaman_proyektor, dimensi, lang, kata):
    h = halaman_proyektor
    _buka(h, f"/demografi?{Q_TEGAL}&dimensi={dimensi}&lang={lang}")
    h.tanpa_galat()
    page = h.page
    expect(page.locator(KALIMAT)).to_contain_text(kata)
    _tidak_terpotong(page, f"{KALIMAT} p")
    _tunggu_grafik(page)
    peta = page.locator("[data-testid='stPlotlyChart']").first
    peta.scroll_into_view_if_needed()
    kepala = _kotak_teks(peta, "g.xtick text")
    assert len(kepala) == 7
    for i, a in enumerate(kepala):  # the seven headers side by side, none over another
        for b in kepala[i + 1:]:
            assert not _bertumpuk(a, b), (a, b)
    bidang = peta.locator("rect.nsewdrag").first.bounding_box()
    lebar_sel = bidang["width"] / 7
    sel = _kotak_teks(peta, "g.heatmaplayer text")
    assert sel
    for s in sel:  # every cell text (scores, differences, markers) fits its cell
        assert s["x1"] - s["x0"] <= lebar_sel, s
        assert bidang["x"] - 1 <= s["x0"] and s["x1"] <= bidang["x"] + bidang["width"] + 1, s
    if dimensi == "golongan":
        assert any("respondents" in s["teks"] for s in sel)  # group I (8): its marker, no figure
