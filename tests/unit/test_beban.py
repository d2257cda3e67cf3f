"""The load driver (scripts/beban.py) speaks Streamlit's websocket protocol to a real server.

A real ``streamlit run app.py`` on a loopback port, on a small data folder written here (two
agencies in two provinces, two periods): two sessions of three views each finish (the
``script_finished`` message seen, the page asked for drawn, no error), the sidebar's filter
values are learnt from the views, a page that does not exist is an error, and a server that goes
away is counted as a dropped connection, then a failed reconnect. Nothing is timed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import random
import socket
import sys
from pathlib import Path

import pytest

from berakhlak import kontrak
from tests.unit import bantu

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import beban  # noqa: E402

# The page's title in Indonesian and in English (a random view asks for lang=en now and then).
JUDUL = {"/": ("Ringkasan", "Summary"), "/nilai": ("Nilai", "Values"), "/wilayah": ("Wilayah", "Regions"),
         "/tren": ("Tren", "Trends"), "/demografi": ("Demografi", "Demography")}


def _asyncio_run(coro):
    """asyncio.run in a thread of its own: in the full suite Playwright's sync API has left an
    event loop running in the main thread, where asyncio.run refuses to start."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _data(folder):
    """Two agencies (200 respondents each, every staff column) in 2023 and 2024."""
    acak = random.Random(5)
    for periode in (2023, 2024):
        for i, (instansi, provinsi) in enumerate([("Pemerintah Kabupaten Tegal", "Jawa Tengah"),
                                                  ("Pemerintah Kota Bogor", "Jawa Barat")]):
            n = 200
            skor = {v: [round(acak.uniform(40, 90), 1) for _ in range(n)] for v in kontrak.KUNCI_NILAI}
            lain = {"jenis_kelamin": [acak.choice(["Laki-laki", "Perempuan"]) for _ in range(n)]}
            t = bantu.tabel(bantu.ids(f"{periode}-{i}-", n), periode=periode, instansi=instansi,
                            provinsi=provinsi, skor=skor, jenis_instansi="Pemerintah Daerah", **lain)
            bantu.tulis(folder / f"periode={periode}" / f"berkas_{i}.parquet", t)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("beban_data")
    _data(data)
    cache = tmp_path_factory.mktemp("beban_cache")
    log = tmp_path_factory.mktemp("beban_log") / "server.log"
    srv = beban.Server(data, cache, _port_bebas(), log)
    try:
        srv.tunggu_siap(60)
        yield srv
    finally:
        srv.henti()


def test_sesi_menyelesaikan_setiap_tampilan(server):
    opsi, hasil = beban.Opsi(), beban.Hasil()
    r = _asyncio_run(beban.jalankan(server.url, sesi=2, jeda=0, durasi=120, batas=60, seed=3,
                                   pids=[server.proses.pid], opsi=opsi, maks_tampilan=3, hasil=hasil))
    assert r.tampilan == 6 and len(hasil.tampilan) == 6
    assert r.galat == 0 and r.galat_rinci == {} and not hasil.putus
    for t in hasil.tampilan:
        assert t.galat is None
        assert t.detik is not None and t.detik > 0  # script_finished (FINISHED_SUCCESSFULLY) seen
        assert t.judul == JUDUL[t.halaman]["lang=en" in t.query], (t.halaman, t.query, t.judul)
        assert t.pesan > 3 and t.byte > 0
    assert {t.sesi for t in hasil.tampilan} == {0, 1}
    # The filter values were read from the sidebar's select boxes of the views received.
    assert opsi.umum["periode"] == ["2023", "2024"]
    assert opsi.umum["provinsi"] == ["Jawa Barat", "Jawa Tengah"]
    assert opsi.umum["instansi"] == ["Pemerintah Kabupaten Tegal", "Pemerintah Kota Bogor"]
    assert r.p50 <= r.p95 <= r.maks


def test_filter_dari_url_dan_kesalahan(server):
    async def jalan():
        hasil = beban.Hasil()
        s = beban.Sesi(0, server.url, beban.Opsi(), hasil, random.Random(0), 60)
        nilai = await s.lihat("/nilai", {"instansi": ["Pemerintah Kota Bogor"], "periode": ["2023"]})
        assert s.session_id and s.hash_halaman.get("nilai")  # new_session: its id; navigation: the pages
        tidak_ada = await s.lihat("/tidak-ada", {})
        server.henti()  # the server goes away while the session is connected
        for _ in range(100):
            if hasil.putus:
                break
            await asyncio.sleep(0.05)
        sesudah = await s.lihat("/", {})
        await s.tutup()
        return hasil, nilai, tidak_ada, sesudah

    hasil, nilai, tidak_ada, sesudah = _asyncio_run(jalan())
    assert nilai.galat is None and nilai.judul == "Nilai"
    assert nilai.query == "instansi=Pemerintah+Kota+Bogor&periode=2023"
    assert tidak_ada.galat == "page_not_found"
    assert [p[0] for p in hasil.putus] == [0]  # the drop is counted once, for that session
    assert sesudah.detik is None and sesudah.galat.startswith("sambung:")
    assert hasil.gagal_sambung == 1
