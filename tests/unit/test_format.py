"""format: numbers in the reader's style, rounded half up as the published figures are.

Every expected string is written out by hand: Indonesian uses a decimal comma and a thousands
point, English the reverse; 74,95 is published as 75,0 (half up, on the number as written,
not on its binary approximation); a rounded zero never carries a sign.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from berakhlak import format as fmt

KOSONG = (None, math.nan, float("nan"), pd.NA)


@pytest.mark.parametrize(("x", "lang", "digit", "harap"), [
    (62.25, "id", 1, "62,3"),         # half up, not half even (62,2)
    (62.35, "id", 1, "62,4"),         # 62.35 is 62.34999... in binary: still half up
    (74.95, "id", 1, "75,0"),         # the category boundary: A, not B
    (74.94, "id", 1, "74,9"),
    (49.95, "id", 1, "50,0"),
    (62.25, "en", 1, "62.3"),
    (2.675, "id", 2, "2,68"),         # 2.675 is 2.67499... in binary
    (62.5, "id", 0, "63"),            # no decimals: no decimal mark
    (1234.5, "id", 0, "1.235"),
    (1234.5, "id", 2, "1.234,50"),
    (1234.5, "en", 2, "1,234.50"),
    (5773.0, "id", 1, "5.773,0"),
    (1234567.891, "en", 1, "1,234,567.9"),
    (-0.05, "id", 1, "-0,1"),         # half away from zero
    (-0.04, "id", 1, "0,0"),          # no "-0,0"
    (-2.25, "en", 1, "-2.3"),
    (0, "id", 1, "0,0"),
    (7, "id", 1, "7,0"),              # whole numbers get the decimals
])
def test_desimal(x, lang, digit, harap):
    assert fmt.desimal(x, lang, digit) == harap


def test_desimal_default_is_indonesian_one_decimal():
    assert fmt.desimal(62.25) == "62,3"


@pytest.mark.parametrize(("x", "harap"), [
    (3.04, "+3,0"), (0.05, "+0,1"), (0.04, "0,0"), (-0.04, "0,0"), (-1, "-1,0"), (0, "0,0"),
])
def test_desimal_sign(x, harap):
    assert fmt.desimal(x, "id", 1, tanda=True) == harap


def test_desimal_sign_only_when_asked():
    assert fmt.desimal(3.04, "id", 1) == "3,0"
    assert fmt.desimal(3.04, "en", 0, True) == "+3"


@pytest.mark.parametrize("x", KOSONG)
def test_missing_shows_a_dash(x):
    assert fmt.desimal(x) == "–"
    assert fmt.bulat(x) == "–"
    assert fmt.persen(x) == "–"
    assert fmt.angka_csv(x) == ""


@pytest.mark.parametrize(("x", "lang", "digit", "harap"), [
    (62.25, "id", 1, "62,3"),
    (62.25, "en", 1, "62.3"),
    (1234.5, "id", 2, "1234,50"),     # no thousands separator in a CSV cell
    (1234.5, "en", 2, "1234.50"),
    (1234567.891, "en", 1, "1234567.9"),
    (1234.5, "id", 0, "1235"),
    (74.95, "id", 1, "75,0"),
    (-0.05, "en", 1, "-0.1"),
    (-0.04, "id", 1, "0,0"),
    (0, "en", 1, "0.0"),
])
def test_angka_csv(x, lang, digit, harap):
    assert fmt.angka_csv(x, lang, digit) == harap


def test_angka_csv_defaults_and_sign():
    assert fmt.angka_csv(62.25) == "62,3"
    assert fmt.angka_csv(3.04, "id", 1, tanda=True) == "+3,0"
    assert fmt.angka_csv(3.04, "en", 1, tanda=True) == "+3.0"
    assert fmt.angka_csv(3.04, "en", 1) == "3.0"
    assert fmt.angka_csv(0.04, "id", 1, tanda=True) == "0,0"
    assert fmt.angka_csv(-0.04, "id", 1, tanda=True) == "0,0"
    assert fmt.angka_csv(-1.26, "id", 1, tanda=True) == "-1,3"
    assert fmt.angka_csv(0.5, "id", 1, tanda=True) == "+0,5"  # below 1 still signed
    assert fmt.angka_csv(1, "en", 0, tanda=True) == "+1"


@pytest.mark.parametrize(("n", "lang", "harap"), [
    (5773, "id", "5.773"), (5773, "en", "5,773"), (1234567.0, "en", "1,234,567"),
    (12.0, "id", "12"), (999, "id", "999"), (0, "id", "0"),
])
def test_bulat(n, lang, harap):
    assert fmt.bulat(n, lang) == harap


def test_bulat_default_is_indonesian():
    assert fmt.bulat(1234567) == "1.234.567"


@pytest.mark.parametrize(("x", "lang", "digit", "harap"), [
    (0.42, "id", 0, "42 %"),
    (0.42, "en", 0, "42%"),
    (0.425, "id", 0, "43 %"),          # 42,5 half up
    (0.4256, "id", 1, "42,6 %"),
    (0.4256, "en", 1, "42.6%"),
    (1, "id", 0, "100 %"),
    (0, "en", 0, "0%"),
])
def test_persen(x, lang, digit, harap):
    assert fmt.persen(x, lang, digit) == harap


def test_persen_default_is_indonesian_whole_percent():
    assert fmt.persen(0.4256) == "43 %"


def test_languages():
    assert fmt.BAHASA == ("id", "en")
    assert fmt.LOCALE == {"id": "id_ID", "en": "en_US"}


@settings(max_examples=400, deadline=None, derandomize=True)
@given(x=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), lang=st.sampled_from(fmt.BAHASA),
       digit=st.integers(min_value=0, max_value=3), tanda=st.booleans())
def test_desimal_sama_dengan_babel(x, lang, digit, tanda):
    """The fast layout is Babel's ``format_decimal`` of the half-up rounded number, character for
    character (grouping, decimal mark, minus sign, sign of a rounded zero)."""
    d = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-digit), rounding=ROUND_HALF_UP)
    d = abs(d) if d == 0 else d
    pola = "#,##0." + "0" * digit if digit else "#,##0"
    harap = format_decimal(d, format=pola, locale=fmt.LOCALE[lang])
    assert fmt.desimal(x, lang, digit, tanda) == ("+" + harap if tanda and d > 0 else harap)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(n=st.integers(min_value=-10**12, max_value=10**12), lang=st.sampled_from(fmt.BAHASA))
def test_bulat_sama_dengan_babel(n, lang):
    assert fmt.bulat(n, lang) == format_decimal(n, format="#,##0", locale=fmt.LOCALE[lang])
