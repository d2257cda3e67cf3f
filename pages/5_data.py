"""Data (/data): every file in the data folder with its status, what was loaded, each
rejected file's reason, respondents shared between files, ignored files, and the contract."""

import pandas as pd
import streamlit as st

from berakhlak import aman, katalog, komponen, kontrak, privasi, templat, ui, validasi
from berakhlak import format as fmt

TEKS = {
    "judul": ("Data", "Data"),
    "galat": ("Pembaruan terakhir gagal; yang tampil adalah data sebelumnya. Sebab: {galat}",
              "The last refresh failed; what shows is the previous data. Cause: {galat}"),
    "folder": ("Folder data: {akar}", "Data folder: {akar}"),
    "folder_demo": ("Folder data kosong; dipakai data sintetis dari {akar}.",
                    "The data folder is empty; using synthetic data from {akar}."),
    "berkas_dimuat": ("Berkas dimuat", "Files loaded"),
    "berkas_ditolak": ("Berkas ditolak", "Files rejected"),
    "berkas_menunggu": ("Menunggu", "Waiting"),
    "menunggu_ket": ("Berkas yang belum bisa dibaca dan baru saja berubah: mungkin masih disalin.",
                     "Files not readable yet that changed moments ago: probably still being copied."),
    "responden": ("Responden dimuat", "Respondents loaded"),
    "periode": ("Periode", "Periods"),
    "daftar": ("Semua berkas", "All files"),
    "berkas": ("Berkas", "File"),
    "status": ("Status", "Status"),
    "baris": ("Baris (dibulatkan ke {minimum})", "Rows (rounded to {minimum})"),
    "n_instansi": ("Instansi", "Agencies"),
    "alasan": ("Alasan", "Reason"),
    "kolom_lain": ("Kolom lain (tidak dianalisis)", "Other columns (not analysed)"),
    "dimuat": ("Dimuat", "Loaded"),
    "ditolak": ("Ditolak", "Rejected"),
    "menunggu": ("Menunggu", "Waiting"),
    "judul_ditolak": ("Berkas yang ditolak dan alasannya", "Rejected files and why"),
    "tak_ada_ditolak": ("Tidak ada berkas yang ditolak.", "No file was rejected."),
    "judul_tumpang": ("Responden yang muncul di lebih dari satu berkas",
                      "Respondents found in more than one file"),
    "aturan_tumpang": (
        "Responden yang sama (periode dan responden_id sama) dihitung sekali: salinan di berkas "
        "yang urutan jalurnya lebih awal (abjad) yang dipakai; salinan di berkas berikutnya dilewati.",
        "The same respondent (same periode and responden_id) is counted once: the copy in the "
        "file whose path comes first (alphabetically) counts; copies in later files are skipped.",
    ),
    "tak_ada_tumpang": ("Tidak ada responden yang muncul di dua berkas.",
                        "No respondent appears in two files."),
    "dipakai": ("Berkas yang dipakai", "File that counts"),
    "dilewati": ("Berkas yang dilewati", "File skipped"),
    "bersama": ("Responden bersama (dibulatkan ke {minimum})", "Shared respondents (rounded to {minimum})"),
    "bulat_ket": (
        "Jumlah per berkas dibulatkan ke kelipatan {minimum} terdekat, dan 1 sampai {kecil} tidak "
        "ditampilkan: satu berkas bisa berisi satu kelompok kecil saja (misalnya satu instansi "
        "satu periode), dan jumlah persisnya akan membuka ukuran kelompok itu. Jumlah responden "
        "seluruhnya di atas tetap persis.",
        "Counts per file are rounded to the nearest multiple of {minimum}, and 1 to {kecil} are not "
        "shown: a file may hold just one small group (e.g. one agency in one period), and its "
        "exact count would reveal that group's size. The total of respondents above stays exact.",
    ),
    "judul_abaikan": ("Berkas lain yang diabaikan (bukan .parquet, .csv atau .xlsx)",
                      "Other files ignored (not .parquet, .csv or .xlsx)"),
    "tak_ada_abaikan": ("Tidak ada.", "None."),
    "judul_kontrak": ("Format data (kontrak)", "Data format (contract)"),
    "templat": ("Unduh templat Parquet", "Download Parquet template"),
    "templat_csv": ("Unduh templat CSV", "Download CSV template"),
    "templat_xlsx": ("Unduh templat Excel", "Download Excel template"),
    "kamus": ("Unduh kamus data (CSV)", "Download data dictionary (CSV)"),
    "format_berkas": (
        "**Format berkas:** Parquet (`.parquet`), CSV (`.csv`: pemisah `;` dengan koma desimal "
        "seperti ekspor Excel berbahasa Indonesia, atau `,` dengan titik desimal; dikenali "
        "otomatis) atau Excel (`.xlsx`: data di lembar yang baris judulnya memuat nama kolom di "
        "atas). CSV dan Excel diubah menjadi Parquet di folder cache, tidak pernah di folder data.\n\n"
        "**Pemeriksaan kewajaran:** berkas ditolak bila semua skornya 5 atau kurang (skala 1-5) "
        "atau 1 atau kurang (skala 0-1), atau bila semua skor satu nilai sama persis "
        "(sedikitnya {min_seragam} skor).",
        "**File formats:** Parquet (`.parquet`), CSV (`.csv`: `;` with decimal commas as an "
        "Indonesian Excel export writes it, or `,` with decimal points; detected) or Excel "
        "(`.xlsx`: data on the sheet whose header row names the columns above). CSV and Excel "
        "files are converted to Parquet in the cache folder, never in the data folder.\n\n"
        "**Plausibility checks:** a file is rejected when all its scores are 5 or less (a 1-5 "
        "scale) or 1 or less (a 0-1 scale), or when every score of a value is exactly the same "
        "(at least {min_seragam} scores).",
    ),
    "kontrak": (
        "Satu baris per responden per periode. Nama kolom tidak peka huruf besar/kecil; spasi "
        "dan tanda hubung dibaca sebagai garis bawah.\n\n"
        "**Wajib:** `periode` (tahun, bilangan bulat; boleh dari nama folder `periode=2024/`), "
        "`responden_id` (teks, unik dalam satu periode), `instansi`, `provinsi` (salah satu dari "
        "38 provinsi), dan tujuh skor 0-100: {nilai}. Skor kosong boleh.\n\n"
        "**Opsional:** {opsional}, `level_sosio_emosional` (1-5).",
        "One row per respondent per period. Column names are case-insensitive; spaces and "
        "hyphens count as underscores.\n\n"
        "**Required:** `periode` (year, integer; may come from a folder name `periode=2024/`), "
        "`responden_id` (text, unique within a period), `instansi`, `provinsi` (one of the 38 "
        "provinces), and seven scores 0-100: {nilai}. A blank score is allowed.\n\n"
        "**Optional:** {opsional}, `level_sosio_emosional` (1-5).",
    ),
}

