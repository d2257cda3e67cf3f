"""The data folder: overlap counted once, changes picked up, nothing re-read or written."""

from __future__ import annotations

import io
import os
import sys
import threading
import time

import pyarrow.parquet as pq
import pytest

from berakhlak import katalog, kontrak, layanan, validasi
from berakhlak.layanan import Pilihan
from tests.unit.bantu import ids, tabel, tulis


def segarkan():
    """The snapshot once the background build has finished (demographic rollups included)."""
    return layanan.keadaan_lengkap()


def total(k, **filter):
    return layanan.total(k, Pilihan(**filter))


def test_responden_yang_sama_di_dua_berkas_dihitung_sekali(data_env):
    tulis(data_env / "a.parquet", tabel(ids("r", 30), skor=60.0))
    tulis(data_env / "b.parquet", tabel(ids("r", 30, mulai=20), skor=80.0))  # r20..r29 shared
    k = segarkan()
    assert k.n_responden == 50
    assert k.n_baris_dimuat == 60
    assert [(t.berkas_dipakai, t.berkas_dilewati, t.jumlah) for t in k.tumpang] == [
        ("a.parquet", "b.parquet", 10)]
    baris = total(k, periode=2024)
    assert baris["n"] == 50
    # a's copy of the shared ten counts (60, not 80): (30 * 60 + 20 * 80) / 50
    assert baris["adaptif"] == pytest.approx(68.0)


def test_id_sama_di_periode_lain_bukan_tumpang(data_env):
    tulis(data_env / "a.parquet", tabel(ids("r", 20), periode=2023))
    tulis(data_env / "b.parquet", tabel(ids("r", 20), periode=2024))
    k = segarkan()
    assert k.n_responden == 40 and k.tumpang == []


def test_campuran_baik_dan_buruk_setiap_responden_sah_terhitung(data_env):
    tulis(data_env / "baik1.parquet", tabel(ids("a", 25)))
    tulis(data_env / "periode=2024" / "baik2.parquet", tabel(ids("b", 15)).drop_columns(["periode"]))
    tulis(data_env / "buruk_rentang.parquet", tabel(ids("c", 12), skor=120.0))
    tulis(data_env / "buruk_kolom.parquet", tabel(ids("d", 12)).drop_columns(["adaptif"]))
    (data_env / "bukan.parquet").write_text("periode,responden_id\n2024,x\n")
    os.utime(data_env / "bukan.parquet", (time.time() - 3600,) * 2)
    (data_env / "catatan.txt").write_text("x")
    k = segarkan()
    status = {h.relatif: h.status for h in k.berkas}
    assert status == {"baik1.parquet": "dimuat", "periode=2024/baik2.parquet": "dimuat",
                      "buruk_rentang.parquet": "ditolak", "buruk_kolom.parquet": "ditolak",
                      "bukan.parquet": "ditolak"}
    assert k.diabaikan == ["catatan.txt"]
    assert k.n_responden == 40 and not k.demo


def test_berkas_baru_diganti_dan_dihapus_terlihat_tanpa_restart(data_env):
    tulis(data_env / "a.parquet", tabel(ids("a", 20)))
    assert segarkan().n_responden == 20
    tulis(data_env / "b.parquet", tabel(ids("b", 30)))
    assert segarkan().n_responden == 50
    tulis(data_env / "b.parquet", tabel(ids("b", 12)))
    os.utime(data_env / "b.parquet", (time.time() + 5,) * 2)  # a replaced file gets a new mtime
    assert segarkan().n_responden == 32
    (data_env / "b.parquet").unlink()
    assert segarkan().n_responden == 20


