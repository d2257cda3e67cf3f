"""Screen pieces shared by several pages: metrics, formatted tables with CSV download."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from berakhlak import format as fmt
from berakhlak import i18n, kontrak, layanan, privasi, statistik, ui
from berakhlak.kontrak import kosong

PLOTLY_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}

TEKS: dict[str, tuple[str, str]] = {
    "nilai": ("Nilai", "Value"),
    "indeks": ("Indeks", "Index"),
    "moe": ("Margin kesalahan (±)", "Margin of error (±)"),
    "kategori": ("Kategori", "Category"),
    "responden": ("Responden", "Respondents"),
    "selisih": ("Selisih", "Difference"),
    "arti": ("Arti selisih", "Meaning"),
    "lebih_tinggi": ("lebih tinggi", "higher"),
    "lebih_rendah": ("lebih rendah", "lower"),
    "setara": ("kurang lebih sama", "about the same"),
    "tidak_pasti": ("kurang lebih sama", "about the same"),
    "indeks_berakhlak": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "beda_bermakna": ("melebihi margin kesalahan", "beyond the margin of error"),
    "beda_tak_bermakna": ("dalam margin kesalahan", "within the margin of error"),
}


def metrik_nilai(tempat, label: str, kunci: str | None, baris: pd.Series, lang: str) -> None:
    """A metric naming a value and its index, e.g. 'Adaptif' / 48,1."""
    if kunci is None:
        tempat.metric(label, "–")
        return
    tempat.metric(label, kontrak.label_nilai(kunci, lang), fmt.desimal(baris[kunci], lang),
                  delta_color="off", delta_arrow="off")


def metrik_perubahan(tempat, baris: pd.Series, lalu: pd.Series | None, periode_lalu,
                     lang: str, kamus: dict) -> None:
    """Change of the index since the previous period, marked only beyond its margin."""
    if lalu is None or kosong(lalu.get("indeks")) or kosong(baris.get("indeks")):
        tempat.metric(i18n.teks(kamus, "perubahan_kosong", lang), "–",
                      i18n.teks(kamus, "tak_ada_lalu", lang), delta_color="off", delta_arrow="off")
        return
    beda = statistik.selisih(baris["indeks"], baris["moe_indeks"], lalu["indeks"], lalu["moe_indeks"])
    bermakna = beda.arah in ("lebih_tinggi", "lebih_rendah")
    catatan = i18n.teks(TEKS, "beda_bermakna" if bermakna else "beda_tak_bermakna", lang)
    tempat.metric(i18n.teks(kamus, "perubahan", lang, periode=periode_lalu),
                  fmt.desimal(beda.beda, lang, tanda=True), catatan,
                  delta_color="normal" if bermakna else "off",
                  delta_arrow=("up" if beda.beda > 0 else "down") if bermakna else "off")


def nama_seleksi(ctx: ui.Konteks) -> str:
    """How a sentence names the selection: its narrowest filter, or 'nasional' (what the
    data covers when that is not all provinces: 'semua data (2 dari 38 provinsi, ...)')."""
    terisi = [v for k, v in ctx.pilihan.terisi().items() if k != "periode"]
    return str(terisi[-1]) if terisi else ui.nama_semua(ctx, kalimat=True)


def tabel(ctx: ui.Konteks, df: pd.DataFrame, kolom: dict[str, tuple[str, str]], nama: str) -> None:
    """Show a table and offer it as CSV. ``kolom`` maps a column to (header, kind): 'desimal'
    or 'bulat' (a figure: when missing it was hidden, and shows its row's privacy marker),
    'selisih' (a signed difference: when missing it does not apply, and shows "–") or 'teks'.
    Screen and file read the same."""
    header = {c: h for c, (h, _) in kolom.items()}
    st.dataframe(gaya_tabel(ctx, df, kolom), hide_index=True)
    ui.unduh_csv(_untuk_unduhan(ctx, df, kolom).rename(columns=header), nama, ctx.lang, key=f"unduh_{nama}")


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


def tabel_nilai(ctx: ui.Konteks, baris: pd.Series, banding: pd.Series | None,
                nama_banding: str | None, nama: str) -> None:
    """The seven values (and the index) of a selection beside its benchmark."""
    lang = ctx.lang
    baris_tabel = []
    for kunci in (*kontrak.KUNCI_NILAI, "indeks"):
        label = i18n.teks(TEKS, "indeks_berakhlak", lang) if kunci == "indeks" else kontrak.label_nilai(kunci, lang)
        moe = baris.get(f"moe_{kunci}")
        kode = kontrak.kategori(baris.get(kunci))
        r = {"nilai": label, "skor": baris.get(kunci), "moe": moe,
             "kategori": f"{kode} · {kontrak.label_kategori(kode, lang)}" if kode else "",
             "n": baris.get(f"n_{kunci}", baris.get("n"))}
        if banding is not None:
            b, moe_b = banding.get(kunci), banding.get(f"moe_{kunci}")
            beda = None if kosong(r["skor"]) or kosong(b) else statistik.selisih(r["skor"], moe, b, moe_b)
            r.update(banding=b, selisih=beda.beda if beda else None,
                     arti=i18n.teks(TEKS, beda.arah, lang) if beda else "")
        baris_tabel.append(r)
    df = pd.DataFrame(baris_tabel).assign(alasan_sembunyi=None)
    kolom = {"nilai": (i18n.teks(TEKS, "nilai", lang), "teks"),
             "skor": (i18n.teks(TEKS, "indeks", lang), "desimal"),
             "moe": (i18n.teks(TEKS, "moe", lang), "desimal"),
             "kategori": (i18n.teks(TEKS, "kategori", lang), "teks"),
             "n": (i18n.teks(TEKS, "responden", lang), "bulat")}
    if banding is not None:
        kolom.update({"banding": (nama_banding, "desimal"),
                      "selisih": (i18n.teks(TEKS, "selisih", lang), "selisih"),
                      "arti": (i18n.teks(TEKS, "arti", lang), "teks")})
    tabel(ctx, df, kolom, nama)


def grafik(fig) -> None:
    """A chart with the project's own colours and fonts (not Streamlit's theme)."""
    st.plotly_chart(fig, theme=None, config=PLOTLY_CONFIG)


def catatan_privasi(ctx: ui.Konteks, lebar: pd.DataFrame) -> None:
    """Under a breakdown with hidden groups: what the two markers mean."""
    if "tersembunyi" in lebar and lebar["tersembunyi"].any():
        st.caption(i18n.t("catatan_privasi", ctx.lang, minimum=ctx.minimum))
