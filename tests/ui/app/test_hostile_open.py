"""Hostile maps that used to crash the app on open or while painting: one sentence each."""

from __future__ import annotations

import sys

import pytest

from laneway.store import create_map
from laneway.ui.app.main import crash_sentence
from tests.support.hostile import HOSTILE_MAPS, run

#: Maps that crashed the app on open (a link to a missing step, a NULL title…) or while
#: painting (emotion 99 in StepItem._paint_emotion, x = Infinity in view.set_zoom).
CRASHED_THE_APP = (
    "link-to-missing-step",
    "null-title",
    "null-department-name",
    "text-x",
    "blob-title",
    "symlink-loop",
    "emotion-99",
    "infinite-x",
    "missing-department",
    "departments-differ-in-case",
    "trigger-empties-links",
    "note-on-two-things",
    "step-names-missing-persona",
)


@pytest.mark.parametrize("case", CRASHED_THE_APP)
def test_opening_a_hostile_map_says_one_sentence_and_opens_nothing(
    case, controller, tmp_path, sample_map, monkeypatch
):
    path = tmp_path / "hostile.laneway"
    create_map(path, sample_map)
    mutate, words = HOSTILE_MAPS[case]
    mutate(path)
    crashes = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: crashes.append(info))
    assert controller.open_path(path) is None
    [sentence] = controller.errors
    assert sentence.startswith("hostile.laneway: ") and words in sentence
    assert "\n" not in sentence and "Traceback" not in sentence
    assert controller.windows == {} and crashes == []


def test_a_map_with_a_100_mb_title_is_refused_at_open(controller, tmp_path, sample_map):
    path = tmp_path / "huge.laneway"
    create_map(path, sample_map)
    run(path, "UPDATE step SET title = replace(hex(zeroblob(50000000)), '0', 'a') WHERE id = 's1'")
    assert path.stat().st_size > 100_000_000
    assert controller.open_path(path) is None
    [sentence] = controller.errors
    assert "100,000,000 bytes" in sentence and "at most 1,000 characters" in sentence


def test_the_crash_dialog_says_what_was_not_saved(main_window, controller, qapp):
    document = main_window.session.document
    qapp._laneway_controller = controller
    try:
        calm = crash_sentence(RuntimeError, RuntimeError("boom"), qapp)
        assert "every completed change was already saved" not in calm
        assert "holds every change that was written" in calm
        document.path.unlink()
        main_window.session.check_for_outside_changes()  # the file is gone: read-only
        told = crash_sentence(RuntimeError, RuntimeError("boom"), qapp)
        assert "were not saved since" in told and "deleted or moved" in told
    finally:
        del qapp._laneway_controller
