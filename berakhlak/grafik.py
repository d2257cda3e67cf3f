"""Charts: pure functions from a DataFrame to a Plotly figure (no I/O, nothing fetched).

Made for a desk screen and for a projector at 1280x720 read from the back of a room: large
type, high contrast, colour-blind-safe colours (:mod:`berakhlak.warna`) and numbers in the
reader's style (layout ``separators`` and texts from :mod:`berakhlak.format`). Hidden groups
(``tersembunyi`` true, or a missing figure) never show a number: the marker text ``penanda``
(e.g. "< 10 responden") stands where the bar or cell would be. No figure reaches the browser
more precise than it is shown: :func:`_figur` rounds every number in the traces half up to one
decimal (texts and hovers are written with :mod:`berakhlak.format`, which rounds the same way).

Input frames come from ``statistik.ringkas`` + ``privasi.terapkan``:

* wide (``lebar``): one row per ``kelompok`` with ``n``, per value key ``v`` the columns
  ``v, moe_v, n_v, pa_v..pd_v``, plus ``indeks, moe_indeks, kategori, plv1..plv5, n_lv,
  tersembunyi``;
* long (``panjang``): ``kelompok, nilai, skor, moe, n, pa, pb, pc, pd`` (+ ``tersembunyi``).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from berakhlak import format as fmt
from berakhlak import i18n, kontrak, peta, statistik, warna
from berakhlak.i18n import teks
from berakhlak.kontrak import kosong

TEKS: dict[str, tuple[str, str]] = {
    "skor": ("Skor", "Score"),
    "sumbu_skor": ("Skor (0–100)", "Score (0–100)"),
    "sumbu_indeks": ("Indeks (0–100)", "Index (0–100)"),
    "sumbu_persen": ("Persentase responden", "Share of respondents"),
    "sumbu_periode": ("Periode", "Period"),
    "indeks": ("Indeks Implementasi BerAKHLAK", "BerAKHLAK Implementation Index"),
    "skala_peta": ("Indeks (lebih gelap = lebih tinggi)", "Index (darker = higher)"),
    "pembanding": ("Pembanding", "Benchmark"),
    "responden": ("Responden", "Respondents"),
    "kategori": ("Kategori", "Category"),
    "level": ("Level sosio-emosional", "Socio-emotional level"),
    "tersembunyi": ("Tersembunyi ({penanda})", "Hidden ({penanda})"),
    "pelengkap": ("ikut disembunyikan", "also hidden"),
    "tidak_ada_data": ("Tidak ada data", "No data"),
    "signifikan": ("Perubahan signifikan", "Significant change"),
    "pilihan_ini": ("Pilihan ini", "This selection"),
    "skala_selisih": ("Selisih", "Difference"),
    "selisih_dari": ("Selisih dari {nama}: {beda}", "Difference from {nama}: {beda}"),
    "melebihi_moe": ("Melebihi margin kesalahan", "Beyond the margin of error"),
    "dalam_moe": ("dalam margin kesalahan", "within the margin of error"),
    "catatan_signifikan": (
        "Perubahan dari periode sebelumnya melebihi margin galat",
        "Change from the previous period exceeds the margin of error",
    ),
}

PEMISAH = {"id": ",.", "en": ".,"}  # layout.separators: decimal mark, then thousands mark
HURUF = "Arial, 'Helvetica Neue', Helvetica, 'Liberation Sans', sans-serif"
UKURAN_HURUF = 17
UKURAN_TICK = 16
UKURAN_TEKS_DATA = 16
UKURAN_UBIN = 15
UKURAN_NAMA_UBIN = 11
RASIO_UBIN = 1.25  # map tiles are wider than tall: two short lines of text fit better
BATAS_TEKS_BAGIAN = 0.06  # no percentage written in a stacked segment under 6 %
JENIS_DILARANG = frozenset(
    {"scattergeo", "choropleth", "choroplethmapbox", "scattermapbox", "choroplethmap",
     "scattermap", "densitymap", "densitymapbox"}
)


# ----------------------------------------------------------------------------- helpers


def _t(kunci: str, lang: str, **isi) -> str:
    return teks(TEKS, kunci, lang, **isi)


def _daftar(nilai: Iterable) -> list:
    """A plain list with None for missing figures (JSON-safe, what Plotly reads as a gap)."""
    return [None if kosong(x) else float(x) for x in nilai]


def _angka(x, lang: str) -> str:
    return fmt.desimal(x, lang, 1)


def _bendera(df: pd.DataFrame, kolom: str) -> pd.Series:
    """A boolean column as plain bools (missing column or value -> False)."""
    if kolom in df:
        return df[kolom].astype("boolean").fillna(False).astype(bool)
    return pd.Series(False, index=df.index)


def _sembunyi(df: pd.DataFrame, kolom: str | None = None) -> pd.Series:
    """True where a row is hidden for privacy, or (with ``kolom``) its figure is missing."""
    tanda = _bendera(df, "tersembunyi")
    if kolom is not None:
        tanda = tanda | df[kolom].isna()
    return tanda


def _luminans(hex_warna: str) -> float:
    kanal = [int(hex_warna.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanal]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def warna_teks(latar: str) -> str:
    """Black or white, whichever contrasts more with ``latar`` (WCAG contrast ratio)."""
    lum = _luminans(latar)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def _bungkus(isi: str, lebar: int = 10) -> str:
    return "<br>".join(textwrap.wrap(isi, lebar, break_long_words=False)) or isi


def _hover(judul: str, baris: Iterable[str]) -> str:
    return "<br>".join([f"<b>{judul}</b>", *[b for b in baris if b]])


def _baris_skor(skor, moe, lang: str) -> str:
    isi = f"{_t('skor', lang)}: {_angka(skor, lang)}"
    return isi if kosong(moe) else f"{isi} ± {_angka(moe, lang)}"


def _baris_n(n, lang: str) -> str:
    return "" if kosong(n) else f"{_t('responden', lang)}: {fmt.bulat(n, lang)}"


def _kode_kategori(lebar: pd.DataFrame) -> list[str | None]:
    """Category code per row: the ``kategori`` column, or derived from ``indeks``."""
    dari_kolom = lebar["kategori"] if "kategori" in lebar else pd.Series(None, index=lebar.index)
    return [
        k if isinstance(k, str) and k in warna.KATEGORI else kontrak.kategori(i)
        for k, i in zip(dari_kolom, lebar["indeks"], strict=True)
    ]


def _label_kategori(kode: str, lang: str) -> str:
    return f"{kode} {kontrak.label_kategori(kode, lang)}"


def _tinggi(jumlah: int, per_baris: int, tambahan: int = 140, minimum: int = 300) -> int:
    return max(minimum, per_baris * jumlah + tambahan)


# The shared look, built once: large type, white background, legend on top. Charts add their
# own settings on top (a deep merge, as update_layout / update_xaxes would do).
_SUMBU = dict(
    automargin=True, tickfont=dict(size=UKURAN_TICK), title=dict(font=dict(size=UKURAN_HURUF)),
    gridcolor=warna.GARIS_KISI, zeroline=False, linecolor=warna.TEKS,
)
_LETAK = dict(
    font=dict(family=HURUF, size=UKURAN_HURUF, color=warna.TEKS),
    paper_bgcolor=warna.LATAR,
    plot_bgcolor=warna.LATAR,
    margin=dict(l=10, r=30, t=30, b=10, autoexpand=True),
    legend=dict(
        orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0,
        font=dict(size=UKURAN_TICK), title=dict(text=""), traceorder="normal",
    ),
    hoverlabel=dict(font=dict(size=UKURAN_TICK, color=warna.TEKS), bgcolor="white"),
    uniformtext=dict(minsize=15, mode="hide"),
    xaxis=_SUMBU,
    yaxis=_SUMBU,
)
TEMPLAT = "plotly_white"


def _gabung(dasar: dict, *tambahan: dict) -> dict:
    """A new dict: ``dasar`` deep-merged with each of ``tambahan`` in turn (nested dicts
    merge, anything else replaces). Never shares a nested dict with its inputs."""
    hasil = {k: _gabung(v) if isinstance(v, dict) else v for k, v in dasar.items()}
    for lapis in tambahan:
        for k, v in lapis.items():
            if isinstance(v, dict):
                hasil[k] = _gabung(hasil[k], v) if isinstance(hasil.get(k), dict) else _gabung(v)
            else:
                hasil[k] = v
    return hasil


def _letak(lang: str, tinggi: int, legenda: bool = True, *tambahan: dict) -> dict:
    """The layout dict of a chart: the shared look plus the chart's own settings."""
    dasar = dict(height=tinggi, separators=PEMISAH.get(lang, PEMISAH["id"]), showlegend=legenda)
    return _gabung(_LETAK, dasar, *tambahan)


