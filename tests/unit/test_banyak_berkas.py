"""Hundreds of tiny per-agency files: shared respondents are found in one pass per period, not
pair by pair, and every respondent is counted exactly once (the alphabetically first copy)."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pyarrow as pa
import pytest

from berakhlak import db, katalog, layanan
from berakhlak.layanan import Pilihan
from tests.unit.bantu import tabel, tulis


def isi_folder(data, n_2024: int, n_2023: int) -> dict[str, list[tuple[int, str, float]]]:
    """Write tiny files (3 own respondents each) with respondents shared in several patterns;
    returns every file's rows (periode, id, score) by relative path."""
    nama = [f"instansi_{i:03d}.parquet" for i in range(n_2024 + n_2023)]
    baris: dict[str, list[tuple[int, str, float]]] = {}
    for i, n in enumerate(nama):
        p = 2024 if i < n_2024 else 2023
        skor = 10 + i % 80 if p == 2024 else 10 + 2 * (i - n_2024) % 60  # like means per period
        baris[n] = [(p, f"r{i:03d}_{j}", float(skor)) for j in range(3)]
    for i in range(1, n_2024):
        if i % 7 == 0:  # shares its neighbour's first respondent
            baris[nama[i]].append((2024, f"r{i - 1:03d}_0", float(10 + i % 80)))
        if i % 11 == 0 and i >= 5:  # and two with a file further back
            baris[nama[i]] += [(2024, f"r{i - 5:03d}_{j}", 95.0) for j in (1, 2)]
    for i in (10, 50, n_2024 - 1):  # one respondent in three files
        baris[nama[i]].append((2024, "bersama", float(i % 100)))
    baris[nama[n_2024]].append((2023, "r000_0", 70.0))  # the same id in another period: no overlap
    # one file holding two periods, sharing one respondent in each
    baris["gabungan.parquet"] = [(2024, "g1", 40.0), (2023, "g2", 40.0), (2024, "r003_1", 40.0),
                                 (2023, f"r{n_2024 + 1:03d}_2", 40.0)]
    for n, rows in baris.items():
        t = tabel([r[1] for r in rows], skor=[r[2] for r in rows])
        tulis(data / n, t.set_column(0, "periode", pa.array([r[0] for r in rows])))
    return baris


def harapan(baris: dict[str, list[tuple[int, str, float]]]):
    """What the rule says, worked out by brute force: pairs of files sharing respondents,
    each file's skipped keys, and per period the counted respondents and their score sum."""
    pemilik: dict[tuple[int, str], list[str]] = {}
    for n in sorted(baris):
        for p, r, _ in baris[n]:
            pemilik.setdefault((p, r), []).append(n)
    pasangan = Counter(ab for f in pemilik.values() for ab in combinations(f, 2))
    urut = {n: i for i, n in enumerate(sorted(baris))}
    tumpang = [(a, b, k) for (a, b), k in sorted(pasangan.items(), key=lambda x: (urut[x[0][1]], urut[x[0][0]]))]
    dilewati = {n: sorted(k for k, f in pemilik.items() if n in f[1:]) for n in baris}
    skor = {(p, r, n): s for n in baris for p, r, s in baris[n]}
    per_periode: dict[int, list[float]] = {}
    for (p, r), f in pemilik.items():
        per_periode.setdefault(p, []).append(skor[p, r, f[0]])
    return tumpang, {n: k for n, k in dilewati.items() if k}, per_periode


@pytest.fixture
def hitung_kueri(monkeypatch):
    """Counts every query file run through Basis.jalankan_arrow, by name."""
    hitung: Counter[str] = Counter()
    asli = db.Basis.jalankan_arrow

    def jalankan_arrow(self, nama, *a, **k):
        hitung[nama] += 1
        return asli(self, nama, *a, **k)

    monkeypatch.setattr(db.Basis, "jalankan_arrow", jalankan_arrow)
    return hitung


