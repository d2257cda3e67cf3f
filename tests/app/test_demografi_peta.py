"""Issue 9, items 8 and 9 on /demografi: the heat map colours each cell by the group's
difference from the selection's own value (as displayed), outlines the differences beyond the
margin of error, keeps the group's score in the cell; the page opens with one sentence naming
the group furthest from the selection's index.

Checked against the old page: its heat map's z were the absolute scores (0-100 scale) and it
had no sentence."""

from __future__ import annotations

import functools
import json
import math

import pytest

from berakhlak import format as fmt
from berakhlak import kontrak
from tests.app.conftest import jalankan, teks_semua

TEGAL = "Pemerintah Kabupaten Tegal"
Z95 = 1.96
BATAS_DINGIN = 600  # s: the first run of a session builds the demographic breakdowns and pattern


@pytest.fixture
def buka(demo_env):
    """conftest's ``buka`` with room for a cold first run on a busy machine (the demographic
    layers are built on the first /demografi of a test session)."""

    return functools.partial(jalankan, batas=BATAS_DINGIN)


def _ukur(df, kolom):
    x = df[kolom].dropna()
    return x.mean(), Z95 * x.std(ddof=1) / math.sqrt(len(x))


def test_peta_panas_selisih_dari_instansi(buka, mentah):
    at = buka("pages/4_demografi.py", periode="2022", instansi=TEGAL, dimensi="kelompok_usia")
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    peta = fig["data"][0]
    assert peta["type"] == "heatmap" and peta["zmid"] == 0 and peta["zmin"] == -peta["zmax"]
    sel = mentah[(mentah["periode"] == 2022) & (mentah["instansi"] == TEGAL)]
    assert peta["y"] == ["&lt; 30", "30-39", "40-49", "50+"]
    tanda = {(round((s["x0"] + s["x1"]) / 2), round((s["y0"] + s["y1"]) / 2))
             for s in fig["layout"].get("shapes", [])}
    harapan_tanda = set()
    for i, grup in enumerate(["< 30", "30-39", "40-49", "50+"]):
        g = sel[sel["kelompok_usia"] == grup]
        for j, v in enumerate(kontrak.KUNCI_NILAI):
            (skor, moe), (acuan, moe_a) = _ukur(g, v), _ukur(sel, v)
            beda = kontrak.bulatkan(kontrak.bulatkan(skor) - kontrak.bulatkan(acuan))
            assert peta["z"][i][j] == beda, (grup, v)
            assert peta["text"][i][j].startswith((fmt.desimal(skor), f"<b>{fmt.desimal(skor)}</b>"))
            if abs(skor - acuan) > math.hypot(moe, moe_a):
                harapan_tanda.add((j, i))
    assert tanda == harapan_tanda and tanda  # some differences are beyond the margin, each outlined
    assert all(peta["text"][i][j].startswith("<b>") == ((j, i) in tanda) for i in range(4) for j in range(7))


def test_kalimat_kelompok_terjauh(buka, mentah):
    at = buka("pages/4_demografi.py", periode="2022", instansi=TEGAL, dimensi="kelompok_usia")
    sel = mentah[(mentah["periode"] == 2022) & (mentah["instansi"] == TEGAL)]
    idx = sel[list(kontrak.KUNCI_NILAI)].mean(axis=1)
    acuan = sel[list(kontrak.KUNCI_NILAI)].mean().mean()
    moe_a = Z95 * idx.std(ddof=1) / math.sqrt(len(idx))
    beda = {}
    for grup, g in sel.groupby("kelompok_usia"):
        skor = g[list(kontrak.KUNCI_NILAI)].mean().mean()
        moe = Z95 * idx[g.index].std(ddof=1) / math.sqrt(len(g))
        beda[grup] = (kontrak.bulatkan(kontrak.bulatkan(skor) - kontrak.bulatkan(acuan)), skor - acuan,
                      math.hypot(moe, moe_a))
    jauh = max(beda, key=lambda g: abs(beda[g][0]))
    tampil, mentah_beda, moe = beda[jauh]
    assert abs(mentah_beda) > moe  # in the demo, a difference beyond the margin
    arah = "di atas" if mentah_beda > 0 else "di bawah"
    kalimat = (f"Kelompok usia {jauh} paling jauh {arah} indeks {TEGAL} ({fmt.desimal(acuan)}): "
               f"{fmt.desimal(tampil, tanda=True)} poin (melebihi margin kesalahan ±{fmt.desimal(moe)}).")
    assert kalimat.replace("<", "\\<") in teks_semua(at)
    # the table says each group's difference from the selection's index
    t = at.dataframe[0].value.set_index("Kelompok")
    assert t.loc[jauh, f"Selisih dari {TEGAL}"] == tampil


def test_kalimat_bahasa_inggris_dan_kepala_kolom(buka):
    at = buka("pages/4_demografi.py", periode="2022", instansi=TEGAL, dimensi="golongan", lang="en")
    assert any(m.value.startswith("Grade ") and "the index of Pemerintah Kabupaten Tegal (62.3)" in m.value
               for m in at.markdown)
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert fig["data"][0]["x"][0] == "Service-<br>oriented"
    # group I (8 respondents) stays hidden: grey with its marker, no difference
    i = fig["data"][0]["y"].index("I")
    assert fig["data"][0]["z"][i] == [None] * 7
    assert fig["data"][1]["text"][i][0] == "< 10<br>respondents"
