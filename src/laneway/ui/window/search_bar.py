"""The find bar (Ctrl+F): every match marked on the canvas, Enter / F3 goes to the next.

Typing searches as you go (steps, links, lanes and stages, by the fields of
``operations.searching.SEARCHED``); every match is outlined on the canvas and the
current one stronger. Enter or F3 selects and centres the next match, Shift+Enter or
Shift+F3 the one before; Esc clears the marks and closes the bar. The window calls
``follow_map`` after each change, once the canvas has followed it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from laneway.canvas import JourneyScene
from laneway.canvas.marks import Mark, MarksLayer
from laneway.i18n import _
from laneway.model.wording import plural
from laneway.operations.searching import Match, search
from laneway.ui.editing.session import MapSession

SEARCH_DELAY_MS = 120
MATCH_COLOR = "#b7791f"  # amber: not a finding colour, readable on light and dark
CURRENT_COLOR = "#7c3aed"


class SearchBar(QWidget):
    #: The bar closed (Esc or its close button): the keyboard goes back to the canvas.
    closed = Signal()

    def __init__(
        self,
        session: MapSession,
        scene: JourneyScene,
        reveal: Callable[[QRectF], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.scene = scene
        self._reveal = reveal
        self.matches: list[Match] = []
        self.current = -1
        #: Enter already went to a match of this search (the next Enter goes on).
        self._went = False
        self.layer = MarksLayer(scene)
        self.setObjectName("searchBar")
        self.setAccessibleName(_("Find"))
        self.setAccessibleDescription(_("Find steps, links, lanes and stages by their text"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(_("Find steps, links, lanes and stages…"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(_("Find text"))
        self.query.setAccessibleDescription(
            _("Enter or F3 goes to the next match, Shift+Enter to the one before, Esc closes")
        )
        self.query.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("searchCount")
        self.count.setAccessibleName(_("Matches"))
        self.count.setAccessibleDescription(_("How many matches there are and which one is shown"))
        row.addWidget(QLabel(_("Find:")))
        row.addWidget(self.query, 1)
        row.addWidget(self.count)
        for text, name, tip, slot in (
            ("↑", "searchPrevious", _("Previous match (Shift+F3)"), self.previous),
            ("↓", "searchNext", _("Next match (F3)"), self.next),
            ("✕", "searchClose", _("Close the find bar (Esc)"), self.close_bar),
        ):
            button = QToolButton()
            button.setText(text)
            button.setObjectName(name)
            button.setToolTip(tip)
            button.setAccessibleName(tip.split(" (")[0])
            button.setAccessibleDescription(tip)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.hide()

    # ----------------------------------------------------------------- opening
    def open(self) -> None:
        """Ctrl+F: show the bar with the query selected, ready to type."""
        self.show()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def close_bar(self) -> None:
        self._timer.stop()
        self.query.clear()
        self.matches, self.current = [], -1
        self.layer.clear()
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                backwards = key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.previous() if backwards else self.next()
                return True
        return super().eventFilter(watched, event)

    # --------------------------------------------------------------- searching
    def run(self) -> None:
        """Search now for the query (normally a moment after typing)."""
        self._timer.stop()
        self.matches = search(self.session.journey, self.query.text())
        self.current = 0 if self.matches else -1
        self._went = False
        self._show_marks()
        if self.matches:
            self._reveal_current()

    def follow_map(self) -> None:
        """The map changed (and the canvas with it): search again, keep the current."""
        if not self.isVisible() or not self.query.text().strip():
            return
        current = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.matches = search(self.session.journey, self.query.text())
        keys = [(m.kind, m.record_id) for m in self.matches]
        wanted = (current.kind, current.record_id) if current else None
        self.current = keys.index(wanted) if wanted in keys else (0 if keys else -1)
        self._show_marks()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if not self.isVisible():
            self.open()
        if self._timer.isActive() or not self.matches:
            self.run()  # typed just now: search first
        if not self.matches:
            return
        if self._went or delta < 0:  # the first Enter goes to the match shown
            self.current = (self.current + delta) % len(self.matches)
        self._went = True
        self._show_marks()
        self._go()

    def _go(self) -> None:
        """Select the current match and centre it (a lane or stage: show it)."""
        match = self.matches[self.current]
        if match.kind == "step":
            self.session.focus([match.record_id])
        elif match.kind == "link":
            self.session.focus([], [match.record_id])
        else:
            selected = getattr(self.session, f"{match.kind}_selected")
            selected.emit(match.record_id)
            self._reveal_current()

    def _reveal_current(self) -> None:
        rect = self.layer.shape_rect(self._mark(self.current))
        if rect is not None:
            self._reveal(rect)

    # ---------------------------------------------------------------- showing
    def _mark(self, index: int) -> Mark:
        match = self.matches[index]
        current = index == self.current
        return Mark(
            match.kind,
            match.record_id,
            CURRENT_COLOR if current else MATCH_COLOR,
            label=f"{index + 1}" if not current else f"{index + 1} ▸",
            strong=current,
        )

    def _show_marks(self) -> None:
        self.layer.set_marks(self._mark(i) for i in range(len(self.matches)))
        if not self.query.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(_("No match"))
        else:
            total = plural(len(self.matches), "match", "matches")
            self.count.setText(_("{value} of {total}").format(value=self.current + 1, total=total))
        self.count.setAccessibleDescription(self.count.text())

    def marked_ids(self) -> list[tuple[str, str]]:
        """(kind, id) of every match marked on the canvas now."""
        return [(mark.kind, mark.key) for mark in self.layer.marks]
