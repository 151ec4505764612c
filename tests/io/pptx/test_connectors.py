"""Routes as connector presets: the preset draws the route's own polyline."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from laneway.io.pptx.connectors import connector_geometry, drawn_points, simplified


@st.composite
def orthogonal(draw):
    """An orthogonal polyline of 1-5 segments, starting either way, no zero segment."""
    count = draw(st.integers(1, 5))
    horizontal = draw(st.booleans())
    x, y = draw(st.integers(0, 900)), draw(st.integers(0, 500))
    points = [(float(x), float(y))]
    for _ in range(count):
        step = draw(st.integers(-300, 300).filter(lambda v: abs(v) >= 2))
        x, y = (x + step, y) if horizontal else (x, y + step)
        points.append((float(x), float(y)))
        horizontal = not horizontal
    return points


@settings(max_examples=300, deadline=None)
@given(orthogonal())
def test_the_preset_draws_the_route(points):
    path = simplified(points)
    geometry = connector_geometry(points)
    drawn = simplified(drawn_points(geometry))
    start, end = path[0], path[-1]
    # the ends are exact (up to the half-point box a straight or flat route gets)
    assert abs(drawn[0][0] - start[0]) < 0.6 and abs(drawn[0][1] - start[1]) < 0.6
    assert abs(drawn[-1][0] - end[0]) < 0.6 and abs(drawn[-1][1] - end[1]) < 0.6
    if 2 <= len(path) - 1 <= 5 and geometry.box[2] > 0.5 and geometry.box[3] > 0.5:
        assert len(drawn) == len(path)
        for (ax, ay), (bx, by) in zip(drawn, path, strict=True):
            assert abs(ax - bx) < 0.01 and abs(ay - by) < 0.01
    # the first segment leaves the way the route leaves (the side it was glued to)
    first_route = abs(path[1][1] - path[0][1]) < 0.01
    first_drawn = abs(drawn[1][1] - drawn[0][1]) < 0.01
    assert first_route == first_drawn or len(path) == 2


def test_a_route_leaving_downwards_is_a_turned_preset():
    geometry = connector_geometry([(100, 100), (100, 150), (200, 150), (200, 200)])
    assert geometry.preset == "bentConnector3" and geometry.rotation == 90
    assert drawn_points(geometry) == [(100, 100), (100, 150), (200, 150), (200, 200)]
