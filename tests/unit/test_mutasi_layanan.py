"""layanan on a tiny data folder (issue 9, mutation testing): every function of the module,
fast enough to run once per mutant: this folder's catalog is built once per run in under a
second (the demo catalog took seconds per run, hours for every mutant), and a whole run of
this file takes about 3 s. Every test starts with layanan's caches cleared, so a mutant inside a
cached computation is computed again.

The data: three periods, three provinces, four agencies of two kinds (Pemerintah Kabupaten,
Pemerintah Kota), their units and two demographic columns, with small groups under the
minimum (10) so that the suppression pattern matters:

======  ==========================  ==================  ===  ====  =========================
period  agency (province)           unit                n    skor  golongan / jenis_kelamin
======  ==========================  ==================  ===  ====  =========================
2022    Kab. Tegal (Jawa Tengah)    Sekretariat Daerah  20   60    III 16, IV 4 / L 10, P 10
2022    Kab. Tegal                  Dinas Pendidikan    20   70    III / L 10, P 10
2022    Kota Tegal (Jawa Tengah)    Sekretariat Daerah  15   55    III / L
2022    Kab. Gorontalo (Gorontalo)  Sekretariat Daerah  12   65    III / P
2023    Kota Tegal                  Sekretariat Daerah  20   58    III / L 10, P 10
2023    Kota Bandung (Jawa Barat)   Sekretariat Daerah  10   62    III / L
2023    Kota Bandung                Dinas Perhubungan   20   68    III / L
2023    Kab. Gorontalo              Sekretariat Daerah  14   66    III / P
2023    Kab. Gorontalo              Dinas Kesehatan     1    52    III / P
2024    Kab. Tegal                  Dinas Pendidikan    40   72    III / L 20, P 20
2024    Kab. Tegal                  Dinas Kesehatan     5    50    III / P
2024    Kab. Gorontalo              Sekretariat Daerah  25   64    III / P
======  ==========================  ==================  ===  ====  =========================

Every value of a respondent is ``skor`` except adaptif, ``skor + 4``; the index of a respondent
is the mean of the seven. Expected figures are computed here with pandas from these rows (or
by hand), never by calling layanan.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from berakhlak import katalog, kontrak, layanan, pola
from berakhlak.layanan import Pilihan
from tests.unit.bantu import tulis

KAB, KOTA = "Pemerintah Kabupaten", "Pemerintah Kota"
JT, JB, GO = "Jawa Tengah", "Jawa Barat", "Gorontalo"
TEGAL, KTEGAL = "Pemerintah Kabupaten Tegal", "Pemerintah Kota Tegal"
GOR, BDG = "Pemerintah Kabupaten Gorontalo", "Pemerintah Kota Bandung"
SEKDA, DIKBUD, DINKES, DISHUB = ("Sekretariat Daerah", "Dinas Pendidikan", "Dinas Kesehatan",
                                 "Dinas Perhubungan")
L, P = "Laki-laki", "Perempuan"

# (periode, jenis, provinsi, kabupaten/kota, instansi, unit, n, skor, golongan, jenis_kelamin)
BLOK = [
    (2022, KAB, JT, "Kabupaten Tegal", TEGAL, SEKDA, 20, 60.0, ["III"] * 16 + ["IV"] * 4, [L] * 10 + [P] * 10),
    (2022, KAB, JT, "Kabupaten Tegal", TEGAL, DIKBUD, 20, 70.0, "III", [L] * 10 + [P] * 10),
    (2022, KOTA, JT, "Kota Tegal", KTEGAL, SEKDA, 15, 55.0, "III", L),
    (2022, KAB, GO, "Kabupaten Gorontalo", GOR, SEKDA, 12, 65.0, "III", P),
    (2023, KOTA, JT, "Kota Tegal", KTEGAL, SEKDA, 20, 58.0, "III", [L] * 10 + [P] * 10),
    (2023, KOTA, JB, "Kota Bandung", BDG, SEKDA, 10, 62.0, "III", L),
    (2023, KOTA, JB, "Kota Bandung", BDG, DISHUB, 20, 68.0, "III", L),
    (2023, KAB, GO, "Kabupaten Gorontalo", GOR, SEKDA, 14, 66.0, "III", P),
    (2023, KAB, GO, "Kabupaten Gorontalo", GOR, DINKES, 1, 52.0, "III", P),
    (2024, KAB, JT, "Kabupaten Tegal", TEGAL, DIKBUD, 40, 72.0, "III", [L] * 20 + [P] * 20),
    (2024, KAB, JT, "Kabupaten Tegal", TEGAL, DINKES, 5, 50.0, "III", P),
    (2024, KAB, GO, "Kabupaten Gorontalo", GOR, SEKDA, 25, 64.0, "III", P),
]
ORG = ["jenis_instansi", "provinsi", "kabupaten_kota", "instansi", "unit_kerja"]


def _mentah() -> pd.DataFrame:
    """One row per respondent, every column of the extract."""
    baris = []
    for b, (periode, jenis, prov, kab, inst, unit, n, skor, gol, jk) in enumerate(BLOK):
        gol = gol if isinstance(gol, list) else [gol] * n
        jk = jk if isinstance(jk, list) else [jk] * n
        for i in range(n):
            r = {"periode": periode, "responden_id": f"b{b:02d}r{i:03d}", "instansi": inst,
                 "provinsi": prov, "jenis_instansi": jenis, "kabupaten_kota": kab, "unit_kerja": unit,
                 "golongan": gol[i], "jenis_kelamin": jk[i]}
            for v in kontrak.KUNCI_NILAI:
                r[v] = skor + 4.0 if v == "adaptif" else skor
            baris.append(r)
    return pd.DataFrame(baris)


MENTAH = _mentah()
MENTAH["idx"] = MENTAH[list(kontrak.KUNCI_NILAI)].mean(axis=1)


def harap(kelompok: str, **filter) -> pd.DataFrame:
    """n, mean adaptif and mean index per ``kelompok`` within ``filter``, by pandas."""
    df = MENTAH
    for kolom, nilai in filter.items():
        df = df[df[kolom] == nilai]
    g = df.groupby(kelompok).agg(n=("idx", "size"), adaptif=("adaptif", "mean"), indeks=("idx", "mean"))
    return g.reset_index().rename(columns={kelompok: "kelompok"})


def tulis_data(folder: Path, mentah: pd.DataFrame) -> None:
    """One Parquet extract per period, as an agency's data would arrive."""
    for periode, bagian in mentah.groupby("periode"):
        kolom = [c for c in bagian.columns if c != "idx"]
        tulis(folder / f"berakhlak_{periode}.parquet",
              pa.Table.from_pandas(bagian[kolom].reset_index(drop=True), preserve_index=False))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> tuple[Path, Path]:
    """The tiny data folder and its own cache folder (written once per module)."""
    akar = tmp_path_factory.mktemp("layanan_kecil")
    data, cache = akar / "data", akar / "cache"
    data.mkdir()
    tulis_data(data, MENTAH)
    yield data, cache
    katalog.lupakan_semua()


