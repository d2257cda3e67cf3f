"""Numbers in the reader's style: 62,3 and 5.773 (id) or 62.3 and 5,773 (en), with the
decimal mark, thousands separator and minus sign of the locale from Babel (CLDR).

Values are rounded half up first (as the published figures are), so 74,95 shows as 75,0.

Babel's ``format_decimal`` parses its pattern and quantizes again on every call (about 70 µs);
a page writes hundreds of numbers per view (issue 11 profile: 778 calls, a fifth of /wilayah's
script time), so the digits are laid out by Python's own grouping format and only the three
symbols come from Babel, once per language. ``tests/unit/test_format.py`` checks the result is
character for character Babel's ``format_decimal`` over generated numbers.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from berakhlak.kontrak import kosong

LOCALE = {"id": "id_ID", "en": "en_US"}
BAHASA = tuple(LOCALE)


def desimal(x: float | None, lang: str = "id", digit: int = 1, tanda: bool = False) -> str:
    """A decimal number with ``digit`` decimals; ``tanda`` adds + for positive numbers."""
    if kosong(x):
        return "–"
    q = Decimal(1).scaleb(-digit)
    d = Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)
    teks = f"{d:,.{digit}f}".translate(_simbol(lang))
    return ("+" + teks) if tanda and d > 0 else teks


@functools.cache
def _simbol(lang: str) -> dict[int, str]:
    """Python's grouping format (',' thousands, '.' decimals, '-') mapped to the locale's."""
    loc = LOCALE[lang]
    return str.maketrans({",": get_group_symbol(loc), ".": get_decimal_symbol(loc),
                          "-": get_minus_sign_symbol(loc)})


def angka_csv(x: float | None, lang: str = "id", digit: int = 1, tanda: bool = False) -> str:
    """A number for a CSV cell, as shown on screen: rounded half up to ``digit`` decimals, the
    language's decimal mark and no thousands separator (so spreadsheets read it as a number);
    empty when missing. ``tanda`` adds + for positive numbers."""
    if kosong(x):
        return ""
    q = Decimal(1).scaleb(-digit)
    d = Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP)
    if d == 0:
        d = abs(d)
    teks = ("+" if tanda and d > 0 else "") + f"{d:f}"
    return teks.replace(".", ",") if lang == "id" else teks


def bulat(n: int | float | None, lang: str = "id") -> str:
    """A whole number with thousands separators: 5.773 / 5,773."""
    if kosong(n):
        return "–"
    return f"{int(n):,}".translate(_simbol(lang))


def persen(x: float | None, lang: str = "id", digit: int = 0) -> str:
    """A share 0-1 as a percentage: 0,42 -> '42 %' (id) / '42%' (en)."""
    if kosong(x):
        return "–"
    angka = desimal(100 * float(x), lang, digit)
    return f"{angka} %" if lang == "id" else f"{angka}%"
