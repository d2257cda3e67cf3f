"""The take-home deck: a story (:mod:`berakhlak.cerita`) as a 16:9 PowerPoint file.

Titles, headline sentences, metrics, tables and notes are real, editable text; charts are PNG
images rendered offline by Plotly's kaleido driving Debian's chromium (no MathJax, plotly.js
from the installed plotly package: nothing is fetched). One renderer is started on first use
and reused. Speaker notes carry the exact figures and margins; every slide has the
provenance footer.
"""

from __future__ import annotations

import copy
import io
import threading

import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from berakhlak import cerita as _cerita

LEBAR_SLIDE, TINGGI_SLIDE = Emu(12192000), Emu(6858000)  # 13,333 x 7,5 in: 16:9
TEPI = Inches(0.45)
PIKSEL_PER_INCI = 96  # charts are laid out at this density, then rendered at SKALA
SKALA = 2
WARNA_TEKS = RGBColor(0x1F, 0x1F, 0x1F)
WARNA_REDUP = RGBColor(0x55, 0x55, 0x55)

_kunci = threading.Lock()
_mulai = False


def _pastikan_renderer() -> None:
    """Start the kaleido renderer once (one chromium, reused by every deck)."""
    global _mulai
    with _kunci:
        if _mulai:
            return
        import kaleido

        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _mulai = True


def besarkan(fig: go.Figure, huruf: int, tick: int | None = None, data: int | None = None) -> go.Figure:
    """A copy of ``fig`` with its type set at ``huruf`` px (ticks ``tick``, texts in the
    plot ``data``): the same chart, readable on a projector or a printed slide."""
    tick = tick or huruf
    data = data or tick
    baru = go.Figure(copy.deepcopy(fig.to_dict()))
    baru.update_layout(font_size=huruf, legend_font_size=tick, hoverlabel_font_size=tick)
    baru.update_xaxes(tickfont_size=tick, title_font_size=huruf)
    baru.update_yaxes(tickfont_size=tick, title_font_size=huruf)
    for jejak in baru.data:
        if "textfont" in jejak._valid_props:
            jejak.textfont.size = data
    if baru.layout.uniformtext and baru.layout.uniformtext.minsize:
        baru.update_layout(uniformtext_minsize=min(data, baru.layout.uniformtext.minsize + data - 16))
    return baru


def png(fig: go.Figure, lebar_px: int, tinggi_px: int, skala: int = SKALA) -> bytes:
    """The chart as a PNG image of ``lebar_px`` x ``tinggi_px`` CSS pixels (times ``skala``)."""
    import kaleido

    _pastikan_renderer()
    fig = go.Figure(fig)
    fig.update_layout(width=lebar_px, height=tinggi_px)
    return kaleido.calc_fig_sync(fig, opts=dict(format="png", width=lebar_px, height=tinggi_px,
                                                scale=skala))


def _kotak_teks(slide, kiri, atas, lebar, tinggi, baris: list[str], ukuran: int, tebal=False,
                warna=WARNA_TEKS, poin=False):
    kotak = slide.shapes.add_textbox(kiri, atas, lebar, tinggi)
    tf = kotak.text_frame
    tf.word_wrap = True
    for i, teks in enumerate(baris):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = f"• {teks}" if poin else teks
        p.font.size = Pt(ukuran)
        p.font.bold = tebal
        p.font.color.rgb = warna
        p.space_after = Pt(ukuran * 0.35)
    return kotak


def _metrik(slide, blok: _cerita.Metrik, atas, tinggi) -> None:
    lebar = int((LEBAR_SLIDE - 2 * TEPI) / max(1, len(blok.butir)))
    for i, b in enumerate(blok.butir):
        kotak = slide.shapes.add_textbox(TEPI + i * lebar, atas, lebar, tinggi)
        tf = kotak.text_frame
        tf.word_wrap = True
        for j, (teks, ukuran, tebal, warna) in enumerate((
                (b.label, 18, False, WARNA_REDUP), (b.nilai, 48, True, WARNA_TEKS),
                (b.keterangan, 18, False, WARNA_REDUP))):
            if not teks:
                continue
            p = tf.paragraphs[0] if j == 0 else tf.add_paragraph()
            p.text = teks
            p.font.size, p.font.bold, p.font.color.rgb = Pt(ukuran), tebal, warna


