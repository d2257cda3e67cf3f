"""grafik: figure contents, number style per language, hidden groups, gaps, offline map."""

from __future__ import annotations

import json
import math

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from berakhlak import grafik, kontrak, peta, statistik, warna

NILAI = kontrak.KUNCI_NILAI
SKOR = [57.9, 74.1, 56.7, 63.8, 65.8, 38.9, 69.4]  # national 2022
MOE = [1.2, 0.8, 1.5, 1.1, 0.9, 2.0, 1.3]
PENANDA = "< 10 responden"


def panjang(skor=SKOR, moe=MOE, tersembunyi=None, kelompok="Nasional") -> pd.DataFrame:
    n = len(NILAI)
    return pd.DataFrame({
        "kelompok": [kelompok] * n, "nilai": list(NILAI), "skor": skor, "moe": moe,
        "n": [5773] * n, "pa": [0.30] * n, "pb": [0.40] * n, "pc": [0.25] * n, "pd": [0.05] * n,
        "tersembunyi": tersembunyi or [False] * n,
    })


def lebar(kelompok: list[str], indeks: list[float | None], tersembunyi: list[bool]) -> pd.DataFrame:
    """A wide frame; hidden rows carry NaN figures as privasi.terapkan leaves them."""
    baris = []
    for nama, x, t in zip(kelompok, indeks, tersembunyi, strict=True):
        isi = math.nan if t or x is None else x
        b = {"kelompok": nama, "n": math.nan if t else 120, "indeks": isi,
             "moe_indeks": math.nan if t else 1.5, "kategori": None if t else kontrak.kategori(isi),
             "n_lv": 0 if t else 100, "tersembunyi": t}
        for v in NILAI:
            b |= {v: isi, f"moe_{v}": 1.0, f"n_{v}": 120}
            b |= {f"p{k}_{v}": 0.25 for k in "abcd"}
        b |= {f"plv{i}": (math.nan if t else 0.2) for i in range(1, 6)}
        baris.append(b)
    return pd.DataFrame(baris)


def per_periode(skor: dict, nilai: str = "indeks", **lain) -> pd.DataFrame:
    data = pd.DataFrame({"kelompok": list(skor), "nilai": nilai, "skor": list(skor.values()),
                         "moe": 1.0, "n": 500})
    return data.assign(**lain)


def semua_teks(fig: go.Figure) -> str:
    return json.dumps([t.to_plotly_json() for t in fig.data], default=str)


def jejak_penanda(fig: go.Figure) -> list:
    return [t for t in fig.data if isinstance(t, go.Scatter) and t.mode == "text"]


# ------------------------------------------------------------------------------ bars


def test_batang_nilai_skor_moe_dan_urutan():
    fig = grafik.batang_nilai(panjang(), "id", PENANDA)
    batang = fig.data[0]
    assert batang.orientation == "h"
    assert list(batang.x) == SKOR
    assert list(batang.error_x.array) == MOE
    assert list(batang.y) == [kontrak.label_nilai(v, "id") for v in NILAI]
    assert list(batang.marker.color) == [warna.NILAI[v] for v in NILAI]
    assert fig.layout.yaxis.autorange == "reversed"  # official order, top to bottom
    assert tuple(fig.layout.xaxis.range) == (0, 100)


@pytest.mark.parametrize(("lang", "pemisah", "teks"), [("id", ",.", "62,3"), ("en", ".,", "62.3")])
def test_angka_mengikuti_bahasa(lang, pemisah, teks):
    data = panjang(skor=[62.3] * 7)
    data["n"] = 5773
    fig = grafik.batang_nilai(data, lang, PENANDA)
    assert fig.layout.separators == pemisah
    assert list(fig.data[0].text) == [teks] * 7
    ribuan = "5.773" if lang == "id" else "5,773"
    assert teks in fig.data[0].hovertext[0] and ribuan in fig.data[0].hovertext[0]


def test_nilai_tersembunyi_tanpa_angka_dengan_penanda():
    skor = [math.nan if v == "adaptif" else s for v, s in zip(NILAI, SKOR, strict=True)]
    tanda = [v == "adaptif" for v in NILAI]
    fig = grafik.batang_nilai(panjang(skor=skor, tersembunyi=tanda), "id", PENANDA)
    adaptif = kontrak.label_nilai("adaptif", "id")
    assert adaptif not in fig.data[0].y
    assert None not in fig.data[0].x
    (penanda,) = jejak_penanda(fig)
    assert list(penanda.y) == [adaptif] and list(penanda.text) == [PENANDA]
    assert adaptif in fig.layout.yaxis.categoryarray


