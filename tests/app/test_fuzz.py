"""Hostile input: link parameters and names from data files are shown literally and never raise.

* Unit tests of :mod:`berakhlak.aman` (examples and properties).
* A Hypothesis fuzz over every page script and every link parameter: random, repeated,
  overlong, unicode and hostile values never raise, and each unknown value gets a notice.
* Names from a data file that look like Markdown or HTML reach Markdown escaped and Plotly as
  entities.

Hostile values use only loopback addresses (127.0.0.1:9), never an outside host.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from berakhlak import aman, kontrak, layanan
from berakhlak.layanan import Pilihan
from tests.unit.bantu import ids, tabel, tulis

APP = Path(__file__).resolve().parents[2] / "app.py"
WJ = aman.PENYAMBUNG

HALAMAN = [None, "pages/1_nilai.py", "pages/2_wilayah.py", "pages/3_tren.py", "pages/4_demografi.py",
           "pages/5_data.py"]
FILTER = list(kontrak.FILTER)  # periode, jenis_instansi, provinsi, kabupaten_kota, instansi, unit_kerja
PARAMETER = [*FILTER, "lang", "banding", "nilai", "dimensi", "bandingkan", "tampilan"]

BERBAHAYA = [
    "[Klik untuk login ulang](http://127.0.0.1:9/login)",
    "![x](http://127.0.0.1:9/p.png)",
    "x'); DROP TABLE agregat; --",
    "**tebal**",
    "<img src=http://127.0.0.1:9/i.png>",
    "<a href='http://127.0.0.1:9/a'>a</a>",
    "http://127.0.0.1:9/auto <http://127.0.0.1:9/al>",
    ":smile: :streamlit: :material/home: :red[merah]",
    "$x^2$ `kode` ~~coret~~ # judul",
    "- daftar",
    "1. satu",
    "> kutip",
    "a -> b <- c <-> d >= e <= f ~= g -- h",
    "&amp; &lt;b&gt; &#x41;",
    "baris\n\n# baru\r\n| a | b |",
    "\\*garis miring terbalik\\*",
    "[ref]: http://127.0.0.1:9/r",
    "%00%0a%3Cscript%3E",
    "<script>fetch('http://127.0.0.1:9/s')</script>",
    "{{7*7}} ${7*7} %s %(x)s {0}",
]


# ----------------------------------------------------------------------------- the helper


def _tanpa_escape(s: str) -> str:
    """What the reader sees of ``aman.md`` output: backslash escapes resolved, joiners removed."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", s).replace(WJ, "")


def _satu_baris(s: str) -> str:
    return re.sub(r"[\t\n\r\f\v\u0085\u2028\u2029]+", " ", s)


def _tak_ter_escape(s: str) -> str:
    """The characters of ``s`` that are not escaped by a backslash (escaped pairs removed)."""
    return re.sub(r"\\[!-/:-@\[-`{-~]", "", s)


@pytest.mark.parametrize("mentah", BERBAHAYA)
def test_md_contoh_berbahaya(mentah):
    keluar = aman.md(mentah)
    assert _tanpa_escape(keluar) == _satu_baris(mentah)
    bebas = _tak_ter_escape(keluar)
    assert not set(bebas) & set("\\`*_[]<>&~|$#!{}")
    assert "\n" not in keluar and "\r" not in keluar


def test_md_contoh_dari_issue():
    assert aman.md("[Klik untuk login ulang](http://127.0.0.1:9/login)") == (
        f"\\[Klik untuk login ulang\\](http:{WJ}//127.0.0.1:{WJ}9/login)")
    assert aman.md("![x](http://127.0.0.1:9/p.png)").startswith("\\!\\[x\\]")
    assert aman.md("x'); DROP TABLE agregat; --") == f"x'); DROP TABLE agregat; -{WJ}-"
    assert aman.md("**tebal**") == "\\*\\*tebal\\*\\*"
    # ordinary names stay as they are
    for nama in ("Pemerintah Kabupaten Tegal", "Jawa Tengah", "2022", "(tidak diisi)", "III/a", "Unit 1.2"):
        assert aman.md(nama) == nama
    assert aman.md(None) == "" and aman.md(2022) == "2022"


def test_md_awal_baris():
    assert aman.md("- a") == "\\- a"
    assert aman.md("+ a") == "\\+ a"
    assert aman.md("= a") == "\\= a"
    assert aman.md("1. a") == "1\\. a"
    assert aman.md("12) a") == "12\\) a"
    assert aman.md("# a") == "\\# a"
    assert aman.md("> a") == "\\> a"