ctx = ui.mulai("data", perlu_filter=False)
k, lang = ctx.keadaan, ctx.lang
st.title(ctx.t(TEKS, "judul"))
if katalog.katalog().galat:
    st.error(ctx.t(TEKS, "galat", galat=aman.md(katalog.katalog().galat)))
st.caption(ctx.t(TEKS, "folder_demo" if k.demo else "folder", akar=aman.kode(k.akar)))
if k.demo:
    st.caption(ui.tx("demo_rinci", lang))

status = pd.Series([h.status for h in k.berkas], dtype="object")
kolom = st.columns(5)
kolom[0].metric(ctx.t(TEKS, "berkas_dimuat"), fmt.bulat(int((status == "dimuat").sum()), lang))
kolom[1].metric(ctx.t(TEKS, "berkas_ditolak"), fmt.bulat(int((status == "ditolak").sum()), lang))
kolom[2].metric(ctx.t(TEKS, "berkas_menunggu"), fmt.bulat(int((status == "menunggu").sum()), lang),
                help=ctx.t(TEKS, "menunggu_ket"))
kolom[3].metric(ctx.t(TEKS, "responden"), fmt.bulat(k.n_responden, lang))
rentang = f" {k.periode[0]}–{k.periode[-1]}" if k.periode else ""
kolom[4].metric(ctx.t(TEKS, "periode") + rentang, fmt.bulat(len(k.periode), lang),
                help=", ".join(map(str, k.periode)))

