"""The projector: a story (:mod:`berakhlak.cerita`) one slide per screen, no sidebar, no
Streamlit chrome, large type (body and ticks at least 24 px, headline figures 64 px).

Opened by ``tampilan=presentasi`` on any page (``ui.mulai`` hands over here); the slide number
is ``slide`` in the URL (1-based). Next and previous by the buttons, by → and ← (the buttons'
own shortcuts) and by PageDown, PageUp and space (a few lines of script on the page, nothing
loaded from elsewhere).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future

import streamlit as st

from berakhlak import aman, cerita, i18n, kontrak, layanan, privasi
from berakhlak.layanan import Pilihan

TEKS: dict[str, tuple[str, str]] = {
    "sebelumnya": ("Sebelumnya", "Previous"),
    "berikutnya": ("Berikutnya", "Next"),
    "keluar": ("Keluar", "Exit"),
    "unduh_dek": ("Unduh deck (.pptx)", "Download deck (.pptx)"),
    "presentasi": ("Presentasi", "Presentation"),
    "nomor": ("{i} / {n}", "{i} / {n}"),
    "menyiapkan": ("Menyiapkan presentasi…", "Preparing the presentation…"),
    "nomor_belum": ("{i} / … (menyiapkan slide berikutnya)", "{i} / … (preparing the next slides)"),
}

HURUF_ISI = 26
HURUF_TICK = 24
# The slide is a column of fixed height (the viewport less the controls and the footer under
# it); the chart takes what the title and the headline leave (``height="stretch"``): about
# 455-490 px at 1280x720, 850 px at 1920x1080 (a fixed 420 px before).
BAWAH_SLIDE = 116

_GAYA = f"""
<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stStatusWidget"],
[data-testid="stMainMenu"], footer {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ padding: 1.2rem 2.2rem 0 2.2rem !important;
    max-width: 100% !important; height: 100vh; box-sizing: border-box; overflow: hidden; }}
.st-key-slide {{ height: calc(100vh - {BAWAH_SLIDE}px) !important; max-height: calc(100vh - {BAWAH_SLIDE}px) !important;
    flex: none !important; overflow: hidden !important; }}
[data-testid="stMain"] {{ overflow: hidden; }}
.st-key-slide p, .st-key-slide li, .st-key-slide td, .st-key-slide th, .st-key-slide span,
.st-key-slide div {{ font-size: {HURUF_ISI}px; }}
.st-key-slide h2.judul-slide {{ font-size: 40px; font-weight: 700; margin: 0 0 0.2rem 0; padding: 0;
    line-height: 1.15; }}
