"""Type a step's title in place: over a new card's cell, or over an existing card.

Enter commits (one edit), Esc or an empty title cancels; losing focus commits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QWidget

from laneway.i18n import N_, _


class TitleEditor(QObject):
    def __init__(
        self,
        parent: QWidget,
        rect: QRect,
        text: str,
        on_commit: Callable[[str], None],
        on_cancel: Callable[[], None] | None = None,
        placeholder: str = N_("Name the step and press Enter"),
        focus_after: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        #: Where the keyboard goes back to after Enter or Esc (the canvas), so the next
        #: key works there; leaving by a click or Tab goes where the user went.
        self._focus_after = focus_after
        self._on_commit = on_commit
        self._on_cancel = on_cancel
        self._done = False
        self.line = QLineEdit(parent)
        self.line.setObjectName("titleEditor")
        self.line.setAccessibleName(_("Step title"))
        self.line.setAccessibleDescription(_("Type the step's title; Enter keeps it, Esc cancels"))
        self.line.setPlaceholderText(_(placeholder))
        self.line.setText(text)
        font = QFont(parent.font())
        font.setBold(True)
        self.line.setFont(font)
        self.line.setGeometry(rect)
        self.line.selectAll()
        self.line.installEventFilter(self)
        self.line.returnPressed.connect(self.commit)
        self.line.show()
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        if event.type() == QEvent.Type.FocusOut and not self._done:
            self.commit()
        return False

    def commit(self) -> None:
        if self._done:
            return
        self._done = True
        text = self.line.text().strip()
        self._close()
        if text:
            self._on_commit(text)
        elif self._on_cancel:
            self._on_cancel()

    def cancel(self) -> None:
        if self._done:
            return
        self._done = True
        self._close()
        if self._on_cancel:
            self._on_cancel()

    @property
    def active(self) -> bool:
        return not self._done

    def _close(self) -> None:
        if self._focus_after is not None and self.line.hasFocus():
            self._focus_after.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line.removeEventFilter(self)
        self.line.hide()
        self.line.deleteLater()