st.subheader(ctx.t(TEKS, "daftar"))
daftar = pd.DataFrame([{
    "berkas": h.relatif,
    "status": ctx.t(TEKS, h.status),
    "baris": privasi.hitungan_berkas(h.baris, ctx.minimum),
    "periode": ", ".join(map(str, h.periode)),
    "n_instansi": h.n_instansi,
    "alasan": " ".join(validasi.teks_alasan(a, lang) for a in h.alasan),
    "kolom_lain": ", ".join(h.kolom_lain),
} for h in k.berkas], columns=["berkas", "status", "baris", "periode", "n_instansi", "alasan", "kolom_lain"])
st.caption(ctx.t(TEKS, "bulat_ket", minimum=ctx.minimum, kecil=ctx.minimum - 1))
komponen.tabel(ctx, daftar, {c: (ctx.t(TEKS, c, minimum=ctx.minimum), "bulat" if c in ("baris", "n_instansi")
                                 else "teks") for c in daftar.columns}, "berkas")

st.subheader(ctx.t(TEKS, "judul_ditolak"))
if not k.ditolak:
    st.write(ctx.t(TEKS, "tak_ada_ditolak"))
for h in k.ditolak:
    alasan = "\n".join(f"- {aman.md(validasi.teks_alasan(a, lang))}" for a in h.alasan)
    (st.warning if h.status == "ditolak" else st.info)(f"**{aman.md(h.relatif)}**\n\n{alasan}")

st.subheader(ctx.t(TEKS, "judul_tumpang"))
st.write(ctx.t(TEKS, "aturan_tumpang"))
if k.tumpang:
    tumpang = pd.DataFrame([{"dipakai": t.berkas_dipakai, "dilewati": t.berkas_dilewati,
                             "bersama": privasi.hitungan_berkas(t.jumlah, ctx.minimum)} for t in k.tumpang])
    komponen.tabel(ctx, tumpang, {"dipakai": (ctx.t(TEKS, "dipakai"), "teks"),
                                  "dilewati": (ctx.t(TEKS, "dilewati"), "teks"),
                                  "bersama": (ctx.t(TEKS, "bersama", minimum=ctx.minimum), "bulat")}, "tumpang")
else:
    st.write(ctx.t(TEKS, "tak_ada_tumpang"))

st.subheader(ctx.t(TEKS, "judul_abaikan"))
st.markdown("\n".join(f"- {aman.kode(f)}" for f in k.diabaikan) if k.diabaikan else ctx.t(TEKS, "tak_ada_abaikan"))

st.subheader(ctx.t(TEKS, "judul_kontrak"))
st.markdown(ctx.t(TEKS, "kontrak", nilai=", ".join(f"`{v}`" for v in kontrak.KUNCI_NILAI),
                  opsional=", ".join(f"`{c}`" for c in kontrak.OPSIONAL_TEKS)))
st.markdown(ctx.t(TEKS, "format_berkas", min_seragam=fmt.bulat(validasi.MIN_SKOR_SERAGAM, lang)))
unduh = st.columns(4)  # each file written when clicked (no rerun), not on every view
unduh[0].download_button(ctx.t(TEKS, "templat"), templat.templat_parquet,
                         file_name="templat_berakhlak.parquet", mime="application/octet-stream", on_click="ignore")
unduh[1].download_button(ctx.t(TEKS, "templat_csv"), templat.templat_csv,
                         file_name="templat_berakhlak.csv", mime="text/csv", on_click="ignore")
unduh[2].download_button(ctx.t(TEKS, "templat_xlsx"), lambda: templat.templat_xlsx(lang),
                         file_name="templat_berakhlak.xlsx",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore")
unduh[3].download_button(ctx.t(TEKS, "kamus"), lambda: templat.kamus_csv(lang),
                         file_name=f"kamus_data_berakhlak_{lang}.csv", mime="text/csv",
                         on_click="ignore")
