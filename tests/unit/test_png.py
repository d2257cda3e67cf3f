"""A chart as a take-home PNG (berakhlak/render_png.py): title, selection, period and the
provenance footer in the figure handed to kaleido; a valid PNG of the expected size."""

from __future__ import annotations

import shutil
import struct

import pytest

from berakhlak import cerita, layanan, renderer
from berakhlak.halaman import nilai
from berakhlak.layanan import Pilihan

TEGAL = Pilihan(periode=2022, instansi="Pemerintah Kabupaten Tegal")


@pytest.fixture
def grafik_tegal(demo_env):
    k = layanan.keadaan()
    blok = nilai.blok(k, TEGAL, None, "id")
    asal = cerita.asal(k, TEGAL, "nasional", "id", jalur="/nilai")
    return blok[1], asal


def test_gambar_membawa_judul_seleksi_periode_dan_asal(grafik_tegal):
    from berakhlak import render_png

    b, asal = grafik_tegal
    fig = render_png.gambar(b, asal, "id")
    assert fig.layout.title.text == "Tujuh nilai BerAKHLAK dengan margin kesalahan 95 %"
    assert fig.layout.title.subtitle.text == "Pemerintah Kabupaten Tegal · 2022"
    kaki = [a for a in fig.layout.annotations if a.name == "asal"]
    assert len(kaki) == 1
    teks = kaki[0].text.replace("<br>", " · ")
    assert teks.startswith("Sumber: data sintetis (demo) · periode 2022 · Pemerintah Kabupaten Tegal · ")
    assert "kelompok &lt; 10 responden tidak ditampilkan" in teks  # '<' as an entity for Plotly
    assert teks.endswith("/nilai?periode=2022&amp;instansi=Pemerintah+Kabupaten+Tegal")
    assert (fig.layout.width, fig.layout.height) == (render_png.LEBAR, render_png.TINGGI)
    assert b.figur.layout.annotations == fig.layout.annotations[:-1]  # the page's figure untouched
    assert render_png.nama_berkas(b.nama, asal) == "BerAKHLAK_tujuh_nilai_Pemerintah-Kabupaten-Tegal_2022.png"


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_png_sah_dan_berukuran(grafik_tegal):
    from berakhlak import render_png

    b, asal = grafik_tegal
    data = renderer.render("png", b, asal, "id")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    lebar, tinggi = struct.unpack(">II", data[16:24])  # IHDR
    assert (lebar, tinggi) == (render_png.LEBAR * render_png.SKALA, render_png.TINGGI * render_png.SKALA)
    assert len(data) > 20_000  # a drawn chart, not an empty canvas
