"""Deterministic synthetic survey data that follows the data contract (``kontrak``).

Two products share one agency catalogue and one score model:

* ``tulis_demo``: a calibrated demo set (2022-2025, ~130k respondents per period) whose
  national, Kabupaten Tegal, Kemendikbudristek, Kapuas and Barito Utara figures reproduce the
  published ones (see /work/shared/reference/berakhlak-facts.md) after half-up rounding.
* ``tulis_nasional``: a national-scale set (millions of rows per period) in Hive-style
  folders ``periode=<p>/nasional_<p>.parquet`` without a ``periode`` column, streamed in row
  groups so memory stays flat. Not calibrated, only plausible.

Scores are latent normals (period base + agency effect + person effect + noise), clipped to
0-100 and rounded to 0.1; about 0.5 % of individual scores are null.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from berakhlak import kontrak

VERSI_DEMO = 1
SEED_DEMO = 20220828
SEED_NASIONAL = 20230539
PERIODE_DEMO: tuple[int, ...] = (2022, 2023, 2024, 2025)
PELUANG_KOSONG = 0.005  # share of individual value scores left null

KEMENDIKBUDRISTEK = "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi"
TEGAL = "Pemerintah Kabupaten Tegal"
BARITO_UTARA = "Pemerintah Kabupaten Barito Utara"
KAPUAS = "Pemerintah Kabupaten Kapuas"
NASIONAL = None  # target key for the national figures

# --------------------------------------------------------------------------------------
# Geography: provincial capital (as a kabupaten/kota) and real kabupaten/kota per province.
# --------------------------------------------------------------------------------------
IBU_KOTA: dict[str, str] = {
    "Aceh": "Kota Banda Aceh", "Sumatera Utara": "Kota Medan", "Sumatera Barat": "Kota Padang",
    "Riau": "Kota Pekanbaru", "Kepulauan Riau": "Kota Tanjungpinang", "Jambi": "Kota Jambi",
    "Sumatera Selatan": "Kota Palembang", "Kepulauan Bangka Belitung": "Kota Pangkalpinang",
    "Bengkulu": "Kota Bengkulu", "Lampung": "Kota Bandar Lampung",
    "DKI Jakarta": "Kota Administrasi Jakarta Pusat", "Jawa Barat": "Kota Bandung",
    "Banten": "Kota Serang", "Jawa Tengah": "Kota Semarang", "DI Yogyakarta": "Kota Yogyakarta",
    "Jawa Timur": "Kota Surabaya", "Bali": "Kota Denpasar", "Nusa Tenggara Barat": "Kota Mataram",
    "Nusa Tenggara Timur": "Kota Kupang", "Kalimantan Barat": "Kota Pontianak",
    "Kalimantan Tengah": "Kota Palangka Raya", "Kalimantan Selatan": "Kota Banjarbaru",
    "Kalimantan Timur": "Kota Samarinda", "Kalimantan Utara": "Kabupaten Bulungan",
    "Sulawesi Utara": "Kota Manado", "Gorontalo": "Kota Gorontalo", "Sulawesi Tengah": "Kota Palu",
    "Sulawesi Barat": "Kabupaten Mamuju", "Sulawesi Selatan": "Kota Makassar",
    "Sulawesi Tenggara": "Kota Kendari", "Maluku": "Kota Ambon",
    "Maluku Utara": "Kota Tidore Kepulauan", "Papua": "Kota Jayapura",
    "Papua Barat": "Kabupaten Manokwari", "Papua Barat Daya": "Kota Sorong",
    "Papua Tengah": "Kabupaten Nabire", "Papua Pegunungan": "Kabupaten Jayawijaya",
    "Papua Selatan": "Kabupaten Merauke",
}

# "K:" = Kabupaten, "Kota " kept as is; one string per province keeps the table compact.
_DAERAH: dict[str, str] = {
    "Aceh": "Kota Banda Aceh|Kota Lhokseumawe|Kota Langsa|Kota Sabang|K:Aceh Besar|K:Pidie|"
    "K:Aceh Utara|K:Bireuen|K:Aceh Tengah",
    "Sumatera Utara": "Kota Medan|Kota Binjai|Kota Pematangsiantar|Kota Sibolga|K:Deli Serdang|"
    "K:Langkat|K:Karo|K:Simalungun|K:Asahan|K:Toba",
    "Sumatera Barat": "Kota Padang|Kota Bukittinggi|Kota Payakumbuh|K:Agam|K:Tanah Datar|"
    "K:Pesisir Selatan|K:Solok",
    "Riau": "Kota Pekanbaru|Kota Dumai|K:Kampar|K:Bengkalis|K:Siak|K:Indragiri Hilir|"
    "K:Rokan Hulu",
    "Kepulauan Riau": "Kota Batam|Kota Tanjungpinang|K:Bintan|K:Karimun|K:Natuna",
    "Jambi": "Kota Jambi|Kota Sungai Penuh|K:Muaro Jambi|K:Kerinci|K:Bungo",
    "Sumatera Selatan": "Kota Palembang|Kota Lubuklinggau|Kota Prabumulih|K:Ogan Komering Ilir|"
    "K:Muara Enim|K:Banyuasin|K:Musi Banyuasin",
    "Kepulauan Bangka Belitung": "Kota Pangkalpinang|K:Bangka|K:Belitung|K:Bangka Barat",
    "Bengkulu": "Kota Bengkulu|K:Rejang Lebong|K:Bengkulu Utara|K:Mukomuko",
    "Lampung": "Kota Bandar Lampung|Kota Metro|K:Lampung Selatan|K:Lampung Tengah|"
    "K:Lampung Timur|K:Pringsewu",
    "DKI Jakarta": "",
    "Jawa Barat": "Kota Bandung|Kota Bogor|Kota Bekasi|Kota Depok|Kota Cirebon|Kota Sukabumi|"
    "Kota Tasikmalaya|K:Bogor|K:Bandung|K:Bekasi|K:Indramayu|K:Cirebon|K:Garut|K:Karawang|"
    "K:Sumedang|K:Cianjur|K:Subang|K:Kuningan|K:Majalengka",
    "Banten": "Kota Serang|Kota Tangerang|Kota Cilegon|Kota Tangerang Selatan|K:Tangerang|"
    "K:Serang|K:Pandeglang|K:Lebak",
    "Jawa Tengah": "Kota Semarang|Kota Surakarta|Kota Magelang|Kota Pekalongan|Kota Tegal|"
    "Kota Salatiga|K:Tegal|K:Brebes|K:Banyumas|K:Cilacap|K:Kudus|K:Jepara|K:Pati|K:Klaten|"
    "K:Boyolali|K:Sragen|K:Wonosobo|K:Kendal|K:Demak|K:Pemalang",
    "DI Yogyakarta": "Kota Yogyakarta|K:Sleman|K:Bantul|K:Gunungkidul|K:Kulon Progo",
    "Jawa Timur": "Kota Surabaya|Kota Malang|Kota Kediri|Kota Madiun|Kota Blitar|Kota Batu|"
    "Kota Probolinggo|K:Sidoarjo|K:Gresik|K:Malang|K:Jember|K:Banyuwangi|K:Lamongan|K:Tuban|"
    "K:Bojonegoro|K:Kediri|K:Pasuruan|K:Ponorogo|K:Madiun|K:Sumenep",
    "Bali": "Kota Denpasar|K:Badung|K:Gianyar|K:Tabanan|K:Buleleng|K:Karangasem",
    "Nusa Tenggara Barat": "Kota Mataram|Kota Bima|K:Lombok Barat|K:Lombok Tengah|"
    "K:Lombok Timur|K:Sumbawa",
    "Nusa Tenggara Timur": "Kota Kupang|K:Kupang|K:Manggarai|K:Sikka|K:Ende|K:Sumba Timur|"
    "K:Flores Timur",
    "Kalimantan Barat": "Kota Pontianak|Kota Singkawang|K:Kubu Raya|K:Sambas|K:Ketapang|"
    "K:Sintang",
    "Kalimantan Tengah": "Kota Palangka Raya|K:Kapuas|K:Barito Utara|K:Kotawaringin Barat|"
    "K:Kotawaringin Timur|K:Pulang Pisau|K:Barito Selatan",
    "Kalimantan Selatan": "Kota Banjarmasin|Kota Banjarbaru|K:Banjar|K:Tabalong|K:Tanah Laut|"
    "K:Kotabaru",
    "Kalimantan Timur": "Kota Samarinda|Kota Balikpapan|Kota Bontang|K:Kutai Kartanegara|"
    "K:Berau|K:Paser|K:Kutai Timur",
    "Kalimantan Utara": "Kota Tarakan|K:Bulungan|K:Nunukan|K:Malinau",
    "Sulawesi Utara": "Kota Manado|Kota Bitung|Kota Tomohon|K:Minahasa|K:Bolaang Mongondow|"
    "K:Minahasa Utara",
    "Gorontalo": "Kota Gorontalo|K:Gorontalo|K:Boalemo|K:Pohuwato|K:Bone Bolango",
    "Sulawesi Tengah": "Kota Palu|K:Donggala|K:Poso|K:Banggai|K:Sigi",
    "Sulawesi Barat": "K:Mamuju|K:Majene|K:Polewali Mandar|K:Mamasa",
    "Sulawesi Selatan": "Kota Makassar|Kota Parepare|Kota Palopo|K:Gowa|K:Bone|K:Maros|"
    "K:Bulukumba|K:Pinrang|K:Luwu|K:Wajo",
    "Sulawesi Tenggara": "Kota Kendari|Kota Baubau|K:Konawe|K:Kolaka|K:Muna|K:Buton",
    "Maluku": "Kota Ambon|Kota Tual|K:Maluku Tengah|K:Seram Bagian Barat|K:Buru|"
    "K:Maluku Tenggara",
    "Maluku Utara": "Kota Ternate|Kota Tidore Kepulauan|K:Halmahera Utara|K:Halmahera Selatan|"
    "K:Halmahera Barat",
    "Papua": "Kota Jayapura|K:Jayapura|K:Biak Numfor|K:Keerom|K:Sarmi",
    "Papua Barat": "K:Manokwari|K:Fakfak|K:Kaimana|K:Teluk Bintuni",
    "Papua Barat Daya": "Kota Sorong|K:Sorong|K:Raja Ampat|K:Sorong Selatan",
    "Papua Tengah": "K:Nabire|K:Mimika|K:Paniai|K:Puncak Jaya",
    "Papua Pegunungan": "K:Jayawijaya|K:Lanny Jaya|K:Tolikara|K:Yahukimo",
    "Papua Selatan": "K:Merauke|K:Boven Digoel|K:Mappi|K:Asmat",
}

_KEMENTERIAN: tuple[str, ...] = (
    "Kementerian Dalam Negeri", "Kementerian Luar Negeri", "Kementerian Pertahanan",
    "Kementerian Hukum dan Hak Asasi Manusia", "Kementerian Keuangan",
    "Kementerian Energi dan Sumber Daya Mineral", "Kementerian Perindustrian",
    "Kementerian Perdagangan", "Kementerian Pertanian",
    "Kementerian Lingkungan Hidup dan Kehutanan", "Kementerian Perhubungan",
    "Kementerian Kelautan dan Perikanan", "Kementerian Ketenagakerjaan",
    "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi",
    "Kementerian Pekerjaan Umum dan Perumahan Rakyat", "Kementerian Kesehatan",
    KEMENDIKBUDRISTEK, "Kementerian Sosial", "Kementerian Agama",
    "Kementerian Pariwisata dan Ekonomi Kreatif", "Kementerian Komunikasi dan Informatika",
    "Kementerian Sekretariat Negara",
    "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "Kementerian Perencanaan Pembangunan Nasional/Bappenas",
    "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional",
    "Kementerian Badan Usaha Milik Negara", "Kementerian Koperasi dan Usaha Kecil dan Menengah",
    "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak",
    "Kementerian Pemuda dan Olahraga", "Kementerian Investasi/Badan Koordinasi Penanaman Modal",
    # Kemendikbudristek was split in late 2024: these three answer from 2025 on.
    "Kementerian Pendidikan Dasar dan Menengah",
    "Kementerian Pendidikan Tinggi, Sains, dan Teknologi", "Kementerian Kebudayaan",
)

_LEMBAGA: tuple[str, ...] = (
    "Badan Kepegawaian Negara", "Lembaga Administrasi Negara", "Badan Pusat Statistik",
    "Badan Meteorologi, Klimatologi, dan Geofisika",
    "Badan Pengawasan Keuangan dan Pembangunan", "Badan Nasional Penanggulangan Bencana",
    "Badan Pengawas Obat dan Makanan", "Badan Riset dan Inovasi Nasional",
    "Badan Siber dan Sandi Negara", "Badan Narkotika Nasional", "Badan Informasi Geospasial",
    "Arsip Nasional Republik Indonesia", "Perpustakaan Nasional Republik Indonesia",
    "Badan Standardisasi Nasional", "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah",
    "Badan Nasional Penanggulangan Terorisme", "Badan Pengawas Pemilihan Umum",
    "Komisi Pemilihan Umum", "Dewan Kehormatan Penyelenggara Pemilu",
    "Komisi Aparatur Sipil Negara", "Badan Nasional Pencarian dan Pertolongan",
    "Ombudsman Republik Indonesia", "Badan Pengawas Tenaga Nuklir",
    "Badan Kependudukan dan Keluarga Berencana Nasional",
)

_SETELAH_2024 = ("Kementerian Pendidikan Dasar dan Menengah",
                 "Kementerian Pendidikan Tinggi, Sains, dan Teknologi", "Kementerian Kebudayaan")
# Agencies that did not take part in every period (None in the catalogue = every period).
_PERIODE_KHUSUS: dict[str, tuple[int, ...]] = {
    TEGAL: (2022, 2023, 2024),
    BARITO_UTARA: (2022, 2023, 2024),
    KEMENDIKBUDRISTEK: (2022, 2023, 2024),
    "Komisi Aparatur Sipil Negara": (2022, 2023, 2024),  # dissolved in 2024
    "Pemerintah Kabupaten Puncak Jaya": (2023, 2024, 2025),
    "Pemerintah Kabupaten Nunukan": (2022, 2024, 2025),
    "Pemerintah Kota Tual": (2022, 2023, 2025),
    "Pemerintah Kabupaten Boven Digoel": (2022, 2023, 2024),
    **{nama: (2025,) for nama in _SETELAH_2024},
}

# Typical respondents per period for named agencies (others are drawn at random).
_UKURAN_DASAR: dict[str, int] = {
    TEGAL: 5773, KEMENDIKBUDRISTEK: 7819, KAPUAS: 2900, BARITO_UTARA: 1900,
    "Pemerintah Kabupaten Indramayu": 6200, "Pemerintah Provinsi Gorontalo": 2400,
    "Kementerian Ketenagakerjaan": 2600, "Dewan Kehormatan Penyelenggara Pemilu": 45,
    "Pemerintah Kota Ambon": 2100, "Kementerian Keuangan": 4800, "Kementerian Agama": 4200,
    "Pemerintah Provinsi DKI Jakarta": 3900, "Badan Pusat Statistik": 2300,
    # a few very small agencies (6-15 respondents each period)
    "Pemerintah Kabupaten Tolikara": 10, "Pemerintah Kabupaten Mappi": 10,
    "Pemerintah Kabupaten Asmat": 10, "Pemerintah Kabupaten Lanny Jaya": 10,
    "Ombudsman Republik Indonesia": 12,
}
_KECIL = 15  # agencies at or below this size get 6-15 respondents per period
# Exact respondent counts in a given period.
_UKURAN_TETAP: dict[tuple[str, int], int] = {(TEGAL, 2022): 5773, (KEMENDIKBUDRISTEK, 2022): 7819}
# Median size and log-sd of the random size per agency kind.
_SEBARAN_UKURAN: dict[str, tuple[float, float]] = {
    "Kementerian": (450.0, 0.7), "Lembaga": (120.0, 0.8), "Pemerintah Provinsi": (380.0, 0.6),
    "Pemerintah Kabupaten": (165.0, 0.8), "Pemerintah Kota": (150.0, 0.8),
}

# --------------------------------------------------------------------------------------
# Work units.
# --------------------------------------------------------------------------------------
_UNIT_PEMDA_WAJIB = ("Sekretariat Daerah", "Inspektorat", "Badan Kepegawaian Daerah")
_UNIT_PEMDA = (
    "Sekretariat DPRD", "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah", "Dinas Pendidikan", "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Sosial",
    "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Perhubungan",
    "Dinas Komunikasi dan Informatika", "Dinas Pertanian", "Dinas Lingkungan Hidup",
    "Satuan Polisi Pamong Praja", "Badan Penanggulangan Bencana Daerah",
    "Rumah Sakit Umum Daerah", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
)
_UNIT_KEMENTERIAN_WAJIB = ("Sekretariat Jenderal", "Inspektorat Jenderal")
_UNIT_KEMENTERIAN = (
    "Badan Pengembangan Sumber Daya Manusia", "Pusat Data dan Informasi", "Biro Hukum",
    "Biro Perencanaan", "Biro Umum", "Kantor Wilayah", "Unit Pelaksana Teknis",
    "Pusat Pendidikan dan Pelatihan",
)
_DITJEN: dict[str, tuple[str, ...]] = {
    KEMENDIKBUDRISTEK: (
        "Direktorat Jenderal Guru dan Tenaga Kependidikan",
        "Direktorat Jenderal Pendidikan Tinggi, Riset, dan Teknologi",
        "Direktorat Jenderal Pendidikan Anak Usia Dini, Pendidikan Dasar, dan Pendidikan Menengah",
        "Direktorat Jenderal Kebudayaan", "Direktorat Jenderal Pendidikan Vokasi",
        "Badan Standar, Kurikulum, dan Asesmen Pendidikan",
        "Badan Pengembangan dan Pembinaan Bahasa",
    ),
    "Kementerian Ketenagakerjaan": (
        "Direktorat Jenderal Pembinaan Pelatihan Vokasi dan Produktivitas",
        "Direktorat Jenderal Pembinaan Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja",
        "Direktorat Jenderal Pembinaan Hubungan Industrial dan Jaminan Sosial Tenaga Kerja",
        "Direktorat Jenderal Pembinaan Pengawasan Ketenagakerjaan dan K3",
    ),
    "Kementerian Keuangan": (
        "Direktorat Jenderal Pajak", "Direktorat Jenderal Bea dan Cukai",
        "Direktorat Jenderal Perbendaharaan", "Direktorat Jenderal Anggaran",
        "Direktorat Jenderal Kekayaan Negara",
    ),
    "Kementerian Kesehatan": (
        "Direktorat Jenderal Pelayanan Kesehatan", "Direktorat Jenderal Kesehatan Masyarakat",
        "Direktorat Jenderal Pencegahan dan Pengendalian Penyakit",
        "Direktorat Jenderal Tenaga Kesehatan",
    ),
    "Kementerian Dalam Negeri": (
        "Direktorat Jenderal Kependudukan dan Pencatatan Sipil",
        "Direktorat Jenderal Otonomi Daerah", "Direktorat Jenderal Bina Keuangan Daerah",
        "Direktorat Jenderal Politik dan Pemerintahan Umum",
    ),
    "Kementerian Agama": (
        "Direktorat Jenderal Pendidikan Islam", "Direktorat Jenderal Bimbingan Masyarakat Islam",
        "Direktorat Jenderal Penyelenggaraan Haji dan Umrah",
    ),
    "Kementerian Hukum dan Hak Asasi Manusia": (
        "Direktorat Jenderal Pemasyarakatan", "Direktorat Jenderal Imigrasi",
        "Direktorat Jenderal Kekayaan Intelektual",
    ),
}
_UNIT_LEMBAGA_WAJIB = ("Sekretariat Utama", "Inspektorat")
_UNIT_LEMBAGA = (
    "Biro Umum", "Biro Sumber Daya Manusia", "Biro Perencanaan dan Keuangan",
    "Pusat Data dan Informasi", "Pusat Pendidikan dan Pelatihan", "Kantor Regional",
    "Deputi Bidang Pengawasan", "Deputi Bidang Pembinaan",
)

# --------------------------------------------------------------------------------------
# Score model and calibration targets (order of kontrak.KUNCI_NILAI).
# --------------------------------------------------------------------------------------
Nilai7 = tuple[float, float, float, float, float, float, float]
BASIS_NASIONAL: dict[int, Nilai7] = {
    2022: (57.9, 74.1, 56.7, 63.8, 65.8, 38.9, 69.4),  # index 60,9 (published)
    2023: (58.1, 74.2, 56.9, 64.0, 66.0, 39.2, 69.5),  # index 61,1 (published)
    2024: (59.5, 75.0, 58.2, 65.0, 67.1, 41.0, 70.6),  # index 62,3 (plausible)
    2025: (60.8, 75.9, 59.4, 66.1, 68.0, 42.6, 71.5),  # index 63,5 (plausible)
}
# (agency name or NASIONAL, period) -> per-value means; each value and the index (plain mean
# of the seven) must match after half-up rounding to one decimal.
SASARAN: dict[tuple[str | None, int], Nilai7] = {
    (NASIONAL, 2022): BASIS_NASIONAL[2022],
    (NASIONAL, 2023): BASIS_NASIONAL[2023],
    (NASIONAL, 2024): BASIS_NASIONAL[2024],
    (NASIONAL, 2025): BASIS_NASIONAL[2025],
    (TEGAL, 2022): (59.5, 75.2, 58.4, 65.3, 67.0, 41.2, 69.7),  # 62,3, Adaptif lowest
    (KEMENDIKBUDRISTEK, 2022): (59.6, 64.1, 58.3, 53.7, 62.7, 43.5, 67.7),  # 58,5
    (KAPUAS, 2022): (59.8, 75.0, 58.3, 65.4, 67.2, 41.5, 69.5),  # 62,4
    (BARITO_UTARA, 2022): (58.0, 74.0, 56.5, 64.0, 65.6, 39.1, 69.3),  # 60,9
    (BARITO_UTARA, 2023): (59.6, 75.3, 58.4, 65.5, 67.3, 41.5, 70.0),  # 62,5
    (BARITO_UTARA, 2024): (72.8, 83.5, 72.0, 76.2, 77.9, 60.5, 77.9),  # 74,4
}
_SD_ORANG = 8.0  # person effect shared by the seven values
_SD_GALAT = 15.0  # per value noise
_SD_INSTANSI = 3.5  # agency effect shared by the seven values
_SD_INSTANSI_NILAI = 2.5  # agency x value effect
_SD_DRIFT = 1.5  # agency x value change from period to period

# Demography: categories and their probabilities.
KATEGORI_DEMOGRAFI: dict[str, tuple[str, ...]] = {
    "jenis_kelamin": ("Laki-laki", "Perempuan"),
    "kelompok_usia": ("< 30", "30-39", "40-49", "50+"),
    "jenis_jabatan": ("Struktural", "Fungsional", "Pelaksana"),
    "golongan": ("I", "II", "III", "IV", "PPPK"),
    "masa_kerja": ("< 5 tahun", "5-10 tahun", "11-20 tahun", "> 20 tahun"),
    "status_kepegawaian": ("PNS", "PPPK"),
}
_P_USIA = (0.12, 0.30, 0.30, 0.28)
_P_MASA_PER_USIA = np.array([
    [0.75, 0.25, 0.00, 0.00],
    [0.20, 0.35, 0.40, 0.05],
    [0.08, 0.15, 0.37, 0.40],
    [0.05, 0.07, 0.18, 0.70],
])
_P_PPPK_PER_USIA = np.array([0.30, 0.12, 0.08, 0.05])
_P_JABATAN_PNS = (0.10, 0.50, 0.40)
_P_JABATAN_PPPK = (0.0, 0.80, 0.20)
_P_GOLONGAN_PNS = (0.008, 0.22, 0.57, 0.202)
_P_LEVEL = (0.07, 0.38, 0.37, 0.14, 0.04)
_EFEK_JABATAN = np.array([3.5, 1.0, -1.5])
_EFEK_USIA = np.array([1.0, -0.5, -0.5, 0.5])
_EFEK_LEVEL = 3.0  # per socio-emotional level step


# ======================================================================================
# Catalogue
# ======================================================================================
@dataclass(frozen=True)
class Instansi:
    """One agency of the catalogue."""

    nama: str
    jenis: str
    provinsi: str  # seat of the agency
    ukuran: int  # typical respondents per period
    unit_kerja: tuple[str, ...]
    bobot_unit: tuple[float, ...]
    kantor: tuple[tuple[str, float], ...]  # (office province, weight)
    kabupaten_kota: str | None  # None: capital of the office province
    periode: tuple[int, ...] | None  # None: every period


def _nama_daerah(kode: str) -> str:
    return "Kabupaten " + kode[2:] if kode.startswith("K:") else kode


def _daftar_mentah() -> list[tuple[str, str, str]]:
    """(name, kind, seat province) of every real agency, provinces first."""
    hasil = [(f"Pemerintah Provinsi {p}", "Pemerintah Provinsi", p) for p in kontrak.PROVINSI]
    for prov in kontrak.PROVINSI:
        for kode in filter(None, _DAERAH[prov].split("|")):
            daerah = _nama_daerah(kode)
            jenis = "Pemerintah Kabupaten" if daerah.startswith("Kabupaten") else "Pemerintah Kota"
            hasil.append((f"Pemerintah {daerah}", jenis, prov))
    hasil += [(nama, "Kementerian", "DKI Jakarta") for nama in _KEMENTERIAN]
    hasil += [(nama, "Lembaga", "DKI Jakarta") for nama in _LEMBAGA]
    return hasil


def _ukuran_acak(rng: np.random.Generator, nama: str, jenis: str) -> int:
    median, sd = _SEBARAN_UKURAN[jenis]
    acak = int(round(median * float(np.exp(rng.normal(0.0, sd)))))
    return _UKURAN_DASAR.get(nama, max(acak, 20))


def _pilih_unit(rng: np.random.Generator, nama: str, jenis: str, ukuran: int
                ) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """3-12 units; one of them deliberately tiny so groups under 10 occur."""
    if jenis == "Kementerian":
        wajib, pool = _UNIT_KEMENTERIAN_WAJIB + _DITJEN.get(nama, ()), _UNIT_KEMENTERIAN
    elif jenis == "Lembaga":
        wajib, pool = _UNIT_LEMBAGA_WAJIB, _UNIT_LEMBAGA
    else:
        wajib, pool = _UNIT_PEMDA_WAJIB, _UNIT_PEMDA
    n = int(np.clip(3 + np.log2(max(ukuran, 1) / 25.0), 3, 12))
    tambahan = rng.choice(len(pool), size=max(n - len(wajib), 0), replace=False)
    unit = (wajib + tuple(pool[i] for i in sorted(tambahan)))[:max(n, 3)]
    bobot = rng.dirichlet(np.full(len(unit), 2.0))
    kecil = int(rng.integers(1, len(unit)))  # this unit expects only about 5 respondents
    bobot[kecil] = 0.0
    bobot = bobot / bobot.sum() * (1.0 - min(5.0 / max(ukuran, 1), 0.3))
    bobot[kecil] = 1.0 - bobot.sum()
    return unit, tuple(float(b) for b in bobot)


def _pilih_kantor(rng: np.random.Generator, nama: str, jenis: str, provinsi: str
                  ) -> tuple[tuple[str, float], ...]:
    """Offices: the seat for local governments; Jakarta plus regions for K/L."""
    if jenis not in ("Kementerian", "Lembaga"):
        return ((provinsi, 1.0),)
    maks = 14 if jenis == "Kementerian" else 7
    n = 12 if nama == KEMENDIKBUDRISTEK else int(rng.integers(0, maks))
    if nama == "Dewan Kehormatan Penyelenggara Pemilu":
        n = 0
    lain = [p for p in kontrak.PROVINSI if p != "DKI Jakarta"]
    pilih = rng.choice(len(lain), size=n, replace=False)
    bobot = rng.dirichlet(np.full(n, 2.0)) * 0.55 if n else np.zeros(0)
    return (("DKI Jakarta", 1.0 - float(bobot.sum())),
            *((lain[i], float(b)) for i, b in zip(sorted(pilih), bobot, strict=True)))


def katalog(seed: int = SEED_DEMO) -> list[Instansi]:
    """The real-name agency catalogue (deterministic for a seed)."""
    rng = np.random.default_rng(seed)
    hasil = []
    for nama, jenis, prov in _daftar_mentah():
        ukuran = _ukuran_acak(rng, nama, jenis)
        unit, bobot = _pilih_unit(rng, nama, jenis, ukuran)
        lokal = jenis not in ("Kementerian", "Lembaga")
        kabkota = None
        if lokal:
            kabkota = IBU_KOTA[prov] if jenis == "Pemerintah Provinsi" else nama[len("Pemerintah "):]
        hasil.append(Instansi(nama, jenis, prov, ukuran, unit, bobot,
                              _pilih_kantor(rng, nama, jenis, prov), kabkota,
                              _PERIODE_KHUSUS.get(nama)))
    return hasil


def _instansi_sintetis(rng: np.random.Generator, nomor: int) -> Instansi:
    """Filler kabupaten for national sets larger than the real-name catalogue."""
    prov = kontrak.PROVINSI[nomor % len(kontrak.PROVINSI)]
    nama = f"Pemerintah Kabupaten Sintetis {nomor:03d}"
    ukuran = _ukuran_acak(rng, nama, "Pemerintah Kabupaten")
    unit, bobot = _pilih_unit(rng, nama, "Pemerintah Kabupaten", ukuran)
    return Instansi(nama, "Pemerintah Kabupaten", prov, ukuran, unit, bobot, ((prov, 1.0),),
                    nama[len("Pemerintah "):], None)


# ======================================================================================
# Catalogue as arrays (what row generation works on)
# ======================================================================================
@dataclass(frozen=True)
class _Susunan:
    """Catalogue flattened into arrays; 'entries' are (agency, unit) and (agency, office)."""

    daftar: list[Instansi]
    nama: pa.Array
    jenis: np.ndarray  # index into kontrak.JENIS_INSTANSI
    efek: np.ndarray  # (k, 7) agency effect, stable over periods
    unit_nama: pa.Array
    unit_kum: np.ndarray
    unit_akhir: np.ndarray
    kantor_prov: np.ndarray  # index into kontrak.PROVINSI
    kantor_kabkota: pa.Array
    kantor_kum: np.ndarray
    kantor_akhir: np.ndarray


def _kumulatif(bobot_per_instansi: list[tuple[float, ...]]) -> tuple[np.ndarray, np.ndarray]:
    """Cumulative weights offset by agency number (agency a spans (a, a+1]) and last entries."""
    kum = []
    for a, bobot in enumerate(bobot_per_instansi):
        c = a + np.cumsum(np.asarray(bobot, dtype=float) / sum(bobot))
        c[-1] = a + 1.0
        kum.append(c)
    akhir = np.cumsum([len(c) for c in kum]) - 1
    return np.concatenate(kum), akhir


def _susun(daftar: list[Instansi], seed: int) -> _Susunan:
    rng = np.random.default_rng([seed, 1])
    k = len(daftar)
    efek = (rng.normal(0.0, _SD_INSTANSI, (k, 1))
            + rng.normal(0.0, _SD_INSTANSI_NILAI, (k, len(kontrak.KUNCI_NILAI))))
    unit_kum, unit_akhir = _kumulatif([i.bobot_unit for i in daftar])
    kantor_kum, kantor_akhir = _kumulatif([tuple(b for _, b in i.kantor) for i in daftar])
    kantor = [(p, i.kabupaten_kota or IBU_KOTA[p]) for i in daftar for p, _ in i.kantor]
    return _Susunan(
        daftar=daftar,
        nama=pa.array([i.nama for i in daftar], pa.string()),
        jenis=np.array([kontrak.JENIS_INSTANSI.index(i.jenis) for i in daftar]),
        efek=efek,
        unit_nama=pa.array([u for i in daftar for u in i.unit_kerja], pa.string()),
        unit_kum=unit_kum, unit_akhir=unit_akhir,
        kantor_prov=np.array([kontrak.PROVINSI.index(p) for p, _ in kantor]),
        kantor_kabkota=pa.array([kk for _, kk in kantor], pa.string()),
        kantor_kum=kantor_kum, kantor_akhir=kantor_akhir,
    )


def _basis_periode(periode: int) -> np.ndarray:
    """National value shape of a period; outside 2022-2025 extrapolated gently."""
    if periode in BASIS_NASIONAL:
        return np.array(BASIS_NASIONAL[periode])
    ujung = min(max(periode, 2022), 2025)
    return np.clip(np.array(BASIS_NASIONAL[ujung]) + 0.8 * (periode - ujung), 5.0, 95.0)


def _efek_periode(sus: _Susunan, periode: int, seed: int) -> np.ndarray:
    """(k, 7) mean latent score of each agency in a period."""
    rng = np.random.default_rng([seed, 2, periode])
    drift = rng.normal(0.0, _SD_DRIFT, sus.efek.shape)
    return _basis_periode(periode) + sus.efek + drift


# ======================================================================================
# Rows
# ======================================================================================
@dataclass
class _Bagian:
    """A block of generated respondents before conversion to Arrow."""

    periode: int
    awal: int  # row number of the first respondent within the period (for ids)
    instansi: np.ndarray
    kantor: np.ndarray
    unit: np.ndarray
    demografi: dict[str, np.ndarray]  # category index per DIMENSI_DEMOGRAFI column
    level: np.ndarray
    laten: np.ndarray  # (n, 7) latent scores before clipping and rounding
    hilang: np.ndarray  # (n, 7) True where the score is null


def _pilih(rng: np.random.Generator, peluang, n: int) -> np.ndarray:
    kum = np.cumsum(peluang) / np.sum(peluang)
    return np.minimum(np.searchsorted(kum, rng.random(n), side="right"), len(kum) - 1)


def _pilih_bersyarat(rng: np.random.Generator, matriks: np.ndarray, kondisi: np.ndarray
                     ) -> np.ndarray:
    kum = np.cumsum(matriks, axis=1) / matriks.sum(axis=1, keepdims=True)
    u = rng.random(len(kondisi))
    return np.minimum((u[:, None] >= kum[kondisi]).sum(axis=1), matriks.shape[1] - 1)


def _pilih_dalam(rng: np.random.Generator, kum: np.ndarray, akhir: np.ndarray,
                 instansi: np.ndarray) -> np.ndarray:
    """Pick one entry (unit, office) per row within the row's agency by weight."""
    pos = np.searchsorted(kum, instansi + rng.random(len(instansi)), side="right")
    return np.minimum(pos, akhir[instansi])


