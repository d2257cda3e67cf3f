"""Load driver: many dashboard sessions at once, speaking Streamlit's own websocket protocol.

Usage:
    python scripts/beban.py --url http://127.0.0.1:8501 [--sesi 50] [--jeda 5] [--durasi 60]
    python scripts/beban.py --data bench-data/nasional [--sapu 10,25,50,100]   (make beban)
    python scripts/beban.py --url http://127.0.0.1:8501 --satu-replika http://127.0.0.1:8601 --sesi 80 --jeda 3
    python scripts/beban.py --url http://127.0.0.1:8501 --sesi 50 --bunuh-port 8602 --bunuh-setelah 30

No browser: each session opens ``/_stcore/stream`` as the browser does (subprotocol
``streamlit``, the balancer's affinity cookie sent back), then repeatedly asks for a view with a
``rerun_script`` BackMsg (the page's ``page_script_hash`` or ``page_name`` and a ``query_string``
of random filters: period, agency kind, province, agency, benchmark, dimension, regions side by
side, sometimes ``lang=en``), and waits an exponentially distributed think time (mean
``--jeda`` s) before the next one. A view is timed from sending its request until the
``script_finished`` ForwardMsg (FINISHED_SUCCESSFULLY); a session's first view includes opening
its websocket. Errors: an exception element in the
view, a ``page_not_found``, a dropped connection (the session reconnects, through the balancer
when there is one), no finish within ``--batas`` s. Cacheable elements are remembered and their
hashes sent with the next request, as the browser's message cache does.

Filter values come from the server itself: the sidebar's select boxes (their options) are read
from the views already received, so the driver needs no data folder and works on any data.

Bounded: ``--durasi`` seconds per run, at most ``--sesi`` sessions, loopback addresses only
(anything else is refused). One asyncio process drives 100 sessions.

With ``--data`` the driver starts ``streamlit run app.py`` on that folder itself (port
``--port``, the usual cache folder unless ``--cache``). Before measuring (also with ``--url``,
unless ``--tanpa-hangat``) it warms the server: one view per page, then ``/demografi`` for every
period and dimension (each waits for its layer of the confidentiality pattern, about 2 minutes
of CPU in all on 16 million respondents) and ``/`` for ten provinces, then waits until the
server's CPU is quiet. With ``--data`` or ``--sapu`` it then runs one measurement per
number of sessions in ``--sapu`` and prints the table and the knee: the views per second at
which the 95th percentile view time passes ``--target-p95`` seconds.

``--satu-replika URL`` runs the same load first on that one replica, then on ``--url`` (the
balancer), and prints the throughput ratio. ``--bunuh-port P`` kills (SIGKILL) the process
listening on loopback port P ``--bunuh-setelah`` seconds into the run and reports which
sessions dropped, whether they were all on that replica, and where they reconnected.

Server figures: RSS of the server processes (``--pid``, repeated; default: whatever listens on
the URL's port) and their children, before and at the peak of each run, and their CPU (100 % =
one core) averaged over the run, also per view served; the driver's own CPU and the machine's
load average beside them, since all share the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import ipaddress
import json
import os
import platform
import random
import signal
import socket
import statistics
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

AKAR = Path(__file__).resolve().parents[1]
for _jalur in (AKAR, AKAR / "scripts"):
    if str(_jalur) not in sys.path:
        sys.path.insert(0, str(_jalur))

from server_uji import ServerStreamlit  # noqa: E402

from berakhlak import kontrak, ui  # noqa: E402

# Pages and the url_pathname Streamlit gives them ("" = the main script, app.py).
HALAMAN = {"/": "", "/nilai": "nilai", "/wilayah": "wilayah", "/tren": "tren", "/demografi": "demografi"}
BANDING = ("nasional", "provinsi", "jenis")
# The sidebar's select boxes by their label in either language, and the "all" option.
LABEL_FILTER = {ui.TEKS[kolom][i]: kolom for kolom in kontrak.FILTER for i in (0, 1)}
SEMUA = set(ui.TEKS["semua"])
CACHE_PESAN = 2000  # hashes remembered per session (the browser's cache is bounded too)


def log(pesan: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {pesan}", file=sys.stderr, flush=True)


def p95(x: list[float]) -> float:
    """Nearest-rank 95th percentile (as scripts/benchmark.py)."""
    if not x:
        return float("nan")
    urut = sorted(x)
    return urut[max(0, -(-95 * len(urut) // 100) - 1)]


def cek_loopback(url: str) -> None:
    """Refuse any target that is not on this machine's loopback range."""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        alamat = {ai[4][0] for ai in socket.getaddrinfo(host, None)}
    except OSError as e:
        raise SystemExit(f"cannot resolve {host!r}: {e}") from e
    if not alamat or not all(ipaddress.ip_address(a).is_loopback for a in alamat):
        raise SystemExit(f"refusing {url}: the load driver only targets loopback addresses")


