"""One chart as a PNG image to take home: its title, the selection and period under it and
the provenance footer (:class:`~berakhlak.blok.Asal`: source, period, selection, minimum
group rule, date, the link that reopens the view) at the bottom, rendered offline by the
deck's kaleido renderer (started once, reused: :func:`berakhlak.render_dek.png`).

:func:`gambar` builds the figure handed to kaleido (tests read its layout: no OCR needed);
:func:`png` renders it.
"""

from __future__ import annotations

import plotly.graph_objects as go

from berakhlak import aman
from berakhlak.blok import Asal, Grafik

LEBAR, TINGGI = 1200, 750  # CSS pixels; the PNG is SKALA times larger
SKALA = 2
HURUF_JUDUL, HURUF_SUB, HURUF_KAKI = 24, 16, 12
ATAS = 110   # room above the plot: title, subtitle, legend
SUMBU = 84   # room under the plot for tick labels and the axis title (automargin grows it when not)
KAKI = 48    # below that, the two footer lines


def baris_kaki(asal: Asal, lang: str) -> list[str]:
    """The provenance line split in two (the same words as on a slide)."""
    bagian = asal.baris(lang).split(" · ")
    tengah = (len(bagian) + 1) // 2
    return [" · ".join(bagian[:tengah]), " · ".join(bagian[tengah:])]


def gambar(b: Grafik, asal: Asal, lang: str, lebar: int = LEBAR, tinggi: int = TINGGI) -> go.Figure:
    """The figure of an image: the chart of ``b`` with title, subtitle (selection · period)
    and the provenance footer as an annotation; every text from the data escaped for Plotly."""
    fig = go.Figure(b.figur)
    judul = b.judul or (fig.layout.title.text or "")
    sub = " · ".join(x for x in (asal.seleksi, asal.periode) if x and x != "–")
    margin = fig.layout.margin
    bawah = max(margin.b or 0, SUMBU) + KAKI
    fig.update_layout(
        width=lebar, height=tinggi,
        title=dict(text=aman.grafik(judul), x=0.012, xanchor="left", xref="container", y=0.985,
                   yanchor="top", yref="container", font=dict(size=HURUF_JUDUL),
                   subtitle=dict(text=aman.grafik(sub), font=dict(size=HURUF_SUB))),
        margin=dict(t=max(margin.t or 0, 30) + ATAS - 30, b=bawah),
    )
    fig.add_annotation(
        text="<br>".join(aman.grafik(t) for t in baris_kaki(asal, lang)), showarrow=False,
        xref="paper", x=0, xanchor="left", yref="paper", y=0, yanchor="top", yshift=-(bawah - KAKI),
        align="left", font=dict(size=HURUF_KAKI, color="#555555"), name="asal",
    )
    return fig


def png(b: Grafik, asal: Asal, lang: str, lebar: int = LEBAR, tinggi: int = TINGGI, skala: int = SKALA) -> bytes:
    """The PNG bytes of :func:`gambar` (``lebar`` x ``tinggi`` CSS pixels times ``skala``)."""
    from berakhlak import render_dek

    return render_dek.png(gambar(b, asal, lang, lebar, tinggi), lebar, tinggi, skala)


def nama_berkas(nama: str, asal: Asal) -> str:
    """``BerAKHLAK_nilai_Pemerintah-Kabupaten-Tegal_2022.png``: chart, selection, period."""
    return f"{_bersih(f'BerAKHLAK_{nama}_{asal.seleksi}_{asal.periode}')}.png"


def _bersih(teks: str) -> str:
    keluar = "".join(c if c.isalnum() or c == "_" else "-" for c in teks)
    while "--" in keluar:
        keluar = keluar.replace("--", "-")
    return keluar.strip("-_") or "BerAKHLAK"