def test_md_pola_yang_diubah_streamlit_setelah_parsing():
    """Streamlit rewrites the parsed text: --, arrows, signs, :short:codes:, bare links."""
    for pola in ("--", "->", "<-", "<->", ">=", "<=", "~="):
        assert not re.search(r"--|->|<-|>=|<=|~=", aman.md(f"a {pola} b").replace("\\", ""))
    assert f":{WJ}smile:" in aman.md(":smile:")
    assert f"http:{WJ}//" in aman.md("http://127.0.0.1:9/")
    assert aman.md("WWW.x") == f"WWW{WJ}.x"
    assert f"a@{WJ}b.c" in aman.md("a@b.c")
    assert aman.md("Sebab: data") == "Sebab: data"  # a colon before a space stays as it is


def test_kode_inline():
    assert aman.kode("berkas.xlsx") == "`berkas.xlsx`"
    assert aman.kode("a`b") == "``a`b``"
    assert aman.kode("`a") == "`` `a ``"
    assert aman.kode("a\nb") == "`a b`"
    assert aman.kode(":material/home:") == f"`:{WJ}material/home:`"
    assert aman.kode("") == ""


def test_grafik_dan_html():
    assert aman.grafik("<a href='x'>a</a> & <b>") == "&lt;a href='x'&gt;a&lt;/a&gt; &amp; &lt;b&gt;"
    assert aman.grafik(2022) == 2022 and aman.grafik(None) is None
    assert aman.html("<b>\"'&") == "&lt;b&gt;&quot;&#x27;&amp;"


_TEKS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.one_of(_TEKS, st.text(alphabet=string.punctuation + " \n-:.@w1", max_size=40),
                 st.sampled_from(BERBAHAYA)))
def test_md_sifat(mentah):
    keluar = aman.md(mentah)
    # nothing is lost: what the reader sees is the input (on one line)
    assert _tanpa_escape(keluar) == _satu_baris(mentah).replace(WJ, "")
    # no Markdown syntax character is left unescaped, and no line break
    assert not set(_tak_ter_escape(keluar)) & set("\\`*_[]<>&~|$#!{}")
    assert not re.search(r"[\n\r]", keluar)
    # no block marker at the start (a list, a numbered list, a heading underline)
    assert not re.match(r" *([-+=]|\d+[.)])", keluar)
    # nothing Streamlit rewrites after parsing
    terlihat = keluar.replace("\\", "")
    assert not re.search(r"--|->|<-|>=|<=|~=", terlihat)
    assert not re.search(r"[:@][^\s\u2060]", terlihat)
    assert not re.search(r"(?i)www\.", terlihat)


# ------------------------------------------------------------------------ URL fuzz, pages


@pytest.fixture
def sah(demo_env) -> dict[str, list[str]]:
    """Every value of each filter in the demo data, as URL text."""
    k = layanan.keadaan()
    return {kolom: [str(v) for v in layanan.opsi(k, kolom, Pilihan())] for kolom in FILTER}


def _dikenal(kolom: str, mentah: str, sah: dict[str, list[str]]) -> bool:
    if kolom == "periode":  # read as a whole number, as the page does
        try:
            return str(int(mentah)) in sah[kolom]
        except ValueError:
            return False
    return mentah in sah[kolom]


def _jalankan(halaman: str | None, params: dict) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    for kunci, nilai in params.items():
        at.query_params[kunci] = nilai
    if halaman:
        at.switch_page(halaman)
    at.run()
    return at


def _peringatan(at: AppTest) -> str:
    return "\n".join(w.value for w in at.warning)


_SATU = st.one_of(
    st.sampled_from(BERBAHAYA),
    st.sampled_from(["", " ", "0", "-1", "2022", "2022.0", "99999999999999999999", "nasional", "provinsi",
                     "jenis", "adaptif", "golongan", "id", "en", "xx", "EN", "Aceh", "Jawa Tengah",
                     "Pemerintah Kabupaten Tegal", "null", "None", "NaN", "true"]),
    _TEKS,
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=500, max_size=3000),  # overlong
)
_NILAI = st.one_of(_SATU, st.lists(_SATU, min_size=2, max_size=9))  # one value, or repeated


@st.composite
def _tautan(draw):
    halaman = draw(st.sampled_from(HALAMAN))
    kunci = draw(st.lists(st.sampled_from(PARAMETER), unique=True, max_size=6))
    return halaman, {k: draw(_NILAI) for k in kunci}


