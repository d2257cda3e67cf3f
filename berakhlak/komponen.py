"""Screen pieces shared by several pages: metrics, formatted tables with CSV download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from berakhlak import format as fmt
from berakhlak import i18n, kontrak, layanan, privasi, ui
from berakhlak.kontrak import kosong

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"],
                 "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "BerAKHLAK"}}

# Plotly's own mode-bar tooltips in Indonesian (``config.locales``: plotly.js translates its
# strings through this dictionary; the keys are plotly.js's English strings).
LOKAL_PLOTLY = {"id": {"dictionary": {
    "Download plot as a PNG": "Unduh grafik sebagai PNG",
    "Download plot": "Unduh grafik",
    "Preparing image - this may take a few seconds": "Menyiapkan gambar, mungkin perlu beberapa detik",
    "Zoom": "Perbesar area", "Pan": "Geser", "Zoom in": "Perbesar", "Zoom out": "Perkecil",
    "Autoscale": "Skala otomatis", "Reset axes": "Kembalikan sumbu", "Reset view": "Kembalikan tampilan",
    "Reset": "Kembalikan", "Box Select": "Pilih kotak", "Lasso Select": "Pilih laso",
    "Toggle Spike Lines": "Garis bantu", "Show closest data on hover": "Tampilkan data terdekat",
    "Compare data on hover": "Bandingkan data", "Toggle show closest data on hover": "Data terdekat",
    "Double-click to zoom back out": "Klik dua kali untuk kembali",
}}}

TEKS: dict[str, tuple[str, str]] = {
    "unduh_png": ("Unduh gambar (PNG)", "Download image (PNG)"),
}


def nama_seleksi(ctx: ui.Konteks) -> str:
    """How a sentence names the selection: the whole selection (``cerita.nama_pilihan``:
    "Kementerian di Jawa Tengah"), or 'nasional' (what the data covers when that is not all
    provinces: 'semua data (2 dari 38 provinsi, ...)')."""
    from berakhlak import cerita

    nama = cerita.nama_pilihan(ctx.pilihan, ctx.lang)
    return nama if nama is not None else ui.nama_semua(ctx, kalimat=True)


def tabel(ctx: ui.Konteks, df: pd.DataFrame, kolom: dict[str, tuple[str, str]], nama: str) -> None:
    """Show a table and offer it as CSV. ``kolom`` maps a column to (header, kind): 'desimal'
    or 'bulat' (a figure: when missing it was hidden, and shows its row's privacy marker),
    'selisih' (a signed difference: when missing it does not apply, and shows "–") or 'teks'.
    Screen and file read the same; the file is written when the reader clicks."""
    header = {c: h for c, (h, _) in kolom.items()}
    st.dataframe(gaya_tabel(ctx, df, kolom), hide_index=True)
    ui.unduh_csv(lambda: _untuk_unduhan(ctx, df, kolom).rename(columns=header), nama, ctx.lang,
                 key=f"unduh_{nama}")


def gaya_tabel(ctx: ui.Konteks, df: pd.DataFrame, kolom: dict[str, tuple[str, str]]):
    """The table as shown: numbers in the reader's style; a missing figure reads as its row's
    marker and a difference that does not apply as "–". Streamlit draws its own placeholder
    for an empty cell, so a column with gaps is written out as text; a column without gaps
    stays numeric (it sorts as numbers) and is formatted by the Styler. Its cells hold the
    figures as shown (one decimal, whole counts): the browser gets the data, not only the
    formatted text, and a raw mean there would make differences of published figures exact."""
    header = {c: h for c, (h, _) in kolom.items()}
    tampil = df[list(kolom)].copy()
    tanda = penanda_baris(ctx, df)
    format_ = {}
    for c, (_, jenis) in kolom.items():
        tulis = _pemformat(jenis, ctx.lang)
        if jenis != "teks" and tampil[c].isna().any():
            isi = tanda if jenis != "selisih" else pd.Series(TIDAK_BERLAKU, index=df.index)
            tampil[c] = [tulis(x) if not kosong(x) else t for x, t in zip(tampil[c], isi, strict=True)]
        else:
            if jenis != "teks":
                tampil[c] = [_angka_tampil(x, jenis) for x in tampil[c]]
            format_[header[c]] = tulis
    return tampil.rename(columns=header).style.format(format_)


TIDAK_BERLAKU = "–"
TANPA_DATA = layanan.TANPA_DATA  # a row the page added for a group absent from the data (bool column)


def penanda_baris(ctx: ui.Konteks, df: pd.DataFrame) -> pd.Series:
    """What each row shows instead of a missing figure: its privacy marker, or "tidak ada
    data" for a row marked ``tanpa_data`` (no respondents at all is not a small group)."""
    tanda = pd.Series(privasi.penanda_baris(df, ctx.lang, ctx.minimum), index=df.index)
    if TANPA_DATA in df:
        kosong_ = df[TANPA_DATA].astype("boolean").fillna(False).astype(bool)
        tanda = tanda.where(~kosong_, i18n.t("tidak_ada_data", ctx.lang))
    return tanda


def _untuk_unduhan(ctx: ui.Konteks, df: pd.DataFrame, kolom: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """The table as it will be written to CSV: numbers as shown (one decimal, the language's
    decimal mark, no thousands separator so spreadsheets read them as numbers), hidden figures
    as their marker text, differences that do not apply empty."""
    keluar = df[list(kolom)].astype(object)
    tanda = penanda_baris(ctx, df)
    for c, (_, jenis) in kolom.items():
        if jenis != "teks":
            teks = df[c].map(lambda x, j=jenis: _angka_csv(x, j, ctx.lang))
            keluar[c] = teks.where(df[c].notna(), "" if jenis == "selisih" else tanda)
    return keluar


def _angka_tampil(x, jenis: str) -> float | int | None:
    """A figure as the table shows it: half up to one decimal ('desimal', 'selisih'; never
    -0.0) or a whole count ('bulat', as ``format.bulat`` writes it)."""
    if kosong(x):
        return None
    if jenis == "bulat":
        return int(x)
    return kontrak.bulatkan(x) + 0.0  # -0.0 + 0.0 is 0.0: "0,0" on screen, not "-0,0"


def _angka_csv(x, jenis: str, lang: str) -> str | None:
    if kosong(x):
        return None
    if jenis == "bulat":
        return str(int(x))
    return fmt.angka_csv(x, lang, tanda=jenis == "selisih")


def _alasan(df: pd.DataFrame) -> pd.Series:
    if "alasan_sembunyi" in df:
        return df["alasan_sembunyi"]
    return pd.Series([None] * len(df), index=df.index)


def _pemformat(jenis: str, lang: str):
    """How a present value is written in the reader's style."""
    return {"desimal": lambda x: fmt.desimal(x, lang),
            "selisih": lambda x: fmt.desimal(x, lang, tanda=True),
            "bulat": lambda x: fmt.bulat(x, lang)}.get(jenis, str)


def plotly_config(lang: str = "id", nama_berkas: str | None = None) -> dict:
    """Plotly's config for a chart: its camera button saves ``nama_berkas``.png at scale 2,
    its tooltips in the reader's language."""
    config = {**PLOTLY_CONFIG, "toImageButtonOptions": {**PLOTLY_CONFIG["toImageButtonOptions"]}}
    if nama_berkas:
        config["toImageButtonOptions"]["filename"] = nama_berkas
    if lang in LOKAL_PLOTLY:
        config.update(locale=lang, locales=LOKAL_PLOTLY)
    return config


def grafik(fig, nama_berkas: str | None = None, lang: str | None = None) -> None:
    """A chart with the project's own colours and fonts (not Streamlit's theme); the camera
    button names its file ``nama_berkas`` (selection and period)."""
    lang = lang or i18n.bahasa(st.query_params.get("lang"))
    st.plotly_chart(fig, theme=None, config=plotly_config(lang, nama_berkas))


def asal(ctx: ui.Konteks, banding: str | None = None):
    """The provenance of what the page shows (``cerita.Asal``): source, period, selection,
    minimum group rule, date, the link that reopens this page."""
    from berakhlak import cerita

    banding = banding or st.query_params.get("banding", "nasional")
    jalur = "/" if ctx.halaman == "ringkasan" else f"/{ctx.halaman}"
    return cerita.asal(ctx.keadaan, ctx.pilihan, banding, ctx.lang, jalur=jalur)


def nama_gambar(ctx: ui.Konteks, nama: str) -> str:
    """The image file name (without .png) of chart ``nama``: chart, selection, period."""
    from berakhlak import render_png

    return render_png.nama_berkas(nama, asal(ctx)).removesuffix(".png")


def tombol_png(ctx: ui.Konteks, blok, key: str) -> None:
    """The chart as a PNG with title, selection, period and provenance footer (rendered
    offline by kaleido, only when clicked)."""
    asal_ = asal(ctx)
    nama = blok.nama or key

    def buat() -> bytes:
        from berakhlak import render_png

        return render_png.png(blok, asal_, ctx.lang)

    from berakhlak import render_png

    st.download_button(i18n.teks(TEKS, "unduh_png", ctx.lang), buat, file_name=render_png.nama_berkas(nama, asal_),
                       mime="image/png", key=key, icon=":material/image:", type="tertiary", on_click="ignore")


def catatan_privasi(ctx: ui.Konteks, lebar: pd.DataFrame) -> None:
    """Under a breakdown with hidden groups: what the two markers mean."""
    if "tersembunyi" in lebar and lebar["tersembunyi"].any():
        st.caption(i18n.t("catatan_privasi", ctx.lang, minimum=ctx.minimum))