def test_berkas_yang_tidak_berubah_tidak_dibaca_ulang(data_env, monkeypatch, cache_bersama):
    tulis(data_env / "a.parquet", tabel(ids("a", 20)))
    segarkan()
    dibaca, cache = [], []
    asli = katalog.validasi_banyak

    def validasi(b, paths, a, **kw):
        dibaca.extend(p.name for p in paths)
        cache.append(kw.get("cache"))
        return asli(b, paths, a, **kw)

    monkeypatch.setattr(katalog, "validasi_banyak", validasi)
    tulis(data_env / "b.parquet", tabel(ids("b", 20)))
    segarkan()
    segarkan()
    assert dibaca == ["b.parquet"]
    # spreadsheets are converted into the catalog's own cache folder, not the process default
    assert cache == [cache_bersama]


def test_validasi_satu_memakai_cache_katalog(tmp_path, monkeypatch):
    data, cache = tmp_path / "data", tmp_path / "cache_lain"
    tulis(data / "a.parquet", tabel(ids("a", 12)))
    dipakai = []
    asli = katalog.validasi_berkas
    monkeypatch.setattr(katalog, "validasi_berkas",
                        lambda b, p, a, **kw: dipakai.append(kw.get("cache")) or asli(b, p, a, **kw))
    kat = katalog.Katalog(data.resolve(), cache.resolve())
    try:
        (path, sidik), = katalog.pindai(kat.akar)[0]
        assert kat._validasi_satu(path, sidik, kat.akar).dimuat
        assert dipakai == [cache.resolve()]
    finally:
        kat.basis.tutup()


