"""Finding an agency: by any words of its name in any order ("tegal kab" finds Pemerintah
Kabupaten Tegal), by the start of a word ("kemen"), and by the abbreviations officials use
("kemendikbud", "bkn", "pemkab tegal", "pemprov jateng").

The abbreviations are data (:data:`SINGKATAN`), not code: each maps to the words an agency's
name must contain. Nothing here talks to the database; the agencies and their periods come
from ``layanan.periode_instansi`` and ``layanan.pilihan_filter``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

from berakhlak import layanan, peta

# abbreviation -> the words the full name contains (any order, other words allowed).
# Sources: the names the ministries and agencies use for themselves on their websites and in
# their letters (kemenkeu.go.id, kemdikbud.go.id, bkn.go.id, bpk.go.id, ...), the ministries
# formed in October 2024 (Perpres 139/2024: Kemendikdasmen, Kemdiktisaintek, Kementerian
# Kebudayaan), and the usual short forms of regional governments (Pemkab, Pemkot, Pemprov,
# Kab., Prov.). Province abbreviations come from the tile map (peta.UBIN, e.g. JATENG).
SINGKATAN: dict[str, str] = {
    # regional governments
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota",
    "pemprov": "pemerintah provinsi",
    "pemda": "pemerintah",
    "kab": "kabupaten",
    "prov": "provinsi",
    # ministries
    "kemendagri": "kementerian dalam negeri",
    "kemlu": "kementerian luar negeri",
    "kemenlu": "kementerian luar negeri",
    "kemhan": "kementerian pertahanan",
    "kemenhan": "kementerian pertahanan",
    "kemenkumham": "kementerian hukum hak asasi manusia",
    "kemenkeu": "kementerian keuangan",
    "kemkeu": "kementerian keuangan",
    "kesdm": "kementerian energi sumber daya mineral",
    "esdm": "energi sumber daya mineral",
    "kemenperin": "kementerian perindustrian",
    "kemendag": "kementerian perdagangan",
    "kementan": "kementerian pertanian",
    "klhk": "kementerian lingkungan hidup kehutanan",
    "kemenhub": "kementerian perhubungan",
    "kkp": "kementerian kelautan perikanan",
    "kemnaker": "kementerian ketenagakerjaan",
    "kemenaker": "kementerian ketenagakerjaan",
    "kemendes": "kementerian desa pembangunan daerah tertinggal transmigrasi",
    "kemendesa": "kementerian desa pembangunan daerah tertinggal transmigrasi",
    "pupr": "kementerian pekerjaan umum perumahan rakyat",
    "kemenpupr": "kementerian pekerjaan umum perumahan rakyat",
    "kemenkes": "kementerian kesehatan",
    "kemendikbud": "kementerian pendidikan kebudayaan riset teknologi",
    "kemdikbud": "kementerian pendidikan kebudayaan riset teknologi",
    "kemendikbudristek": "kementerian pendidikan kebudayaan riset teknologi",
    "kemdikbudristek": "kementerian pendidikan kebudayaan riset teknologi",
    "kemendikdasmen": "kementerian pendidikan dasar menengah",
    "kemdiktisaintek": "kementerian pendidikan tinggi sains teknologi",
    "kemendiktisaintek": "kementerian pendidikan tinggi sains teknologi",
    "kemenbud": "kementerian kebudayaan",
    "kemensos": "kementerian sosial",
    "kemenag": "kementerian agama",
    "kemenparekraf": "kementerian pariwisata ekonomi kreatif",
    "kemenkominfo": "kementerian komunikasi informatika",
    "kominfo": "kementerian komunikasi informatika",
    "kemensetneg": "kementerian sekretariat negara",
    "setneg": "kementerian sekretariat negara",
    "kemenpanrb": "kementerian pendayagunaan aparatur negara reformasi birokrasi",
    "kemenpan": "kementerian pendayagunaan aparatur negara reformasi birokrasi",
    "menpan": "kementerian pendayagunaan aparatur negara reformasi birokrasi",
    "panrb": "kementerian pendayagunaan aparatur negara reformasi birokrasi",
    "atr": "kementerian agraria tata ruang",
    "bpn": "badan pertanahan nasional",
    "bumn": "badan usaha milik negara",
    "kemenkopukm": "kementerian koperasi usaha kecil menengah",
    "kemenkop": "kementerian koperasi",
    "kemenpppa": "kementerian pemberdayaan perempuan perlindungan anak",
    "kpppa": "kementerian pemberdayaan perempuan perlindungan anak",
    "kemenpora": "kementerian pemuda olahraga",
    "bkpm": "badan koordinasi penanaman modal",
    # agencies (lembaga)
    "bkn": "badan kepegawaian negara",
    "lan": "lembaga administrasi negara",
    "bps": "badan pusat statistik",
    "bmkg": "badan meteorologi klimatologi geofisika",
    "bpkp": "badan pengawasan keuangan pembangunan",
    "bpk": "badan pemeriksa keuangan",
    "bnpb": "badan nasional penanggulangan bencana",
    "bpom": "badan pengawas obat makanan",
    "brin": "badan riset inovasi nasional",
    "bssn": "badan siber sandi negara",
    "bnn": "badan narkotika nasional",
    "big": "badan informasi geospasial",
    "anri": "arsip nasional republik indonesia",
    "perpusnas": "perpustakaan nasional",
    "bsn": "badan standardisasi nasional",
    "lkpp": "lembaga kebijakan pengadaan barang jasa pemerintah",
    "bnpt": "badan nasional penanggulangan terorisme",
    "bawaslu": "badan pengawas pemilihan umum",
    "kpu": "komisi pemilihan umum",
    "dkpp": "dewan kehormatan penyelenggara pemilu",
    "kasn": "komisi aparatur sipil negara",
    "basarnas": "badan nasional pencarian pertolongan",
    "ori": "ombudsman republik indonesia",
    "bapeten": "badan pengawas tenaga nuklir",
    "bkkbn": "badan kependudukan keluarga berencana nasional",
    # provinces as the tile map abbreviates them (JATENG, DIY, NTT, ...)
    **{u.singkat.lower(): prov.lower() for prov, u in peta.UBIN.items()},
}

PANJANG_MAKS = 200  # characters of a query that are read (a URL or paste may be longer)
BATAS_HASIL = 8     # results listed at once; more means: type another word


def kata(teks: object) -> list[str]:
    """The words of ``teks``: case and accents folded, punctuation as spaces
    ("Pendidikan, Kebudayaan" -> ["pendidikan", "kebudayaan"]; "ATR/BPN" -> ["atr", "bpn"])."""
    t = unicodedata.normalize("NFKD", str(teks)[:PANJANG_MAKS]).casefold()
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", t)


def _kata_nama(nama: str) -> frozenset[str]:
    """The words of an agency's name, plus the words of any abbreviation in it (a name written
    "Pemkab Tegal" is found by "kabupaten tegal" too)."""
    dasar = kata(nama)
    return frozenset(dasar).union(*(kata(SINGKATAN[w]) for w in dasar if w in SINGKATAN))


# How well one query word matches a name: an abbreviation whose words are all in the name,
# a whole word of the name, or the start of a word of the name.
SKOR_SINGKATAN, SKOR_KATA, SKOR_AWALAN = 3, 2, 1


def _skor_kata(w: str, nama: frozenset[str]) -> int:
    skor = 0
    if w in SINGKATAN and set(kata(SINGKATAN[w])) <= nama:
        skor = SKOR_SINGKATAN
    elif w in nama:
        skor = SKOR_KATA
    elif any(x.startswith(w) for x in nama):
        skor = SKOR_AWALAN
    return skor


def skor(kueri: str, nama: str) -> int | None:
    """How well ``kueri`` matches ``nama`` (higher is better), None when it does not: every
    query word must match, in any order."""
    kata_kueri = kata(kueri)
    if not kata_kueri:
        return None
    kata_nama = _kata_nama(nama)
    total = 0
    for w in kata_kueri:
        s = _skor_kata(w, kata_nama)
        if not s:
            return None
        total += s
    return total


def cari(kueri: str, nama_nama: Iterable[str]) -> list[str]:
    """The names matching ``kueri``, best first (then shorter names, then by their words)."""
    hasil = []
    for nama in dict.fromkeys(nama_nama):
        s = skor(kueri, nama)
        if s is not None:
            w = kata(nama)
            hasil.append((-s, len(w), w, nama))
    return [h[-1] for h in sorted(hasil)]


def filter_cocok(k, nama: str, pilihan: layanan.Pilihan) -> dict[str, str]:
    """The filters of ``pilihan`` before ``instansi`` (period excluded) that agency ``nama``
    lies within: kept when the agency is picked from a search, the others dropped."""
    df: pd.DataFrame = layanan.pilihan_filter(k)
    df = df[df["instansi"] == nama]
    tetap = {}
    for kolom, nilai in pilihan.terisi().items():
        if kolom in ("jenis_instansi", "provinsi", "kabupaten_kota") and (df[kolom] == nilai).any():
            tetap[kolom] = str(nilai)
    return tetap
