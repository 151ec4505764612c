"""The shapes of one map slide: lanes, stage headers, cards, links, markers, legend.

Everything is placed from the slide's grid (``slidemap.SlideFrame``, layout units) and
the router's routes, and written through a ``ShapeWriter``. A card is grouped with its
badge and continuation markers, a connector with its caption and "?" marker, so they
move together.
"""

from __future__ import annotations

from dataclasses import dataclass

from laneway.analysis import Finding, Report
from laneway.i18n import _, ngettext
from laneway.io.export_options import ExportOptions
from laneway.io.pptx import style
from laneway.io.pptx.connectors import connector_geometry
from laneway.io.pptx.measure import elide, fit, line_height, text_width, wrap
from laneway.io.pptx.shapes import Bounds, Line, Para, Run, Shape, ShapeWriter
from laneway.io.pptx.slidemap import SlideFrame, SlideMap
from laneway.io.pptx.style import Theme
from laneway.layout import Rect
from laneway.layout.routing import LinkSpec, Route, RouterSettings, route_all
from laneway.model import JourneyMap, Link, palette
from laneway.model.terms import cited_terms
from laneway.model.wording import plural

SEVERITY_ORDER = ("error", "warning", "info")
_INSET = 3.0  # points, inside cards and markers
_BAR = 5.0  # the lane's colour bar, points


#: Far enough to stand for "everything beyond the map" (scene units).
_FAR = 100_000.0


@dataclass
class SlideContext:
    """What every map slide shares: the map, its findings, the options and the theme."""

    journey: JourneyMap
    slide_map: SlideMap
    options: ExportOptions
    report: Report | None
    theme: Theme
    #: Steps that do not concern the persona the export is for (drawn faint).
    dimmed: frozenset[str] = frozenset()

    @property
    def annotated(self) -> bool:
        return self.options.findings and self.report is not None


@dataclass(frozen=True)
class Continuation:
    text: str
    link: Link


