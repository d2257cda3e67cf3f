"""Finding an agency (issue 9, item 5), through the real pages on the demo data.

At the default period (2025) Pemerintah Kabupaten Tegal and Kemendikbudristek have no data
(their last period is 2024): they are still listed, marked, found by words in any order and by
abbreviation, and opening them opens their latest period with a notice in the main area.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from berakhlak import demo

TEGAL = demo.TEGAL
KEMENDIKBUD = demo.KEMENDIKBUDRISTEK
PINDAH_TEGAL = f"{TEGAL} tidak memiliki data 2025; ditampilkan periode terakhirnya, 2024."


def kotak_instansi(at: AppTest):
    return next(s for s in at.sidebar.selectbox if s.label in ("Instansi", "Agency"))


def kotak_periode(at: AppTest):
    return next(s for s in at.sidebar.selectbox if s.label in ("Periode", "Period"))


def kotak_cari(at: AppTest):
    return next(t for t in at.sidebar.text_input if t.key == "cari_instansi")


def info_utama(at: AppTest) -> list[str]:
    return [i.value for i in at.main.info]


def terlihat(at: AppTest, nama: str, periode: int) -> None:
    """The page shows ``nama`` in ``periode``: the URL, the title caption and the sidebar."""
    assert at.query_params["instansi"] == nama
    assert at.query_params["periode"] == str(periode)
    assert at.main.caption[0].value == f"{nama} · {periode}"
    assert kotak_instansi(at).value == nama
    assert kotak_periode(at).value == periode


def test_daftar_memuat_instansi_semua_periode_dengan_tanda(buka):
    at = buka()
    kotak = kotak_instansi(at)
    label = kotak.options
    assert kotak_periode(at).value == 2025
    assert f"{TEGAL} — tidak ada data 2025" in label
    assert f"{KEMENDIKBUD} — tidak ada data 2025" in label
    assert "Pemerintah Kota Tegal" in label  # data in 2025: no mark
    assert "Kementerian Kebudayaan" in label
    # in alphabetical order, the marked ones among the others
    nama = [x.split(" — ")[0] for x in label[1:]]
    assert nama == sorted(nama)
    at = buka(periode="2022", lang="en")
    label = kotak_instansi(at).options
    assert "Kementerian Kebudayaan — no data in 2022" in label and TEGAL in label


def test_tautan_ke_instansi_tanpa_data_membuka_periode_terakhirnya(buka):
    at = buka(periode="2025", instansi=TEGAL)
    terlihat(at, TEGAL, 2024)
    assert info_utama(at)[-1] == PINDAH_TEGAL
    assert not at.sidebar.warning, [w.value for w in at.sidebar.warning]
    assert "Indeks BerAKHLAK Pemerintah Kabupaten Tegal pada 2024" in "\n".join(m.value for m in at.markdown)
    # the notice stays while this view is open, and goes when the period is changed
    at.run()
    assert info_utama(at)[-1] == PINDAH_TEGAL
    kotak_periode(at).select(2023).run()
    assert not at.exception
    terlihat(at, TEGAL, 2023)
    assert PINDAH_TEGAL not in info_utama(at)


def test_tautan_dalam_bahasa_inggris_dan_di_halaman_lain(buka):
    at = buka("pages/3_tren.py", periode="2025", instansi=KEMENDIKBUD, lang="en")
    terlihat(at, KEMENDIKBUD, 2024)
    assert info_utama(at)[-1] == (f"{KEMENDIKBUD} has no data for 2025; showing its latest period, 2024.")


def test_memilih_instansi_bertanda_membuka_periode_terakhirnya(buka):
    at = buka()
    kotak_instansi(at).select(TEGAL).run()
    assert not at.exception, [e.value for e in at.exception]
    terlihat(at, TEGAL, 2024)
    assert info_utama(at)[-1] == PINDAH_TEGAL


def test_memilih_periode_tanpa_data_tetap_di_periode_instansi(buka):
    """The period box set to a period the agency has no data in: its latest period stays
    shown, with the notice (and no endless rerun: the period box gets a fresh identity)."""
    at = buka(periode="2023", instansi=TEGAL)
    kotak_periode(at).select(2025).run()
    assert not at.exception, [e.value for e in at.exception]
    terlihat(at, TEGAL, 2024)
    assert info_utama(at)[-1] == PINDAH_TEGAL
    kotak_periode(at).select(2022).run()
    terlihat(at, TEGAL, 2022)


@pytest.mark.parametrize(("kueri", "nama", "periode"), [
    ("tegal kab", TEGAL, 2024),
    ("kab tegal", TEGAL, 2024),
    ("kemendikbud", KEMENDIKBUD, 2024),
    ("bkn", "Badan Kepegawaian Negara", 2025),
    ("pemkot tegal", "Pemerintah Kota Tegal", 2025),
])
def test_cari_satu_yang_cocok_langsung_dibuka(buka, kueri, nama, periode):
    at = buka()
    kotak_cari(at).input(kueri).run()
    assert not at.exception, [e.value for e in at.exception]
    terlihat(at, nama, periode)
    assert kotak_cari(at).value == ""
    assert not [b for b in at.sidebar.button if (b.key or "").startswith("hasil_cari")]


def test_cari_beberapa_cocok_didaftar_lalu_dipilih(buka):
    at = buka()
    kotak_cari(at).input("tegal").run()
    assert "instansi" not in at.query_params  # Enter does not pick one of several
    hasil = [b for b in at.sidebar.button if (b.key or "").startswith("hasil_cari")]
    assert [b.label for b in hasil] == [f"{TEGAL} — tidak ada data 2025", "Pemerintah Kota Tegal"]
    hasil[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    terlihat(at, TEGAL, 2024)
    assert info_utama(at)[-1] == PINDAH_TEGAL
    assert kotak_cari(at).value == ""


def test_cari_tanpa_hasil_dan_terlalu_banyak(buka):
    at = buka(lang="en")
    kotak_cari(at).input("xyz **b**").run()
    assert "No agency matches «xyz \\*\\*b\\*\\*»." in [c.value for c in at.sidebar.caption]
    kotak_cari(at).input("kabupaten").run()
    assert len([b for b in at.sidebar.button if (b.key or "").startswith("hasil_cari")]) == 8
    assert any(c.value.startswith("and ") and c.value.endswith(" more: add a word to narrow it down.")
               for c in at.sidebar.caption)


def test_cari_membuang_filter_yang_tidak_memuatnya(buka):
    at = buka(periode="2024", provinsi="Aceh", jenis_instansi="Pemerintah Kabupaten")
    kotak_cari(at).input("tegal kab").run()
    assert not at.exception
    assert "provinsi" not in at.query_params
    assert at.query_params["jenis_instansi"] == "Pemerintah Kabupaten"
    assert at.query_params["instansi"] == TEGAL
    assert at.main.caption[0].value == f"Pemerintah Kabupaten · {TEGAL} · 2024"