def _pasang_templat(fig: go.Figure) -> go.Figure:
    """Set the ``plotly_white`` template without re-validating it (as Plotly itself sets its
    default template): validating the template anew cost ~10 ms per figure."""
    templat = pio.templates[TEMPLAT]
    layout = fig.layout
    if not hasattr(layout, "_validate"):  # other Plotly internals: the ordinary (slow) way
        return fig.update_layout(template=templat)
    sah = layout._validate
    layout._validate = False
    try:
        layout.template = templat  # stored as a fresh copy of its JSON
    finally:
        layout._validate = sah
    return fig


# Trace attributes that carry figures (as opposed to styling). Whatever they hold goes to the
# browser, so it is rounded to what the chart shows: one decimal for indexes, margins and
# percentages (half up, as ``kontrak.bulatkan`` and the texts do), counts stay whole.
_ATRIBUT_ANGKA = ("x", "y", "z", "customdata", "text", "hovertext", "values")
_ATRIBUT_ANGKA_BAGIAN = {"error_x": ("array", "arrayminus"), "error_y": ("array", "arrayminus"),
                         "marker": ("size",)}


def _bulatkan_isi(isi):
    """``isi`` with every float rounded half up to one decimal (lists and arrays element by
    element); whole numbers, texts and None stay as they are, NaN becomes None (a gap)."""
    if isinstance(isi, bool | int | str) or isi is None:
        return isi
    if isinstance(isi, float):
        return kontrak.bulatkan(isi) if math.isfinite(isi) else None
    if hasattr(isi, "tolist"):  # numpy arrays and scalars, pandas objects
        return _bulatkan_isi(isi.tolist())
    if isinstance(isi, list | tuple):
        return [_bulatkan_isi(x) for x in isi]
    return isi


def _bulatkan_jejak(jejak: dict) -> dict:
    """A trace dict whose figures are rounded to what is displayed (a shallow copy)."""
    hasil = dict(jejak)
    for atribut in _ATRIBUT_ANGKA:
        if atribut in hasil:
            hasil[atribut] = _bulatkan_isi(hasil[atribut])
    for atribut, bagian in _ATRIBUT_ANGKA_BAGIAN.items():
        if isinstance(hasil.get(atribut), dict):
            hasil[atribut] = {k: _bulatkan_isi(v) if k in bagian else v
                              for k, v in hasil[atribut].items()}
    return hasil


def _figur(jejak: Iterable, lang: str, tinggi: int, legenda: bool = True,
           *tambahan: dict) -> go.Figure:
    """The figure in one go: traces (dicts) and the whole layout validated once. Every figure
    in the traces is rounded here, the one way out to the browser (issue 7: an unrounded mean
    would turn an approximate difference between published figures into an exact one)."""
    fig = go.Figure(data=[_bulatkan_jejak(j) for j in jejak],
                    layout=_letak(lang, tinggi, legenda, *tambahan))
    return _pasang_templat(fig)


def _tata_letak(fig: go.Figure, lang: str, tinggi: int, legenda: bool = True) -> go.Figure:
    """Shared look on an existing figure: large type, white background, language
    separators, legend on top."""
    fig.update_layout(_letak(lang, tinggi, legenda))
    return _pasang_templat(fig)


def _sumbu_kategori(label: Sequence[str], judul: str = "") -> dict:
    """Horizontal bars: categories top to bottom in the order of ``label`` (layout part)."""
    return dict(yaxis=dict(
        type="category", categoryorder="array", categoryarray=list(label),
        autorange="reversed", title=dict(text=judul), showgrid=False, ticks="",
    ))


def _sumbu_persen_x(judul: str, lang: str) -> dict:
    return dict(xaxis=dict(
        range=[0, 100], dtick=25, title=dict(text=judul),
        ticksuffix=" %" if lang == "id" else "%",
    ))


def _penanda_per_baris(data: pd.DataFrame, penanda: str, lang: str) -> list[str]:
    """The marker of each row: ``penanda``, or for a group hidden only as a complement (so a
    small group cannot be subtracted out, ``alasan_sembunyi`` "pelengkap") a marker saying so."""
    if "alasan_sembunyi" not in data:
        return [penanda] * len(data)
    return [_t("pelengkap", lang) if a == "pelengkap" else penanda for a in data["alasan_sembunyi"]]


def _jejak_penanda(label: Sequence[str], teks: Sequence[str]) -> dict:
    """Marker text drawn where the bars of hidden groups would start (no number)."""
    return dict(
        type="scatter",
        x=[1] * len(label), y=list(label), mode="text", text=list(teks),
        textposition="middle right", cliponaxis=False, showlegend=False, name="",
        textfont=dict(size=UKURAN_TEKS_DATA, color=warna.TEKS_PENANDA),
        hovertext=list(teks), hoverinfo="text",
    )


