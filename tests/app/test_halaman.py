"""Every other page with URL filters, asserting numbers and the privacy rules on screen."""

from __future__ import annotations

from berakhlak import format as fmt
from berakhlak import kontrak
from tests.app.conftest import harapan, teks_semua

TEGAL = "Pemerintah Kabupaten Tegal"


def tabel(at, i=0):
    return at.dataframe[i].value


def test_nilai_tujuh_nilai_tegal_2022(buka, mentah):
    at = buka("pages/1_nilai.py", periode="2022", instansi=TEGAL)
    t = tabel(at).set_index("Nilai")
    sel = mentah[(mentah["periode"] == 2022) & (mentah["instansi"] == TEGAL)]
    h = harapan(sel)
    for v in kontrak.KUNCI_NILAI:
        assert t.loc[kontrak.label_nilai(v), "Indeks"] == kontrak.bulatkan(h[v])  # as shown
        assert t.loc[kontrak.label_nilai(v), "Responden"] == sel[v].notna().sum()
    assert t.loc["Indeks BerAKHLAK", "Indeks"] == kontrak.bulatkan(h["indeks"])
    assert (t["Margin kesalahan (±)"] > 0).all()
    assert t.loc["Adaptif", "Indeks"] == t["Indeks"].min()


def test_nilai_sebaran_kategori_menjumlah_seratus(buka):
    at = buka("pages/1_nilai.py", periode="2022", instansi=TEGAL)
    sebaran = tabel(at, 1)
    persen = sebaran[[c for c in sebaran.columns if c.endswith("(%)")]]
    # each share is rounded to one decimal as shown: four of them add up to 100 within 0,2
    assert ((persen.sum(axis=1) - 100).abs() <= 0.2 + 1e-9).all()


def test_tren_tegal_tiga_periode_dan_celah(buka, mentah):
    at = buka("pages/3_tren.py", periode="2024", instansi=TEGAL)
    t = tabel(at).set_index("Periode")
    tegal = mentah[mentah["instansi"] == TEGAL]
    for p in (2022, 2023, 2024):  # a column with a gap is shown as text in the reader's style
        assert t.loc[p, "Indeks"] == fmt.desimal(harapan(tegal[tegal["periode"] == p])["indeks"])
    # absent in 2025: no figure, not a zero, and not a small group either (issue 9, item 2)
    assert t.loc[2025, "Indeks"] == t.loc[2025, "Responden"] == "tidak ada data"
    assert "< 10 responden" not in t.loc[2025].tolist()


def test_wilayah_38_provinsi(buka, mentah):
    at = buka("pages/2_wilayah.py", periode="2022")
    t = tabel(at)
    assert len(t) == 38
    jateng = mentah[(mentah["periode"] == 2022) & (mentah["provinsi"] == "Jawa Tengah")]
    assert t.set_index("Wilayah").loc["Jawa Tengah", "Indeks BerAKHLAK"] == kontrak.bulatkan(
        harapan(jateng)["indeks"])


def test_wilayah_menelusuri_ke_kabupaten_kota(buka):
    at = buka("pages/2_wilayah.py", periode="2022", provinsi="Jawa Tengah")
    wilayah = set(tabel(at)["Wilayah"])
    assert "Kabupaten Tegal" in wilayah
    assert "Peringkat kabupaten/kota di Jawa Tengah" in [s.value for s in at.subheader]


def test_demografi_kelompok_8_disembunyikan_bersama_satu_lagi(buka, mentah):
    at = buka("pages/4_demografi.py", periode="2022", instansi=TEGAL, dimensi="golongan")
    t = tabel(at).set_index("Kelompok")
    sel = mentah[(mentah["periode"] == 2022) & (mentah["instansi"] == TEGAL)]
    n = sel.groupby("golongan").size()
    assert n["I"] == 8
    assert t.loc["I", "Responden"] == "< 10 responden"
    tersembunyi = t.index[t["Responden"].isin(["< 10 responden", "ikut disembunyikan"])].tolist()
    assert "I" in tersembunyi and len(tersembunyi) >= 2
    assert (t.loc[tersembunyi, "Adaptif"] == t.loc[tersembunyi, "Responden"]).all()
    # what is shown cannot be subtracted from the total to recover group I
    terlihat = [g for g in t.index if g not in tersembunyi]
    tampil = [int(t.loc[g, "Responden"].replace(".", "")) for g in terlihat]
    assert len(sel) - sum(tampil) == n[tersembunyi].sum() > n["I"]
    for g, jml in zip(terlihat, tampil, strict=True):
        assert jml == n[g]
        assert t.loc[g, "Adaptif"] == fmt.desimal(sel.loc[sel["golongan"] == g, "adaptif"].mean())


def test_demografi_dimensi_tidak_dikenal(buka):
    at = buka("pages/4_demografi.py", dimensi="hobi")
    assert "«hobi»" in " ".join(w.value for w in at.warning)
    assert at.query_params["dimensi"] == "jenis_kelamin"


def test_data_halaman_menghitung_berkas_demo(buka, mentah):
    at = buka("pages/5_data.py")
    m = {x.label: x.value for x in at.metric}
    assert m["Berkas dimuat"] == "4"
    assert m["Berkas ditolak"] == "0"
    assert m["Responden dimuat"] == f"{len(mentah):,}".replace(",", ".")
    assert "data sintetis" in teks_semua(at).lower()


def test_halaman_inggris(buka):
    at = buka("pages/1_nilai.py", periode="2022", instansi=TEGAL, lang="en")
    t = tabel(at)
    assert "Adaptive" in set(t["Value"])
    assert "The seven BerAKHLAK values with 95% margins of error" in [s.value for s in at.subheader]


def test_tautan_tanpa_periode_membuka_periode_terakhir_seleksi(buka):
    at = buka("pages/3_tren.py", instansi=TEGAL)  # Tegal has no 2025 data
    assert not at.warning
    assert at.query_params["periode"] == "2024"
    assert at.query_params["instansi"] == TEGAL


def test_tren_satu_nilai_baku_terlemah_dan_dari_url(buka):
    at = buka("pages/3_tren.py", periode="2024", instansi=TEGAL)
    assert at.query_params["nilai"] == "adaptif"  # Tegal's weakest value
    at = buka("pages/3_tren.py", periode="2024", instansi=TEGAL, nilai="loyal")
    assert at.query_params["nilai"] == "loyal"
    assert not at.warning
