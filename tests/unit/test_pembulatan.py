"""No figure reaches the browser more precise than it is shown (issue 7, case 6).

Every chart of :mod:`berakhlak.grafik` (the tile map of :mod:`berakhlak.peta` included) is
built from real demo figures, the way the pages build them, and its whole JSON is walked:
every number in the traces has at most one decimal (indexes, margins and percentages are
shown with one) and every text carries no number with more. A mean with more decimals than
shown would turn an approximate difference between two published figures into an exact one.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from berakhlak import grafik, kontrak, layanan, statistik

TEGAL = "Pemerintah Kabupaten Tegal"
PENANDA = {"id": "< 10 responden", "en": "< 10 respondents"}

# Trace attributes that are styling, not figures: colour-scale stops, colour-bar placement,
# fonts, line widths. Everything else in a trace is checked.
GAYA = frozenset({"colorscale", "colorbar", "textfont", "font", "hoverlabel", "line",
                  "zmin", "zmax", "xgap", "ygap", "opacity", "width", "thickness"})

# A number written with more than one decimal: the language's decimal mark followed by two
# digits, or any run of four or more digits after a point (a raw float; a thousands group
# has exactly three).
TERLALU_PRESISI = {"id": re.compile(r"\d,\d{2}|\d\.\d{4}"), "en": re.compile(r"\d\.\d{2}|\d,\d{4}")}


def satu_desimal(x: float) -> bool:
    """Whether a float has at most one decimal (as it would after ``kontrak.bulatkan``)."""
    return math.isfinite(x) and abs(x * 10 - round(x * 10)) < 1e-6


def angka_terlalu_presisi(isi, lang: str, jalur: str = "") -> list[str]:
    """Paths (and values) of every number or text in ``isi`` more precise than one decimal."""
    salah: list[str] = []
    if isinstance(isi, dict):
        for k, v in isi.items():
            if k not in GAYA:
                salah += angka_terlalu_presisi(v, lang, f"{jalur}.{k}")
    elif isinstance(isi, list | tuple) or hasattr(isi, "tolist"):
        daftar = isi.tolist() if hasattr(isi, "tolist") else isi
        if not isinstance(daftar, list):  # a numpy scalar
            return angka_terlalu_presisi(daftar, lang, jalur)
        for i, v in enumerate(daftar):
            salah += angka_terlalu_presisi(v, lang, f"{jalur}[{i}]")
    elif isinstance(isi, bool) or isi is None:
        pass
    elif isinstance(isi, float):
        if not math.isnan(isi) and not satu_desimal(isi):
            salah.append(f"{jalur} = {isi!r}")
    elif isinstance(isi, str):
        if TERLALU_PRESISI[lang].search(isi):
            salah.append(f"{jalur} = {isi!r}")
    return salah


def data_grafik(fig: go.Figure) -> list:
    return fig.to_plotly_json()["data"]


# ----------------------------------------------------------------- the walker itself


def test_pemeriksa_menemukan_angka_mentah():
    assert angka_terlalu_presisi({"x": [54.04526315789473, 62.3, None, 5773]}, "id") == [
        ".x[0] = 54.04526315789473"]
    assert angka_terlalu_presisi({"hovertext": ["Skor: 62,35"]}, "id")
    assert angka_terlalu_presisi({"hovertext": ["Score: 62.35"]}, "en")
    assert angka_terlalu_presisi({"text": ["54.04526315789473"]}, "id")
    # thousands separators and one decimal are fine; styling is not a figure
    assert not angka_terlalu_presisi({"hovertext": ["Responden: 5.773<br>Skor: 62,3 ± 1,5"]}, "id")
    assert not angka_terlalu_presisi({"hovertext": ["Respondents: 5,773<br>Score: 62.3"]}, "en")
    assert not angka_terlalu_presisi({"colorscale": [[0.16666666, "#fff"]],
                                      "colorbar": {"len": 0.45}}, "id")


# ------------------------------------------------------------ every chart, real figures


def _per_periode(k, pilihan: layanan.Pilihan) -> pd.DataFrame:
    """As pages/3_tren.py: figures per period, every loaded period present."""
    lebar = layanan.ringkas(k, "periode", pilihan.tanpa_periode())
    return pd.DataFrame({"kelompok": list(k.periode)}).merge(lebar, on="kelompok", how="left")


def semua_grafik_demo(lang: str) -> dict[str, go.Figure]:
    """Every chart function, fed the frames the pages feed it on the demo data."""
    k = layanan.keadaan_lengkap()
    penanda = PENANDA[lang]
    tegal = layanan.Pilihan(periode=2022, instansi=TEGAL)
    nasional = layanan.Pilihan(periode=2022)
    baris, banding = layanan.total(k, tegal), layanan.total(k, nasional)
    panjang = statistik.panjang(baris.to_frame().T)
    panjang_banding = statistik.panjang(banding.to_frame().T)
    provinsi = layanan.ringkas(k, "provinsi", nasional)
    kabupaten = layanan.ringkas(k, "kabupaten_kota", nasional.dengan(provinsi="Jawa Tengah"))
    demografi = layanan.ringkas(k, "grup", tegal, dimensi="golongan")
    tren = statistik.tandai_perubahan(_per_periode(k, tegal))
    tren_banding = _per_periode(k, nasional)
    satu = statistik.panjang(tren).query("nilai == 'adaptif'")
    satu_banding = statistik.panjang(tren_banding).query("nilai == 'adaptif'")
    return {
        "batang_nilai": grafik.batang_nilai(panjang, lang, penanda, panjang_banding, "Nasional"),
        "sebaran_kategori": grafik.sebaran_kategori(panjang, lang, penanda),
        "peringkat_provinsi": grafik.peringkat(provinsi, lang, penanda, "Provinsi"),
        "peringkat_kabupaten": grafik.peringkat(kabupaten, lang, penanda, "Kabupaten/kota"),
        "peta_provinsi": grafik.peta_provinsi(provinsi, lang, penanda),
        "peta_panas_wilayah": grafik.peta_panas(provinsi.head(6), lang, penanda),
        "peta_panas_demografi": grafik.peta_panas(demografi, lang, penanda),
        "sebaran_level": grafik.sebaran_level(demografi, lang, penanda),
        "tren_indeks": grafik.tren_indeks(tren, lang, penanda, tren_banding, "Nasional"),
        "tren_nilai": grafik.tren(satu, lang, penanda, pembanding=satu_banding,
                                  label_pembanding="Nasional"),
    }


@pytest.fixture(scope="module")
def grafik_demo(folder_kosong, cache_bersama):
    """Every chart in both languages, built once (the demo data as ``demo_env`` sets it up)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("BERAKHLAK_DATA_DIR", str(folder_kosong))
    mp.setenv("BERAKHLAK_CACHE_DIR", str(cache_bersama))
    mp.delenv("BERAKHLAK_MIN_RESPONDEN", raising=False)
    layanan.bersihkan_cache()
    try:
        yield {lang: semua_grafik_demo(lang) for lang in ("id", "en")}
    finally:
        layanan.bersihkan_cache()
        mp.undo()