def _legenda_kotak(nama: str, isi: str, simbol: str = "square", garis: str | None = None):
    """A legend-only entry (no data) showing a coloured square."""
    return dict(
        type="scatter",
        x=[None], y=[None], mode="markers", name=nama, showlegend=True, hoverinfo="skip",
        marker=dict(symbol=simbol, size=16, color=isi,
                    line=dict(color=garis or isi, width=3 if garis else 0)),
    )


def _batang_skor(label, skor, moe, isi: Sequence[str], hover, lang: str) -> dict:
    """Horizontal bars with error bars and the score written inside, at the bar's base."""
    return dict(
        type="bar",
        x=_daftar(skor), y=list(label), orientation="h", showlegend=False,
        marker=dict(color=list(isi), line=dict(width=0)),
        error_x=dict(type="data", array=_daftar(moe), visible=True, color=warna.TEKS,
                     thickness=2, width=8),
        text=[_angka(s, lang) for s in skor], textposition="inside", insidetextanchor="start",
        textfont=dict(size=UKURAN_TEKS_DATA, color=[warna_teks(w) for w in isi]),
        hovertext=list(hover), hoverinfo="text", cliponaxis=False,
    )


def _penanda_jejak(label: Sequence[str], penanda: str | Sequence[str]) -> list[dict]:
    """The marker trace of hidden rows (none when nothing is hidden)."""
    if not len(label):
        return []
    teks = [penanda] * len(label) if isinstance(penanda, str) else list(penanda)
    return [_jejak_penanda(label, teks)]


# ----------------------------------------------------------------------- seven values


