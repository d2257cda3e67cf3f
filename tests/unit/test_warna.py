"""warna: the seven values cannot be read as the categories A-D (issue 9, item 7)."""

from __future__ import annotations

import itertools

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
