"""Issue 9, item 1: on /wilayah a selection's figures never carry a region's name. With an
agency selected the page shows where it stands among its peers (same kind, same province,
same period), its bar marked, and its work units; the headline says its rank among the peers
shown and how many differ beyond the margin of error.

Checked against the old page: it drew one province row "Jawa Tengah" holding Tegal's own
figures (62,3) in its table, its ranking chart and its map, and had no headline."""

from __future__ import annotations

import json

from berakhlak import format as fmt
from berakhlak import kontrak
from tests.app.conftest import harapan, teks_semua

TEGAL = "Pemerintah Kabupaten Tegal"
WILAYAH = "pages/2_wilayah.py"


def grafik(at) -> list[dict]:
    """Every Plotly chart of the run as the browser gets it (JSON)."""
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def label_batang(fig: dict) -> list[tuple[str, float]]:
    """(label, figure) of every horizontal bar of a chart."""
    return [(y, x) for t in fig["data"] if t.get("type") == "bar" and t.get("orientation") == "h"
            for y, x in zip(t["y"], t["x"], strict=True)]


def sejawat_mentah(mentah, periode=2022):
    sel = mentah[(mentah["periode"] == periode) & (mentah["provinsi"] == "Jawa Tengah")
                 & (mentah["jenis_instansi"] == "Pemerintah Kabupaten")]
    return {nama: harapan(df) for nama, df in sel.groupby("instansi")}


def test_instansi_tidak_diberi_nama_provinsi(buka, mentah):
    at = buka(WILAYAH, periode="2022", instansi=TEGAL)
    sejawat = sejawat_mentah(mentah)
    tegal = kontrak.bulatkan(sejawat[TEGAL]["indeks"])
    assert tegal == 62.3
    # no table row and no bar names a region (the old page: one row and one bar "Jawa Tengah")
    for d in at.dataframe:
        assert "Wilayah" not in d.value.columns
        assert not set(d.value.iloc[:, :2].astype(str).to_numpy().ravel()) & set(kontrak.PROVINSI)
    for fig in grafik(at):
        for label, _ in label_batang(fig):
            assert label not in kontrak.PROVINSI
        assert fig["data"][0].get("type") != "heatmap" or "JATENG" not in json.dumps(fig)
    # the peers' table: every Pemerintah Kabupaten of Jawa Tengah in 2022, ranked
    t = at.dataframe[0].value
    assert list(t.columns[:3]) == ["Peringkat", "Instansi", "Indeks BerAKHLAK"]
    assert set(t["Instansi"]) == set(sejawat)
    urut = sorted(sejawat, key=lambda n: -kontrak.bulatkan(sejawat[n]["indeks"]))
    assert t["Instansi"].tolist()[0] == urut[0]
    baris = t.set_index("Instansi").loc[TEGAL]
    assert baris["Indeks BerAKHLAK"] == tegal
    peringkat = 1 + sum(kontrak.bulatkan(h["indeks"]) > tegal for h in sejawat.values())
    assert baris["Peringkat"] == peringkat
    # the peers' chart: one bar per peer, Tegal's outlined and its name bold
    fig = grafik(at)[0]
    batang = next(t for t in fig["data"] if t.get("type") == "bar")
    assert sorted(batang["y"]) == sorted(sejawat)
    garis = dict(zip(batang["y"], batang["marker"]["line"]["width"], strict=True))
    assert garis[TEGAL] > 0 and all(w == 0 for n, w in garis.items() if n != TEGAL)
    assert f"<b>{TEGAL}</b>" in fig["layout"]["yaxis"]["ticktext"]
    # the headline: its rank among the peers shown, in one sentence
    assert (f"{TEGAL} (62,3) berada di peringkat {peringkat} dari {len(sejawat)} Pemerintah Kabupaten "
            "di Jawa Tengah yang ditampilkan:") in teks_semua(at)
    assert {m.label: m.value for m in at.metric}["Peringkat di antara instansi sejenis"] == (
        f"{peringkat} dari {len(sejawat)}")


def test_instansi_unit_kerja(buka, mentah):
    at = buka(WILAYAH, periode="2022", instansi=TEGAL)
    unit = at.dataframe[1].value
    assert unit.columns[0] == "Unit kerja"
    sel = mentah[(mentah["periode"] == 2022) & (mentah["instansi"] == TEGAL)]
    n = sel.groupby("unit_kerja").size()
    assert set(unit["Unit kerja"]) == set(n.index)
    tampil = unit[unit["Responden"].map(lambda x: str(x).replace(".", "").isdigit())]
    for nama, jml in zip(tampil["Unit kerja"], tampil["Responden"], strict=True):
        assert int(str(jml).replace(".", "")) == n[nama]
    assert unit.set_index("Unit kerja").loc[n.idxmin(), "Responden"] == "< 10 responden"


def test_unit_kerja_dipilih_peringkatnya_di_antara_unit(buka, mentah):
    at = buka(WILAYAH, periode="2022", instansi=TEGAL, unit_kerja="Inspektorat")
    sel = mentah[(mentah["periode"] == 2022) & (mentah["instansi"] == TEGAL)]
    skor = kontrak.bulatkan(harapan(sel[sel["unit_kerja"] == "Inspektorat"])["indeks"])
    unit = at.dataframe[1].value
    tampak = unit[unit["Responden"].map(lambda x: str(x).replace(".", "").isdigit())]
    r = 1 + sum(x > skor for x in tampak["Indeks BerAKHLAK"].astype(str).str.replace(",", ".").astype(float))
    assert (f"Inspektorat ({fmt.desimal(skor)}) berada di peringkat {r} dari {len(tampak)} unit kerja "
            f"{TEGAL} yang ditampilkan") in teks_semua(at)


def test_instansi_bahasa_inggris(buka):
    at = buka(WILAYAH, periode="2022", instansi=TEGAL, lang="en")
    teks = teks_semua(at)
    assert f"{TEGAL} (62.3) ranks 1 of the 14 Pemerintah Kabupaten agencies in Jawa Tengah shown:" in teks
    assert "Jawa Tengah" not in " ".join(str(x) for d in at.dataframe for x in d.value.iloc[:, 1])


def test_kabupaten_tanpa_provinsi_tidak_diberi_nama_provinsi(buka, mentah):
    """A kabupaten/kota chosen without its province: its agencies, not one province row."""
    at = buka(WILAYAH, periode="2022", kabupaten_kota="Kabupaten Tegal")
    t = at.dataframe[0].value
    assert "Jawa Tengah" not in set(t["Wilayah"])
    sel = mentah[(mentah["periode"] == 2022) & (mentah["kabupaten_kota"] == "Kabupaten Tegal")]
    assert set(t["Wilayah"]) == set(sel["instansi"])
    assert "Peringkat instansi di Kabupaten Tegal" in [s.value for s in at.subheader]


def test_wilayah_kalimat_utama_tertinggi_terendah(buka, mentah):
    at = buka(WILAYAH, periode="2022")
    sel = mentah[mentah["periode"] == 2022]
    prov = {p: kontrak.bulatkan(harapan(df)["indeks"]) for p, df in sel.groupby("provinsi")}
    tinggi, rendah = max(prov, key=prov.get), min(prov, key=prov.get)
    kalimat = next(m.value for m in at.markdown if m.value.startswith("Dari "))
    assert kalimat.startswith(f"Dari 38 provinsi yang ditampilkan, tertinggi {tinggi} ({fmt.desimal(prov[tinggi])}) "
                              f"dan terendah {rendah} ({fmt.desimal(prov[rendah])}): selisih ")
    assert "margin kesalahan" in kalimat
