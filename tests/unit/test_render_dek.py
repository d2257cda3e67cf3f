"""The deck's layout (berakhlak/render_dek.py), checked as a presentation program lays it out.

LibreOffice found these in the deck (``scripts/dek_libreoffice.py``, see README): the table
beside the staff heat map broke «Kelompok», «Responden», «Fungsional» in the middle (four
equal columns too narrow for 16 pt), and text boxes sized by a guess could run into the next
box. Here the slides are laid out without LibreOffice: the text is measured with Liberation
Sans, the metric twin of Arial that the deck names (LibreOffice draws Arial with it), wrapped
word by word as a presentation program does, and compared with the boxes python-pptx reads
back. Charts are replaced by a blank image (kaleido is not needed: only their place counts).
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from berakhlak import blok, render_dek

pptx = pytest.importorskip("pptx")
ImageFont = pytest.importorskip("PIL.ImageFont")

EMU_PER_PT = 12700
FOLDER_HURUF = [Path("/usr/share/fonts/truetype/liberation"), Path("/usr/share/fonts/truetype/liberation2")]
TINGGI_BARIS = 1.15  # LibreOffice's single spacing of Liberation Sans (ascent + descent, rounded up)


def _berkas_huruf(tebal: bool) -> Path:
    nama = "LiberationSans-Bold.ttf" if tebal else "LiberationSans-Regular.ttf"
    for folder in FOLDER_HURUF:
        if (folder / nama).exists():
            return folder / nama
    pytest.skip("Liberation Sans (fonts-liberation) is not installed")


def _lebar(teks: str, pt: float, tebal: bool) -> float:
    """The width of ``teks`` in pt at ``pt`` points, measured with the font file."""
    huruf = ImageFont.truetype(str(_berkas_huruf(tebal)), 1000)
    return huruf.getlength(teks) * pt / 1000


def _baris(teks: str, pt: float, tebal: bool, lebar_pt: float) -> int:
    """Lines ``teks`` takes in a column ``lebar_pt`` wide (greedy word wrap)."""
    n, isi = 1, ""
    for kata in teks.split():
        coba = f"{isi} {kata}" if isi else kata
        if isi and _lebar(coba, pt, tebal) > lebar_pt:
            n, isi = n + 1, kata
        else:
            isi = coba
    return n


@pytest.fixture
def png_kosong(monkeypatch):
    """A blank PNG instead of a rendered chart."""
    from PIL import Image

    keluar = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(keluar, format="PNG")
    monkeypatch.setattr(render_dek, "png", lambda fig, w, h, skala=2: keluar.getvalue())


ASAL = blok.Asal(sumber="data sintetis (demo)", periode="2022", seleksi="Pemerintah Kabupaten Tegal", minimum=10,
                 tanggal="23 November 2026",
                 tautan="/?periode=2022&instansi=Pemerintah+Kabupaten+Tegal&tampilan=presentasi")
KALIMAT_PANJANG = ("Indeks BerAKHLAK Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi pada 2022 adalah "
                   "58,5 (B, Cukup Sehat), dari 7.819 responden; lebih rendah daripada nasional (60,9) sebesar "
                   "2,4 poin, melebihi margin kesalahan 95 % (±0,3).")
METODE = (
    "Indeks tiap nilai adalah rata-rata skor 0-100 responden; Indeks BerAKHLAK adalah rata-rata ketujuh indeks nilai.",
    "Kategori dari angka yang dibulatkan ke satu desimal: A Sehat 75,0-100; B Cukup Sehat 50,0-74,9; "
    "C Tidak Sehat 25,0-49,9; D di bawah 25,0.",
    "Setiap angka punya margin kesalahan 95 %; dua angka disebut berbeda hanya bila selisihnya melebihi margin "
    "gabungannya, selain itu «kurang lebih sama».",
    "Kerahasiaan: tidak ada angka dari kurang dari 10 responden; kelompok yang dapat dipakai untuk menghitung "
    "kelompok kecil dengan pengurangan ikut disembunyikan.",
)
DILEWATI = ("Slide «Di mana: …» dilewati: semua angkanya disembunyikan.",
            "Slide «Siapa: …» dilewati: semua angkanya disembunyikan.")


def _tabel_siapa() -> blok.Tabel:
    data = pd.DataFrame({"kelompok": ["Struktural", "Fungsional", "Pelaksana"], "indeks": [65.7, 63.2, 60.3],
                         "selisih": [3.4, 0.9, -2.0], "n": [550, 2980, 2243]})
    return blok.Tabel(data, {"kelompok": ("Kelompok", "teks"), "indeks": ("Indeks", "desimal"),
                             "selisih": ("Selisih dari indeks", "selisih"), "n": ("Responden", "bulat")})


def _cerita() -> blok.Cerita:
    fig = go.Figure(go.Bar(x=[1, 2], y=["a", "b"], orientation="h"))
    slide = [
        blok.Slide("indeks", "Indeks BerAKHLAK", KALIMAT_PANJANG, [
            blok.Metrik((blok.ButirMetrik("Indeks BerAKHLAK", "58,5", "± 0,3"),
                         blok.ButirMetrik("Kategori", "B", "Cukup Sehat"),
                         blok.ButirMetrik("Responden", "7.819"))),
            blok.Catatan(("Indeks ini lebih rendah daripada nasional (60,9) sebesar 2,4 poin, melebihi margin "
                          "kesalahan 95 % (±0,3).",))]),
        blok.Slide("nilai", "Tujuh nilai dan pembanding", KALIMAT_PANJANG, [
            blok.Metrik((blok.ButirMetrik("Nilai terlemah", "Berorientasi Pelayanan", "41,2"),
                         blok.ButirMetrik("Nilai terkuat", "Akuntabel", "75,2"))),
            blok.Grafik(fig)]),
        blok.Slide("siapa", "Siapa: menurut jenis jabatan", KALIMAT_PANJANG,
                   [blok.Grafik(fig), _tabel_siapa()]),
        blok.Slide("metode", "Metode dan kerahasiaan", KALIMAT_PANJANG,
                   [blok.Catatan(METODE), blok.Catatan(DILEWATI)]),
    ]
    return blok.Cerita("BerAKHLAK", "id", slide, ASAL, "BerAKHLAK_uji_2022.pptx")


@pytest.fixture
def dek(png_kosong):
    return pptx.Presentation(io.BytesIO(render_dek.dek(_cerita())))


def _paragraf(bentuk):
    if bentuk.has_text_frame:
        yield from bentuk.text_frame.paragraphs
    elif bentuk.has_table:
        for baris in bentuk.table.rows:
            for sel in baris.cells:
                yield from sel.text_frame.paragraphs


def _tinggi_isi(bentuk) -> float:
    """The height (pt) the text of a text box takes when laid out in Liberation Sans."""
    tf = bentuk.text_frame
    tinggi = (tf.margin_top + tf.margin_bottom) / EMU_PER_PT
    lebar_pt = (bentuk.width - tf.margin_left - tf.margin_right) / EMU_PER_PT
    paragraf = [p for p in tf.paragraphs if p.text]
    for i, p in enumerate(paragraf):
        pt = p.font.size.pt
        marL = int(p._p.pPr.get("marL", "0")) if p._p.pPr is not None else 0
        tinggi += _baris(p.text, pt, bool(p.font.bold), lebar_pt - marL / EMU_PER_PT) * pt * TINGGI_BARIS
        if i < len(paragraf) - 1:  # the space after the last paragraph is not drawn
            tinggi += p.space_after.pt if p.space_after is not None else 0
    return tinggi


def test_setiap_teks_bernama_arial(dek):
    """Every run names Arial (PowerPoint: Arial; LibreOffice: Liberation Sans, the same
    widths): the layout holds in both. Before, no font was named: the theme's Calibri,
    which LibreOffice on Debian draws with the much wider DejaVu Sans."""
    for slide in dek.slides:
        for bentuk in slide.shapes:
            for p in _paragraf(bentuk):
                if p.text:
                    assert p.font.name == "Arial", (slide.name, p.text)


def test_tabel_tidak_memotong_kata(dek):
    """The table beside the heat map: every column as wide as its longest word at the
    table's font size (the header in bold). Before: four equal columns at 16 pt, and
    LibreOffice printed «Kelomp / ok», «Respon / den», «Fungsion / al»."""
    slide = next(s for s in dek.slides if s.name == "siapa")
    tabel = next(b for b in slide.shapes if b.has_table).table
    for j, kolom in enumerate(tabel.columns):
        for i, baris in enumerate(tabel.rows):
            sel = baris.cells[j]
            ruang = (kolom.width - sel.margin_left - sel.margin_right) / EMU_PER_PT
            for p in sel.text_frame.paragraphs:
                for kata in p.text.split():
                    assert _lebar(kata, p.font.size.pt, i == 0) <= ruang, (kata, p.font.size.pt, ruang)
    # the table ends above the footer
    bentuk = next(b for b in slide.shapes if b.has_table)
    kaki = max(slide.shapes, key=lambda b: b.top)
    assert bentuk.top + sum(r.height for r in tabel.rows) <= kaki.top


def test_angka_metrik_satu_baris(dek):
    """A headline figure that is a value's name (the longest, «Berorientasi Pelayanan») fits
    its column on one line. Before: 48 pt bold in half the slide, two lines, running into
    the chart below."""
    slide = next(s for s in dek.slides if s.name == "nilai")
    nama = [b for b in slide.shapes if b.has_text_frame and "Berorientasi Pelayanan" in b.text_frame.text]
    assert nama
    for bentuk in nama:
        tf = bentuk.text_frame
        ruang = (bentuk.width - tf.margin_left - tf.margin_right) / EMU_PER_PT
        p = next(p for p in tf.paragraphs if p.text == "Berorientasi Pelayanan")
        assert _lebar(p.text, p.font.size.pt, True) <= ruang, (p.font.size.pt, ruang)
        assert p.font.size.pt >= 24


def test_teks_tidak_menabrak_bentuk_berikutnya(dek):
    """Laid out in Liberation Sans, the text of every text box ends above the next shape
    below it (title, headline, figures, lists, chart, table, footer) and inside the slide.
    Before: the headline box was a fixed 0.9 in (a three-line headline ran into the
    figures), and the method slide's second list was placed by counting paragraphs, not
    lines (the skipped-slide notes were printed over the method's wrapped bullets)."""
    tinggi_slide = dek.slide_height / EMU_PER_PT
    for slide in dek.slides:
        bentuk = list(slide.shapes)
        for a in bentuk:
            if not a.has_text_frame or not a.text_frame.text.strip():
                continue
            atas = a.top / EMU_PER_PT
            bawah_teks = atas + _tinggi_isi(a)
            assert bawah_teks <= tinggi_slide, (slide.name, a.text_frame.text[:40])
            for b in bentuk:
                if b is a or b.top <= a.top:
                    continue
                sejajar = min(a.left + a.width, b.left + b.width) > max(a.left, b.left)
                if sejajar:
                    assert bawah_teks <= b.top / EMU_PER_PT + 0.5, (
                        slide.name, a.text_frame.text[:40], "runs into", b.name, bawah_teks, b.top / EMU_PER_PT)


def test_ukuran_teks_sama_dengan_huruf():
    """The deck's own width table is Arial's: never narrower than Liberation Sans measures
    (so a box sized with it is never too small), and at most a few per cent wider."""
    for teks in (KALIMAT_PANJANG, *METODE, *DILEWATI, "Berorientasi Pelayanan", "Selisih dari indeks"):
        for tebal in (False, True):
            ukur = _lebar(teks, 20, tebal)
            hitung = render_dek.lebar_teks(teks, 20, tebal)
            assert ukur - 0.5 <= hitung <= ukur * 1.03, (teks, tebal, ukur, hitung)


def test_peta_panas_diberi_ruang(monkeypatch):
    """The heat map beside the table is laid out wide enough for its cells' texts, and they
    are not enlarged past the size they were designed for. Before: laid out at 96 px per inch
    of its box (692 px) with every text enlarged to 17 px, so «ikut disembunyikan» ran over the
    neighbouring cells (LibreOffice's page of Jawa Tengah showed it)."""
    dipanggil = []
    monkeypatch.setattr(render_dek, "png", lambda fig, w, h, skala=2: dipanggil.append((fig, w, h)) or _png_putih())
    kolom = ["Berorientasi<br>Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]
    baris = ["Struktural", "Fungsional", "Pelaksana"]
    fig = go.Figure(go.Heatmap(z=[[1] * 7, [None] * 7, [2] * 7], x=kolom, y=baris,
                               text=[["62,3"] * 7, ["ikut<br>disembunyikan"] * 7, ["56,6"] * 7],
                               texttemplate="%{text}", textfont=dict(size=15)))
    fig.update_layout(font_size=17, xaxis_tickfont_size=15, yaxis_tickfont_size=16)
    slide = blok.Slide("siapa", "Siapa: menurut jenis jabatan", "Paling jauh dari indeks 61,2.",
                       [blok.Grafik(fig), _tabel_siapa()])
    render_dek.dek(blok.Cerita("BerAKHLAK", "id", [slide], ASAL, "x.pptx"))
    (digambar, lebar_px, _), = dipanggil
    ukuran = digambar.data[0].textfont.size
    assert ukuran <= 15
    label = max(_lebar(b, digambar.layout.yaxis.tickfont.size or 17, False) for b in baris)
    sel = (lebar_px - label - 80) / len(kolom)  # the plot area (margins ~80 px) shared by 7 columns
    assert _lebar("disembunyikan", ukuran, False) <= sel - 3, (lebar_px, ukuran, sel)


def _png_putih() -> bytes:
    from PIL import Image

    keluar = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(keluar, format="PNG")
    return keluar.getvalue()