def _data_nilai(panjang: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per value in the official order (the first ``kelompok`` if several)."""
    data = panjang[panjang["nilai"].isin(kontrak.KUNCI_NILAI)]
    if "kelompok" in data and data["kelompok"].nunique() > 1:
        data = data[data["kelompok"] == data["kelompok"].iloc[0]]
    data = data.drop_duplicates("nilai").set_index("nilai")
    data = data.loc[[k for k in kontrak.KUNCI_NILAI if k in data.index]].copy()
    data["label"] = [kontrak.label_nilai(k, lang) for k in data.index]
    data["sembunyi"] = _sembunyi(data, "skor")
    return data


def _jejak_pembanding(pembanding: pd.DataFrame, lang: str, nama: str) -> dict:
    data = _data_nilai(pembanding, lang)
    data = data[~data["sembunyi"]]
    return dict(
        type="scatter",
        x=_daftar(data["skor"]), y=data["label"].tolist(), mode="markers", name=nama,
        showlegend=True, cliponaxis=False,
        # open, so the margin-of-error bar at the bar's end stays visible through it
        marker=dict(symbol="diamond-open", size=20, color=warna.PEMBANDING,
                    line=dict(color=warna.PEMBANDING, width=3)),
        hovertext=[_hover(nama, [f"{lab}: {_angka(s, lang)}"])
                   for lab, s in zip(data["label"], data["skor"], strict=True)],
        hoverinfo="text",
    )


def batang_nilai(
    panjang: pd.DataFrame,
    lang: str,
    penanda: str,
    pembanding: pd.DataFrame | None = None,
    label_pembanding: str = "",
) -> go.Figure:
    """The seven value scores as horizontal bars (official order, top to bottom), 0-100.

    ``panjang`` needs ``nilai, skor, moe`` (``n`` and ``tersembunyi`` used when present);
    ``pembanding`` is a long frame of the benchmark, drawn as open black diamonds.
    """
    data = _data_nilai(panjang, lang)
    tampil = data[~data["sembunyi"]]
    hover = [
        _hover(b["label"], [_baris_skor(b["skor"], b.get("moe"), lang), _baris_n(b.get("n"), lang)])
        for b in kontrak.baris(tampil)
    ]
    isi = [warna.NILAI[k] for k in tampil.index]
    jejak = [_batang_skor(tampil["label"], tampil["skor"], tampil["moe"], isi, hover, lang)]
    jejak += _penanda_jejak(data.loc[data["sembunyi"], "label"].tolist(), penanda)
    ada_pembanding = pembanding is not None and not pembanding.empty
    if ada_pembanding:
        nama = label_pembanding or _t("pembanding", lang)
        jejak.append(_jejak_pembanding(pembanding, lang, nama))
    return _figur(jejak, lang, 500, ada_pembanding, _sumbu_kategori(data["label"].tolist()),
                  dict(xaxis=dict(range=[0, 100], dtick=25,
                                  title=dict(text=_t("sumbu_skor", lang)))))


# ------------------------------------------------------------------- 100 % stacked bars


def _jejak_bagian(label, bagian, nama: str, isi: str, lang: str) -> dict:
    """One segment of a 100 % stacked bar: shares 0-1 drawn as percentages."""
    teks_bagian = [
        fmt.persen(b, lang) if not kosong(b) and b >= BATAS_TEKS_BAGIAN else "" for b in bagian
    ]
    return dict(
        type="bar",
        x=[None if kosong(b) else 100 * float(b) for b in bagian], y=list(label),
        orientation="h", name=nama, marker=dict(color=isi, line=dict(color="white", width=1)),
        text=teks_bagian, textposition="inside", insidetextanchor="middle",
        textfont=dict(size=UKURAN_TEKS_DATA, color=warna_teks(isi)),
        hovertext=[_hover(lab, [f"{nama}: {fmt.persen(b, lang, 1)}"])
                   for lab, b in zip(label, bagian, strict=True)],
        hoverinfo="text",
    )


def _tumpuk(
    data: pd.DataFrame, label: str, komponen: Sequence[tuple[str, str, str]], lang: str,
    penanda: str,
) -> list[dict]:
    """100 % stacked horizontal bars; ``komponen`` = (column, legend name, colour).

    Rows are hidden when ``tersembunyi`` is true or the first component is missing.
    """
    sembunyi = _sembunyi(data, komponen[0][0])
    tampil = data[~sembunyi]
    jejak = [
        _jejak_bagian(tampil[label].astype(str), tampil[kolom], nama, isi, lang)
        for kolom, nama, isi in komponen
    ]
    return jejak + _penanda_jejak(data.loc[sembunyi, label].astype(str).tolist(),
                                  _penanda_per_baris(data[sembunyi], penanda, lang))


def sebaran_kategori(panjang: pd.DataFrame, lang: str, penanda: str) -> go.Figure:
    """Per value, the shares of respondents in categories A-D (columns ``pa..pd``)."""
    data = _data_nilai(panjang, lang).reset_index()
    komponen = [
        (f"p{kode.lower()}", _label_kategori(kode, lang), warna.KATEGORI[kode])
        for kode, *_ in kontrak.KATEGORI
    ]
    jejak = _tumpuk(data, "label", komponen, lang, penanda)
    return _figur(jejak, lang, _tinggi(len(data), 56), True, dict(barmode="stack"),
                  _sumbu_kategori(data["label"].tolist()),
                  _sumbu_persen_x(_t("sumbu_persen", lang), lang))


def sebaran_level(lebar: pd.DataFrame, lang: str, penanda: str) -> go.Figure:
    """Per ``kelompok``, the shares at socio-emotional levels 1-5 (columns ``plv1..plv5``)."""
    komponen = [
        (f"plv{i}", f"{i} {label_id if lang == 'id' else label_en}", warna.LEVEL[i])
        for i, (label_id, label_en) in kontrak.LEVEL_SOSIO.items()
    ]
    jejak = _tumpuk(lebar, "kelompok", komponen, lang, penanda)
    return _figur(jejak, lang, _tinggi(len(lebar), 48), True, dict(barmode="stack"),
                  _sumbu_kategori(lebar["kelompok"].astype(str).tolist()),
                  _sumbu_persen_x(_t("sumbu_persen", lang), lang),
                  dict(legend=dict(title=dict(text=_t("level", lang) + ":"))))


# ---------------------------------------------------------------------------- ranking


def _urut_peringkat(lebar: pd.DataFrame) -> pd.DataFrame:
    """Highest index first; hidden groups last, by name."""
    data = lebar.assign(
        _label=lebar["kelompok"].astype(str), _sembunyi=_sembunyi(lebar, "indeks"),
        _kode=_kode_kategori(lebar),
    )
    tampil = data[~data["_sembunyi"]].sort_values(["indeks", "_label"], ascending=[False, True])
    return pd.concat([tampil, data[data["_sembunyi"]].sort_values("_label")])


def _legenda_kategori(lang: str, ada: Iterable[str | None]) -> list[dict]:
    """Legend entries of the categories that occur in ``ada`` (in A-D order): a legend
    naming a colour the chart does not use would read as a finding."""
    ada = set(ada)
    return [_legenda_kotak(_label_kategori(kode, lang), warna.KATEGORI[kode])
            for kode, *_ in kontrak.KATEGORI if kode in ada]


def peringkat(lebar: pd.DataFrame, lang: str, penanda: str, judul_sumbu: str,
              sorot: str | None = None, nama_sorot: str = "") -> go.Figure:
    """Groups ranked by ``indeks`` (highest on top), coloured by category, with ``moe_indeks``.

    ``lebar`` needs ``kelompok, indeks`` (``moe_indeks, kategori, n, tersembunyi`` if present).
    ``sorot`` (a ``kelompok`` as drawn) is the selection among its peers: its bar is outlined
    in black, its name bold, and a legend entry ``nama_sorot`` (default "Pilihan ini") says so.
    """
    data = _urut_peringkat(lebar)
    tampil = data[~data["_sembunyi"]]
    moe = tampil["moe_indeks"] if "moe_indeks" in tampil else [None] * len(tampil)
    n = tampil["n"] if "n" in tampil else [None] * len(tampil)
    hover = [
        _hover(lab, [_baris_skor(s, m, lang), _baris_n(jml, lang),
                     f"{_t('kategori', lang)}: {_label_kategori(k, lang)}"])
        for lab, s, m, jml, k in zip(tampil["_label"], tampil["indeks"], moe, n, tampil["_kode"], strict=True)
    ]
    isi = [warna.KATEGORI[k] for k in tampil["_kode"]]
    batang = _batang_skor(tampil["_label"], tampil["indeks"], moe, isi, hover, lang)
    label = data["_label"].tolist()
    sumbu = _sumbu_kategori(label, judul_sumbu)
    ada_sorot = sorot is not None and sorot in set(tampil["_label"])
    if ada_sorot:
        batang["marker"]["line"] = dict(color=warna.PEMBANDING,
                                        width=[4 if lab == sorot else 0 for lab in tampil["_label"]])
        sumbu["yaxis"].update(tickmode="array", tickvals=label,
                              ticktext=[f"<b>{lab}</b>" if lab == sorot else lab for lab in label])
    jejak = [batang]
    tersembunyi = data[data["_sembunyi"]]
    jejak += _penanda_jejak(tersembunyi["_label"].tolist(),
                            _penanda_per_baris(tersembunyi, penanda, lang))
    jejak += _legenda_kategori(lang, tampil["_kode"])
    if ada_sorot:
        jejak.append(_legenda_kotak(nama_sorot or _t("pilihan_ini", lang), "white", "square",
                                    warna.PEMBANDING))
    return _figur(jejak, lang, _tinggi(len(data), 30, tambahan=130), True, dict(bargap=0.15),
                  sumbu,
                  dict(xaxis=dict(range=[0, 100], dtick=25,
                                  title=dict(text=_t("sumbu_indeks", lang)))))


# ------------------------------------------------------------------------ province map

# Tile fill codes: categories A-D, then hidden, then absent from the frame.
_KODE_UBIN = (*warna.KATEGORI, "tersembunyi", "kosong")
_WARNA_UBIN = (*warna.KATEGORI.values(), warna.TERSEMBUNYI, warna.KOSONG)


def _skala_diskret(daftar_warna: Sequence[str]) -> list[list]:
    """A stepped colorscale: code i (on zmin=-0.5, zmax=len-0.5) gets colour i."""
    langkah = len(daftar_warna)
    return [
        [batas / langkah, w] for i, w in enumerate(daftar_warna) for batas in (i, i + 1)
    ]


def _nama_ubin(singkat: str) -> str:
    """The province's short name, drawn smaller than the index so both fit a narrow tile."""
    return f"<span style='font-size:{UKURAN_NAMA_UBIN}px'>{singkat}</span>"


def _isi_ubin(baris: dict | None, nama: str, lang: str, penanda: str) -> tuple[int, str, str]:
    """(fill code, tile text, hover text) of one province."""
    singkat = _nama_ubin(peta.UBIN[nama].singkat)
    if baris is None:
        return _KODE_UBIN.index("kosong"), singkat, _hover(nama, [_t("tidak_ada_data", lang)])
    if baris["_sembunyi"]:
        if baris.get("alasan_sembunyi") == "pelengkap":
            penanda = _t("pelengkap", lang)
        return (_KODE_UBIN.index("tersembunyi"), f"{singkat}<br>{_bungkus(penanda)}",
                _hover(nama, [penanda]))
    kode = baris["_kode"]
    hover = _hover(nama, [
        _baris_skor(baris["indeks"], baris.get("moe_indeks"), lang),
        f"{_t('kategori', lang)}: {_label_kategori(kode, lang)}", _baris_n(baris.get("n"), lang),
    ])
    return _KODE_UBIN.index(kode), f"{singkat}<br><b>{_angka(baris['indeks'], lang)}</b>", hover


def _baris_provinsi(lebar: pd.DataFrame) -> dict[str, dict]:
    """Rows of ``lebar`` by province name (matched case-insensitively)."""
    data = lebar.assign(_sembunyi=_sembunyi(lebar, "indeks"), _kode=_kode_kategori(lebar))
    per_nama = {str(b["kelompok"]).strip().casefold(): b for b in kontrak.baris(data)}
    return {nama: per_nama[nama.casefold()] for nama in peta.UBIN if nama.casefold() in per_nama}


def _grid(isi) -> list[list]:
    return [[isi] * peta.JUMLAH_KOLOM for _ in range(peta.JUMLAH_BARIS)]


def _grid_peta(baris_prov: dict[str, dict], lang: str, penanda: str) -> tuple[list, list, list]:
    """z (fill codes), text and hover on the tile grid; None/"" where there is sea."""
    z, tulisan, hover = _grid(None), _grid(""), _grid("")
    for nama, u in peta.UBIN.items():
        kode, tulis, layang = _isi_ubin(baris_prov.get(nama), nama, lang, penanda)
        z[u.baris][u.kolom], tulisan[u.baris][u.kolom], hover[u.baris][u.kolom] = (
            kode, tulis, layang)
    return z, tulisan, hover


def _grid_indeks(baris_prov: dict[str, dict]) -> list:
    """The index of each shown province on the tile grid (None elsewhere)."""
    z = _grid(None)
    for nama, u in peta.UBIN.items():
        baris = baris_prov.get(nama)
        if baris is not None and not kosong(baris.get("indeks")) and not bool(baris.get("tersembunyi", False)):
            z[u.baris][u.kolom] = float(baris["indeks"])
    return z


def _rentang_peta(z: list) -> tuple[float, float]:
    """Colour range in whole steps of 5 around the provinces shown (their rounded index), so
    differences read."""
    isi = [kontrak.bulatkan(v) for baris in z for v in baris if v is not None]
    if not isi:
        return 0.0, 100.0
    bawah, atas = 5 * math.floor(min(isi) / 5), 5 * math.ceil(max(isi) / 5)
    return float(bawah), float(max(atas, bawah + 5))


def peta_provinsi(lebar: pd.DataFrame, lang: str, penanda: str) -> go.Figure:
    """Tile map of the 38 provinces coloured by ``indeks`` on a continuous colour-blind-safe
    scale (offline: no map tiles or shapes). Each tile says its short name, index and, in the
    hover, the category. Provinces absent from the frame are light grey; hidden ones grey with
    the marker text.
    """
    baris_prov = _baris_provinsi(lebar)
    kode, tulisan, hover = _grid_peta(baris_prov, lang, penanda)
    z = _grid_indeks(baris_prov)
    abu = [[(k - 4 if k is not None and k >= 4 else None) for k in baris] for baris in kode]

    def lapis(isi: list) -> dict:
        saring = lambda grid: [[t if v is not None else "" for t, v in zip(bt, bv, strict=True)]  # noqa: E731
                               for bt, bv in zip(grid, isi, strict=True)]
        return dict(z=isi, x=list(range(peta.JUMLAH_KOLOM)), y=list(range(peta.JUMLAH_BARIS)),
                    xgap=4, ygap=4, text=saring(tulisan), texttemplate="%{text}",
                    textfont=dict(size=UKURAN_UBIN), hovertext=saring(hover), hoverinfo="text",
                    hoverongaps=False, name="")

    zmin, zmax = _rentang_peta(z)
    jejak = [
        dict(type="heatmap", colorscale=warna.SKALA_PETA, zmin=zmin, zmax=zmax,
             colorbar=dict(title=dict(text=_t("skala_peta", lang), side="top"), orientation="h",
                           thickness=14, len=0.45, x=0.5, xanchor="center", y=-0.02,
                           yanchor="top"),
             **lapis(z)),
        dict(type="heatmap", colorscale=_skala_diskret((warna.TERSEMBUNYI, warna.KOSONG)),
             zmin=-0.5, zmax=1.5, showscale=False, **lapis(abu)),
    ]
    ada = {k for baris in kode for k in baris if k is not None}  # only what the map shows
    if _KODE_UBIN.index("tersembunyi") in ada:
        jejak.append(_legenda_kotak(_t("tersembunyi", lang, penanda=penanda), warna.TERSEMBUNYI))
    if _KODE_UBIN.index("kosong") in ada:
        jejak.append(_legenda_kotak(_t("tidak_ada_data", lang), warna.KOSONG))
    polos = dict(showgrid=False, zeroline=False, showticklabels=False, ticks="", showline=False,
                 constrain="domain", title=dict(text=""))
    return _figur(jejak, lang, 540, True, dict(
        xaxis=dict(range=[-0.5, peta.JUMLAH_KOLOM - 0.5], **polos),
        yaxis=dict(range=[-0.5, peta.JUMLAH_BARIS - 0.5], scaleanchor="x",
                   scaleratio=1 / RASIO_UBIN, constraintoward="top", **polos),
    ))


# ------------------------------------------------------------------------------ trend


def _teks_periode(x) -> str:
    """A period as a category label: 2022, 2022.0 and "2022" all give "2022"."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def _urut_periode(*kolom: Iterable) -> list[str]:
    """All periods present, sorted (numerically when they are numbers), as labels."""
    unik = {x for k in kolom for x in k if not kosong(x)}
    try:
        urut = sorted(unik)
    except TypeError:
        urut = sorted(unik, key=str)
    return list(dict.fromkeys(_teks_periode(x) for x in urut))


def _sejajarkan(df: pd.DataFrame, periode: Sequence[str], kolom_periode: str) -> pd.DataFrame:
    """One row per period in ``periode`` (absent periods as empty rows)."""
    data = df.assign(_p=df[kolom_periode].map(_teks_periode))
    data = data.drop_duplicates("_p").set_index("_p")
    data = data.reindex(list(periode))
    data["_sembunyi"] = _sembunyi(data)
    return data


def _kunci_tren(df: pd.DataFrame) -> list[str]:
    ada = set(df["nilai"])
    return [k for k in ("indeks", *kontrak.KUNCI_NILAI) if k in ada]


def _label_seri(kunci: str, lang: str) -> str:
    return _t("indeks", lang) if kunci == "indeks" else kontrak.label_nilai(kunci, lang)


def _y_tren(data: pd.DataFrame) -> list:
    """Scores per period; None (a gap) where absent, missing or hidden."""
    return [None if s else v for s, v in zip(data["_sembunyi"], _daftar(data["skor"]), strict=True)]


def _titik_signifikan(data: pd.DataFrame, y: list, kunci: str) -> list[bool]:
    """Per period, whether the change since the previous period with a figure exceeds the
    combined margin (the rule of :func:`statistik.tandai_perubahan`).

    The index series uses a ``signifikan`` column when the frame has one; value series are
    always judged on their own score and ``moe``, because ``statistik.panjang`` copies the
    index's flag onto every value row.
    """
    if kunci == "indeks" and "signifikan" in data:
        return [s and v is not None for s, v in zip(_bendera(data, "signifikan"), y, strict=True)]
    moe = _daftar(data["moe"]) if "moe" in data else [None] * len(y)
    hasil, lalu = [], None
    for v, m in zip(y, moe, strict=True):
        beda = statistik.selisih(v, m, *lalu) if v is not None and lalu else None
        hasil.append(bool(beda and beda.arah in ("lebih_tinggi", "lebih_rendah")))
        lalu = (v, m) if v is not None else lalu
    return hasil


def _ada_signifikan(jejak: Sequence[dict]) -> bool:
    """Whether a line trace has an outlined (significant) point: a per-point line width."""
    for j in jejak:
        lebar = j.get("marker", {}).get("line", {}).get("width")
        if j.get("type") == "scatter" and isinstance(lebar, list | tuple) and max(lebar, default=0) > 0:
            return True
    return False


def _hover_tren(label: str, periode: str, baris: dict, signifikan: bool, lang: str) -> str:
    return _hover(f"{label} · {periode}", [
        _baris_skor(baris.get("skor"), baris.get("moe"), lang), _baris_n(baris.get("n"), lang),
        _t("catatan_signifikan", lang) if signifikan else "",
    ])


def _garis_tren(df: pd.DataFrame, kunci: str, periode: Sequence[str], kolom_periode: str,
                lang: str) -> dict:
    data = _sejajarkan(df, periode, kolom_periode)
    y = _y_tren(data)
    sig = _titik_signifikan(data, y, kunci)
    label = _label_seri(kunci, lang)
    isi = warna.INDEKS if kunci == "indeks" else warna.NILAI[kunci]
    return dict(
        type="scatter",
        x=list(periode), y=y, mode="lines+markers", name=label, connectgaps=False,
        line=dict(color=isi, width=5 if kunci == "indeks" else 3),
        marker=dict(color=isi, opacity=1, size=[18 if s else 10 for s in sig],
                    line=dict(color=warna.PEMBANDING, width=[3 if s else 0 for s in sig])),
        hovertext=[_hover_tren(label, p, b, s, lang)
                   for p, b, s in zip(periode, kontrak.baris(data), sig, strict=True)],
        hoverinfo="text",
    )


def _garis_pembanding(df: pd.DataFrame, kunci: str, periode: Sequence[str], kolom_periode: str,
                      lang: str, nama: str) -> dict:
    data = _sejajarkan(df, periode, kolom_periode)
    y = _y_tren(data)
    label = f"{nama}: {_label_seri(kunci, lang)}"
    isi = warna.PEMBANDING if kunci == "indeks" else warna.NILAI[kunci]
    return dict(
        type="scatter",
        x=list(periode), y=y, mode="lines+markers", name=label, connectgaps=False,
        line=dict(color=isi, width=3, dash="dash"), marker=dict(color=isi, size=8),
        hovertext=[_hover(f"{label} · {p}", [_baris_skor(v, None, lang)]) for p, v in
                   zip(periode, y, strict=True)],
        hoverinfo="text",
    )


def _rentang_y(daftar_jejak: Sequence[dict]) -> tuple[float, float]:
    """A y range around the drawn (rounded) values, in steps of 5, within 0-100."""
    nilai = [kontrak.bulatkan(v) for jejak in daftar_jejak for v in (jejak.get("y") or ())
             if v is not None]
    if not nilai:
        return 0.0, 100.0
    bawah = 5 * math.floor(min(nilai) / 5) - 10
    atas = 5 * math.ceil(max(nilai) / 5) + 10
    return max(0.0, bawah), min(100.0, atas)


def _penanda_periode(df: pd.DataFrame, kolom_periode: str, penanda: str, y: float) -> list:
    tersembunyi = df[_sembunyi(df)]
    periode = list(dict.fromkeys(tersembunyi[kolom_periode].map(_teks_periode)))
    if not periode:
        return []
    return [dict(
        type="scatter",
        x=periode, y=[y] * len(periode), mode="text", text=[penanda] * len(periode),
        textposition="top center", showlegend=False, name=penanda, hoverinfo="skip",
        textfont=dict(size=UKURAN_TEKS_DATA, color=warna.TEKS_PENANDA), cliponaxis=False,
    )]


def _periode_tanpa_data(df: pd.DataFrame, periode: Sequence[str], kolom_periode: str) -> list[str]:
    """The periods in which the selection has no respondents at all: absent from ``df`` or
    marked ``tanpa_data`` (a row the page added for a period missing from the data)."""
    ada = df[~_bendera(df, "tanpa_data")][kolom_periode].map(_teks_periode)
    return [p for p in periode if p not in set(ada)]


def _penanda_tanpa_data(periode: Sequence[str], lang: str, y: float) -> list:
    """'tidak ada data' where the selection has no respondents: a gap, not a small group."""
    if not periode:
        return []
    teks_ = i18n.t("tidak_ada_data", lang)
    return [dict(
        type="scatter",
        x=list(periode), y=[y] * len(periode), mode="text", text=[teks_] * len(periode),
        textposition="top center", showlegend=False, name=teks_,
        hovertext=[f"{p}: {teks_}" for p in periode], hoverinfo="text",
        textfont=dict(size=UKURAN_TEKS_DATA, color=warna.TEKS_PENANDA), cliponaxis=False,
    )]


def tren(
    panjang_per_periode: pd.DataFrame,
    lang: str,
    penanda: str,
    kolom_periode: str = "kelompok",
    pembanding: pd.DataFrame | None = None,
    label_pembanding: str = "",
) -> go.Figure:
    """Lines across periods, one per series in ``nilai`` ("indeks" and/or value keys).

    The frame needs ``kolom_periode, nilai, skor`` (``moe, n, tersembunyi, signifikan`` when
    present). A period absent for a series, or hidden, is a gap; a period in which the
    selection has no respondents (absent, or ``tanpa_data``) reads "tidak ada data" / "no data",
    a hidden one the privacy marker; points flagged ``signifikan``
    get a larger outlined marker. ``pembanding`` (same columns) is drawn dashed.
    """
    data = panjang_per_periode
    lain = [] if pembanding is None else [pembanding[kolom_periode]]
    periode = _urut_periode(data[kolom_periode], *lain)
    jejak = [_garis_tren(data[data["nilai"] == k], k, periode, kolom_periode, lang)
             for k in _kunci_tren(data)]
    if pembanding is not None:
        nama = label_pembanding or _t("pembanding", lang)
        jejak += [_garis_pembanding(pembanding[pembanding["nilai"] == k], k, periode,
                                    kolom_periode, lang, nama)
                  for k in _kunci_tren(pembanding)]
    if _ada_signifikan(jejak):
        jejak.append(_legenda_kotak(_t("signifikan", lang), "white", "circle", warna.PEMBANDING))
    bawah, atas = _rentang_y(jejak)
    tanpa = _periode_tanpa_data(data, periode, kolom_periode)
    jejak += _penanda_periode(data[~data[kolom_periode].map(_teks_periode).isin(tanpa)],
                              kolom_periode, penanda, bawah + 0.03 * (atas - bawah))
    jejak += _penanda_tanpa_data(tanpa, lang, bawah + 0.03 * (atas - bawah))
    return _figur(jejak, lang, 480, True, dict(
        margin=dict(l=80),  # room for the y title at any width (automargin alone clipped it)
        xaxis=dict(type="category", categoryorder="array", categoryarray=periode,
                   title=dict(text=_t("sumbu_periode", lang)), showgrid=False),
        yaxis=dict(range=[bawah, atas], title=dict(text=_t("sumbu_skor", lang))),
    ))


def tren_indeks(
    lebar_per_periode: pd.DataFrame,
    lang: str,
    penanda: str,
    pembanding: pd.DataFrame | None = None,
    label_pembanding: str = "",
    kolom_periode: str = "kelompok",
) -> go.Figure:
    """The index across periods from wide frames (one row per period in ``kolom_periode``
    with ``indeks, moe_indeks, n, tersembunyi`` and optionally ``signifikan``)."""
    return tren(_panjang_indeks(lebar_per_periode), lang, penanda, kolom_periode,
                None if pembanding is None else _panjang_indeks(pembanding), label_pembanding)


def _panjang_indeks(lebar: pd.DataFrame) -> pd.DataFrame:
    """A wide frame as long rows of the index only (nilai = "indeks")."""
    ganti_nama = {"indeks": "skor", "moe_indeks": "moe"}
    data = lebar.drop(columns=["skor", "moe", "nilai"], errors="ignore").rename(columns=ganti_nama)
    if "moe" not in data:
        data["moe"] = math.nan
    return data.assign(nilai="indeks")


# --------------------------------------------------------------------------- heat map


def _sel_baris(baris: dict, sembunyi: bool, kunci: Sequence[str], lang: str) -> dict[str, list]:
    """One heat-map row: per value its score or None, text, hover and whether it is hidden."""
    tutup = [sembunyi or kosong(baris[k]) for k in kunci]
    judul = str(baris["kelompok"])
    return {
        "sembunyi": tutup,
        "z": [None if t else float(baris[k]) for t, k in zip(tutup, kunci, strict=True)],
        "teks": ["" if t else _angka(baris[k], lang) for t, k in zip(tutup, kunci, strict=True)],
        "hover": ["" if t else _hover(judul, [
            kontrak.label_nilai(k, lang), _baris_skor(baris[k], baris.get(f"moe_{k}"), lang),
            _baris_n(baris.get(f"n_{k}"), lang)]) for t, k in zip(tutup, kunci, strict=True)],
    }


def _sel_panas(lebar: pd.DataFrame, kunci: Sequence[str], lang: str) -> dict[str, list]:
    """The heat-map cells as 2-D lists under "z", "teks", "hover" and "sembunyi"."""
    baris = [_sel_baris(b, s, kunci, lang)
             for b, s in zip(kontrak.baris(lebar), _sembunyi(lebar), strict=True)]
    return {bagian: [b[bagian] for b in baris] for bagian in ("z", "teks", "hover", "sembunyi")}


# Difference from a reference (the heat map against the selection): orange below, blue above,
# pale at zero; both arms colour-blind safe (ColorBrewer PuOr's orange arm, RdBu's blue arm) and
# equally dark at their ends, so a difference of the same size reads the same either way.
SKALA_SELISIH: tuple[tuple[float, str], ...] = (
    (0.0, "#B35806"), (0.25, "#F1A340"), (0.5, "#F7F7F7"), (0.75, "#67A9CF"), (1.0, "#2166AC"),
)
LANGKAH_SELISIH = 5.0  # the colour range is symmetric, in steps of 5 points, at least ±5


def selisih_sel(skor, moe, acuan, moe_acuan) -> tuple[float | None, bool]:
    """A heat-map cell against its reference: (difference as displayed, beyond the margin).

    The difference is that of the two figures as shown (each rounded half up to one decimal),
    so the cell agrees with the numbers a reader subtracts; whether it is beyond the margin of
    error is ``statistik.selisih``'s rule on the unrounded means. (None, False) when either
    figure is missing."""
    if kosong(skor) or kosong(acuan):
        return None, False
    beda = kontrak.bulatkan(kontrak.bulatkan(skor) - kontrak.bulatkan(acuan))
    hasil = statistik.selisih(skor, moe, acuan, moe_acuan)
    return beda, bool(hasil and hasil.arah in ("lebih_tinggi", "lebih_rendah"))


def rentang_selisih(z: Iterable[Iterable]) -> float:
    """Half the symmetric colour range: the largest |difference| shown, up to a step of
    :data:`LANGKAH_SELISIH`, never under one step (tiny differences stay pale)."""
    terbesar = max((abs(v) for baris in z for v in baris if v is not None), default=0.0)
    return max(LANGKAH_SELISIH, LANGKAH_SELISIH * math.ceil(terbesar / LANGKAH_SELISIH - 1e-9))


# Long one-word value names broken where a reader would hyphenate them, so the seven headers fit
# side by side on a 1280-pixel screen even beside long row names (browser-tested).
PENGGALAN = {"Accountable": "Account-<br>able", "Collaborative": "Collabo-<br>rative"}


def _kolom_panas(kunci: Sequence[str], lang: str) -> list[str]:
    """Column headers: each value's name wrapped on spaces and hyphens ("Service-<br>oriented";
    "Account-<br>able", see :data:`PENGGALAN`)."""
    label = [kontrak.label_nilai(k, lang) for k in kunci]
    return [PENGGALAN.get(x) or "<br>".join(textwrap.wrap(x, 11, break_long_words=False)) for x in label]


def _lapis_tersembunyi(lebar: pd.DataFrame, tutup: list[list[bool]], kolom: list[str],
                       baris: list[str], penanda: str, lang: str) -> dict:
    """The grey layer over hidden cells, each carrying its row's marker text (no number)."""
    tanda = _penanda_per_baris(lebar, penanda, lang)
    return dict(
        type="heatmap", z=[[0 if t else None for t in r] for r in tutup], x=kolom, y=baris,
        colorscale=[[0, warna.TERSEMBUNYI], [1, warna.TERSEMBUNYI]], showscale=False,
        xgap=3, ygap=3,
        text=[[_bungkus(p, 12) if t else "" for t in r] for r, p in zip(tutup, tanda, strict=True)],
        texttemplate="%{text}", textfont=dict(size=UKURAN_UBIN, color="#000000"),
        hovertext=[[p if t else "" for t in r] for r, p in zip(tutup, tanda, strict=True)],
        hoverinfo="text", hoverongaps=False, name="",
    )