def test_pembanding_berlian_dengan_legenda():
    banding = panjang(skor=[60.0] * 7)
    fig = grafik.batang_nilai(panjang(), "en", "< 10 respondents", banding, "National")
    (berlian,) = [t for t in fig.data if isinstance(t, go.Scatter) and t.mode == "markers"]
    assert berlian.marker.symbol == "diamond-open" and berlian.name == "National"  # error bar visible
    assert berlian.showlegend and fig.layout.showlegend
    assert list(berlian.x) == [60.0] * 7


def test_sebaran_kategori_seratus_persen():
    fig = grafik.sebaran_kategori(panjang(), "id", PENANDA)
    assert [t.name for t in fig.data] == ["A Sehat", "B Cukup Sehat", "C Tidak Sehat",
                                          "D Sangat Tidak Sehat"]
    assert [t.marker.color for t in fig.data] == list(warna.KATEGORI.values())
    assert list(fig.data[0].x) == pytest.approx([30.0] * 7)
    assert fig.data[0].text[0] == "30 %"
    assert fig.layout.barmode == "stack"


def test_peringkat_urut_warna_dan_tersembunyi_di_bawah():
    data = lebar(["Aceh", "Bali", "Jambi", "Riau"], [55.0, 80.2, None, 62.3], [False, False, True, False])
    fig = grafik.peringkat(data, "id", PENANDA, "Provinsi")
    assert list(fig.layout.yaxis.categoryarray) == ["Bali", "Riau", "Aceh", "Jambi"]
    batang = fig.data[0]
    assert list(batang.x) == [80.2, 62.3, 55.0]
    assert list(batang.marker.color) == [warna.KATEGORI[k] for k in "ABB"]
    assert "Jambi" not in batang.y
    (penanda,) = jejak_penanda(fig)
    assert list(penanda.y) == ["Jambi"] and list(penanda.text) == [PENANDA]
    assert fig.layout.yaxis.title.text == "Provinsi"
    assert fig.layout.height >= 300
    besar = grafik.peringkat(lebar([f"G{i}" for i in range(40)], [60.0] * 40, [False] * 40),
                             "id", PENANDA, "")
    assert besar.layout.height >= 28 * 40


def test_sebaran_level_nama_level():
    data = lebar(["Pria", "Wanita"], [60.0, None], [False, True])
    fig = grafik.sebaran_level(data, "en", "< 10 respondents")
    assert [t.name for t in fig.data[:5]] == [f"{i} {en}" for i, (_, en) in kontrak.LEVEL_SOSIO.items()]
    assert list(fig.data[0].y) == ["Pria"]
    (penanda,) = jejak_penanda(fig)
    assert list(penanda.y) == ["Wanita"]


# ------------------------------------------------------------------------------- map


def test_setiap_provinsi_satu_ubin_tanpa_tumpang_tindih():
    assert set(peta.UBIN) == set(kontrak.PROVINSI)
    posisi = [(u.kolom, u.baris) for u in peta.UBIN.values()]
    assert len(posisi) == len(set(posisi)) == 38
    assert len({u.singkat for u in peta.UBIN.values()}) == 38
    for u in peta.UBIN.values():
        assert 94 < u.lon < 142 and -11 < u.lat < 6


