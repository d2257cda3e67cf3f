"""An offline tile map (cartogram) of Indonesia's 38 provinces: constants only.

Each province gets one tile on an integer grid (``kolom`` west -> east, ``baris``
south -> north). Tiles follow the approximate centroid (``lon``, ``lat``) but are nudged so
that none overlap: Java's six provinces take two rows, Sulawesi keeps its arms, and the six
Papua provinces form a block east of Maluku. Nothing is fetched at run time.
"""

from __future__ import annotations

from typing import NamedTuple


class Ubin(NamedTuple):
    singkat: str  # short label drawn on the tile
    lon: float  # approximate centroid, degrees east
    lat: float  # approximate centroid, degrees north
    kolom: int  # tile column, 0 = westernmost
    baris: int  # tile row, 0 = southernmost


UBIN: dict[str, Ubin] = {
    "Aceh": Ubin("ACEH", 96.9, 4.4, 0, 7),
    "Sumatera Utara": Ubin("SUMUT", 99.1, 2.2, 1, 6),
    "Sumatera Barat": Ubin("SUMBAR", 100.5, -0.8, 1, 5),
    "Riau": Ubin("RIAU", 101.8, 0.5, 2, 5),
    "Kepulauan Riau": Ubin("KEPRI", 104.5, 0.9, 3, 5),
    "Jambi": Ubin("JAMBI", 102.8, -1.7, 2, 4),
    "Sumatera Selatan": Ubin("SUMSEL", 104.2, -3.3, 2, 3),
    "Kepulauan Bangka Belitung": Ubin("BABEL", 106.6, -2.5, 3, 3),
    "Bengkulu": Ubin("BKL", 102.3, -3.8, 1, 4),
    "Lampung": Ubin("LAMPUNG", 105.0, -4.8, 3, 2),
    "DKI Jakarta": Ubin("DKI", 106.8, -6.2, 4, 2),
    "Jawa Barat": Ubin("JABAR", 107.6, -6.9, 4, 1),
    "Banten": Ubin("BANTEN", 106.1, -6.4, 3, 1),
    "Jawa Tengah": Ubin("JATENG", 110.1, -7.2, 5, 1),
    "DI Yogyakarta": Ubin("DIY", 110.4, -7.9, 5, 0),
    "Jawa Timur": Ubin("JATIM", 112.7, -7.6, 6, 1),
    "Bali": Ubin("BALI", 115.2, -8.4, 7, 1),
    "Nusa Tenggara Barat": Ubin("NTB", 117.4, -8.6, 8, 1),
    "Nusa Tenggara Timur": Ubin("NTT", 121.1, -8.9, 9, 1),
    "Kalimantan Barat": Ubin("KALBAR", 110.5, -0.2, 5, 4),
    "Kalimantan Tengah": Ubin("KALTENG", 113.4, -1.7, 6, 4),
    "Kalimantan Selatan": Ubin("KALSEL", 115.3, -2.9, 7, 3),
    "Kalimantan Timur": Ubin("KALTIM", 116.4, 0.5, 7, 4),
    "Kalimantan Utara": Ubin("KALTARA", 116.3, 3.0, 7, 5),
    "Sulawesi Utara": Ubin("SULUT", 124.5, 1.0, 10, 4),
    "Gorontalo": Ubin("GTLO", 122.5, 0.7, 9, 4),
    "Sulawesi Tengah": Ubin("SULTENG", 121.4, -1.4, 9, 3),
    "Sulawesi Barat": Ubin("SULBAR", 119.3, -2.5, 8, 3),
    "Sulawesi Selatan": Ubin("SULSEL", 120.0, -3.7, 8, 2),
    "Sulawesi Tenggara": Ubin("SULTRA", 122.2, -4.1, 9, 2),
    "Maluku": Ubin("MALUKU", 129.5, -3.2, 11, 3),
    "Maluku Utara": Ubin("MALUT", 127.8, 0.6, 11, 4),
    "Papua": Ubin("PAPUA", 138.5, -2.3, 14, 4),
    "Papua Barat": Ubin("PABAR", 133.3, -2.0, 13, 4),
    "Papua Barat Daya": Ubin("PBD", 131.9, -1.2, 12, 4),
    "Papua Tengah": Ubin("PAPTENG", 136.5, -3.6, 13, 3),
    "Papua Pegunungan": Ubin("PAPEG", 139.0, -4.1, 14, 3),
    "Papua Selatan": Ubin("PAPSEL", 139.5, -7.0, 14, 2),
}

JUMLAH_KOLOM = 1 + max(u.kolom for u in UBIN.values())
JUMLAH_BARIS = 1 + max(u.baris for u in UBIN.values())
