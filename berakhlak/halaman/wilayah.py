"""Wilayah (/wilayah) as blocks: a pure function from a selection to what the page shows.

Two views:

* **regions** (no agency selected): the regions one level below the selection ranked (the 38
  provinces on a tile map too), with a headline naming the highest and the lowest and whether
  their difference is beyond the margin of error;
* **an agency** (``instansi`` selected): where it stands. Its figures are never drawn under a
  region's name (issue 9, item 1): the agency is ranked among its peers (same kind, same
  province, same period; same kind nationwide for an agency with respondents in several
  provinces, when no province is chosen), its bar outlined, then its work units.

Peers come from ``layanan.ringkas`` (kelompok ``instansi``, a selection of the peers' kind and
province), so the privacy pattern decides which of them may be shown. A hidden peer is neither
drawn nor named, and is not ranked: the rank is among the peers shown ("peringkat 3 dari 12
instansi sejenis yang ditampilkan"). Counting hidden peers into the rank would tell whether
each of them scored above or below the agency (rank among all minus rank among those shown),
which is exactly what hiding them must not reveal; only how many are hidden is said, which the
agency list in the sidebar already tells.

Nothing here draws or needs Streamlit: the page renders the blocks (``render_layar``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from berakhlak import aman, grafik, i18n, kontrak, layanan, privasi, statistik
from berakhlak import format as fmt
from berakhlak.blok import Blok, ButirMetrik, Catatan, Grafik, Judul, Metrik, Tabel
from berakhlak.kontrak import kosong
from berakhlak.layanan import Pilihan

TEKS: dict[str, tuple[str, str]] = {
    "peringkat_provinsi": ("Peringkat provinsi", "Provinces ranked"),
    "peringkat_kabupaten_kota": ("Peringkat kabupaten/kota di {induk}", "Regencies/cities in {induk} ranked"),
    "peringkat_instansi": ("Peringkat instansi di {induk}", "Agencies in {induk} ranked"),
    "peta": ("Peta indeks per provinsi", "Index by province on the map"),
    "peta_ket": ("Setiap kotak satu provinsi, di sekitar letaknya; makin gelap, makin tinggi indeksnya.",
                 "Each tile is one province, near its location; the darker, the higher its index."),
    "tingkat_provinsi": ("provinsi", "provinces"),
    "tingkat_kabupaten_kota": ("kabupaten/kota", "regencies/cities"),
    "tingkat_instansi": ("instansi", "agencies"),
    "wilayah": ("Wilayah", "Region"),
    "instansi": ("Instansi", "Agency"),
    "unit_kerja": ("Unit kerja", "Work unit"),
    "indeks": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "kategori": ("Kategori", "Category"),
    "responden": ("Responden", "Respondents"),
    "moe": ("Margin kesalahan (±)", "Margin of error (±)"),
    "peringkat": ("Peringkat", "Rank"),
    # headlines: regions
    "k_wilayah": (
        "Dari {m} {tingkat} yang ditampilkan, tertinggi {tinggi} ({skor_tinggi}) dan terendah "
        "{rendah} ({skor_rendah}): selisih {beda} poin, {arti}.",
        "Of the {m} {tingkat} shown, the highest is {tinggi} ({skor_tinggi}) and the lowest "
        "{rendah} ({skor_rendah}): a difference of {beda} points, {arti}.",
    ),
    "k_wilayah_satu": ("Hanya {nama} ({skor}) yang dapat ditampilkan pada tingkat ini.",
                       "Only {nama} ({skor}) can be shown at this level."),
    "k_wilayah_kosong": ("Tidak ada {tingkat} yang dapat ditampilkan untuk pilihan ini.",
                         "No {tingkat} can be shown for this selection."),
    "bermakna": ("melebihi margin kesalahan (±{moe})", "beyond the margin of error (±{moe})"),
    "tak_bermakna": ("masih dalam margin kesalahan (±{moe})", "within the margin of error (±{moe})"),
    # headlines: an agency among its peers (or a work unit among the agency's units)
    "k_peringkat": (
        "{nama} ({skor}) berada di peringkat {r} dari {m} {golongan} yang ditampilkan: {rincian}.",
        "{nama} ({skor}) ranks {r} of the {m} {golongan} shown: {rincian}.",
    ),
    "k_sendiri": (
        "{nama} ({skor}) adalah satu-satunya {golongan} yang dapat ditampilkan, jadi tidak ada "
        "pembanding sejenis.",
        "{nama} ({skor}) is the only one of the {golongan} that can be shown, so there is no "
        "peer to compare with.",
    ),
    "k_tak_tampil": (
        "Letak {nama} di antara {golongan} tidak dapat ditampilkan demi kerahasiaan.",
        "Where {nama} stands among the {golongan} cannot be shown, for confidentiality.",
    ),
    "g_sejawat": ("{jenis} di {provinsi}", "{jenis} agencies in {provinsi}"),
    "g_sejawat_nasional": ("{jenis}", "{jenis} agencies"),
    "g_unit": ("unit kerja {instansi}", "work units of {instansi}"),
    "r_tinggi": ("{n} lebih tinggi", "{n} higher"),
    "r_rendah": ("{n} lebih rendah", "{n} lower"),
    "r_dan": (" dan ", " and "),
    "r_melebihi": ("{daftar} melebihi margin kesalahan", "{daftar} beyond the margin of error"),
    "r_setara": ("{n} lainnya kurang lebih sama", "{n} others about the same"),
    "r_semua_setara": (
        "selisihnya dengan {golongan_pendek} lain masih dalam margin kesalahan, jadi urutannya "
        "tidak pasti",
        "its difference from the other {golongan_pendek} is within the margin of error, so the "
        "order is uncertain",
    ),
    "pendek_instansi": ("setiap instansi", "agencies"),
    "pendek_unit": ("setiap unit kerja", "work units"),
    # the agency's view
    "m_indeks": ("Indeks BerAKHLAK", "BerAKHLAK index"),
    "m_peringkat": ("Peringkat di antara instansi sejenis", "Rank among peer agencies"),
    "m_peringkat_nilai": ("{r} dari {m}", "{r} of {m}"),
    "m_peringkat_ket": ("di antara yang ditampilkan", "among those shown"),
    "m_responden": ("Responden", "Respondents"),
    "j_sejawat": ("Di antara instansi sejenis: {golongan}, {periode}",
                  "Among peer agencies: {golongan}, {periode}"),
    "ket_sejawat": (
        "Hanya instansi yang angkanya boleh ditampilkan; garis tebal: {nama}. Garis kecil di ujung "
        "batang: margin kesalahan 95 %.",
        "Only agencies whose figures may be shown; outlined: {nama}. The whisker at each bar's "
        "end: the 95% margin of error.",
    ),
    "sejawat_tersembunyi": (
        "{n} instansi sejenis lain tidak ditampilkan demi kerahasiaan dan tidak ikut diperingkat.",
        "{n} other agencies of its kind are not shown, for confidentiality, and are not ranked.",
    ),
    "j_unit": ("Unit kerja {instansi}", "Work units of {instansi}"),
    "ket_unit_sorot": ("Garis tebal: {nama}.", "Outlined: {nama}."),
    "unit_tidak_ada": ("{instansi} tidak memiliki unit kerja yang tercatat pada periode ini.",
                       "{instansi} has no work units recorded in this period."),
}

TINGKAT = ("provinsi", "kabupaten_kota", "instansi")


def _t(kunci: str, lang: str, **isi) -> str:
    return i18n.teks(TEKS, kunci, lang, **isi)


def _d(x, lang: str) -> str:
    return fmt.desimal(x, lang)


# ------------------------------------------------------------------------ what to show


def tingkat(pilihan: Pilihan) -> str:
    """The level the regions view breaks a selection into: one below its narrowest region
    (a kabupaten/kota chosen without its province still gives its agencies, never a province
    row holding only the kabupaten's figures)."""
    if pilihan.kabupaten_kota is not None:
        return "instansi"
    if pilihan.provinsi is not None:
        return "kabupaten_kota"
    return "provinsi"


def induk(pilihan: Pilihan) -> str:
    return pilihan.kabupaten_kota or pilihan.provinsi or ""


def rincian(k, pilihan: Pilihan) -> pd.DataFrame:
    """The regions view's groups (through the privacy pattern)."""
    return layanan.ringkas(k, tingkat(pilihan), pilihan)


@dataclass(frozen=True)
class Sejawat:
    """An agency's peers: the selection that holds them and how the page names them."""

    pilihan: Pilihan
    jenis: str
    provinsi: str | None  # None: the kind nationwide (an agency in several provinces)


def sejawat(k, pilihan: Pilihan) -> Sejawat | None:
    """The peers of the selected agency in the selection's period: same ``jenis_instansi``;
    same province (the chosen one, else the agency's only one; none when it has respondents
    in several provinces and none is chosen, so its bar is its whole figure)."""
    if pilihan.instansi is None:
        return None
    agensi = pilihan.dengan(unit_kerja=None, kabupaten_kota=None)
    jenis = pilihan.jenis_instansi
    if jenis is None:
        hasil = layanan.pembanding(k, agensi, "jenis")
        if hasil is None:
            return None
        jenis = hasil[1]
    provinsi = pilihan.provinsi
    if provinsi is None:
        df = layanan.pilihan_filter(k)
        df = df[(df["instansi"] == pilihan.instansi) & (df["n"] > 0)]
        if pilihan.periode is not None:
            df = df[df["periode"] == pilihan.periode]
        semua = sorted(df["provinsi"].dropna().unique().tolist())
        provinsi = semua[0] if len(semua) == 1 else None
    return Sejawat(Pilihan(periode=pilihan.periode, jenis_instansi=jenis, provinsi=provinsi), jenis, provinsi)


def _tampak(lebar: pd.DataFrame) -> pd.DataFrame:
    """Rows whose index may be shown, highest first (ties by name)."""
    tampak = lebar[~lebar["tersembunyi"].astype(bool) & lebar["indeks"].notna()]
    return tampak.assign(_nama=tampak["kelompok"].astype(str)).sort_values(
        ["indeks", "_nama"], ascending=[False, True]).drop(columns="_nama")


@dataclass(frozen=True)
class Letak:
    """Where one group stands among the groups shown: competition rank on the figures as
    displayed (equal displayed figures share a rank), and how many others are higher, lower
    or about the same by the margin-of-error rule of ``statistik.selisih``."""

    peringkat: int
    jumlah: int
    lebih_tinggi: int
    lebih_rendah: int
    setara: int


def letak(tampak: pd.DataFrame, nama: str) -> Letak | None:
    """The :class:`Letak` of ``nama`` among ``tampak`` (rows shown); None when it is not one."""
    sendiri = tampak[tampak["kelompok"] == nama]
    if sendiri.empty:
        return None
    s = sendiri.iloc[0]
    skor = kontrak.bulatkan(s["indeks"])
    lain = tampak[tampak["kelompok"] != nama]
    tampil = [kontrak.bulatkan(x) for x in lain["indeks"]]
    tinggi = rendah = 0
    for x, m in zip(lain["indeks"], lain["moe_indeks"], strict=True):
        hasil = statistik.selisih(x, m, s["indeks"], s["moe_indeks"])
        arah = hasil.arah if hasil is not None else "tidak_pasti"
        tinggi += arah == "lebih_tinggi"
        rendah += arah == "lebih_rendah"
    return Letak(1 + sum(x > skor for x in tampil), len(tampak), tinggi, rendah,
                 len(lain) - tinggi - rendah)


# -------------------------------------------------------------------------- sentences


def kalimat_letak(nama: str, skor, lt: Letak, golongan: str, unit: bool, lang: str) -> str:
    """"{nama} ({skor}) berada di peringkat r dari m {golongan} yang ditampilkan: a lebih
    tinggi dan b lebih rendah melebihi margin kesalahan, selisih dengan c lainnya masih dalam
    margin kesalahan." (only the parts that apply)."""
    if lt.jumlah <= 1:
        return _t("k_sendiri", lang, nama=nama, skor=_d(skor, lang), golongan=golongan)
    daftar = [_t(kunci, lang, n=fmt.bulat(n, lang))
              for kunci, n in (("r_tinggi", lt.lebih_tinggi), ("r_rendah", lt.lebih_rendah)) if n]
    if not daftar:
        rinci = _t("r_semua_setara", lang, golongan_pendek=_t("pendek_unit" if unit else "pendek_instansi", lang))
    else:
        rinci = _t("r_melebihi", lang, daftar=_t("r_dan", lang).join(daftar))
        if lt.setara:
            rinci += ", " + _t("r_setara", lang, n=fmt.bulat(lt.setara, lang))
    return _t("k_peringkat", lang, nama=nama, skor=_d(skor, lang), r=fmt.bulat(lt.peringkat, lang),
              m=fmt.bulat(lt.jumlah, lang), golongan=golongan, rincian=rinci)


def kalimat_wilayah(lebar: pd.DataFrame, tingkat_: str, lang: str) -> str:
    """The regions view's headline: the highest and lowest shown, and whether they differ
    beyond the margin of error."""
    tampak = _tampak(lebar)
    label = _t(f"tingkat_{tingkat_}", lang)
    if tampak.empty:
        return _t("k_wilayah_kosong", lang, tingkat=label)
    tinggi, rendah = tampak.iloc[0], tampak.iloc[-1]
    if len(tampak) == 1:
        return _t("k_wilayah_satu", lang, nama=tinggi["kelompok"], skor=_d(tinggi["indeks"], lang))
    hasil = statistik.selisih(tinggi["indeks"], tinggi["moe_indeks"], rendah["indeks"], rendah["moe_indeks"])
    bermakna = hasil.arah in ("lebih_tinggi", "lebih_rendah")
    moe = "–" if kosong(hasil.moe) else _d(hasil.moe, lang)
    beda = kontrak.bulatkan(kontrak.bulatkan(tinggi["indeks"]) - kontrak.bulatkan(rendah["indeks"]))
    return _t("k_wilayah", lang, m=fmt.bulat(len(tampak), lang), tingkat=label, tinggi=tinggi["kelompok"],
              skor_tinggi=_d(tinggi["indeks"], lang), rendah=rendah["kelompok"],
              skor_rendah=_d(rendah["indeks"], lang), beda=_d(beda, lang),
              arti=_t("bermakna" if bermakna else "tak_bermakna", lang, moe=moe))


# ------------------------------------------------------------------------------ blocks


def _kolom_tabel(nama_kolom: str, lang: str, peringkat: bool = False) -> dict[str, tuple[str, str]]:
    return {
        **({"peringkat": (_t("peringkat", lang), "bulat")} if peringkat else {}),
        "kelompok": (nama_kolom, "teks"),
        "indeks": (_t("indeks", lang), "desimal"),
        "moe_indeks": (_t("moe", lang), "desimal"),
        "kategori_label": (_t("kategori", lang), "teks"),
        "n": (_t("responden", lang), "bulat"),
        **{v: (kontrak.label_nilai(v, lang), "desimal") for v in kontrak.KUNCI_NILAI},
    }


def _dengan_kategori(lebar: pd.DataFrame, lang: str) -> pd.DataFrame:
    return lebar.assign(kategori_label=[
        f"{kode} · {kontrak.label_kategori(kode, lang)}" if isinstance(kode, str) and kode else ""
        for kode in lebar["kategori"]])


def _catatan_privasi(lebar: pd.DataFrame, lang: str) -> list[Blok]:
    if "tersembunyi" in lebar and lebar["tersembunyi"].astype(bool).any():
        return [Catatan((i18n.t("catatan_privasi", lang, minimum=privasi.minimum()),), kecil=True)]
    return []


def blok_wilayah(k, pilihan: Pilihan, lang: str) -> list[Blok]:
    """What /wilayah shows for ``pilihan`` (the selection has been allowed by
    ``layanan.status_seleksi``): the agency's view when an agency is selected, else the
    regions view."""
    if pilihan.instansi is not None:
        return blok_instansi(k, pilihan, lang)
    return blok_daerah(k, pilihan, lang)


def blok_daerah(k, pilihan: Pilihan, lang: str) -> list[Blok]:
    """The regions one level below the selection, ranked (and on the map for provinces)."""
    tingkat_ = tingkat(pilihan)
    penanda = privasi.penanda(lang, privasi.minimum())
    lebar = rincian(k, pilihan)
    blok: list[Blok] = [Judul(kalimat_wilayah(lebar, tingkat_, lang))]
    if tingkat_ == "provinsi":
        blok.append(Grafik(grafik.peta_provinsi(lebar, lang, penanda), _t("peta", lang),
                           _t("peta_ket", lang), "peta-provinsi"))
    judul = _t(f"peringkat_{tingkat_}", lang, induk=induk(pilihan))
    label_tingkat = {"provinsi": "Provinsi", "kabupaten_kota": "Kabupaten/kota", "instansi": "Instansi"}
    if lang == "en":
        label_tingkat = {"provinsi": "Province", "kabupaten_kota": "Regency/city", "instansi": "Agency"}
    blok.append(Grafik(grafik.peringkat(aman.grafik_df(lebar), lang, penanda, label_tingkat[tingkat_]),
                       judul, "", f"peringkat-{tingkat_}"))
    blok += _catatan_privasi(lebar, lang)
    blok.append(Tabel(_dengan_kategori(lebar, lang).sort_values("indeks", ascending=False),
                      _kolom_tabel(_t("wilayah", lang), lang), f"wilayah_{tingkat_}"))
    return blok


def _golongan(sj: Sejawat, lang: str) -> str:
    if sj.provinsi is None:
        return _t("g_sejawat_nasional", lang, jenis=sj.jenis)
    return _t("g_sejawat", lang, jenis=sj.jenis, provinsi=sj.provinsi)


def _dengan_peringkat(tampak: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The shown rows with their competition rank (equal displayed figures share one)."""
    tampil = [kontrak.bulatkan(x) for x in tampak["indeks"]]
    r = [1 + sum(y > x for y in tampil) for x in tampil]
    return tampak.assign(peringkat=r)


def blok_instansi(k, pilihan: Pilihan, lang: str) -> list[Blok]:
    """An agency among its peers (bar outlined), then its work units. With a work unit
    selected too, the headline is the unit's rank among the agency's units."""
    penanda = privasi.penanda(lang, privasi.minimum())
    nama = pilihan.instansi
    sj = sejawat(k, pilihan)
    blok: list[Blok] = []
    judul_kalimat = None
    metrik: list[ButirMetrik] = []

    # the agency among its peers
    sejawat_blok: list[Blok] = []
    if sj is not None:
        golongan = _golongan(sj, lang)
        lebar = layanan.ringkas(k, "instansi", sj.pilihan)
        tampak = _tampak(lebar)
        tersembunyi = int((~lebar["kelompok"].isin(tampak["kelompok"]) & (lebar["kelompok"] != nama)).sum())
        lt = letak(tampak, nama)
        if lt is None:
            judul_kalimat = _t("k_tak_tampil", lang, nama=nama, golongan=golongan)
        else:
            sendiri = tampak[tampak["kelompok"] == nama].iloc[0]
            judul_kalimat = kalimat_letak(nama, sendiri["indeks"], lt, golongan, False, lang)
            metrik = [
                ButirMetrik(_t("m_indeks", lang), _d(sendiri["indeks"], lang),
                            f"± {_d(sendiri['moe_indeks'], lang)}", kategori=sendiri["kategori"]),
                ButirMetrik(_t("m_peringkat", lang),
                            _t("m_peringkat_nilai", lang, r=fmt.bulat(lt.peringkat, lang),
                               m=fmt.bulat(lt.jumlah, lang)), _t("m_peringkat_ket", lang)),
                ButirMetrik(_t("m_responden", lang), fmt.bulat(sendiri["n"], lang)),
            ]
            fig = grafik.peringkat(aman.grafik_df(tampak), lang, penanda, _t("instansi", lang),
                                   sorot=aman.grafik(nama), nama_sorot=aman.grafik(nama))
            sejawat_blok.append(Grafik(fig, _t("j_sejawat", lang, golongan=golongan, periode=pilihan.periode or ""),
                                       _t("ket_sejawat", lang, nama=nama), "sejawat"))
        if tersembunyi:
            sejawat_blok.append(Catatan((_t("sejawat_tersembunyi", lang, n=fmt.bulat(tersembunyi, lang)),),
                                        kecil=True))
        if not tampak.empty:
            sejawat_blok.append(Tabel(_dengan_kategori(_dengan_peringkat(tampak, lang), lang),
                                      _kolom_tabel(_t("instansi", lang), lang, peringkat=True),
                                      "wilayah_sejawat"))

    # its work units
    unit_blok: list[Blok] = []
    unit = layanan.ringkas(k, "unit_kerja", pilihan.dengan(unit_kerja=None))
    if unit.empty:
        unit_blok.append(Catatan((_t("unit_tidak_ada", lang, instansi=nama),)))
    else:
        sorot = pilihan.unit_kerja
        tampak_unit = _tampak(unit)
        ket = ""
        if sorot is not None:
            ket = _t("ket_unit_sorot", lang, nama=sorot)
            lt_unit = letak(tampak_unit, sorot)
            golongan_unit = _t("g_unit", lang, instansi=nama)
            if lt_unit is not None:
                skor = tampak_unit.loc[tampak_unit["kelompok"] == sorot, "indeks"].iloc[0]
                judul_kalimat = kalimat_letak(sorot, skor, lt_unit, golongan_unit, True, lang)
            else:
                judul_kalimat = _t("k_tak_tampil", lang, nama=sorot, golongan=golongan_unit)
        fig = grafik.peringkat(aman.grafik_df(unit), lang, penanda, _t("unit_kerja", lang),
                               sorot=aman.grafik(sorot) if sorot else None,
                               nama_sorot=aman.grafik(sorot) if sorot else "")
        unit_blok.append(Grafik(fig, _t("j_unit", lang, instansi=nama), ket, "unit-kerja"))
        unit_blok += _catatan_privasi(unit, lang)
        unit_blok.append(Tabel(_dengan_kategori(unit, lang).sort_values("indeks", ascending=False),
                               _kolom_tabel(_t("unit_kerja", lang), lang), "wilayah_unit_kerja"))

    if judul_kalimat:
        blok.append(Judul(judul_kalimat))
    if metrik and pilihan.unit_kerja is None:
        blok.append(Metrik(tuple(metrik)))
    return blok + sejawat_blok + unit_blok


def pilihan_banding(k, pilihan: Pilihan) -> pd.DataFrame:
    """The groups the side-by-side heat map offers: the peers shown (an agency) or the regions
    of the level (see :func:`rincian`)."""
    if pilihan.instansi is not None:
        sj = sejawat(k, pilihan)
        return pd.DataFrame() if sj is None else _tampak(layanan.ringkas(k, "instansi", sj.pilihan))
    return rincian(k, pilihan)