def _lupakan_cache() -> None:
    """Every lru cache of layanan, cleared directly (not through bersihkan_cache, which is
    itself under test): a mutant inside a cached computation must be computed again."""
    for f in (layanan._ukuran, layanan._ringkas, layanan._pola, layanan._pilihan_filter, layanan._opsi,
              layanan._periode_instansi, layanan._per_periode, layanan._cakupan):
        f.cache_clear()


@pytest.fixture(autouse=True)
def env(folder, monkeypatch):
    data, cache = folder
    monkeypatch.setenv("BERAKHLAK_DATA_DIR", str(data))
    monkeypatch.setenv("BERAKHLAK_CACHE_DIR", str(cache))
    monkeypatch.delenv("BERAKHLAK_MIN_RESPONDEN", raising=False)
    monkeypatch.setenv(layanan.VARIABEL_LATAR, "0")
    _lupakan_cache()
    yield
    _lupakan_cache()


@pytest.fixture
def k() -> katalog.Keadaan:
    return layanan.keadaan_lengkap()


def baris_tampil(lebar: pd.DataFrame) -> list[tuple]:
    """(kelompok, n, adaptif, indeks, hidden, reason) per row, n as int (None when hidden)."""
    return [(r.kelompok, None if pd.isna(r.n) else int(r.n),
             None if pd.isna(r.adaptif) else round(float(r.adaptif), 9),
             None if pd.isna(r.indeks) else round(float(r.indeks), 9),
             bool(r.tersembunyi), r.alasan_sembunyi) for r in lebar.itertuples()]


def dari_pandas(h: pd.DataFrame) -> list[tuple]:
    return [(r.kelompok, int(r.n), round(float(r.adaptif), 9), round(float(r.indeks), 9), False, None)
            for r in h.itertuples()]


# --- Pilihan ---------------------------------------------------------------------------------


def test_pilihan_params_dengan_tanpa_periode_terisi():
    p = Pilihan(unit_kerja=DIKBUD, periode=2024, provinsi=JT, instansi=TEGAL)
    assert p.params() == {"periode": 2024, "jenis_instansi": None, "provinsi": JT, "kabupaten_kota": None,
                          "instansi": TEGAL, "unit_kerja": DIKBUD}
    assert list(p.params()) == list(kontrak.FILTER)
    assert p.dengan(provinsi=None, unit_kerja=None) == Pilihan(periode=2024, instansi=TEGAL)
    assert p.dengan() == p
    assert p.tanpa_periode() == Pilihan(provinsi=JT, instansi=TEGAL, unit_kerja=DIKBUD)
    assert p.periode == 2024  # frozen: a new selection each time
    # the set filters in narrowing order, whatever the order they were given in
    assert list(p.terisi().items()) == [("periode", 2024), ("provinsi", JT), ("instansi", TEGAL),
                                        ("unit_kerja", DIKBUD)]
    assert Pilihan().terisi() == {}
    assert Pilihan(periode=0).terisi() == {"periode": 0}  # 0 is set, only None means 'all'


# --- the snapshot ---------------------------------------------------------------------------


def test_keadaan_dan_keadaan_lengkap_dari_folder_data(folder):
    k = layanan.keadaan_lengkap(30)
    assert k.demografi_lengkap and k.akar == folder[0]
    assert k.periode == (2022, 2023, 2024)
    assert k.n_responden == len(MENTAH) == 202
    assert layanan.keadaan().versi == k.versi
    assert layanan.keadaan() is layanan.keadaan_lengkap()


# --- ukuran, ringkas, _sel --------------------------------------------------------------------


