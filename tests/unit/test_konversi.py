"""Spreadsheet extracts: Indonesian and international CSV, Excel on a named sheet, converted
into the cache (never the data folder), once per fingerprint, with the same validation."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from berakhlak import db, katalog, kontrak, konversi, layanan, templat
from berakhlak.layanan import Pilihan
from berakhlak.validasi import teks_alasan, validasi_berkas

N = 30


def data(n: int = N, awal: str = "r", periode: int = 2024) -> dict[str, list]:
    """A valid extract with varied scores (one decimal), 2 agencies, Jawa Tengah."""
    kolom: dict[str, list] = {
        "periode": [periode] * n,
        "responden_id": [f"{awal}{i:04d}" for i in range(n)],
        "instansi": ["Pemerintah Kabupaten Tegal" if i % 2 else "Pemerintah Kota Tegal"
                     for i in range(n)],
        "provinsi": ["Jawa Tengah"] * n,
    }
    for j, v in enumerate(kontrak.KUNCI_NILAI):
        kolom[v] = [round(40 + (i * 7 + j * 13) % 55 + 0.1 * ((i + j) % 10), 1) for i in range(n)]
    return kolom


def harapan(kolom: dict[str, list]) -> dict[str, float]:
    rata = {v: sum(kolom[v]) / len(kolom[v]) for v in kontrak.KUNCI_NILAI}
    return {**rata, "indeks": sum(rata.values()) / 7}


def csv_teks(kolom: dict[str, list], pemisah: str = ";", desimal: str = ",",
             judul: dict[str, str] | None = None) -> str:
    """The columns as CSV text, headers renamed by ``judul`` (e.g. 'Berorientasi Pelayanan')."""
    nama = [(judul or {}).get(k, k) for k in kolom]
    baris = [pemisah.join(nama)]
    for i in range(len(next(iter(kolom.values())))):
        sel = []
        for v in kolom.values():
            x = v[i]
            sel.append("" if x is None else str(x).replace(".", desimal) if isinstance(x, float)
                       else str(x))
        baris.append(pemisah.join(sel))
    return "\n".join(baris) + "\n"


def tulis_xlsx(path: Path, lembar: dict[str, list[list]]) -> Path:
    from openpyxl import Workbook

    buku = Workbook()
    buku.remove(buku.active)
    for nama, baris in lembar.items():
        ws = buku.create_sheet(nama)
        for b in baris:
            ws.append(b)
    path.parent.mkdir(parents=True, exist_ok=True)
    buku.save(path)
    return path


def baris_xlsx(kolom: dict[str, list]) -> list[list]:
    return [list(kolom), *map(list, zip(*kolom.values(), strict=True))]


def lama(path: Path) -> Path:
    t = time.time() - 3600
    os.utime(path, (t, t))
    return path


def isi_folder(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else b"",
                                               p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


@pytest.fixture
def basis(tmp_path: Path):
    b = db.Basis(direktori_izin=[tmp_path])
    yield b
    b.tutup()


@pytest.fixture
def akar(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def cocok(total, kolom: dict[str, list]) -> None:
    h = harapan(kolom)
    assert total["n"] == len(kolom["periode"])
    for k, v in h.items():
        assert total[k] == pytest.approx(v, abs=1e-9), k


# --------------------------------------------------------------------------- CSV


def test_csv_indonesia_dimuat_dengan_angka_yang_benar(data_env):
    kolom = data()
    kolom["responden_id"][0] = "007"  # an id with a leading zero stays text
    judul = {"berorientasi_pelayanan": "Berorientasi Pelayanan", "responden_id": "Responden ID"}
    (data_env / "jateng_2024.csv").write_text(csv_teks(kolom, judul=judul), encoding="utf-8-sig")
    k = layanan.keadaan_lengkap()
    (h,) = k.berkas
    assert h.relatif == "jateng_2024.csv" and h.dimuat, [teks_alasan(a) for a in h.alasan]
    assert h.baris == N and h.periode == (2024,) and h.n_instansi == 2
    cocok(layanan.total(k, Pilihan(periode=2024)), kolom)
    tabel = pq.read_table(h.path)
    assert tabel.column("Responden ID")[0].as_py() == "007"
    assert tabel.schema.field("periode").type == pa.int64()


def test_csv_koma_dengan_titik_desimal_dan_folder_periode(basis, akar, cache):
    kolom = data()
    del kolom["periode"]
    path = akar / "periode=2023" / "ntb.csv"
    path.parent.mkdir()
    path.write_text(csv_teks(kolom, pemisah=",", desimal="."), encoding="utf-8")
    h = validasi_berkas(basis, lama(path), akar, cache=cache)
    assert h.dimuat, [teks_alasan(a) for a in h.alasan]
    assert h.relatif == "periode=2023/ntb.csv" and h.periode == (2023,)
    tabel = pq.read_table(h.path)
    assert tabel.column("adaptif").to_pylist() == kolom["adaptif"]


def test_csv_titik_koma_dengan_titik_desimal_dan_cp1252(basis, akar, cache):
    kolom = data()
    kolom["instansi"] = ["Dinas Pendidikan Kota Banda Aceh – Bidang SMP"] * N
    path = akar / "aceh.csv"
    path.write_bytes(csv_teks(kolom, desimal=".").encode("cp1252"))
    h = validasi_berkas(basis, lama(path), akar, cache=cache)
    assert h.dimuat, [teks_alasan(a) for a in h.alasan]
    tabel = pq.read_table(h.path)
    assert tabel.column("instansi")[0].as_py() == kolom["instansi"][0]
    assert tabel.column("loyal").to_pylist() == kolom["loyal"]


def test_csv_koma_dengan_koma_desimal_berkutip_ditolak_sebagai_teks(basis, akar, cache):
    kolom = data()
    teks = csv_teks(kolom, pemisah=",", desimal=".")
    teks = teks.replace(f",{kolom['kolaboratif'][0]}\n", f',"{str(kolom["kolaboratif"][0]).replace(".", ",")}"\n', 1)
    path = akar / "koma.csv"
    path.write_text(teks, encoding="utf-8")
    h = validasi_berkas(basis, lama(path), akar, cache=cache)
    assert h.status == "ditolak"
    assert [a.kode for a in h.alasan] == ["tipe_salah"]
    assert "simpan sebagai angka dengan titik desimal" in teks_alasan(h.alasan[0])


def test_csv_baris_tidak_lengkap_ditolak_dengan_nomor_barisnya(basis, akar, cache):
    teks = csv_teks(data()).splitlines()
    teks[5] = ";".join(teks[5].split(";")[:-2])
    path = akar / "rusak.csv"
    path.write_text("\n".join(teks) + "\n", encoding="utf-8")
    h = validasi_berkas(basis, lama(path), akar, cache=cache)
    assert h.status == "ditolak" and [a.kode for a in h.alasan] == ["bukan_csv"]
    assert teks_alasan(h.alasan[0]).startswith(
        "Berkas CSV tidak bisa dibaca (baris 6 berisi 9 kolom, padahal judulnya 11). "
        'Pastikan setiap baris memakai pemisah yang sama dengan baris judul (";")')


def test_csv_baru_yang_belum_lengkap_menunggu(basis, akar, cache):
    teks = csv_teks(data())
    path = akar / "salin.csv"
    path.write_text(teks[: len(teks) // 2 + 3], encoding="utf-8")
    h = validasi_berkas(basis, path, akar, sekarang=path.stat().st_mtime + 2, cache=cache)
    assert h.status == "menunggu"


# --------------------------------------------------------------------------- Excel


def test_excel_di_lembar_bernama_dimuat_dengan_angka_yang_benar(data_env):
    kolom = data()
    tulis_xlsx(data_env / "survei_2024.xlsx", {
        "Catatan": [["Ekspor survei budaya kerja"], ["dibuat oleh", "Biro SDM"]],
        "Data Survei": [["Hasil survei 2024"], [], *baris_xlsx(kolom)],
        "Pivot": [["provinsi", "jumlah"], ["Jawa Tengah", N]],
    })
    k = layanan.keadaan_lengkap()
    (h,) = k.berkas
    assert h.relatif == "survei_2024.xlsx" and h.dimuat, [teks_alasan(a) for a in h.alasan]
    assert h.baris == N and h.periode == (2024,)
    cocok(layanan.total(k, Pilihan(periode=2024)), kolom)


def test_excel_angka_tersimpan_sebagai_teks_berkoma_dibaca(basis, akar, cache):
    kolom = data()
    kolom["adaptif"] = [str(v).replace(".", ",") for v in kolom["adaptif"]]
    path = tulis_xlsx(akar / "teks.xlsx", {"Sheet1": baris_xlsx(kolom)})
    h = validasi_berkas(basis, lama(path), akar, cache=cache)
    assert h.dimuat, [teks_alasan(a) for a in h.alasan]
    assert pq.read_table(h.path).column("adaptif").to_pylist() == data()["adaptif"]


def test_excel_tanpa_lembar_berkolom_kontrak_ditolak(basis, akar, cache):
    path = tulis_xlsx(akar / "catatan.xlsx", {"Ringkasan": [["a", "b"], [1, 2]], "Lain": [["x"]]})
    h = validasi_berkas(basis, lama(path), akar, cache=cache)
    assert [teks_alasan(a) for a in h.alasan] == [
        "Tidak ada lembar kerja yang baris judulnya memuat kolom data (mis. periode, "
        'responden_id, instansi); lembar yang ada: "Ringkasan", "Lain". Letakkan data di satu '
        "lembar dengan nama kolom di baris judul."]


def test_bukan_excel_ditolak(basis, akar, cache):
    path = akar / "palsu.xlsx"
    path.write_text("bukan excel")
    h = validasi_berkas(basis, lama(path), akar, cache=cache)
    assert h.status == "ditolak" and [a.kode for a in h.alasan] == ["bukan_xlsx"]


# --------------------------------------------------------------------------- the cache


def test_konversi_tidak_pernah_menulis_ke_folder_data(basis, akar, cache):
    (akar / "a.csv").write_text(csv_teks(data()), encoding="utf-8")
    tulis_xlsx(akar / "b" / "b.xlsx", {"data": baris_xlsx(data(awal="b"))})
    (akar / "rusak.csv").write_text("a;b\n1\n", encoding="utf-8")
    for p in akar.rglob("*.*"):
        lama(p)
    sebelum = isi_folder(akar)
    hasil = [validasi_berkas(basis, p, akar, cache=cache) for p in sorted(akar.rglob("*.*"))]
    assert isi_folder(akar) == sebelum
    dimuat = [h for h in hasil if h.dimuat]
    assert len(dimuat) == 2
    for h in dimuat:
        assert h.path.is_relative_to(cache / "konversi") and h.path.suffix == ".parquet"


def test_berkas_yang_tidak_berubah_tidak_dikonversi_ulang(basis, akar, cache, monkeypatch):
    path = akar / "a.csv"
    path.write_text(csv_teks(data()), encoding="utf-8")
    lama(path)
    pertama = validasi_berkas(basis, path, akar, cache=cache).path
    dibuat = pertama.stat().st_mtime_ns

    def jangan(*_):
        raise AssertionError("converted again")

    monkeypatch.setattr(konversi, "_baca_csv", jangan)
    assert validasi_berkas(basis, path, akar, cache=cache).path == pertama
    assert pertama.stat().st_mtime_ns == dibuat
    monkeypatch.undo()
    path.write_text(csv_teks(data(n=N + 1)), encoding="utf-8")  # replaced: converted again
    kedua = validasi_berkas(basis, path, akar, cache=cache)
    assert kedua.path != pertama and kedua.baris == N + 1
    assert not pertama.exists()  # the old state's conversion is dropped


def test_katalog_memakai_cache_dan_nama_asli(data_env):
    (data_env / "a.csv").write_text(csv_teks(data()), encoding="utf-8")
    k = layanan.keadaan_lengkap()
    assert [h.relatif for h in k.berkas] == ["a.csv"] and k.n_responden == N
    assert k.berkas[0].path.is_relative_to(katalog.direktori_cache())
    assert not k.demo and k.diabaikan == []


# --------------------------------------------------------------------------- template


def test_templat_csv_dan_excel_lolos_validasi(basis, akar, cache):
    (akar / "templat.csv").write_bytes(templat.templat_csv())
    (akar / "templat.xlsx").write_bytes(templat.templat_xlsx())
    for nama in ("templat.csv", "templat.xlsx"):
        h = validasi_berkas(basis, lama(akar / nama), akar, cache=cache)
        assert h.dimuat, (nama, [teks_alasan(a) for a in h.alasan])
        tabel = pq.read_table(h.path)
        assert tabel.num_rows == 2
        assert tabel.column("akuntabel").to_pylist() == [75.0, None]
        assert tabel.column("berorientasi_pelayanan").to_pylist() == [66.7, 80.0]
    assert templat.templat_csv().decode("utf-8-sig").splitlines()[1].startswith("2024;R-0001;")


def test_kamus_data_memuat_setiap_kolom():
    for lang in ("id", "en"):
        kamus = templat.kamus(lang)
        assert [b[list(b)[0]] for b in kamus] == [*kontrak.WAJIB, *kontrak.OPSIONAL]
        assert all(len(b) == 6 and all(b[k] for k in list(b)[:4]) for b in kamus)
    teks = templat.kamus_csv("id").decode("utf-8-sig")
    assert "Papua Pegunungan" in teks and "66,7" in teks
    assert "kolom;wajib;tipe;nilai yang diizinkan;contoh;keterangan" in teks
    assert io.BytesIO(templat.templat_xlsx("en")).read(2) == b"PK"
