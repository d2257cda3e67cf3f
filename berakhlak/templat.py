"""The template file showing the data contract, offered on /data as Parquet, CSV and Excel,
and the data dictionary (every column, its type, allowed values and an example)."""

from __future__ import annotations

import functools
import io

import pyarrow as pa
import pyarrow.parquet as pq

from berakhlak import kontrak, konversi
from berakhlak.i18n import BAKU, teks

CONTOH = [
    {"periode": 2024, "responden_id": "R-0001", "instansi": "Pemerintah Kabupaten Tegal",
     "provinsi": "Jawa Tengah", "berorientasi_pelayanan": 66.7, "akuntabel": 75.0,
     "kompeten": 58.3, "harmonis": 70.0, "loyal": 72.5, "adaptif": 41.7, "kolaboratif": 68.0,
     "jenis_instansi": "Pemerintah Kabupaten", "kabupaten_kota": "Kabupaten Tegal",
     "unit_kerja": "Dinas Pendidikan", "jenis_kelamin": "Perempuan", "kelompok_usia": "30-39",
     "jenis_jabatan": "Fungsional", "golongan": "III", "masa_kerja": "5-10 tahun",
     "status_kepegawaian": "PNS", "level_sosio_emosional": 3},
    {"periode": 2024, "responden_id": "R-0002", "instansi": "Kementerian Ketenagakerjaan",
     "provinsi": "DKI Jakarta", "berorientasi_pelayanan": 80.0, "akuntabel": None,
     "kompeten": 62.5, "harmonis": 77.8, "loyal": 81.0, "adaptif": 55.0, "kolaboratif": 73.3,
     "jenis_instansi": "Kementerian", "kabupaten_kota": "Kota Jakarta Pusat",
     "unit_kerja": "Sekretariat Jenderal", "jenis_kelamin": "Laki-laki", "kelompok_usia": "40-49",
     "jenis_jabatan": "Struktural", "golongan": "IV", "masa_kerja": "11-20 tahun",
     "status_kepegawaian": "PNS", "level_sosio_emosional": 4},
]

LEMBAR_DATA = "data"
LEMBAR_KAMUS = "kamus_data"

TEKS: dict[str, tuple[str, str]] = {
    # dictionary headings
    "kolom": ("kolom", "column"),
    "wajib": ("wajib", "required"),
    "tipe": ("tipe", "type"),
    "nilai_diizinkan": ("nilai yang diizinkan", "allowed values"),
    "contoh": ("contoh", "example"),
    "keterangan": ("keterangan", "notes"),
    "ya": ("ya", "yes"),
    "tidak": ("tidak", "no"),
    # types
    "t_tahun": ("bilangan bulat (tahun)", "integer (year)"),
    "t_id": ("teks (bilangan bulat diterima)", "text (whole numbers accepted)"),
    "t_teks": ("teks", "text"),
    "t_skor": ("angka desimal", "decimal number"),
    "t_level": ("bilangan bulat", "integer"),
    # allowed values
    "v_periode": ("{min}-{maks}; boleh dari nama folder periode=2024/",
                  "{min}-{maks}; may come from a folder name periode=2024/"),
    "v_id": ("unik dalam satu periode; tidak boleh kosong",
             "unique within a period; never blank"),
    "v_wajib_teks": ("tidak boleh kosong", "never blank"),
    "v_provinsi": ("salah satu dari 38 provinsi, ditulis seperti daftar resmi: {daftar}",
                   "one of the 38 provinces, written as in the official list: {daftar}"),
    "v_skor": ("0-100 (skala 0-100, bukan 1-5 atau 0-1); boleh kosong",
               "0-100 (the 0-100 scale, not 1-5 or 0-1); may be blank"),
    "v_level": ("1-5: {daftar}; boleh kosong", "1-5: {daftar}; may be blank"),
    "v_kelompok": ("teks bebas; kelompok yang dikenal: {daftar}; boleh kosong",
                   "free text; known groups: {daftar}; may be blank"),
    "v_opsional": ("teks bebas; boleh kosong", "free text; may be blank"),
    # notes
    "k_periode": ("tahun survei", "survey year"),
    "k_id": ("kode responden (tanpa nama)", "respondent code (no names)"),
    "k_instansi": ("nama instansi", "agency name"),
    "k_provinsi": ("provinsi instansi/unit", "province of the agency or unit"),
    "k_skor": ("skor nilai {label}", "score of the value {label}"),
    "k_jenis_instansi": ("jenis instansi", "kind of agency"),
    "k_kabupaten_kota": ("kabupaten/kota", "regency/city"),
    "k_unit_kerja": ("unit kerja", "work unit"),
    "k_jenis_kelamin": ("jenis kelamin", "sex"),
    "k_kelompok_usia": ("kelompok usia", "age group"),
    "k_jenis_jabatan": ("jenis jabatan", "kind of position"),
    "k_golongan": ("golongan", "civil-service grade"),
    "k_masa_kerja": ("masa kerja", "years of service"),
    "k_status_kepegawaian": ("status kepegawaian", "employment status"),
    "k_level": ("level sosio-emosional", "socio-emotional level"),
    "k_umum": (
        "Nama kolom tidak peka huruf besar/kecil; spasi dan tanda hubung dibaca sebagai garis "
        "bawah. Berkas: Parquet, CSV (pemisah ';' dengan koma desimal, atau ',' dengan titik "
        "desimal) atau Excel .xlsx (data di lembar yang baris judulnya memuat kolom ini).",
        "Column names are case-insensitive; spaces and hyphens count as underscores. Files: "
        "Parquet, CSV (';' with decimal commas, or ',' with decimal points) or Excel .xlsx "
        "(data on the sheet whose header row names these columns).",
    ),
}