def test_ukuran_jumlah_per_kelompok(k):
    u = layanan.ukuran(k, "provinsi", Pilihan(periode=2022))
    h = harap("provinsi", periode=2022)
    assert u["kelompok"].tolist() == h["kelompok"].tolist() == [GO, JT]
    assert u["n"].tolist() == h["n"].tolist() == [12, 55]
    s_ad = MENTAH[MENTAH["periode"] == 2022].groupby("provinsi")["adaptif"].sum()
    assert u["s_ad"].tolist() == pytest.approx(s_ad.tolist())  # 12 * 69; 20 * 64 + 20 * 74 + 15 * 59
    assert u["s_ad"].tolist() == pytest.approx([828.0, 3645.0])
    # demographic groups of one agency (dimensi)
    g = layanan.ukuran(k, "grup", Pilihan(periode=2022, instansi=TEGAL), "golongan")
    assert g[["kelompok", "n"]].values.tolist() == [["III", 36], ["IV", 4]]
    # the default dimension is 'semua': one row per period for the whole selection
    t = layanan.ukuran(k, "periode", Pilihan(instansi=TEGAL))
    assert t[["kelompok", "n"]].values.tolist() == [[2022, 40], [2024, 45]]


def test_ukuran_salinan_tidak_mengubah_cache(k):
    u = layanan.ukuran(k, "instansi", Pilihan(periode=2023))
    u.loc[:, "n"] = -1
    lagi = layanan.ukuran(k, "instansi", Pilihan(periode=2023))
    assert lagi[["kelompok", "n"]].values.tolist() == [[GOR, 15], [BDG, 30], [KTEGAL, 20]]


def test_ringkas_angka_per_instansi(k):
    lebar = layanan.ringkas(k, "instansi", Pilihan(periode=2022))
    assert baris_tampil(lebar) == dari_pandas(harap("instansi", periode=2022))
    # by hand: Kab. Tegal (20 x 64 + 20 x 74) / 40 = 69; index (20 x 60.571.. + 20 x 70.571..) / 40
    tegal = lebar.set_index("kelompok").loc[TEGAL]
    assert tegal["adaptif"] == pytest.approx(69.0)
    assert tegal["indeks"] == pytest.approx(65.0 + 4 / 7)
    assert tegal["kategori"] == "B"


def test_ringkas_unit_kecil_dan_pelengkapnya_disembunyikan(k):
    lebar = layanan.ringkas(k, "unit_kerja", Pilihan(periode=2024, instansi=TEGAL))
    # Dinas Kesehatan has 5 (< 10); Dinas Pendidikan is the agency (45) minus those 5
    assert baris_tampil(lebar) == [(DINKES, None, None, None, True, "kecil"),
                                   (DIKBUD, None, None, None, True, "pelengkap")]
    # the agency itself is shown: no group of it can be worked out from it alone
    inst = layanan.ringkas(k, "instansi", Pilihan(periode=2024, provinsi=JT))
    assert baris_tampil(inst) == dari_pandas(harap("instansi", periode=2024, provinsi=JT))
    # in 2022 both units are 20: nothing hidden, the default dimension is 'semua'
    unit = layanan.ringkas(k, "unit_kerja", Pilihan(periode=2022, instansi=TEGAL))
    assert baris_tampil(unit) == dari_pandas(harap("unit_kerja", periode=2022, instansi=TEGAL))


def test_ringkas_per_periode_dan_kelompok_demografi(k):
    per = layanan.ringkas(k, "periode", Pilihan(instansi=TEGAL))
    assert baris_tampil(per) == dari_pandas(harap("periode", instansi=TEGAL))
    assert per["kelompok"].tolist() == [2022, 2024]
    # jenis_kelamin: 20 and 20, nothing small anywhere in this breakdown
    jk = layanan.ringkas(k, "grup", Pilihan(periode=2022, instansi=TEGAL), "jenis_kelamin")
    assert baris_tampil(jk) == dari_pandas(harap("jenis_kelamin", periode=2022, instansi=TEGAL))
    assert jk["adaptif"].tolist() == pytest.approx([69.0, 69.0])
    # golongan: IV has 4 (small), III is the agency minus those 4: both hidden
    gol = layanan.ringkas(k, "grup", Pilihan(periode=2022, instansi=TEGAL), "golongan")
    assert baris_tampil(gol) == [("III", None, None, None, True, "pelengkap"),
                                 ("IV", None, None, None, True, "kecil")]
    # the same cells nationally (every IV respondent is in Tegal's secretariat)
    nas = layanan.ringkas(k, "grup", Pilihan(periode=2022), "golongan")
    assert baris_tampil(nas) == [("III", None, None, None, True, "pelengkap"),
                                 ("IV", None, None, None, True, "kecil")]
    # a unit hidden as a filter cell hides its demographic groups too (20 P, 20 L in 2024 Dikbud)
    dik = layanan.ringkas(k, "grup", Pilihan(periode=2024, instansi=TEGAL, unit_kerja=DIKBUD), "jenis_kelamin")
    assert dik["tersembunyi"].tolist() == [True, True]


def test_ringkas_minimum_dari_lingkungan(k, monkeypatch):
    monkeypatch.setenv("BERAKHLAK_MIN_RESPONDEN", "13")
    lebar = layanan.ringkas(k, "instansi", Pilihan(periode=2022))
    # Gorontalo's 12 are now too few, and Tegal goes with them: the Kabupaten total of 2022
    # (52) minus Tegal (40) would give them
    assert lebar.set_index("kelompok")["alasan_sembunyi"].to_dict() == {GOR: "kecil", TEGAL: "pelengkap",
                                                                        KTEGAL: None}
    assert lebar["n"].fillna(0).astype(int).tolist() == [0, 0, 15]


def test_ringkas_salinan(k):
    a = layanan.ringkas(k, "provinsi", Pilihan(periode=2023))
    a.loc[:, "n"] = 0
    b = layanan.ringkas(k, "provinsi", Pilihan(periode=2023))
    assert b["n"].tolist() == [15, 30, 20]


