"""pola: the suppression pattern on small hand-made layers (the auditor proves the whole
dashboard in test_audit.py)."""

from __future__ import annotations

import pandas as pd

from berakhlak import audit, layanan, pola

P, J1, J2 = "Jawa Tengah", "Pemerintah Kabupaten", "Pemerintah Provinsi"


def atom(baris: list[tuple]) -> pd.DataFrame:
    """(jenis, provinsi, kabupaten, instansi, unit, n) rows as the pola_atom query returns."""
    df = pd.DataFrame(baris, columns=[*pola.ORG, "n"])
    return df.assign(grup="", lengkap=True)


def sembunyi(baris: list[tuple], minimum: int = 10) -> set[tuple]:
    org, tersembunyi, _ = pola._hitung_org(atom(baris), minimum)
    return {org.kunci_nilai(k) for k in tersembunyi}


def kunci(**nilai) -> tuple:
    return pola.kunci_sel(nilai)


def test_sibling_regions_a_small_one_takes_a_complement_with_it():
    # case 5: kabupaten A=50, B=50, C=5 in one province
    h = sembunyi([(J1, P, "A", "Kab A", "u", 50), (J1, P, "B", "Kab B", "u", 50),
                  (J1, P, "C", "Kab C", "u", 5)])
    assert kunci(kabupaten_kota="C") in h
    assert (kunci(kabupaten_kota="A") in h) != (kunci(kabupaten_kota="B") in h)
    assert kunci(provinsi=P) not in h and kunci() not in h


def test_nothing_small_nothing_hidden():
    h = sembunyi([(J1, P, "A", "Kab A", "u", 50), (J1, P, "B", "Kab B", "u", 30)])
    assert {k for k in h if k[3] is not None or k[4] is None} == set()


def test_a_small_remainder_hides_the_narrower_selection():
    # case 1: the other kinds in the province are 5 respondents
    h = sembunyi([(J1, P, "A", "Kab A", "u", 95), (J2, P, "A", "Pemprov", "u", 5),
                  (J1, "Bali", "D", "Kab D", "u", 40), (J2, "Bali", "D", "Pemprov Bali", "u", 40)])
    assert kunci(jenis_instansi=J2, provinsi=P) in h
    assert kunci(jenis_instansi=J1, provinsi=P) in h or kunci(provinsi=P) in h


def test_the_same_group_gets_the_same_decision_under_every_name():
    h = sembunyi([(J1, P, "A", "Kab A", "u", 50), (J1, P, "B", "Kab B", "u", 50),
                  (J1, P, "C", "Kab C", "u", 5)])
    nama = [kunci(kabupaten_kota="C"), kunci(provinsi=P, kabupaten_kota="C"),
            kunci(instansi="Kab C"), kunci(jenis_instansi=J1, kabupaten_kota="C", instansi="Kab C")]
    assert all(k in h for k in nama)


def test_weakened_rule_is_caught_by_the_auditor(data_env, monkeypatch):
    """Switch the certificates off (only small cells hidden): the auditor must find leaks."""
    df = audit.tulis_data_uji(data_env, periode=[2024])
    monkeypatch.setattr(pola, "_lindungi", lambda lap: 0)
    k = layanan.keadaan_lengkap()
    hasil = audit.audit_dasbor(df, k, alias=False)
    assert hasil.bocor, "the auditor found no leak with secondary suppression switched off"
    # the sibling-regions case (issue 7, case 5) is among them
    assert audit.bocor_kasus(hasil, audit.atom(df), audit.KASUS[5][1])


def test_weakened_rule_for_blank_answers_is_caught_by_the_auditor(data_env, monkeypatch):
    """Protect only by respondent counts (not by those who answered each value and the level):
    with blank answers, the auditor must find a group whose few answerers can be worked out."""
    df = audit.tulis_data_uji(data_env, periode=[2024], bolong=0.15)
    monkeypatch.setattr(pola, "UKURAN", ())
    hasil = audit.audit_dasbor(df, layanan.keadaan_lengkap(), alias=False)
    assert hasil.bocor and all(set(b.ukuran) - {"n"} for b in hasil.bocor), hasil.ringkasan()


def test_a_unit_name_without_its_agency_is_never_shown():
    h = sembunyi([(J1, P, "A", "Kab A", "Sekretariat", 50), (J1, P, "B", "Kab B", "Sekretariat", 30)])
    assert kunci(unit_kerja="Sekretariat") in h
    assert kunci(instansi="Kab A", unit_kerja="Sekretariat") not in h
