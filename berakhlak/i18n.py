"""Two languages, Bahasa Indonesia first. Each module keeps its own strings as
``TEKS = {key: (id, en)}`` and calls :func:`teks`; shared strings live here in ``UMUM``."""

from __future__ import annotations

from collections.abc import Mapping

BAHASA = ("id", "en")
BAKU = "id"


def bahasa(nilai: str | None) -> str:
    """A language code from a URL value; anything unknown falls back to Indonesian."""
    return nilai if nilai in BAHASA else BAKU


def teks(kamus: Mapping[str, tuple[str, str]], kunci: str, lang: str = BAKU, **isi) -> str:
    """The string ``kunci`` from ``kamus`` in ``lang``, with ``{placeholders}`` filled in."""
    id_, en = kamus[kunci]
    pola = en if lang == "en" else id_
    return pola.format(**isi) if isi else pola


UMUM: dict[str, tuple[str, str]] = {
    # why a selection is refused, by the reason codes of layanan.status_seleksi (one wording for
    # the desk pages, the stories and the projector)
    "tolak_kosong": (
        "Belum ada data yang dapat dimuat. Lihat halaman Data untuk alasan setiap berkas.",
        "No data could be loaded yet. See the Data page for each file's reason.",
    ),
    "tolak_kecil": (
        "Pilihan ini mencakup kurang dari {minimum} responden, jadi angkanya tidak ditampilkan "
        "demi kerahasiaan responden. Perluas filter.",
        "This selection covers fewer than {minimum} respondents, so its figures are not shown, "
        "to protect respondents' confidentiality. Widen the filters.",
    ),
    "tolak_sisa": (
        "Pilihan ini disembunyikan untuk melindungi kelompok kecil: bila ditampilkan, angka "
        "kelompok berisi kurang dari {minimum} responden dapat dihitung dengan mengurangkan "
        "angka yang tampil di halaman lain. Pilih yang lebih luas.",
        "This selection is hidden to protect a small group: if it were shown, the figures of a "
        "group of fewer than {minimum} respondents could be worked out by subtracting figures "
        "shown elsewhere. Choose a wider one.",
    ),
    "tolak_unit": (
        "Nama unit kerja saja tidak menunjuk satu kelompok (banyak instansi punya unit dengan nama "
        "yang sama), jadi tidak ditampilkan. Pilih dahulu instansinya, lalu unit kerjanya.",
        "A work unit's name alone does not name one group (many agencies have a unit of that "
        "name), so it is not shown. Choose the agency first, then its unit.",
    ),
    "responden": ("responden", "respondents"),
    "tersembunyi": ("< {minimum} responden", "< {minimum} respondents"),
    "tersembunyi_pelengkap": ("ikut disembunyikan", "also hidden"),
    "catatan_privasi": (
        "«< {minimum} responden»: kelompok terlalu kecil untuk ditampilkan. «ikut disembunyikan»: "
        "kelompok ini tidak kecil, tetapi disembunyikan agar kelompok kecil tidak dapat dihitung "
        "dari selisih dengan total.",
        "«< {minimum} respondents»: the group is too small to show. «also hidden»: this group is "
        "not small, but is hidden so that a small group cannot be worked out by subtracting from "
        "the total.",
    ),
    "alasan_tersembunyi": (
        "Disembunyikan: dihitung dari kurang dari {minimum} responden, demi kerahasiaan.",
        "Hidden: based on fewer than {minimum} respondents, to protect confidentiality.",
    ),
    "tidak_diisi": ("(tidak diisi)", "(not given)"),
    "tidak_ada_data": ("tidak ada data", "no data"),
}


def t(kunci: str, lang: str = BAKU, **isi) -> str:
    """A shared string from :data:`UMUM`."""
    return teks(UMUM, kunci, lang, **isi)


def alasan_tolak(alasan: str, lang: str = BAKU, minimum: int = 10) -> str:
    """The plain sentence for a refused selection (``alasan``: a reason code of
    ``layanan.status_seleksi``)."""
    return teks(UMUM, f"tolak_{alasan}", lang, minimum=minimum)