def test_demo_punya_angka_mentah(grafik_demo):
    """The demo figures are raw means (so the test below checks something)."""
    k = layanan.keadaan()
    baris = layanan.total(k, layanan.Pilihan(periode=2022, instansi=TEGAL))
    assert not satu_desimal(float(baris["indeks"])) and not satu_desimal(float(baris["moe_indeks"]))


def test_setiap_fungsi_grafik_diperiksa(grafik_demo):
    publik = {n for n in dir(grafik) if not n.startswith("_") and callable(getattr(grafik, n))
              and getattr(getattr(grafik, n), "__module__", "") == grafik.__name__}
    dipakai = {"batang_nilai", "sebaran_kategori", "sebaran_level", "peringkat", "peta_provinsi",
               "peta_panas", "tren", "tren_indeks"}
    # these return numbers, not figures (the text colour on a fill; a difference and its range)
    assert publik - {"warna_teks", "selisih_sel", "rentang_selisih"} == dipakai


@pytest.mark.parametrize("lang", ["id", "en"])
def test_grafik_hanya_membawa_angka_yang_tampil(grafik_demo, lang):
    salah = {nama: angka_terlalu_presisi(data_grafik(fig), lang)
             for nama, fig in grafik_demo[lang].items()}
    assert {nama: s[:5] for nama, s in salah.items() if s} == {}


def test_grafik_demo_berisi_angka(grafik_demo):
    """Rounding keeps the figures: bars, tiles, cells and lines still carry them."""
    fig = grafik_demo["id"]
    k = layanan.keadaan()
    baris = layanan.total(k, layanan.Pilihan(periode=2022, instansi=TEGAL))
    batang = fig["batang_nilai"].data[0]
    assert list(batang.x) == [kontrak.bulatkan(baris[v]) for v in kontrak.KUNCI_NILAI]
    assert list(batang.error_x.array) == [kontrak.bulatkan(baris[f"moe_{v}"]) for v in kontrak.KUNCI_NILAI]
    assert batang.text[0] == f"{kontrak.bulatkan(baris[kontrak.KUNCI_NILAI[0]]):.1f}".replace(".", ",")
    ubin = [z for r in fig["peta_provinsi"].data[0].z for z in r if z is not None]
    assert len(ubin) >= 30 and all(satu_desimal(z) for z in ubin)
    garis = fig["tren_indeks"].data[0]
    assert [y for y in garis.y if y is not None]
    kategori = fig["sebaran_kategori"].data
    assert all(satu_desimal(x) for t in kategori[:4] for x in t.x if x is not None)


def test_pembulatan_setengah_ke_atas_seperti_kategori():
    """74,95 is drawn as 75,0 (category A), as the text and the category say."""
    baris = pd.DataFrame({"kelompok": ["X"], "nilai": ["adaptif"], "skor": [74.95], "moe": [1.25],
                          "n": [100], "tersembunyi": [False]})
    batang = grafik.batang_nilai(baris, "id", PENANDA["id"]).data[0]
    assert list(batang.x) == [75.0] and list(batang.error_x.array) == [1.3]
    assert list(batang.text) == ["75,0"]