# ======================================================================================
# What a session asks for
# ======================================================================================
class Opsi:
    """Filter values seen in the sidebar's select boxes, shared by every session.

    ``umum[kolom]`` is the list offered with nothing else selected; ``dalam[(kolom, nilai)]`` the
    agencies (and kabupaten/kota) offered once a province or agency kind is selected."""

    def __init__(self) -> None:
        self.umum: dict[str, list[str]] = {}
        self.dalam: dict[tuple[str, str], dict[str, list[str]]] = {}

    def catat(self, query: dict[str, list[str]], kotak: dict[str, list[str]]) -> None:
        dipilih = [(k, v[0]) for k, v in query.items() if k in kontrak.FILTER and k != "periode" and v]
        if not dipilih:
            for kolom, opsi in kotak.items():
                if opsi:
                    self.umum[kolom] = opsi
        elif len(dipilih) == 1:
            self.dalam[dipilih[0]] = {k: o for k, o in kotak.items() if o}

    def siap(self) -> bool:
        return all(self.umum.get(k) for k in ("periode", "provinsi", "instansi"))


def pilih_tampilan(acak: random.Random, opsi: Opsi) -> tuple[str, dict[str, list[str]]]:
    """A random page with random filters, as officials move around the dashboard."""
    halaman = acak.choice(list(HALAMAN))
    q: dict[str, list[str]] = {}
    if opsi.umum.get("periode") and acak.random() < 0.7:
        q["periode"] = [acak.choice(opsi.umum["periode"])]
    r = acak.random()
    if r < 0.2 or not opsi.siap():
        pass  # national
    elif r < 0.3 and opsi.umum.get("jenis_instansi"):
        q["jenis_instansi"] = [acak.choice(opsi.umum["jenis_instansi"])]
    elif r < 0.55:
        prov = acak.choice(opsi.umum["provinsi"])
        q["provinsi"] = [prov]
        lanjut = opsi.dalam.get(("provinsi", prov), {})
        if lanjut.get("instansi") and acak.random() < 0.4:  # drill down to an agency of it
            q["instansi"] = [acak.choice(lanjut["instansi"])]
        elif lanjut.get("kabupaten_kota") and acak.random() < 0.3:
            q["kabupaten_kota"] = [acak.choice(lanjut["kabupaten_kota"])]
    else:
        q["instansi"] = [acak.choice(opsi.umum["instansi"])]
    if halaman in ("/", "/nilai", "/tren") and acak.random() < 0.5:
        q["banding"] = [acak.choice(BANDING)]
    if halaman == "/tren" and acak.random() < 0.3:
        q["nilai"] = [acak.choice(kontrak.KUNCI_NILAI)]
    if halaman == "/demografi":
        q["dimensi"] = [acak.choice(kontrak.DIMENSI_DEMOGRAFI)]
    if halaman == "/wilayah" and "provinsi" not in q and "instansi" not in q and opsi.siap():
        q["bandingkan"] = acak.sample(opsi.umum["provinsi"], acak.randint(0, 3))
    if acak.random() < 0.1:
        q["lang"] = ["en"]
    return halaman, q


# ======================================================================================
# One session
# ======================================================================================
@dataclass
class Tampilan:
    sesi: int
    halaman: str
    query: str
    mulai: float  # monotonic
    detik: float | None = None
    galat: str | None = None  # None, 'exception', 'page_not_found', 'putus', 'waktu_habis'
    replika: str = ""
    pesan: int = 0
    byte: int = 0
    judul: str = ""  # the page's title (first heading) as drawn


@dataclass
class Hasil:
    tampilan: list[Tampilan] = field(default_factory=list)
    sambung_ulang: int = 0
    gagal_sambung: int = 0
    pengecualian: list[str] = field(default_factory=list)  # first lines of exception messages
    putus: list[tuple[int, float, str]] = field(default_factory=list)  # (session, when, replica) drops


