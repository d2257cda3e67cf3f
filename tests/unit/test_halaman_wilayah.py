"""halaman.wilayah: an agency among its peers. Hidden peers are neither drawn, named nor
ranked; the rank is among the peers shown and margin-aware; an agency in several provinces is
compared with its kind nationwide; the sentence's wording."""

from __future__ import annotations

import pandas as pd
import pytest

from berakhlak import blok, layanan
from berakhlak.halaman import wilayah
from berakhlak.layanan import Pilihan
from tests.unit.bantu import ids, tabel, tulis

TEGAL = "Pemerintah Kabupaten Tegal"
JK = "Pemerintah Kabupaten"


def _kabupaten(data, nama: str, n: int, skor: float, awal: str, provinsi="Jawa Tengah", **lain):
    tulis(data / f"{awal}.parquet", tabel(ids(awal, n), periode=2024, instansi=nama, provinsi=provinsi,
                                          jenis_instansi=JK, skor=skor, **lain))


@pytest.fixture
def sejawat_tersembunyi(data_env):
    """Five Pemerintah Kabupaten in Jawa Tengah; Kabupaten Kecil (4 respondents, the highest
    scores of all) is too small to show."""
    _kabupaten(data_env, TEGAL, 40, {"adaptif": [40.0, 80.0] * 20, **{v: 60.0 for v in (
        "berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "kolaboratif")}}, "t")
    _kabupaten(data_env, "Pemerintah Kabupaten Atas", 40, 75.0, "a")
    _kabupaten(data_env, "Pemerintah Kabupaten Bawah", 40, 45.0, "b")
    _kabupaten(data_env, "Pemerintah Kabupaten Sama", 40, 60.5, "s")  # within Tegal's margin (±0,9)
    _kabupaten(data_env, "Pemerintah Kabupaten Kecil", 4, 95.0, "k")
    _kabupaten(data_env, "Pemerintah Kabupaten Gorontalo", 40, 50.0, "g", provinsi="Gorontalo")
    return data_env


def _teks(daftar) -> str:
    bagian = []
    for b in daftar:
        if isinstance(b, blok.Grafik):
            bagian.append(b.figur.to_json())
            bagian += [b.judul, b.keterangan]
        elif isinstance(b, blok.Tabel):
            bagian.append(b.data.to_json())
        elif isinstance(b, blok.Metrik):
            bagian += [f"{m.label} {m.nilai} {m.keterangan}" for m in b.butir]
        else:
            bagian += list(getattr(b, "butir", ())) + [getattr(b, "teks", "")]
    return "\n".join(str(x) for x in bagian)


def test_sejawat_tersembunyi_tidak_dinamai_dan_tidak_diperingkat(sejawat_tersembunyi):
    k = layanan.keadaan()
    p = Pilihan(periode=2024, instansi=TEGAL)
    sj = wilayah.sejawat(k, p)
    assert sj == wilayah.Sejawat(Pilihan(periode=2024, jenis_instansi=JK, provinsi="Jawa Tengah"), JK,
                                 "Jawa Tengah")
    lebar = layanan.ringkas(k, "instansi", sj.pilihan)
    tersembunyi = set(lebar.loc[lebar["tersembunyi"], "kelompok"])
    assert "Pemerintah Kabupaten Kecil" in tersembunyi and TEGAL not in tersembunyi
    tampak = set(lebar["kelompok"]) - tersembunyi
    daftar = wilayah.blok_wilayah(k, p, "id")
    semua = _teks(daftar)
    for nama in tersembunyi:  # a hidden peer is not named anywhere on the page
        assert nama not in semua
    assert "Gorontalo" not in semua  # another province is no peer
    judul = daftar[0]
    assert isinstance(judul, blok.Judul)
    # Kecil is hidden, and Atas with it (else Kecil = province total - the rest); Tegal 60,0
    # (Sama 60,5 about the same, Bawah 45,0 lower): rank 2 of the 3 shown, never 4 of 5, which
    # would tell that both hidden peers scored above Tegal
    assert tersembunyi == {"Pemerintah Kabupaten Kecil", "Pemerintah Kabupaten Atas"}
    assert judul.teks == (f"{TEGAL} (60,0) berada di peringkat 2 dari 3 Pemerintah Kabupaten di Jawa Tengah "
                          "yang ditampilkan: 1 lebih rendah melebihi margin kesalahan, 1 lainnya kurang "
                          "lebih sama.")
    catatan = [b for b in daftar if isinstance(b, blok.Catatan) and "tidak ikut diperingkat" in b.butir[0]]
    assert catatan[0].butir == (f"{len(tersembunyi)} instansi sejenis lain tidak ditampilkan demi kerahasiaan "
                                "dan tidak ikut diperingkat.",)
    grafik = next(b for b in daftar if isinstance(b, blok.Grafik) and b.nama == "sejawat")
    batang = next(t for t in grafik.figur.data if t.type == "bar")
    assert set(batang.y) == tampak
    assert not [t for t in grafik.figur.data if t.type == "scatter" and t.mode == "text"]  # no marker rows


def test_letak_peringkat_bersama_dan_margin():
    tampak = pd.DataFrame({
        "kelompok": ["A", "B", "C", "D", "E"],
        "indeks": [70.04, 65.0, 64.96, 60.0, 50.0],  # B and C both display 65,0
        "moe_indeks": [1.0, 1.0, 1.0, 1.0, 1.0],
    })
    assert wilayah.letak(tampak, "C") == wilayah.Letak(2, 5, 1, 2, 1)
    assert wilayah.letak(tampak, "B") == wilayah.Letak(2, 5, 1, 2, 1)
    assert wilayah.letak(tampak, "D") == wilayah.Letak(4, 5, 3, 1, 0)
    assert wilayah.letak(tampak, "X") is None


@pytest.mark.parametrize(("letak", "lang", "harapan"), [
    (wilayah.Letak(3, 12, 2, 4, 5), "id",
     "Dinas X (61,2) berada di peringkat 3 dari 12 Pemerintah Kabupaten di Bali yang ditampilkan: 2 lebih "
     "tinggi dan 4 lebih rendah melebihi margin kesalahan, 5 lainnya kurang lebih sama."),
    (wilayah.Letak(1, 4, 0, 3, 0), "en",
     "Dinas X (61.2) ranks 1 of the 4 Pemerintah Kabupaten agencies in Bali shown: 3 lower beyond the "
     "margin of error."),
    (wilayah.Letak(2, 3, 0, 0, 2), "id",
     "Dinas X (61,2) berada di peringkat 2 dari 3 Pemerintah Kabupaten di Bali yang ditampilkan: selisihnya "
     "dengan setiap instansi lain masih dalam margin kesalahan, jadi urutannya tidak pasti."),
    (wilayah.Letak(1, 1, 0, 0, 0), "id",
     "Dinas X (61,2) adalah satu-satunya Pemerintah Kabupaten di Bali yang dapat ditampilkan, jadi tidak "
     "ada pembanding sejenis."),
])
def test_kalimat_letak(letak, lang, harapan):
    golongan = wilayah._golongan(wilayah.Sejawat(Pilihan(), JK, "Bali"), lang)
    assert wilayah.kalimat_letak("Dinas X", 61.2, letak, golongan, False, lang) == harapan


def test_instansi_di_beberapa_provinsi_dibanding_jenisnya_secara_nasional(data_env):
    tulis(data_env / "k1.parquet", tabel(ids("a", 30), periode=2024, instansi="Kementerian X",
                                         provinsi="Bali", jenis_instansi="Kementerian", skor=60.0))
    tulis(data_env / "k2.parquet", tabel(ids("b", 30), periode=2024, instansi="Kementerian X",
                                         provinsi="Aceh", jenis_instansi="Kementerian", skor=70.0))
    tulis(data_env / "k3.parquet", tabel(ids("c", 30), periode=2024, instansi="Kementerian Y",
                                         provinsi="Aceh", jenis_instansi="Kementerian", skor=50.0))
    k = layanan.keadaan()
    p = Pilihan(periode=2024, instansi="Kementerian X")
    sj = wilayah.sejawat(k, p)
    assert sj.provinsi is None and sj.pilihan == Pilihan(periode=2024, jenis_instansi="Kementerian")
    judul = wilayah.blok_wilayah(k, p, "id")[0].teks
    # its bar is its whole figure (65,0), not its part in one province
    assert judul.startswith("Kementerian X (65,0) berada di peringkat 1 dari 2 Kementerian yang ditampilkan")
    # with a province chosen, the peers are that province's
    sj = wilayah.sejawat(k, p.dengan(provinsi="Aceh"))
    assert sj.pilihan == Pilihan(periode=2024, jenis_instansi="Kementerian", provinsi="Aceh")