def test_sel_kunci_per_jenis_kelompok():
    p = Pilihan(periode=2024, provinsi=JT, instansi=TEGAL)
    assert layanan._sel(p, "unit_kerja", "semua", DIKBUD) == (2024, "semua", (None, JT, None, TEGAL, DIKBUD))
    # grouped by period: the row's period, the selection's own period ignored
    assert layanan._sel(p, "periode", "semua", 2022) == (2022, "semua", (None, JT, None, TEGAL, None))
    # a demographic group: the selection's cell plus the group, as text
    assert layanan._sel(p, "grup", "golongan", "IV") == (2024, "golongan", (None, JT, None, TEGAL, None, "IV"))
    assert layanan._sel(Pilihan(instansi=TEGAL), "grup", "kelompok_usia", 30) == (
        None, "kelompok_usia", (None, None, None, TEGAL, None, "30"))
    assert layanan._sel(Pilihan(), "provinsi", "semua", GO) == (None, "semua", (None, GO, None, None, None))
    assert p.terisi() == {"periode": 2024, "provinsi": JT, "instansi": TEGAL}  # untouched


# --- the pattern ----------------------------------------------------------------------------


def test_pola_privasi_tanpa_latar_saat_variabel_nol(k):
    p = layanan.pola_privasi(k)
    assert isinstance(p, pola.Pola)
    assert p.minimum == 10 and p.demografi is True and p.latar is None
    assert layanan.pola_privasi(k) is p  # once per data version


def test_pola_privasi_menghitung_lapisan_di_latar(k, monkeypatch):
    monkeypatch.delenv(layanan.VARIABEL_LATAR)
    monkeypatch.setenv("BERAKHLAK_MIN_RESPONDEN", "14")  # a pattern (and folder) of its own
    p = layanan.pola_privasi(k)
    assert isinstance(p.latar, threading.Thread) and p.minimum == 14
    p.latar.join(60)
    assert not p.latar.is_alive()
    assert all(p.siap(x, d) for x in (2022, 2023, 2024) for d in ("semua", *kontrak.DIMENSI_DEMOGRAFI))
    assert layanan.pola_privasi(k).latar is p.latar  # started once


def test_pola_siap_dan_siapkan_pola(k, monkeypatch):
    monkeypatch.setenv("BERAKHLAK_MIN_RESPONDEN", "11")  # a pattern no other test computed
    assert not layanan.pola_siap(k)
    assert not layanan.pola_siap(k, "golongan", 2024)
    layanan.siapkan_pola(k)
    p = layanan.pola_privasi(k)
    assert set(p.tersembunyi) == {(2022, "semua"), (2023, "semua"), (2024, "semua")}
    assert layanan.pola_siap(k)
    assert layanan.pola_siap(k, "golongan")  # no period: only the filter cells are needed
    assert layanan.pola_siap(k, None, 2024)
    assert not layanan.pola_siap(k, "golongan", 2024)
    layanan.siapkan_pola(k, None, 2024)
    layanan.siapkan_pola(k, "golongan", None)
    assert set(p.tersembunyi) == {(2022, "semua"), (2023, "semua"), (2024, "semua")}
    layanan.siapkan_pola(k, "golongan", 2024)
    assert set(p.tersembunyi) == {(2022, "semua"), (2023, "semua"), (2024, "semua"), (2024, "golongan")}
    assert layanan.pola_siap(k, "golongan", 2024)
    assert not layanan.pola_siap(k, "golongan", 2023)


def test_pola_hanya_periode_yang_ditampilkan(k, monkeypatch):
    """A page of one period waits only for the filter cells of the periods it shows (that
    period and the selection's previous one); the others are left to the background."""
    monkeypatch.setenv("BERAKHLAK_MIN_RESPONDEN", "13")  # a pattern no other test computed
    assert layanan.periode_tampil(k, Pilihan(periode=2024)) == (2024, 2023)
    assert layanan.periode_tampil(k, Pilihan(periode=2024, instansi=TEGAL)) == (2024, 2022)
    assert layanan.periode_tampil(k, Pilihan(periode=2022)) == (2022,)
    assert layanan.periode_tampil(k, Pilihan()) == (2022, 2023, 2024)
    assert not layanan.pola_siap(k, periode_filter=(2024, 2022))
    layanan.siapkan_pola(k, "golongan", 2024, periode_filter=(2024, 2022))
    p = layanan.pola_privasi(k)
    assert set(p.tersembunyi) == {(2022, "semua"), (2024, "semua"), (2024, "golongan")}
    assert layanan.pola_siap(k, "golongan", 2024, periode_filter=(2024, 2022))
    assert layanan.pola_siap(k, periode_filter=(2022,))
    assert not layanan.pola_siap(k)  # 2023 not computed
    assert not layanan.pola_siap(k, periode_filter=(2023,))


def test_siapkan_pola_tanpa_demografi(k, monkeypatch):
    monkeypatch.setenv("BERAKHLAK_MIN_RESPONDEN", "12")
    dasar = dataclasses.replace(k, demografi_lengkap=False)
    layanan.siapkan_pola(dasar, "golongan", 2024)
    p = layanan.pola_privasi(dasar)
    assert p.demografi is False
    assert set(p.tersembunyi) == {(2022, "semua"), (2023, "semua"), (2024, "semua")}


def test_pola_siap_membaca_lapisan_yang_tersimpan(k, monkeypatch):
    """Layers kept on disk by an earlier process count as ready (siap), period by period."""
    monkeypatch.setenv("BERAKHLAK_MIN_RESPONDEN", "15")
    p = layanan.pola_privasi(k)
    p.lapisan(2022, "semua")
    p.lapisan(2023, "semua")
    assert not layanan.pola_siap(k)  # 2024 missing
    p.lapisan(2024, "semua")
    assert layanan.pola_siap(k)


