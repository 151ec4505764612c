"""A note's time reads in local time, as the app's language writes dates and times."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from laneway.model import Note
from laneway.ui.panels.notes import note_when


def _note(created: str) -> Note:
    return Note(id="n1", text="Who calls back?", created=created)


def test_a_note_time_is_local_and_in_the_locale_format(qapp):
    local = datetime(2026, 12, 1, 10, 2, tzinfo=timezone.utc).astimezone()
    expected = QLocale().toString(
        QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)),
        QLocale.FormatType.ShortFormat,
    )
    assert note_when(_note("2026-12-01T10:02:00Z")) == expected
    assert "UTC" not in note_when(_note("2026-12-01T10:02:00Z"))


def test_an_unreadable_time_is_shown_as_stored(qapp):
    assert note_when(_note("next Friday")) == "next Friday"
