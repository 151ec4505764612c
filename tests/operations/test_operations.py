"""Operations shared by the app and the command line: create, import, export, place."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from laneway.document import Document
from laneway.io.errors import InputError
from laneway.io.export_options import ExportOptions
from laneway.operations.creating import create_map_file, new_journey, read_import
from laneway.operations.exporting import export_map
from laneway.operations.placing import place_unplaced_in, place_unplaced_steps
from laneway.store import create_map
from tests.conftest import build_map, reopen


def test_create_places_every_step(tmp_path):
    journey = build_map(steps=(("A", "Sales", "Awareness"), ("B", None, None)))
    path = create_map_file(tmp_path / "new.laneway", journey)
    written = reopen(path)
    assert all(s.x is not None and s.y is not None for s in written.steps.values())
    assert written.same_content(journey)


def test_place_unplaced_steps_keeps_placed_ones():
    journey = build_map(steps=(("A", "Sales", "Awareness"), ("B", "Sales", "Awareness")))
    journey.update_step("s1", x=300, y=40)
    assert place_unplaced_steps(journey) == 1
    assert (journey.steps["s1"].x, journey.steps["s1"].y) == (300, 40)
    assert journey.steps["s2"].x is not None


def test_an_open_map_places_its_steps_in_the_file_in_one_edit(tmp_path):
    path = tmp_path / "unplaced.laneway"
    create_map(path, build_map(steps=(("A", "Sales", "Awareness"), ("B", None, None))))
    assert all(s.x is None for s in reopen(path).steps.values())
    document = Document.open(path)
    heard = []
    document.add_observer(lambda changeset, origin: heard.append(changeset.label))
    try:
        assert place_unplaced_in(document) == 2
        assert heard == ["Place steps"]
        assert reopen(path).same_content(document.journey)
        assert place_unplaced_in(document) == 0  # nothing left to place: no edit
        assert heard == ["Place steps"]
    finally:
        document.close()


def test_a_read_only_map_keeps_its_unplaced_steps(tmp_path):
    path = tmp_path / "unplaced.laneway"
    create_map(path, build_map(steps=(("A", "Sales", "Awareness"),)))
    document = Document.open(path, read_only=True)
    try:
        assert place_unplaced_in(document) == 0
    finally:
        document.close()
    assert reopen(path).steps["s1"].x is None


def test_new_journey_from_a_template_keeps_its_title_unless_given():
    assert new_journey("b2b").info.title == new_journey("b2b", None).info.title
    assert new_journey("b2b", "Kick-off").info.title == "Kick-off"
    empty = new_journey(None, None)
    assert empty.info.title == "Untitled journey" and not empty.steps


def test_importing_a_laneway_map_is_refused_in_one_sentence(tmp_path, map_file):
    with pytest.raises(InputError) as raised:
        read_import(map_file)
    assert str(raised.value) == (
        f"{map_file.name}: is already a Laneway map; copy it instead of importing it."
    )


def test_export_by_suffix_writes_the_selection_only(tmp_path, sample_map):
    chosen = frozenset(list(sample_map.steps)[:2])
    target = tmp_path / "part.json"
    export_map(sample_map, target, ExportOptions(step_ids=chosen))
    written = json.loads(target.read_text(encoding="utf-8"))
    assert {step["id"] for step in written["steps"]} == set(chosen)
    assert [(link["from"], link["to"]) for link in written["links"]] == [tuple(sorted(chosen))]


def test_an_unknown_suffix_is_refused_and_nothing_is_written(tmp_path, sample_map):
    with pytest.raises(InputError):
        export_map(sample_map, tmp_path / "map.docx", ExportOptions())
    assert list(tmp_path.iterdir()) == []


def test_a_picture_too_large_is_made_as_large_as_it_can_be_and_says_so(qapp, tmp_path, sample_map):
    from laneway.render.writers import MAX_AREA, MAX_PIXELS

    path = tmp_path / "huge.png"
    notice = export_map(sample_map, path, ExportOptions(scale=4, width=20000))
    header = path.read_bytes()[:24]
    width, height = int.from_bytes(header[16:20]), int.from_bytes(header[20:24])
    assert max(width, height) <= MAX_PIXELS and width * height <= MAX_AREA
    assert width > 16384 * 0.5 or width * height > MAX_AREA * 0.95  # as large as it can be
    assert notice is not None and "pixels" in notice and notice.count(".") == 1
    assert [p.name for p in tmp_path.iterdir()] == ["huge.png"]


def test_data_exports_do_not_load_qt(tmp_path, map_file):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from laneway.cli import load_any\n"
        "from laneway.io.export_options import ExportOptions\n"
        "from laneway.operations.exporting import export_map\n"
        f"export_map(load_any({str(map_file)!r}), Path({str(tmp_path / 'm.csv')!r}),"
        " ExportOptions())\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'pptx'))], 'loaded'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "m.csv").exists()
