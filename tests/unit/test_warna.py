"""warna: the seven values cannot be read as the categories A-D (issue 9, item 7)."""

from __future__ import annotations

import colorsys
import itertools
import re

import numpy as np
import pytest

from berakhlak import grafik, kontrak, warna

# Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0),
# applied to linear RGB.
SIMULASI = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
}


def _linear(hex_warna: str) -> np.ndarray:
    c = np.array([int(hex_warna.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    x, y, z = m @ np.clip(linear, 0, 1) / np.array([0.95047, 1.0, 1.08883])

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return np.array([116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))])


def jarak(a: str, b: str, penglihatan: str = "normal") -> float:
    """CIELAB ΔE (1976) between two colours as seen with ``penglihatan``."""
    m = SIMULASI[penglihatan]
    return float(np.linalg.norm(_lab(m @ _linear(a)) - _lab(m @ _linear(b))))


def test_satu_warna_per_nilai_semuanya_berbeda():
    assert list(warna.NILAI) == list(kontrak.KUNCI_NILAI)
    assert len(set(warna.NILAI.values())) == len(kontrak.KUNCI_NILAI)


@pytest.mark.parametrize(("penglihatan", "minimum"),
                         [("normal", 25), ("protanopia", 10), ("deuteranopia", 10)])
def test_warna_nilai_jauh_dari_warna_kategori(penglihatan, minimum):
    dekat = {(v, k): round(jarak(wv, wk, penglihatan), 1)
             for v, wv in warna.NILAI.items() for k, wk in warna.KATEGORI.items()
             if jarak(wv, wk, penglihatan) < minimum}
    assert not dekat, dekat


def test_warna_nilai_saling_terbedakan_juga_bagi_buta_warna():
    for (a, wa), (b, wb) in itertools.combinations(warna.NILAI.items(), 2):
        assert jarak(wa, wb) >= 25, (a, b)
        for penglihatan in ("protanopia", "deuteranopia"):
            assert jarak(wa, wb, penglihatan) >= 10, (a, b, penglihatan)


def test_warna_nilai_cukup_gelap_untuk_garis_di_latar_putih():
    for v, w in warna.NILAI.items():
        kontras = 1.05 / (grafik._luminans(w) + 0.05)
        assert kontras >= 3, (v, w, round(kontras, 2))


def test_warna_nilai_bukan_warna_pembanding_indeks_atau_tersembunyi():
    lain = {warna.PEMBANDING, warna.INDEKS, warna.TERSEMBUNYI, warna.KOSONG}
    for v, w in warna.NILAI.items():
        assert min(jarak(w, x) for x in lain) >= 15, v


# --- every other colour constant (mutation testing, scripts/mutasi.py) ----------------------

HEX = re.compile(r"^#[0-9A-F]{6}$")


def _semua_warna() -> dict[str, str]:
    """Every colour the module defines, by where it is defined."""
    semua: dict[str, str] = {}
    for nama in dir(warna):
        isi = getattr(warna, nama)
        if nama.startswith("_") or not nama.isupper():
            continue
        if isinstance(isi, str):
            semua[nama] = isi
        elif isinstance(isi, dict):
            semua |= {f"{nama}[{k}]": w for k, w in isi.items()}
        elif isinstance(isi, tuple):
            semua |= {f"{nama}[{s}]": w for s, w in isi}
    return semua


def kontras(a: str, b: str) -> float:
    """WCAG contrast ratio."""
    terang, gelap = sorted((grafik._luminans(a), grafik._luminans(b)), reverse=True)
    return (terang + 0.05) / (gelap + 0.05)


def test_setiap_warna_hex_enam_digit():
    semua = _semua_warna()
    assert len(semua) >= 50
    salah = {k: w for k, w in semua.items() if not HEX.match(w)}
    assert not salah, salah


def test_kategori_dan_teksnya_urut_a_sampai_d():
    kode = [k for k, *_ in kontrak.KATEGORI]
    assert kode == ["A", "B", "C", "D"]
    assert list(warna.KATEGORI) == kode and list(warna.TEKS_DI_KATEGORI) == kode


@pytest.mark.parametrize("kode", ["A", "B", "C", "D"])
def test_teks_di_kategori_hitam_atau_putih_yang_lebih_kontras(kode):
    latar, teks = warna.KATEGORI[kode], warna.TEKS_DI_KATEGORI[kode]
    lain = "#000000" if teks == "#FFFFFF" else "#FFFFFF"
    assert teks in ("#000000", "#FFFFFF")
    assert kontras(latar, teks) > kontras(latar, lain)
    assert kontras(latar, teks) >= 5.1


def test_kategori_terbedakan_juga_bagi_buta_warna():
    for (a, wa), (b, wb) in itertools.combinations(warna.KATEGORI.items(), 2):
        for penglihatan in SIMULASI:
            assert jarak(wa, wb, penglihatan) >= 10, (a, b, penglihatan)


def _skala_sah(skala) -> None:
    stop = [s for s, _ in skala]
    assert stop[0] == 0 and stop[-1] == 1
    assert all(a < b for a, b in itertools.pairwise(stop)), stop


def test_skala_indeks_pucat_di_tengah_kategori_b():
    _skala_sah(warna.SKALA_INDEKS)
    stop = dict(warna.SKALA_INDEKS)
    tengah_b = (75 + 50) / 2 / 100
    assert tengah_b in stop
    terang = [grafik._luminans(w) for _, w in warna.SKALA_INDEKS]
    puncak = [s for s, _ in warna.SKALA_INDEKS].index(tengah_b)
    assert terang[puncak] == max(terang)
    assert all(a < b for a, b in itertools.pairwise(terang[: puncak + 1])), terang
    assert all(a > b for a, b in itertools.pairwise(terang[puncak:])), terang


def test_skala_peta_makin_gelap():
    _skala_sah(warna.SKALA_PETA)
    terang = [grafik._luminans(w) for _, w in warna.SKALA_PETA]
    assert all(a > b for a, b in itertools.pairwise(terang)), terang


def test_level_satu_sampai_lima_makin_gelap():
    assert list(warna.LEVEL) == list(kontrak.LEVEL_SOSIO) == [1, 2, 3, 4, 5]
    terang = [grafik._luminans(w) for w in warna.LEVEL.values()]
    assert all(a > b for a, b in itertools.pairwise(terang)), terang


def test_teks_garis_dan_latar():
    assert warna.LATAR == "#FFFFFF" and warna.PEMBANDING == "#000000"
    assert kontras(warna.TEKS, warna.LATAR) >= 7  # body text: WCAG AAA
    assert kontras(warna.TEKS_PENANDA, warna.LATAR) >= 4.5  # markers: WCAG AA
    assert kontras(warna.INDEKS, warna.LATAR) >= 7
    # grid lines and the empty cell stay lighter than a hidden cell, which stays lighter
    # than any text
    assert (grafik._luminans(warna.TEKS) < grafik._luminans(warna.TEKS_PENANDA)
            < grafik._luminans(warna.TERSEMBUNYI) < grafik._luminans(warna.GARIS_KISI)
            < grafik._luminans(warna.LATAR))
    assert grafik._luminans(warna.TERSEMBUNYI) < grafik._luminans(warna.KOSONG) < 1
    assert jarak(warna.TERSEMBUNYI, warna.KOSONG) >= 15


def test_nama_warna_sesuai_palet():
    n = warna.NAMA
    assert [n[k] for k in ("biru", "biru_langit", "jingga", "merah_jingga")] == list(
        warna.KATEGORI.values())
    assert [n[k] for k in ("hijau", "ungu_tua", "zaitun", "mawar", "abu_gelap", "coklat_tua",
                           "magenta")] == list(warna.NILAI.values())
    assert (n["indigo"], n["abu"], n["abu_muda"]) == (warna.INDEKS, warna.TERSEMBUNYI, warna.KOSONG)
    assert (n["hitam"], n["putih"]) == (warna.PEMBANDING, warna.LATAR)
    # the two colour-blind-safe extras (Okabe-Ito) are what their names say
    assert 150 <= _hue(n["hijau_kebiruan"]) <= 180  # bluish green
    assert 310 <= _hue(n["ungu_kemerahan"]) <= 340  # reddish purple
    assert len(n) == 18


def _hue(hex_warna: str) -> float:
    r, g, b = (int(hex_warna[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360
