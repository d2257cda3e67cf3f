"""The privacy auditor (issue 7): the check itself on hand-made systems, the generated data's
five leak patterns, and the dashboard audited end to end."""

from __future__ import annotations

import pandas as pd
import pytest

from berakhlak import audit, layanan, privasi
from berakhlak.audit import Terbit, kunci


def atom(**kolom) -> pd.DataFrame:
    return pd.DataFrame(kolom)


def terbit(*isi: dict, ukuran=("n",)) -> list[Terbit]:
    return [Terbit(kunci(**d), frozenset(ukuran), "uji") for d in isi]


def bocor(hasil: audit.Hasil) -> dict:
    return {audit.nama(b.kunci): b.ukuran for b in hasil.bocor}


# --- the check on hand-made systems ------------------------------------------------------------


def test_parent_and_one_child_shown_the_other_child_leaks():
    a = atom(a=["x", "y"], n=[20, 5])
    hasil = audit.periksa(a, terbit({}, {"a": "x"}), grup=[{"a": "y"}])
    assert bocor(hasil) == {"a=y": ("n",)}
    (b,) = hasil.bocor
    assert b.n == 5 and sorted((c, audit.nama(k)) for c, k, _ in b.kombinasi) == [(-1.0, "a=x"), (1.0, "semua")]


def test_parent_shown_both_children_hidden_nothing_leaks():
    a = atom(a=["x", "y"], n=[4, 5])
    assert audit.periksa(a, terbit({}), grup=[{"a": "x"}, {"a": "y"}]).bocor == []


def test_children_shown_parent_hidden_each_child_is_itself_published():
    a = atom(a=["x", "y", "z"], n=[20, 5, 30])
    hasil = audit.periksa(a, terbit({"a": "x"}, {"a": "z"}), grup=[{"a": "y"}, {}])
    assert hasil.bocor == []


def test_two_by_two_table_with_margins_and_hidden_interior_does_not_leak():
    a = atom(a=["0", "0", "1", "1"], b=["0", "1", "0", "1"], n=[3, 4, 5, 6])
    tampil = terbit({}, {"a": "0"}, {"a": "1"}, {"b": "0"}, {"b": "1"})
    dalam = [{"a": i, "b": j} for i in "01" for j in "01"]
    assert audit.periksa(a, tampil, grup=dalam).bocor == []
    # one interior cell shown (itself a leak): every other one follows from the margins
    hasil = audit.periksa(a, [*tampil, *terbit({"a": "0", "b": "0"})], grup=dalam)
    assert set(bocor(hasil)) == {"a=0 · b=0", "a=0 · b=1", "a=1 · b=0", "a=1 · b=1"}


def test_bridge_through_a_third_cell_leaks():
    # atoms (p,q) (p,r) (s,r): [g1=p] - [g2=r] + [g1=s] = the atom (p,q)
    a = atom(g1=["p", "p", "s"], g2=["q", "r", "r"], n=[4, 30, 20])
    hasil = audit.periksa(a, terbit({"g1": "p"}, {"g2": "r"}, {"g1": "s"}), grup=[{"g2": "q"}])
    (b,) = hasil.bocor
    assert b.n == 4
    assert sorted((c, audit.nama(k)) for c, k, _ in b.kombinasi) == [
        (-1.0, "g2=r"), (1.0, "g1=p"), (1.0, "g1=s")]


def test_each_measure_has_its_own_published_cells():
    a = atom(a=["x", "y"], n=[20, 5])
    tampil = [Terbit(kunci(), frozenset({"n", "adaptif"}), "uji"),
              Terbit(kunci(a="x"), frozenset({"n"}), "uji")]  # adaptif hidden in the child
    hasil = audit.periksa(a, tampil, grup=[{"a": "y"}], ukuran=("n", "adaptif"))
    assert bocor(hasil) == {"a=y": ("n",)}


