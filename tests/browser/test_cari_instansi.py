"""Finding an agency in a real browser at projector size (1280x720), issue 9 item 5: the search
box finds "tegal kab" and "kemendikbud", opens the agency's latest period with a notice in the
main area (above the fold), and no agency name is cut off in the search results or the list."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from berakhlak import demo
from tests.browser.conftest import BATAS_PERTAMA, tunggu_selesai

pytestmark = pytest.mark.browser

TEGAL = demo.TEGAL
KEMENDIKBUD = demo.KEMENDIKBUDRISTEK


def _cari(h, kueri: str) -> None:
    kotak = h.page.get_by_role("searchbox", name="Cari instansi")
    kotak.fill(kueri)
    kotak.press("Enter")
    tunggu_selesai(h.page, BATAS_PERTAMA)  # a period seen for the first time computes its pattern


def _query(h) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(h.page.url).query).items()}


def _terpotong(locator) -> list[str]:
    """Texts of the elements whose content is wider than their box (cut off)."""
    return locator.evaluate_all("els => els.filter(e => e.scrollWidth > e.clientWidth + 1)"
                                ".map(e => e.innerText)")


@pytest.mark.parametrize(("kueri", "nama"), [("tegal kab", TEGAL), ("kemendikbud", KEMENDIKBUD)])
def test_cari_membuka_periode_terakhir_dengan_pemberitahuan(halaman_proyektor, kueri, nama, tmp_path):
    h = halaman_proyektor
    h.buka("/?periode=2025")
    _cari(h, kueri)
    expect(h.page.locator("[data-testid='stMain'] h1")).to_have_text("Ringkasan")
    assert _query(h) == {"periode": "2024", "instansi": nama}
    kabar = h.page.locator("[data-testid='stMain'] [data-testid='stAlert']").filter(
        has_text=f"{nama} tidak memiliki data 2025; ditampilkan periode terakhirnya, 2024.")
    expect(kabar).to_have_count(1)
    kotak = kabar.bounding_box()
    assert kotak is not None and kotak["y"] + kotak["height"] <= 720, kotak  # above the fold
    expect(h.page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']").first).to_have_text(
        f"{nama} · 2024")
    h.page.screenshot(path=str(tmp_path / "cari.png"))
    h.tanpa_galat()


def test_beberapa_hasil_bernama_lengkap_dan_dapat_dipilih(halaman_proyektor):
    h = halaman_proyektor
    h.buka("/?periode=2025")
    _cari(h, "pendidikan")
    tombol = h.page.locator("[data-testid='stSidebar'] [class*='st-key-hasil_cari'] button")
    expect(tombol).to_have_count(3)
    teks = [t.strip() for t in tombol.all_inner_texts()]
    assert f"{KEMENDIKBUD} — tidak ada data 2025" in teks
    assert _terpotong(tombol.locator("p")) == []
    assert "instansi" not in _query(h)  # Enter did not pick one of several
    tombol.filter(has_text=KEMENDIKBUD).click()
    tunggu_selesai(h.page, BATAS_PERTAMA)
    assert _query(h) == {"periode": "2024", "instansi": KEMENDIKBUD}
    h.tanpa_galat()


def test_daftar_instansi_tidak_memotong_nama(halaman_proyektor):
    h = halaman_proyektor
    h.buka("/?periode=2024")
    kotak = h.page.get_by_role("combobox", name="Instansi", exact=True)
    kotak.click()
    h.page.keyboard.type("kementerian pendidikan")
    opsi = h.page.get_by_role("option")
    expect(opsi).to_have_count(3)
    expect(opsi.filter(has_text="Kementerian Pendidikan Tinggi, Sains, dan Teknologi — tidak ada data 2024")
           ).to_have_count(1)
    assert _terpotong(opsi.locator("div")) == []
    h.page.keyboard.press("Escape")
    h.tanpa_galat()
