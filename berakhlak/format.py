"""Numbers in the reader's style, through Babel: 62,3 and 5.773 (id) or 62.3 and 5,773 (en).

Values are rounded half up first (as the published figures are), so 74,95 shows as 75,0.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

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
    pola = "#,##0." + "0" * digit if digit else "#,##0"
    teks = format_decimal(d, format=pola, locale=LOCALE[lang])
    return ("+" + teks) if tanda and d > 0 else teks


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
    return format_decimal(int(n), format="#,##0", locale=LOCALE[lang])


def persen(x: float | None, lang: str = "id", digit: int = 0) -> str:
    """A share 0-1 as a percentage: 0,42 -> '42 %' (id) / '42%' (en)."""
    if kosong(x):
        return "–"
    angka = desimal(100 * float(x), lang, digit)
    return f"{angka} %" if lang == "id" else f"{angka}%"
