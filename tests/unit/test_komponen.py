"""What a CSV download holds: numbers as shown, hidden figures as their honest marker."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from berakhlak import komponen, privasi, statistik
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


def test_unduhan_membulatkan_dan_menandai_setiap_baris():
    lebar = privasi.terapkan(statistik.ringkas(_jumlah([8, 50, 60, 12])), 10, rincian=True)
    ctx = SimpleNamespace(lang="id", minimum=10)
    kolom = {"kelompok": ("Kelompok", "teks"), "n": ("Responden", "bulat"), "indeks": ("Indeks", "desimal")}
    unduh = komponen._untuk_unduhan(ctx, lebar, kolom)
    assert unduh["indeks"].tolist() == ["< 10 responden", "62,3", "62,3",
                                        "ikut disembunyikan"]
    assert unduh["n"].tolist() == ["< 10 responden", "50", "60", "ikut disembunyikan"]
    assert komponen._untuk_unduhan(SimpleNamespace(lang="en", minimum=10), lebar, kolom)["indeks"][1] == "62.3"


def test_layar_menampilkan_penanda_bukan_none_dan_strip_untuk_selisih():
    lebar = privasi.terapkan(statistik.ringkas(_jumlah([8, 50, 60, 12])), 10, rincian=True)
    lebar["ubah"] = [float("nan"), 1.25, float("nan"), float("nan")]
    ctx = SimpleNamespace(lang="id", minimum=10)
    kolom = {"kelompok": ("Kelompok", "teks"), "n": ("Responden", "bulat"),
             "indeks": ("Indeks", "desimal"), "ubah": ("Perubahan", "selisih")}
    sel = [[c["display_value"] for c in baris[1:]]
           for baris in komponen.gaya_tabel(ctx, lebar, kolom)._translate(False, False)["body"]]
    assert sel == [
        ["G0", "< 10 responden", "< 10 responden", "–"],
        ["G1", "50", "62,3", "+1,3"],
        ["G2", "60", "62,3", "–"],
        ["G3", "ikut disembunyikan", "ikut disembunyikan", "–"],
    ]
