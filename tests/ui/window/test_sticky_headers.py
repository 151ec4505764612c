"""Lane and stage names stay readable however far the map is scrolled."""

from __future__ import annotations

from laneway.io.templates import load_template
from laneway.layout import Metrics, compute_grid
from laneway.ui.window.sticky_headers import stage_title_spots


def _grid():
    return compute_grid(load_template("b2b"), Metrics())


def test_a_stage_scrolled_half_off_to_the_left_shows_its_name_at_the_edge():
    grid = _grid()
    second = grid.columns[1]
    left = second.rect.x + 100  # its title start is off screen, most of it is not
    spots = stage_title_spots(grid, left, left + 900, all_columns=False)
    assert [(column.name, x) for column, x, _room in spots] == [(second.name, left + 12)]


def test_a_stage_whose_title_is_in_view_is_left_to_the_background():
    grid = _grid()
    assert stage_title_spots(grid, 0, 1400, all_columns=False) == []


def test_scrolled_down_every_visible_stage_is_named_in_the_pinned_band():
    grid = _grid()
    left = grid.columns[0].rect.right - 300
    spots = stage_title_spots(grid, left, left + 1000, all_columns=True)
    names = [column.name for column, _x, _room in spots]
    visible = [c.name for c in grid.columns if c.rect.right > left and c.rect.x < left + 1000]
    assert names == visible