def skema() -> pa.Schema:
    kolom = [("periode", pa.int32()), ("responden_id", pa.string()), ("instansi", pa.string()),
             ("provinsi", pa.string())]
    kolom += [(v, pa.float64()) for v in kontrak.KUNCI_NILAI]
    kolom += [(c, pa.string()) for c in kontrak.OPSIONAL_TEKS]
    kolom += [(kontrak.LEVEL, pa.int8())]
    return pa.schema(kolom)


def _tabel() -> pa.Table:
    return pa.Table.from_pylist(CONTOH, schema=skema())


def templat_parquet() -> bytes:
    """Two example respondents written with every contract column and its type."""
    buf = io.BytesIO()
    pq.write_table(_tabel(), buf)
    return buf.getvalue()


@functools.cache
def templat_csv() -> bytes:
    """The template as an Indonesian CSV: ';' separated, decimal commas, UTF-8 (with BOM)."""
    return konversi.tulis_csv(_tabel(), indonesia=True)


def kamus(lang: str = BAKU) -> list[dict[str, str]]:
    """The data dictionary: one row per contract column, in the contract's order."""
    def t(kunci: str, **isi) -> str:
        return teks(TEKS, kunci, lang, **isi)

    contoh = CONTOH[0]
    baris: list[dict[str, str]] = []

    def tambah(kolom: str, wajib: bool, tipe: str, nilai: str, ket: str) -> None:
        v = contoh.get(kolom)
        baris.append({t("kolom"): kolom, t("wajib"): t("ya" if wajib else "tidak"),
                      t("tipe"): t(tipe), t("nilai_diizinkan"): nilai,
                      t("contoh"): _contoh(v, lang), t("keterangan"): ket})

    tambah("periode", True, "t_tahun",
           t("v_periode", min=kontrak.PERIODE_MIN, maks=kontrak.PERIODE_MAKS), t("k_periode"))
    tambah("responden_id", True, "t_id", t("v_id"), t("k_id"))
    tambah("instansi", True, "t_teks", t("v_wajib_teks"), t("k_instansi"))
    tambah("provinsi", True, "t_teks", t("v_provinsi", daftar=", ".join(kontrak.PROVINSI)),
           t("k_provinsi"))
    for v in kontrak.KUNCI_NILAI:
        tambah(v, True, "t_skor", t("v_skor"), t("k_skor", label=kontrak.label_nilai(v, lang)))
    for c in kontrak.OPSIONAL_TEKS:
        kelompok = kontrak.KELOMPOK_DEMOGRAFI.get(c)
        if c == "jenis_instansi":
            kelompok = dict.fromkeys(kontrak.JENIS_INSTANSI)
        nilai = (t("v_kelompok", daftar=", ".join(kelompok)) if kelompok else t("v_opsional"))
        tambah(c, False, "t_teks", nilai, t(f"k_{c}"))
    level = ", ".join(f"{i} {nama[0 if lang != 'en' else 1]}"
                      for i, nama in kontrak.LEVEL_SOSIO.items())
    tambah(kontrak.LEVEL, False, "t_level", t("v_level", daftar=level), t("k_level"))
    return baris


def _contoh(v, lang: str) -> str:
    if v is None:
        return ""
    return str(v).replace(".", ",") if isinstance(v, float) and lang != "en" else str(v)


def kamus_csv(lang: str = BAKU) -> bytes:
    """The data dictionary as a CSV (';' separated, UTF-8 with BOM), with a closing note."""
    baris = kamus(lang)
    kolom = list(baris[0])
    data = {k: [b[k] for b in baris] + ([teks(TEKS, "k_umum", lang)] if i == 0 else [""])
            for i, k in enumerate(kolom)}
    return konversi.tulis_csv(pa.table(data), indonesia=True)


@functools.cache
def templat_xlsx(lang: str = BAKU) -> bytes:
    """The template as an Excel workbook: the example rows on sheet "data", the data
    dictionary on sheet "kamus_data"."""
    from openpyxl import Workbook

    buku = Workbook()
    data = buku.active
    data.title = LEMBAR_DATA
    tabel = _tabel()
    data.append(tabel.column_names)
    for r in tabel.to_pylist():
        data.append(list(r.values()))
    lembar = buku.create_sheet(LEMBAR_KAMUS)
    baris = kamus(lang)
    lembar.append(list(baris[0]))
    for b in baris:
        lembar.append(list(b.values()))
    lembar.append([])
    lembar.append([teks(TEKS, "k_umum", lang)])
    buf = io.BytesIO()
    buku.save(buf)
    return buf.getvalue()
