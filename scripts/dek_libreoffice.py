"""The take-home deck opened by a real presentation program: LibreOffice Impress (headless).

    .venv/bin/python scripts/dek_libreoffice.py OUT_DIR [--instansi NAME] [--periode 2022]
        [--unit-kerja ..] [--provinsi ..] [--kabupaten-kota ..] [--jenis-instansi ..]
        [--banding nasional] [--lang id] [--resolusi 50] [--data DIR]

Builds the deck of a selection (default: Pemerintah Kabupaten Tegal, 2022, on the demo data)
exactly as the «Unduh deck (.pptx)» button does (``render_proyektor.byte_dek``), saves it as
OUT_DIR/<file name>.pptx, converts it with ``soffice --headless --convert-to pdf`` and
``pdftoppm`` into OUT_DIR/<file name>.pdf and OUT_DIR/halaman-N.png, and checks every page of
what LibreOffice laid out:

  - the page count equals the story's slide count;
  - the page's text (``pdftotext``) holds that slide's title, its headline sentence and the
    whole provenance footer (source, period, selection, minimum group, date, link);
  - no word lies outside the page (``pdftotext -bbox-layout`` coordinates);
  - every word of the slide's text boxes and table cells is on the page whole (not broken in
    the middle because its column is too narrow; breaks after a hyphen or slash are fine);
  - no two text lines overlap (a title or list running into the next text box or the footer);
  - no text line lies on a chart image (positions of the pictures read from the .pptx).

Prints one row per page and exits 1 when any check fails (2 when LibreOffice or poppler is
missing). Not part of ``make test`` (LibreOffice is heavy); ``make dek`` runs it.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))

EMU_PER_PT = 12700
TOLERANSI = 0.5  # pt: rounding of the coordinates
TUMPANG_MIN = 2.0  # pt: two lines overlapping less than this in both directions do not count


def _satukan(teks: str) -> str:
    """Text without any whitespace: LibreOffice wraps lines where it likes (links included)."""
    return "".join(teks.split())


def _jalankan(perintah: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(perintah, check=True, capture_output=True, text=True, **kw)


def konversi(pptx: Path, keluar: Path, resolusi: int) -> tuple[Path, list[Path]]:
    """The deck as PDF (LibreOffice, its own throwaway profile) and one PNG per page."""
    with tempfile.TemporaryDirectory(prefix="dek-lo-profil-") as profil:
        _jalankan(["soffice", f"-env:UserInstallation=file://{profil}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(keluar), str(pptx)], timeout=600)
    pdf = keluar / (pptx.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"LibreOffice made no PDF of {pptx}")
    for lama in keluar.glob("halaman-*.png"):
        lama.unlink()
    _jalankan(["pdftoppm", "-png", "-r", str(resolusi), str(pdf), str(keluar / "halaman")])
    return pdf, sorted(keluar.glob("halaman-*.png"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1]))


def kata_halaman(pdf: Path) -> list[dict]:
    """Per page: its size (pt), its words and its text lines with their boxes (pdftotext)."""
    xml = _jalankan(["pdftotext", "-bbox-layout", str(pdf), "-"]).stdout
    xml = re.sub(r'\sxmlns="[^"]+"', "", xml, count=1)
    akar = ET.fromstring(xml)
    halaman = []
    for hal in akar.iter("page"):
        kotak = lambda e: tuple(float(e.get(a)) for a in ("xMin", "yMin", "xMax", "yMax"))  # noqa: E731
        baris = []
        for ln in hal.iter("line"):
            kata = [w.text or "" for w in ln.iter("word")]
            baris.append((kotak(ln), " ".join(kata)))
        halaman.append({"lebar": float(hal.get("width")), "tinggi": float(hal.get("height")),
                        "kata": [(kotak(w), w.text or "") for w in hal.iter("word")], "baris": baris})
    return halaman


def teks_halaman(pdf: Path, nomor: int) -> str:
    return _jalankan(["pdftotext", "-f", str(nomor), "-l", str(nomor), str(pdf), "-"]).stdout


def _inti(kotak, bagian: float = 0.2):
    """A line's box without the top and bottom ``bagian`` of its height: the font's ascent
    and descent of two lines that follow each other may touch, their letters do not."""
    x0, y0, x1, y1 = kotak
    h = (y1 - y0) * bagian
    return (x0, y0 + h, x1, y1 - h)


def _tumpang(a, b) -> bool:
    return (min(a[2], b[2]) - max(a[0], b[0]) > TUMPANG_MIN
            and min(a[3], b[3]) - max(a[1], b[1]) > TUMPANG_MIN)


def gambar_slide(prs) -> list[list[tuple[float, float, float, float]]]:
    """Per slide: the boxes (pt) of its pictures, the chart images."""
    hasil = []
    for slide in prs.slides:
        hasil.append([(b.left / EMU_PER_PT, b.top / EMU_PER_PT, (b.left + b.width) / EMU_PER_PT,
                       (b.top + b.height) / EMU_PER_PT) for b in slide.shapes if b.shape_type == 13])
    return hasil


def kata_slide(slide) -> list[str]:
    """The words of a slide's text boxes and table cells, as the .pptx holds them."""
    teks = []
    for b in slide.shapes:
        if b.has_text_frame:
            teks.append(b.text_frame.text)
        elif b.has_table:
            teks.extend(sel.text for baris in b.table.rows for sel in baris.cells)
    return [k for t in teks for k in t.split()]


