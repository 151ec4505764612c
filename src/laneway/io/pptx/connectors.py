"""A routed link as a PowerPoint connector: an elbow preset through the route's bends.

The presets draw from the top-left to the bottom-right corner of their box, leaving
horizontally: ``bentConnector2`` (one bend), ``3`` (two, the vertical at ``adj1``),
``4`` (three) and ``5`` (four), the adjust values being fractions (× 100000) of the
box. A route leaving vertically is the same preset turned 90°; flips put its start at
the right corner. A route with more bends keeps its ends, sides and first bend (an
application re-routing the connector when a card moves draws its own anyway).
"""

from __future__ import annotations

from collections.abc import Sequence

from laneway.io.pptx.shapes import ConnectorGeometry

Point = tuple[float, float]
_EPS = 0.01
#: The smallest box side: a preset's adjust values are fractions of it.
_MIN_SIDE = 0.5


def simplified(points: Sequence[Point]) -> list[Point]:
    """Without repeated points and without the middle point of collinear runs."""
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < _EPS and abs(out[-1][1] - p[1]) < _EPS:
            continue
        if len(out) >= 2 and _collinear(out[-2], out[-1], p):
            out[-1] = p
            continue
        out.append(p)
    return out


def _collinear(a: Point, b: Point, c: Point) -> bool:
    same_x = abs(a[0] - b[0]) < _EPS and abs(b[0] - c[0]) < _EPS
    same_y = abs(a[1] - b[1]) < _EPS and abs(b[1] - c[1]) < _EPS
    return same_x or same_y


def connector_geometry(points: Sequence[Point]) -> ConnectorGeometry:
    """The preset, box, rotation, flips and adjust values drawing ``points`` (slide
    points, an orthogonal polyline) as closely as a preset can."""
    path = simplified(points)
    if len(path) < 2:
        path = [path[0], (path[0][0] + _MIN_SIDE, path[0][1])]
    xs, ys = [p[0] for p in path], [p[1] for p in path]
    bounds = (min(xs), min(ys), max(xs), max(ys))
    start, end = path[0], path[-1]
    horizontal_first = abs(path[1][1] - path[0][1]) < _EPS
    rotation = 0 if horizontal_first else 90
    dx, dy = end[0] - start[0], end[1] - start[1]
    # Local axes: x along the first segment. Turned 90° clockwise, local x is the slide's
    # y and local y the slide's −x.
    # A straight line's box may be flat; a bent one's adjust values are fractions of it.
    least = 0.0 if len(path) == 2 else _MIN_SIDE
    if rotation == 0:
        w, h = max(abs(dx), least), max(abs(dy), least)
        flip_h, flip_v = dx < 0, dy < 0
    else:
        w, h = max(abs(dy), least), max(abs(dx), least)
        flip_h, flip_v = dy < 0, dx > 0
    cx, cy = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2

    def local(p: Point) -> Point:
        x, y = p[0] - cx, p[1] - cy
        if rotation:
            x, y = y, -x
        if flip_h:
            x = -x
        if flip_v:
            y = -y
        return (x + w / 2, y + h / 2)

    pts = [local(p) for p in path]
    preset, adjust = _preset(pts, w, h)
    box = (cx - w / 2, cy - h / 2, w, h)
    return ConnectorGeometry(preset, box, rotation, flip_h, flip_v, adjust, bounds)


def _preset(pts: list[Point], w: float, h: float) -> tuple[str, tuple[int, ...]]:
    segments = len(pts) - 1

    def fx(p: Point) -> int:
        return round(p[0] / w * 100000)

    def fy(p: Point) -> int:
        return round(p[1] / h * 100000)

    if segments == 1:
        return "straightConnector1", ()
    if segments == 2:
        return "bentConnector2", ()
    if segments == 3:
        return "bentConnector3", (fx(pts[1]),)
    if segments == 4:
        return "bentConnector4", (fx(pts[1]), fy(pts[2]))
    if segments == 5:
        return "bentConnector5", (fx(pts[1]), fy(pts[2]), fx(pts[3]))
    if segments % 2:
        return "bentConnector3", (fx(pts[1]),)
    return "bentConnector4", (fx(pts[1]), fy(pts[-2]))


def drawn_points(geometry: ConnectorGeometry) -> list[Point]:
    """The polyline a preset connector draws on the slide (to check ``connector_geometry``)."""
    x, y, w, h = geometry.box
    a = [v / 100000 for v in geometry.adjust]
    local: list[Point]
    if geometry.preset == "straightConnector1":
        local = [(0, 0), (w, h)]
    elif geometry.preset == "bentConnector2":
        local = [(0, 0), (w, 0), (w, h)]
    elif geometry.preset == "bentConnector3":
        local = [(0, 0), (a[0] * w, 0), (a[0] * w, h), (w, h)]
    elif geometry.preset == "bentConnector4":
        local = [(0, 0), (a[0] * w, 0), (a[0] * w, a[1] * h), (w, a[1] * h), (w, h)]
    else:
        x1, y2, x3 = a[0] * w, a[1] * h, a[2] * w
        local = [(0, 0), (x1, 0), (x1, y2), (x3, y2), (x3, h), (w, h)]
    cx, cy = x + w / 2, y + h / 2
    out = []
    for px, py in local:
        lx, ly = px - w / 2, py - h / 2
        if geometry.flip_h:
            lx = -lx
        if geometry.flip_v:
            ly = -ly
        if geometry.rotation:
            lx, ly = -ly, lx
        out.append((cx + lx, cy + ly))
    return out
