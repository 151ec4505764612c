"""The app in German (issue 14, item 8): no English sentence left in the menus, the
dialogs and the panels; View → Language remembered; Qt's own buttons translated.

The walk reads every text a user sees or hears (labels, buttons, menu entries, tips,
placeholders, list and tree entries, headers, tabs, dock titles, accessible names and
descriptions) and fails on any that is an English sentence of the catalogue whose German
differs, or a string literal of the ui's code never wrapped in ``_()`` (so a sentence
added later without it fails here too).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from laneway.i18n import _, load_translation
from laneway.ui.app.controller import AppController
from laneway.ui.app.language import install_language
from laneway.ui.app.settings import Settings
from laneway.ui.dialogs.crash import CrashDialog
from laneway.ui.dialogs.export_dialog import ExportDialog
from laneway.ui.dialogs.import_summary import ImportSummaryDialog
from laneway.ui.dialogs.map_properties import MapPropertiesDialog
from laneway.ui.dialogs.print_preview import PrintPreview, print_options
from laneway.ui.dialogs.shortcuts import ShortcutsDialog
from laneway.ui.dialogs.snapshots import SnapshotsDialog
from laneway.ui.dialogs.template_gallery import TemplateGallery
from laneway.ui.widgets.prompts import TypedChoice
from laneway.ui.window.actions import key_map
from tests.i18n.test_catalogues import SCRIPT
from tests.ui.window.test_menus import _mnemonic, context_menus, mnemonic_clashes, window_menus

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class EnglishSentences:
    """The catalogue's English sentences whose German is different, as exact texts and
    as patterns for the sentences with placeholders ("Lane {name}")."""

    def __init__(self) -> None:
        catalog = SCRIPT.read_catalog(SCRIPT.po_path("de"), "de")
        self.exact: dict[str, str] = {}
        #: Every German sentence: a text that is one is German ("Phase nach &links" is
        #: not the English "{n} links").
        self.german: set[str] = set()
        self.literals = _ui_literals()
        self.patterns: list[tuple[re.Pattern, re.Pattern, str]] = []
        for message in catalog:
            if not message.id:
                continue
            pairs = (
                zip(message.id, (message.string[0], message.string[-1]), strict=True)
                if isinstance(message.id, tuple)
                else [(message.id, message.string)]
            )
            for english, german in pairs:
                self.german.add(german.replace("&", "").strip())
                if english == german:
                    continue  # "Format", "Mermaid", "Normal": the same word
                for form in {english, english.replace("&", "")}:
                    self.exact.setdefault(form.strip(), german)
                literal = PLACEHOLDER.sub("", english).replace("&", "")
                letters = len(re.findall(r"[A-Za-z]", literal))
                if PLACEHOLDER.search(english) and letters >= 4:
                    self.patterns.append((self._pattern(english), self._pattern(german), english))

    @staticmethod
    def _pattern(text: str) -> re.Pattern:
        parts = PLACEHOLDER.split(text.replace("&", ""))
        return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)

    def english(self, text: str) -> str | None:
        """The English sentence ``text`` is, when it is one (and not its German)."""
        clean = text.replace("&", "").strip()
        if not clean:
            return None
        if clean in self.german:
            return None
        if clean in self.exact or text.strip() in self.exact:
            return clean
        if clean in self.literals:
            return clean  # written in the ui's code but never wrapped in _()
        for english, german, source in self.patterns:
            if english.fullmatch(clean) and not german.fullmatch(clean):
                return source
        return None


def _ui_literals() -> set[str]:
    """The ui's own English: every string literal of ``laneway.ui`` and ``laneway.canvas``
    with two words or more (a sentence someone forgot to wrap shows up as one of them)."""
    import ast

    import laneway

    root = Path(laneway.__file__).parent
    found: set[str] = set()
    for folder in ("ui", "canvas"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value.replace("&", "").strip()
                    if len(re.findall(r"[^\W\d_]{2,}", text)) >= 2 and "\n" not in text:
                        found.add(text)
    return found


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text of ``root`` and the widgets in it."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, text: str | None) -> None:
        if text:
            found.append((f"{type(widget).__name__} {widget.objectName()!r}", text))

    for widget in [root, *root.findChildren(QWidget)]:
        add(widget, widget.windowTitle() if widget.isWindow() or isinstance(
            widget, QDockWidget) else "")  # fmt: skip
        add(widget, widget.toolTip())
        add(widget, widget.statusTip())
        add(widget, widget.accessibleName())
        add(widget, widget.accessibleDescription())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        if isinstance(widget, QGroupBox):
            add(widget, widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            add(widget, widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            add(widget, widget.specialValueText())
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget, widget.itemText(index))
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget, widget.tabText(index))
                add(widget, widget.tabToolTip(index))
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for column in range(widget.columnCount()):
                add(widget, header.text(column))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model: one column (Qt keeps its count private)
                columns = 1
            for row in range(min(model.rowCount(QModelIndex()), 200)):
                for column in range(columns):
                    index = model.index(row, column)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(index, role)
                        add(widget, value if isinstance(value, str) else None)
        for action in widget.actions():
            found += action_texts(action.text(), action)
    return found


def action_texts(where: str, action) -> list[tuple[str, str]]:
    return [(f"action {where!r}", text) for text in (
        action.text(), action.statusTip(), action.toolTip()) if text]  # fmt: skip


def menu_texts(menus: list[QMenu]) -> list[tuple[str, str]]:
    found = []
    for menu in menus:
        found.append((f"menu {menu.objectName()!r}", menu.title()))
        for action in menu.actions():
            if not action.isSeparator():
                found += action_texts(f"{menu.title()} → {action.text()}", action)
    return found


def english_left(texts: list[tuple[str, str]], sentences: EnglishSentences) -> list[str]:
    return sorted({
        f"{where}: {text!r} (English: {english!r})"
        for where, text in texts
        if (english := sentences.english(text)) is not None
    })  # fmt: skip


@pytest.fixture(scope="module")
def sentences() -> EnglishSentences:
    return EnglishSentences()


@pytest.fixture
def german_window(qapp, map_file: Path, qtbot, monkeypatch):
    """A window of an app whose View → Language says Deutsch."""
    controller = AppController(qapp, Settings(language="de"))
    monkeypatch.setattr(controller, "show_error", lambda parent, sentence: None)
    window = controller.open_path(map_file)
    window.resize(1400, 900)
    qtbot.waitExposed(window)
    window.session.refresh_report()
    QApplication.processEvents()
    yield window
    for open_window in list(controller.windows.values()):
        open_window.close()
    if controller.start_screen is not None:
        controller.start_screen.close()
    controller.shutdown()
    install_language(qapp, "en")  # the next test's app speaks English again
    QApplication.processEvents()


def test_the_walk_finds_english_when_it_is_there(sentences):
    """The walk can fail: the English window's texts are caught, the German ones not."""
    assert sentences.english("&Export…") == "Export…"
    assert sentences.english("Lane Sales") in ("Lane {name}", "Lane {get}")
    assert sentences.english("Bahn Sales") is None
    assert sentences.english("Sales") is None  # the map's own words are not the app's


