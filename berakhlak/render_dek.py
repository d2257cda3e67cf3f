"""The take-home deck: a story (:mod:`berakhlak.cerita`) as a 16:9 PowerPoint file.

Titles, headline sentences, metrics, tables and notes are real, editable text; charts are PNG
images rendered offline by Plotly's kaleido driving Debian's chromium (no MathJax, plotly.js
from the installed plotly package: nothing is fetched). One renderer is started on first use
and reused. Speaker notes carry the exact figures and margins; every slide has the
provenance footer.

Layout: every run names Arial (LibreOffice draws it with Liberation Sans, the same widths),
every text box is as tall as its text measured with Arial's widths (:func:`lebar_teks`),
blocks are stacked from the top and the chart takes the room that is left; table columns are
at least as wide as their longest word. ``scripts/dek_libreoffice.py`` (``make dek``) checks
the result as LibreOffice lays it out.
"""

from __future__ import annotations

import copy
import io
import threading

import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from berakhlak import cerita as _cerita

LEBAR_SLIDE, TINGGI_SLIDE = Emu(12192000), Emu(6858000)  # 13,333 x 7,5 in: 16:9
TEPI = Inches(0.45)
PIKSEL_PER_INCI = 96  # charts are laid out at this density, then rendered at SKALA
SKALA = 2
WARNA_TEKS = RGBColor(0x1F, 0x1F, 0x1F)
WARNA_REDUP = RGBColor(0x55, 0x55, 0x55)
# Named on every run: PowerPoint draws Arial, LibreOffice its metric twin Liberation Sans, so
# both break the lines at the same places (the theme's Calibri becomes DejaVu Sans, a wider
# font, in LibreOffice on Debian, and the layout below would no longer hold).
HURUF = "Arial"
SISIP_X, SISIP_Y = Inches(0.1), Inches(0.05)  # the text frame's (and a table cell's) default insets
TINGGI_BARIS = 1.2  # line height in em (single spacing)
SPASI_PARAGRAF = 0.35  # space after a paragraph, in em

# Arial's advance widths (1/1000 em; Liberation Sans has the same), regular and bold: enough to
# lay a slide out without a font file. A character not listed counts as the widest.
_LEBAR_HURUF = {
    False: {191: "'", 222: "ijl", 260: "|", 278: "ftI .,;:!/·", 333: "r()-", 355: '"',
            500: "cksvxyzJ", 549: "±", 556: "abdeghnopquL0123456789?–«»", 584: "+=<>",
            611: "FTZ", 667: "ABEKPSVXY&", 722: "wCDHNRU", 778: "GOQ", 833: "mM", 889: "%",
            944: "W", 1000: "—"},
    True: {238: "'", 278: "ijl .,·/I", 280: "|", 333: "ft;:!()-", 389: "r", 474: '"', 500: "z",
           549: "±", 556: "aceksvxyJ0123456789–«»", 584: "+=<>", 611: "bdghnopquLFTZ?",
           667: "EPSVXY", 722: "ABCDHKNRU&", 778: "wGOQ", 833: "M", 889: "m%", 944: "W", 1000: "—"},
}
_LEBAR = {tebal: {c: w for w, cs in tabel.items() for c in cs} for tebal, tabel in _LEBAR_HURUF.items()}


def lebar_teks(teks: str, ukuran: float, tebal: bool = False) -> float:
    """The width of ``teks`` in points at ``ukuran`` pt in Arial."""
    tabel = _LEBAR[tebal]
    return sum(tabel.get(c, 1000) for c in teks) * ukuran / 1000


def jumlah_baris(teks: str, ukuran: float, lebar_pt: float, tebal: bool = False) -> int:
    """How many lines ``teks`` takes in a column ``lebar_pt`` wide (greedy word wrap, a word
    wider than the column broken as a presentation program does)."""
    spasi = lebar_teks(" ", ukuran, tebal)
    n, baris = 1, 0.0
    for kata in teks.split():
        w = lebar_teks(kata, ukuran, tebal)
        if baris and baris + spasi + w > lebar_pt:
            n, baris = n + 1, w
        else:
            baris += (spasi if baris else 0) + w
        while baris > lebar_pt:
            n, baris = n + 1, baris - lebar_pt
    return n


def tinggi_teks(paragraf: list[tuple[str, float, bool]], lebar: int, indent: int = 0) -> int:
    """The height (EMU) a text box ``lebar`` wide needs for ``paragraf`` (text, size in pt,
    bold), insets and the space after each paragraph included."""
    lebar_pt = (lebar - 2 * SISIP_X - indent) / 12700
    tinggi = sum(jumlah_baris(t, u, lebar_pt, b) * u * TINGGI_BARIS + u * SPASI_PARAGRAF
                 for t, u, b in paragraf if t)
    return int(Pt(tinggi)) + 2 * SISIP_Y

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


