"""What a CSV download holds: numbers as shown, hidden figures as their honest marker."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from berakhlak import komponen, privasi, statistik, ui
from berakhlak.kontrak import UKURAN


def _jumlah(n: list[int]) -> pd.DataFrame:
    baris = []
    for i, jml in enumerate(n):
        r = dict.fromkeys(UKURAN, 0)
        r.update({"kelompok": f"G{i}", "n": jml, "n_idx": jml, "s_idx": 62.25 * jml, "ss_idx": 62.25**2 * jml})
        for s in ("bp", "ak", "ko", "ha", "lo", "ad", "kl"):
            r.update({f"n_{s}": jml, f"s_{s}": 62.25 * jml, f"ss_{s}": 62.25**2 * jml, f"kb_{s}": jml})
        baris.append(r)
    return pd.DataFrame(baris)


def layar(gaya) -> list[list[str]]:
    """The cells as the reader sees them (public Styler API), without the index column."""
    return [baris.split("|")[1:] for baris in gaya.to_string(delimiter="|").splitlines()[1:]]


def test_unduhan_membulatkan_dan_menandai_setiap_baris():
    lebar = privasi.terapkan(statistik.ringkas(_jumlah([8, 50, 60, 12])), 10,
                              pelengkap=[False, False, False, True])
    ctx = SimpleNamespace(lang="id", minimum=10)
    kolom = {"kelompok": ("Kelompok", "teks"), "n": ("Responden", "bulat"), "indeks": ("Indeks", "desimal")}
    unduh = komponen._untuk_unduhan(ctx, lebar, kolom)
    assert unduh["indeks"].tolist() == ["< 10 responden", "62,3", "62,3",
                                        "ikut disembunyikan"]
    assert unduh["n"].tolist() == ["< 10 responden", "50", "60", "ikut disembunyikan"]
    assert komponen._untuk_unduhan(SimpleNamespace(lang="en", minimum=10), lebar, kolom)["indeks"][1] == "62.3"


def test_layar_menampilkan_penanda_bukan_none_dan_strip_untuk_selisih():
    lebar = privasi.terapkan(statistik.ringkas(_jumlah([8, 50, 60, 12])), 10,
                              pelengkap=[False, False, False, True])
    lebar["ubah"] = [float("nan"), 1.25, float("nan"), float("nan")]
    ctx = SimpleNamespace(lang="id", minimum=10)
    kolom = {"kelompok": ("Kelompok", "teks"), "n": ("Responden", "bulat"),
             "indeks": ("Indeks", "desimal"), "ubah": ("Perubahan", "selisih")}
    sel = layar(komponen.gaya_tabel(ctx, lebar, kolom))
    assert sel == [
        ["G0", "< 10 responden", "< 10 responden", "–"],
        ["G1", "50", "62,3", "+1,3"],
        ["G2", "60", "62,3", "–"],
        ["G3", "ikut disembunyikan", "ikut disembunyikan", "–"],
    ]


def test_sel_tabel_berisi_angka_seperti_tampil_bukan_rata_rata_mentah():
    """The browser gets a table's data, not only its text: cells hold the figures as shown."""
    df = pd.DataFrame({"kelompok": ["G0", "G1", "G2"], "n": [5773.0, 120.0, 60.0],
                       "indeks": [54.04526315789473, 74.95, 62.25],
                       "ubah": [1.25, -0.04, 0.0401]})
    ctx = SimpleNamespace(lang="id", minimum=10)
    kolom = {"kelompok": ("Kelompok", "teks"), "n": ("Responden", "bulat"),
             "indeks": ("Indeks", "desimal"), "ubah": ("Perubahan", "selisih")}
    gaya = komponen.gaya_tabel(ctx, df, kolom)
    assert gaya.data["Indeks"].tolist() == [54.0, 75.0, 62.3]  # half up, as the category
    assert gaya.data["Perubahan"].tolist() == [1.3, 0.0, 0.0]
    assert str(gaya.data["Perubahan"][1]) == "0.0"  # not -0.0
    assert gaya.data["Responden"].tolist() == [5773, 120, 60]
    assert gaya.data["Responden"].dtype.kind == "i" and gaya.data["Indeks"].dtype.kind == "f"
    assert layar(gaya) == [["G0", "5.773", "54,0", "+1,3"], ["G1", "120", "75,0", "0,0"],
                           ["G2", "60", "62,3", "0,0"]]
    unduh = komponen._untuk_unduhan(ctx, df, kolom)  # the file says what the screen says
    assert unduh["indeks"].tolist() == ["54,0", "75,0", "62,3"]
    assert unduh["ubah"].tolist() == ["+1,3", "0,0", "0,0"]
    assert unduh["n"].tolist() == ["5773", "120", "60"]


def test_unduh_csv_membulatkan_angka_yang_belum_diformat(monkeypatch):
    terkirim = {}
    monkeypatch.setattr(ui.st, "download_button", lambda label, data, **kw: terkirim.update(data=data()))
    df = pd.DataFrame({"Kelompok": ["A", "B"], "Indeks": [54.04526315789473, float("nan")],
                       "Responden": [5773, 12], "Teks": ["62,3", "< 10 responden"]})
    ui.unduh_csv(df, "uji", "id", key="uji")
    assert terkirim["data"].decode("utf-8-sig").splitlines() == [
        "Kelompok;Indeks;Responden;Teks", "A;54,0;5773;62,3", "B;;12;< 10 responden"]
    ui.unduh_csv(df, "uji", "en", key="uji")
    assert terkirim["data"].decode("utf-8-sig").splitlines()[1] == "A,54.0,5773,\"62,3\""
