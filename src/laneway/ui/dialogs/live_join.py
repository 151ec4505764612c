"""File → Join Live Session: a session found on the network or an address, then the
code, then where to keep the copy.

The list fills from a browser object (``found(record)`` and ``lost(key)`` signals,
delivered on the GUI thread; the app's runs zeroconf, tests pass a fake one). Bad
input is said in one sentence under the fields, and the dialog stays open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laneway.i18n import _
from laneway.sync.addresses import DEFAULT_PORT, AddressError, parse_address, show_address
from laneway.sync.pairing import is_code
from laneway.ui.widgets.accessible import describe, describe_buttons


@dataclass(frozen=True)
class JoinRequest:
    host: str
    port: int
    code: str
    name: str
    #: None: join with the map of this window (a copy that was in the session before).
    copy_path: Path | None


class LiveJoinDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        browser=None,
        name: str = "",
        folder: Path | None = None,
        rejoin: str | None = None,
    ) -> None:
        """``rejoin``: the window's map name when it was in a session before (offered:
        join with it, so what was done meanwhile merges)."""
        super().__init__(parent)
        self.setObjectName("liveJoinDialog")
        self.setWindowTitle(_("Join live session"))
        self.setAccessibleName(_("Join live session"))
        self.folder = folder or Path.home()
        self.request: JoinRequest | None = None
        self._records: dict[str, object] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Sessions on this network:")))
        self.sessions = QListWidget()
        self.sessions.setObjectName("liveSessions")
        describe(self.sessions, _("Sessions found"), _("Choose one to fill in its address"))
        self.sessions.currentItemChanged.connect(self._chosen)
        layout.addWidget(self.sessions, 1)
        self.none_found = QListWidgetItem(_("Looking… (or type the address the host shows)"))
        self.none_found.setFlags(Qt.ItemFlag.NoItemFlags)
        self.sessions.addItem(self.none_found)
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setObjectName("liveAddressField")
        self.address.setPlaceholderText(f"e.g. 192.168.1.5:{DEFAULT_PORT}")
        describe(self.address, _("Address"), _("The address shown on the host's screen"))
        self.code = QLineEdit()
        self.code.setObjectName("liveCodeField")
        self.code.setValidator(QRegularExpressionValidator(r"\d{0,6}"))
        self.code.setPlaceholderText(_("6 digits"))
        code_font = QFont()
        code_font.setPointSize(20)
        self.code.setFont(code_font)
        describe(self.code, _("Code"), _("The six digits shown on the host's screen"))
        self.name = QLineEdit(name)
        self.name.setObjectName("liveNameField")
        describe(self.name, _("Your name"), _("How the others see you"))
        self.copy_path = QLineEdit()
        self.copy_path.setObjectName("liveCopyField")
        describe(self.copy_path, _("Keep the copy at"), _("The new .laneway file for your copy"))
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self._choose_copy)
        row = QHBoxLayout()
        row.addWidget(self.copy_path, 1)
        row.addWidget(choose)
        form.addRow(_("&Address"), self.address)
        form.addRow(_("&Code"), self.code)
        form.addRow(_("Your &name"), self.name)
        form.addRow(_("&Keep the copy at"), row)
        self.rejoin = QCheckBox(
            _("Join with {rejoin}, which was in a live session before").format(rejoin=rejoin)
        )
        self.rejoin.setObjectName("liveRejoin")
        describe(self.rejoin, _("Join with this map"), _("Its changes since then merge both ways"))
        self.rejoin.toggled.connect(lambda on: (self.copy_path.setEnabled(not on),
                                                choose.setEnabled(not on)))  # fmt: skip
        self.rejoin.setVisible(rejoin is not None)
        self.rejoin.setChecked(rejoin is not None)
        form.addRow("", self.rejoin)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("liveJoinProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("QLabel { color: #b42318; }")
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Join"))
        describe_buttons(self.buttons)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if browser is not None:
            browser.found.connect(self.add_session)
            browser.lost.connect(self.remove_session)
        self.resize(520, 520)

    # --------------------------------------------------------------- sessions
    def add_session(self, record) -> None:
        """A session found on the network (a ``SessionRecord``)."""
        self.remove_session(record.key)
        if self.none_found.listWidget() is not None:
            self.sessions.takeItem(self.sessions.row(self.none_found))
        where = show_address(record.address, record.port)
        text = f"{record.title} — {record.host_name} ({where})"
        item = QListWidgetItem(
            text if record.compatible else _("{text}: another Laneway version").format(text=text)
        )
        item.setData(Qt.ItemDataRole.UserRole, record.key)
        if not record.compatible:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self._records[record.key] = record
        self.sessions.addItem(item)

    def remove_session(self, key: str) -> None:
        self._records.pop(key, None)
        for row in range(self.sessions.count()):
            if self.sessions.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sessions.takeItem(row)
                return

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        record = self._records.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
        if record is None:
            return
        self.address.setText(show_address(record.address, record.port))  # type: ignore[attr-defined]
        if not self.copy_path.text().strip():
            title = record.title.strip() or _("Live session")  # type: ignore[attr-defined]
            safe = "".join(c for c in title if c.isalnum() or c in " -_").strip() or _(
                "Live session"
            )
            self.copy_path.setText(str(self.folder / f"{safe} (copy).laneway"))
        self.code.setFocus()

    def _choose_copy(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Keep the copy at"), str(self.folder), _("Laneway maps (*.laneway)")
        )
        if path:
            self.copy_path.setText(path if path.endswith(".laneway") else f"{path}.laneway")

    # ----------------------------------------------------------------- answer
    def _try_accept(self) -> None:
        problem = self._check()
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)
        if problem is None:
            self.accept()

    def _check(self) -> str | None:
        try:
            host, port = parse_address(self.address.text(), default_port=DEFAULT_PORT)
        except AddressError as error:
            return str(error)
        code = self.code.text().strip()
        if not is_code(code):
            return _("The code is the six digits shown on the host's screen.")
        name = self.name.text().strip() or _("Someone")
        if self.rejoin.isChecked():
            self.request = JoinRequest(host, port, code, name, None)
            return None
        text = self.copy_path.text().strip()
        if not text:
            return _("Choose where to keep your copy of the map.")
        path = Path(text).expanduser()
        if path.suffix != ".laneway":
            return _("{name}: the copy is a map, so its name ends in .laneway.").format(
                name=path.name
            )
        if path.exists():
            return _("{name} already exists; choose a new name for the copy.").format(
                name=path.name
            )
        if not path.parent.is_dir():
            return _("The folder {parent} does not exist.").format(parent=path.parent)
        self.request = JoinRequest(host, port, code, name, path)
        return None