def _tabel(slide, blok: _cerita.Tabel, kiri, atas, lebar, tinggi, lang: str) -> None:
    baris = [b.split(" | ") for b in _cerita.baris_tabel(blok, lang)]
    jumlah_baris, jumlah_kolom = len(baris), len(baris[0])
    tinggi_baris = min(int(tinggi / jumlah_baris), Inches(0.5))
    bentuk = slide.shapes.add_table(jumlah_baris, jumlah_kolom, kiri, atas, lebar,
                                    tinggi_baris * jumlah_baris)
    for i, isi in enumerate(baris):
        for j, teks in enumerate(isi):
            sel = bentuk.table.cell(i, j)
            sel.text = teks
            for p in sel.text_frame.paragraphs:
                p.font.size = Pt(16)
                p.font.bold = i == 0


def _gambar(slide, blok: _cerita.Grafik, kiri, atas, lebar, tinggi) -> None:
    lebar_px = int(lebar / Emu(Inches(1)) * PIKSEL_PER_INCI)
    tinggi_px = int(tinggi / Emu(Inches(1)) * PIKSEL_PER_INCI)
    gambar = png(besarkan(blok.figur, 18, 17, 17), lebar_px, tinggi_px)
    slide.shapes.add_picture(io.BytesIO(gambar), kiri, atas, lebar, tinggi)


def _isi_slide(slide, s: _cerita.Slide, lang: str) -> None:
    _kotak_teks(slide, TEPI, Inches(0.3), LEBAR_SLIDE - 2 * TEPI, Inches(0.7), [s.judul], 30, tebal=True)
    _kotak_teks(slide, TEPI, Inches(1.0), LEBAR_SLIDE - 2 * TEPI, Inches(0.9), [s.kalimat], 20)
    atas, bawah = Inches(2.0), Inches(6.85)
    grafik = [b for b in s.blok if isinstance(b, _cerita.Grafik)]
    tabel = [b for b in s.blok if isinstance(b, _cerita.Tabel)]
    for b in s.blok:
        if isinstance(b, _cerita.Metrik):
            _metrik(slide, b, atas, Inches(1.4))
            atas += Inches(1.5)
    catatan = [b for b in s.blok if isinstance(b, _cerita.Catatan)]
    if catatan and grafik:  # notes under a chart: a short band at the bottom
        baris = [t for c in catatan for t in c.butir]
        tinggi_catatan = Inches(0.32) * min(4, len(baris) + 1)
        bawah -= tinggi_catatan
        _kotak_teks(slide, TEPI, bawah, LEBAR_SLIDE - 2 * TEPI, tinggi_catatan, baris, 12, warna=WARNA_REDUP)
    elif catatan:
        for i, c in enumerate(catatan):
            ukuran = 24 if i == 0 and s.kunci == "panduan" else 18
            kotak = _kotak_teks(slide, TEPI, atas, LEBAR_SLIDE - 2 * TEPI, bawah - atas, list(c.butir), ukuran,
                                poin=True)
            atas += Emu(int(Pt(ukuran) * 1.6 * (len(c.butir) + 0.5)))
            del kotak
    lebar_isi = LEBAR_SLIDE - 2 * TEPI
    if grafik and tabel:
        kiri_lebar = int(lebar_isi * 0.58)
        _gambar(slide, grafik[0], TEPI, atas, kiri_lebar, bawah - atas)
        _tabel(slide, tabel[0], TEPI + kiri_lebar + Inches(0.2), atas, lebar_isi - kiri_lebar - Inches(0.2),
               bawah - atas, lang)
    elif grafik:
        _gambar(slide, grafik[0], TEPI, atas, lebar_isi, bawah - atas)
    elif tabel:
        _tabel(slide, tabel[0], TEPI, atas, lebar_isi, bawah - atas, lang)


def dek(c: _cerita.Cerita) -> bytes:
    """The story as a .pptx file (bytes): one slide per story slide, same titles and
    headlines, charts as images, speaker notes, provenance footer on each."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = LEBAR_SLIDE, TINGGI_SLIDE
    prs.core_properties.title = c.judul
    kosong = prs.slide_layouts[6]
    kaki = c.asal.baris(c.lang)
    for s in c.slide:
        slide = prs.slides.add_slide(kosong)
        slide.name = s.kunci
        _isi_slide(slide, s, c.lang)
        _kotak_teks(slide, TEPI, Inches(6.95), LEBAR_SLIDE - 2 * TEPI, Inches(0.45), [kaki], 10,
                    warna=WARNA_REDUP)
        slide.notes_slide.notes_text_frame.text = "\n".join([s.kalimat, *s.catatan_pembicara])
    keluar = io.BytesIO()
    prs.save(keluar)
    return keluar.getvalue()
