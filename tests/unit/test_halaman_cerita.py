"""Page stories as pure functions (berakhlak/halaman/): Ringkasan and Nilai as blocks, on the
demo data, without Streamlit; and how a selection is named."""

from __future__ import annotations

import re

import pytest

from berakhlak import cerita, kontrak, layanan
from berakhlak import format as fmt
from berakhlak.blok import Catatan, Grafik, Judul, Metrik, Tabel
from berakhlak.halaman import nilai, ringkasan
from berakhlak.layanan import Pilihan

TEGAL = Pilihan(periode=2022, instansi="Pemerintah Kabupaten Tegal")


@pytest.fixture
def k(demo_env):
    return layanan.keadaan()


def _pembanding(k, pilihan, jenis="nasional"):
    sel, nama = layanan.pembanding(k, pilihan, jenis)
    return sel, ("Nasional" if nama == "nasional" else nama)


def test_ringkasan_tegal_2022_sebagai_blok(k):
    blok = ringkasan.blok(k, TEGAL, _pembanding(k, TEGAL), "id")
    assert [type(b) for b in blok] == [Metrik, Catatan, Grafik, Tabel]
    metrik = {m.label: m for m in blok[0].butir}
    assert metrik["Indeks BerAKHLAK"].nilai == "62,3" and metrik["Indeks BerAKHLAK"].kategori == "B"
    assert metrik["Responden"].nilai == "5.773"
    lemah = metrik["Nilai terlemah"]
    assert (lemah.nilai, lemah.nilai_tren, lemah.kunci) == ("Adaptif", "adaptif", "ekstrem_lemah")
    kalimat = blok[1].butir
    assert blok[1].judul == "Yang perlu diperhatikan"
    assert kalimat[0].startswith("Indeks BerAKHLAK Pemerintah Kabupaten Tegal pada 2022 adalah 62,3 (B, Cukup Sehat)")
    assert any(s.startswith("Nilai terlemah adalah Adaptif") for s in kalimat)
    assert any("Nasional" in s for s in kalimat)  # the benchmark sentence
    assert blok[2].judul == "Tujuh nilai dan pembanding"
    tabel = blok[3]
    baris = layanan.total(k, TEGAL)
    skor = dict(zip(tabel.data["nilai"], tabel.data["skor"], strict=True))
    assert skor["Adaptif"] == baris["adaptif"] and "banding" in tabel.kolom
    assert tabel.kolom["banding"][0] == "Nasional" and tabel.nama == "ringkasan"


def test_ringkasan_tanpa_pembanding_dan_bahasa_inggris(k):
    blok = ringkasan.blok(k, TEGAL, None, "en")
    assert blok[2].judul == "The seven values"
    assert "banding" not in blok[3].kolom
    assert [m.label for m in blok[0].butir][:2] == ["BerAKHLAK index", "Respondents"]
    assert blok[0].butir[0].nilai == "62.3"


def test_nama_seleksi_menyebut_seluruh_pilihan(k):
    """The Ringkasan sentence of kind x province named only the province ("Jawa Tengah"):
    the narrowest filter, as if it were the whole province."""
    assert cerita.nama_pilihan(Pilihan(jenis_instansi="Kementerian", provinsi="Jawa Tengah"), "id") == \
        "Kementerian di Jawa Tengah"
    assert cerita.nama_pilihan(Pilihan(jenis_instansi="Kementerian", provinsi="Jawa Tengah"), "en") == \
        "Kementerian in Jawa Tengah"
    assert cerita.nama_pilihan(Pilihan(provinsi="Jawa Tengah", instansi="Pemerintah Kabupaten Tegal",
                                       jenis_instansi="Pemerintah Kabupaten"), "id") == "Pemerintah Kabupaten Tegal"
    assert cerita.nama_pilihan(Pilihan(instansi="Pemerintah Kabupaten Tegal", unit_kerja="Sekretariat"), "id") == \
        "Sekretariat (Pemerintah Kabupaten Tegal)"
    assert cerita.nama_pilihan(Pilihan(periode=2022), "id") is None
    # Kementerian in Jawa Tengah is hidden in the demo (it would reveal a small group); the
    # same naming on a selection that is shown:
    kota = Pilihan(periode=2022, jenis_instansi="Pemerintah Kota", provinsi="Jawa Tengah")
    kalimat = ringkasan.blok(k, kota, None, "id")[1].butir[0]
    assert kalimat.startswith("Indeks BerAKHLAK Pemerintah Kota di Jawa Tengah pada 2022 adalah ")
    assert cerita.nama_berkas(kota, cerita.nama_seleksi(k, kota, "id")) == \
        "BerAKHLAK_Pemerintah-Kota-di-Jawa-Tengah_2022.pptx"


def test_seleksi_ditolak_tanpa_angka(k):
    kecil = Pilihan(periode=2022, jenis_instansi="Kementerian", provinsi="Jawa Tengah")
    for buat in (ringkasan.blok, nilai.blok):
        blok = buat(k, kecil, None, "id")
        assert len(blok) == 1 and isinstance(blok[0], Catatan)
        assert "kelompok berisi kurang dari 10 responden" in blok[0].butir[0]
        assert not re.search(r"\d{2,}", blok[0].butir[0].replace("10 responden", ""))


def test_nilai_tegal_2022_sebagai_blok(k):
    blok = nilai.blok(k, TEGAL, _pembanding(k, TEGAL), "id")
    assert [type(b) for b in blok] == [Judul, Grafik, Tabel, Grafik, Tabel]
    baris = layanan.total(k, TEGAL)
    lemah, kuat = min(kontrak.KUNCI_NILAI, key=lambda v: baris[v]), max(kontrak.KUNCI_NILAI, key=lambda v: baris[v])
    assert blok[0].teks.startswith(f"Adaptif ({fmt.desimal(baris[lemah], 'id')}) adalah nilai terlemah dan "
                                   f"{kontrak.label_nilai(kuat)} ({fmt.desimal(baris[kuat], 'id')}) yang terkuat; "
                                   "Adaptif ")
    assert "margin kesalahan" in blok[0].teks  # margin-aware
    assert blok[1].judul.startswith("Tujuh nilai BerAKHLAK") and blok[2].nama == "nilai"
    sebaran = blok[4]
    assert sebaran.nama == "sebaran_kategori" and blok[3].keterangan.startswith("Bagian responden")
    jumlah = sebaran.data[[f"persen_{kode}" for kode, *_ in kontrak.KATEGORI]].sum(axis=1)
    assert jumlah.round(6).eq(100).all()
