"""Hostile link values are shown literally in a real browser: no link, no image, no request to
anything but the dashboard itself, no bold text; the value reads exactly as it was typed.

The hostile values point only at a loopback address (127.0.0.1:9, the discard port), never
at an outside host.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlparse

import pytest

from berakhlak import aman

pytestmark = pytest.mark.browser

ALAMAT = "127.0.0.1:9"
KLIK = f"[Klik untuk login ulang](http://{ALAMAT}/login)"
GAMBAR = f"![x](http://{ALAMAT}/p.png)"
SQL = "x'); DROP TABLE agregat; --"
TEBAL = "**tebal**"
HTML = f"<img src=http://{ALAMAT}/i.png><a href='http://{ALAMAT}/a'>a</a>"
OTOMATIS = f"http://{ALAMAT}/auto :smile: a -> b"
SKEMA_LOKAL = {"data", "blob", "about"}

KASUS = [
    ("/", {"provinsi": KLIK, "periode": SQL}),
    ("/nilai", {"instansi": GAMBAR, "banding": TEBAL}),
    ("/wilayah", {"kabupaten_kota": TEBAL, "bandingkan": [HTML, KLIK]}),
    ("/tren", {"unit_kerja": SQL, "nilai": OTOMATIS}),
    ("/demografi", {"jenis_instansi": HTML, "dimensi": GAMBAR}),
    ("/data", {"lang": GAMBAR}),
    ("/", {"lang": KLIK, "instansi": OTOMATIS}),
]


def _rata(teks: str) -> str:
    """Text as the reader sees it: word joiners are invisible, white space collapses."""
    return re.sub(r"\s+", " ", teks.replace(aman.PENYAMBUNG, "")).strip()


def _luar(halaman) -> list[str]:
    server = urlparse(halaman.server.url).netloc
    return sorted({u for u in halaman.permintaan
                   if urlparse(u).scheme not in SKEMA_LOKAL and urlparse(u).netloc != server})


@pytest.mark.parametrize(("jalur", "params"), KASUS, ids=[f"{j}-{'-'.join(p)}" for j, p in KASUS])
def test_nilai_berbahaya_tampil_harfiah(halaman, jalur, params):
    halaman.buka(f"{jalur}?{urlencode(params, doseq=True)}")
    halaman.page.wait_for_timeout(500)  # time for any image the page might have asked for
    halaman.tanpa_galat()
    page = halaman.page
    assert _luar(halaman) == [], f"requests to other hosts: {_luar(halaman)}"
    assert not any(ALAMAT in u for u in halaman.permintaan)
    # no attribute anywhere in the page (href, xlink:href, src, srcset, ...) names the address
    atribut = page.evaluate("""alamat => [...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => a.value.includes(alamat)).map(a => el.tagName + ' ' + a.name))""", ALAMAT)
    assert atribut == []
    # nothing of the values turned into a link, bold, italic, struck, code, an image or a heading
    peringatan = page.locator("[data-testid='stAlert']").filter(has_text="«")
    assert peringatan.count() >= 1
    assert peringatan.locator("a, strong, em, del, code, img, h1, h2, h3, li").count() == 0
    # each value reads exactly as typed, in a notice naming it
    teks = _rata(" ".join(peringatan.all_inner_texts()))
    for nilai in params.values():
        for v in nilai if isinstance(nilai, list) else [nilai]:
            assert f"«{_rata(v)}»" in teks, (v, teks[:2000])


def test_bandingkan_tujuh_kali_tanpa_traceback(halaman):
    halaman.buka("/wilayah?" + urlencode({"periode": "2022", "bandingkan": ["Aceh"] * 7}, doseq=True))
    from playwright.sync_api import expect

    halaman.tanpa_galat()
    multi = halaman.page.locator("[data-testid='stMultiSelect']")
    # waited for, not counted at once: on a busy machine the page may still be drawing it (the
    # app rewrites the repeated values in the URL, which can run the page once more)
    expect(multi).to_have_count(1)
    expect(multi).to_contain_text("Aceh")
    assert multi.inner_text().count("Aceh") == 1
    halaman.tanpa_galat()