def test_peta_38_ubin_kosong_abu_tersembunyi_penanda():
    data = lebar(["Aceh", "Bali", "Papua Selatan"], [80.0, 62.3, None], [False, False, True])
    fig = grafik.peta_provinsi(data, "id", PENANDA)
    ubin, abu = fig.data[0], fig.data[1]
    assert ubin.type == abu.type == "heatmap"
    isi = sum(z is not None for lapis in (ubin, abu) for baris in lapis.z for z in baris)
    assert isi == 38  # every province exactly one tile, on one of the two layers
    aceh, bali, papsel, jatim = (peta.UBIN[p] for p in ("Aceh", "Bali", "Papua Selatan", "Jawa Timur"))
    assert ubin.z[aceh.baris][aceh.kolom] == 80.0 and ubin.z[bali.baris][bali.kolom] == 62.3
    assert (ubin.zmin, ubin.zmax) == (60.0, 80.0)
    assert abu.z[papsel.baris][papsel.kolom] == 0  # hidden: grey
    assert abu.z[jatim.baris][jatim.kolom] == 1  # no data: light grey
    assert ubin.z[papsel.baris][papsel.kolom] is None
    assert ubin.text[bali.baris][bali.kolom] == "<span style='font-size:11px'>BALI</span><br><b>62,3</b>"
    teks_papsel = abu.text[papsel.baris][papsel.kolom]
    assert "PAPSEL" in teks_papsel and "responden" in teks_papsel
    assert not any(c.isdigit() for c in teks_papsel.split("</span>")[1].replace("10", ""))
    assert fig.layout.yaxis.scaleanchor == "x"
    assert not fig.layout.xaxis.showticklabels and not fig.layout.xaxis.showgrid


# ----------------------------------------------------------------------------- trend


def test_tren_periode_kategori_dan_celah():
    indeks = per_periode({2022: 60.9, 2023: 61.1, 2024: 62.5})
    nilai = per_periode({2022: 40.0, 2024: 44.0}, nilai="adaptif")  # 2023 missing: a gap
    fig = grafik.tren(pd.concat([indeks, nilai]), "id", PENANDA)
    assert fig.layout.xaxis.type == "category"
    assert list(fig.layout.xaxis.categoryarray) == ["2022", "2023", "2024"]
    garis = {t.name: t for t in fig.data}
    adaptif = garis[kontrak.label_nilai("adaptif", "id")]
    assert list(adaptif.x) == ["2022", "2023", "2024"]
    assert list(adaptif.y) == [40.0, None, 44.0]
    assert adaptif.connectgaps is False
    assert list(garis[grafik.TEKS["indeks"][0]].y) == [60.9, 61.1, 62.5]


def test_tren_tersembunyi_dan_signifikan():
    data = per_periode({2022: 60.9, 2023: math.nan, 2024: 66.0},
                       tersembunyi=[False, True, False], signifikan=[False, False, True])
    fig = grafik.tren(data, "en", "< 10 respondents")
    garis = fig.data[0]
    assert list(garis.y) == [60.9, None, 66.0]
    assert list(garis.marker.size)[2] > list(garis.marker.size)[0]
    assert list(garis.marker.line.width)[2] > 0 == list(garis.marker.line.width)[0]
    assert "Significant change" in [t.name for t in fig.data]
    (penanda,) = jejak_penanda(fig)
    assert list(penanda.x) == ["2023"] and list(penanda.text) == ["< 10 respondents"]


def test_tren_nilai_signifikan_dari_margin_sendiri():
    # statistik.panjang copies the index's flag to every value row: values use their own margin
    data = per_periode({2022: 40.0, 2023: 40.5, 2024: 50.0}, nilai="adaptif",
                       signifikan=[False, True, False])
    lebar_garis = list(grafik.tren(data, "id", PENANDA).data[0].marker.line.width)
    assert [w > 0 for w in lebar_garis] == [False, False, True]


def test_tren_indeks_dari_lebar_dengan_pembanding():
    data = lebar(["2022", "2023"], [60.9, 61.1], [False, False]).assign(signifikan=[False, True])
    banding = lebar(["2022", "2023", "2024"], [60.0, 61.0, 62.0], [False] * 3)
    fig = grafik.tren_indeks(data, "id", PENANDA, banding, "Nasional")
    assert list(fig.layout.xaxis.categoryarray) == ["2022", "2023", "2024"]
    utama, pembanding = fig.data[0], fig.data[1]
    assert list(utama.y) == [60.9, 61.1, None]
    assert pembanding.line.dash == "dash" and pembanding.name.startswith("Nasional")


# -------------------------------------------------------------------------- heat map


def test_peta_panas_sel_tersembunyi_penanda():
    data = lebar(["Pria", "Wanita"], [62.3, None], [False, True])
    fig = grafik.peta_panas(data, "id", PENANDA)
    utama, tutup = fig.data[0], fig.data[1]
    assert list(utama.z[0]) == [62.3] * 7 and list(utama.z[1]) == [None] * 7
    assert utama.text[0][0] == "62,3" and utama.text[1][0] == ""
    assert list(tutup.z[1]) == [0] * 7 and list(tutup.z[0]) == [None] * 7
    assert all(PENANDA.split()[-1] in t for t in tutup.text[1])
    assert utama.zmin == 0 and utama.zmax == 100
    assert list(utama.y) == ["Pria", "Wanita"]


