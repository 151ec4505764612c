"""Dates and numbers written the way the current language writes them (Babel's CLDR data).

"4 December 2026" / "4. Dezember 2026" / "4 décembre 2026"; "75%" / "75 %" / "75 %".
Babel is imported on first use, so a command that formats nothing starts no slower.
"""

from __future__ import annotations

from datetime import date, datetime

from laneway.i18n import current_language


def format_day(day: date) -> str:
    """A day in words: the date on a slide, a PDF's title line, a snapshot's day."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=current_language())


def format_moment(moment: datetime) -> str:
    """A date and time, short ("04.12.26, 14:05"), in the moment's own time zone."""
    from babel.dates import format_datetime

    return format_datetime(moment, format="short", locale=current_language(), tzinfo=moment.tzinfo)


def format_percent(fraction: float) -> str:
    """A share as a whole percentage ("75 %" in German and French)."""
    from babel.numbers import format_percent as babel_percent

    return babel_percent(fraction, locale=current_language())


def format_number(number: float, decimals: int = 0) -> str:
    """A number with the language's separators ("1,234.5" / "1.234,5" / "1 234,5")."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(number, format=pattern, locale=current_language())
