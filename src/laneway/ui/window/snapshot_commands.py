"""Snapshots in the window: the list, Compare, Restore as a new map, and the offer to
take one when a map is opened on a later day than it was last changed (the next
workshop: freeze the last one first, to compare with it afterwards)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from laneway.i18n import N_, _
from laneway.io.errors import InputError
from laneway.model import ModelError
from laneway.operations.creating import create_map_file
from laneway.store import StoreError
from laneway.ui.dialogs.snapshots import SnapshotsDialog
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.comparison import ComparisonPanel
from laneway.ui.widgets import prompts
from laneway.ui.widgets.locale_text import day_text
from laneway.ui.window.host import WindowHost

MAP_FILTER = N_("Laneway maps (*.laneway)")


def last_changed_day(stamp: str) -> date | None:
    """The local day of a file's "modified" stamp (None when there is none)."""
    moment = _moment(stamp)
    return moment.astimezone().date() if moment is not None else None


def _moment(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


class SnapshotCommands:
    def __init__(
        self,
        parent: QWidget,
        session: MapSession,
        host: WindowHost,
        comparison: ComparisonPanel,
        show_comparison: Callable[[], None],
        notify: Callable[[str], None],
    ) -> None:
        self.parent = parent
        self.session = session
        self.host = host
        self.comparison = comparison
        self.show_comparison = show_comparison
        self.notify = notify
        self.dialog: SnapshotsDialog | None = None

    def open_list(self) -> SnapshotsDialog:
        """Map → Snapshots… (modal; returns the dialog once closed)."""
        dialog = self.dialog = SnapshotsDialog(self.parent, self.session.document)
        dialog.compare_requested.connect(self.compare)
        dialog.restore_requested.connect(self.restore)
        dialog.exec()
        self.dialog = None
        return dialog

    def compare(self, name: str) -> bool:
        try:
            before = self.session.document.snapshot_journey(name)
        except (StoreError, InputError, ModelError) as problem:
            prompts.show_error(self.parent, str(problem))
            return False
        self.comparison.compare(name, before)
        self.show_comparison()
        return True

    def restore(self, name: str) -> QWidget | None:
        """Write the snapshot as a map file of its own and open it."""
        document = self.session.document
        suggestion = document.path.with_name(f"{document.path.stem} ({name}).laneway")
        path, _filter = QFileDialog.getSaveFileName(
            self.parent, _("Restore the snapshot as a new map"), str(suggestion), _(MAP_FILTER)
        )
        if not path:
            return None
        target = Path(path).with_suffix(".laneway")
        if target.resolve() == document.path.resolve():
            prompts.show_error(
                self.parent,
                _("{name}: is this map; choose another name for the snapshot.").format(
                    name=target.name
                ),
            )
            return None
        try:
            create_map_file(target, document.snapshot_journey(name), overwrite=True)
        except (StoreError, InputError, ModelError, OSError) as problem:
            prompts.show_error(self.parent, str(problem))
            return None
        return self.host.open_path(target, self.parent)

    # ------------------------------------------------------------------- offer
    def offer_needed(self, today: date | None = None) -> bool:
        """True when the map was last changed on an earlier day than today and no
        snapshot froze it since."""
        if self.session.read_only:
            return False
        modified = self.session.journey.info.modified
        day = last_changed_day(modified)
        if day is None or day >= (today or date.today()):
            return False
        changed = _moment(modified)
        return not any(
            (taken := _moment(s.taken_at)) is not None and changed is not None and taken >= changed
            for s in self.session.document.snapshots()
        )

    def offer_bar(self) -> SnapshotOffer:
        day = last_changed_day(self.session.journey.info.modified) or date.today()
        return SnapshotOffer(self, day)

    def take(self, name: str) -> bool:
        try:
            info = self.session.document.take_snapshot(name)
        except (StoreError, ModelError) as problem:
            prompts.show_error(self.parent, str(problem))
            return False
        self.notify(
            _("Snapshot '{name}' taken; compare it in Map → Snapshots.").format(name=info.name)
        )
        return True


class SnapshotOffer(QWidget):
    """The bar above the canvas that offers the snapshot (never a modal question)."""

    def __init__(self, commands: SnapshotCommands, day: date) -> None:
        super().__init__()
        self.commands = commands
        #: The snapshot's name: the day the map was left as it is.
        self.suggestion = _("As of {day}").format(day=day.isoformat())
        self.setObjectName("snapshotOffer")
        self.setAccessibleName(_("Snapshot offer"))
        self.setAccessibleDescription(_("Offers to freeze the map as it was left last time"))
        self.setStyleSheet(
            "QWidget#snapshotOffer { background: #e8f1fd; border-bottom: 1px solid #b6d0f5; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        self.text = QLabel(
            _(
                "This map was last changed on {day}. Take a snapshot"
                " of it first, to compare today's session with it afterwards?"
            ).format(day=day_text(day))
        )
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.take_button = QPushButton(
            _("Take Snapshot “{suggestion}”").format(suggestion=self.suggestion)
        )
        self.take_button.setObjectName("takeOfferedSnapshot")
        self.take_button.setAccessibleDescription(_("Freeze the map as it is now, under that name"))
        self.take_button.clicked.connect(lambda _c=False: self._take())
        self.later_button = QPushButton(_("Not Now"))
        self.later_button.setObjectName("dismissSnapshotOffer")
        self.later_button.setAccessibleDescription(_("Close this offer without a snapshot"))
        self.later_button.clicked.connect(lambda _c=False: self.hide())
        row.addWidget(self.take_button)
        row.addWidget(self.later_button)

    def _take(self) -> None:
        if self.commands.take(self.suggestion):
            self.hide()
