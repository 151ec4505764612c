"""Cited terms in a text field (SPEC §7): ``[[`` opens a completion of the defined terms,
each ``[[term]]`` is underlined (a wavy red line when the term is not defined), and
hovering over one shows its meaning.

The field is told about the glossary by two callables, so this room needs no map:
``matching(typed)`` — the terms to offer, best first — and ``meaning(term)`` — the
meaning of a defined term, or None.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QToolTip

from laneway.i18n import _
from laneway.model.terms import cited_terms, complete_citation, open_citation_at

ALARM = "#c0392b"
#: The keys the open completion list takes from the field.
_POPUP_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
               Qt.Key.Key_Escape)  # fmt: skip


class _CitationHighlighter(QSyntaxHighlighter):
    def __init__(self, field: TermField) -> None:
        super().__init__(field.editor.document())
        self.field = field

    def highlightBlock(self, text: str) -> None:
        for citation in cited_terms(text):
            defined = self.field.meaning(citation.term) is not None
            look = QTextCharFormat()
            look.setFontUnderline(True)
            if defined:
                look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            else:
                look.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                look.setUnderlineColor(QColor(ALARM))
            self.setFormat(citation.term_start, citation.term_end - citation.term_start, look)


class TermField(QObject):
    """Completion, underlining and meanings of cited terms on one ``QPlainTextEdit``."""

    def __init__(
        self,
        editor: QPlainTextEdit,
        matching: Callable[[str], list[str]],
        meaning: Callable[[str], str | None],
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.matching = matching
        self.meaning = meaning
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setWidget(editor)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.popup().setObjectName("termCompletion")
        self.completer.activated.connect(self.insert)
        self.highlighter = _CitationHighlighter(self)
        editor.textChanged.connect(self._typed)
        editor.installEventFilter(self)
        self._viewport = editor.viewport()
        self._viewport.installEventFilter(self)

    def glossary_changed(self) -> None:
        """The definitions changed: re-underline (a term may have become defined)."""
        self.highlighter.rehighlight()

    def offered(self) -> list[str]:
        """The terms the completion list shows now."""
        return self.model.stringList()

    def _typed(self) -> None:
        if not self.editor.hasFocus():
            return
        text, cursor = self.editor.toPlainText(), self.editor.textCursor().position()
        found = open_citation_at(text, cursor)
        terms = self.matching(found[1]) if found is not None else []
        if not terms:
            self.completer.popup().hide()
            return
        self.model.setStringList(terms)
        rect = self.editor.cursorRect()
        rect.setWidth(max(160, self.completer.popup().sizeHintForColumn(0) + 24))
        self.completer.complete(rect)
        self.completer.popup().setCurrentIndex(self.model.index(0, 0))

    def insert(self, term: str) -> None:
        """Complete the citation being typed as ``[[term]]``, the cursor after it."""
        editor = self.editor
        text, at = complete_citation(editor.toPlainText(), editor.textCursor().position(), term)
        cursor = editor.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)  # one edit of the document, so Ctrl+Z in the field undoes it
        cursor.setPosition(at)
        editor.setTextCursor(cursor)
        self.completer.popup().hide()

    def term_at(self, position: int) -> str | None:
        """The cited term whose brackets hold ``position`` in the text, if any."""
        for citation in cited_terms(self.editor.toPlainText()):
            if citation.start <= position <= citation.end:
                return citation.term
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        taken = (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and self.completer.popup().isVisible()
            and event.key() in _POPUP_KEYS
        )
        if taken:
            # The list's keys reached the field (no keyboard grab): act as the list would.
            popup = self.completer.popup()
            current = popup.currentIndex()
            if event.key() != Qt.Key.Key_Escape and current.isValid():
                self.insert(current.data())
            popup.hide()
            return True
        if watched is self._viewport and event.type() == QEvent.Type.ToolTip:
            position = self.editor.cursorForPosition(event.pos()).position()
            term = self.term_at(position)
            if term is not None:
                meaning = self.meaning(term)
                QToolTip.showText(
                    event.globalPos(),
                    f"{term}: {meaning or _('(no meaning written yet)')}"
                    if meaning is not None
                    else _("{term} is not defined — add it under Definitions").format(term=term),
                    self.editor,
                )
                return True
            QToolTip.hideText()
        return super().eventFilter(watched, event)