def test_pola_menyimpan_lapisan_di_disk(k, monkeypatch):
    """The pattern keeps its layers on disk (per data version and minimum): after the caches
    are cleared (as after a restart) a new pattern finds them ready and reads them back
    instead of computing them; the snapshot without demographic rollups (another version,
    "-dasar") does not see them."""
    monkeypatch.setenv("BERAKHLAK_MIN_RESPONDEN", "16")  # a pattern no other test computed
    layanan.siapkan_pola(k, "golongan", 2024)
    p = layanan.pola_privasi(k)
    assert p.dari_disk == 0 and len(p.tersembunyi) == 4  # computed: three filter layers, one golongan
    assert not layanan.pola_siap(dataclasses.replace(k, demografi_lengkap=False))
    _lupakan_cache()
    baru = layanan.pola_privasi(k)
    assert baru is not p and baru.tersembunyi == {} and baru.dari_disk == 0
    assert layanan.pola_siap(k, "golongan", 2024)  # on disk: ready
    # read back, not computed: the same hidden cells (Tegal's two units in 2024)
    assert baru.lapisan(2024, "semua") == p.lapisan(2024, "semua") and baru.dari_disk == 1
    assert baru.sembunyi(2024, "semua", (KAB, JT, "Kabupaten Tegal", TEGAL, DINKES))
    assert baru.sembunyi(2024, "semua", (KAB, JT, "Kabupaten Tegal", TEGAL, DIKBUD))

# --- whole selections -----------------------------------------------------------------------


def test_total_satu_baris_atau_none(k):
    t = layanan.total(k, Pilihan(periode=2024, instansi=TEGAL))
    h = harap("periode", instansi=TEGAL).set_index("kelompok").loc[2024]
    assert t["kelompok"] == 2024 and t["n"] == 45 == h["n"]
    assert t["indeks"] == pytest.approx(h["indeks"])
    assert t["adaptif"] == pytest.approx((40 * 76 + 5 * 54) / 45)
    assert layanan.total(k, Pilihan(periode=2023, instansi=TEGAL)) is None
    # no period: the first period's row (2022), not all periods together (pages always pass one)
    semua = layanan.total(k, Pilihan(instansi=TEGAL))
    assert semua["kelompok"] == 2022 and semua["n"] == 40
    # a hidden selection: its row, blanked
    sisa = layanan.total(k, Pilihan(periode=2024, instansi=TEGAL, unit_kerja=DIKBUD))
    assert sisa["kelompok"] == 2024 and bool(sisa["tersembunyi"]) and pd.isna(sisa["n"])
    assert sisa["alasan_sembunyi"] == "pelengkap"


def test_per_periode_setiap_periode_dengan_tanda_tanpa_data(k):
    pp = layanan.per_periode(k, Pilihan(periode=2024, instansi=TEGAL))
    assert pp["kelompok"].tolist() == [2022, 2023, 2024]
    assert pp[layanan.TANPA_DATA].tolist() == [False, True, False]
    assert pp["n"].fillna(-1).astype(int).tolist() == [40, -1, 45]
    assert pp["indeks"].tolist()[0] == pytest.approx(65.0 + 4 / 7)
    # a period of 9 or fewer is not "no data": it is there, hidden
    kecil = layanan.per_periode(k, Pilihan(instansi=TEGAL, unit_kerja=DINKES))
    assert kecil[layanan.TANPA_DATA].tolist() == [True, True, False]
    assert kecil["tersembunyi"].tolist()[2] is True and kecil["alasan_sembunyi"].tolist()[2] == "kecil"
    # a copy: changing it does not change the next answer
    pp.loc[:, layanan.TANPA_DATA] = True
    lagi = layanan.per_periode(k, Pilihan(instansi=TEGAL))
    assert lagi[layanan.TANPA_DATA].tolist() == [False, True, False]


def test_n_seleksi(k):
    assert layanan.n_seleksi(k, Pilihan(instansi=TEGAL)) == 85
    assert layanan.n_seleksi(k, Pilihan(periode=2024, instansi=TEGAL, unit_kerja=DINKES)) == 5
    assert layanan.n_seleksi(k, Pilihan(periode=2023, instansi=TEGAL)) == 0
    assert layanan.n_seleksi(k, Pilihan()) == 202
    assert isinstance(layanan.n_seleksi(k, Pilihan()), int)


def test_status_seleksi_setiap_alasan(k):
    s = layanan.status_seleksi
    assert s(dataclasses.replace(k, n_responden=0), Pilihan(periode=2024)) == layanan.KOSONG_SEMUA == "kosong"
    assert s(k, Pilihan(periode=2024, unit_kerja=DIKBUD)) == layanan.UNIT_TANPA_INSTANSI == "unit"
    assert s(k, Pilihan(periode=2024, instansi=TEGAL, unit_kerja=DINKES)) == layanan.TERLALU_KECIL == "kecil"
    assert s(k, Pilihan(periode=2023, instansi=TEGAL)) == "kecil"  # nobody at all
    assert s(k, Pilihan(periode=2024, instansi=TEGAL, unit_kerja=DIKBUD)) == layanan.SISA_KECIL == "sisa"
    assert s(k, Pilihan(periode=2024, instansi=TEGAL)) is None
    assert s(k, Pilihan(periode=2024)) is None
    # exactly the minimum (10) may be shown
    assert s(k, Pilihan(periode=2023, instansi=BDG, unit_kerja=SEKDA)) is None
    # no period: the count over every period, the pattern of the latest period (2024)
    assert s(k, Pilihan(instansi=TEGAL, unit_kerja=DIKBUD)) == "sisa"
    assert s(k, Pilihan(instansi=TEGAL, unit_kerja=SEKDA)) is None  # 2022's 20; not a 2024 cell
    assert s(k, Pilihan(instansi=TEGAL, unit_kerja=DINKES)) == "kecil"
    # a period given: its own pattern (2022's 20 in Dinas Pendidikan shown; hidden in 2024)
    assert s(k, Pilihan(periode=2022, instansi=TEGAL, unit_kerja=DIKBUD)) is None
    # before the demographic rollups exist the filter cells are decided the same way
    dasar = dataclasses.replace(k, demografi_lengkap=False)
    assert s(dasar, Pilihan(periode=2024, instansi=TEGAL)) is None
    assert s(dasar, Pilihan(periode=2024, instansi=TEGAL, unit_kerja=DIKBUD)) == "sisa"