# ---------------------------------------------------------------------- every figure


def semua_grafik(lang: str = "id") -> list[go.Figure]:
    data = lebar(["Aceh", "Bali"], [62.3, None], [False, True])
    return [
        grafik.batang_nilai(panjang(), lang, PENANDA, panjang(skor=[60.0] * 7), "Nasional"),
        grafik.sebaran_kategori(panjang(), lang, PENANDA),
        grafik.peringkat(data, lang, PENANDA, "Provinsi"),
        grafik.peta_provinsi(data, lang, PENANDA),
        grafik.tren(per_periode({2022: 60.9, 2023: 61.1}), lang, PENANDA),
        grafik.peta_panas(data, lang, PENANDA),
        grafik.sebaran_level(data, lang, PENANDA),
    ]


def test_tanpa_sumber_luar_huruf_besar_dan_bisa_json():
    for fig in semua_grafik():
        assert not {t.type for t in fig.data} & grafik.JENIS_DILARANG
        assert fig.layout.font.size >= 16 and fig.layout.height >= 300
        assert fig.layout.xaxis.tickfont.size >= 15 and fig.layout.yaxis.tickfont.size >= 15
        teks = fig.to_json()
        assert "http://" not in teks and "https://" not in teks
    # the map as the browser gets it (JSON), in English: Aceh's tile carries its figure in the
    # reader's style, hidden Bali only its marker, every province exactly one tile
    peta_en = json.loads(semua_grafik("en")[3].to_json())
    ubin, abu = peta_en["data"][0], peta_en["data"][1]
    aceh, bali = peta.UBIN["Aceh"], peta.UBIN["Bali"]
    assert peta_en["layout"]["separators"] == ".,"
    assert ubin["z"][aceh.baris][aceh.kolom] == 62.3
    assert ubin["text"][aceh.baris][aceh.kolom].endswith("<b>62.3</b>")
    assert ubin["hovertext"][aceh.baris][aceh.kolom] == (
        "<b>Aceh</b><br>Score: 62.3 ± 1.5<br>Category: B Fairly healthy<br>Respondents: 120")
    assert ubin["z"][bali.baris][bali.kolom] is None and abu["z"][bali.baris][bali.kolom] == 0
    assert abu["text"][bali.baris][bali.kolom].endswith("< 10<br>responden")
    assert sum(z is not None for lapis in (ubin, abu) for baris in lapis["z"] for z in baris) == 38


def test_dari_statistik_panjang_baris_tunggal():
    """The pages build the long frame from one Series (object dtype): still plain numbers."""
    baris = lebar(["Total"], [62.3], [False]).iloc[0]
    fig = grafik.batang_nilai(statistik.panjang(baris.to_frame().T), "id", PENANDA)
    assert list(fig.data[0].x) == [62.3] * 7 and list(fig.data[0].error_x.array) == [1.0] * 7


def test_teks_di_kategori_kontras():
    for kode, latar in warna.KATEGORI.items():
        assert warna.TEKS_DI_KATEGORI[kode] == grafik.warna_teks(latar)
    # the bar chart's traces as plain JSON: the scores, their texts, and each text in the
    # colour that contrasts with its bar; the benchmark as its own trace
    batang, banding = json.loads(semua_teks(semua_grafik()[0]))
    assert batang["x"] == SKOR and batang["text"] == [f"{s:.1f}".replace(".", ",") for s in SKOR]
    assert batang["textfont"]["color"] == [grafik.warna_teks(w) for w in batang["marker"]["color"]]
    assert batang["textfont"]["color"][0] == "#FFFFFF" and batang["textfont"]["color"][2] == "#000000"
    assert banding["name"] == "Nasional" and banding["x"] == [60.0] * 7


