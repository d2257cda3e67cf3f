"""Every page on the demo data sends the browser no figure more precise than it shows (issue 7,
case 6): table cells (the data and the Styler's display values), CSV downloads, charts and
metrics carry indexes, margins, differences and percentages with one decimal, counts whole."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from tests.unit.test_pembulatan import angka_terlalu_presisi

TEGAL = "Pemerintah Kabupaten Tegal"
HALAMAN = [
    (None, {"periode": "2022", "instansi": TEGAL}),
    (None, {"periode": "2023", "provinsi": "Gorontalo", "banding": "provinsi", "lang": "en"}),
    ("pages/1_nilai.py", {"periode": "2022", "instansi": TEGAL}),
    ("pages/2_wilayah.py", {"periode": "2022"}),
    ("pages/2_wilayah.py", {"periode": "2022", "provinsi": "Jawa Tengah", "lang": "en"}),
    ("pages/3_tren.py", {"periode": "2024", "instansi": TEGAL}),
    ("pages/4_demografi.py", {"periode": "2022", "instansi": TEGAL, "dimensi": "golongan"}),
    ("pages/5_data.py", {}),
]
ANGKA = re.compile(r"[+-]?\d+(?:[.,](\d+))?")


@pytest.fixture
def unduhan(monkeypatch) -> list[tuple[bytes, str]]:
    """Every file a page offers for download, as it would be sent: handed to Streamlit's media
    storage, or (written only on a click) the CSV files a click would write."""
    terkirim: list[tuple[bytes, str]] = []
    asli = MemoryMediaFileStorage.load_and_get_id
    asli_tunda = MediaFileManager.add_deferred

    def catat(self, path_or_data, mimetype, kind, filename=None):
        terkirim.append((path_or_data, mimetype))
        return asli(self, path_or_data, mimetype, kind, filename)

    def catat_tunda(self, data_callable, mimetype, *args, **kwargs):
        if mimetype == "text/csv":  # as a click would write it (decks and images are not read here)
            terkirim.append((data_callable(), mimetype))
        return asli_tunda(self, data_callable, mimetype, *args, **kwargs)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", catat)
    monkeypatch.setattr(MediaFileManager, "add_deferred", catat_tunda)
    return terkirim


def sel_csv_salah(data: bytes, lang: str) -> tuple[list[str], int]:
    """(cells of a CSV more precise than one decimal, how many cells hold a decimal number)."""
    sep = ";" if lang == "id" else ","
    salah, desimal = [], 0
    for baris in csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=sep):
        for sel in baris:
            cocok = ANGKA.fullmatch(sel.strip())
            if cocok:
                desimal += cocok.group(1) is not None
                if cocok.group(1) is not None and len(cocok.group(1)) > 1:
                    salah.append(sel)
            else:
                salah += angka_terlalu_presisi(sel, lang)
    return salah, desimal


@pytest.mark.parametrize(("halaman", "params"), HALAMAN,
                         ids=[f"{h or 'app.py'}-{'-'.join(p.values())}" for h, p in HALAMAN])
def test_tidak_ada_angka_lebih_presisi_dari_tampilan(buka, unduhan, halaman, params):
    at = buka(halaman, **params)
    lang = params.get("lang", "id")
    salah: dict[str, list] = {}

    tabel = list(at.dataframe)
    assert tabel, "every page shows at least one table"
    for i, df in enumerate(tabel):
        data = df.value
        salah[f"tabel {i}"] = angka_terlalu_presisi(data.to_numpy().tolist(), lang)
        tampil = df.proto.arrow_data.styler.display_values
        if tampil:
            salah[f"tabel {i} tampilan"] = angka_terlalu_presisi(
                convert_arrow_bytes_to_pandas_df(tampil).to_numpy().tolist(), lang)

    berkas_csv = [d for d, jenis in unduhan if jenis == "text/csv"]
    if halaman != "pages/5_data.py":  # /data also offers the template and the dictionary
        assert len(berkas_csv) == len(tabel)  # each table offered as CSV
    ada_desimal = 0
    for i, data in enumerate(berkas_csv):
        salah[f"csv {i}"], n = sel_csv_salah(data, lang)
        ada_desimal += n
    if halaman != "pages/5_data.py":
        assert ada_desimal, "the CSV files carry figures (so the check is not empty)"

    grafik = at.get("plotly_chart")
    for i, g in enumerate(grafik):
        salah[f"grafik {i}"] = angka_terlalu_presisi(json.loads(g.proto.spec)["data"], lang)
    salah["metrik"] = angka_terlalu_presisi([m.value for m in at.metric], lang)

    assert {k: v[:5] for k, v in salah.items() if v} == {}


def test_tabel_membawa_angka_yang_tampil(buka):
    """The cells still hold numbers (they sort as numbers), rounded as shown: 62,3 and 5.773."""
    at = buka("pages/1_nilai.py", periode="2022", instansi=TEGAL)
    t = at.dataframe[0].value.set_index("Nilai")
    assert t.loc["Indeks BerAKHLAK", "Indeks"] == 62.3
    assert t.loc["Indeks BerAKHLAK", "Responden"] == 5773
    assert t["Indeks"].dtype.kind == "f" and t["Responden"].dtype.kind in "iu"


def test_csv_ditulis_hanya_saat_diklik(buka, monkeypatch):
    """A view offers its tables as CSV without writing them (issue 11: writing every table's file
    on every view cost each /wilayah view ~25 ms for a file almost nobody downloads); the file is
    written when the reader clicks, and is then the same file."""
    from berakhlak import ui

    ditulis = []
    asli = ui.csv_tabel
    monkeypatch.setattr(ui, "csv_tabel", lambda tabel, lang: ditulis.append(lang) or asli(tabel, lang))
    tunda = []
    asli_tunda = MediaFileManager.add_deferred

    def catat_tunda(self, data_callable, mimetype, *args, **kwargs):
        tunda.append((data_callable, mimetype))
        return asli_tunda(self, data_callable, mimetype, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", catat_tunda)
    at = buka("pages/2_wilayah.py", periode="2022")
    assert ditulis == []  # nothing written by the view itself
    csv_ = [f for f, jenis in tunda if jenis == "text/csv"]
    assert len(csv_) == len(list(at.dataframe)) >= 1
    isi = csv_[0]().decode("utf-8-sig").splitlines()  # the click
    assert ditulis == ["id"] and isi[0].startswith("Wilayah;") and len(isi) > 2