def _nilai_terakhir(nilai) -> str:
    return nilai[-1] if isinstance(nilai, list) else nilai


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(_tautan())
@example(("pages/2_wilayah.py", {"bandingkan": ["Aceh"] * 7}))
@example(("pages/2_wilayah.py", {"bandingkan": ["X"] * 7}))
@example((None, {"lang": "xx", "provinsi": BERBAHAYA[0], "instansi": BERBAHAYA[1]}))
@example(("pages/3_tren.py", {"nilai": BERBAHAYA[2], "banding": BERBAHAYA[3], "periode": "abc"}))
@example(("pages/4_demografi.py", {"dimensi": ["golongan", "hobi"], "unit_kerja": "x" * 3000}))
def test_tautan_acak_tidak_pernah_galat(sah, tautan):
    halaman, params = tautan
    at = _jalankan(halaman, params)
    assert not at.exception, (halaman, params, [e.value for e in at.exception])
    peringatan = _peringatan(at)
    # an unknown language is said in the main area
    lang = _nilai_terakhir(params.get("lang", ""))
    if lang not in ("", "id", "en"):
        assert f"«{aman.md(lang)}»" in "\n".join(w.value for w in at.main.warning), (halaman, params)
    # an unknown filter value gets a notice naming it (escaped), on every page with filters
    if halaman != "pages/5_data.py":
        for kolom in FILTER:
            mentah = _nilai_terakhir(params.get(kolom, ""))
            if mentah and not _dikenal(kolom, mentah, sah):
                assert f"«{aman.md(mentah)}»" in peringatan, (halaman, kolom, params)
    # so does an unknown page parameter, wherever the page got as far as reading it
    widget = {b.key for b in at.button_group}
    for nama, kunci, pilihan in (("banding", "banding_widget", ["nasional", "provinsi", "jenis"]),
                                 ("nilai", "nilai_widget", list(kontrak.KUNCI_NILAI)),
                                 ("dimensi", "dimensi_widget", list(kontrak.DIMENSI_DEMOGRAFI))):
        mentah = _nilai_terakhir(params.get(nama, ""))
        if kunci in widget and mentah and mentah not in pilihan:
            assert f"«{aman.md(mentah)}»" in peringatan, (halaman, nama, params)
    if halaman == "pages/2_wilayah.py" and at.multiselect:
        bandingkan = params.get("bandingkan", [])
        for w in bandingkan if isinstance(bandingkan, list) else [bandingkan]:
            if w and w not in at.multiselect[0].options:
                assert f"«{aman.md(w)}»" in peringatan, (w, params)
    # no hostile value reaches a Markdown element unescaped
    for nilai in params.values():
        for v in nilai if isinstance(nilai, list) else [nilai]:
            if v in BERBAHAYA and v not in aman.md(v):
                assert v not in _semua_markdown(at), (halaman, v)


def _semua_markdown(at: AppTest) -> str:
    bagian = [*at.markdown, *at.caption, *at.warning, *at.info, *at.error, *at.title, *at.subheader]
    return "\n".join([b.value for b in bagian] + [m.label for m in at.metric])


def test_bandingkan_diulang_tujuh_kali_tidak_galat_dan_dibatasi(sah):
    provinsi = sah["provinsi"][:8]
    at = _jalankan("pages/2_wilayah.py", {"periode": "2022", "bandingkan": [provinsi[0]] * 7})
    assert not at.exception
    assert at.multiselect[0].value == [provinsi[0]]
    at = _jalankan("pages/2_wilayah.py", {"periode": "2022", "bandingkan": provinsi})
    assert not at.exception
    assert at.multiselect[0].value == provinsi[:6]
    assert f"«{provinsi[6]}», «{provinsi[7]}»" in _peringatan(at)
    at = _jalankan("pages/2_wilayah.py", {"periode": "2022", "bandingkan": [BERBAHAYA[0], provinsi[0]]})
    assert not at.exception
    assert at.multiselect[0].value == [provinsi[0]]
    assert f"«{aman.md(BERBAHAYA[0])}»" in _peringatan(at)


def test_bahasa_tak_dikenal_diberi_tahu_di_area_utama(demo_env):
    at = _jalankan(None, {"lang": "xx"})
    assert not at.exception
    assert any("«xx»" in w.value and "Bahasa Indonesia" in w.value for w in at.main.warning)
    assert not any("«xx»" in w.value for w in at.sidebar.warning)
    assert not _jalankan(None, {"lang": "en"}).warning