def _huruf(p, ukuran: float, tebal: bool = False, warna=WARNA_TEKS) -> None:
    p.font.name = HURUF
    p.font.size = Pt(ukuran)
    p.font.bold = tebal
    p.font.color.rgb = warna


def _poin(p, ukuran: float) -> int:
    """A real bullet with a hanging indent (wrapped lines start under the text, not under
    the bullet); returns the indent (EMU)."""
    indent = int(Pt(ukuran * 0.9))
    pPr = p._p.get_or_add_pPr()
    pPr.set("marL", str(indent))
    pPr.set("indent", str(-indent))
    for anak in list(pPr):
        if anak.tag.endswith(("}buNone", "}buChar", "}buFont")):
            pPr.remove(anak)
    font = pPr.makeelement(qn("a:buFont"), {"typeface": HURUF})
    char = pPr.makeelement(qn("a:buChar"), {"char": "•"})
    pPr.append(font)
    pPr.append(char)
    return indent


def _kotak_teks(slide, kiri, atas, lebar, baris: list[str], ukuran: float, tebal=False,
                warna=WARNA_TEKS, poin=False) -> int:
    """A text box at (kiri, atas), ``lebar`` wide and as tall as its text; returns its height."""
    indent = int(Pt(ukuran * 0.9)) if poin else 0
    tinggi = tinggi_teks([(t, ukuran, tebal) for t in baris], lebar, indent)
    kotak = slide.shapes.add_textbox(kiri, atas, lebar, tinggi)
    tf = kotak.text_frame
    tf.word_wrap = True
    tf.margin_left = tf.margin_right = SISIP_X
    tf.margin_top = tf.margin_bottom = SISIP_Y
    for i, teks in enumerate(baris):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.text = teks
        _huruf(p, ukuran, tebal, warna)
        p.line_spacing = TINGGI_BARIS / 1.2  # proportional: 1.0 is the font's single spacing
        p.space_after = Pt(ukuran * SPASI_PARAGRAF)
        if poin:
            _poin(p, ukuran)
    return tinggi


UKURAN_METRIK = (18, 48, 18)  # label, figure, line under it (pt)
UKURAN_METRIK_GRAFIK = (16, 32, 16)  # above a chart: smaller, the chart needs the room


def _ukuran_angka(blok: _cerita.Metrik, lebar: int, ukuran: float) -> float:
    """The figures' size: ``ukuran``, smaller (not below 24) when a figure (a value's name
    such as «Berorientasi Pelayanan») would not fit its column on one line."""
    ruang = (lebar - 2 * SISIP_X) / 12700
    while ukuran > 24 and any(lebar_teks(b.nilai, ukuran, True) > ruang for b in blok.butir):
        ukuran -= 2
    return ukuran


def _metrik(slide, blok: _cerita.Metrik, atas, ada_grafik: bool = False) -> int:
    """A row of headline figures; returns its height."""
    lebar = int((LEBAR_SLIDE - 2 * TEPI) / max(1, len(blok.butir)))
    label, angka, ket = UKURAN_METRIK_GRAFIK if ada_grafik else UKURAN_METRIK
    angka = _ukuran_angka(blok, lebar, angka)
    isi = [[(t, u, tb, w) for t, u, tb, w in ((b.label, label, False, WARNA_REDUP), (b.nilai, angka, True, WARNA_TEKS),
                                             (b.keterangan, ket, False, WARNA_REDUP)) if t] for b in blok.butir]
    tinggi = max(int(Pt(sum(jumlah_baris(t, u, (lebar - 2 * SISIP_X) / 12700, tb) * u * TINGGI_BARIS
                            for t, u, tb, _ in baris))) + 2 * SISIP_Y for baris in isi)
    for i, baris in enumerate(isi):
        kotak = slide.shapes.add_textbox(TEPI + i * lebar, atas, lebar, tinggi)
        tf = kotak.text_frame
        tf.word_wrap = True
        tf.margin_left = tf.margin_right = SISIP_X
        tf.margin_top = tf.margin_bottom = SISIP_Y
        for j, (teks, ukuran, tebal, warna) in enumerate(baris):
            p = tf.paragraphs[0] if j == 0 else tf.add_paragraph()
            p.text = teks
            _huruf(p, ukuran, tebal, warna)
            p.line_spacing = TINGGI_BARIS / 1.2
            p.space_after = Pt(0)
    return tinggi