def test_ratusan_berkas_satu_kueri_tumpang_per_periode(tmp_path, cache_bersama, hitung_kueri):
    data = tmp_path / "data"
    baris = isi_folder(data, n_2024=200, n_2023=100)
    tumpang, dilewati, _ = harapan(baris)
    kat = katalog.Katalog(data.resolve(), cache_bersama)
    try:
        parquet, _ = katalog.pindai(kat.akar)
        assert len(parquet) == 301
        sah = [s for p, s in parquet if kat._validasi_satu(p, s, kat.akar).dimuat]
        assert len(sah) == 301
        hasil, didahului, lewat = kat._cari_tumpang(sah)
        # the per-pair report as /data shows it, in the order of the skipped file, then the first
        assert [(t.berkas_dipakai, t.berkas_dilewati, t.jumlah) for t in hasil] == tumpang
        assert {s.relatif: sorted(zip(t["periode"].to_pylist(), t["responden_id"].to_pylist(),
                                      strict=True)) for s, t in lewat.items()} == dilewati
        for s in sah:  # the earlier files sharing respondents: part of the rollup's cache key
            assert [a.relatif for a in didahului[s]] == [a for a, b, _ in tumpang if b == s.relatif]
        # 301 files are 45.150 pairs (about 25.000 in the same period): one query per period
        # held by several files, and the keys of many files read in one query
        assert hitung_kueri["tumpang_periode"] == 2
        assert hitung_kueri["kunci_hash"] == -(-301 // katalog.BERKAS_PER_KLAIM) == 2
        hitung_kueri.clear()
        assert kat._cari_tumpang(sah)[0] == hasil  # cached: no query the second time
        assert hitung_kueri == Counter()
    finally:
        kat.basis.tutup()


def test_berkas_kecil_yang_berbagi_responden_dihitung_sekali(data_env, hitung_kueri):
    baris = isi_folder(data_env, n_2024=60, n_2023=30)
    tumpang, _, per_periode = harapan(baris)
    k = layanan.keadaan()  # the first snapshot (base rollups)
    assert [(t.berkas_dipakai, t.berkas_dilewati, t.jumlah) for t in k.tumpang] == tumpang
    assert k.n_baris_dimuat == sum(len(r) for r in baris.values())
    assert k.n_responden == sum(len(s) for s in per_periode.values())
    for p, skor in per_periode.items():  # nothing lost or counted twice: the first copy's score
        baris_total = layanan.total(k, Pilihan(periode=p))
        assert baris_total["n"] == len(skor)
        assert baris_total["adaptif"] == pytest.approx(sum(skor) / len(skor))
    assert hitung_kueri["tumpang_periode"] == 2


def test_kemajuan_dilaporkan_selama_pembangunan(data_env, monkeypatch):
    for i in range(6):
        tulis(data_env / f"b{i}.parquet", tabel([f"r{i}_{j}" for j in range(12)]))
    kat = katalog.katalog()
    terlihat: list[katalog.Kemajuan] = []
    asli = katalog.validasi_banyak

    def lambat(*a, **kw):
        terlihat.append(kat.kemajuan)
        return asli(*a, **kw)

    monkeypatch.setattr(katalog, "validasi_banyak", lambat)
    monkeypatch.setattr(katalog, "BERKAS_PER_KLAIM", 2)  # checked two files at a time
    assert kat.tunggu_pertama(0.0) is None or kat.siap  # a build is running (or already done)
    k = kat.tunggu_lengkap()
    assert k.n_responden == 72
    assert [m.diperiksa for m in terlihat] == [0, 2, 4]
    assert all(m.berkas == 6 and m.tahap == "periksa" for m in terlihat)
    assert terlihat[-1].pekerjaan > terlihat[-1].dikerjakan > 0
    kat._pembangun.join()
    assert kat.kemajuan is None  # no build running
    akhir = kat._kemajuan
    assert (akhir.tahap, akhir.diperiksa, akhir.ringkasan, akhir.diringkas) == ("selesai", 6, 6, 6)
    # demographic rollups counted when this build made them; none when they were already there
    assert akhir.demografi_diringkas in (0, 6)
    assert akhir.sisa_detik() == 0.0


def test_perkiraan_sisa_waktu():
    m = katalog.Kemajuan(generasi=1, tahap="periksa", berkas=10, diperiksa=5, dikerjakan=5.0,
                         pekerjaan=20.0, mulai=100.0)
    assert m.sisa_detik(sekarang=110.0) == pytest.approx(30.0)  # 10 s for 5 units, 15 to go
    assert m.bagian == pytest.approx(0.25)
    assert m.sisa_detik(sekarang=100.5) is None  # too early to tell


def test_validasi_bersama_sama_dengan_satu_per_satu(tmp_path, cache_bersama, monkeypatch):
    """Many files checked per query give each file exactly the result and reasons it gets
    alone, good and bad files mixed (with and without example values), in few queries."""
    from berakhlak import validasi

    data = tmp_path / "data"
    for i in range(8):
        tulis(data / f"baik_{i}.parquet", tabel([f"b{i}_{j}" for j in range(12)], skor=50.0 + i))
    tulis(data / "rentang.parquet", tabel([f"r{j}" for j in range(12)], skor=120.0))
    tulis(data / "provinsi.parquet", tabel([f"p{j}" for j in range(12)], provinsi="Jawa Tangah"))
    tulis(data / "ganda.parquet", tabel(["g1", "g1", "g2", "g2", "g3"]))
    tulis(data / "skala.parquet", tabel([f"s{j}" for j in range(60)], skor=[1.0 + j % 5 for j in range(60)]))
    tulis(data / "kosong_id.parquet", tabel(["", "x", "y"]))
    tulis(data / "tanpa_kolom.parquet", tabel([f"t{j}" for j in range(12)]).drop_columns(["adaptif"]))
    tulis(data / "periode=2024" / "folder.parquet", tabel([f"f{j}" for j in range(12)]).drop_columns(["periode"]))
    (data / "rusak.parquet").write_text("bukan parquet")
    paths = sorted(data.rglob("*.parquet"))
    basis = db.Basis(direktori_izin=[data, cache_bersama])
    try:
        kueri: Counter[str] = Counter()
        asli = db.Basis.jalankan

        def jalankan(self, nama, *a, **k):
            kueri[nama] += 1
            return asli(self, nama, *a, **k)

        monkeypatch.setattr(db.Basis, "jalankan", jalankan)
        bersama = validasi.validasi_banyak(basis, paths, data, sekarang=1e12, cache=cache_bersama)
        assert kueri["validasi_ringkasan"] < len(paths) // 2  # grouped, not one per file
        satu = [validasi.validasi_berkas(basis, p, data, sekarang=1e12, cache=cache_bersama) for p in paths]
    finally:
        basis.tutup()
    assert [(h.relatif, h.status, h.alasan, h.baris, h.periode, h.n_instansi) for h in bersama] == [
        (h.relatif, h.status, h.alasan, h.baris, h.periode, h.n_instansi) for h in satu]
    status = {h.relatif: (h.status, [a.kode for a in h.alasan]) for h in bersama}
    assert status["ganda.parquet"] == ("ditolak", ["responden_ganda"])
    assert status["provinsi.parquet"] == ("ditolak", ["provinsi_tidak_dikenal"])
    assert status["rentang.parquet"] == ("ditolak", ["nilai_di_luar_rentang"] * 7)
    assert status["skala.parquet"] == ("ditolak", ["skala_1_5"])
    assert status["tanpa_kolom.parquet"] == ("ditolak", ["kolom_wajib_tidak_ada"])
    assert status["rusak.parquet"] == ("ditolak", ["bukan_parquet"])
    assert sum(s == "dimuat" for s, _ in status.values()) == 9