def test_the_german_window_menus_and_docks_have_no_english_left(german_window, sentences):
    window = german_window
    window.tools.search.open()
    window.tools.comparison_dock.show()
    for dock in window.docks:
        dock.show()
    step = next(iter(window.session.journey.steps))
    window.focus_items([step], [])  # the inspector shows a step, the findings their rule
    QApplication.processEvents()
    texts = widget_texts(window) + menu_texts(window_menus(window))
    texts += menu_texts(context_menus(window))
    assert len(texts) > 400  # the walk saw the window, not an empty shell
    left = english_left(texts, sentences)
    assert left == [], "\n".join(left)
    titles = [a.menu().title() for a in window.menuBar().actions() if a.menu()]
    assert titles == ["&Datei", "&Bearbeiten", "&Ansicht", "&Karte", "&Hilfe"]


def test_the_german_inspector_of_a_link_a_lane_and_the_map_has_no_english(german_window, sentences):
    window = german_window
    journey = window.session.journey
    texts = []
    window.focus_items([], [next(iter(journey.links))])
    QApplication.processEvents()
    texts += widget_texts(window.inspector)
    window.focus_items([], [])
    QApplication.processEvents()
    texts += widget_texts(window.inspector)
    window.departments.list.setCurrentRow(0)
    window.stages.list.setCurrentRow(0)
    QApplication.processEvents()
    texts += widget_texts(window.inspector) + widget_texts(window.lanes_tabs)
    left = english_left(texts, sentences)
    assert left == [], "\n".join(left)


