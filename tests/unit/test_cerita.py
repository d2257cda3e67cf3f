"""The workshop story as data (berakhlak/cerita.py), on the demo data, without Streamlit."""

from __future__ import annotations

import re

import pytest

from berakhlak import cerita, kontrak, layanan, privasi
from berakhlak.layanan import Pilihan

TEGAL = Pilihan(periode=2022, instansi="Pemerintah Kabupaten Tegal")


@pytest.fixture
def k(demo_env):
    return layanan.keadaan_lengkap()


def semua_teks(c: cerita.Cerita) -> list[str]:
    """Every line a story shows or says: titles, headlines, blocks, speaker notes."""
    baris = [c.judul, c.asal.baris(c.lang)]
    for s in c.slide:
        baris += [s.judul, s.kalimat, *s.catatan_pembicara]
        for b in s.blok:
            baris += cerita.teks_blok(b, c.lang)
    return baris


def tersembunyi(k, pilihan: Pilihan) -> dict[str, set[str]]:
    """Names of the hidden groups of every breakdown a story may show, per breakdown."""
    hasil = {}
    for tingkat in cerita.TURUNAN:
        if getattr(pilihan, tingkat) is None:
            lebar = layanan.ringkas(k, tingkat, pilihan)
            hasil[tingkat] = set(lebar.loc[lebar["tersembunyi"].astype(bool), "kelompok"].astype(str))
    for d in kontrak.DIMENSI_DEMOGRAFI:
        lebar = layanan.ringkas(k, "grup", pilihan, dimensi=d)
        hasil[d] = {kontrak.label_kelompok(d, g, "id")
                    for g in lebar.loc[lebar["tersembunyi"].astype(bool), "kelompok"]}
    return hasil


def _tanpa_penanda(teks: str) -> str:
    for tanda in (privasi.penanda("id", privasi.minimum()), privasi.penanda("id", 10, "pelengkap")):
        teks = teks.replace(tanda, "")
    return teks


def test_cerita_tegal_2022(k):
    c = cerita.cerita_lokakarya(k, TEGAL, "nasional", "id")
    assert len(c.slide) == 8
    assert [s.kunci for s in c.slide] == ["indeks", "nilai", "tren", "wilayah", "siapa", "level",
                                          "panduan", "metode"]
    pertama = c.slide[0]
    assert "62,3" in pertama.kalimat and "5.773" in pertama.kalimat
    metrik = next(b for b in pertama.blok if isinstance(b, cerita.Metrik))
    assert [m.nilai for m in metrik.butir] == ["62,3", "B", "5.773"]
    assert "Adaptif" in c.slide[1].kalimat and "terlemah" in c.slide[1].kalimat
    assert c.slide[2].judul == "Adaptif dari waktu ke waktu"
    assert c.slide[6].judul == "Panduan perilaku Adaptif"
    perilaku = c.slide[6].blok[0].butir
    assert perilaku == ("Cepat menyesuaikan diri menghadapi perubahan",
                        "Terus berinovasi dan mengembangkan kreativitas", "Bertindak proaktif")
    # every headline is one sentence written from the numbers, margins in the notes
    for s in c.slide:
        assert s.kalimat.endswith("."), s.kalimat
        assert s.catatan_pembicara, s.kunci
    assert any("±" in n for n in c.slide[1].catatan_pembicara)
    assert c.nama_berkas == "BerAKHLAK_Pemerintah-Kabupaten-Tegal_2022.pptx"
    assert c.asal.tautan == "/?periode=2022&instansi=Pemerintah+Kabupaten+Tegal&tampilan=presentasi"
    assert "data sintetis (demo)" in c.asal.baris("id")
    assert all(isinstance(b.figur.to_dict(), dict) for s in c.slide for b in s.blok
               if isinstance(b, cerita.Grafik))


def test_cerita_tanpa_angka_tersembunyi(k):
    """Tegal 2022 has small work units and grades: none of their figures is in the story."""
    c = cerita.cerita_lokakarya(k, TEGAL, "nasional", "id")
    sembunyi = tersembunyi(k, TEGAL)
    assert sembunyi["unit_kerja"] and sembunyi["golongan"]  # the test has something to bite on
    nama = set().union(*sembunyi.values())
    for baris in semua_teks(c):
        for bagian in re.split(r" \| |; |\n", baris):
            kepala = bagian.split(":")[0].strip()
            if kepala in nama:
                assert not re.search(r"\d", _tanpa_penanda(bagian.split(":", 1)[-1])), baris
    for s in c.slide:
        for b in s.blok:
            if isinstance(b, cerita.Tabel):
                baris_sembunyi = b.data[b.data["tersembunyi"].astype(bool)]
                angka = [kol for kol, (_, jenis) in b.kolom.items() if jenis != "teks"]
                assert baris_sembunyi[angka].isna().all().all()
                for baris in cerita.baris_tabel(b, "id")[1:]:
                    sel = baris.split(" | ")
                    if sel[0] in nama:
                        assert not re.search(r"\d", _tanpa_penanda(" ".join(sel[1:]))), baris
            if isinstance(b, cerita.Grafik):
                _grafik_tanpa_angka(b.figur, nama)


def _grafik_tanpa_angka(fig, nama: set[str]) -> None:
    """No trace carries a figure for a hidden group: no bar, point or scored heat-map cell."""
    for jejak in fig.data:
        j = jejak.to_plotly_json()
        y = list(j.get("y") or [])
        if j["type"] == "bar" and j.get("orientation") == "h":
            assert not (set(map(str, y)) & nama), y
        if j["type"] == "heatmap" and j.get("zmax") == 100:
            for label, baris in zip(y, j["z"], strict=True):
                if str(label) in nama:
                    assert all(v is None for v in baris), (label, baris)
        if j["type"] == "scatter" and j.get("mode") == "text":
            assert not any(re.search(r"\d", _tanpa_penanda(str(t))) for t in j.get("text") or [])


def test_seleksi_ditolak_satu_slide_tanpa_angka(k):
    lebar = layanan.ringkas(k, "unit_kerja", TEGAL)
    kecil = lebar.loc[lebar["alasan_sembunyi"] == "kecil", "kelompok"].iloc[0]
    c = cerita.cerita_lokakarya(k, TEGAL.dengan(unit_kerja=kecil), "nasional", "id")
    assert len(c.slide) == 1 and c.slide[0].kunci == "ditolak"
    for baris in [c.slide[0].judul, c.slide[0].kalimat, *c.slide[0].catatan_pembicara]:
        assert not re.search(r"\d", baris.replace(str(privasi.minimum()), "")), baris


def test_cerita_inggris_dan_pembanding_provinsi(k):
    c = cerita.cerita_lokakarya(k, TEGAL, "provinsi", "en")
    assert "62.3" in c.slide[0].kalimat and "5,773" in c.slide[0].kalimat
    assert "Jawa Tengah" in c.slide[1].kalimat
    assert c.slide[6].judul == "The behaviour guide of Adaptive"
    assert c.asal.tautan.endswith("banding=provinsi&lang=en&tampilan=presentasi")


def test_panduan_lengkap():
    assert set(cerita.PANDUAN) == set(kontrak.KUNCI_NILAI)
    assert all(len(p) == 3 for p in cerita.PANDUAN.values())


def test_nama_berkas():
    assert cerita.nama_berkas(Pilihan(periode=2023), "nasional") == "BerAKHLAK_nasional_2023.pptx"
    assert cerita.nama_berkas(Pilihan(periode=2022), "Dinas «A/B»") == "BerAKHLAK_Dinas-A-B_2022.pptx"
