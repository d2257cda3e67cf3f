"""The desk-screen renderer (render_layar) draws each kind of block as the pages do."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from berakhlak import renderer


def _skrip():
    import pandas as pd
    import plotly.graph_objects as go

    from berakhlak import blok, layanan, privasi, render_layar, ui

    k = layanan.keadaan()
    pilihan = layanan.Pilihan(periode=2022, instansi="Pemerintah Kabupaten Tegal")
    ctx = ui.Konteks(lang="id", pilihan=pilihan, keadaan=k, minimum=privasi.minimum(), halaman="nilai")
    render_layar.tampilkan(ctx, [
        blok.Judul("Kalimat *utama* <b>"),
        blok.Metrik((blok.ButirMetrik("Indeks", "62,3", kategori="B"),
                     blok.ButirMetrik("Perubahan", "+1,0", "melebihi margin", arah="up"),
                     blok.ButirMetrik("Nilai terlemah", "Adaptif", "48,1", kunci="ekstrem_lemah"))),
        blok.Grafik(go.Figure(go.Bar(x=[1], y=[2])), judul="Judul grafik", keterangan="Keterangan", nama="uji"),
        blok.Tabel(pd.DataFrame({"a": ["x", "y"], "b": [1.26, None], "n": [12, 3],
                                 "tersembunyi": [False, True], "alasan_sembunyi": [None, "kecil"]}),
                   {"a": ("A", "teks"), "b": ("B", "desimal")}, nama="uji", judul="Judul tabel"),
        blok.Catatan(("satu", "dua"), judul="Catatan"),
        blok.Catatan(("kecil_",), kecil=True),
    ])


def test_setiap_blok_digambar(demo_env):
    at = AppTest.from_function(_skrip, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    md = [m.value for m in at.markdown]
    assert r"Kalimat \*utama\* \<b\>" in md  # escaped: shown literally
    assert "- satu\n- dua" in md
    metrik = {m.label: (m.value, m.delta) for m in at.metric}
    assert metrik["Indeks"] == ("62,3", "")
    assert metrik["Perubahan"] == ("+1,0", "melebihi margin")
    assert metrik["Nilai terlemah"] == ("Adaptif", "48,1")
    assert [s.value for s in at.subheader] == ["Judul grafik", "Judul tabel", "Catatan"]
    assert "Keterangan" in [c.value for c in at.caption] and r"kecil\_" in [c.value for c in at.caption]
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "B · Cukup Sehat" in html
    unduh = {b.proto.label: b.proto for b in at.get("download_button")}
    assert "Unduh gambar (PNG)" in unduh and "Unduh CSV" in " ".join(unduh)
    t = at.dataframe[0].value
    assert list(t.columns) == ["A", "B"] and t["A"].tolist() == ["x", "y"]
    config = json.loads(at.get("plotly_chart")[0].proto.config)
    assert config["toImageButtonOptions"] == {"format": "png", "scale": 2,
                                              "filename": "BerAKHLAK_uji_Pemerintah-Kabupaten-Tegal_2022"}
    assert config["locale"] == "id"
    assert config["locales"]["id"]["dictionary"]["Download plot as a PNG"] == "Unduh grafik sebagai PNG"


def test_registri_renderer():
    import plotly.graph_objects as go

    from berakhlak import blok

    assert {"layar", "proyektor", "dek", "png"} <= {r.nama for r in renderer.semua()}
    g = blok.Grafik(go.Figure())
    assert set(renderer.yang_bisa(g)) == {"layar", "png"}
    assert renderer.yang_bisa([g, blok.Judul("x")]) == ["layar"]
    c = blok.Cerita("j", "id", [blok.Slide("a", "A", "kalimat")], blok.Asal("s", "2022", "x", 10, "t", "/"), "f")
    assert set(renderer.yang_bisa(c)) == {"proyektor", "dek"}
    assert renderer.yang_bisa("teks") == []


def test_ringkasan_menyebut_seluruh_pilihan(buka):
    """The sentence named only the narrowest filter: "Indeks BerAKHLAK Jawa Tengah" for the
    city governments of Jawa Tengah."""
    from tests.app.conftest import teks_semua

    teks = teks_semua(buka(periode="2022", jenis_instansi="Pemerintah Kota", provinsi="Jawa Tengah"))
    assert "Indeks BerAKHLAK Pemerintah Kota di Jawa Tengah pada 2022 adalah" in teks
    assert "Indeks BerAKHLAK Jawa Tengah" not in teks
