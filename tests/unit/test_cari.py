"""Finding an agency (issue 9, item 5): any words in any order, word starts, abbreviations."""

from __future__ import annotations

import pytest

from berakhlak import cari, demo

NAMA = [
    "Pemerintah Kabupaten Tegal", "Pemerintah Kota Tegal", "Pemerintah Kabupaten Brebes",
    "Pemerintah Provinsi Jawa Tengah", "Pemerintah Kabupaten Kotawaringin Barat",
    demo.KEMENDIKBUDRISTEK, "Kementerian Pendidikan Dasar dan Menengah",
    "Kementerian Pendidikan Tinggi, Sains, dan Teknologi", "Kementerian Kebudayaan",
    "Kementerian Keuangan", "Badan Kepegawaian Negara",
    "Badan Pengawasan Keuangan dan Pembangunan", "Badan Pemeriksa Keuangan",
    "Lembaga Administrasi Negara", "Pemerintah Kabupaten Lanny Jaya",
    "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional",
]


@pytest.mark.parametrize(("kueri", "harapan"), [
    ("tegal", ["Pemerintah Kabupaten Tegal", "Pemerintah Kota Tegal"]),
    ("tegal kab", ["Pemerintah Kabupaten Tegal"]),
    ("kab tegal", ["Pemerintah Kabupaten Tegal"]),
    ("Kab. Tegal", ["Pemerintah Kabupaten Tegal"]),
    ("TEGAL  KABUPATEN", ["Pemerintah Kabupaten Tegal"]),
    ("pemkab tegal", ["Pemerintah Kabupaten Tegal"]),
    ("pemkot tegal", ["Pemerintah Kota Tegal"]),
    ("kota tegal", ["Pemerintah Kota Tegal"]),
    ("tegal kota", ["Pemerintah Kota Tegal"]),
    ("pemprov jateng", ["Pemerintah Provinsi Jawa Tengah"]),
    ("kemendikbud", [demo.KEMENDIKBUDRISTEK]),
    ("Kemendikbudristek", [demo.KEMENDIKBUDRISTEK]),
    ("kemendikdasmen", ["Kementerian Pendidikan Dasar dan Menengah"]),
    ("kemenkeu", ["Kementerian Keuangan"]),
    ("bkn", ["Badan Kepegawaian Negara"]),
    ("BPK", ["Badan Pemeriksa Keuangan"]),          # not BPKP
    ("bpkp", ["Badan Pengawasan Keuangan dan Pembangunan"]),
    ("bpn", ["Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional"]),
    ("atr bpn", ["Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional"]),
    ("sains pendidikan", ["Kementerian Pendidikan Tinggi, Sains, dan Teknologi"]),
    ("kemen keu", ["Kementerian Keuangan"]),         # word starts
    ("tegal kab brebes", []),
    ("xyz", []),
    ("", []),
    ("  ,./ ", []),
])
def test_cari(kueri, harapan):
    assert cari.cari(kueri, NAMA) == harapan


def test_singkatan_didahulukan_lalu_nama_pendek():
    # "lan" is LAN's abbreviation and the start of "Lanny": the abbreviation comes first
    assert cari.cari("lan", NAMA) == ["Lembaga Administrasi Negara", "Pemerintah Kabupaten Lanny Jaya"]
    # "kementerian pendidikan": whole words, the shortest name first
    assert cari.cari("kementerian pendidikan", NAMA) == [
        "Kementerian Pendidikan Dasar dan Menengah", demo.KEMENDIKBUDRISTEK,
        "Kementerian Pendidikan Tinggi, Sains, dan Teknologi"]
    # "kota" as a whole word beats "Kotawaringin" as a word start
    assert cari.cari("kota", NAMA) == ["Pemerintah Kota Tegal", "Pemerintah Kabupaten Kotawaringin Barat"]


def test_skor():
    assert cari.skor("tegal", "Pemerintah Kabupaten Tegal") == cari.SKOR_KATA
    assert cari.skor("teg", "Pemerintah Kabupaten Tegal") == cari.SKOR_AWALAN
    assert cari.skor("kab teg", "Pemerintah Kabupaten Tegal") == cari.SKOR_SINGKATAN + cari.SKOR_AWALAN
    assert cari.skor("tegal kota", "Pemerintah Kabupaten Tegal") is None
    assert cari.skor("", "Pemerintah Kabupaten Tegal") is None


def test_nama_bersingkatan_ditemukan_dengan_kata_lengkap():
    assert cari.cari("kabupaten tegal", ["Pemkab Tegal", "Pemkot Tegal"]) == ["Pemkab Tegal"]


def test_kata_lipat_huruf_dan_aksen():
    assert cari.kata("Pendidikan, Kebudayaan; RISET/Teknologi") == ["pendidikan", "kebudayaan", "riset",
                                                                    "teknologi"]
    assert cari.kata("Énde_Kota") == ["ende", "kota"]
    assert len("".join(cari.kata("a " * 5000))) <= cari.PANJANG_MAKS


def test_singkatan_adalah_data():
    """Every abbreviation expands to words (no empty entries), in lower case, one word itself."""
    for singkat, frasa in cari.SINGKATAN.items():
        assert cari.kata(singkat) == [singkat], singkat
        assert cari.kata(frasa), singkat
    assert cari.SINGKATAN["jateng"] == "jawa tengah"  # from the tile map


def test_periode_instansi_dan_filter_cocok(demo_env):
    from berakhlak import layanan
    from berakhlak.layanan import Pilihan

    k = layanan.keadaan()
    semua = layanan.periode_instansi(k)
    assert semua[demo.TEGAL] == (2022, 2023, 2024)
    assert semua["Pemerintah Kota Tegal"] == (2022, 2023, 2024, 2025)
    assert semua["Kementerian Kebudayaan"] == (2025,)
    jateng = layanan.periode_instansi(k, Pilihan(periode=2025, provinsi="Jawa Tengah"))
    assert demo.TEGAL in jateng and "Kementerian Kebudayaan" not in jateng
    assert cari.filter_cocok(k, demo.TEGAL, Pilihan(provinsi="Jawa Tengah", jenis_instansi="Kementerian")) == {
        "provinsi": "Jawa Tengah"}
