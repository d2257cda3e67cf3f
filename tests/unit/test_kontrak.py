"""kontrak: the data contract's small rules, asserted directly (mutation testing of kontrak,
issue 9): half-up rounding, categories, labels and the natural order of groups."""

from __future__ import annotations

import pytest

from berakhlak import kontrak


def test_bulatkan_setengah_ke_atas():
    assert kontrak.bulatkan(62.25) == 62.3  # half even would give 62,2
    assert kontrak.bulatkan(0.05) == 0.1
    assert kontrak.bulatkan(74.95) == 75.0
    assert kontrak.bulatkan(-2.25) == -2.3
    assert kontrak.bulatkan(None) is None


def test_kategori_batas_dan_d():
    assert [kontrak.kategori(x) for x in (75.0, 74.95, 74.94, 50.0, 49.94, 25.0, 24.94, 10.0, 0.0)] == [
        "A", "A", "B", "B", "C", "C", "D", "D", "D"]
    assert kontrak.kategori(-0.5) == "D"  # below every bound (D is "below 25,0")
    assert kontrak.kategori(None) is None


def test_label_bahasa_indonesia_bila_tidak_disebut():
    assert kontrak.label_kategori("A") == "Sehat"
    assert kontrak.label_kategori("D", "en") == "Very unhealthy"
    assert kontrak.label_nilai("berorientasi_pelayanan") == "Berorientasi Pelayanan"
    assert kontrak.label_nilai("adaptif", "en") == "Adaptive"
    with pytest.raises(KeyError, match="Z"):
        kontrak.label_kategori("Z")


def test_kelompok_dimensi_tak_dikenal_tidak_galat():
    assert kontrak.label_kelompok("dimensi_lain", "Kelompok X", "en") == "Kelompok X"
    assert kontrak.label_kelompok("jenis_kelamin", "Laki-laki", "en") == "Male"
    assert kontrak.urutan_kelompok("dimensi_lain", "B") < kontrak.urutan_kelompok("dimensi_lain", kontrak.KOSONG)


def test_urutan_alami_angka_sebelum_teks():
    urut = sorted(["b", "10", "a", "9", "5 x"], key=lambda v: kontrak.urutan_kelompok("lain", v))
    assert urut == ["5 x", "9", "10", "a", "b"]
