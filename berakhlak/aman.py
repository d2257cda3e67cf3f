"""Text from a data file or a URL, shown literally wherever it is drawn.

Streamlit reads the body of ``st.markdown``, ``st.caption``, ``st.title``/``st.subheader``,
``st.info``/``st.warning``/``st.error`` and widget or metric labels as Markdown, and Plotly
reads chart text (ticks, legend, hover) as a small subset of HTML. A name such as
``[Klik](http://127.0.0.1:9/login)``, ``![x](http://127.0.0.1:9/p.png)`` or ``**tebal**``
must not become a link, an image or bold text, so every such text passes through here:

* :func:`md` for anything Streamlit renders as Markdown;
* :func:`kode` for a file name or path shown as inline code;
* :func:`grafik` / :func:`grafik_df` for Plotly chart text;
* :func:`html` for ``st.html``.

Plain-text places (``st.dataframe`` cells and headers, ``st.selectbox`` / ``st.multiselect``
options, ``st.text``, CSV downloads) show the raw text and need none of this: escaping them
would show the backslashes.

How :func:`md` works. CommonMark lets a backslash escape any ASCII punctuation, which stops
every construct decided while parsing: links, images, emphasis, code, raw HTML and
autolinks, headings, lists, quotes, tables, strike-through, LaTeX (``$``) and Streamlit's
directives (``:red[...]``). But Streamlit also rewrites the *text* after parsing, where an
escape no longer shows: `` -- `` becomes an em dash, ``->``/``<-``/``<=``/``>=``/``~=``
arrows and signs, ``:smile:``/``:streamlit:``/``:material/...:`` pictures, and bare
``http://...``, ``www....`` and ``a@b.c`` links (GFM autolink literals). These patterns
are broken by an invisible WORD JOINER (U+2060) between their characters, so what the
reader sees is exactly the original text.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable

import pandas as pd

PENYAMBUNG = "\u2060"  # WORD JOINER: zero width, no line break, no visible change

# Characters that start or end a Markdown construct anywhere in a line.
_TANDA = re.compile(r"([\\`*_\[\]<>&~|$#!{}])")
# Characters that matter only at the start of a line (lists, quotes, breaks, headings).
_AWAL = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")
_SPASI = re.compile(r"[\t\n\r\f\v\u0085\u2028\u2029]+")
# Pairs that Streamlit turns into arrows, a dash or signs once parsed: -- -> <- <= >= ~= <->
_PASANGAN = re.compile(r"(?<=[-<>~])(?=[-=>])")
# ':' or '@' followed by text: emoji and icon short codes, directives, URL schemes, e-mails.
_TITIK_DUA = re.compile(r"(?<=[:@])(?=\S)")
_WWW = re.compile(r"(?i)(?<=www)(?=\.)")
_IKON = re.compile(r"(?<=:)(?=material/)")


def md(teks: object) -> str:
    """``teks`` written so that Streamlit's Markdown shows it exactly as it is, on one line."""
    if teks is None:
        return ""
    s = _SPASI.sub(" ", str(teks))
    s = _PASANGAN.sub(PENYAMBUNG, s)
    s = _TITIK_DUA.sub(PENYAMBUNG, s)
    s = _WWW.sub(PENYAMBUNG, s)
    s = _TANDA.sub(r"\\\1", s)
    return _AWAL.sub(_awal, s)


def _awal(m: re.Match) -> str:
    spasi, tanda = m.group(1), m.group(2)
    if tanda[0].isdigit():  # "1. x" or "1) x": the mark after the number is what counts
        return spasi + tanda + "\\"
    return spasi + "\\" + tanda


def kode(teks: object) -> str:
    """``teks`` as Markdown inline code (shown literally, in a monospace font): a fence longer
    than any run of backticks inside, padded when the text starts or ends with one."""
    s = _SPASI.sub(" ", "" if teks is None else str(teks))
    s = _IKON.sub(PENYAMBUNG, s)  # Streamlit rewrites ':material/' in the source, code included
    pagar = "`" * (max((len(r) for r in re.findall(r"`+", s)), default=0) + 1)
    if s.startswith("`") or s.endswith("`") or (s.startswith(" ") and s.endswith(" ") and s.strip()):
        s = f" {s} "
    return f"{pagar}{s}{pagar}" if s else ""


def grafik(teks: object) -> object:
    """Text for a Plotly chart (tick, legend, hover): ``<`` ``>`` ``&`` as entities, which Plotly
    draws as the characters themselves (no ``<a href>``, ``<b>``, ``<br>`` from data).
    Non-text values (numbers, missing) are returned unchanged."""
    return _html.escape(teks, quote=False) if isinstance(teks, str) else teks


def grafik_semua(daftar: Iterable) -> list:
    return [grafik(x) for x in daftar]


def grafik_df(df: pd.DataFrame, kolom: str = "kelompok") -> pd.DataFrame:
    """A copy of ``df`` whose ``kolom`` (group names) is safe to draw in a Plotly chart."""
    if kolom not in df:
        return df
    return df.assign(**{kolom: grafik_semua(df[kolom])})


def html(teks: object) -> str:
    """``teks`` for ``st.html``: every HTML special character as an entity."""
    return _html.escape("" if teks is None else str(teks), quote=True)
