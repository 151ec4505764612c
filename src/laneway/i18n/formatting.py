"""Dates and numbers written the way the current language writes them (Babel's CLDR data).

"4 December 2026" / "4. Dezember 2026" / "4 décembre 2026"; "75%" / "75 %" / "75 %".
Babel is imported on first use (and not at all for English percentages), so a command
that formats nothing starts no slower.
"""

from __future__ import annotations

from datetime import date, datetime

from laneway.i18n import SOURCE_LANGUAGE, current_language


def format_day(day: date) -> str:
    """A day in words: the date on a slide, a PDF's title line."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=_babel_locale())


def format_moment(moment: datetime) -> str:
    """A date and time, short ("04.12.26, 14:05"), in the moment's own time zone."""
    from babel.dates import format_datetime

    return format_datetime(moment, format="short", locale=_babel_locale(), tzinfo=moment.tzinfo)


def format_percent(fraction: float) -> str:
    """A share as a whole percentage ("75 %" in German and French)."""
    if current_language() == SOURCE_LANGUAGE:
        return f"{fraction:.0%}"  # what Babel writes for English, without importing it
    from babel.numbers import format_percent as babel_percent

    return babel_percent(fraction, locale=_babel_locale())


def format_number(number: float, decimals: int = 0) -> str:
    """A number with the language's separators ("1,234.5" / "1.234,5" / "1 234,5")."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(number, format=pattern, locale=_babel_locale())


def _babel_locale() -> str:
    """The CLDR locale of the current language; English dates read day first, as
    before ("4 December 2026")."""
    language = current_language()
    return "en_GB" if language == SOURCE_LANGUAGE else language