class MapSlide:
    """Draws one ``SlideFrame`` into a ``ShapeWriter``."""

    def __init__(self, context: SlideContext, frame: SlideFrame, writer: ShapeWriter) -> None:
        self.c, self.frame, self.w = context, frame, writer
        self.grid = frame.grid
        s = frame.scale
        floors = context.slide_map.floors
        self.title_pt = max(floors.title, style.CARD_TITLE * s)
        self.small_pt = max(floors.small, style.SMALL * s)
        self.header_pt = max(floors.title, style.HEADER * s)
        self.card_ids: dict[str, int] = {}
        self.notes: list[str] = []
        #: True when not every note fits beside the title (they go to the speaker notes).
        self.notes_overflow = False

    # ----------------------------------------------------------------- helpers
    def rect(self, r: Rect) -> Bounds:
        f = self.frame
        return (f.x(r.x), f.y(r.y), f.x(r.right), f.y(r.bottom))

    def run(self, text: str, size: float, color: str | None = None, bold: bool = False) -> Run:
        return Run(text, size, color or self.c.theme.ink, bold)

    # ------------------------------------------------------------------- draw
    def draw(self, title: str | None) -> None:
        self._lanes()
        self._stages()
        inside, crossing = self.c.slide_map.links_on(self.frame, self.c.journey.links.values())
        self._cards(self._continuations(crossing))
        self._links(inside)
        if self.c.options.legend:
            self._legend()
        if self.notes:
            self._notes(title)

    def _lanes(self) -> None:
        t, g, f = self.c.theme, self.grid, self.frame
        right = f.x(g.bounds.right)
        header_w = f.length(g.metrics.lane_header_width)
        for i, lane in enumerate(g.lanes):
            alarm = self.c.annotated and lane.department_id is None and lane.step_count > 0
            top, bottom = f.y(lane.rect.y), f.y(lane.rect.bottom)
            fill = t.alarm_fill if alarm else t.lanes[i % 2]
            grid_line = Line(t.grid, 0.5)
            self.w.add(self.w.box(f"Lane {lane.name}", (f.left, top, right, bottom), fill=fill,
                                  line=grid_line))  # fmt: skip
            if alarm:
                count = ngettext(
                    "{n} step nobody owns", "{n} steps nobody owns", lane.step_count
                ).format(n=lane.step_count)
            else:
                count = plural(lane.step_count, "step")
            inner = header_w - _BAR - 2 * _INSET - 2
            color = t.alarm_text if alarm else t.ink
            paras, room = self._lane_name(lane.name, inner, bottom - top - 2, color)
            if lane.step_count and room >= line_height(self.small_pt):
                rows = max(1, min(2, int(room // line_height(self.small_pt))))
                text, _n = fit(count, self.small_pt, inner, max_lines=rows)
                paras.append(Para((self.run(text, self.small_pt, t.subtle),)))
            self.w.add(
                self.w.box(
                    f"Lane header {lane.name}",
                    (f.left, top, f.left + header_w, bottom),
                    fill=t.alarm_fill if alarm else t.header,
                    line=grid_line,
                    paras=paras,
                    inset=(_BAR + _INSET + 2, 1, _INSET, 1),
                )
            )
            bar = t.alarm if alarm else (lane.color or t.grid)
            self.w.add(self.w.box(f"Lane colour {lane.name}", (f.left, top, f.left + _BAR, bottom),
                                  fill=bar))  # fmt: skip

    def _lane_name(self, name: str, width: float, room: float, color: str):
        """The name's paragraphs (header size, else small when the lane is short) and
        the height left under it."""
        for size in (self.header_pt, self.small_pt):
            text, lines = fit(name, size, width, bold=True)
            if lines <= 2 and lines * line_height(size) <= room:
                break
        else:
            rows = max(1, int(room // line_height(size)))
            text, lines = fit(name, size, width, bold=True, max_lines=rows)
        return [Para((self.run(text, size, color, True),))], room - lines * line_height(size)

    def _stages(self) -> None:
        t, g, f = self.c.theme, self.grid, self.frame
        bottom = f.y(g.metrics.stage_header_height)
        for column in g.columns:
            bounds = (f.x(column.rect.x), f.top, f.x(column.rect.right), bottom)
            inner = bounds[2] - bounds[0] - 2 * _INSET
            size = self.header_pt
            text, lines = fit(column.name, size, inner, bold=True)
            if lines > 1:  # a narrow (empty) stage: its name smaller, on two lines
                size = self.small_pt
                text, lines = fit(column.name, size, inner, bold=True, max_lines=2)
            paras = [Para((self.run(text, size, bold=True),), "ctr")]
            self.w.add(self.w.box(f"Stage {column.name}", bounds, fill=t.header,
                                  line=Line(t.grid, 0.5), paras=paras, anchor="ctr",
                                  inset=(_INSET, 1, _INSET, 1)))  # fmt: skip

    # ------------------------------------------------------------------ cards
    def _continuations(self, crossing: list[Link]) -> dict[str, list[Continuation]]:
        """Per step on this slide: the markers of its links to or from other slides."""
        steps, slide_of = self.c.journey.steps, self.c.slide_map.slide_of
        here = self.frame.number
        out: dict[str, list[Continuation]] = {}
        for link in crossing:
            if slide_of[link.source] == here:
                other = steps[link.target]
                tail = _(", slide {number}").format(number=slide_of[link.target])
                text = f"→ {other.title or _('Untitled step')}|{tail}"
                out.setdefault(link.source, []).append(Continuation(text, link))
            else:
                other = steps[link.source]
                tail = _(", slide {number}").format(number=slide_of[link.source])
                text = f"← {other.title or _('Untitled step')}|{tail}"
                out.setdefault(link.target, []).append(Continuation(text, link))
        return out

    def _cards(self, continuations: dict[str, list[Continuation]]) -> None:
        """Every card, grouped with its badge and continuation markers."""
        self.badges: dict[str, list[Rect]] = {}
        for step_id in self.frame.view.steps:
            rect = self.grid.step_rect(step_id)
            items = continuations.get(step_id, [])
            card, slots = self._card(step_id, rect, len(items))
            members = [card]
            badge = self._badge(step_id, rect)
            if badge is not None:
                members.append(badge)
            members += self._markers(rect, items, slots)
            self.w.add(self.w.group(f"Card {step_id}", members))

    def _marker_height(self) -> float:
        return line_height(self.small_pt) + 2.0

    def _card(self, step_id: str, rect: Rect, markers: int) -> tuple[Shape, int]:
        """The card; and how many marker rows its bottom keeps free (of ``markers``)."""
        t, step = self.c.theme, self.c.journey.steps[step_id]
        department = self.c.journey.departments.get(step.department_id or "")
        unowned = department is None
        if unowned and self.c.annotated:
            border, width = t.alarm, 2.0
        else:
            shown = palette.display_colors(
                (d.id, d.color) for d in self.c.journey.departments_in_order()
            )  # never alarm red: the file keeps its own colour
            border = shown.get(department.id, department.color) if department else t.card_border
            width = 1.5
        bounds = self.rect(rect)
        inner_w = bounds[2] - bounds[0] - 2 * _INSET
        inner_h = bounds[3] - bounds[1] - 2 * _INSET
        title_h, row = line_height(self.title_pt), self._marker_height() + 1.0
        slots = min(markers, max(1, int((inner_h - title_h) // row))) if markers else 0
        rows = max(1, min(3, int((inner_h - slots * row) // title_h)))
        title, lines = fit(step.title or _("Untitled step"), self.title_pt, inner_w, True, rows)
        faint = step_id in self.c.dimmed  # another persona's step: there, but quiet
        ink = t.subtle if faint else None
        fill = t.header if faint else t.card  # grey, its text still 5:1
        if faint:
            border, width = t.grid, 1.0
        paras = [Para((self.run(title, self.title_pt, ink, bold=not faint),))]
        details = " · ".join(p for p in (step.channel, _emotion(step.emotion)) if p)
        used = lines * title_h + slots * row
        if details and used + line_height(self.small_pt) <= inner_h:
            text = elide(details, self.small_pt, inner_w)
            paras.append(Para((self.run(text, self.small_pt, t.subtle),)))
        shape = self.w.box(f"Step {step_id}", bounds, prst="roundRect", fill=fill,
                           line=Line(border, width), paras=paras, adjust=0.1,
                           inset=(_INSET, _INSET, _INSET, _INSET))  # fmt: skip
        self.card_ids[step_id] = shape.id
        return shape, slots

    def _badge(self, step_id: str, rect: Rect) -> Shape | None:
        if not self.c.annotated:
            return None
        assert self.c.report is not None
        findings = self.c.report.findings_for_step(step_id)
        if not findings:
            return None
        worst = _worst(findings)
        d = self._badge_side()
        x, y = self.frame.x(rect.right) - d * 0.75, self.frame.y(rect.y) - d * 0.3
        self.badges[step_id] = [self._scene_rect((x, y, x + d, y + d))]
        run = self.run(str(len(findings)), self.small_pt, style.SEVERITY_TEXT[worst], True)
        return self.w.box(f"Badge {step_id}", (x, y, x + d, y + d),
                          prst=style.SEVERITY_SHAPES[worst], fill=style.SEVERITY_COLORS[worst],
                          paras=[Para((run,), "ctr")], anchor="ctr",
                          inset=(0, 0, 0, 0))  # fmt: skip

    def _badge_side(self) -> float:
        return line_height(self.small_pt) + 5.0

    def _markers(self, rect: Rect, items: list[Continuation], slots: int) -> list[Shape]:
        """Continuation markers in the card's bottom rows: one per link, or the last
        row naming the slides of the links that did not get a row of their own."""
        if not items:
            return []
        shown = items if len(items) <= slots else items[: slots - 1]
        rest = items[len(shown) :]
        left, _top, right, bottom = self.rect(rect)
        height = self._marker_height()
        shapes = []
        for index, item in enumerate([*shown, *rest[:1]]):
            y = bottom - _INSET + 1 - (index + 1) * (height + 1.0)
            bounds = (left + _INSET - 1, y, right - _INSET + 1, y + height)
            if index < len(shown):
                title, tail = item.text.split("|", 1)
            else:
                numbers = sorted({t.text.rsplit(" ", 1)[1] for t in rest}, key=int)
                title = ngettext("+{n} more link", "+{n} more links", len(rest)).format(n=len(rest))
                tail = _(", slide {number}").format(number=", ".join(numbers))
            room = bounds[2] - bounds[0] - 2 * _INSET - text_width(tail, self.small_pt)
            text = elide(title, self.small_pt, room) + tail
            ids = item.link.id if index < len(shown) else " ".join(r.link.id for r in rest)
            shapes.append(self.w.box(f"Continuation {ids}", bounds, prst="roundRect",
                                     fill=self.c.theme.marker_fill,
                                     line=self._link_line(item.link, thin=True),
                                     paras=[Para((self.run(text, self.small_pt),))],
                                     anchor="ctr", inset=(_INSET, 0, _INSET, 0),
                                     adjust=0.3))  # fmt: skip
        return shapes

    def _scene_rect(self, bounds: Bounds) -> Rect:
        f = self.frame
        return Rect(
            (bounds[0] - f.left) / f.scale,
            (bounds[1] - f.top) / f.scale,
            (bounds[2] - bounds[0]) / f.scale,
            (bounds[3] - bounds[1]) / f.scale,
        )

    # ------------------------------------------------------------------ links
    def _link_line(self, link: Link, thin: bool = False) -> Line:
        t, journey = self.c.theme, self.c.journey
        if self.c.annotated and journey.is_gap(link):
            return Line(t.alarm, 1.0 if thin else 1.75, "dash", not thin)
        if journey.is_handoff(link):
            return Line(t.handoff, 0.75 if thin else 1.5, "solid", not thin)
        return Line(t.link, 0.75 if thin else 1.0, "solid", not thin)

    def _links(self, links: list[Link]) -> None:
        s, m = self.frame.scale, self.grid.metrics
        bounds = self.grid.bounds
        keep_out = [  # captions stay off the lane and stage headers
            Rect(0.0, 0.0, m.lane_header_width, bounds.height),
            Rect(0.0, 0.0, bounds.width, m.stage_header_height),
            # and on the slide: nothing routed or captioned beyond the map's frame
            Rect(bounds.right, -_FAR, _FAR, 3 * _FAR),
            Rect(-_FAR, bounds.bottom, 3 * _FAR, _FAR),
        ]
        cards = {step_id: self.grid.step_rect(step_id) for step_id in self.frame.view.steps}
        specs = [self._spec(link) for link in links]
        settings = RouterSettings(marker_size=self._badge_side() / s, corner=8.0)
        routes = route_all(cards, specs, self.badges, keep_out, settings)
        for link in links:
            route = routes.get(link.id)
            if route is not None:
                self._link(link, route)

    def _spec(self, link: Link) -> LinkSpec:
        text = _caption(link)
        gap = self.c.annotated and self.c.journey.is_gap(link)
        if not text:
            return LinkSpec(link.id, link.source, link.target, (), gap)
        s = self.frame.scale
        one = text_width(text, self.small_pt) + 2 * _INSET
        sizes: list[tuple[float, float]] = []
        for width in (150.0 * s, one):
            width = min(width, one)
            lines = wrap(text, self.small_pt, width - 2 * _INSET)
            size = (width / s, (len(lines) * line_height(self.small_pt) + 2) / s)
            if size not in sizes:
                sizes.append(size)
        return LinkSpec(link.id, link.source, link.target, tuple(sizes), gap)

    def _link(self, link: Link, route: Route) -> None:
        t, f = self.c.theme, self.frame
        points = [(f.x(x), f.y(y)) for x, y in route.points]
        geometry = connector_geometry(points)
        start = (self.card_ids[link.source], route.source_side.glue_site)
        end = (self.card_ids[link.target], route.target_side.glue_site)
        members = [self.w.connector(f"Link {link.source} -> {link.target}", geometry,
                                    self._link_line(link), start, end)]  # fmt: skip
        text = _caption(link)
        if route.caption is not None and text:
            bounds = self._slide_box(route.caption)
            shown, _n = fit(text, self.small_pt, bounds[2] - bounds[0] - 2 * _INSET + 0.5)
            paras = [Para((self.run(shown, self.small_pt, t.ink),), "ctr")]
            members.append(self.w.box(f"Caption {link.id}", bounds, fill=t.background,
                                      paras=paras, anchor="ctr", inset=(_INSET, 0, _INSET, 0),
                                      text_box=True))  # fmt: skip
        elif route.note_marker is not None and text:
            self.notes.append(text)
            members.append(self._round_marker(f"Note {link.id}", route.note_marker,
                                              str(len(self.notes)), t.ink))  # fmt: skip
        if route.gap_marker is not None:
            members.append(self._round_marker(f"Gap {link.id}", route.gap_marker, "?", t.alarm))
        self.w.add(self.w.group(f"Route {link.id}", members))

    def _slide_box(self, box) -> Bounds:
        f = self.frame
        return (f.x(box[0]), f.y(box[1]), f.x(box[2]), f.y(box[3]))

    def _round_marker(self, name: str, box, text: str, color: str) -> Shape:
        t = self.c.theme
        run = self.run(text, self.small_pt, color, True)
        return self.w.box(name, self._slide_box(box), prst="ellipse", fill=t.marker_fill,
                          line=Line(color, 1.0), paras=[Para((run,), "ctr")], anchor="ctr",
                          inset=(0, 0, 0, 0))  # fmt: skip

    # ----------------------------------------------------------------- legend
    def _legend(self) -> None:
        t, journey = self.c.theme, self.c.journey
        departments = journey.departments_in_order()
        shown = palette.display_colors((d.id, d.color) for d in departments)
        entries: list[tuple[str, str, str]] = [
            ("rect", shown.get(d.id, d.color), d.name) for d in departments
        ]
        if self.c.annotated:
            if any(s.department_id is None for s in journey.steps.values()):
                entries.append(("rect", t.alarm, _("Unassigned")))
            entries.append(("gap", t.alarm, _("handoff gap (no agreement)")))
            for severity in SEVERITY_ORDER:
                entries.append((style.SEVERITY_SHAPES[severity], style.SEVERITY_COLORS[severity],
                                _(style.SEVERITY_WORDS[severity])))  # fmt: skip
        size = style.LEGEND_PT
        swatch = 9.0
        y = style.SLIDE_H_PT - style.MARGIN - style.LEGEND_H + 6
        x, right = style.MARGIN, style.SLIDE_W_PT - style.MARGIN
        for kind, color, name in entries:
            label_w = text_width(name, size) + 8
            if x + swatch + 4 + min(label_w, 60) > right:
                break
            sw = (x, y + 2, x + swatch, y + 2 + swatch)
            if kind == "gap":
                sw = (x, y + 6, x + 18, y + 6.5)
                self.w.add(self.w.box(f"Legend swatch {name}", sw, fill=None,
                                      line=Line(color, 1.5, "dash")))  # fmt: skip
                x += 10
            else:
                self.w.add(self.w.box(f"Legend swatch {name}", sw, prst=kind, fill=color))
            label = elide(name, size, right - x - swatch - 4)
            width = min(label_w, right - x - swatch - 4)
            bounds = (x + swatch + 4, y - 2, x + swatch + 4 + width, y + 15)
            self.w.add(self.w.box(f"Legend {name}", bounds, paras=[Para((self.run(label, size),))],
                                  inset=(1, 0, 1, 0), anchor="ctr", text_box=True))  # fmt: skip
            x = bounds[2] + 10

    def _notes(self, title: str | None) -> None:
        """The captions that found no room by their link, numbered, at the top right
        (beside the title); all of them are also in the slide's speaker notes."""
        size = self.c.slide_map.floors.small  # as many lines as the title bar holds
        left = style.MARGIN
        if title is not None:
            left += text_width(title, style.TITLE_PT, bold=True) + 16
        right = style.SLIDE_W_PT - style.MARGIN
        top = style.MARGIN / 2
        bottom = style.MARGIN + style.TITLE_H - 2 if title is not None else style.MARGIN
        rows = max(1, int((bottom - top) // line_height(size)))
        notes = [f"{n}  {note}" for n, note in enumerate(self.notes, start=1)]
        width = max(right - left, 200.0)
        columns = max(1, min(3, int(width // 208)))
        column_w = (width - 8 * (columns - 1)) / columns
        lines = [line for note in notes for line in wrap(note, size, column_w - 4)]
        columns = min(columns, -(-len(lines) // rows))
        column_w = (width - 8 * (columns - 1)) / columns if columns > 1 else column_w
        shown = [line for note in notes for line in wrap(note, size, column_w - 4)]
        if len(shown) > rows * columns:
            more = _("more notes in the speaker notes")
            shown = [*shown[: rows * columns - 1], f"+ {more}"]
            self.notes_overflow = True
        column_w = min(column_w, max(text_width(line, size) for line in shown) + 8)
        x = right - columns * column_w - 8 * (columns - 1)
        for column in range(columns):
            chunk = shown[column * rows : (column + 1) * rows]
            paras = [Para((self.run(line, size),)) for line in chunk]
            self.w.add(self.w.box(f"Notes {column + 1}", (x, top, x + column_w, bottom),
                                  paras=paras, anchor="t", inset=(2, 0, 2, 0),
                                  text_box=True))  # fmt: skip
            x += column_w + 8


def _caption(link: Link) -> str:
    """The agreement (else the label) as read: cited ``[[terms]]`` without brackets."""
    text = link.agreement.strip() or link.label.strip()
    for citation in reversed(cited_terms(text)):
        text = text[: citation.start] + citation.term + text[citation.end :]
    return text


def _worst(findings: list[Finding]) -> str:
    return min((f.severity for f in findings), key=SEVERITY_ORDER.index)


def _emotion(emotion: int | None) -> str:
    if emotion is None:
        return ""
    return _("feels {emotion}").format(emotion=f"{emotion:+d}" if emotion else "0")
