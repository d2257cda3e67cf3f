"""Screens that must not mislead (issue 9): no data is not a small group, a benchmark equal to
the selection, partial coverage is not "Nasional", groups in natural order and translated,
links from the weakest and strongest value to /tren."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import jalankan, teks_semua
from tests.unit.bantu import ids, tabel, tulis

TEGAL = "Pemerintah Kabupaten Tegal"


def teks_layar(at: AppTest) -> str:
    """Every text a reader sees outside charts: markdown, notices, captions, headers, metrics
    and table headers and cells."""
    bagian = [teks_semua(at), *(c.value for c in at.caption), *(s.value for s in at.subheader),
              *(t.value for t in at.title), *(f"{m.label} {m.value}" for m in at.metric)]
    for d in at.dataframe:
        bagian += [str(c) for c in d.value.columns] + [str(x) for x in d.value.to_numpy().ravel()]
    return "\n".join(bagian)


# ------------------------------------------------------------ item 3: benchmark = selection


@pytest.mark.parametrize(("halaman", "params"), [
    (None, {"periode": "2022"}),
    ("pages/1_nilai.py", {"periode": "2022"}),
    (None, {"periode": "2022", "provinsi": "Gorontalo", "banding": "provinsi"}),
    ("pages/3_tren.py", {"periode": "2022"}),
])
def test_pembanding_sama_dengan_pilihan_tidak_dibandingkan(buka, halaman, params):
    at = buka(halaman, **params)
    teks = teks_layar(at)
    assert "Pilihan ini adalah pembanding itu sendiri" in teks
    assert "selisih 0,0" not in teks and "kurang lebih sama dengan" not in teks
    for d in at.dataframe:
        assert "Selisih" not in d.value.columns and "Nasional" not in d.value.columns
        assert "Gorontalo" not in d.value.columns


def test_pembanding_berbeda_tetap_dibandingkan(buka):
    at = buka(periode="2022", instansi=TEGAL)
    teks = teks_layar(at)
    assert "pembanding itu sendiri" not in teks
    assert "Nasional (60,9)" in teks
    assert "Selisih" in at.dataframe[0].value.columns


# ------------------------------------------------------------ item 4: partial coverage


@pytest.fixture
def dua_provinsi(data_env):
    tulis(data_env / "jateng.parquet", tabel(ids("a", 30), instansi=TEGAL, skor=60.0))
    tulis(data_env / "jateng2.parquet", tabel(ids("b", 20), instansi="Pemerintah Kota Tegal", skor=70.0))
    tulis(data_env / "gorontalo.parquet", tabel(ids("g", 25), provinsi="Gorontalo",
                                               instansi="Pemerintah Provinsi Gorontalo", skor=65.0))
    return data_env


_buka_data = jalankan  # on the data folder of the fixture, not the demo


def test_data_sebagian_provinsi_tidak_disebut_nasional(dua_provinsi):
    at = _buka_data()
    teks = teks_layar(at)
    assert "Semua data: 2 dari 38 provinsi, 3 instansi · 2024" in [c.value for c in at.caption]
    assert "Indeks BerAKHLAK semua data (2 dari 38 provinsi, 3 instansi) pada 2024" in teks
    assert "nasional" not in teks.lower()
    at = _buka_data(instansi=TEGAL, lang="en")
    teks = teks_layar(at)
    assert "All data: 2 of 38 provinces, 3 agencies" in at.dataframe[0].value.columns
    assert "than All data: 2 of 38 provinces, 3 agencies (" in teks
    assert "national" not in teks.lower()
    pilihan_banding = [w.options for w in at.button_group if w.key == "banding_widget"][0]
    assert pilihan_banding == ["All data", "Province", "Same agency type"]


def test_data_sebagian_di_tren_dan_nilai(dua_provinsi):
    for halaman in ("pages/1_nilai.py", "pages/3_tren.py"):
        at = _buka_data(halaman, instansi=TEGAL)
        assert "nasional" not in teks_layar(at).lower(), halaman


def test_semua_provinsi_tetap_nasional(buka):
    at = buka(periode="2022")
    assert at.caption[0].value == "Nasional · 2022"
    assert [w.options for w in at.button_group if w.key == "banding_widget"][0][0] == "Nasional"
    assert "Indeks BerAKHLAK nasional pada 2022" in teks_semua(at)


# ------------------------------------------------------------ item 6: natural order, English


@pytest.mark.parametrize(("dimensi", "urut"), [
    ("kelompok_usia", ["< 30", "30-39", "40-49", "50+"]),
    ("masa_kerja", ["< 5 tahun", "5-10 tahun", "11-20 tahun", "> 20 tahun"]),
    ("golongan", ["I", "II", "III", "IV", "PPPK"]),
])
def test_demografi_urutan_alami(buka, dimensi, urut):
    at = buka("pages/4_demografi.py", periode="2022", dimensi=dimensi)
    assert at.dataframe[0].value["Kelompok"].tolist() == urut


def test_demografi_judul_tanpa_kata_ganda(buka):
    at = buka("pages/4_demografi.py", periode="2022", dimensi="kelompok_usia")
    judul = [s.value for s in at.subheader]
    assert "Tujuh nilai per kelompok usia" in judul
    assert not any("kelompok kelompok" in j for j in judul)


@pytest.mark.parametrize(("dimensi", "label"), [
    ("jenis_kelamin", ["Male", "Female"]),
    ("status_kepegawaian", ["PNS (civil servant)", "PPPK (contract)"]),
    ("masa_kerja", ["< 5 years", "5-10 years", "11-20 years", "> 20 years"]),
])
def test_demografi_nilai_diterjemahkan(buka, dimensi, label):
    at = buka("pages/4_demografi.py", periode="2022", dimensi=dimensi, lang="en")
    assert at.dataframe[0].value["Group"].tolist() == label
    assert "Laki-laki" not in teks_layar(at)


# ------------------------------------------------------------ item 9: links to /tren


def test_nilai_terlemah_dan_terkuat_bertaut_ke_tren(buka):
    at = buka(periode="2022", instansi=TEGAL, lang="en", banding="provinsi")
    tautan = {t.proto.label: t.proto for t in at.get("page_link")}
    lemah, kuat = tautan["Adaptive over time"], tautan["Accountable over time"]
    for t, nilai in ((lemah, "adaptif"), (kuat, "akuntabel")):
        assert t.page == "tren"
        q = {k: v[0] for k, v in parse_qs(t.query_string).items()}
        assert q == {"periode": "2022", "instansi": TEGAL, "lang": "en", "banding": "provinsi",
                     "nilai": nilai}
