"""A page waiting for its privacy pattern goes ahead of the catalog's background breakdown
build (katalog.utamakan / beri_jalan): after a cold start of 2.500 files the first page's
pattern waited behind the demographic rollups."""

from __future__ import annotations

import threading

from berakhlak import katalog, layanan


def test_beri_jalan_menunggu_selama_ada_yang_diutamakan():
    assert katalog.beri_jalan(batas=1) is False  # nobody waiting: no pause at all
    masuk, keluar = threading.Event(), threading.Event()
    urutan: list[str] = []

    def halaman() -> None:
        with katalog.utamakan():
            masuk.set()
            keluar.wait(10)
            urutan.append("halaman selesai")

    t = threading.Thread(target=halaman)
    t.start()
    assert masuk.wait(10)
    pembangun = threading.Thread(target=lambda: (katalog.beri_jalan(batas=30), urutan.append("bangun lanjut")))
    pembangun.start()
    pembangun.join(0.3)
    assert pembangun.is_alive() and urutan == []  # the build waits while the page is inside
    keluar.set()
    t.join(10)
    pembangun.join(10)
    assert urutan == ["halaman selesai", "bangun lanjut"]
    assert katalog.beri_jalan(batas=1) is False


def test_beri_jalan_tidak_menunggu_lebih_dari_batas():
    with katalog.utamakan():
        assert katalog.beri_jalan(batas=0.05) is True  # gave way, then went on after its limit


def test_pola_halaman_diutamakan_dan_demografi_mengalah(demo_env, monkeypatch):
    """siapkan_pola runs inside utamakan(); the demographic rollups (only they) give way."""
    dalam = []
    asli = katalog.utamakan

    def catat_utamakan():
        dalam.append("pola")
        return asli()

    monkeypatch.setattr(katalog, "utamakan", catat_utamakan)
    k = layanan.keadaan()
    layanan.siapkan_pola(k)
    assert dalam == ["pola"]

    mengalah: list[tuple[str, bool]] = []
    asli_banyak = katalog.Katalog._rollup_banyak

    def catat_banyak(self, nama, *a, **kw):
        mengalah.append((nama, kw.get("mengalah", False)))
        return asli_banyak(self, nama, *a, **kw)

    monkeypatch.setattr(katalog.Katalog, "_rollup_banyak", catat_banyak)
    kat = katalog.Katalog(k.akar, katalog.direktori_cache())
    try:
        kat.segarkan()
        kat.tunggu_lengkap()
    finally:
        kat.basis.tutup()
    assert ("agregat_berkas", False) in mengalah
    assert ("agregat_berkas_demografi", True) in mengalah


def test_halaman_yang_menunggu_tidak_memindai_folder_tiap_detik(tmp_path, monkeypatch):
    """While the first snapshot is built, the progress loop (tunggu_pertama once a second per
    waiting page) looks at the folder at most every DETIK_PINDAI_MENUNGGU seconds: scanning
    2.500 files each time took the build's own Python time."""
    from tests.unit.bantu import ids, tabel, tulis

    data = tmp_path / "data"
    data.mkdir()
    tulis(data / "a.parquet", tabel(ids("a", 12)))
    kat = katalog.Katalog(data, tmp_path / "cache")
    lepas = threading.Event()
    monkeypatch.setattr(katalog.Katalog, "_segarkan", lambda self, generasi: lepas.wait(30))
    dipindai = []
    asli = katalog.pindai
    monkeypatch.setattr(katalog, "pindai", lambda akar: dipindai.append(akar) or asli(akar))
    try:
        for _ in range(10):  # ten progress refreshes while the build runs
            assert kat.tunggu_pertama(0.01) is None
        assert len(dipindai) == 1
        monkeypatch.setattr(katalog, "DETIK_PINDAI_MENUNGGU", 0.0)
        assert kat.tunggu_pertama(0.01) is None  # past the interval: looked at again
        assert len(dipindai) == 2
    finally:
        lepas.set()
        kat._pembangun.join(30)
        kat.basis.tutup()
