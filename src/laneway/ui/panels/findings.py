"""Findings: the live analysis grouped by severity; picking one shows it on the map.

The tree is rebuilt only when the findings really changed (most edits, such as a move,
leave them as they were), and the selected finding stays selected across rebuilds while
it still exists, so the panel never jumps under the facilitator's cursor.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laneway.analysis import RULES, RULES_BY_ID, Finding, Report
from laneway.canvas.style import SEVERITY_COLORS
from laneway.i18n import N_, _
from laneway.ui.editing.session import MapSession
from laneway.ui.widgets.accessible import describe

SEVERITY_TITLES = {"error": N_("Errors"), "warning": N_("Warnings"), "info": N_("Notes")}
SEVERITY_WORDS = {"error": N_("Error"), "warning": N_("Warning"), "info": N_("Note")}
SEVERITY_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
FINDING_ROLE = Qt.ItemDataRole.UserRole
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1
ALL_RULES = ""
#: The groups open at first: errors and warnings are the point, notes wait collapsed
#: (each group's title says how many it holds). A group opened or closed by the user
#: stays so.
OPEN_AT_FIRST = {"error": True, "warning": True, "info": False}


def finding_key(finding: Finding) -> tuple:
    """What identifies a finding across analyses (its message may change with a title)."""
    return (
        finding.rule,
        finding.step_ids,
        finding.link_ids,
        finding.stage_id,
        finding.department_id,
    )


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped message at the tree's current width.

    Qt's tree views size rows from a width they do not know yet, so long messages
    are elided instead of wrapped; this delegate measures against the viewport.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        # The tree forgets its row heights at every relayout (after each analysis);
        # measuring wrapped text is the expensive part, so remember the answers.
        self._sizes: dict[tuple[str, int, str, bool], QSize] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        has_icon = bool(index.data(Qt.ItemDataRole.DecorationRole))
        icon = option.decorationSize.width() + 8 if has_icon else 0
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - icon - 10
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        key = (text, width, font.key(), has_icon)
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 20_000:
                self._sizes.clear()
            size = self._sizes[key] = self._measure(option, index, width, text, font)
        return size

    def _measure(
        self, option: QStyleOptionViewItem, index: QModelIndex, width: int, text: str, font
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if width <= 40:
            return hint
        bounds = QFontMetrics(font).boundingRect(
            0, 0, width, 100_000, Qt.TextFlag.TextWordWrap, text
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + 6))


class _FindingsTree(QTreeWidget):
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # re-measure the wrapped rows


class FindingsPanel(QWidget):
    def __init__(self, session: MapSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._report: Report | None = None
        self._icons = {
            severity: self.style().standardIcon(pixmap)
            for severity, pixmap in SEVERITY_ICONS.items()
        }
        # Rows are cloned from one prototype per severity: setting an icon on each of
        # hundreds of new rows costs more than the rest of the update together.
        self._prototypes: dict[str, QTreeWidgetItem] = {}
        for severity, icon in self._icons.items():
            prototype = QTreeWidgetItem()
            prototype.setIcon(0, icon)
            self._prototypes[severity] = prototype
        self._groups: dict[str, QTreeWidgetItem] = {}
        self._rows: dict[str, dict[tuple, QTreeWidgetItem]] = {}
        self._shown: dict[str, list[Finding]] = {}
        #: Severity → open or not, as the user (or the first showing) left it.
        self._open = dict(OPEN_AT_FIRST)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(self._filters())
        layout.addWidget(self._tree(), 1)
        self.empty = QLabel()
        self.empty.setObjectName("findingsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty, 1)
        self.empty.hide()
        self.filter.textChanged.connect(lambda _text: self._fill())
        self.rule.currentIndexChanged.connect(lambda _index: self._fill())
        self.tree.itemSelectionChanged.connect(self._picked)
        self.tree.itemExpanded.connect(lambda item: self._remember_open(item, True))
        self.tree.itemCollapsed.connect(lambda item: self._remember_open(item, False))
        session.report_changed.connect(self.show_report)

    def focus_chain(self) -> list[QWidget]:
        """Where Tab goes in the panel: the filter, the rule, the findings."""
        return [self.filter, self.rule, self.tree]

    def _remember_open(self, item: QTreeWidgetItem, opened: bool) -> None:
        severity = item.data(0, SEVERITY_ROLE)
        if severity is not None and item.parent() is None:
            self._open[severity] = opened
            self._title_group(item)

    def _filters(self) -> QHBoxLayout:
        filters = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("findingsFilter")
        self.filter.setPlaceholderText(_("Filter findings…"))
        self.filter.setClearButtonEnabled(True)
        describe(
            self.filter, _("Filter findings"), _("Show only the findings whose text holds this")
        )
        filters.addWidget(self.filter, 3)
        self.rule = QComboBox()
        self.rule.setObjectName("findingsRule")
        self.rule.setToolTip(_("Show the findings of one rule only"))
        describe(self.rule, _("Rule"), _("Show the findings of one rule only"))
        self.rule.addItem(_("All rules"), ALL_RULES)
        for rule in RULES:
            self.rule.addItem(self._icons[rule.severity], rule.id, rule.id)
            self.rule.setItemData(
                self.rule.count() - 1, rule.explanation, Qt.ItemDataRole.ToolTipRole
            )
        filters.addWidget(self.rule, 2)
        return filters

    def _tree(self) -> QTreeWidget:
        self.tree = _FindingsTree()
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.setObjectName("findingsTree")
        describe(
            self.tree,
            _("Findings"),
            _(
                "The analysis by severity: errors, warnings, notes; "
                "choosing one shows it on the map"
            ),
        )
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return self.tree

    # ------------------------------------------------------------------ showing
    def show_report(self, report: Report) -> None:
        unchanged = self._report is not None and self._report.findings == report.findings
        self._report = report
        if not unchanged:
            self._fill()

    def _filtering(self) -> tuple[str, str]:
        return self.rule.currentData() or "", self.filter.text().strip().casefold()

    def _fill(self) -> None:
        """Bring the tree in line with the report, reusing what stays.

        A group whose findings did not change is left alone; in a group that did, rows
        are reused by finding and only new findings get new rows, so a map with
        hundreds of findings updates in about a millisecond after an edit.
        """
        report = self._report
        if report is None:
            return
        selected = self.selected_finding()
        keep = finding_key(selected) if selected is not None else None
        restore: QTreeWidgetItem | None = None
        rule, wanted = self._filtering()
        blocked = self.tree.blockSignals(True)
        try:
            groups: list[QTreeWidgetItem] = []
            expanded: list[bool] = []
            for severity, findings in report.by_severity().items():
                if rule or wanted:
                    findings = [f for f in findings if _matches(f, rule, wanted)]
                if not findings:
                    self._shown.pop(severity, None)
                    self._rows.pop(severity, None)
                    continue
                group = self._group(severity)
                if self._shown.get(severity) != findings:
                    self._refill_group(group, severity, findings)
                    self._shown[severity] = findings
                groups.append(group)
                rows = self._rows[severity]
                if restore is None and keep is not None and keep in rows:
                    restore = rows[keep]
                if restore is not None and restore.parent() is group:
                    self._open[severity] = True  # the selected finding stays in view
                expanded.append(self._open.get(severity, True))
            shown_groups = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
            if shown_groups != groups:
                while self.tree.topLevelItemCount():
                    self.tree.takeTopLevelItem(0)
                self.tree.addTopLevelItems(groups)
            for group, open_ in zip(groups, expanded, strict=True):
                if group.isExpanded() != open_:
                    group.setExpanded(open_)
                self._title_group(group)
            if restore is None:
                self.tree.clearSelection()
            elif not restore.isSelected():
                self.tree.setCurrentItem(restore)
                restore.setSelected(True)
        finally:
            self.tree.blockSignals(blocked)
        self._show_empty_state(report)
        self._count_rules(report)

    def _group(self, severity: str) -> QTreeWidgetItem:
        if severity not in self._groups:
            self._groups[severity] = self._group_item(severity)
        return self._groups[severity]

    def _refill_group(self, group: QTreeWidgetItem, severity: str, findings: list[Finding]) -> None:
        old_rows = self._rows.get(severity, {})
        rows: dict[tuple, QTreeWidgetItem] = {}
        children: list[QTreeWidgetItem] = []
        for finding in findings:
            key = finding_key(finding)
            item = old_rows.get(key)
            if item is None or key in rows:
                item = self._prototypes[severity].clone()
            if item.data(0, FINDING_ROLE) != finding:
                item.setText(0, finding.message)
                item.setData(0, FINDING_ROLE, finding)
                item.setData(  # what a screen reader says: the severity in words first
                    0,
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"{_(SEVERITY_WORDS[severity])}: {finding.message}",
                )
                item.setToolTip(
                    0,
                    f"{finding.message}\n\n{finding.rule}: {RULES_BY_ID[finding.rule].explanation}",
                )
            rows[key] = item
            children.append(item)
        if [group.child(i) for i in range(group.childCount())] != children:
            group.takeChildren()
            group.addChildren(children)
        self._rows[severity] = rows

    def _title_group(self, group: QTreeWidgetItem) -> None:
        """ "Notes (10)" — and, while collapsed, what opening it would show."""
        severity = group.data(0, SEVERITY_ROLE)
        count = group.childCount()
        title = f"{_(SEVERITY_TITLES[severity])} ({count})"
        if group.text(0) != title:
            group.setText(0, title)
        state = "open" if group.isExpanded() else "collapsed"
        tip = f"{count} {SEVERITY_WORDS[severity]} findings, {state}"
        if group.toolTip(0) != tip:
            group.setToolTip(0, tip)

    def _group_item(self, severity: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem([_(SEVERITY_TITLES[severity])])
        group.setData(0, SEVERITY_ROLE, severity)
        group.setIcon(0, self._icons[severity])
        group.setForeground(0, QBrush(QColor(SEVERITY_COLORS[severity])))
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        return group

    def _show_empty_state(self, report: Report) -> None:
        has_rows = self.tree.topLevelItemCount() > 0
        self.tree.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if has_rows:
            return
        if report.findings:
            self.empty.setText(_("No finding matches the filter."))
        elif report.summary.steps:
            self.empty.setText(
                _("No findings: every step has an owner and every handoff is agreed.")
            )
        else:
            self.empty.setText(_("No steps yet.\n\nDouble-click a lane to add a step."))

    def _count_rules(self, report: Report) -> None:
        """Each rule's entry in the filter says how many findings it has now."""
        counts = Counter(f.rule for f in report.findings)
        for index in range(1, self.rule.count()):
            rule = self.rule.itemData(index)
            self.rule.setItemText(index, f"{rule} ({counts.get(rule, 0)})")

    # ----------------------------------------------------------------- reading
    def groups(self) -> dict[str, list[str]]:
        """Severity → messages as shown (for tests and for reading the panel aloud)."""
        shown: dict[str, list[str]] = {}
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            shown[group.data(0, SEVERITY_ROLE)] = [
                group.child(row).text(0) for row in range(group.childCount())
            ]
        return shown

    def selected_finding(self) -> Finding | None:
        items = self.tree.selectedItems()
        return items[0].data(0, FINDING_ROLE) if items else None

    def select_finding(self, finding: Finding) -> bool:
        """Select the row of ``finding`` (as a click would); False when it is not shown."""
        wanted = finding_key(finding)
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for row in range(group.childCount()):
                item = group.child(row)
                if finding_key(item.data(0, FINDING_ROLE)) == wanted:
                    group.setExpanded(True)
                    self.tree.setCurrentItem(item)
                    self.tree.scrollToItem(item)
                    return True
        return False

    # ----------------------------------------------------------------- picking
    def _picked(self) -> None:
        finding = self.selected_finding()
        if finding is None:
            return
        if finding.department_id:
            self.session.department_selected.emit(finding.department_id)
        elif finding.stage_id:
            self.session.stage_selected.emit(finding.stage_id)
        else:
            self.session.focus(finding.step_ids, finding.link_ids)


def _matches(finding: Finding, rule: str, wanted: str) -> bool:
    if rule and finding.rule != rule:
        return False
    return not wanted or wanted in finding.message.casefold() or wanted in finding.rule
