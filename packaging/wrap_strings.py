"""Wrap a module's user-visible literals in _() — the first pass of a translation sweep.

    python packaging/wrap_strings.py src/laneway/ui/panels/notes.py          # show
    python packaging/wrap_strings.py FILE --write [--skip 12,40]             # rewrite
    python packaging/wrap_strings.py FILE --write --module                   # N_() tables

What looks like a sentence (two words, or a capitalised word) inside a function becomes
``_("…")``; an f-string becomes ``_("… {name} …").format(name=…)`` with a placeholder
named after its expression. Strings at module or class level and default arguments are
only listed: ``--module`` marks them ``N_()``, and their use sites need ``_(…)`` by hand.
Skipped: docstrings, dict keys, comparisons, subscripts, object names, settings keys,
shortcuts, log calls. It is a helper, not an oracle: read the diff (SQL, file names,
style sheets and identifiers with spaces must stay as they are: ``--skip`` their lines),
rename a local ``_`` it now shadows (``path, _ = …``), run ``ruff``,
``tests/ui/test_languages.py``, then ``packaging/update_translations.py``.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

SKIPPED_CALLS = {
    "setObjectName", "setProperty", "property", "getattr", "hasattr", "setattr",
    "QKeySequence", "value", "setValue", "debug", "info", "warning", "error", "exception",
    "critical", "log", "log_warning", "_", "N_", "ngettext", "pgettext", "translate",
    "startswith", "endswith", "split", "join", "replace", "get", "pop", "execute",
    "QColor", "setStyleSheet", "isinstance", "Signal", "Slot", "connect", "findChild",
    "findChildren", "import_module", "cast", "TypeVar", "format",
}  # fmt: skip
SHORTCUT = re.compile(
    r"^(Ctrl|Alt|Shift|Meta|F\d+|Del|Esc|Return|Enter|Backspace|Left|Right|Up|Down|Home|End"
    r"|PgUp|PgDown|Tab)(\+.*)?$"
)


def is_sentence(text: str) -> bool:
    if SHORTCUT.match(text) or "://" in text or re.fullmatch(r"[a-z_.]+", text):
        return False
    words = re.search(r"[A-Za-z]{2,}", text)
    return bool(words) and (" " in text.strip() or bool(re.match(r"^&?[A-Z][a-z]", text)))


@dataclass
class Rewrite:
    source: str
    tree: ast.Module
    parents: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.docstrings = {
            node.body[0].value
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        lines = self.source.splitlines(keepends=True)
        self.starts = [0]
        for line in lines:
            self.starts.append(self.starts[-1] + len(line))
        self.lines = lines

    def offset(self, line: int, column: int) -> int:
        """A character offset from ast's (line, UTF-8 byte column)."""
        return self.starts[line - 1] + len(self.lines[line - 1].encode()[:column].decode())

    def text_of(self, node: ast.AST) -> str:
        start = self.offset(node.lineno, node.col_offset)
        return self.source[start : self.offset(node.end_lineno, node.end_col_offset)]

    def in_function(self, node: ast.AST) -> bool:
        child, parent = node, self.parents.get(node)
        while parent is not None:
            if isinstance(parent, ast.arguments):
                return False
            if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                return not (isinstance(parent, ast.Lambda) and child is not parent.body)
            child, parent = parent, self.parents.get(parent)
        return False

    def skipped_context(self, node: ast.AST) -> bool:
        parent = self.parents.get(node)
        if isinstance(parent, ast.Call):
            function = parent.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(
                function, "id", "")  # fmt: skip
            if name in SKIPPED_CALLS:
                return True
        if isinstance(parent, ast.Dict) and node in parent.keys:
            return True
        if isinstance(parent, ast.Attribute) and parent.attr == "format":
            return True
        return isinstance(parent, ast.Compare | ast.Subscript | ast.JoinedStr | ast.FormattedValue)


def _literal(text: str) -> str:
    """``text`` as Python source, split into lines of ~70 characters when long."""
    chunks = textwrap.wrap(text, 70, replace_whitespace=False, drop_whitespace=False,
                           break_long_words=False, break_on_hyphens=False) or [""]  # fmt: skip
    escaped = (
        chunk.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
        for chunk in chunks
    )
    return " ".join(f'"{chunk}"' for chunk in escaped)


