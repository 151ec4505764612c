"""The template gallery: cards for "Empty map" and each built-in template.

Each card shows a small preview of the template's swimlanes (one stripe per department
in its color, one dot per step in its stage column), its title and its counts; the
description of the current card is shown below the cards.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.io.templates import list_templates, load_template
from laneway.model import JourneyMap
from laneway.model.wording import plural
from laneway.ui.dialogs.map_properties import MapFields
from laneway.ui.widgets.accessible import describe, describe_buttons
from laneway.ui.widgets.headings import heading_label

#: The data of the "Empty map" card (templates use their name).
EMPTY = ""
NAME_ROLE = Qt.ItemDataRole.UserRole
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 1
PREVIEW_SIZE = QSize(168, 96)


@dataclass(frozen=True)
class TemplateCard:
    """What one card shows; ``name`` is None for the empty map."""

    name: str | None
    title: str
    description: str
    steps: int
    departments: int
    stages: int
    journey: JourneyMap | None


def template_cards(include_empty: bool = True) -> list[TemplateCard]:
    cards = []
    if include_empty:
        cards.append(
            TemplateCard(
                None,
                _("Empty map"),
                _("A blank canvas: add lanes and stages as the room talks."),
                0,
                0,
                0,
                None,
            )
        )
    for info in list_templates():
        journey = load_template(info.name)
        cards.append(
            TemplateCard(
                info.name,
                info.title,
                info.description,
                len(journey.steps),
                len(journey.departments),
                len(journey.stages),
                journey,
            )
        )
    return cards


def card_counts(card: TemplateCard) -> str:
    if card.name is None:
        return _("Start from nothing")
    return (
        f"{plural(card.steps, 'step')} · {plural(card.departments, 'department')} · "
        f"{plural(card.stages, 'stage')}"
    )


def preview_icon(journey: JourneyMap | None, palette: QPalette) -> QIcon:
    """A thumbnail of the map's lanes: stripes in department colors, a dot per step."""
    size = PREVIEW_SIZE
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QRectF(0.5, 0.5, size.width() - 1, size.height() - 1)
    painter.setPen(palette.color(QPalette.ColorRole.Mid))
    painter.setBrush(palette.color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(frame, 6, 6)
    if journey is None or not journey.departments:
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        painter.setFont(font)
        painter.drawText(frame, Qt.AlignmentFlag.AlignCenter, "+")
        painter.end()
        return QIcon(pixmap)
    departments = journey.departments_in_order()
    stages = journey.stages_in_order()
    column_of = {stage.id: index for index, stage in enumerate(stages)}
    columns = max(len(stages), 1)
    inner = frame.adjusted(6, 6, -6, -6)
    lane_height = inner.height() / len(departments)
    column_width = inner.width() / columns
    for row, department in enumerate(departments):
        color = QColor(department.color)
        lane = QRectF(inner.left(), inner.top() + row * lane_height, inner.width(), lane_height)
        tint = QColor(color)
        tint.setAlpha(60)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRect(lane.adjusted(0, 1, 0, -1))
        painter.setBrush(color)
        painter.drawRect(QRectF(lane.left(), lane.top() + 1, 3, lane.height() - 2))
        per_column: dict[int, int] = {}
        for step in journey.steps.values():
            if step.department_id != department.id:
                continue
            column = column_of.get(step.stage_id, 0)
            slot = per_column.get(column, 0)
            per_column[column] = slot + 1
            x = inner.left() + 8 + column * column_width + slot * 7
            painter.drawRoundedRect(
                QRectF(x, lane.center().y() - 3, min(column_width - 4, 10), 6), 2, 2
            )
    painter.end()
    return QIcon(pixmap)


class TemplateGallery(QDialog):
    """Choose an empty map or a template; after accept, ``chosen()`` is a name or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New map"))
        self.setObjectName("templateGallery")
        self.resize(940, 520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading_label(_("Start a new map from:"), 1.2, wrap=False))
        self.cards = template_cards(include_empty=True)
        self.list = card_list(self.cards, self.palette())
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        self.description = QLabel()
        self.description.setObjectName("templateDescription")
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(48)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.description)
        form = QFormLayout()
        self.fields = MapFields(form)
        self._typed_title = False
        self.fields.title.textEdited.connect(lambda _text: self._title_typed())
        layout.addLayout(form)
        self.list.currentItemChanged.connect(lambda item, _old: self._describe(item))
        self._describe(self.list.currentItem())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create…"))
        describe_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _describe(self, item: QListWidgetItem | None) -> None:
        self.description.setText(item.data(DESCRIPTION_ROLE) if item is not None else "")
        if not self._typed_title:  # the template's own title until the user types one
            card = self._card(item)
            self.fields.title.setText(card.title if card is not None and card.name else "")

    def _title_typed(self) -> None:
        self._typed_title = bool(self.fields.title.text())

    def _card(self, item: QListWidgetItem | None) -> TemplateCard | None:
        name = (item.data(NAME_ROLE) if item is not None else EMPTY) or None
        return next((card for card in self.cards if card.name == name), None)

    def properties(self) -> tuple[str | None, str]:
        """The title (None: the template's, or "Untitled journey") and description typed."""
        title, description = self.fields.values()
        return title or None, description

    def chosen(self) -> str | None:
        """The chosen template's name; None for the empty map."""
        item = self.list.currentItem()
        value = item.data(NAME_ROLE) if item is not None else EMPTY
        return value or None


def card_list(cards: list[TemplateCard], palette: QPalette) -> QListWidget:
    """The cards as a wrapping grid of previews with title and counts."""
    widget = QListWidget()
    widget.setObjectName("templateList")
    describe(widget, _("Templates"), _("Start from an empty map or from one of the templates"))
    widget.setViewMode(QListView.ViewMode.IconMode)
    widget.setIconSize(PREVIEW_SIZE)
    widget.setGridSize(QSize(PREVIEW_SIZE.width() + 44, PREVIEW_SIZE.height() + 76))
    widget.setResizeMode(QListView.ResizeMode.Adjust)
    widget.setMovement(QListView.Movement.Static)
    widget.setWordWrap(True)
    widget.setSpacing(6)
    widget.setUniformItemSizes(True)
    for card in cards:
        item = QListWidgetItem(
            preview_icon(card.journey, palette), f"{card.title}\n{card_counts(card)}"
        )
        item.setData(NAME_ROLE, card.name or EMPTY)
        item.setData(
            DESCRIPTION_ROLE, f"<b>{html.escape(card.title)}</b> — {html.escape(card.description)}"
        )
        item.setToolTip(card.description)
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        widget.addItem(item)
    widget.setCurrentRow(0)
    return widget
