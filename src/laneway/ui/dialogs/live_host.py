"""File → Host Live Session: the code shown large, the address, who joined (with their
colours), and the way to make the code new or end the session.

The dialog stays open beside the map (not modal): closing it leaves the session
running; File → Host Live Session shows it again. It is given the window's host link
(any object with ``code``, ``address``, ``participants()``, ``new_code()``, ``end()`` and
the ``participants_changed``/``code_changed``/``ended`` signals).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.ui.widgets.accessible import describe
from laneway.ui.widgets.swatch import swatch


def spaced_code(code: str) -> str:
    """ "482913" → "482 913": two groups read aloud more easily across a room."""
    return f"{code[:3]} {code[3:]}"


class LiveHostDialog(QDialog):
    def __init__(self, parent: QWidget | None, link) -> None:
        super().__init__(parent)
        self.link = link
        self.setObjectName("liveHostDialog")
        self.setWindowTitle(_("Live session"))
        self.setAccessibleName(_("Live session"))
        self.setAccessibleDescription(_("The code and address others join with, and who joined"))
        layout = QVBoxLayout(self)
        intro = QLabel(_("Others choose File → Join Live Session, pick this laptop or type the "
                       "address, then type the code."))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code = QLabel()
        self.code.setObjectName("liveCode")
        font = QFont()
        font.setPointSize(44)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code)
        self.address = QLabel()
        self.address.setObjectName("liveAddress")
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bigger = QFont()
        bigger.setPointSize(16)
        self.address.setFont(bigger)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.address)
        layout.addWidget(QLabel(_("In the session:")))
        self.people = QListWidget()
        self.people.setObjectName("liveParticipants")
        describe(self.people, _("Participants"), _("Everyone who joined, in their colour"))
        layout.addWidget(self.people, 1)
        buttons = QHBoxLayout()
        self.new_code_button = QPushButton(_("&New Code"))
        self.new_code_button.setObjectName("liveNewCode")
        describe(self.new_code_button, _("New code"), _("Make a new code; who joined stays joined"))
        self.end_button = QPushButton(_("&End Session"))
        self.end_button.setObjectName("liveEnd")
        describe(self.end_button, _("End session"), _("Everyone keeps their copy, editable"))
        close = QPushButton(_("Close"))
        describe(close, _("Close"), _("Hide this window; the session goes on"))
        for button in (self.new_code_button, self.end_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.new_code_button.clicked.connect(link.new_code)
        self.end_button.clicked.connect(self._end)
        close.clicked.connect(self.hide)
        link.participants_changed.connect(self.refresh)
        link.code_changed.connect(lambda _code: self.refresh())
        link.ended.connect(lambda _reason: self.close())
        self.resize(440, 460)
        self.refresh()

    def refresh(self) -> None:
        self.code.setText(spaced_code(self.link.code))
        self.code.setAccessibleName(_("Session code {code}").format(code=" ".join(self.link.code)))
        self.address.setText(_("Address: {address}").format(address=self.link.address))
        self.people.clear()
        joined = self.link.participants()
        for person in joined:
            self.people.addItem(QListWidgetItem(swatch(person.colour), person.name))
        if not joined:
            waiting = QListWidgetItem(_("Nobody yet"))
            waiting.setFlags(Qt.ItemFlag.NoItemFlags)
            self.people.addItem(waiting)

    def _end(self) -> None:
        self.link.end()
        self.close()