def test_status_seleksi_minimum_dari_lingkungan(k, monkeypatch):
    assert layanan.status_seleksi(k, Pilihan(periode=2022, instansi=GOR)) is None
    monkeypatch.setenv("BERAKHLAK_MIN_RESPONDEN", "13")
    assert layanan.status_seleksi(k, Pilihan(periode=2022, instansi=GOR)) == "kecil"


def test_seleksi_terdekat(k):
    st = layanan.seleksi_terdekat
    # one filter dropped, the narrowest first: Tegal is not in Gorontalo (0 respondents)
    assert st(k, Pilihan(periode=2024, provinsi=GO, instansi=TEGAL)) == Pilihan(periode=2024, provinsi=GO)
    assert st(k, Pilihan(periode=2024, instansi=TEGAL, unit_kerja=DIKBUD)) == Pilihan(periode=2024, instansi=TEGAL)
    # no single filter helps: two dropped, the narrowest pair first
    assert st(k, Pilihan(periode=2024, provinsi=GO, instansi=TEGAL, unit_kerja=DINKES)) == Pilihan(
        periode=2024, provinsi=GO)
    # a selection that may be shown still gets a wider one (the function is about dropping)
    assert st(k, Pilihan(periode=2024, provinsi=JT)) == Pilihan(periode=2024)
    # the period is never dropped; nothing else to drop: None
    assert st(k, Pilihan(periode=2024)) is None
    assert st(k, Pilihan()) is None


def test_seleksi_terdekat_none_saat_semua_tersembunyi(k, monkeypatch):
    monkeypatch.setenv("BERAKHLAK_MIN_RESPONDEN", "300")  # more than everybody (202)
    assert layanan.seleksi_terdekat(k, Pilihan(periode=2024, instansi=TEGAL)) is None


# --- the sidebar's lists ----------------------------------------------------------------------


def test_pilihan_filter_setiap_kombinasi(k):
    df = layanan.pilihan_filter(k)
    assert list(df.columns) == ["periode", *ORG, "n"]
    harapan = MENTAH.groupby(["periode", *ORG]).size().reset_index(name="n")
    dapat = df.sort_values(["periode", *ORG]).reset_index(drop=True)
    assert dapat.astype({"periode": int, "n": int}).values.tolist() == harapan.values.tolist()
    assert len(dapat) == 12


def test_opsi_dalam_filter_sebelumnya(k):
    assert layanan.opsi(k, "provinsi", Pilihan()) == [GO, JB, JT]
    assert layanan.opsi(k, "provinsi", Pilihan(periode=2024)) == [GO, JT]
    assert layanan.opsi(k, "provinsi", Pilihan(provinsi=GO)) == [GO, JB, JT]  # its own value ignored
    assert layanan.opsi(k, "provinsi", Pilihan(periode=2023, jenis_instansi=KOTA)) == [JB, JT]
    # filters after the column in the sidebar (the unit) do not narrow it
    assert layanan.opsi(k, "instansi", Pilihan(periode=2022, provinsi=JT, unit_kerja=DINKES)) == [TEGAL, KTEGAL]
    assert layanan.opsi(k, "unit_kerja", Pilihan(periode=2024, instansi=TEGAL)) == [DINKES, DIKBUD]
    assert layanan.opsi(k, "periode", Pilihan(instansi=TEGAL, provinsi=GO)) == [2022, 2023, 2024]
    assert layanan.opsi(k, "kabupaten_kota", Pilihan(jenis_instansi=KOTA, instansi=GOR)) == [
        "Kota Bandung", "Kota Tegal"]


def test_cakupan(k):
    assert layanan.cakupan(k, None) == (3, 4)
    assert layanan.cakupan(k, 2022) == (2, 3)
    assert layanan.cakupan(k, 2023) == (3, 3)
    assert layanan.cakupan(k, 2024) == (2, 2)
    assert layanan.cakupan(k, 2021) == (0, 0)
    assert all(type(x) is int for x in layanan.cakupan(k, 2024))


def test_periode_instansi(k):
    semua = layanan.periode_instansi(k)
    assert semua == {GOR: (2022, 2023, 2024), TEGAL: (2022, 2024), BDG: (2023,), KTEGAL: (2022, 2023)}
    assert list(semua) == [GOR, TEGAL, BDG, KTEGAL]
    assert layanan.periode_instansi(k, None) == semua
    # the period and the filters after instansi (the unit) are ignored, the province counts
    assert layanan.periode_instansi(k, Pilihan(periode=2024, provinsi=JT, unit_kerja=SEKDA)) == {
        TEGAL: (2022, 2024), KTEGAL: (2022, 2023)}
    assert layanan.periode_instansi(k, Pilihan(jenis_instansi=KOTA)) == {BDG: (2023,), KTEGAL: (2022, 2023)}
    assert layanan.periode_instansi(k, Pilihan(instansi=TEGAL)) == semua
    assert layanan.periode_instansi(k, Pilihan(kabupaten_kota="Kota Tegal")) == {KTEGAL: (2022, 2023)}