def _demografi(rng: np.random.Generator, n: int) -> tuple[dict[str, np.ndarray], np.ndarray]:
    usia = _pilih(rng, _P_USIA, n)
    pppk = rng.random(n) < _P_PPPK_PER_USIA[usia]
    masa = _pilih_bersyarat(rng, _P_MASA_PER_USIA, usia)
    masa = np.where(pppk & (rng.random(n) < 0.85), 0, masa)
    jabatan = np.where(pppk, _pilih(rng, _P_JABATAN_PPPK, n), _pilih(rng, _P_JABATAN_PNS, n))
    golongan = np.where(pppk, 4, _pilih(rng, _P_GOLONGAN_PNS, n))
    demografi = {
        "jenis_kelamin": (rng.random(n) < 0.53).astype(np.int64),
        "kelompok_usia": usia, "jenis_jabatan": jabatan, "golongan": golongan,
        "masa_kerja": masa, "status_kepegawaian": pppk.astype(np.int64),
    }
    return demografi, _pilih(rng, _P_LEVEL, n) + 1


def _laten(rng: np.random.Generator, efek: np.ndarray, instansi: np.ndarray,
           demografi: dict[str, np.ndarray], level: np.ndarray) -> np.ndarray:
    n = len(instansi)
    orang = (rng.normal(0.0, _SD_ORANG, n) + _EFEK_JABATAN[demografi["jenis_jabatan"]]
             + _EFEK_USIA[demografi["kelompok_usia"]] + _EFEK_LEVEL * (level - 2.6)
             + 1.5 * demografi["status_kepegawaian"])
    galat = rng.normal(0.0, _SD_GALAT, (n, efek.shape[1]))
    return efek[instansi] + orang[:, None] + galat


