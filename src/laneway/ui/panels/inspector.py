"""Inspector: edit the selected step, link, department or stage; every field.

The forms live in ``inspector_step``, ``inspector_link`` and ``inspector_records``;
this module picks the one that fits the session's selection and keeps it current.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from laneway.model import ChangeSet
from laneway.ui.editing.session import MapSession
from laneway.ui.panels.inspector_link import LinkForm
from laneway.ui.panels.inspector_map import MapForm
from laneway.ui.panels.inspector_records import DepartmentForm, StageForm
from laneway.ui.panels.inspector_step import ManyForm, StepForm


class Inspector(QScrollArea):
    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        # Fields wrap under their labels instead: nothing is cut off at the right.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("inspector")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        self.pages = QStackedWidget()
        #: Nothing selected: the map's own title and description.
        self.empty = self.map_form = MapForm(session)
        self.step_form = StepForm(session)
        self.link_form = LinkForm(session)
        self.department_form = DepartmentForm(session)
        self.stage_form = StageForm(session)
        self.many_form = ManyForm(session)
        self._holders: dict[QWidget, QWidget] = {}
        for page in (
            self.empty,
            self.step_form,
            self.link_form,
            self.department_form,
            self.stage_form,
            self.many_form,
        ):
            holder = QWidget()  # keeps each form at the top instead of spread out
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(page)
            column.addStretch(1)
            self._holders[page] = holder
            self.pages.addWidget(holder)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.addWidget(self.pages)
        layout.addStretch(1)
        self.setWidget(holder)
        self._subject: tuple[str, object] = ("none", None)
        session.selection_changed.connect(self._on_selection)
        session.department_selected.connect(
            lambda d: self._show(("department", d) if d else ("none", None))
        )
        session.stage_selected.connect(lambda s: self._show(("stage", s) if s else ("none", None)))
        session.changed.connect(self._on_changed)
        session.read_only_changed.connect(lambda _r: self.setEnabled(not session.read_only))
        self.setEnabled(not session.read_only)
        self._show(self._subject)  # nothing selected yet: the map's own fields

    def _on_selection(self, steps: frozenset, links: frozenset) -> None:
        journey = self.session.journey
        if len(links) == 1:
            link = journey.links.get(next(iter(links)))
            if link is not None and steps <= {link.source, link.target}:
                self._show(("link", link.id))  # a link with its ends: edit the handoff
                return
        if len(steps) == 1 and not links:
            self._show(("step", next(iter(steps))))
        elif len(links) == 1 and not steps:
            self._show(("link", next(iter(links))))
        elif len(steps) > 1 or (steps and links):
            self._show(("many", (sorted(steps), len(links))))
        else:  # nothing, or several links without their steps
            self._show(("none", None))

    def _on_changed(self, _changeset: ChangeSet, _origin: str) -> None:
        self._show(self._subject)

    def _show(self, subject: tuple[str, object]) -> None:
        kind, key = subject
        journey = self.session.journey
        exists = {
            "step": lambda: key in journey.steps,
            "link": lambda: key in journey.links,
            "department": lambda: key in journey.departments,
            "stage": lambda: key in journey.stages,
        }.get(kind, lambda: True)()
        if not exists:
            kind, key = "none", None
        self._subject = (kind, key)
        if kind == "step":
            self.step_form.show_step(key)
            self._show_page(self.step_form)
        elif kind == "link":
            self.link_form.show_link(key)
            self._show_page(self.link_form)
        elif kind == "department":
            self.department_form.show_department(key)
            self._show_page(self.department_form)
        elif kind == "stage":
            self.stage_form.show_stage(key)
            self._show_page(self.stage_form)
        elif kind == "many":
            steps, link_count = key
            self.many_form.show_steps([s for s in steps if s in journey.steps], link_count)
            self._show_page(self.many_form)
        else:
            self.map_form.show_map()
            self._show_page(self.empty)

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(self._holders[page])

    @property
    def current_page(self) -> QWidget:
        holder = self.pages.currentWidget()
        return next(page for page, h in self._holders.items() if h is holder)

    def focus_chain(self) -> list[QWidget]:
        """Every field of every form, top to bottom (Qt skips the hidden forms')."""
        chain: list[QWidget] = []
        for page in self._holders:
            layout = page.layout()
            if not isinstance(layout, QFormLayout):
                continue
            for index in range(layout.count()):
                widget = layout.itemAt(index).widget()
                if widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    chain.append(widget)
        return chain

    def focus_agreement(self) -> None:
        """The link's agreement field, ready to type (from a link's context menu)."""
        if self._subject[0] == "link":
            self.window().raise_()
            self.link_form.agreement.setFocus(Qt.FocusReason.OtherFocusReason)