def test_satu_responden_dihitung_dalam_cakupan_dan_daftar_instansi(tmp_path, monkeypatch):
    """A province or agency with a single respondent in a period has data there: it counts in
    the coverage and the agency list (which drop only combinations without respondents)."""
    data = _folder_sendiri(tmp_path, monkeypatch)
    satu = MENTAH[MENTAH["instansi"] == BDG].head(1).assign(periode=2022, responden_id="bdg1")
    tulis_data(data, pd.concat([MENTAH[MENTAH["periode"] == 2022], satu]))
    k = layanan.keadaan_lengkap()
    assert k.n_responden == 67 + 1
    assert layanan.cakupan(k, 2022) == (3, 4)  # Bandung's 1 counts: Jawa Barat and its agency
    assert layanan.cakupan(k, None) == (3, 4)
    assert layanan.periode_instansi(k) == {GOR: (2022,), TEGAL: (2022,), BDG: (2022,), KTEGAL: (2022,)}
    assert layanan.periode_instansi(k, Pilihan(provinsi=JB)) == {BDG: (2022,)}


def test_periode_terakhir(k):
    pt = layanan.periode_terakhir
    assert pt(k, {}) == 2024
    assert pt(k, {"instansi": KTEGAL}) == 2023
    assert pt(k, {"instansi": "Dinas yang tidak ada"}) == 2024  # unknown values are ignored
    assert pt(k, {"provinsi": JB}) == 2023
    # narrowing in order; a value that does not exist within the earlier ones is ignored
    assert pt(k, {"instansi": TEGAL, "unit_kerja": SEKDA}) == 2022
    assert pt(k, {"instansi": KTEGAL, "unit_kerja": DINKES}) == 2023
    assert isinstance(pt(k, {}), int)


def test_periode_terakhir_tanpa_data(k, monkeypatch):
    kosong = pd.DataFrame({c: pd.Series([], dtype="object") for c in ["periode", *ORG, "n"]})
    monkeypatch.setattr(layanan, "pilihan_filter", lambda k: kosong)
    assert layanan.periode_terakhir(k, {}) is None
    assert layanan.periode_terakhir(k, {"instansi": TEGAL}) is None


def test_periode_sebelumnya(k):
    ps = layanan.periode_sebelumnya
    assert ps(k, Pilihan(periode=2024, instansi=TEGAL)) == 2022  # 2023 has nobody of Tegal
    assert ps(k, Pilihan(periode=2023, instansi=KTEGAL)) == 2022
    assert ps(k, Pilihan(periode=2024)) == 2023
    assert ps(k, Pilihan(periode=2022, instansi=TEGAL)) is None
    assert ps(k, Pilihan(instansi=TEGAL)) is None
    assert ps(k, Pilihan(periode=2024, instansi=BDG)) == 2023  # its own latest, though not 2024's
    # one respondent is a period with data (Gorontalo's health office in 2023)
    assert ps(k, Pilihan(periode=2024, instansi=GOR, unit_kerja=DINKES)) == 2023
    assert ps(k, Pilihan(periode=2024, unit_kerja=DINKES)) == 2023
    assert isinstance(ps(k, Pilihan(periode=2024)), int)


# --- benchmarks -----------------------------------------------------------------------------


def test_pembanding_nasional_provinsi_jenis(k):
    pb = layanan.pembanding
    assert pb(k, Pilihan(periode=2024, instansi=TEGAL), "nasional") == (Pilihan(periode=2024), "nasional")
    # the selection's own province, else the province holding most of its respondents
    assert pb(k, Pilihan(periode=2024, instansi=TEGAL), "provinsi") == (Pilihan(periode=2024, provinsi=JT), JT)
    assert pb(k, Pilihan(periode=2022, provinsi=GO, instansi=GOR), "provinsi") == (
        Pilihan(periode=2022, provinsi=GO), GO)
    assert pb(k, Pilihan(provinsi=GO, instansi=TEGAL), "provinsi") == (Pilihan(provinsi=GO), GO)
    # agencies of the same kind
    assert pb(k, Pilihan(periode=2024, instansi=TEGAL), "jenis") == (
        Pilihan(periode=2024, jenis_instansi=KAB), KAB)
    assert pb(k, Pilihan(periode=2023, jenis_instansi=KOTA, instansi=GOR), "jenis") == (
        Pilihan(periode=2023, jenis_instansi=KOTA), KOTA)
    assert pb(k, Pilihan(periode=2023), "jenis") == (Pilihan(periode=2023, jenis_instansi=KOTA), KOTA)
    # nobody in the selection: no benchmark to name
    assert pb(k, Pilihan(periode=2023, instansi=TEGAL), "jenis") is None
    assert pb(k, Pilihan(periode=2023, instansi=TEGAL), "provinsi") is None


