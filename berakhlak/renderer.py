"""The renderers of a story, registered by name (in the spirit of Datasette's
``register_output_renderer``): each has a function that draws or writes its input and a
``bisa`` check saying whether it can render a given input (a list of blocks, one block, or a
whole :class:`~berakhlak.blok.Cerita`). A new output registers itself here; pages and tests
look renderers up by name instead of importing them.

Built in: ``layar`` (the desk screen, Streamlit), ``proyektor`` (presentation mode),
``dek`` (a .pptx file) and ``png`` (one chart as an image). Modules are imported only when a
renderer is used, so the registry costs nothing to import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from berakhlak import blok as _blok


@dataclass(frozen=True)
class Renderer:
    nama: str
    fungsi: Callable[..., Any]
    bisa: Callable[[Any], bool]
    keterangan: str = ""


_DAFTAR: dict[str, Renderer] = {}


def daftar(nama: str, fungsi: Callable[..., Any], bisa: Callable[[Any], bool] | None = None,
           keterangan: str = "") -> Renderer:
    """Register (or replace) renderer ``nama``; ``bisa(isi)`` says whether it can render ``isi``
    (everything, when not given)."""
    r = Renderer(nama, fungsi, bisa or (lambda _isi: True), keterangan)
    _DAFTAR[nama] = r
    return r


def ambil(nama: str) -> Renderer:
    """Renderer ``nama`` (KeyError naming the registered ones when there is none)."""
    try:
        return _DAFTAR[nama]
    except KeyError:
        raise KeyError(f"no renderer {nama!r}; registered: {', '.join(sorted(_DAFTAR))}") from None


def semua() -> list[Renderer]:
    return list(_DAFTAR.values())


def yang_bisa(isi: Any) -> list[str]:
    """Names of the renderers that can render ``isi``."""
    return [r.nama for r in _DAFTAR.values() if r.bisa(isi)]


def render(nama: str, isi: Any, *args, **kwargs) -> Any:
    """Render ``isi`` with renderer ``nama``; ValueError when it cannot render it."""
    r = ambil(nama)
    if not r.bisa(isi):
        raise ValueError(f"renderer {nama!r} cannot render {type(isi).__name__}")
    return r.fungsi(isi, *args, **kwargs)


# ------------------------------------------------------------------------ checks


def _daftar_blok(isi: Any) -> bool:
    if isinstance(isi, _blok.JENIS_BLOK):
        return True
    if isinstance(isi, (str, bytes, _blok.Cerita)) or not isinstance(isi, Iterable):
        return False
    return all(isinstance(b, _blok.JENIS_BLOK) for b in isi)


def _cerita(isi: Any) -> bool:
    return isinstance(isi, _blok.Cerita) and bool(isi.slide)


def _satu_grafik(isi: Any) -> bool:
    return isinstance(isi, _blok.Grafik)


# ---------------------------------------------------------------- the built-in ones


def _layar(isi, ctx) -> None:
    from berakhlak import render_layar

    render_layar.tampilkan(ctx, [isi] if isinstance(isi, _blok.JENIS_BLOK) else isi)


def _proyektor(isi, k, lang: str) -> None:
    from berakhlak import render_proyektor

    render_proyektor.tampilkan_cerita(isi, k, lang)


def _dek(isi) -> bytes:
    from berakhlak import render_dek

    return render_dek.dek(isi)


def _png(isi, asal: _blok.Asal, lang: str, **kwargs) -> bytes:
    from berakhlak import render_png

    return render_png.png(isi, asal, lang, **kwargs)


daftar("layar", _layar, _daftar_blok, "the desk screen: Streamlit, one page")
daftar("proyektor", _proyektor, _cerita, "presentation mode: one slide per screen")
daftar("dek", _dek, _cerita, "a 16:9 .pptx deck (bytes)")
daftar("png", _png, _satu_grafik, "one chart as a PNG image with title and provenance footer (bytes)")