def test_a_group_small_in_those_who_answered_a_measure_is_protected_for_it():
    """12 respondents, 4 of whom gave a level: the level counts of 4 follow from the parent
    minus the sibling, though the group's count is not small (issue 7, blank answers)."""
    a = atom(provinsi=["x", "y"], n=[20, 12], n_lv=[15, 4], n_adaptif=[20, 12])
    tampil = terbit({}, {"provinsi": "x"}, ukuran=("n", "adaptif", audit.LEVEL))
    assert bocor(audit.periksa(a, tampil)) == {"provinsi=y": (audit.LEVEL,)}
    # the same cells without the levels published: nothing to work out
    assert audit.periksa(a, terbit({}, {"provinsi": "x"}, ukuran=("n", "adaptif"))).bocor == []


def test_atoms_nobody_answered_are_known_to_add_nothing():
    # y's 3 answerers are all in y1: publishing y2 (nobody answered there) tells nothing new,
    # but the parent minus x gives y's sum
    a = atom(provinsi=["x", "y", "y"], instansi=["p", "q", "r"], n=[20, 6, 6], n_lv=[15, 3, 0])
    lv = (audit.LEVEL,)
    assert bocor(audit.periksa(a, terbit({}, {"provinsi": "x"}, ukuran=lv), ukuran=lv)) == {
        "provinsi=y": lv, "instansi=q": lv}  # q holds all of y's answerers
    assert audit.periksa(a, terbit({}, {"instansi": "r"}, ukuran=lv), ukuran=lv).bocor == []


def test_periods_solved_apart_unless_a_cell_spans_them():
    a = atom(periode=[2023, 2023, 2024, 2024], a=["x", "y", "x", "y"], n=[20, 5, 20, 5])
    tampil = terbit({"periode": 2023}, {"periode": 2024, "a": "x"})
    assert audit.periksa(a, tampil, grup=[{"periode": 2024, "a": "y"}]).bocor == []
    # a figure over all periods (no period in its key) links them: 2024 = all - 2023
    lintas = terbit({}, {"periode": 2023}, {"periode": 2024, "a": "x"})
    hasil = audit.periksa(a, lintas, grup=[{"periode": 2024, "a": "y"}])
    assert bocor(hasil) == {"2024 · a=y": ("n",)}


def test_empty_atoms_are_known_to_the_adversary():
    # a = x and a = y hold everyone, so the parent minus x gives y even if z exists elsewhere
    a = atom(a=["x", "y"], b=["p", "p"], n=[20, 5])
    hasil = audit.periksa(a, terbit({"b": "p"}, {"a": "x"}), grup=[{"a": "y"}])
    assert bocor(hasil) == {"a=y": ("n",)}


def test_nameable_groups_are_small_and_named_once():
    a = atom(periode=[2024] * 3, provinsi=["P", "P", "Q"], instansi=["A", "B", "C"],
             golongan=["I", "II", "I"], n=[3, 30, 4])
    grup = audit.grup_bernama(a, 10, kolom_filter=("provinsi", "instansi"), kolom_demografi=("golongan",))
    nama = {audit.nama(g) for g in grup}
    # instansi=C is provinsi=Q and provinsi=P·golongan=I is instansi=A: each named once
    assert nama == {"2024 · provinsi=Q", "2024 · instansi=A", "2024 · golongan=I"}
    assert all(1 <= sum(a.loc[audit._cocok(a, [g])[0], "n"]) < 10 for g in grup)


# --- the generated data ----------------------------------------------------------------------


def n_di(df: pd.DataFrame, **isi) -> int:
    cocok = pd.Series(True, index=df.index)
    for kol, nilai in isi.items():
        cocok &= df[kol] == nilai
    return int(cocok.sum())