def _bangkitkan(rng: np.random.Generator, sus: _Susunan, efek: np.ndarray,
                instansi: np.ndarray, periode: int, awal: int) -> _Bagian:
    demografi, level = _demografi(rng, len(instansi))
    return _Bagian(
        periode=periode, awal=awal, instansi=instansi,
        kantor=_pilih_dalam(rng, sus.kantor_kum, sus.kantor_akhir, instansi),
        unit=_pilih_dalam(rng, sus.unit_kum, sus.unit_akhir, instansi),
        demografi=demografi, level=level,
        laten=_laten(rng, efek, instansi, demografi, level),
        hilang=rng.random((len(instansi), len(kontrak.KUNCI_NILAI))) < PELUANG_KOSONG,
    )


def _skor(laten: np.ndarray, hilang: np.ndarray) -> np.ndarray:
    """Latent -> published score: clipped to 0-100, one decimal, null where missing."""
    skor = np.round(np.clip(laten, 0.0, 100.0), 1)
    skor[hilang] = np.nan
    return skor


def _acak_id(x: np.ndarray) -> np.ndarray:
    """Bijective 32-bit mix, so ids are unique yet carry no order."""
    m = np.uint64(0xFFFFFFFF)
    x = x.astype(np.uint64) & m
    x = (x * np.uint64(0x9E3779B1)) & m
    x ^= x >> np.uint64(16)
    x = (x * np.uint64(0x85EBCA6B)) & m
    x ^= x >> np.uint64(13)
    return x