.st-key-slide p.kalimat {{ font-size: 28px; line-height: 1.3; margin: 0 0 0.6rem 0; }}
.st-key-slide .metrik {{ display: flex; gap: 3rem; margin: 0.6rem 0 0.8rem 0; }}
.st-key-slide .metrik .label {{ font-size: 26px; color: #4a4a4a; }}
.st-key-slide .metrik .angka {{ font-size: 64px; font-weight: 700; line-height: 1.1; }}
.st-key-slide .metrik .ket {{ font-size: 26px; color: #4a4a4a; }}
.st-key-slide ul.catatan {{ margin: 0.3rem 0 0 0; padding: 0 0 0 1.4em; }}
.st-key-slide ul.catatan li {{ margin-bottom: 0.35rem; line-height: 1.3; }}
.st-key-slide table.tabel {{ border-collapse: collapse; margin-top: 0.4rem; }}
.st-key-slide table.tabel th, .st-key-slide table.tabel td {{ padding: 0.2rem 1.2rem 0.2rem 0;
    text-align: left; border-bottom: 1px solid #ccc; }}
.st-key-slide table.tabel td.angka {{ text-align: right; }}
.st-key-kaki p {{ font-size: 14px !important; color: #444; margin: 0 !important; line-height: 1.4;
    white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }}
.st-key-kaki [data-testid="stMarkdownContainer"] {{ margin: 0 !important; }}
.st-key-kendali p {{ font-size: 24px !important; }}
.st-key-kendali {{ position: fixed; bottom: 2.5rem; right: 2.2rem; width: auto !important;
    background: rgba(255,255,255,0.9); z-index: 10; }}
.st-key-kaki {{ position: fixed; bottom: 0.5rem; left: 2.2rem; right: 2.2rem; width: auto !important; }}
</style>
"""

# PageDown / space forward, PageUp back: click the slide's own buttons. → and ← are the
# buttons' shortcuts. Nothing is loaded; the listener is added once per page.
_SKRIP = """
<script>
(function () {
  const w = window.parent || window;
  const doc = w.document;
  if (doc.__berakhlakTombol) { return; }
  doc.__berakhlakTombol = true;
  doc.addEventListener("keydown", function (e) {
    const t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA")) { return; }
    let kunci = null;
    if (e.key === "PageDown" || e.key === " " || e.key === "Spacebar") { kunci = "maju"; }
    if (e.key === "PageUp") { kunci = "mundur"; }
    if (!kunci) { return; }
    const tombol = doc.querySelector(".st-key-" + kunci + " button");
    if (tombol && !tombol.disabled) { e.preventDefault(); tombol.click(); }
  });
})();
</script>
"""


def _t(kunci: str, lang: str, **isi) -> str:
    return i18n.teks(TEKS, kunci, lang, **isi)


def pilihan_dari_url(k) -> Pilihan:
    """The selection from the URL without the sidebar: values not in the data are dropped
    (the desk view names them; the projector just shows the wider selection)."""
    pilihan = Pilihan()
    di_url = {c: st.query_params[c] for c in kontrak.FILTER if c != "periode" and c in st.query_params}
    for kolom in kontrak.FILTER:
        opsi = layanan.opsi(k, kolom, pilihan)
        mentah = st.query_params.get(kolom)
        if kolom == "periode":
            try:
                nilai = int(mentah) if mentah not in (None, "") else None
            except ValueError:
                nilai = None
            if nilai not in opsi:
                nilai = layanan.periode_terakhir(k, di_url)
        else:
            nilai = mentah if mentah in opsi else None
        pilihan = pilihan.dengan(**{kolom: nilai})
    return pilihan


def _nomor_slide(jumlah: int) -> int:
    try:
        nomor = int(st.query_params.get("slide", "1"))
    except ValueError:
        nomor = 1
    return min(max(nomor, 1), jumlah)


def _keluar() -> None:
    """Back to the desk view of the same page and selection."""
    for kunci in ("tampilan", "slide"):
        st.query_params.pop(kunci, None)


def _pindah(nomor: int) -> None:
    st.query_params["slide"] = str(nomor)


def _metrik(blok: cerita.Metrik) -> str:
    isi = "".join(
        f'<div><div class="label">{aman.html(b.label)}</div><div class="angka">{aman.html(b.nilai)}</div>'
        + (f'<div class="ket">{aman.html(b.keterangan)}</div>' if b.keterangan else "") + "</div>"
        for b in blok.butir)
    return f'<div class="metrik">{isi}</div>'


def _catatan(blok: cerita.Catatan) -> str:
    return '<ul class="catatan">' + "".join(f"<li>{aman.html(t)}</li>" for t in blok.butir) + "</ul>"


def _tabel(blok: cerita.Tabel, lang: str) -> str:
    baris = [b.split(" | ") for b in cerita.baris_tabel(blok, lang)]
    jenis = [j for _, j in blok.kolom.values()]
    kepala = "".join(f"<th>{aman.html(h)}</th>" for h in baris[0])
    isi = "".join("<tr>" + "".join(
        f'<td class="{"angka" if j != "teks" else ""}">{aman.html(x)}</td>' for x, j in zip(b, jenis, strict=True))
        + "</tr>" for b in baris[1:])
    return f'<table class="tabel"><thead><tr>{kepala}</tr></thead><tbody>{isi}</tbody></table>'


def _grafik(blok: cerita.Grafik) -> None:
    """The slide's chart, as tall as the room under the headline (the figure's own height
    dropped: Plotly sizes it to the element, the element stretches to the slide's bottom)."""
    from berakhlak import render_dek  # the same enlarging as the deck

    fig = render_dek.besarkan(blok.figur, HURUF_ISI, HURUF_TICK, HURUF_TICK)
    fig.update_layout(height=None, autosize=True, margin=dict(t=40, b=10))
    st.plotly_chart(fig, theme=None, height="stretch", config={"displayModeBar": False, "staticPlot": True},
                    key="grafik_slide")


def _slide(s: cerita.Slide, lang: str) -> None:
    st.html(f'<h2 class="judul-slide">{aman.html(s.judul)}</h2><p class="kalimat">{aman.html(s.kalimat)}</p>')
    grafik = [b for b in s.blok if isinstance(b, cerita.Grafik)]
    tabel = [b for b in s.blok if isinstance(b, cerita.Tabel)]
    html = []
    for b in s.blok:
        if isinstance(b, cerita.Metrik) and not grafik:  # beside a chart the headline says it
            html.append(_metrik(b))
        elif isinstance(b, cerita.Catatan) and not grafik:
            html.append(_catatan(b))
    if html:
        st.html("".join(html))
    if tabel:  # one message per screen: the table says who, the deck has the heat map too
        st.html(_tabel(tabel[0], lang))
    elif grafik:
        _grafik(grafik[0])


def tampilkan(k, lang: str, halaman: str = "ringkasan") -> None:
    """Draw the presentation of the URL's selection and stop.

    The first view does not wait for the whole story: the slides up to the one asked for are
    built and drawn at once (slide 1 needs only the selection's own figures), while the whole
    story (the slides that need every period's and every staff dimension's privacy pattern)
    is built in a background thread; until it is ready the count reads "1 / …" and a
    fragment checks every second, then the page redraws with the count and the deck button.
    The finished story is shared by every session that shows it, so a slide change only
    draws."""
    st.html(_GAYA)
    pilihan = pilihan_dari_url(k)
    banding = st.query_params.get("banding", "nasional")
    banding = banding if banding in ("nasional", "provinsi", "jenis") else "nasional"
    with st.spinner(_t("menyiapkan", lang)):
        if not k.demografi_lengkap:
            k = layanan.keadaan_lengkap()
        tugas = cerita_latar(k, pilihan, banding, lang, mulai=False)
        if tugas is not None and tugas.done() and tugas.exception() is None:
            c = tugas.result()
        else:  # the slides up to this one first, then the rest in the background
            c = cerita.cerita_lokakarya(k, pilihan, banding, lang, sampai=_nomor_diminta())
            tugas = None if c.lengkap else cerita_latar(k, pilihan, banding, lang)
    tampilkan_cerita(c, k, lang, gaya=False, tunggu=None if c.lengkap else tugas)


_tugas: dict[tuple, Future] = {}
_kunci_tugas = threading.Lock()


def cerita_latar(k, pilihan: Pilihan, banding: str, lang: str, mulai: bool = True) -> Future | None:
    """The whole story, built once per (data version, selection, benchmark, language,
    minimum group) in a background thread; the same future for every session asking.
    ``mulai`` False: only the one already started, if any. (Started after the first slides
    are drawn: the pattern is pure Python, and a thread computing it beside the page's own
    work would halve the speed of both.)"""
    kunci = (k.versi, k.demografi_lengkap, pilihan, banding, lang, privasi.minimum())
    with _kunci_tugas:
        tugas = _tugas.get(kunci)
        if not mulai:
            return tugas
        if tugas is None or (tugas.done() and tugas.exception() is not None):
            tugas = Future()
            _tugas[kunci] = tugas
            threading.Thread(target=_bangun, args=(tugas, k, pilihan, banding, lang), daemon=True,
                             name="cerita-latar").start()
            while len(_tugas) > 32:  # forget the oldest stories
                _tugas.pop(next(iter(_tugas)))
    return tugas


def _bangun(tugas: Future, k, pilihan: Pilihan, banding: str, lang: str) -> None:
    if not tugas.set_running_or_notify_cancel():
        return
    try:
        tugas.set_result(cerita.cerita_lokakarya(k, pilihan, banding, lang))
    except BaseException as e:  # noqa: BLE001 - handed to the page that waits for it
        logging.getLogger(__name__).exception("building the story failed")
        tugas.set_exception(e)


def _nomor_diminta() -> int:
    try:
        return max(1, int(st.query_params.get("slide", "1")))
    except ValueError:
        return 1


@st.fragment(run_every=1.0)
def _tunggu_cerita(tugas: Future, nomor: int, lang: str) -> None:
    """ "n / …" until the whole story is built, then the page is drawn again with it."""
    if tugas.done():
        st.rerun(scope="app")
    st.markdown(_t("nomor_belum", lang, i=nomor))


def tampilkan_cerita(c: cerita.Cerita, k, lang: str, gaya: bool = True, tunggu: Future | None = None) -> None:
    """Draw slide ``slide`` (URL) of story ``c``: the slide, the controls, the footer. While
    ``tunggu`` (the whole story being built) is not done, the count reads "n / …", "next" is
    enabled (a story still being built has a slide after this one) and there is no deck
    button yet."""
    if gaya:
        st.html(_GAYA)
    jumlah = len(c.slide)
    nomor = _nomor_slide(jumlah)
    if st.query_params.get("slide") != str(nomor):
        st.query_params["slide"] = str(nomor)
    s = c.slide[nomor - 1]
    with st.container(key="slide"):
        _slide(s, lang)
    with st.container(key="kendali", horizontal=True):
        st.button(_t("sebelumnya", lang), key="mundur", icon=":material/arrow_back:", disabled=nomor <= 1,
                  shortcut="Left", on_click=_pindah, args=(nomor - 1,))
        if tunggu is None:
            st.markdown(_t("nomor", lang, i=nomor, n=jumlah))
        else:
            _tunggu_cerita(tunggu, nomor, lang)
        st.button(_t("berikutnya", lang), key="maju", icon=":material/arrow_forward:",
                  disabled=tunggu is None and nomor >= jumlah, shortcut="Right", on_click=_pindah,
                  args=(nomor + 1,))
        if tunggu is None:
            tombol_dek(c, k, None, "nasional", lang, key="unduh_dek_presentasi")
        st.button(_t("keluar", lang), key="keluar", icon=":material/close:", on_click=_keluar)
    with st.container(key="kaki"):
        st.markdown(aman.md(c.asal.baris(lang)))
    st.html(_SKRIP, unsafe_allow_javascript=True)


def byte_dek(c: cerita.Cerita | None, k, pilihan: Pilihan | None, banding: str, lang: str) -> bytes:
    """The bytes the deck button hands over: story ``c`` (the presentation's) or, without one,
    the story of ``pilihan`` (a desk page's). ``scripts/dek_libreoffice.py`` calls this too."""
    from berakhlak import render_dek

    return render_dek.dek(c if c is not None else cerita.cerita_lokakarya(k, pilihan, banding, lang))


def tombol_dek(c: cerita.Cerita | None, k, pilihan: Pilihan | None, banding: str, lang: str, key: str) -> None:
    """The deck download: built only when clicked (in Streamlit's download thread)."""
    nama = c.nama_berkas if c is not None else cerita.nama_berkas(pilihan, cerita.nama_seleksi(k, pilihan, lang))

    def buat() -> bytes:
        return byte_dek(c, k, pilihan, banding, lang)

    st.download_button(_t("unduh_dek", lang), buat, file_name=nama, key=key, icon=":material/download:",
                       mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                       on_click="ignore")
