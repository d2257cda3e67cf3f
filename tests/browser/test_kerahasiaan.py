"""Issue 7, cases 1-5, through real URLs: the subtraction an adversary would do cannot be done.

A dashboard server runs on the generated data of :func:`berakhlak.audit.tulis_data_uji` (the
five leak patterns of :data:`berakhlak.audit.KASUS`). For each case the test opens the URLs
whose figures an adversary would add and subtract (each term with the other URLs that name the
same respondents, as an adversary would try them too), reads what each page shows (the
"Responden" metric, a table row's "Responden" cell, or the refusal), and asserts:

- the small group itself never shows a count (its page refuses or its cell reads a marker);
- at least one term of the subtraction is not shown under any of its URLs;
- every count that is shown is the exact count of the group it names (so the test reads the
  right cell), and a row whose count is hidden shows no figure at all;
- a refused page offers a link to a wider selection ("Buka pilihan yang lebih luas ...") that
  keeps only some of the filters and opens a page that is shown.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlparse

import pandas as pd
import pytest
from playwright.sync_api import expect

from berakhlak import audit, kontrak
from tests.browser.conftest import (
    BATAS_EKSPEKTASI,
    CHROMIUM,
    Halaman,
    Server,
    _halaman_baru,
    jalankan_server,
)

pytestmark = pytest.mark.browser

MINIMUM = 10
TOLAK = ("disembunyikan untuk melindungi kelompok kecil", f"kurang dari {MINIMUM} responden",
         "Pilih dahulu instansinya, lalu unit kerjanya")
PENANDA = (f"< {MINIMUM} responden", "ikut disembunyikan")
LEBIH_LUAS = "Buka pilihan yang lebih luas"
FILTER = tuple(k for k in kontrak.FILTER if k != "periode")
PERIODE_AKHIR = max(audit.PERIODE_UJI)


# --- what to open ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sumber:
    """One figure an adversary reads: the respondents of a page's selection (``baris`` None:
    the "Responden" metric) or of one row of its table (the row whose first cell is
    ``baris``). ``kelompok`` names the respondents it counts (for the expected count)."""

    jalur: str
    baris: str | None
    periode: int
    kelompok: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        return self.jalur + (f" [baris {self.baris}]" if self.baris else " [metrik Responden]")


def sumber(halaman: str, periode: int | None = None, baris: str | None = None,
           periode_data: int = PERIODE_AKHIR, kelompok: dict | None = None, **filter_) -> Sumber:
    """A figure on ``halaman`` with the filters of the link (``periode`` in the link only when
    given); ``kelompok`` adds what the row adds to the filters (a region, a demographic group)."""
    params = {**filter_, **({"periode": periode} if periode is not None else {})}
    jalur = halaman + ("?" + urlencode(params) if params else "")
    isi = {**filter_, **(kelompok or {})}
    return Sumber(jalur, baris, periode if periode is not None else periode_data, tuple(sorted(isi.items())))


@dataclass(frozen=True)
class Kasus:
    nomor: int
    suku: tuple[tuple[int, tuple[Sumber, ...]], ...]  # (sign, the URLs giving that same figure)
    kecil: tuple[Sumber, ...]                          # the small group itself


GOR, JK = "Gorontalo", "Pemerintah Kabupaten"
AMBON, C1, C2 = "Kota Ambon", "Pemerintah Kota Ambon", "Pemerintah Provinsi Maluku"
BU, TEGAL, SEMARANG = "Bagian Umum", "Pemerintah Kabupaten Tegal", "Pemerintah Kota Semarang"
BADUNG, B1, B2 = "Kabupaten Badung", "Pemerintah Kabupaten Badung", "Badan Pengawas Obat dan Makanan"
NTB, KAB_A, KAB_B, KAB_C = ("Nusa Tenggara Barat", "Kabupaten Lombok Barat", "Kabupaten Lombok Timur",
                            "Kabupaten Sumbawa")
GOL_I = {"golongan": "I"}

KASUS_URL: dict[int, Kasus] = {
    # 1. Gorontalo 2024 (100) minus its Pemerintah Kabupaten agencies (95) = the ministry's 5.
    1: Kasus(1, (
        (+1, (sumber("/", 2024, provinsi=GOR),
              sumber("/wilayah", 2024, baris=GOR, kelompok={"provinsi": GOR}))),
        (-1, (sumber("/", 2024, jenis_instansi=JK, provinsi=GOR),
              sumber("/wilayah", 2024, baris=GOR, jenis_instansi=JK, kelompok={"provinsi": GOR}))),
    ), (sumber("/", 2024, jenis_instansi="Kementerian", provinsi=GOR),)),
    # 2. Kota Ambon in 2023 (45) minus Pemerintah Kota Ambon in 2023 (40) = the province's 5,
    #    on /tren (every period on one page) and on / with periode=2023.
    2: Kasus(2, (
        (+1, (sumber("/tren", baris="2023", periode_data=2023, provinsi="Maluku", kabupaten_kota=AMBON),
              sumber("/tren", 2023, baris="2023", kabupaten_kota=AMBON),
              sumber("/", 2023, provinsi="Maluku"))),
        (-1, (sumber("/tren", baris="2023", periode_data=2023, provinsi="Maluku", kabupaten_kota=AMBON,
                     instansi=C1),
              sumber("/tren", baris="2023", periode_data=2023, instansi=C1),
              sumber("/", 2023, instansi=C1))),
    ), (sumber("/tren", baris="2023", periode_data=2023, instansi=C2),
        sumber("/", 2023, instansi=C2))),
    # 3. "Bagian Umum" (55) minus Tegal's "Bagian Umum" (50) = Semarang's 5.
    3: Kasus(3, (
        (+1, (sumber("/", unit_kerja=BU),)),
        (-1, (sumber("/", instansi=TEGAL, unit_kerja=BU),
              sumber("/", kabupaten_kota="Kabupaten Tegal", unit_kerja=BU))),
    ), (sumber("/", instansi=SEMARANG, unit_kerja=BU),)),
    # 4. Golongan I in Kabupaten Badung (23) minus golongan I of B2 (15) = B1's 8.
    4: Kasus(4, (
        (+1, (sumber("/demografi", baris="I", kelompok=GOL_I, kabupaten_kota=BADUNG, dimensi="golongan"),
              sumber("/demografi", baris="I", kelompok=GOL_I, provinsi="Bali", dimensi="golongan"))),
        (-1, (sumber("/demografi", baris="I", kelompok=GOL_I, kabupaten_kota=BADUNG, instansi=B2,
                     dimensi="golongan"),
              sumber("/demografi", baris="I", kelompok=GOL_I, instansi=B2, dimensi="golongan"))),
    ), (sumber("/demografi", baris="I", kelompok=GOL_I, kabupaten_kota=BADUNG, instansi=B1,
               dimensi="golongan"),)),
    # 5. Nusa Tenggara Barat (105) minus Lombok Barat (50) minus Lombok Timur (50) = Sumbawa's 5.
    5: Kasus(5, (
        (+1, (sumber("/", provinsi=NTB),
              sumber("/wilayah", 2024, baris=NTB, kelompok={"provinsi": NTB}))),
        (-1, (sumber("/", kabupaten_kota=KAB_A),)),
        (-1, (sumber("/", kabupaten_kota=KAB_B),)),
    ), (sumber("/", kabupaten_kota=KAB_C),)),
}


# --- the server on the generated data -------------------------------------------------------


@dataclass
class DataUji:
    df: pd.DataFrame
    server: Server


@pytest.fixture(scope="module")
def data_uji(tmp_path_factory) -> DataUji:
    """A dashboard server on a folder filled by ``audit.tulis_data_uji`` (cache outside it)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed")
    pytest.importorskip("playwright.sync_api")
    data = tmp_path_factory.mktemp("kerahasiaan_data")
    cache = tmp_path_factory.mktemp("kerahasiaan_cache")
    log = tmp_path_factory.mktemp("kerahasiaan_log") / "server.log"
    df = audit.tulis_data_uji(data)
    with jalankan_server(data, cache, log) as srv:
        yield DataUji(df=df, server=srv)


