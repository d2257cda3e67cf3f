"""A work unit's name without its agency names no one group (every agency has a Sekretariat):
the page says so, with no figure, and offers the wider selection (issue 7)."""

from __future__ import annotations

import pytest

from berakhlak import layanan


@pytest.mark.parametrize("halaman", [None, "pages/3_tren.py"])
def test_unit_tanpa_instansi_ditolak_dengan_alasannya(buka, mentah, halaman):
    unit = mentah["unit_kerja"].value_counts().index[0]  # the most common unit name: many agencies
    at = buka(halaman, periode="2022", unit_kerja=unit)
    peringatan = "\n".join(w.value for w in at.warning)
    assert "Pilih dahulu instansinya, lalu unit kerjanya" in peringatan
    assert "kelompok kecil" not in peringatan  # not the small-group reason: the unit is large
    assert not at.metric and not at.get("plotly_chart")


def test_unit_dengan_instansi_tetap_ditampilkan(demo_env, mentah):
    k = layanan.keadaan_lengkap()
    baris = mentah[mentah["periode"] == 2022].groupby(["instansi", "unit_kerja"]).size()
    (instansi, unit), n = baris.sort_values().index[-1], baris.max()
    assert n >= 10
    p = layanan.Pilihan(periode=2022, instansi=instansi, unit_kerja=unit)
    assert layanan.status_seleksi(k, p) is None
    assert layanan.status_seleksi(k, p.dengan(instansi=None)) == layanan.UNIT_TANPA_INSTANSI
