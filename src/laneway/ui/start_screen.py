"""The start screen (recent maps, templates) and the template gallery for File → New."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laneway.io.templates import list_templates

EMPTY = "__empty__"


def template_list(include_empty: bool) -> QListWidget:
    widget = QListWidget()
    widget.setObjectName("templateList")
    widget.setWordWrap(True)
    widget.setSpacing(3)
    if include_empty:
        item = QListWidgetItem("Empty map\nStart from a blank canvas with no lanes yet.")
        item.setData(Qt.ItemDataRole.UserRole, EMPTY)
        widget.addItem(item)
    for info in list_templates():
        item = QListWidgetItem(f"{info.title}  ({info.steps} steps)\n{info.description}")
        item.setData(Qt.ItemDataRole.UserRole, info.name)
        widget.addItem(item)
    widget.setCurrentRow(0)
    return widget


class TemplateGallery(QDialog):
    """Choose an empty map or a template; ``chosen()`` is a template name or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New map")
        self.resize(520, 380)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Start from:"))
        self.list = template_list(include_empty=True)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else EMPTY
        return None if value == EMPTY else value


class StartScreen(QWidget):
    open_requested = Signal(object)  # Path
    new_requested = Signal(object)  # template name or None
    open_dialog_requested = Signal()
    import_requested = Signal()
    forget_recent = Signal(object)

    def __init__(self, recent: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setWindowTitle("Laneway")
        self.resize(900, 560)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 24, 28, 24)
        title = QLabel("Laneway")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)
        outer.addWidget(
            QLabel(
                "Map the customer's journey with the departments in the room — and see the gaps."
            )
        )
        buttons = QHBoxLayout()
        for text, signal in (
            ("New empty map…", lambda: self.new_requested.emit(None)),
            ("Open…", self.open_dialog_requested.emit),
            ("Import…", self.import_requested.emit),
        ):
            button = QPushButton(text)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        left = QVBoxLayout()
        left.addWidget(QLabel("<b>Recent maps</b>"))
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        for path in recent:
            item = QListWidgetItem(f"{path.stem}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            if not path.exists():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip("This file is no longer there.")
            self.recent.addItem(item)
        if not recent:
            empty = QListWidgetItem("No recent maps yet.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemDoubleClicked.connect(self._open_recent)
        left.addWidget(self.recent)
        forget = QPushButton("Remove from list")
        forget.clicked.connect(self._forget)
        left.addWidget(forget)
        columns.addLayout(left, 1)

        right = QVBoxLayout()
        right.addWidget(QLabel("<b>Start from a template</b>"))
        self.templates = template_list(include_empty=False)
        self.templates.itemActivated.connect(self._new_from_template)
        self.templates.itemDoubleClicked.connect(self._new_from_template)
        right.addWidget(self.templates)
        use = QPushButton("Use template…")
        use.clicked.connect(lambda: self._new_from_template(self.templates.currentItem()))
        right.addWidget(use)
        columns.addLayout(right, 1)

    def _open_recent(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.open_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _forget(self) -> None:
        item = self.recent.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.forget_recent.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
            self.recent.takeItem(self.recent.row(item))

    def _new_from_template(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.new_requested.emit(item.data(Qt.ItemDataRole.UserRole))