@pytest.fixture(scope="module")
def konteks_uji(browser, data_uji):
    """conftest's Chromium (Debian's, its launch flags), in a context of this module's own."""
    konteks = browser.new_context(viewport={"width": 1600, "height": 1000})
    yield konteks
    konteks.close()


@pytest.fixture
def halaman_uji(konteks_uji, data_uji) -> Halaman:
    h = _halaman_baru(konteks_uji, data_uji.server, {"width": 1600, "height": 1000})
    yield h
    h.page.close()


# --- reading a page -------------------------------------------------------------------------


@dataclass
class Bacaan:
    """What one page shows: the refusal (None when shown), the "Responden" metric, the
    table rows (first cell -> header -> text) and the links offered to a wider selection."""

    jalur: str
    tolak: str | None
    responden: str | None
    tabel: dict[str, dict[str, str]]
    lebih_luas: list[str]


_BACAAN: dict[str, Bacaan] = {}  # per URL: a page reads the same for every case


def _tabel(page) -> dict[str, dict[str, str]]:
    """Rows of the page's table, read from the accessible mirror of the canvas grid (waiting
    until it is drawn)."""
    grid = page.locator("[data-testid='stDataFrame']")
    if grid.count() == 0:
        return {}
    grid = grid.first
    grid.scroll_into_view_if_needed()
    baca = """e => [...e.querySelectorAll('tr')].map(r =>
        [...r.querySelectorAll('th, td')].map(c => (c.textContent || '').trim()))"""
    akhir = time.monotonic() + BATAS_EKSPEKTASI
    while True:
        baris = [b for b in grid.evaluate(baca) if b]
        if len(baris) >= 2 or time.monotonic() > akhir:
            break
        page.wait_for_timeout(100)
    assert len(baris) >= 2, f"{page.url}: the table's cells were never drawn"
    kepala = baris[0]
    return {b[0]: dict(zip(kepala, b, strict=False)) for b in baris[1:]}


