"""The take-home deck (berakhlak/render_dek.py), read back with python-pptx."""

from __future__ import annotations

import io
import re
import shutil

import pytest

from berakhlak import cerita, layanan
from tests.unit.test_cerita import TEGAL, _tanpa_penanda, tersembunyi

pptx = pytest.importorskip("pptx")
pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")


@pytest.fixture
def cerita_tegal(demo_env):
    k = layanan.keadaan_lengkap()
    return k, cerita.cerita_lokakarya(k, TEGAL, "nasional", "id")


def _teks_bentuk(bentuk) -> list[str]:
    if bentuk.has_text_frame:
        return [p.text for p in bentuk.text_frame.paragraphs]
    if bentuk.has_table:
        return [" | ".join(sel.text for sel in baris.cells) for baris in bentuk.table.rows]
    return []


def test_dek_tegal(cerita_tegal):
    from berakhlak import render_dek

    k, c = cerita_tegal
    data = render_dek.dek(c)
    prs = pptx.Presentation(io.BytesIO(data))
    assert len(prs.slides) == len(c.slide) == 8
    assert prs.slide_width * 9 == prs.slide_height * 16
    nama = set().union(*tersembunyi(k, TEGAL).values())
    gambar = 0
    for slide, s in zip(prs.slides, c.slide, strict=True):
        teks = [t for b in slide.shapes for t in _teks_bentuk(b)]
        assert teks[0] == s.judul  # titles are the story's, as editable text
        assert s.kalimat in teks
        assert any(t.startswith("Sumber: data sintetis (demo)") for t in teks)  # provenance footer
        catatan = slide.notes_slide.notes_text_frame.text
        assert catatan.startswith(s.kalimat)
        gambar += sum(b.shape_type == 13 for b in slide.shapes)  # MSO_SHAPE_TYPE.PICTURE
        # no figure of a hidden group in any slide text or note
        for baris in [*teks, *catatan.splitlines()]:
            for bagian in re.split(r" \| |; ", baris):
                if bagian.split(":")[0].strip() in nama:
                    assert not re.search(r"\d", _tanpa_penanda(bagian.split(":", 1)[-1])), baris
            sel = baris.split(" | ")
            if sel[0] in nama:
                assert not re.search(r"\d", _tanpa_penanda(" ".join(sel[1:]))), baris
    semua = "\n".join(t for sl in prs.slides for b in sl.shapes for t in _teks_bentuk(b))
    assert "62,3" in semua and "5.773" in semua
    # one picture per chart of the story (the charts' data is checked in test_cerita)
    assert gambar == sum(isinstance(b, cerita.Grafik) for s in c.slide for b in s.blok)
