"""The start screen: recent maps, the templates gallery, New / Open / Import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.ui.dialogs.template_gallery import NAME_ROLE, card_list, template_cards
from laneway.ui.widgets.headings import heading_label

PATH_ROLE = Qt.ItemDataRole.UserRole
MISSING_ROLE = Qt.ItemDataRole.UserRole + 1


def _section_title(text: str) -> QLabel:
    return heading_label(text, 1.1, wrap=False)


class StartScreen(QWidget):
    """What ``laneway`` alone shows; it only asks, the controller does the work."""

    open_requested = Signal(object)  # Path of a recent map
    new_requested = Signal(object)  # template name, or None for an empty map
    open_dialog_requested = Signal()
    import_requested = Signal()
    join_requested = Signal()
    forget_recent = Signal(object)  # Path to remove from the recent list

    def __init__(self, recent: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setWindowTitle("Laneway")
        self.resize(1040, 640)
        style = self.style()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 26, 32, 26)
        outer.setSpacing(14)
        outer.addWidget(heading_label("Laneway", 2.4, wrap=False))
        tagline = QLabel(
            _(
                "Map the customer's journey with every department in the room — and see the gaps "
                "between them."
            )
        )
        tagline.setWordWrap(True)
        outer.addWidget(tagline)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), _("New empty map…")
        )
        self.new_button.clicked.connect(lambda: self.new_requested.emit(None))
        self.open_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton), _("Open…")
        )
        self.open_button.clicked.connect(lambda: self.open_dialog_requested.emit())
        self.import_button = QPushButton(_("Import…"))
        self.import_button.setToolTip(_("Read a CSV, JSON, BPMN or Mermaid file into a new map"))
        self.import_button.clicked.connect(lambda: self.import_requested.emit())
        self.join_button = QPushButton(_("Join Live Session…"))
        self.join_button.setToolTip(_("Join a map another laptop in the room shares"))
        self.join_button.clicked.connect(lambda: self.join_requested.emit())
        for button in (self.new_button, self.open_button, self.import_button, self.join_button):
            button.setMinimumHeight(32)
            buttons.addWidget(button)
        buttons.addStretch(1)
        outer.addLayout(buttons)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        outer.addLayout(columns, 1)
        columns.addLayout(self._recent_column(recent), 2)
        columns.addLayout(self._templates_column(), 3)

    # ------------------------------------------------------------------ columns
    def _recent_column(self, recent: list[Path]) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(_section_title(_("Recent maps")))
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.setAlternatingRowColors(True)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for path in recent:
            missing = not path.exists()
            item = QListWidgetItem(icon, f"{path.stem}\n{path.parent}")
            item.setData(PATH_ROLE, str(path))
            item.setData(MISSING_ROLE, missing)
            if missing:
                # Dimmed but still selectable, so it can be removed from the list.
                item.setForeground(
                    self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                )
                item.setToolTip(
                    _("{path} is no longer there; select it and press Remove.").format(path=path)
                )
            else:
                item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.currentItemChanged.connect(lambda *_: self._update_forget())
        column.addWidget(self.recent, 1)
        self.no_recent = QLabel(
            _("No recent maps yet.\nCreate one from a template, or open a file.")
        )
        self.no_recent.setObjectName("noRecentHint")
        self.no_recent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_recent.setEnabled(False)  # dimmed text
        column.addWidget(self.no_recent, 1)
        self.forget_button = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogDiscardButton),
            _("Remove from list"),
        )
        self.forget_button.setToolTip(_("Forget this map here (the file is not touched)"))
        self.forget_button.clicked.connect(self._forget)
        forget_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.recent)
        forget_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        forget_key.activated.connect(self._forget)
        column.addWidget(self.forget_button)
        self._show_recent_state()
        return column

    def _templates_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(_section_title(_("Start from a template")))
        self.templates = card_list(template_cards(include_empty=False), self.palette())
        self.templates.itemActivated.connect(self._new_from_template)
        column.addWidget(self.templates, 1)
        self.use_button = QPushButton(_("Use this template…"))
        self.use_button.clicked.connect(
            lambda: self._new_from_template(self.templates.currentItem())
        )
        column.addWidget(self.use_button)
        return column

    # ------------------------------------------------------------------ actions
    def recent_paths(self) -> list[Path]:
        return [Path(self.recent.item(row).data(PATH_ROLE)) for row in range(self.recent.count())]

    def _open_recent(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        if item.data(MISSING_ROLE):
            return  # nothing to open; the tooltip says how to remove it
        self.open_requested.emit(Path(item.data(PATH_ROLE)))

    def _forget(self) -> None:
        item = self.recent.currentItem()
        if item is None:
            return
        path = Path(item.data(PATH_ROLE))
        self.recent.takeItem(self.recent.row(item))
        self.forget_recent.emit(path)
        self._show_recent_state()

    def _show_recent_state(self) -> None:
        has_recent = self.recent.count() > 0
        self.recent.setVisible(has_recent)
        self.no_recent.setVisible(not has_recent)
        self._update_forget()

    def _update_forget(self) -> None:
        self.forget_button.setEnabled(self.recent.currentItem() is not None)

    def _new_from_template(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.new_requested.emit(item.data(NAME_ROLE) or None)