def test_generated_data_holds_the_five_patterns():
    df = audit.data_uji()
    pd.testing.assert_frame_equal(df, audit.data_uji())  # deterministic
    assert 500 <= len(df) <= 1500 and sorted(df["periode"].unique()) == [2023, 2024]
    assert not df.duplicated(["periode", "responden_id"]).any()
    a = audit.atom(df)
    for _, kunci_kasus, n in audit.KASUS.values():
        assert sum(a.loc[audit._cocok(a, [kunci_kasus])[0], "n"]) == n, kunci_kasus
    t = df[df["periode"] == 2024]
    # 1. Gorontalo 100, of which agencies of one kind 95
    assert n_di(t, provinsi="Gorontalo") == 100
    assert n_di(t, provinsi="Gorontalo", jenis_instansi="Pemerintah Kabupaten") == 95
    # 2. C1 in Kota Ambon leaves 5 in 2023 and 20 in 2024
    for periode, sisa in ((2023, 5), (2024, 20)):
        p = df[df["periode"] == periode]
        assert n_di(p, kabupaten_kota="Kota Ambon") - n_di(p, instansi="Pemerintah Kota Ambon") == sisa
    # 3. unit "Bagian Umum" 55, of which Tegal 50
    assert n_di(t, unit_kerja="Bagian Umum") == 55
    assert n_di(t, unit_kerja="Bagian Umum", instansi="Pemerintah Kabupaten Tegal") == 50
    # 4. golongan I in Kabupaten Badung 23 = B2 15 + B1 8
    badung = t[t["kabupaten_kota"] == "Kabupaten Badung"]
    assert n_di(badung, golongan="I") == 23
    assert n_di(badung, golongan="I", instansi="Badan Pengawas Obat dan Makanan") == 15
    assert n_di(badung, golongan="I", instansi="Pemerintah Kabupaten Badung") == 8
    # 5. kabupaten of 50, 50 and 5 in one province
    ntb = t[t["provinsi"] == "Nusa Tenggara Barat"]
    assert ntb.groupby("kabupaten_kota").size().sort_values().tolist() == [5, 50, 50]
    # a ministry in several provinces and kabupaten
    kemenag = t[t["instansi"] == audit.KEMENTERIAN]
    assert kemenag["provinsi"].nunique() >= 3 and kemenag["kabupaten_kota"].nunique() >= 3
    # many small groups in every filter and demographic column
    grup = audit.grup_bernama(a, privasi.MINIMUM_BAKU)
    assert len(grup) >= 200
    for kol in (*audit.KOLOM_FILTER, *audit.KOLOM_DEMOGRAFI):
        assert any(kol in dict(g) for g in grup), kol


# --- the dashboard, audited --------------------------------------------------------------------


def test_dashboard_publishes_no_recoverable_small_group(data_env):
    """Every figure the pages publish for every nameable selection, period and dimension;
    no group of 1..minimum-1 respondents may follow from them by adding and subtracting.
    (``alias=False`` reads each set of respondents once; ``make audit`` reads every alias.)"""
    df = audit.tulis_data_uji(data_env)
    k = layanan.keadaan_lengkap()
    assert k.n_responden == len(df) and k.demografi_lengkap
    hasil = audit.audit_dasbor(df, k, alias=False)
    a = audit.atom(df)
    kasus = [f"  case {no}, {desk}: " + str(b).replace(audit.nama(b.kunci), audit.nama(kk), 1)
             for no, (desk, kk, _) in audit.KASUS.items() if (b := audit.bocor_kasus(hasil, a, kk))]
    if hasil.bocor:
        pytest.fail("\n".join(["Issue 7 patterns that leak:", *kasus, hasil.ringkasan(30)]), pytrace=False)


def test_blank_answers_leave_no_recoverable_small_group_of_answerers(data_env):
    """Some respondents left the level or one value blank: a group can then be small in those
    who answered a measure though not in its count, and that must not follow either."""
    df = audit.tulis_data_uji(data_env, periode=[2024], bolong=0.15)
    assert df["level_sosio_emosional"].isna().sum() > 50
    hasil = audit.audit_dasbor(df, layanan.keadaan_lengkap(), alias=False)
    assert not hasil.bocor, hasil.ringkasan(30)
    assert hasil.n_grup > len(audit.grup_bernama(audit.atom(df), privasi.MINIMUM_BAKU))
