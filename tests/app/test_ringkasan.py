"""Ringkasan (/) with URL filters, asserting the numbers a person reads."""

from __future__ import annotations

from berakhlak import format as fmt
from berakhlak import kontrak
from tests.app.conftest import harapan, metrik, teks_semua

TEGAL = "Pemerintah Kabupaten Tegal"


def test_tegal_2022_seperti_terbit(buka):
    at = buka(periode="2022", instansi=TEGAL)
    m = metrik(at)
    assert m["Indeks BerAKHLAK"] == "62,3"
    assert m["Responden"] == "5.773"
    assert m["Nilai terlemah"] == "Adaptif"
    teks = teks_semua(at)
    assert "62,3 (B, Cukup Sehat), dari 5.773 responden" in teks
    assert "Nilai terlemah adalah Adaptif" in teks
    assert "data sintetis" in teks.lower()


def test_tanpa_filter_periode_terakhir_nasional(buka, mentah):
    at = buka()
    terakhir = mentah[mentah["periode"] == mentah["periode"].max()]
    h = harapan(terakhir)
    m = metrik(at)
    assert m["Indeks BerAKHLAK"] == fmt.desimal(h["indeks"], "id")
    assert m["Responden"] == fmt.bulat(h["n"], "id")
    assert at.query_params["periode"] == str(mentah["periode"].max())


def test_filter_provinsi_dan_angka_sama_dengan_data_mentah(buka, mentah):
    at = buka(periode="2023", provinsi="Gorontalo")
    sel = mentah[(mentah["periode"] == 2023) & (mentah["provinsi"] == "Gorontalo")]
    h = harapan(sel)
    m = metrik(at)
    assert m["Indeks BerAKHLAK"] == fmt.desimal(h["indeks"], "id")
    assert m["Responden"] == fmt.bulat(h["n"], "id")
    lemah = min(kontrak.KUNCI_NILAI, key=lambda v: h[v])
    assert m["Nilai terlemah"] == kontrak.label_nilai(lemah)


def test_nasional_2022_dan_2023_terkalibrasi(buka):
    assert metrik(buka(periode="2022"))["Indeks BerAKHLAK"] == "60,9"
    assert metrik(buka(periode="2023"))["Indeks BerAKHLAK"] == "61,1"


def test_bahasa_inggris(buka):
    at = buka(periode="2022", instansi=TEGAL, lang="en")
    m = metrik(at)
    assert m["BerAKHLAK index"] == "62.3"
    assert m["Respondents"] == "5,773"
    assert m["Weakest value"] == "Adaptive"
    assert "62.3 (B, Fairly healthy), from 5,773 respondents" in teks_semua(at)


def test_nilai_url_yang_tidak_ada_diberi_tahu_dan_jatuh_ke_semua(buka):
    at = buka(periode="1999", instansi="Instansi Khayalan")
    peringatan = " ".join(w.value for w in at.warning)
    assert "«1999»" in peringatan and "«Instansi Khayalan»" in peringatan
    assert at.metric  # the latest period, nationally, is shown instead


def test_seleksi_terlalu_kecil_tidak_menampilkan_angka(buka, mentah):
    unit = mentah.groupby(["periode", "instansi", "unit_kerja"]).size()
    (periode, instansi, unit_kerja), n = next((k, n) for k, n in unit.items() if n < 10)
    at = buka(periode=str(periode), instansi=instansi, unit_kerja=unit_kerja)
    assert not at.metric
    assert "kurang dari 10 responden" in teks_semua(at)


def test_perubahan_sejak_periode_sebelumnya(buka, mentah):
    at = buka(periode="2023", instansi=TEGAL)
    label = "Perubahan sejak 2022"
    assert label in metrik(at)
    tegal = mentah[mentah["instansi"] == TEGAL]
    beda = harapan(tegal[tegal["periode"] == 2023])["indeks"] - harapan(tegal[tegal["periode"] == 2022])["indeks"]
    assert metrik(at)[label] == fmt.desimal(beda, "id", tanda=True)