def _utuh(kata: str, di_pdf: set[str]) -> bool:
    """``kata`` is on the page whole: as one word, or broken only after a hyphen or slash."""
    return kata in di_pdf or all(b in di_pdf for b in re.split(r"(?<=[-/–])(?=.)", kata))


def periksa(c, prs, pdf: Path) -> tuple[list[dict], list[str]]:
    """One row per page (the checks) and the list of failures."""
    halaman = kata_halaman(pdf)
    gagal = []
    if len(halaman) != len(c.slide):
        gagal.append(f"{len(halaman)} pages for {len(c.slide)} slides")
    kaki = c.asal.baris(c.lang)
    gambar = gambar_slide(prs)
    baris_tabel = []
    for i, (s, hal) in enumerate(zip(c.slide, halaman, strict=False), start=1):
        teks = _satukan(teks_halaman(pdf, i))
        skala = hal["lebar"] / (prs.slide_width / EMU_PER_PT)
        luar = [w for kotak, w in hal["kata"]
                if kotak[0] < -TOLERANSI or kotak[1] < -TOLERANSI
                or kotak[2] > hal["lebar"] + TOLERANSI or kotak[3] > hal["tinggi"] + TOLERANSI]
        di_pdf = {w for _, w in hal["kata"]}
        patah = [k for k in kata_slide(prs.slides[i - 1]) if k != c.asal.tautan and not _utuh(k, di_pdf)]
        garis = hal["baris"]
        tumpang = [f"«{a[1][:30]}» / «{b[1][:30]}»" for j, a in enumerate(garis) for b in garis[j + 1:]
                   if _tumpang(_inti(a[0]), _inti(b[0]))]
        di_gambar = [f"«{t[:30]}»" for kotak, t in garis for g in gambar[i - 1]
                     if _tumpang(_inti(kotak), tuple(x * skala for x in g))]
        cek = {
            "judul": _satukan(s.judul) in teks,
            "kalimat": _satukan(s.kalimat) in teks,
            "kaki": _satukan(kaki) in teks,
            "di halaman": not luar,
            "utuh": not patah,
            "tumpang": not tumpang,
            "di grafik": not di_gambar,
        }
        rincian = [*(f"outside the page: {w}" for w in luar[:3]), *(f"broken: {k}" for k in patah[:3]), *tumpang[:3], *(f"on the chart: {t}" for t in di_gambar[:3])]
        for nama, ok in cek.items():
            if not ok:
                gagal.append(f"page {i} ({s.kunci}): {nama}" + (f" – {'; '.join(rincian)}" if rincian else ""))
        baris_tabel.append({"halaman": i, "slide": s.kunci, "gambar": len(gambar[i - 1]), **cek})
    return baris_tabel, gagal