def test_dominan_jumlah_responden_bukan_jumlah_baris(k):
    d = layanan._dominan
    # 2023 nationally: Jawa Barat 30 (two units), Jawa Tengah 20, Gorontalo 15
    assert d(k, Pilihan(periode=2023), "provinsi") == JB
    # all periods: Jawa Tengah 120, Gorontalo 51 (three rows), Jawa Barat 30
    assert d(k, Pilihan(), "provinsi") == JT
    # 2023 by kind: Kota 50 (three rows), Kabupaten 15 (two)
    assert d(k, Pilihan(periode=2023), "jenis_instansi") == KOTA
    # secretariats over the periods: Jawa Tengah 20 + 15 + 20 = 55, Gorontalo 12 + 14 + 25 = 51,
    # three rows each; Jawa Barat 10
    assert d(k, Pilihan(unit_kerja=SEKDA), "provinsi") == JT
    assert d(k, Pilihan(periode=2023, instansi=TEGAL), "provinsi") is None
    assert isinstance(d(k, Pilihan(periode=2024), "provinsi"), str)


# --- caches ---------------------------------------------------------------------------------


def test_bersihkan_cache_mengosongkan_setiap_cache(k):
    p = Pilihan(periode=2024, instansi=TEGAL)
    layanan.per_periode(k, p)
    layanan.opsi(k, "provinsi", p)
    layanan.cakupan(k, 2024)
    layanan.periode_instansi(k, p)
    cache = (layanan._ukuran, layanan._ringkas, layanan._pilihan_filter, layanan._opsi,
             layanan._periode_instansi, layanan._per_periode, layanan._cakupan)
    assert all(f.cache_info().currsize > 0 for f in cache)
    layanan.bersihkan_cache()
    assert [f.cache_info().currsize for f in cache] == [0] * 7


def _folder_sendiri(tmp_path: Path, monkeypatch) -> Path:
    data, cache = tmp_path / "data", tmp_path / "cache"
    data.mkdir()
    monkeypatch.setenv("BERAKHLAK_DATA_DIR", str(data))
    monkeypatch.setenv("BERAKHLAK_CACHE_DIR", str(cache))
    return data


def test_data_baru_angka_baru(tmp_path, monkeypatch):
    """Results are cached per data version: files added to the folder give fresh figures
    everywhere, without clearing any cache (the module's promise)."""
    data = _folder_sendiri(tmp_path, monkeypatch)
    awal = MENTAH[MENTAH["periode"] == 2022]
    tulis_data(data, awal)
    k1 = layanan.keadaan_lengkap()
    p = Pilihan(periode=2022, instansi=GOR)
    sekda = Pilihan(periode=2022, instansi=GOR, unit_kerja=SEKDA)

    def lihat(k):
        return (layanan.ukuran(k, "periode", p)["n"].tolist(),
                layanan.ringkas(k, "provinsi", Pilihan(periode=2022))["n"].tolist(),
                layanan.ringkas(k, "unit_kerja", p)["alasan_sembunyi"].tolist(),
                layanan.total(k, p)["n"],
                layanan.per_periode(k, p)["n"].fillna(-1).astype(int).tolist(),
                layanan.opsi(k, "provinsi", Pilihan()),
                layanan.cakupan(k, None),
                layanan.periode_instansi(k),
                layanan.periode_terakhir(k, {}),
                layanan.status_seleksi(k, sekda),
                layanan.pola_privasi(k).sembunyi(2022, "semua", pola.kunci_sel(sekda.terisi())),
                len(layanan.pilihan_filter(k)))

    assert lihat(k1) == ([12], [12, 55], [None], 12, [12], [GO, JT], (2, 3),
                         {GOR: (2022,), TEGAL: (2022,), KTEGAL: (2022,)}, 2022, None, False, 4)
    # more respondents of Gorontalo in 2022: 12 more in the secretariat and 3 in a health
    # office (small: both units hidden now), and Bandung's 2023
    tambah = awal[awal["instansi"] == GOR].assign(responden_id=lambda d: d["responden_id"] + "x")
    dinkes = tambah.head(3).assign(responden_id=lambda d: d["responden_id"] + "d", unit_kerja=DINKES)
    tambah = pd.concat([tambah, dinkes, MENTAH[MENTAH["instansi"] == BDG]])
    for periode, bagian in tambah.groupby("periode"):
        kolom = [c for c in bagian.columns if c != "idx"]
        tulis(data / f"tambahan_{periode}.parquet",
              pa.Table.from_pandas(bagian[kolom].reset_index(drop=True), preserve_index=False))
    k2 = layanan.keadaan_lengkap()
    assert k2.versi != k1.versi and k2.basis is k1.basis
    assert lihat(k2) == ([27], [27, 55], ["kecil", "pelengkap"], 27, [27, -1], [GO, JB, JT], (3, 4),
                         {GOR: (2022,), TEGAL: (2022,), BDG: (2023,), KTEGAL: (2022,)}, 2023, "sisa",
                         True, 7)


def test_keadaan_lengkap_menunggu_paling_lama_batas(tmp_path, monkeypatch):
    """keadaan_lengkap(batas) returns the first snapshot once ``batas`` has passed without the
    demographic rollups (held back here until the test lets them go)."""
    data = _folder_sendiri(tmp_path, monkeypatch)
    tulis_data(data, MENTAH[MENTAH["periode"] == 2023])
    lepas = threading.Event()
    asli = katalog.Katalog._rollup_banyak

    def tahan(self, nama, *a, **kw):
        if nama == "agregat_berkas_demografi":
            lepas.wait(10)  # bounded: a stuck build cannot hang the run
        return asli(self, nama, *a, **kw)

    monkeypatch.setattr(katalog.Katalog, "_rollup_banyak", tahan)
    try:
        k = layanan.keadaan_lengkap(0.05)
        assert not k.demografi_lengkap and k.n_responden == 65
    finally:
        lepas.set()
    k = layanan.keadaan_lengkap()
    assert k.demografi_lengkap and k.n_responden == 65