def test_templat_putih_dan_tidak_bocor_antar_grafik():
    """The shared template is applied to every figure as its own copy."""
    putih = go.layout.Template(pio.templates["plotly_white"]).to_plotly_json()
    pertama = grafik.batang_nilai(panjang(), "id", PENANDA)
    assert pertama.layout.template.to_plotly_json() == putih
    pertama.layout.template.layout.paper_bgcolor = "red"
    pertama.layout.xaxis.tickfont.size = 5
    kedua = grafik.batang_nilai(panjang(), "id", PENANDA)
    assert kedua.layout.template.to_plotly_json() == putih
    assert kedua.layout.xaxis.tickfont.size == grafik.UKURAN_TICK


def test_tata_letak_bersama_dan_sumbu_khusus_digabung():
    fig = grafik.sebaran_level(lebar(["Pria", "Wanita"], [60.0, 61.0], [False, False]), "id", PENANDA)
    assert fig.layout.barmode == "stack"
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.title.text.startswith("Level")
    assert fig.layout.xaxis.ticksuffix == " %" and fig.layout.xaxis.title.font.size == grafik.UKURAN_HURUF
    assert fig.layout.yaxis.autorange == "reversed" and fig.layout.yaxis.automargin


# ------------------------------------------------------- issue 9: legends, colours, no data


def test_peringkat_legenda_hanya_kategori_yang_ada():
    data = lebar(["Aceh", "Bali", "Riau"], [55.0, 62.3, 70.1], [False, False, False])  # all B
    fig = grafik.peringkat(data, "id", PENANDA, "Provinsi")
    legenda = [t.name for t in fig.data if t.showlegend]
    assert legenda == ["B Cukup Sehat"]
    data = lebar(["Aceh", "Bali", "Jambi"], [40.0, 80.2, None], [False, False, True])
    legenda = [t.name for t in grafik.peringkat(data, "en", PENANDA, "Province").data if t.showlegend]
    assert legenda == ["A Healthy", "C Unhealthy"]


def test_peta_legenda_tersembunyi_dan_kosong_hanya_bila_ada():
    semua = lebar(list(peta.UBIN), [62.0] * len(peta.UBIN), [False] * len(peta.UBIN))
    legenda = [t.name for t in grafik.peta_provinsi(semua, "id", PENANDA).data if t.showlegend]
    assert not any("Tidak ada data" in n or "Tersembunyi" in n for n in legenda)
    sebagian = lebar(["Aceh", "Bali"], [62.0, None], [False, True])
    legenda = [t.name for t in grafik.peta_provinsi(sebagian, "id", PENANDA).data if t.showlegend]
    assert "Tidak ada data" in legenda and any(n.startswith("Tersembunyi") for n in legenda)


def test_batang_nilai_tidak_memakai_warna_kategori():
    fig = grafik.batang_nilai(panjang(), "id", PENANDA)
    assert not set(fig.data[0].marker.color) & set(warna.KATEGORI.values())


def test_tren_periode_tanpa_data_bukan_kelompok_kecil():
    # 2023: hidden (1..9 respondents); 2024: a row the page added (no respondents at all);
    # 2025: only in the benchmark
    data = per_periode({2022: 60.9, 2023: math.nan, 2024: math.nan},
                       tersembunyi=[False, True, math.nan], tanpa_data=[False, False, True])
    banding = per_periode({2022: 60.0, 2023: 61.0, 2024: 62.0, 2025: 63.0})
    fig = grafik.tren(data, "en", "< 10 respondents", pembanding=banding, label_pembanding="X")
    assert sorted((t.text[0], list(t.x)) for t in jejak_penanda(fig)) == [
        ("< 10 respondents", ["2023"]), ("no data", ["2024", "2025"])]
    (kosong,) = [t for t in jejak_penanda(fig) if t.text[0] == "no data"]
    assert list(kosong.x) == ["2024", "2025"]
    assert list(kosong.hovertext) == ["2024: no data", "2025: no data"] and kosong.hoverinfo == "text"
    (kecil,) = [t for t in jejak_penanda(fig) if t.text[0] != "no data"]
    assert list(kecil.x) == ["2023"]


# -------------------------------------------- issue 9, item 8: heat map against the selection


def _acuan(skor: float, moe: float = 0.5) -> pd.Series:
    return pd.Series({"kelompok": "Tegal", "indeks": skor, "moe_indeks": moe,
                      **{v: skor for v in NILAI}, **{f"moe_{v}": moe for v in NILAI}})