def cetak(baris: list[dict]) -> None:
    kolom = ["halaman", "slide", "gambar", "judul", "kalimat", "kaki", "di halaman", "utuh", "tumpang", "di grafik"]
    kepala = {"halaman": "page", "slide": "slide", "gambar": "charts", "judul": "title", "kalimat": "headline",
              "kaki": "footer", "di halaman": "on page", "utuh": "whole words", "tumpang": "no overlap", "di grafik": "off charts"}
    lebar = {k: max(len(kepala[k]), 8) for k in kolom}
    lebar["slide"] = max(lebar["slide"], *(len(b["slide"]) for b in baris)) if baris else 8
    print("  ".join(kepala[k].ljust(lebar[k]) for k in kolom))
    for b in baris:
        sel = [("ok" if b[k] else "FAIL") if isinstance(b[k], bool) else str(b[k]) for k in kolom]
        print("  ".join(x.ljust(lebar[k]) for x, k in zip(sel, kolom, strict=True)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("keluar", type=Path, help="folder for the .pptx, the .pdf and the page PNGs")
    ap.add_argument("--instansi", default="Pemerintah Kabupaten Tegal", help='"" for none')
    for kolom in ("jenis_instansi", "provinsi", "kabupaten_kota", "unit_kerja"):
        ap.add_argument("--" + kolom.replace("_", "-"), dest=kolom, default=None)
    ap.add_argument("--periode", type=int, default=2022)
    ap.add_argument("--banding", default="nasional", choices=("nasional", "provinsi", "jenis"))
    ap.add_argument("--lang", default="id", choices=("id", "en"))
    ap.add_argument("--resolusi", type=int, default=50, help="PNG resolution (dpi), default 50")
    ap.add_argument("--data", default=None, help="data folder (default: an empty one, so the demo data)")
    arg = ap.parse_args()
    for alat in ("soffice", "pdftoppm", "pdftotext"):
        if shutil.which(alat) is None:
            print(f"{alat} is missing: apt-get install -y libreoffice-impress poppler-utils", file=sys.stderr)
            return 2
    os.environ["BERAKHLAK_DATA_DIR"] = arg.data or tempfile.mkdtemp(prefix="dek-data-kosong-")
    os.environ.setdefault("BERAKHLAK_POLA_LATAR", "0")

    from pptx import Presentation

    from berakhlak import cerita, layanan, render_proyektor
    from berakhlak.layanan import Pilihan

    k = layanan.keadaan_lengkap()
    pilihan = Pilihan(periode=arg.periode, instansi=arg.instansi or None, jenis_instansi=arg.jenis_instansi,
                      provinsi=arg.provinsi, kabupaten_kota=arg.kabupaten_kota, unit_kerja=arg.unit_kerja)
    c = cerita.cerita_lokakarya(k, pilihan, arg.banding, arg.lang)
    # the desk pages' button: no story handed over, the deck builds the selection's own
    data = render_proyektor.byte_dek(None, k, pilihan, arg.banding, arg.lang)
    arg.keluar.mkdir(parents=True, exist_ok=True)
    pptx = arg.keluar / c.nama_berkas
    pptx.write_bytes(data)
    prs = Presentation(io.BytesIO(data))
    judul_dek = [next((b.text_frame.text for b in sl.shapes if b.has_text_frame), "") for sl in prs.slides]
    pdf, png = konversi(pptx, arg.keluar, arg.resolusi)
    baris, gagal = periksa(c, prs, pdf)
    if judul_dek != [s.judul for s in c.slide]:
        gagal.append("the deck's titles are not the story's")
    print(f"{pptx.name}: {len(prs.slides)} slides, {len(c.slide)} in the story; "
          f"LibreOffice: {pdf.name}, {len(png)} PNG pages at {arg.resolusi} dpi in {arg.keluar}")
    cetak(baris)
    for g in gagal:
        print("FAIL", g)
    print("ok" if not gagal else f"{len(gagal)} failure(s)")
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