def _id_responden(periode: int, awal: int, n: int) -> pa.Array:
    garam = (periode * 2654435761) & 0xFFFFFFFF
    nomor = _acak_id(np.arange(awal, awal + n, dtype=np.uint64) ^ np.uint64(garam))
    teks = pc.utf8_lpad(pc.cast(pa.array(nomor), pa.string()), width=10, padding="0")
    return pc.binary_join_element_wise("R", teks, "")


def _kategori(nilai: tuple[str, ...], indeks: np.ndarray) -> pa.Array:
    return pa.array(nilai, pa.string()).take(pa.array(indeks))


def _tabel(sus: _Susunan, bagian: _Bagian, dengan_periode: bool) -> pa.Table:
    """Arrow table in contract column order (periode dropped for Hive-style files)."""
    n = len(bagian.instansi)
    skor = _skor(bagian.laten, bagian.hilang)
    kolom: dict[str, pa.Array] = {
        "periode": pa.array(np.full(n, bagian.periode, dtype=np.int64)),
        "responden_id": _id_responden(bagian.periode, bagian.awal, n),
        "instansi": sus.nama.take(pa.array(bagian.instansi)),
        "provinsi": _kategori(kontrak.PROVINSI, sus.kantor_prov[bagian.kantor]),
    }
    for j, kunci in enumerate(kontrak.KUNCI_NILAI):
        kolom[kunci] = pa.array(skor[:, j], pa.float64(), from_pandas=True)
    kolom["jenis_instansi"] = _kategori(kontrak.JENIS_INSTANSI, sus.jenis[bagian.instansi])
    kolom["kabupaten_kota"] = sus.kantor_kabkota.take(pa.array(bagian.kantor))
    kolom["unit_kerja"] = sus.unit_nama.take(pa.array(bagian.unit))
    for nama, nilai in KATEGORI_DEMOGRAFI.items():
        kolom[nama] = _kategori(nilai, bagian.demografi[nama])
    kolom[kontrak.LEVEL] = pa.array(bagian.level.astype(np.int64))
    if not dengan_periode:
        del kolom["periode"]
    return pa.table(kolom)