def baca(h: Halaman, jalur: str) -> Bacaan:
    if jalur in _BACAAN:
        return _BACAAN[jalur]
    h.buka(jalur)
    page = h.page
    expect(page.locator("[data-testid='stSkeleton']")).to_have_count(0)
    expect(page.locator("[data-testid='stStatusWidget']")).to_have_count(0)
    h.tanpa_galat()
    peringatan = " ".join(page.locator("[data-testid='stMain'] [data-testid='stAlert']").all_inner_texts())
    tolak = peringatan if any(t in peringatan for t in TOLAK) else None
    metrik = h.metrik("Responden")
    responden = metrik.inner_text().strip() if metrik.count() else None
    tabel = _tabel(page)
    tautan = page.locator("[data-testid='stMain'] [data-testid='stPageLink'] a")
    lebih_luas = [a.evaluate("a => a.href") for a in tautan.all()
                  if any(baris.strip().startswith(LEBIH_LUAS) for baris in a.inner_text().splitlines())]
    _BACAAN[jalur] = b = Bacaan(jalur, tolak, responden, tabel, lebih_luas)
    return b


def _angka(teks: str) -> int | None:
    """A whole count as shown ("1.234" in Indonesian), else None."""
    return int(teks.replace(".", "")) if re.fullmatch(r"\d{1,3}(\.\d{3})*", teks) else None


def angka_sumber(h: Halaman, s: Sumber) -> int | str:
    """The count a source shows, or why none is shown ("ditolak" or the cell's marker).
    Anything else (a missing metric, a row with neither a count nor a marker) fails."""
    b = baca(h, s.jalur)
    if b.tolak is not None:
        assert b.responden is None and not b.tabel, f"{s}: refused, yet shows figures"
        return "ditolak"
    if s.baris is None:
        assert b.responden is not None, f"{s}: neither refused nor a 'Responden' metric"
        teks = b.responden
    else:
        assert s.baris in b.tabel, f"{s}: no row {s.baris!r} in {list(b.tabel)}"
        baris = b.tabel[s.baris]
        teks = baris.get("Responden")
        assert teks is not None, f"{s}: no 'Responden' column in {list(baris)}"
    n = _angka(teks)
    if n is not None:
        return n
    assert teks in PENANDA, f"{s}: the count reads {teks!r}, neither a number nor a marker"
    if s.baris is not None:  # a hidden count hides the whole row: no mean to pair with anything
        angka = {k: v for k, v in list(b.tabel[s.baris].items())[1:] if v not in PENANDA and re.search(r"\d", v)}
        assert not angka, f"{s}: count hidden ({teks}) but the row shows {angka}"
    return teks