def _tata_tabel(baris: list[list[str]], lebar: int, tinggi: int) -> tuple[float, list[int], list[int]]:
    """The table's font size (16 pt, smaller down to 10 until it fits ``lebar`` x ``tinggi``),
    its column widths and row heights (EMU). Every column is at least as wide as its longest
    word (a header's in bold), so no word is broken in the middle («Pelaksan / a»); the rest
    of the width is shared out by how long the columns' texts are."""
    margin = 2 * SISIP_X + int(Pt(2))
    jumlah_kolom = len(baris[0])
    for ukuran in (16, 15, 14, 13, 12, 11, 10):
        minimum = [int(Pt(max(lebar_teks(kata, ukuran, i == 0) for i, isi in enumerate(baris)
                                for kata in (isi[j].split() or [""])))) + margin for j in range(jumlah_kolom)]
        if sum(minimum) > lebar:
            continue
        perlu = [max(int(Pt(lebar_teks(isi[j], ukuran, i == 0))) + margin for i, isi in enumerate(baris))
                 for j in range(jumlah_kolom)]
        tambah = [max(0, pr - mn) for pr, mn in zip(perlu, minimum, strict=True)]
        sisa = lebar - sum(minimum)
        if sum(tambah) > sisa:  # not every text on one line: share the rest by what is missing
            kolom = [mn + int(sisa * t / sum(tambah)) for mn, t in zip(minimum, tambah, strict=True)]
        else:  # everything on one line: no wider than needed
            kolom = [mn + t for mn, t in zip(minimum, tambah, strict=True)]
        tinggi_baris = [int(Pt(max(jumlah_baris(teks, ukuran, (w - 2 * SISIP_X) / 12700, i == 0)
                                   for teks, w in zip(isi, kolom, strict=True)) * ukuran * TINGGI_BARIS))
                        + 2 * SISIP_Y for i, isi in enumerate(baris)]
        if sum(tinggi_baris) <= tinggi:
            break
    return ukuran, kolom, tinggi_baris


def _tabel(slide, blok: _cerita.Tabel, kiri, atas, lebar, tinggi, lang: str) -> None:
    baris = [b.split(" | ") for b in _cerita.baris_tabel(blok, lang)]
    ukuran, kolom, tinggi_baris = _tata_tabel(baris, lebar, tinggi)
    bentuk = slide.shapes.add_table(len(baris), len(kolom), kiri, atas, sum(kolom), sum(tinggi_baris))
    for j, w in enumerate(kolom):
        bentuk.table.columns[j].width = w
    for i, isi in enumerate(baris):
        bentuk.table.rows[i].height = tinggi_baris[i]
        for j, teks in enumerate(isi):
            sel = bentuk.table.cell(i, j)
            sel.margin_left = sel.margin_right = SISIP_X
            sel.margin_top = sel.margin_bottom = SISIP_Y
            sel.text = teks
            for p in sel.text_frame.paragraphs:
                p.font.name = HURUF
                p.font.size = Pt(ukuran)
                p.font.bold = i == 0


LEBAR_TATA_MIN = 900  # px: a chart is laid out at least this wide, then fitted into its box


def ukuran_tata(lebar: int, tinggi: int) -> tuple[int, int]:
    """The CSS pixel size a chart in a ``lebar`` x ``tinggi`` box (EMU) is laid out at: 96 px
    per inch, or wider at the box's proportions when the box is narrow (beside a table), so
    the chart keeps the room its labels were designed for (a heat map's cells, «ikut
    disembunyikan» and English headers such as «Harmonious»), and is scaled down whole."""
    lebar_px = lebar / Emu(Inches(1)) * PIKSEL_PER_INCI
    tinggi_px = tinggi / Emu(Inches(1)) * PIKSEL_PER_INCI
    kali = max(1.0, LEBAR_TATA_MIN / lebar_px)
    return int(lebar_px * kali), int(tinggi_px * kali)


def _gambar(slide, blok: _cerita.Grafik, kiri, atas, lebar, tinggi) -> None:
    lebar_px, tinggi_px = ukuran_tata(lebar, tinggi)
    # a heat map's cell texts are sized for its cells: not enlarged
    panas = any(j.type == "heatmap" for j in blok.figur.data)
    fig = blok.figur if panas else besarkan(blok.figur, 18, 17, 17)
    gambar = png(fig, lebar_px, tinggi_px)
    slide.shapes.add_picture(io.BytesIO(gambar), kiri, atas, lebar, tinggi)


