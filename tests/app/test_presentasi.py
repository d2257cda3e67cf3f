"""Presentation mode through AppTest: the story drawn slide by slide, the slide in the URL."""

from __future__ import annotations

import pytest

from tests.app.conftest import APP

TEGAL = "Pemerintah Kabupaten Tegal"


def _html(at) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


@pytest.mark.parametrize("halaman", [None, "pages/3_tren.py"])
def test_presentasi_tegal(buka, halaman):
    at = buka(halaman, periode="2022", instansi=TEGAL, tampilan="presentasi")
    isi = _html(at)
    assert "Indeks BerAKHLAK" in isi and "62,3" in isi and "5.773" in isi
    assert at.query_params["slide"] == "1"
    assert not at.sidebar.selectbox  # no filters: the projector has no sidebar
    tombol = {b.key: b for b in at.button}
    tombol["maju"].click().run()
    assert not at.exception
    assert at.query_params["slide"] == "2"
    assert "Tujuh nilai dan pembanding" in _html(at)
    {b.key: b for b in at.button}["keluar"].click().run()
    assert "tampilan" not in at.query_params
    assert at.title and at.sidebar.selectbox


def test_tombol_presentasi_di_halaman_biasa(buka):
    at = buka(periode="2022", instansi=TEGAL)
    tautan = [t.proto for t in at.get("page_link") if t.proto.label == "Presentasi"]
    assert len(tautan) == 1 and "tampilan=presentasi" in tautan[0].query_string
    assert any(b.proto.label == "Unduh deck (.pptx)" for b in at.get("download_button"))


def test_slide_di_luar_rentang(buka):
    at = buka(periode="2022", instansi=TEGAL, tampilan="presentasi", slide="99")
    assert at.query_params["slide"] == "8"
    assert str(APP).endswith("app.py")