# ---------------------------------------------------------------- hostile names in data files


NAMA = {
    "jenis_instansi": "![x](http://127.0.0.1:9/p.png)",
    "kabupaten_kota": "[Klik untuk login ulang](http://127.0.0.1:9/login)",
    "instansi": "**tebal** <a href='http://127.0.0.1:9/a'>a</a>",
    "unit_kerja": "x'); DROP TABLE agregat; --",
}
GOLONGAN = "<a href='http://127.0.0.1:9/g'>g</a> :smile:"


@pytest.fixture
def data_berbahaya(data_env):
    for periode in (2023, 2024):
        t = tabel(ids(f"p{periode}", 40), periode=periode, provinsi="Jawa Tengah",
                  golongan=[GOLONGAN] * 20 + ["III"] * 20, **NAMA)
        tulis(data_env / f"{periode}.parquet", t)
    tulis(data_env / "**tebal** [a](http:127.0.0.1:9) --.parquet", tabel(ids("r", 12)).drop_columns(["adaptif"]))
    (data_env / "`kode` **b**.txt").write_text("x")
    return data_env


def _teks_grafik(at: AppTest) -> str:
    """Every text in the page's Plotly figures (the JSON sent to the browser, decoded)."""
    def daun(x):
        if isinstance(x, dict):
            return [t for v in x.values() for t in daun(v)]
        if isinstance(x, list):
            return [t for v in x for t in daun(v)]
        return [x] if isinstance(x, str) else []

    return "\n".join(t for el in at.get("plotly_chart") for t in daun(json.loads(el.proto.spec)))


@pytest.mark.parametrize("halaman", HALAMAN)
def test_nama_dari_data_tampil_harfiah(data_berbahaya, halaman):
    params = {} if halaman == "pages/5_data.py" else {"periode": "2024", **NAMA}
    if halaman == "pages/4_demografi.py":
        params["dimensi"] = "golongan"
    if halaman == "pages/2_wilayah.py":
        params = {"periode": "2024", "provinsi": "Jawa Tengah", "kabupaten_kota": NAMA["kabupaten_kota"]}
    at = _jalankan(halaman, params)
    assert not at.exception, [e.value for e in at.exception]
    teks = _semua_markdown(at)
    for mentah in [*NAMA.values(), GOLONGAN, "**tebal** [a](http:127.0.0.1:9) --.parquet"]:
        assert mentah not in teks, mentah
    spek = _teks_grafik(at)
    assert not re.search(r"<a\b|<img\b", spek, re.IGNORECASE)  # Plotly draws <a href> as a link
    if halaman in (None, "pages/1_nilai.py", "pages/3_tren.py", "pages/4_demografi.py"):
        # the selection's names are in the caption, escaped
        judul = "\n".join(c.value for c in at.caption)
        assert aman.md(NAMA["unit_kerja"]) in judul
    if halaman == "pages/2_wilayah.py":  # agencies ranked: the name is drawn, with entities
        assert aman.grafik(NAMA["instansi"]) in spek
        assert aman.md(NAMA["kabupaten_kota"]) in "\n".join(s.value for s in at.subheader)
    if halaman == "pages/4_demografi.py":
        assert aman.grafik(GOLONGAN) in spek
    if halaman == "pages/5_data.py":
        assert aman.md("**tebal** [a](http:127.0.0.1:9) --.parquet") in _peringatan(at)
        assert aman.kode("`kode` **b**.txt") in teks


def test_menelusuri_tidak_memunculkan_pemberitahuan_bandingkan(sah):
    """The regions this page itself wrote into the link (provinces) are dropped quietly after a
    drill-down to kabupaten/kota: a notice is for a link the reader opened, not for our own."""
    at = _jalankan("pages/2_wilayah.py", {"periode": "2022"})
    assert at.query_params["bandingkan"]  # the highest and the lowest province
    telusuri = next(s for s in at.selectbox if s.label == "Telusuri lebih rinci")
    telusuri.select("Jawa Tengah").run()
    assert not at.exception
    assert at.query_params["provinsi"] == "Jawa Tengah"
    assert not at.warning, [w.value for w in at.warning]
    provinsi = next(s for s in at.sidebar.selectbox if s.label == "Provinsi")
    provinsi.select("Aceh").run()
    assert not at.exception
    assert not at.warning, [w.value for w in at.warning]