JARAK = Inches(0.12)  # between blocks
UKURAN_KAKI = 10


def _isi_slide(slide, s: _cerita.Slide, lang: str, bawah: int) -> None:
    """Title, headline, then the blocks stacked down to the footer: every box as tall as
    its text (so nothing runs into the next), the chart taking the room that is left; a
    list that would not fit is set smaller."""
    lebar_isi = LEBAR_SLIDE - 2 * TEPI
    atas = Inches(0.3)
    atas += _kotak_teks(slide, TEPI, atas, lebar_isi, [s.judul], 30, tebal=True)
    atas += _kotak_teks(slide, TEPI, atas, lebar_isi, [s.kalimat], 20) + JARAK
    grafik = [b for b in s.blok if isinstance(b, _cerita.Grafik)]
    tabel = [b for b in s.blok if isinstance(b, _cerita.Tabel)]
    for b in s.blok:
        if isinstance(b, _cerita.Metrik):
            atas += _metrik(slide, b, atas, bool(grafik)) + JARAK
    catatan = [b for b in s.blok if isinstance(b, _cerita.Catatan)]
    if catatan and grafik:  # notes under a chart: a band at the bottom
        baris = [t for c in catatan for t in c.butir]
        tinggi_catatan = tinggi_teks([(t, 14, False) for t in baris], lebar_isi)
        bawah -= tinggi_catatan
        _kotak_teks(slide, TEPI, bawah, lebar_isi, baris, 14, warna=WARNA_REDUP)
        bawah -= JARAK
    elif catatan:
        _daftar(slide, s, catatan, atas, bawah - atas)
    if grafik and tabel:
        kiri_lebar = int(lebar_isi * 0.64)  # the heat map; the table sets its type to fit the rest
        _gambar(slide, grafik[0], TEPI, atas, kiri_lebar, bawah - atas)
        _tabel(slide, tabel[0], TEPI + kiri_lebar + Inches(0.2), atas, lebar_isi - kiri_lebar - Inches(0.2),
               bawah - atas, lang)
    elif grafik:
        _gambar(slide, grafik[0], TEPI, atas, lebar_isi, bawah - atas)
    elif tabel:
        _tabel(slide, tabel[0], TEPI, atas, lebar_isi, bawah - atas, lang)


def _daftar(slide, s: _cerita.Slide, catatan: list[_cerita.Catatan], atas, ruang) -> None:
    """The slide's lists, one text box each, stacked: the behaviour guide's first list at
    24 pt, the others at 18 pt, all set smaller until they fit ``ruang``."""
    lebar_isi = LEBAR_SLIDE - 2 * TEPI
    dasar = [24 if i == 0 and s.kunci == "panduan" else 18 for i in range(len(catatan))]
    for skala in (1.0, 0.9, 0.8, 0.7, 0.6):
        ukuran = [u * skala for u in dasar]
        tinggi = [tinggi_teks([(t, u, False) for t in c.butir], lebar_isi, int(Pt(u * 0.9)))
                  for c, u in zip(catatan, ukuran, strict=True)]
        if sum(tinggi) + JARAK * (len(catatan) - 1) <= ruang:
            break
    for c, u in zip(catatan, ukuran, strict=True):
        atas += _kotak_teks(slide, TEPI, atas, lebar_isi, list(c.butir), u, poin=True) + JARAK


def dek(c: _cerita.Cerita) -> bytes:
    """The story as a .pptx file (bytes): one slide per story slide, same titles and
    headlines, charts as images, speaker notes, provenance footer on each."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = LEBAR_SLIDE, TINGGI_SLIDE
    prs.core_properties.title = c.judul
    kosong = prs.slide_layouts[6]
    kaki = c.asal.baris(c.lang)
    lebar_isi = LEBAR_SLIDE - 2 * TEPI
    atas_kaki = TINGGI_SLIDE - Inches(0.08) - tinggi_teks([(kaki, UKURAN_KAKI, False)], lebar_isi)
    for s in c.slide:
        slide = prs.slides.add_slide(kosong)
        slide.name = s.kunci
        _isi_slide(slide, s, c.lang, atas_kaki - JARAK)
        _kotak_teks(slide, TEPI, atas_kaki, lebar_isi, [kaki], UKURAN_KAKI, warna=WARNA_REDUP)
        slide.notes_slide.notes_text_frame.text = "\n".join([s.kalimat, *s.catatan_pembicara])
    keluar = io.BytesIO()
    prs.save(keluar)
    return keluar.getvalue()
