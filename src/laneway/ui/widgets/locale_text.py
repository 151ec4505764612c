"""Dates, times and shares as the app's language writes them.

Dates and times through ``QLocale`` (the default locale is the app's language, set by
``ui.app.language``); percentages through the core's Babel formatter, as the exports
write them (Qt has no percent format), so the app and its slides agree.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from laneway.i18n.formatting import format_percent


def day_text(day: date) -> str:
    """A day in words: "4 December 2026", "4. Dezember 2026", "4 décembre 2026"."""
    locale = QLocale()
    pattern = locale.dateFormat(QLocale.FormatType.LongFormat)
    # The long format leads with the weekday in most languages; the day is enough.
    for weekday in ("dddd, ", "dddd "):
        pattern = pattern.replace(weekday, "")
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def moment_text(moment: datetime) -> str:
    """A local date and time, short: "04/12/2026 14:05", "04.12.26 14:05"."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    qt_moment = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return QLocale().toString(qt_moment, QLocale.FormatType.ShortFormat)


def percent_text(fraction: float) -> str:
    """A share as a whole percentage: "75%", "75 %"."""
    return format_percent(fraction)