def _tulis_atomik(tabel: pa.Table, berkas: Path) -> Path:
    sementara = berkas.with_name(f".{berkas.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    pq.write_table(tabel, sementara, compression="zstd", row_group_size=500_000)
    os.replace(sementara, berkas)
    return berkas


# ======================================================================================
# Demo set: sizes, calibration, checks
# ======================================================================================
def _ukuran_demo(daftar: list[Instansi], periode: int, rng: np.random.Generator
                 ) -> np.ndarray:
    """Respondents per agency in a period (0 when the agency did not take part)."""
    hasil = np.zeros(len(daftar), dtype=np.int64)
    for a, ins in enumerate(daftar):
        if ins.periode is not None and periode not in ins.periode:
            continue
        if ins.ukuran <= _KECIL:
            hasil[a] = int(rng.integers(6, _KECIL + 1))
        else:
            hasil[a] = max(int(round(ins.ukuran * np.exp(rng.normal(0.0, 0.12)))), 6)
        hasil[a] = _UKURAN_TETAP.get((ins.nama, periode), hasil[a])
    return hasil


def _sasaran_terpusat(nilai: Nilai7) -> np.ndarray:
    """Per-value aims nudged (<= 0,03) so the index sits mid-way in its rounding bucket."""
    indeks = float(np.mean(nilai))
    geser = float(np.clip(kontrak.bulatkan(indeks) - indeks, -0.03, 0.03))
    return np.asarray(nilai, dtype=float) + geser


def _rata_nilai(laten: np.ndarray, hilang: np.ndarray) -> np.ndarray:
    return np.nanmean(_skor(laten, hilang), axis=0)


def _kalibrasi(bagian: _Bagian, geser: np.ndarray, ukur: np.ndarray, sasaran: np.ndarray,
               toleransi: float = 0.003) -> None:
    """Shift the latent scores of rows `geser` per value until the means over `ukur` hit."""
    laten, hilang = bagian.laten, bagian.hilang
    porsi = (~hilang[geser]).sum(axis=0) / (~hilang[ukur]).sum(axis=0)
    for _ in range(60):
        galat = sasaran - _rata_nilai(laten[ukur], hilang[ukur])
        if np.all(np.abs(galat) < toleransi):
            return
        lg = laten[geser]
        dalam = ((lg > 0.0) & (lg < 100.0)).mean(axis=0)
        laten[geser] = lg + galat / (porsi * np.maximum(dalam, 0.2))
    raise RuntimeError(f"kalibrasi tidak konvergen: galat {galat}")


def _baris_instansi(sus: _Susunan, bagian: _Bagian, nama: str) -> np.ndarray:
    a = [i.nama for i in sus.daftar].index(nama)
    return np.flatnonzero(bagian.instansi == a)


def _kalibrasi_periode(sus: _Susunan, bagian: _Bagian) -> None:
    """Named agencies first, then the national totals by shifting only the other agencies."""
    semua = np.arange(len(bagian.instansi))
    bernama = np.zeros(len(semua), dtype=bool)
    for (nama, periode), nilai in SASARAN.items():
        if periode == bagian.periode and nama is not NASIONAL:
            baris = _baris_instansi(sus, bagian, nama)
            _kalibrasi(bagian, baris, baris, _sasaran_terpusat(nilai))
            bernama[baris] = True
    nasional = SASARAN.get((NASIONAL, bagian.periode))
    if nasional is not None:
        _kalibrasi(bagian, np.flatnonzero(~bernama), semua, _sasaran_terpusat(nasional))


def _periksa_sasaran(nilai: Nilai7, skor: np.ndarray, label: str) -> None:
    """Assert each value mean, the index and the respondent-mean index round as published."""
    rata = np.nanmean(skor, axis=0)
    bulat = [kontrak.bulatkan(float(x)) for x in rata]
    indeks = kontrak.bulatkan(float(np.mean(nilai)))
    assert bulat == list(nilai), f"{label}: rata-rata nilai {bulat} != {list(nilai)}"
    assert kontrak.bulatkan(float(np.mean(rata))) == indeks, f"{label}: indeks meleset"
    per_orang = np.nanmean(skor, axis=1)
    assert kontrak.bulatkan(float(np.mean(per_orang))) == indeks, f"{label}: indeks responden"


def _periksa_periode(sus: _Susunan, bagian: _Bagian) -> None:
    for (nama, periode), nilai in SASARAN.items():
        if periode != bagian.periode:
            continue
        baris = (np.arange(len(bagian.instansi)) if nama is NASIONAL
                 else _baris_instansi(sus, bagian, nama))
        _periksa_sasaran(nilai, _skor(bagian.laten[baris], bagian.hilang[baris]),
                         f"{nama or 'Nasional'} {periode}")
    if bagian.periode == 2022:
        baris = _baris_instansi(sus, bagian, TEGAL)
        assert (bagian.demografi["golongan"][baris] == 0).sum() == 8


def _atur_golongan_kecil(rng: np.random.Generator, sus: _Susunan, bagian: _Bagian) -> None:
    """Tegal 2022: exactly 8 respondents in golongan I (a group privacy rules must hide)."""
    baris = _baris_instansi(sus, bagian, TEGAL)
    golongan = bagian.demografi["golongan"]
    golongan[baris[golongan[baris] == 0]] = 1
    pns = baris[golongan[baris] != 4]
    golongan[rng.choice(pns, size=8, replace=False)] = 0


def buat_demo(seed: int = SEED_DEMO) -> dict[int, pa.Table]:
    """The calibrated demo tables per period (in memory)."""
    daftar = katalog(seed)
    sus = _susun(daftar, seed)
    hasil = {}
    for periode in PERIODE_DEMO:
        rng = np.random.default_rng([seed, 3, periode])
        instansi = np.repeat(np.arange(len(daftar)), _ukuran_demo(daftar, periode, rng))
        bagian = _bangkitkan(rng, sus, _efek_periode(sus, periode, seed), instansi, periode, 0)
        if periode == 2022:
            _atur_golongan_kecil(rng, sus, bagian)
        _kalibrasi_periode(sus, bagian)
        _periksa_periode(sus, bagian)
        hasil[periode] = _tabel(sus, bagian, dengan_periode=True)
    return hasil


def _penanda(tujuan: Path) -> Path:
    return tujuan / f".berakhlak_demo_v{VERSI_DEMO}.selesai"


def _demo_sudah_ada(tujuan: Path) -> list[Path] | None:
    penanda = _penanda(tujuan)
    if not penanda.is_file():
        return None
    try:
        paths = [tujuan / nama for nama in json.loads(penanda.read_text())]
    except (OSError, ValueError):
        return None
    return paths if paths and all(p.is_file() for p in paths) else None


def tulis_demo(tujuan: Path) -> list[Path]:
    """Write ``berakhlak_demo_<periode>.parquet`` for 2022-2025 into `tujuan` (idempotent).

    A marker for this generator version makes repeat calls return the existing files. Files
    and marker are written under temporary names and moved into place with ``os.replace``,
    so concurrent callers never see a half-written file.
    """
    tujuan = Path(tujuan)
    ada = _demo_sudah_ada(tujuan)
    if ada is not None:
        return ada
    tujuan.mkdir(parents=True, exist_ok=True)
    paths = [_tulis_atomik(tabel, tujuan / f"berakhlak_demo_{periode}.parquet")
             for periode, tabel in buat_demo().items()]
    penanda = _penanda(tujuan)
    sementara = penanda.with_name(f"{penanda.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    sementara.write_text(json.dumps([p.name for p in paths]))
    os.replace(sementara, penanda)
    return paths


# ======================================================================================
# National-scale set
# ======================================================================================
def katalog_nasional(n_instansi: int = 550, seed: int = SEED_NASIONAL) -> list[Instansi]:
    """`n_instansi` agencies: all provincial governments first (so every province appears),
    then the rest of the real catalogue in seeded random order, then synthetic fillers."""
    daftar = katalog(seed)
    prov = [i for i in daftar if i.jenis == "Pemerintah Provinsi"]
    lain = [i for i in daftar if i.jenis != "Pemerintah Provinsi"]
    rng = np.random.default_rng([seed, 4])
    lain = [lain[j] for j in rng.permutation(len(lain))]
    hasil = (prov + lain)[:n_instansi]
    hasil += [_instansi_sintetis(rng, j) for j in range(n_instansi - len(hasil))]
    return hasil


def _bagi_baris(bobot: np.ndarray, total: int) -> np.ndarray:
    """Split `total` rows by weight (largest remainder), every agency at least one row."""
    kuota = bobot / bobot.sum() * total
    hasil = np.floor(kuota).astype(np.int64)
    sisa = total - int(hasil.sum())
    hasil[np.argsort(hasil - kuota, kind="stable")[:sisa]] += 1
    kosong = np.flatnonzero(hasil == 0)
    for a in kosong:  # only when total is barely above the agency count
        hasil[int(np.argmax(hasil))] -= 1
        hasil[a] += 1
    return hasil


def _tulis_periode_nasional(sus: _Susunan, tujuan: Path, periode: int, baris: int,
                            seed: int, baris_per_grup: int) -> Path:
    folder = Path(tujuan) / f"periode={periode}"
    folder.mkdir(parents=True, exist_ok=True)
    berkas = folder / f"nasional_{periode}.parquet"
    sementara = folder / f".{berkas.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp"
    ukuran = _bagi_baris(np.array([i.ukuran for i in sus.daftar], dtype=float), baris)
    batas = np.cumsum(ukuran)
    efek = _efek_periode(sus, periode, seed)
    rng = np.random.default_rng([seed, 5, periode])
    penulis = None
    try:
        for awal in range(0, baris, baris_per_grup):
            nomor = np.arange(awal, min(awal + baris_per_grup, baris))
            instansi = np.searchsorted(batas, nomor, side="right")
            tabel = _tabel(sus, _bangkitkan(rng, sus, efek, instansi, periode, awal), False)
            if penulis is None:
                penulis = pq.ParquetWriter(sementara, tabel.schema, compression="zstd")
            penulis.write_table(tabel, row_group_size=baris_per_grup)
    finally:
        if penulis is not None:
            penulis.close()
    os.replace(sementara, berkas)
    return berkas


def tulis_satu_periode_nasional(tujuan: Path, periode: int, baris: int = 4_000_000,
                                n_instansi: int = 550, seed: int = SEED_NASIONAL,
                                baris_per_grup: int = 500_000) -> Path:
    """One national-scale period file, e.g. an extra 2026 file for a benchmark."""
    sus = _susun(katalog_nasional(n_instansi, seed), seed)
    return _tulis_periode_nasional(sus, Path(tujuan), periode, baris, seed, baris_per_grup)


def tulis_nasional(tujuan: Path, baris_per_periode: int = 4_000_000, n_instansi: int = 550,
                   periode: tuple[int, ...] = PERIODE_DEMO, seed: int = SEED_NASIONAL,
                   baris_per_grup: int = 500_000) -> list[Path]:
    """National-scale set: ``tujuan/periode=<p>/nasional_<p>.parquet`` (no periode column),
    streamed in row groups of `baris_per_grup` rows so memory stays flat."""
    sus = _susun(katalog_nasional(n_instansi, seed), seed)
    return [_tulis_periode_nasional(sus, Path(tujuan), p, baris_per_periode, seed,
                                    baris_per_grup) for p in periode]