def n_data(df: pd.DataFrame, s: Sumber) -> int:
    """The true count of the group a source names."""
    pilih = df["periode"] == s.periode
    for kolom, nilai in s.kelompok:
        if kolom in df.columns:
            pilih &= df[kolom].astype(str) == nilai
    return int(pilih.sum())


def _periksa_lebih_luas(h: Halaman, b: Bacaan, buka: bool) -> None:
    """A refused page offers a wider selection: same page, a strict subset of the filters
    (the other page parameters kept), and, when ``buka``, that page is shown."""
    assert b.lebih_luas, f"{b.jalur}: refused ({b.tolak!r}) without a link starting {LEBIH_LUAS!r}"
    asal = urlparse(b.jalur)
    filter_asal = {(k, v) for k, v in parse_qsl(asal.query) if k in FILTER}
    for href in b.lebih_luas:
        tujuan = urlparse(href)
        assert tujuan.path == asal.path, (b.jalur, href)
        filter_tujuan = {(k, v) for k, v in parse_qsl(tujuan.query) if k in FILTER}
        assert filter_tujuan < filter_asal, f"{b.jalur}: link {href} is not a wider selection"
        lain = {(k, v) for k, v in parse_qsl(tujuan.query) if k in ("dimensi", "nilai", "lang", "banding")}
        assert lain <= set(parse_qsl(asal.query)), (b.jalur, href)
        if not buka:
            continue
        jalur = tujuan.path + ("?" + tujuan.query if tujuan.query else "")
        assert baca(h, jalur).tolak is None, f"{b.jalur}: its wider selection {jalur} is refused too"


# --- the test ---------------------------------------------------------------------------------


@pytest.mark.parametrize("nomor", sorted(KASUS_URL))
def test_selisih_dua_url_tidak_membuka_kelompok_kecil(halaman_uji, data_uji, nomor):
    kasus = KASUS_URL[nomor]
    judul, _, ukuran = audit.KASUS[nomor]
    df = data_uji.df
    # the generated data holds the pattern: the terms add up to the small group
    for _, pilihan in kasus.suku:
        assert len({n_data(df, s) for s in pilihan}) == 1, [(str(s), n_data(df, s)) for s in pilihan]
    assert sum(tanda * n_data(df, pilihan[0]) for tanda, pilihan in kasus.suku) == ukuran, judul
    assert all(n_data(df, s) == ukuran for s in kasus.kecil), judul

    # the small group itself: never a count
    for s in kasus.kecil:
        terbaca = angka_sumber(halaman_uji, s)
        assert not isinstance(terbaca, int), f"case {nomor} ({judul}): {s} shows {terbaca}"

    # every term: what each of its URLs shows; a shown count is the exact count of its group
    bacaan: list[tuple[int, list[tuple[Sumber, int | str]]]] = []
    for tanda, pilihan in kasus.suku:
        hasil = [(s, angka_sumber(halaman_uji, s)) for s in pilihan]
        for s, terbaca in hasil:
            if isinstance(terbaca, int):
                assert terbaca == n_data(df, s), f"{s} shows {terbaca}, the data hold {n_data(df, s)}"
        bacaan.append((tanda, hasil))

    # the subtraction: at least one term is shown under none of its URLs
    tampil = [next((n for _, n in hasil if isinstance(n, int)), None) for _, hasil in bacaan]
    if all(n is not None for n in tampil):
        selisih = sum(tanda * n for (tanda, _), n in zip(bacaan, tampil, strict=True))
        rinci = "\n".join(f"  {'+' if tanda > 0 else '-'} {s}: {n}" for tanda, hasil in bacaan for s, n in hasil)
        pytest.fail(f"case {nomor} ({judul}) leaks: every term is shown, difference {selisih}:\n{rinci}")

    # every refused page offers a wider selection; the small group's is opened and is shown
    # (opening every one would double the test's time)
    for s in [*kasus.kecil, *(s for _, pilihan in kasus.suku for s in pilihan)]:
        b = baca(halaman_uji, s.jalur)
        if b.tolak is not None:
            _periksa_lebih_luas(halaman_uji, b, buka=s in kasus.kecil)
