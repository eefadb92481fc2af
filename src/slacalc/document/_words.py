"""Dates and money in a document's language, written by Babel (the ``document`` extra).

Babel's CLDR data gives "mandag den 30. november 2026" and "4.500,00 kr." without the
process locale; percentages and durations stay with the wording catalogue
(:mod:`slacalc._present`), which the out-of-hours reply shares and which writes
"99,9 %" with the space Dansk Sprognævn asks for.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from slacalc._present.catalogue import Lang

__all__ = ["long_date", "money_text"]

_LOCALES = {"en": "en_GB", "da": "da_DK"}
_DATE = {"en": "d MMMM y", "da": "d. MMMM y"}
_DAY = {"en": "d MMMM", "da": "d. MMMM"}
_WEEKDAY_DATE = {"en": "EEEE d MMMM y", "da": "EEEE 'den' d. MMMM y"}
# "DKK 4,500.00" in English prose; Danish puts the unit after ("4.500,00 kr.").
_MONEY = {"en": "¤\xa0#,##0.00", "da": None}


def long_date(day: dt.date, lang: Lang, *, weekday: bool = False, year: bool = True) -> str:
    """A date in words: ``'30 November 2026'``, ``'mandag den 30. november 2026'``.

    ``year=False`` leaves the year out (``'24. december'``), for days of every year.

    Examples:
        >>> long_date(dt.date(2026, 11, 30), "da", weekday=True)
        'mandag den 30. november 2026'
        >>> long_date(dt.date(2026, 11, 30), "en")
        '30 November 2026'
    """
    from babel.dates import format_date

    pattern = (_WEEKDAY_DATE if weekday else _DATE if year else _DAY)[lang]
    return format_date(day, pattern, locale=_LOCALES[lang])


def money_text(amount: Decimal, currency: str, lang: Lang) -> str:
    """An amount with its currency as the language writes it.

    Examples:
        >>> from decimal import Decimal
        >>> money_text(Decimal("4500"), "DKK", "da"), money_text(Decimal("4500"), "DKK", "en")
        ('4.500,00\\xa0kr.', 'DKK\\xa04,500.00')
    """
    from babel.numbers import format_currency

    return format_currency(amount, currency, _MONEY[lang], locale=_LOCALES[lang])
