"""The import summary: what came in from the source file, what was left out."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from laneway.io.formats import ImportResult, import_file
from laneway.ui.dialogs.import_summary import ImportSummaryDialog, import_summary_sentence

SOURCE = {
    "laneway": 1,
    "title": "Imported journey",
    "departments": [{"name": "Marketing"}, {"name": "Sales"}],
    "stages": ["Awareness", "Purchase", "Onboarding"],
    "steps": [
        {"id": "s1", "title": "Reads blog", "department": "Marketing", "stage": "Awareness"},
        {"id": "s2", "title": "Qualify lead", "department": "Sales", "stage": "Purchase"},
        {"id": "s3", "title": "Nobody calls", "department": None, "stage": "Purchase"},
        {"id": "s4", "title": "Kick-off", "department": "Legal", "stage": "Onboarding"},
    ],
    "links": [{"from": "s1", "to": "s2"}, {"from": "s2", "to": "s3"}],
}


def _imported(tmp_path: Path) -> tuple[Path, ImportResult]:
    source = tmp_path / "workshop.json"
    source.write_text(json.dumps(SOURCE), encoding="utf-8")
    return source, import_file(source)


def test_counts_come_from_the_imported_map(tmp_path, qtbot):
    source, result = _imported(tmp_path)
    target = tmp_path / "workshop.laneway"
    dialog = ImportSummaryDialog(None, source, result, target)
    qtbot.addWidget(dialog)
    counts = {key: label.text() for key, label in dialog.count_labels.items()}
    # Legal is not listed but used: it is added, so three departments came in.
    assert counts == {"steps": "4", "links": "2", "departments": "3", "stages": "3"}
    assert dialog.headline.text() == (
        "Imported 4 steps, 2 links, 3 departments and 3 stages from workshop.json."
    )
    assert dialog.skipped_sentences() == []
    assert (
        "Nothing was left out" in dialog.findChild(type(dialog.headline), "nothingSkipped").text()
    )
    assert target.name in [label.text() for label in dialog.findChildren(type(dialog.headline))]


def test_skipped_sentences_are_listed(tmp_path, qtbot):
    source, result = _imported(tmp_path)
    skipped = ["2 gateways (not steps)", "1 flow from a step to itself"]
    result = ImportResult(result.journey, skipped)
    dialog = ImportSummaryDialog(None, source, result, tmp_path / "out.laneway")
    qtbot.addWidget(dialog)
    assert dialog.skipped_sentences() == skipped
    assert dialog.headline.text().endswith("; 2 notes on what was left out.")


def test_ok_opens_the_map(tmp_path, qtbot):
    source, result = _imported(tmp_path)
    dialog = ImportSummaryDialog(None, source, result, tmp_path / "out.laneway")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Open the map"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_summary_sentence_singular(tmp_path):
    source, result = _imported(tmp_path)
    journey = result.journey
    for step_id in [s for s in journey.steps if s != "s1"]:
        journey.remove_step(step_id)
    sentence = import_summary_sentence(source, ImportResult(journey, ["1 lane"]))
    assert sentence.startswith("Imported 1 step, 0 links,")
    assert sentence.endswith("; 1 note on what was left out.")