class Sesi:
    """One browser tab: a websocket to /_stcore/stream and its views."""

    def __init__(self, nomor: int, url: str, opsi: Opsi, hasil: Hasil, acak: random.Random,
                 batas: float) -> None:
        self.nomor, self.url, self.opsi, self.hasil, self.acak = nomor, url, opsi, hasil, acak
        self.batas = batas
        self.ws = None
        self.cookie: dict[str, str] = {}
        self.session_id = ""
        self.hash_halaman: dict[str, str] = {}  # url_pathname -> page_script_hash
        self.cache: OrderedDict[str, None] = OrderedDict()
        self.aktif: Tampilan | None = None
        self._selesai: asyncio.Event | None = None
        self._kotak: dict[str, list[str]] = {}
        self._baca: asyncio.Task | None = None

    @property
    def replika(self) -> str:
        return ",".join(f"{k}={v}" for k, v in self.cookie.items() if "REPLIKA" in k.upper())

    async def sambung(self) -> None:
        u = urllib.parse.urlsplit(self.url)
        ws_url = urllib.parse.urlunsplit(("ws", u.netloc, u.path.rstrip("/") + "/_stcore/stream", "", ""))
        header = {}
        if self.cookie:
            header["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookie.items())
        # As the browser: subprotocol "streamlit", then the XSRF token (none), then the session id
        # to resume (a replica that lost it makes a new session).
        proto = ["streamlit", "x", self.session_id] if self.session_id else ["streamlit"]
        self.ws = await websockets.connect(
            ws_url, subprotocols=proto, additional_headers=header, max_size=None,
            open_timeout=self.batas, ping_interval=None, compression=None)
        for nilai in self.ws.response.headers.get_all("Set-Cookie"):
            kunci, _, isi = nilai.split(";", 1)[0].partition("=")
            self.cookie[kunci.strip()] = isi.strip()
        self._baca = asyncio.create_task(self._terima(self.ws))

    async def tutup(self) -> None:
        ws, self.ws = self.ws, None  # closed on purpose: not a drop
        if ws is not None:
            await ws.close()
        if self._baca is not None:
            self._baca.cancel()
            self._baca = None

    async def _terima(self, ws) -> None:
        try:
            async for data in ws:
                self._olah(data)
        except websockets.ConnectionClosed:
            pass
        finally:
            if self.ws is ws:  # the server side went away
                self.ws = None
                self.hasil.putus.append((self.nomor, time.monotonic(), self.replika))
                if self.aktif is not None and self.aktif.detik is None:
                    self.aktif.galat = self.aktif.galat or "putus"
                    self._selesai.set()

    def _olah(self, data: bytes) -> None:
        m = ForwardMsg()
        m.ParseFromString(data)
        t = self.aktif
        if t is not None:
            t.pesan += 1
            t.byte += len(data)
        jenis = m.WhichOneof("type")
        if m.metadata.cacheable and m.hash:
            self.cache[m.hash] = None
            while len(self.cache) > CACHE_PESAN:
                self.cache.popitem(last=False)
        if jenis == "new_session":
            ns = m.new_session
            self.session_id = ns.initialize.session_id or self.session_id
        elif jenis == "navigation":  # the app's pages as the sidebar lists them, with their hashes
            for p in m.navigation.app_pages:
                self.hash_halaman["" if p.is_default else p.url_pathname] = p.page_script_hash
        elif jenis == "delta" and m.delta.WhichOneof("type") == "new_element":
            el = m.delta.new_element
            ada = el.WhichOneof("type")
            if ada == "heading" and t is not None and not t.judul:
                t.judul = el.heading.body
            if ada == "exception" and t is not None:
                t.galat = "exception"
                if len(self.hasil.pengecualian) < 20:
                    self.hasil.pengecualian.append(f"{t.halaman}?{t.query}: {el.exception.type}: "
                                                   f"{el.exception.message.splitlines()[0][:200] if el.exception.message else ''}")
            elif ada == "selectbox" and el.selectbox.label in LABEL_FILTER:
                kolom = LABEL_FILTER[el.selectbox.label]
                self._kotak[kolom] = [o for o in el.selectbox.options if o not in SEMUA]
        elif jenis == "page_not_found" and t is not None:
            t.galat = "page_not_found"
        elif jenis == "script_finished" and t is not None and (
                m.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                or m.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
            if m.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                t.galat = t.galat or "exception"
            t.detik = time.monotonic() - t.mulai
            self._selesai.set()

    async def lihat(self, halaman: str, query: dict[str, list[str]]) -> Tampilan:
        """One view: request it, wait for the script to finish (or an error)."""
        qs = urllib.parse.urlencode(query, doseq=True)
        t = Tampilan(self.nomor, halaman, qs, time.monotonic(), replika=self.replika)
        if self.ws is None:
            try:
                if self.session_id:
                    self.hasil.sambung_ulang += 1
                await self.sambung()
                t.replika = self.replika
            except (TimeoutError, OSError, websockets.InvalidHandshake) as e:
                t.galat, t.detik = f"sambung:{type(e).__name__}", None
                self.hasil.gagal_sambung += 1
                return t
        nama = HALAMAN.get(halaman, halaman.strip("/"))
        msg = BackMsg()
        rs = msg.rerun_script
        rs.query_string = qs
        rs.page_name = nama
        rs.page_script_hash = self.hash_halaman.get(nama, "")
        rs.cached_message_hashes.extend(self.cache.keys())
        rs.context_info.timezone = "Asia/Jakarta"
        rs.context_info.timezone_offset = -420
        rs.context_info.locale = "id-ID"
        rs.context_info.url = f"{self.url.rstrip('/')}{halaman}{'?' + qs if qs else ''}"
        self.aktif, self._selesai, self._kotak = t, asyncio.Event(), {}
        try:
            await self.ws.send(msg.SerializeToString())
            await asyncio.wait_for(self._selesai.wait(), self.batas)
        except TimeoutError:
            t.galat = t.galat or "waktu_habis"
        except websockets.ConnectionClosed:
            t.galat = t.galat or "putus"
        finally:
            self.aktif = None
        if t.galat in ("putus", "waktu_habis"):
            t.detik = None
            await self.tutup()  # the next view reconnects (through the balancer, to a live replica)
        elif t.detik is not None and halaman != "/wilayah":  # /wilayah has a drill-down box of its own
            self.opsi.catat(query, self._kotak)
        return t


async def jalankan_sesi(sesi: Sesi, jeda: float, akhir: float, tunda: float,
                        maks_tampilan: int | None = None) -> None:
    await asyncio.sleep(tunda)
    n = 0
    while time.monotonic() < akhir and (maks_tampilan is None or n < maks_tampilan):
        n += 1
        halaman, q = pilih_tampilan(sesi.acak, sesi.opsi)
        t = await sesi.lihat(halaman, q)
        sesi.hasil.tampilan.append(t)
        if t.galat and t.galat.startswith("sambung"):
            await asyncio.sleep(0.5)
        sisa = akhir - time.monotonic()
        if sisa <= 0:
            break
        if jeda > 0:
            await asyncio.sleep(min(sisa, sesi.acak.expovariate(1 / jeda)))
    await sesi.tutup()


# ======================================================================================
# Watching the server
# ======================================================================================
def proses_server(pids: list[int]) -> list[psutil.Process]:
    hasil = []
    for pid in pids:
        try:
            p = psutil.Process(pid)
            hasil += [p, *p.children(recursive=True)]
        except psutil.NoSuchProcess:
            pass
    return hasil


def rss_mb(pids: list[int]) -> float:
    total = 0
    for p in proses_server(pids):
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


def cpu_detik(pids: list[int]) -> float:
    total = 0.0
    for p in proses_server(pids):
        try:
            c = p.cpu_times()
            total += c.user + c.system
        except psutil.NoSuchProcess:
            pass
    return total


class CatatanCpu:
    """CPU seconds of the watched processes, remembering a process that died (a killed
    replica keeps what it used until then)."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.terakhir: dict[int, float] = {}

    def baca(self) -> float:
        for p in proses_server(self.pids):
            try:
                c = p.cpu_times()
                self.terakhir[p.pid] = c.user + c.system
            except psutil.NoSuchProcess:
                pass
        return sum(self.terakhir.values())


def pid_di_port(port: int) -> int | None:
    """The process listening on a loopback TCP port (this machine)."""
    for c in psutil.net_connections("tcp"):
        if c.status == psutil.CONN_LISTEN and c.laddr.port == port and c.pid:
            return c.pid
    return None


# ======================================================================================
# One run
# ======================================================================================
@dataclass
class Ringkasan:
    sesi: int
    jeda: float
    durasi: float
    tampilan: int
    per_detik: float
    p50: float
    p95: float
    maks: float
    galat: int
    galat_rinci: dict
    sambung_ulang: int
    rss_awal_mb: float
    rss_akhir_mb: float
    rss_per_sesi_mb: float
    cpu_server: float
    cpu_driver: float
    cpu_ms_per_tampilan: float  # server CPU time per view served
    beban_mesin: float  # the machine's 1-minute load average at the end (other work on the cores)
    per_halaman: dict
    per_replika: dict
    pengecualian: list
    bunuh: dict | None = None
    sasaran: str = ""  # the URL driven


async def jalankan(url: str, sesi: int, jeda: float, durasi: float, batas: float, seed: int,
                   pids: list[int], opsi: Opsi | None = None, bunuh_port: int | None = None,
                   bunuh_setelah: float | None = None, maks_tampilan: int | None = None,
                   hasil: Hasil | None = None) -> Ringkasan:
    """N sessions for ``durasi`` seconds (or ``maks_tampilan`` views each); every view timed
    from its request to the script's finish. ``hasil`` collects every view when given."""
    opsi = opsi or Opsi()
    hasil = hasil if hasil is not None else Hasil()
    acak = random.Random(seed)
    semua = [Sesi(i, url, opsi, hasil, random.Random(acak.getrandbits(64)), batas) for i in range(sesi)]
    rss_awal = rss_mb(pids)
    cpu = CatatanCpu(pids)
    cpu0, drv0, t0 = cpu.baca(), time.process_time(), time.monotonic()
    akhir = t0 + durasi
    puncak = [rss_awal]
    info_bunuh: dict | None = None

    async def pantau() -> None:
        while True:
            puncak.append(rss_mb(pids))
            cpu.baca()
            await asyncio.sleep(1.0)

    async def bunuh() -> None:
        nonlocal info_bunuh
        await asyncio.sleep(bunuh_setelah)
        pid = pid_di_port(bunuh_port)
        if pid is None:
            log(f"nothing listens on port {bunuh_port}: not killed")
            return
        korban = {s.nomor: s.replika for s in semua}
        cpu.baca()
        psutil.Process(pid).send_signal(signal.SIGKILL)
        info_bunuh = {"port": bunuh_port, "pid": pid, "pada": time.monotonic() - t0, "replika_sesi": korban}
        log(f"killed the replica on port {bunuh_port} (pid {pid}) at {info_bunuh['pada']:.1f} s")

    tugas_pantau = asyncio.create_task(pantau())
    tugas_bunuh = asyncio.create_task(bunuh()) if bunuh_port else None
    await asyncio.gather(*(jalankan_sesi(s, jeda, akhir, acak.uniform(0, min(jeda, durasi / 4)), maks_tampilan)
                           for s in semua))
    selesai = time.monotonic()
    tugas_pantau.cancel()
    if tugas_bunuh:
        tugas_bunuh.cancel()
    cpu1, drv1 = cpu.baca(), time.process_time()
    lama = selesai - t0
    rss_akhir = rss_mb(pids)
    t = hasil.tampilan
    ok = [x.detik for x in t if x.detik is not None and not x.galat]
    galat = Counter(x.galat for x in t if x.galat)
    per_halaman = {}
    for h in HALAMAN:
        d = [x.detik for x in t if x.halaman == h and x.detik is not None and not x.galat]
        per_halaman[h] = {"n": len(d), "p50": statistics.median(d) if d else None, "p95": p95(d) if d else None}
    per_replika = Counter(x.replika or "-" for x in t if x.detik is not None and not x.galat)
    if info_bunuh:
        info_bunuh = ringkas_bunuh(info_bunuh, hasil, t0)
    # A connection lost between views is an error too (no view of it failed yet).
    for nomor, w, _ in hasil.putus:
        if not any(x.sesi == nomor and x.galat == "putus" and x.mulai <= w <= x.mulai + batas for x in t):
            galat["putus_diam"] += 1
    return Ringkasan(
        sesi=sesi, jeda=jeda, durasi=round(lama, 1), tampilan=len(ok), per_detik=len(ok) / lama,
        p50=statistics.median(ok) if ok else float("nan"), p95=p95(ok), maks=max(ok, default=float("nan")),
        galat=sum(galat.values()), galat_rinci=dict(galat), sambung_ulang=hasil.sambung_ulang,
        rss_awal_mb=rss_awal, rss_akhir_mb=max(puncak + [rss_akhir]),
        rss_per_sesi_mb=(max(puncak + [rss_akhir]) - rss_awal) / sesi,
        cpu_server=100 * (cpu1 - cpu0) / lama, cpu_driver=100 * (drv1 - drv0) / lama,
        cpu_ms_per_tampilan=1000 * (cpu1 - cpu0) / len(ok) if ok else float("nan"),
        beban_mesin=os.getloadavg()[0],
        per_halaman=per_halaman, per_replika=dict(per_replika), pengecualian=hasil.pengecualian,
        bunuh=info_bunuh, sasaran=url)


def ringkas_bunuh(info: dict, hasil: Hasil, t0: float) -> dict:
    """Which sessions lost their connection when the replica died, and where they went next."""
    pada = t0 + info["pada"]
    putus = [(s, w, r) for s, w, r in hasil.putus if w >= pada]
    korban = Counter(r for _, _, r in putus).most_common(1)[0][0] if putus else ""
    di_sana = {s for s, r in info["replika_sesi"].items() if r == korban}
    sesi_putus = {s for s, _, _ in putus}
    sesudah: dict[int, set[str]] = {}
    for x in hasil.tampilan:
        if x.mulai > pada and x.detik is not None and not x.galat:
            sesudah.setdefault(x.sesi, set()).add(x.replika)
    kembali = {s for s in sesi_putus if s in sesudah}
    return {
        "port": info["port"], "pada_detik": round(info["pada"], 1), "replika": korban,
        "sesi_di_replika_itu": len(di_sana), "sesi_di_replika_lain": len(info["replika_sesi"]) - len(di_sana),
        "sesi_putus": len(sesi_putus), "sesi_putus_dari_replika_lain": len(sesi_putus - di_sana),
        "sesi_putus_yang_tersambung_lagi": len(kembali),
        "replika_sesudahnya": sorted({r for s in kembali for r in sesudah[s]}),
        "galat_tampilan_sesi_lain": sum(1 for x in hasil.tampilan if x.galat and x.sesi not in di_sana),
        "tampilan_gagal_sesi_itu": sum(1 for x in hasil.tampilan if x.galat and x.sesi in di_sana),
    }


# ======================================================================================
# A server of our own (--data)
# ======================================================================================
class Server(ServerStreamlit):
    """`streamlit run app.py` on a loopback port with a data folder and a cache folder."""

    def __init__(self, data: Path, cache: Path, port: int, log_path: Path, akar: Path = AKAR) -> None:
        super().__init__(data, cache, port, log_path, akar, opsi=("--browser.gatherUsageStats", "false"))


async def hangatkan(url: str, opsi: Opsi, batas: float = 600) -> list[float]:
    """One view of every page (national), which also teaches the driver the filter values; then
    ``/demografi`` for every period and dimension and ``/`` for ten provinces, each in a session
    of its own, so every layer of the confidentiality pattern and every lazy cache exists before
    anything is measured (a view waits for the layer it needs; the background computes the rest
    more slowly when other work shares the cores)."""
    hasil = Hasil()
    s = Sesi(0, url, opsi, hasil, random.Random(0), batas)
    waktu = []
    for halaman in HALAMAN:
        q = {"dimensi": ["golongan"]} if halaman == "/demografi" else {}
        t = await s.lihat(halaman, q)
        waktu.append(t.detik if t.detik is not None else float("nan"))
        if t.galat:
            raise RuntimeError(f"warm-up view {halaman} failed: {t.galat} {hasil.pengecualian}")
    await s.tutup()
    acak = random.Random(1)
    lagi = [("/demografi", {"periode": [p], "dimensi": [d]})
            for p in opsi.umum.get("periode", []) for d in kontrak.DIMENSI_DEMOGRAFI]
    lagi += [("/", {"provinsi": [p]}) for p in acak.sample(opsi.umum.get("provinsi", []),
                                                           min(10, len(opsi.umum.get("provinsi", []))))]
    for halaman, q in lagi:
        s = Sesi(0, url, opsi, hasil, random.Random(0), batas)  # a fresh session: no widget state
        t = await s.lihat(halaman, q)
        await s.tutup()
        if t.galat:
            raise RuntimeError(f"warm-up view {halaman}?{t.query} failed: {t.galat} {hasil.pengecualian}")
    return waktu


def tunggu_diam(pids: list[int], batas: float, ambang: float = 25.0, tahan: float = 6.0) -> float:
    """Wait until the server's CPU stays below ``ambang`` % for ``tahan`` s (its background work,
    e.g. the confidentiality pattern's layers, is done). Returns the seconds waited."""
    mulai = time.monotonic()
    tenang_sejak = None
    c0, w0 = cpu_detik(pids), time.monotonic()
    while time.monotonic() - mulai < batas:
        time.sleep(2.0)
        c1, w1 = cpu_detik(pids), time.monotonic()
        persen = 100 * (c1 - c0) / (w1 - w0)
        c0, w0 = c1, w1
        if persen < ambang:
            tenang_sejak = tenang_sejak or w1 - 2.0
            if w1 - tenang_sejak >= tahan:
                return time.monotonic() - mulai
        else:
            tenang_sejak = None
    log(f"server still busy after {batas:.0f} s; measuring anyway")
    return time.monotonic() - mulai


# ======================================================================================
# Output
# ======================================================================================
def angka(x: float, n: int = 2) -> str:
    return "–" if x != x else f"{x:,.{n}f}"


def tabel(hasil: list[Ringkasan], target_p95: float) -> str:
    if len({r.sasaran for r in hasil}) > 1:  # several targets: say which row is which
        kepala, garis, *isi = _tabel(hasil, target_p95).splitlines()
        return "\n".join(["| Server " + kepala, "|---" + garis,
                          *(f"| {r.sasaran} " + x for r, x in zip(hasil, isi, strict=True))])
    return _tabel(hasil, target_p95)


def _tabel(hasil: list[Ringkasan], target_p95: float) -> str:
    baris = [
        "| Sessions | think s | views | views/s | p50 s | p95 s | max s | errors | reconnects | "
        "server RSS MB (before → peak) | RSS per session MB | server CPU % | server CPU ms per view | "
        f"driver CPU % | machine load | p95 ≤ {target_p95:g} s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|",
    ]
    for r in hasil:
        rinci = ", ".join(f"{k} {v}" for k, v in sorted(r.galat_rinci.items()))
        baris.append(
            f"| {r.sesi} | {r.jeda:g} | {r.tampilan} | {angka(r.per_detik)} | {angka(r.p50)} | {angka(r.p95)} | "
            f"{angka(r.maks)} | {r.galat}{f' ({rinci})' if rinci else ''} | {r.sambung_ulang} | "
            f"{angka(r.rss_awal_mb, 0)} → {angka(r.rss_akhir_mb, 0)} | {angka(r.rss_per_sesi_mb, 1)} | "
            f"{angka(r.cpu_server, 0)} | {angka(r.cpu_ms_per_tampilan, 0)} | {angka(r.cpu_driver, 0)} | "
            f"{angka(r.beban_mesin, 1)} | "
            f"{'yes' if r.p95 <= target_p95 and not r.galat else 'no'} |")
    return "\n".join(baris)


def tabel_halaman(hasil: list[Ringkasan]) -> str:
    baris = ["| Sessions | " + " | ".join(f"{h} p50 / p95 s" for h in HALAMAN) + " |",
             "|---:|" + "---:|" * len(HALAMAN)]
    for r in hasil:
        sel = [f"{angka(v['p50'] or float('nan'))} / {angka(v['p95'] or float('nan'))}"
               for v in r.per_halaman.values()]
        baris.append(f"| {r.sesi} | " + " | ".join(sel) + " |")
    return "\n".join(baris)


def lutut(hasil: list[Ringkasan], target_p95: float) -> str:
    """The views/s at which p95 passes the target (linear between the two runs around it)."""
    urut = sorted(hasil, key=lambda r: r.sesi)
    sebelum = None
    for r in urut:
        if r.p95 > target_p95 or r.galat:
            if sebelum is None:
                return (f"Knee: below {angka(r.per_detik)} views/s — already {r.sesi} sessions have "
                        f"p95 {angka(r.p95)} s > {target_p95:g} s.")
            a, b = sebelum, r
            frac = (target_p95 - a.p95) / (b.p95 - a.p95) if b.p95 > a.p95 else 1.0
            frac = min(max(frac, 0.0), 1.0)
            v = a.per_detik + frac * (b.per_detik - a.per_detik)
            return (f"Knee: about {angka(v, 1)} views/s — p95 is {angka(a.p95)} s at {a.sesi} sessions "
                    f"({angka(a.per_detik)} views/s) and {angka(b.p95)} s at {b.sesi} sessions "
                    f"({angka(b.per_detik)} views/s).")
        sebelum = r
    return (f"Knee: not reached — p95 ≤ {target_p95:g} s up to {urut[-1].sesi} sessions "
            f"({angka(urut[-1].per_detik)} views/s).")


def lingkungan(data: str | None, url: str) -> str:
    mem = psutil.virtual_memory().total / 2**30
    import duckdb
    import streamlit

    return "\n".join([
        f"- Date: {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}",
        f"- CPU: {platform.processor() or platform.machine()}; cores: {os.cpu_count()}; memory: {mem:.1f} GiB; "
        f"load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- Python {platform.python_version()}, Streamlit {streamlit.__version__}, DuckDB {duckdb.__version__}, "
        f"websockets {websockets.__version__}",
        f"- Server: {url}" + (f"; data: `{data}`" if data else ""),
        "- The driver runs on the same 2 cores as the server (its CPU is in the table).",
    ])


# ======================================================================================
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", help="a running server or balancer (loopback only)")
    ap.add_argument("--data", type=Path, help="start a server of our own on this data folder")
    ap.add_argument("--cache", type=Path,
                    help="its cache folder (default: BERAKHLAK_CACHE_DIR or .cache/, as `make run`)")
    ap.add_argument("--port", type=int, default=8620)
    ap.add_argument("--akar", type=Path, default=AKAR,
                    help="the project folder whose app.py is served (e.g. an exported commit)")
    ap.add_argument("--sesi", type=int, default=10, help="sessions at once (one run)")
    ap.add_argument("--sapu", help="several runs, e.g. 10,25,50,100 (overrides --sesi)")
    ap.add_argument("--jeda", type=float, default=5.0, help="mean think time between views, s")
    ap.add_argument("--durasi", type=float, default=60.0, help="seconds per run (at most 170)")
    ap.add_argument("--batas", type=float, default=60.0, help="a view not finished after this is an error")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--pid", type=int, action="append", default=[],
                    help="server process(es) to watch (RSS, CPU); default: whatever listens on the URL's port")
    ap.add_argument("--tanpa-hangat", action="store_true", help="no warm-up views, no waiting for idle")
    ap.add_argument("--tunggu-diam", type=float, default=240.0, help="wait at most this long for the server to go idle")
    ap.add_argument("--target-p95", type=float, default=2.0)
    ap.add_argument("--bunuh-port", type=int, help="kill (SIGKILL) the replica on this port during the run")
    ap.add_argument("--bunuh-setelah", type=float, default=30.0)
    ap.add_argument("--satu-replika", metavar="URL",
                    help="first the same load on this one replica (e.g. http://127.0.0.1:8601), then on "
                         "--url (the balancer), and the throughput ratio of the two")
    ap.add_argument("--json", type=Path, help="write every run's figures here")
    a = ap.parse_args(argv)
    if a.durasi > 170:
        ap.error("--durasi is at most 170 s (runs are bounded)")
    if not a.url and not a.data:
        ap.error("give --url or --data")
    daftar = [int(x) for x in a.sapu.split(",")] if a.sapu else [a.sesi]
    if max(daftar) > 200:
        ap.error("at most 200 sessions")

    server = None
    try:
        if a.data:
            cache = a.cache or Path(os.environ.get("BERAKHLAK_CACHE_DIR") or AKAR / ".cache")
            log(f"starting the server on {a.data} (cache {cache}), port {a.port}")
            server = Server(a.data.resolve(), cache.resolve(), a.port, Path(f"/tmp/beban-server-{a.port}.log"),
                            a.akar.resolve())
            server.tunggu_siap()
            url = server.url
            pids = [server.proses.pid]
        else:
            url = a.url.rstrip("/")
            port = urllib.parse.urlsplit(url).port or 80
            pids = a.pid or [p for p in [pid_di_port(port)] if p]
        cek_loopback(url)
        opsi = Opsi()
        if not a.tanpa_hangat:
            log("warming: one view per page")
            w = asyncio.run(hangatkan(url, opsi))
            log("warm-up views (s): " + ", ".join(f"{h} {x:.1f}" for h, x in zip(HALAMAN, w, strict=True))
                + "; then every period x dimension of /demografi")
            if pids:
                log("waiting until the server is idle (background pattern layers)")
                log(f"idle after {tunggu_diam(pids, a.tunggu_diam):.0f} s")
        hasil = []
        if a.satu_replika:
            cek_loopback(a.satu_replika)
            satu = a.satu_replika.rstrip("/")
            pid_satu = [p for p in [pid_di_port(urllib.parse.urlsplit(satu).port or 80)] if p]
            log(f"run on one replica ({satu}): {daftar[0]} sessions, think time {a.jeda:g} s, {a.durasi:g} s")
            r1 = asyncio.run(jalankan(satu, daftar[0], a.jeda, a.durasi, a.batas, a.seed, pid_satu, opsi))
            log(f"  {r1.tampilan} views, {r1.per_detik:.2f}/s, p50 {r1.p50:.2f} s, p95 {r1.p95:.2f} s")
            hasil.append(r1)
            if pids:
                tunggu_diam(pids, 30)
        for n in daftar:
            log(f"run: {n} sessions, think time {a.jeda:g} s, {a.durasi:g} s")
            r = asyncio.run(jalankan(url, n, a.jeda, a.durasi, a.batas, a.seed, pids, opsi,
                                     a.bunuh_port, a.bunuh_setelah if a.bunuh_port else None))
            hasil.append(r)
            log(f"  {r.tampilan} views, {r.per_detik:.2f}/s, p50 {r.p50:.2f} s, p95 {r.p95:.2f} s, "
                f"max {r.maks:.2f} s, errors {r.galat} {r.galat_rinci}, server CPU {r.cpu_server:.0f} %")
            for e in r.pengecualian[:5]:
                log(f"  exception: {e}")
            if len(daftar) > 1 and n != daftar[-1] and pids:
                tunggu_diam(pids, 60)  # let the previous run's disconnected sessions settle
        print(f"### Load driver (`scripts/beban.py`), {dt.date.today().isoformat()}\n")
        print(lingkungan(str(a.data) if a.data else None, url) + "\n")
        print(tabel(hasil, a.target_p95) + "\n")
        print(tabel_halaman(hasil) + "\n")
        if a.satu_replika:
            r1, r2 = hasil[0], hasil[1]
            print(f"Throughput through the balancer ({url}) against one replica ({a.satu_replika}), "
                  f"same load ({r1.sesi} sessions, think time {a.jeda:g} s): "
                  f"{angka(r2.per_detik)} / {angka(r1.per_detik)} views/s = ratio "
                  f"{angka(r2.per_detik / r1.per_detik if r1.per_detik else float('nan'))}; "
                  f"p95 {angka(r2.p95)} s against {angka(r1.p95)} s.\n")
        elif len(hasil) > 1:
            print(lutut(hasil, a.target_p95) + "\n")
        for r in hasil:
            if r.per_replika and any(k != "-" for k in r.per_replika):
                print(f"- {r.sesi} sessions, views per replica: {r.per_replika}")
            if r.bunuh:
                print(f"- Replica killed: {json.dumps(r.bunuh, ensure_ascii=False)}")
        if a.json:
            a.json.write_text(json.dumps([dataclasses.asdict(r) for r in hasil], indent=1, ensure_ascii=False))
        return 0
    finally:
        if server is not None:
            server.henti()


if __name__ == "__main__":
    sys.exit(main())