def test_peta_panas_warna_selisih_dari_pilihan():
    # A 62,34 shows 62,3; the selection 60,06 shows 60,1: the cell's difference is 2,2 (what a
    # reader subtracts), not 2,28 -> 2,3. B is 0,4 above, within the combined margin (±1,1).
    data = lebar(["A", "B", "C"], [62.34, 60.5, None], [False, False, True])
    fig = grafik.peta_panas(data, "id", PENANDA, acuan=_acuan(60.06), nama_acuan="Tegal")
    utama, tutup = fig.data[0], fig.data[1]
    assert [list(r) for r in utama.z] == [[2.2] * 7, [0.4] * 7, [None] * 7]
    # diverging, centred on zero, symmetric, in steps of 5 and never under ±5
    assert utama.zmid == 0 and utama.zmin == -utama.zmax == -5.0
    assert [w for _, w in utama.colorscale][2] == "#F7F7F7"
    # the cell keeps the group's score, with the difference under it; beyond the margin: bold
    assert utama.text[0][0] == "<b>62,3</b><br><span style='font-size:13px'>+2,2</span>"
    assert utama.text[1][0] == "60,5<br><span style='font-size:13px'>+0,4</span>"
    # the marks: one outline per cell beyond the margin (row A), none elsewhere; a legend says so
    kotak = [(round((s.x0 + s.x1) / 2), round((s.y0 + s.y1) / 2)) for s in fig.layout.shapes]
    assert kotak == [(j, 0) for j in range(7)]
    assert [t.name for t in fig.data if t.showlegend] == ["Melebihi margin kesalahan"]
    # hidden row: grey with its marker, no number
    assert list(tutup.z[2]) == [0] * 7 and tutup.text[2][0] == "< 10<br>responden"
    assert "62" not in json.dumps(tutup.to_plotly_json()["text"])


def test_peta_panas_rentang_simetris_dan_tanpa_tanda():
    data = lebar(["A", "B"], [52.0, 66.0], [False, False])
    fig = grafik.peta_panas(data, "en", PENANDA, acuan=_acuan(60.0, moe=math.nan))
    utama = fig.data[0]
    assert [list(r) for r in utama.z] == [[-8.0] * 7, [6.0] * 7]
    assert (utama.zmin, utama.zmax) == (-10.0, 10.0)
    assert list(utama.colorbar.ticktext) == ["-10.0", "-5.0", "0.0", "+5.0", "+10.0"]
    # an unknown margin: no difference is called beyond it, no outline, no legend
    assert not fig.layout.shapes and not [t for t in fig.data if t.showlegend]
    assert grafik.selisih_sel(62.34, 1.0, 60.06, 0.5) == (2.2, True)
    assert grafik.selisih_sel(None, 1.0, 60.0, 0.5) == (None, False)


def test_peta_panas_kepala_kolom_dibungkus_dalam_bahasa_pembaca():
    data = lebar(["A"], [60.0], [False])
    en = grafik.peta_panas(data, "en", PENANDA, acuan=_acuan(60.0)).data[0]
    assert list(en.x) == ["Service-<br>oriented", "Account-<br>able", "Competent", "Harmonious", "Loyal",
                          "Adaptive", "Collabo-<br>rative"]
    id_ = grafik.peta_panas(data, "id", PENANDA).data[0]
    assert id_.x[0] == "Berorientasi<br>Pelayanan" and id_.zmin == 0 and id_.zmax == 100


def test_peringkat_sorot_pilihan():
    data = lebar(["Aceh", "Bali", "Riau"], [55.0, 62.3, 70.1], [False, False, False])
    fig = grafik.peringkat(data, "id", PENANDA, "Instansi", sorot="Bali", nama_sorot="Bali")
    batang = fig.data[0]
    assert list(batang.y) == ["Riau", "Bali", "Aceh"]
    assert list(batang.marker.line.width) == [0, 4, 0]
    assert list(fig.layout.yaxis.ticktext) == ["Riau", "<b>Bali</b>", "Aceh"]
    assert [t.name for t in fig.data if t.showlegend] == ["B Cukup Sehat", "Bali"]
    tanpa = grafik.peringkat(data, "id", PENANDA, "Instansi")
    assert tanpa.layout.yaxis.ticktext is None and tanpa.data[0].marker.line.width == 0
