"""kontrak: demographic groups in their natural order and in the reader's language (issue 9)."""

from __future__ import annotations

import pytest

from berakhlak import kontrak


def urut(dimensi, daftar):
    return sorted(daftar, key=lambda g: kontrak.urutan_kelompok(dimensi, g))


@pytest.mark.parametrize(("dimensi", "acak", "harapan"), [
    ("kelompok_usia", ["50+", "40-49", "30-39", "< 30"], ["< 30", "30-39", "40-49", "50+"]),
    ("masa_kerja", ["11-20 tahun", "5-10 tahun", "< 5 tahun", "> 20 tahun"],
     ["< 5 tahun", "5-10 tahun", "11-20 tahun", "> 20 tahun"]),
    ("golongan", ["IV", "PPPK", "III", "II", "I"], ["I", "II", "III", "IV", "PPPK"]),
])
def test_urutan_alami(dimensi, acak, harapan):
    assert urut(dimensi, acak) == harapan


def test_tak_dikenal_setelah_yang_dikenal_dan_tidak_diisi_terakhir():
    hasil = urut("kelompok_usia", [kontrak.KOSONG, "Lainnya 10", "Lainnya 9", "50+", "<30", None])
    assert hasil[:2] == ["<30", "50+"]  # spaces and case do not matter
    assert hasil[2:4] == ["Lainnya 9", "Lainnya 10"]  # unknown ones: numbers as numbers
    assert set(hasil[4:]) == {kontrak.KOSONG, None}


def test_label_inggris_dan_indonesia():
    assert kontrak.label_kelompok("jenis_kelamin", "Laki-laki", "en") == "Male"
    assert kontrak.label_kelompok("jenis_kelamin", "Perempuan", "en") == "Female"
    assert kontrak.label_kelompok("jenis_kelamin", "Laki-laki", "id") == "Laki-laki"
    assert kontrak.label_kelompok("status_kepegawaian", "PPPK", "en") == "PPPK (contract)"
    assert kontrak.label_kelompok("golongan", "III", "en") == "III"
    assert kontrak.label_kelompok("golongan", kontrak.KOSONG, "en") == "(not given)"
    assert kontrak.label_kelompok("golongan", kontrak.KOSONG, "id") == "(tidak diisi)"
    assert kontrak.label_kelompok("golongan", "IX/z", "en") == "IX/z"  # unknown: as it is


def test_setiap_dimensi_punya_urutan():
    assert set(kontrak.KELOMPOK_DEMOGRAFI) == set(kontrak.DIMENSI_DEMOGRAFI)