def _placeholder(expression: ast.expr) -> str:
    if isinstance(expression, ast.Name):
        name = expression.id
    elif isinstance(expression, ast.Attribute):
        name = expression.attr
    elif isinstance(expression, ast.Call):
        function = expression.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(
            function, "id", "value")  # fmt: skip
        name = "value" if name in ("plural", "len", "str", "repr", "join", "_") else name
    else:
        name = "value"
    return name.strip("_") or "value"


def wrapped_fstring(rewrite: Rewrite, node: ast.JoinedStr) -> str:
    template, arguments, used = [], [], {}
    for part in node.values:
        if isinstance(part, ast.Constant):
            template.append(part.value.replace("{", "{{").replace("}", "}}"))
            continue
        name, code = _placeholder(part.value), rewrite.text_of(part.value)
        number = 2
        base = name
        while name in used and used[name] != code:
            name, number = f"{base}{number}", number + 1
        if name not in used:
            used[name] = code
            arguments.append(f"{name}={code}")
        spec = "" if part.conversion == -1 else "!" + chr(part.conversion)
        if part.format_spec is not None:
            spec += ":" + "".join(
                v.value for v in part.format_spec.values if isinstance(v, ast.Constant)
            )
        template.append("{" + name + spec + "}")
    return f"_({_literal(''.join(template))}).format({', '.join(arguments)})"


def rewrites(path: Path, skip: set[int], module_level: bool) -> tuple[str, list[str]]:
    source = path.read_text(encoding="utf-8")
    rewrite = Rewrite(source, ast.parse(source))
    edits, report = [], []
    for node in ast.walk(rewrite.tree):
        if node in rewrite.docstrings or getattr(node, "lineno", 0) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if not is_sentence(node.value) or rewrite.skipped_context(node):
                continue
            if rewrite.in_function(node):
                if not module_level:
                    edits.append((node, f"_({rewrite.text_of(node)})"))
            else:
                report.append(f"{path}:{node.lineno}: module level {node.value!r}")
                if module_level:
                    edits.append((node, f"N_({rewrite.text_of(node)})"))
        elif isinstance(node, ast.JoinedStr) and not module_level:
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            if not re.search(r"[A-Za-z]{2,} ", text) or rewrite.skipped_context(node):
                continue
            if rewrite.in_function(node):
                edits.append((node, wrapped_fstring(rewrite, node)))
            else:
                report.append(f"{path}:{node.lineno}: module level f{text!r}")
    edits.sort(key=lambda edit: rewrite.offset(edit[0].lineno, edit[0].col_offset), reverse=True)
    result = source
    for node, replacement in edits:
        start = rewrite.offset(node.lineno, node.col_offset)
        end = rewrite.offset(node.end_lineno, node.end_col_offset)
        report.append(f"{path}:{node.lineno}: {result[start:end][:60]!r} -> {replacement[:80]}")
        result = result[:start] + replacement + result[end:]
    if edits:
        result = _with_import(result, "N_" if module_level else "_")
    return result, report


def _with_import(source: str, name: str) -> str:
    found = re.search(r"^from laneway\.i18n import (.+)$", source, re.M)
    if found:
        names = sorted({*(n.strip() for n in found.group(1).split(",")), name})
        return source[: found.start()] + f"from laneway.i18n import {', '.join(names)}" + (
            source[found.end():])  # fmt: skip
    tree = ast.parse(source)
    imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    lines = source.splitlines(keepends=True)
    at = max((n.end_lineno for n in imports), default=0)
    lines.insert(at, f"from laneway.i18n import {name}\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--write", action="store_true", help="rewrite the files")
    parser.add_argument("--module", action="store_true", help="mark module-level with N_()")
    parser.add_argument("--skip", default="", help="line numbers to leave alone: 12,40")
    args = parser.parse_args(argv)
    skip = {int(n) for n in args.skip.split(",") if n}
    for path in args.files:
        result, report = rewrites(path, skip, args.module)
        print("\n".join(report))
        if args.write:
            path.write_text(result, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