def peta_panas(lebar: pd.DataFrame, lang: str, penanda: str, acuan: pd.Series | dict | None = None,
               nama_acuan: str = "") -> go.Figure:
    """Heat map: rows = ``kelompok``, columns = the seven values.

    ``lebar`` needs ``kelompok`` and the value columns (``moe_v, n_v, tersembunyi`` used when
    present). Hidden or missing cells are grey and show ``penanda`` instead of a number.

    Without ``acuan`` each cell is coloured by its score (0-100). With ``acuan`` (a wide row:
    the selection the groups belong to, named ``nama_acuan``) each cell is coloured by its
    difference from the reference's own value of that column (:func:`selisih_sel`, as
    displayed) on a diverging scale centred on zero with a symmetric range; the cell still
    shows the group's score, and the difference under it; a cell whose difference is beyond
    the margin of error (``statistik.selisih``) is outlined in black and its score bold.
    """
    kunci = [k for k in kontrak.KUNCI_NILAI if k in lebar]
    baris = lebar["kelompok"].astype(str).tolist()
    kolom = _kolom_panas(kunci, lang)
    sel = _sel_panas(lebar, kunci, lang)
    tinggi = _tinggi(len(baris), 56, tambahan=170)
    if acuan is None:
        skala = [[posisi, w] for posisi, w in warna.SKALA_INDEKS]
        jejak = [dict(
            type="heatmap", z=sel["z"], x=kolom, y=baris, colorscale=skala, zmin=0, zmax=100,
            xgap=3, ygap=3,
            text=sel["teks"], texttemplate="%{text}", textfont=dict(size=UKURAN_TEKS_DATA),
            hovertext=sel["hover"], hoverinfo="text", hoverongaps=False, name="",
            colorbar=dict(title=dict(text=_t("skor", lang)), tickvals=[0, 25, 50, 75, 100],
                          tickfont=dict(size=UKURAN_TICK), thickness=18, outlinewidth=0),
        )]
        jejak.append(_lapis_tersembunyi(lebar, sel["sembunyi"], kolom, baris, penanda, lang))
        return _figur(jejak, lang, tinggi, False, dict(
            xaxis=dict(type="category", side="top", showgrid=False, tickangle=0),
            yaxis=dict(type="category", autorange="reversed", showgrid=False, ticks=""),
        ))

    nama = nama_acuan or _t("pembanding", lang)
    z, teks, hover, tanda = [], [], [], []
    for b, tutup_baris, hover_baris in zip(kontrak.baris(lebar), sel["sembunyi"], sel["hover"],
                                          strict=True):
        z_b, teks_b, hover_b, tanda_b = [], [], [], []
        for k, tutup, layang in zip(kunci, tutup_baris, hover_baris, strict=True):
            beda, bermakna = (None, False) if tutup else selisih_sel(
                b[k], b.get(f"moe_{k}"), acuan.get(k), acuan.get(f"moe_{k}"))
            z_b.append(beda)
            tanda_b.append(bermakna)
            if tutup or beda is None:
                teks_b.append("")
                hover_b.append("" if tutup else layang)
                continue
            skor = _angka(b[k], lang)
            beda_teks = fmt.desimal(beda, lang, tanda=True)
            teks_b.append(f"{f'<b>{skor}</b>' if bermakna else skor}<br>"
                          f"<span style='font-size:{UKURAN_NAMA_UBIN + 2}px'>{beda_teks}</span>")
            arti = _t("melebihi_moe", lang) if bermakna else _t("dalam_moe", lang)
            hover_b.append(f"{layang}<br>{_t('selisih_dari', lang, nama=nama, beda=beda_teks)} ({arti.lower()})")
        z.append(z_b)
        teks.append(teks_b)
        hover.append(hover_b)
        tanda.append(tanda_b)
    batas = rentang_selisih(z)
    langkah = batas / 2
    nilai_tick = [-batas, -langkah, 0.0, langkah, batas]
    jejak = [dict(
        type="heatmap", z=z, x=kolom, y=baris, colorscale=[[p, w] for p, w in SKALA_SELISIH],
        zmin=-batas, zmax=batas, zmid=0, xgap=3, ygap=3,
        text=teks, texttemplate="%{text}", textfont=dict(size=UKURAN_TEKS_DATA),
        hovertext=hover, hoverinfo="text", hoverongaps=False, name="",
        colorbar=dict(title=dict(text=_t("skala_selisih", lang), side="top"), tickvals=nilai_tick,
                      ticktext=[fmt.desimal(v, lang, tanda=True) for v in nilai_tick],
                      tickfont=dict(size=UKURAN_TICK - 1), thickness=14, outlinewidth=0,
                      orientation="h", len=0.35, x=1, xanchor="right", y=-0.03, yanchor="top"),
    )]
    jejak.append(_lapis_tersembunyi(lebar, sel["sembunyi"], kolom, baris, penanda, lang))
    garis = [dict(type="rect", xref="x", yref="y", x0=j - 0.47, x1=j + 0.47, y0=i - 0.44, y1=i + 0.44,
                  line=dict(color=warna.PEMBANDING, width=3), fillcolor="rgba(0,0,0,0)", layer="above")
             for i, r in enumerate(tanda) for j, t in enumerate(r) if t]
    ada_tanda = bool(garis)
    if ada_tanda:
        jejak.append(_legenda_kotak(_t("melebihi_moe", lang), "white", "square", warna.PEMBANDING))
    # the scale and the legend under the cells (the column headers are on top), side by side:
    # a vertical scale beside the map would take a column's width at 1280 pixels
    return _figur(jejak, lang, tinggi + 70, ada_tanda, dict(
        shapes=garis, margin=dict(b=90),
        legend=dict(orientation="h", yanchor="top", y=-0.05, xanchor="left", x=0),
        xaxis=dict(type="category", side="top", showgrid=False, tickangle=0,
                   tickfont=dict(size=UKURAN_TICK - 1)),
        yaxis=dict(type="category", autorange="reversed", showgrid=False, ticks=""),
    ))