def test_every_german_dialog_has_no_english_left(german_window, sentences, tmp_path, qtbot):
    window = german_window
    document = window.session.document
    document.take_snapshot("Workshop 1")
    from laneway.io.formats import import_file

    source = tmp_path / "in.mmd"
    source.write_text("journey\n  section Awareness\n    Reads: 7: Me\n", encoding="utf-8")
    result = import_file(source)
    dialogs = [
        ExportDialog(window, document, set()),
        SnapshotsDialog(window, document),
        MapPropertiesDialog(window, "Title", "Description"),
        ShortcutsDialog(window, key_map(window.chrome.actions)),
        TemplateGallery(window),
        PrintPreview(window, window.session.journey, print_options(True)),
        TypedChoice(window, _("Link to step"), _("Link to:"), ["A", "B"]),
        ImportSummaryDialog(window, source, result, tmp_path / "out.laneway"),
        CrashDialog("Etwas ist schiefgegangen.", "Traceback …", tmp_path / "laneway.log"),
    ]
    try:
        for dialog in dialogs:
            dialog.show()
            qtbot.waitExposed(dialog)
            texts = widget_texts(dialog)
            assert texts, type(dialog).__name__
            left = english_left(texts, sentences)
            assert left == [], f"{type(dialog).__name__}:\n" + "\n".join(left)
    finally:
        for dialog in dialogs:
            dialog.close()


def test_the_german_live_session_dialogs_have_no_english_left(
    german_window, sentences, tmp_path, qtbot
):
    """The host's window (a real session on loopback), the join dialog and the status."""
    pytest.importorskip("zeroconf", reason="the live-session extra is not installed")
    from laneway.ui.dialogs.live_join import LiveJoinDialog

    window = german_window
    window.live.listen_host = "127.0.0.1"
    window.chrome.actions["live_host"].trigger()
    host = window.live.host_dialog
    join = LiveJoinDialog(window, name="Ana", folder=tmp_path, rejoin="Kopie.laneway")
    try:
        for dialog in (host, join):
            dialog.show()
            qtbot.waitExposed(dialog)
            texts = widget_texts(dialog)
            assert texts, type(dialog).__name__
            left = english_left(texts, sentences)
            assert left == [], f"{type(dialog).__name__}:\n" + "\n".join(left)
        assert "Adresse" in host.address.text()
        assert "Sitzung geleitet, 0 Personen beigetreten" in window.live.indicator.text()
        assert english_left(widget_texts(window.statusBar()), sentences) == []
    finally:
        join.close()
        window.live.close()


def test_qt_s_own_buttons_speak_german_too(german_window, qtbot):
    """qtbase_de.qm from the Qt wheel: a standard button says Abbrechen, not Cancel."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert "Abbrechen" in texts
    assert "Cancel" not in texts


def test_the_start_screen_speaks_german(qapp, qtbot, sentences):
    controller = AppController(qapp, Settings(language="de"))
    try:
        screen = controller.show_start_screen()
        qtbot.waitExposed(screen)
        texts = widget_texts(screen)
        assert any("Vorlage" in text for _where, text in texts)
        assert english_left(texts, sentences) == []
    finally:
        controller._close_start_screen()
        controller.shutdown()
        install_language(qapp, "en")


def test_view_language_is_remembered_for_the_next_start(main_window, controller):
    view = next(a.menu() for a in main_window.menuBar().actions() if a.text() == "&View")
    language = next(a.menu() for a in view.actions() if a.text() == "&Language")
    entries = [a.text() for a in language.actions()]
    assert entries == ["System Default", "English", "Deutsch", "Français"]
    assert [a.isChecked() for a in language.actions()] == [True, False, False, False]
    next(a for a in language.actions() if a.text() == "Français").trigger()
    assert Settings.load().language == "fr"
    assert controller.settings.language == "fr"
    assert "next start" in main_window.statusBar().currentMessage()
    assert main_window.menuBar().actions()[0].text() == "&File"  # applied on restart


def test_the_app_language_formats_shares_and_dates(german_window):
    window = german_window
    assert "\u00a0%" in window.zoom_label.text()
    assert load_translation("de").gettext("Ownership") in window.coverage.text()


@pytest.mark.parametrize("language", ["de", "fr"])
def test_no_translated_menu_has_two_entries_with_one_mnemonic(qapp, map_file, qtbot, language):
    controller = AppController(qapp, Settings(language=language))
    try:
        window = controller.open_path(map_file)
        qtbot.waitExposed(window)
        bar = [a.text() for a in window.menuBar().actions()]
        assert len({_mnemonic(text) for text in bar}) == len(bar)
        clashes = {
            menu.title() or menu.objectName(): found
            for menu in [*window_menus(window), *context_menus(window)]
            if (found := mnemonic_clashes(menu))
        }
        assert clashes == {}
    finally:
        for open_window in list(controller.windows.values()):
            open_window.close()
        controller.shutdown()
        install_language(qapp, "en")