def test_berkas_yang_masih_disalin_dilaporkan_lalu_dimuat(data_env):
    tulis(data_env / "a.parquet", tabel(ids("a", 20)))
    lengkap = tulis(data_env / "sementara.parquet", tabel(ids("b", 30))).read_bytes()
    (data_env / "sementara.parquet").write_bytes(lengkap[: len(lengkap) // 2])
    k = segarkan()
    assert {h.relatif: h.status for h in k.berkas}["sementara.parquet"] == "menunggu"
    assert k.n_responden == 20
    (data_env / "sementara.parquet").write_bytes(lengkap)
    assert segarkan().n_responden == 50


def test_berkas_yang_disalin_berulang_kali_di_bawah_beban(tmp_path, cache_bersama):
    """The copy-in scenario over and over, while a thread burns CPU and another refreshes like
    a busy page (each refresh may start or queue a build), with threads switching often:
    whoever waits gets the folder as it left it, never a build that read an older state of the
    file. ``make test`` runs it 10 times (a few seconds); for the full proof run
    ``BERAKHLAK_ULANG_SALIN=200 .venv/bin/python -m pytest tests/unit/test_katalog.py -k beban``."""
    ulang = int(os.environ.get("BERAKHLAK_ULANG_SALIN", "10"))
    data = tmp_path / "data"
    tulis(data / "a.parquet", tabel(ids("a", 20)))
    isi = io.BytesIO()
    pq.write_table(tabel(ids("b", 30)), isi)
    lengkap = isi.getvalue()
    salinan = data / "sementara.parquet"
    kat = katalog.Katalog(data.resolve(), cache_bersama)
    berhenti = threading.Event()
    galat: list[BaseException] = []

    def bakar():
        while not berhenti.is_set():
            sum(i * i for i in range(20_000))

    def halaman():
        try:
            while not berhenti.is_set():
                kat.segarkan(tunggu=0)
                time.sleep(0.002)
        except BaseException as e:  # noqa: BLE001 - reported by the test below
            galat.append(e)

    pekerja = [threading.Thread(target=bakar, daemon=True), threading.Thread(target=halaman, daemon=True)]
    selang = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)  # the threads interleave ten times as often as by default
    for t in pekerja:
        t.start()
    try:
        for i in range(ulang):
            salinan.write_bytes(lengkap[: len(lengkap) // 2])
            k = kat.tunggu_lengkap(60)
            assert ({h.relatif: h.status for h in k.berkas}["sementara.parquet"], k.n_responden) == (
                "menunggu", 20), f"repetition {i}"
            salinan.write_bytes(lengkap)
            k = kat.tunggu_lengkap(60)
            assert (k.n_responden, k.demografi_lengkap) == (50, True), f"repetition {i}"
            salinan.unlink()
            assert kat.tunggu_lengkap(60).n_responden == 20, f"repetition {i}"
        assert galat == []
    finally:
        berhenti.set()
        for t in pekerja:
            t.join()
        sys.setswitchinterval(selang)
        if kat._pembangun is not None:
            kat._pembangun.join()
        kat.basis.tutup()


def test_folder_data_tidak_pernah_ditulis(data_env):
    tulis(data_env / "a.parquet", tabel(ids("a", 20)))
    (data_env / "b.parquet").write_text("rusak")
    sebelum = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in data_env.rglob("*")}
    k = segarkan()
    layanan.ringkas(k, "provinsi", Pilihan(periode=2024))
    sesudah = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in data_env.rglob("*")}
    assert sebelum == sesudah


def test_nama_berisi_kutip_atau_sql_hanyalah_nama(data_env):
    jahat = "Dinas 'X'; DROP TABLE agregat; --"
    tulis(data_env / "a.parquet", tabel(ids("a", 12), instansi=jahat, unit_kerja='Unit "Y" OR 1=1'))
    tulis(data_env / "b.parquet", tabel(ids("b", 15), instansi="Instansi Lain"))
    k = segarkan()
    assert layanan.opsi(k, "instansi", Pilihan(periode=2024)) == ["Dinas 'X'; DROP TABLE agregat; --",
                                                                 "Instansi Lain"]
    assert total(k, periode=2024, instansi=jahat)["n"] == 12
    assert total(k, periode=2024, instansi=jahat, unit_kerja='Unit "Y" OR 1=1')["n"] == 12
    assert segarkan().n_responden == 27


def test_indeks_adalah_rata_rata_tujuh_nilai_dan_kategori_dari_pembulatan(data_env):
    skor = dict(zip(kontrak.KUNCI_NILAI, [75.0, 74.9, 75.0, 74.9, 75.0, 74.92, 75.0], strict=True))
    tulis(data_env / "a.parquet", tabel(ids("a", 10), skor=skor))
    baris = total(segarkan(), periode=2024)
    assert baris["indeks"] == pytest.approx(74.96)
    assert baris["kategori"] == "A"  # 74,96 shows as 75,0


def test_skor_kosong_hanya_keluar_dari_rata_rata_nilai_itu(data_env):
    adaptif = [None, None] + [50.0] * 10
    tulis(data_env / "a.parquet", tabel(ids("a", 12), skor={**{v: 70.0 for v in kontrak.KUNCI_NILAI},
                                                              "adaptif": adaptif}))
    baris = total(segarkan(), periode=2024)
    assert baris["n"] == 12 and baris["n_adaptif"] == 10
    assert baris["adaptif"] == pytest.approx(50.0)
    assert baris["indeks"] == pytest.approx((6 * 70 + 50) / 7)


def test_folder_kosong_memakai_demo(demo_env):
    k = segarkan()
    assert k.demo and k.n_responden > 100_000
    assert k.periode == (2022, 2023, 2024, 2025)


def test_mulai_ulang_memakai_hasil_di_cache_tanpa_membaca_berkas(data_env, monkeypatch, cache_bersama):
    tulis(data_env / "a.parquet", tabel(ids("a", 20)))
    tulis(data_env / "b.parquet", tabel(ids("a", 20, mulai=10)))  # shares 10 with a
    pertama = segarkan()
    katalog.lupakan_semua()  # a restart: a new process would start from here
    layanan.bersihkan_cache()
    dibaca = []
    monkeypatch.setattr(katalog, "validasi_berkas", lambda *a, **k: dibaca.append(a) or None)
    monkeypatch.setattr(katalog, "validasi_banyak", lambda *a, **k: dibaca.append(a) or None)
    monkeypatch.setattr(katalog.db.Basis, "jalankan_arrow", lambda *a, **k: dibaca.append(a) or None)
    kedua = segarkan()
    assert dibaca == []
    assert kedua.n_responden == pertama.n_responden == 30
    assert kedua.tumpang == pertama.tumpang


def test_cache_tidak_pernah_di_dalam_folder_data(data_env, cache_bersama):
    tulis(data_env / "a.parquet", tabel(ids("a", 20)))
    segarkan()
    assert sorted(p.name for p in data_env.rglob("*")) == ["a.parquet"]
    assert any(cache_bersama.rglob("paket-agregat_berkas-*.parquet"))


def test_selama_berkas_besar_diperiksa_data_lama_tetap_dilayani(data_env, monkeypatch):
    tulis(data_env / "a.parquet", tabel(ids("a", 20)))
    kat = katalog.katalog()
    assert kat.tunggu_lengkap().n_responden == 20
    asli = katalog.validasi_banyak
    monkeypatch.setattr(katalog, "validasi_banyak", lambda *a, **k: time.sleep(1.0) or asli(*a, **k))
    tulis(data_env / "b.parquet", tabel(ids("b", 30)))
    assert kat.segarkan(tunggu=0).n_responden == 20  # the page is not held up
    assert kat.sedang_memperbarui
    kat._pembangun.join()
    assert kat.segarkan().n_responden == 50


def test_pembangunan_yang_gagal_tidak_menjatuhkan_dasbor(data_env, monkeypatch):
    tulis(data_env / "a.parquet", tabel(ids("a", 20)))
    kat = katalog.katalog()
    kat.segarkan()
    monkeypatch.setattr(katalog, "validasi_banyak", lambda *a, **k: 1 / 0)
    tulis(data_env / "b.parquet", tabel(ids("b", 30)))
    assert kat.segarkan().n_responden == 20
    assert "ZeroDivisionError" in kat.galat


def test_cuplikan_terbit_sebelum_rincian_demografi_selesai(data_env, monkeypatch):
    tulis(data_env / "a.parquet", tabel(ids("a", 20), golongan="III"))
    kat = katalog.katalog()
    asli = katalog.Katalog._rollup_banyak

    def lambat(self, nama, *a, **kw):
        if nama == "agregat_berkas_demografi":
            time.sleep(1.0)
        return asli(self, nama, *a, **kw)

    monkeypatch.setattr(katalog.Katalog, "_rollup_banyak", lambat)
    k = kat.segarkan()
    assert k.n_responden == 20 and not k.demografi_lengkap  # the pages need not wait
    assert layanan.ukuran(k, "grup", Pilihan(periode=2024), "golongan").empty
    lengkap = kat.tunggu_lengkap()
    assert lengkap.demografi_lengkap and lengkap.versi != k.versi
    golongan = layanan.ukuran(lengkap, "grup", Pilihan(periode=2024), "golongan")
    assert golongan[["kelompok", "n"]].values.tolist() == [["III", 20]]


def test_gagal_pertama_dilaporkan_lalu_dicoba_lagi(data_env, monkeypatch):
    tulis(data_env / "a.parquet", tabel(ids("a", 20)))
    kat = katalog.katalog()
    asli = katalog.validasi_banyak
    monkeypatch.setattr(katalog, "validasi_banyak", lambda *a, **k: 1 / 0)
    with pytest.raises(katalog.GagalMemuat, match="ZeroDivisionError"):
        kat.segarkan()
    monkeypatch.setattr(katalog, "validasi_banyak", asli)
    assert kat.segarkan().n_responden == 20  # the retry is waited for, not answered at once


def test_periode_yang_melonjak_ditahan_sampai_dilepas(data_env):
    tulis(data_env / "p2022.parquet", tabel(ids("a", 20), periode=2022, skor=60.0))
    tulis(data_env / "p2023.parquet", tabel(ids("b", 20), periode=2023, skor=62.0))
    tulis(data_env / "p2024.parquet", tabel(ids("c", 20), periode=2024, skor=80.0))  # +18: held
    tulis(data_env / "p2025.parquet", tabel(ids("d", 20), periode=2025, skor=63.0))  # +1 from 2023
    tulis(data_env / "p2026.parquet", tabel(ids("e", 20), periode=2026, skor=78.0))  # +15: passes
    k = segarkan()
    assert {h.relatif: h.status for h in k.berkas} == {
        "p2022.parquet": "dimuat", "p2023.parquet": "dimuat", "p2024.parquet": "ditolak",
        "p2025.parquet": "dimuat", "p2026.parquet": "dimuat"}
    assert k.periode == (2022, 2023, 2025, 2026) and k.n_responden == 80
    assert total(k, periode=2024) is None or total(k, periode=2024)["n"] == 0
    (ditahan,) = [h for h in k.berkas if h.relatif == "p2024.parquet"]
    assert katalog.LONJAKAN_MAKS == 15
    assert [validasi.teks_alasan(a) for a in ditahan.alasan] == [
        "Periode 2024 ditahan: indeks nasionalnya 80,0, berubah +18,0 poin dari periode 2023 "
        "(62,0), lebih dari 15 poin. Perubahan sebesar ini hampir selalu kesalahan data: skor "
        "berskala lain (mis. 1-5 atau 0-1) di sebagian berkas, atau ekstrak sebagian (hanya "
        "sebagian instansi atau wilayah). Periksa berkas periode 2024. Bila angkanya memang "
        'benar, tulis 2024 di berkas teks "periode_dilepas.txt" di folder data untuk '
        "melepaskannya."]
    assert validasi.teks_alasan(ditahan.alasan[0], "en").startswith(
        "Period 2024 is held: its national index is 80.0, +18.0 points from period 2023 (62.0)")
    # released by the analyst: loaded at the next refresh, and the note is not an ignored file
    (data_env / "periode_dilepas.txt").write_text("2024\n")
    k = segarkan()
    # 2024 now counts, so 2025 (63) is 17 points below it and held; 2026 (78) is near 2024
    assert [h.relatif for h in k.berkas if not h.dimuat] == ["p2025.parquet"]
    assert "Periode 2025 ditahan: indeks nasionalnya 63,0, berubah -17,0 poin dari periode 2024 (80,0)" in (
        validasi.teks_alasan(k.ditolak[0].alasan[0]))
    (data_env / "periode_dilepas.txt").write_text("2024, 2025")
    k = segarkan()
    assert all(h.dimuat for h in k.berkas) and k.n_responden == 100
    assert k.periode == (2022, 2023, 2024, 2025, 2026) and k.diabaikan == []
    assert total(k, periode=2024)["n"] == 20


def test_kunci_bertahan_setelah_mulai_ulang_dan_pembersihan(data_env, tmp_path, monkeypatch):
    """After a restart with the cache in place (the overlap results read from it, no key read),
    the cleanup of unused cache files keeps the bundles holding the files' respondent keys:
    a file added later to the same period compares against them instead of hashing every
    file of the period again."""
    cache = tmp_path / "cache_sendiri"
    monkeypatch.setenv("BERAKHLAK_CACHE_DIR", str(cache))
    tulis(data_env / "a.parquet", tabel(ids("r", 30)))
    tulis(data_env / "b.parquet", tabel(ids("r", 30, mulai=20)))
    assert segarkan().n_responden == 50
    katalog.lupakan_semua()
    paket = sorted(cache.rglob("paket-kunci-*.parquet"))
    assert paket
    lama = time.time() - 2 * katalog.DETIK_SIMPAN
    for p in cache.rglob("*"):
        if p.is_file():
            os.utime(p, (lama, lama))
    assert segarkan().n_responden == 50  # a restart: the overlap result comes from the cache
    katalog.lupakan_semua()
    assert sorted(cache.rglob("paket-kunci-*.parquet")) == paket
