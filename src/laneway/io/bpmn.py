"""BPMN 2.0 XML import: flow nodes become steps, lanes departments, flows links.

Rules (issue "Bring maps in and out", README "BPMN"): every flow node directly in
a process is a step (an expanded sub-process is one step); its department is the
innermost lane whose ``flowNodeRef`` lists it, or the pool's participant when the
process has no lanes; a boundary event takes its activity's lane; a node of a
process with lanes that no lane lists is unowned — also when a tool exported
lanes without any ``flowNodeRef`` (the room then sees every step unowned, which
is what the file says). Sequence
flows and message flows between flow nodes become links. Start events are
entries, end events terminal. Element names match whatever the namespace prefix.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from laneway.i18n import _
from laneway.io.errors import InputError, read_bytes, shown
from laneway.io.formats import ImportResult
from laneway.io.limits import check_count, check_map_limits, check_name
from laneway.io.textclean import clean_name
from laneway.model import JourneyMap, MapBuilder, MapInfo
from laneway.model.limits import MAX_DEPTH, MAX_ID

TASKS = {"task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask",
         "businessRuleTask", "scriptTask", "subProcess", "adHocSubProcess", "transaction",
         "callActivity"}  # fmt: skip
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
          "boundaryEvent", "implicitThrowEvent"}  # fmt: skip
GATEWAYS = {"exclusiveGateway", "inclusiveGateway", "parallelGateway", "complexGateway",
            "eventBasedGateway"}  # fmt: skip
FLOW_NODES = TASKS | EVENTS | GATEWAYS
NOT_STEPS = {
    "dataObject": "data objects",
    "dataObjectReference": "data object references",
    "dataStoreReference": "data store references",
    "textAnnotation": "text annotations",
    "association": "associations",
    "dataInputAssociation": "data associations",
    "dataOutputAssociation": "data associations",
    "group": "groups",
}
POSITION_SCALE_X = 1.9  # BPMN tasks are ~100 px wide, Laneway cards 184


def local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def children(element: Element, *names: str) -> list[Element]:
    return [child for child in element if local(child) in names]


@dataclass
class _Bounds:
    x: float
    y: float
    width: float
    height: float

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, point: tuple[float, float]) -> bool:
        return (
            self.x <= point[0] <= self.x + self.width and self.y <= point[1] <= self.y + self.height
        )


@dataclass
class _Node:
    id: str
    kind: str
    name: str
    process: str
    attached_to: str | None = None
    department: str | None = None


@dataclass
class _Reading:
    path: Path | None = None
    nodes: dict[str, _Node] = field(default_factory=dict)
    links: list[tuple[str, str, str]] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)
    lane_of_process_shape: dict[str, str] = field(default_factory=dict)


def parse_xml(raw: bytes, path: Path | None) -> Element:
    """Parse untrusted XML: no entity expansion, no external entities, no DTD tricks,
    and no element nested deeper than ``MAX_DEPTH`` (refused as soon as it opens)."""
    depth = 0
    root: Element | None = None
    try:
        for event, element in SafeET.iterparse(
            io.BytesIO(raw),
            events=("start", "end"),
            forbid_dtd=False,
            forbid_entities=True,
            forbid_external=True,
        ):
            if event == "end":
                depth -= 1
                continue
            depth += 1
            root = element if root is None else root
            if depth > MAX_DEPTH:
                raise InputError(
                    path,
                    _(
                        "nests XML elements more than {MAX_DEPTH} deep, deeper than Laneway reads"
                    ).format(MAX_DEPTH=MAX_DEPTH),
                )
    except DefusedXmlException:
        raise InputError(
            path,
            _(
                "declares XML entities, which Laneway refuses to expand in files from elsewhere "
                "(they can be used to exhaust memory or read other files)"
            ),
        ) from None
    except ParseError as error:
        line, column = error.position
        message = str(error).split(":")[0]
        raise InputError(
            path,
            _("is not well-formed XML ({message})").format(message=message),
            where=_("line {line}, column {column}").format(line=line, column=column),
        ) from None
    if root is None:
        raise InputError(path, _("is not well-formed XML (no element found)"))
    return root


def read(path: str | Path) -> JourneyMap:
    return read_with_report(Path(path)).journey


def read_with_report(path: Path) -> ImportResult:
    root = parse_xml(read_bytes(path, what="BPMN"), path)
    journey, skipped = build(root, path)
    check_map_limits(journey, path)
    return ImportResult(journey, skipped)


def build(root: Element, path: Path | None) -> tuple[JourneyMap, list[str]]:
    if local(root) != "definitions":
        raise InputError(
            path,
            _("is XML but not BPMN 2.0 (its root is <{value}>)").format(value=local(root)[:40]),
        )
    reading = _Reading(path)
    participants = {
        p.get("processRef"): clean_name(p.get("name"))
        for c in children(root, "collaboration")
        for p in children(c, "participant")
        if p.get("processRef")
    }
    shapes = _diagram_shapes(root)
    processes = children(root, "process")
    if not processes:
        raise InputError(path, _("holds no BPMN process, so there are no steps to import"))
    for process in processes:
        _read_process(process, participants.get(process.get("id")), reading)
    _read_message_flows(root, reading)
    journey = _to_map(root, path, processes, participants, reading, shapes)
    return journey, _skipped_sentences(reading)


def _read_process(process: Element, pool: str | None, reading: _Reading) -> None:
    process_id = process.get("id", "")
    nodes: dict[str, _Node] = {}
    for element in process:
        kind = local(element)
        if kind in FLOW_NODES and element.get("id"):
            node = _Node(element.get("id"), kind, _title(element, kind), process_id,
                         element.get("attachedToRef"))  # fmt: skip
            _check_node(node, len(reading.nodes) + len(nodes) + 1, reading.path)
            nodes[node.id] = node
        elif kind in NOT_STEPS:
            reading.skipped[NOT_STEPS[kind]] += 1
    lanes = [
        lane for lane_set in children(process, "laneSet") for lane in _lanes(lane_set, 0, pool)
    ]
    if lanes:
        # innermost lane wins: deeper lanes are assigned after their parents
        for _depth, name, refs, _lane_id in sorted(lanes, key=lambda lane: lane[0]):
            for ref in refs:
                if ref in nodes:
                    nodes[ref].department = name
        for node in nodes.values():
            if node.department is None and node.attached_to in nodes:
                node.department = nodes[node.attached_to].department
    else:
        for node in nodes.values():
            node.department = pool or None
    reading.nodes.update(nodes)
    for flow in children(process, "sequenceFlow"):
        source, target = flow.get("sourceRef"), flow.get("targetRef")
        if source in nodes and target in nodes:
            reading.links.append((source, target, clean_name(flow.get("name"))))
        else:
            reading.skipped["sequence flows to elements that are not steps"] += 1


def _lanes(lane_set: Element, depth: int, pool: str | None):
    """(depth, name, flowNodeRefs, id) for every lane, nested ones included; a lane
    without a name is its pool (or, without a pool, named after its id). Iterative:
    XML nesting is bounded by ``parse_xml``, not by Python's stack."""
    pending = [(lane_set, depth)]
    while pending:
        current, level = pending.pop()
        nested = []
        for lane in children(current, "lane"):
            name = (
                clean_name(lane.get("name"))
                or pool
                or _("Lane {get}").format(get=lane.get("id", "")).strip()
            )
            refs = [(ref.text or "").strip() for ref in children(lane, "flowNodeRef")]
            yield level, name, refs, lane.get("id", "")
            nested.extend((child, level + 1) for child in children(lane, "childLaneSet", "laneSet"))
        pending.extend(reversed(nested))  # document order among lanes of one depth


def _read_message_flows(root: Element, reading: _Reading) -> None:
    for collaboration in children(root, "collaboration"):
        for flow in children(collaboration, "messageFlow"):
            source, target = flow.get("sourceRef"), flow.get("targetRef")
            if source in reading.nodes and target in reading.nodes:
                reading.links.append((source, target, clean_name(flow.get("name"))))
            else:
                reading.skipped["message flows to a pool, not a step"] += 1


def _check_node(node: _Node, count: int, path: Path | None) -> None:
    where = _("element {shown}").format(shown=shown(node.id, 80))
    check_count("step", count, path, where)
    if len(node.id) > MAX_ID:
        raise InputError(
            path,
            _("has an id of {value:,} characters; Laneway keeps at most {MAX_ID}").format(
                value=len(node.id), MAX_ID=MAX_ID
            ),
            where=where,
        )
    check_name(node.name, _("a name"), path, where)


def _title(element: Element, kind: str) -> str:
    name = clean_name(element.get("name"))
    if name:
        return name
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in kind).strip()
    return words[0].upper() + words[1:]


def _diagram_shapes(root: Element) -> dict[str, _Bounds]:
    shapes: dict[str, _Bounds] = {}
    for element in root.iter():
        if local(element) != "BPMNShape":
            continue
        ref = element.get("bpmnElement")
        bounds = next((b for b in element if local(b) == "Bounds"), None)
        if not ref or bounds is None or ref in shapes:
            continue
        try:
            shapes[ref] = _Bounds(
                *(float(bounds.get(k, "")) for k in ("x", "y", "width", "height"))
            )
        except ValueError:
            continue
    return shapes


def _to_map(root, path, processes, participants, reading: _Reading, shapes) -> JourneyMap:
    title = (
        clean_name(root.get("name"))
        or next((name for name in participants.values() if name), "")
        or next((clean_name(p.get("name")) for p in processes if p.get("name")), "")
        or (path.stem if path else _("Imported BPMN"))
    )
    journey = MapBuilder(MapInfo(title=title))
    departments: dict[str, str] = {}
    for node in reading.nodes.values():
        if node.department and node.department.casefold() not in departments:
            departments[node.department.casefold()] = journey.add_department(node.department).id
    positions = _positions(reading, shapes)
    for node in reading.nodes.values():
        x, y = positions.get(node.id, (None, None))
        journey.add_step(
            node.name,
            step_id=node.id,
            department_id=departments[node.department.casefold()] if node.department else None,
            entry=node.kind == "startEvent",
            terminal=node.kind == "endEvent",
            x=x,
            y=y,
        )
    for source, target, label in reading.links:
        if source == target:
            reading.skipped["flows from a step to itself"] += 1
        elif journey.link_between(source, target) is not None:
            reading.skipped["second flows between the same two steps (merged)"] += 1
        else:
            journey.add_link(source, target, label=label)
    return journey.build()


CARD_GAP_X, CARD_GAP_Y, STACK_STEP = 196, 108, 116
#: Pushes down allowed per placed card before the diagram counts as piled up.
PUSH_BUDGET = 32


def _positions(reading: _Reading, shapes) -> dict[str, tuple[float, float]]:
    """Cell offsets that keep the BPMN picture: left to right as drawn, per lane.

    Cards that would overlap are pushed down; a diagram whose shapes pile up on one
    spot (more than ``PUSH_BUDGET`` pushes a card on average) is left to the tidy
    layout, so placing stays linear in the number of nodes.
    """
    placed = [n for n in reading.nodes.values() if n.id in shapes]
    if len(placed) < len(reading.nodes) or not placed:
        return {}  # no (complete) diagram: the tidy layout places them
    left = min(shapes[n.id].center[0] for n in placed)
    by_lane: dict[str | None, list[_Node]] = {}
    for node in placed:
        by_lane.setdefault(node.department, []).append(node)
    positions: dict[str, tuple[float, float]] = {}
    budget = PUSH_BUDGET * len(placed)
    for nodes in by_lane.values():
        top = min(shapes[n.id].center[1] for n in nodes)
        taken: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for node in sorted(nodes, key=lambda n: shapes[n.id].center):
            cx, cy = shapes[node.id].center
            x, y = round(20 + (cx - left) * POSITION_SCALE_X), round(20 + (cy - top))
            while _overlaps(taken, x, y):
                y += STACK_STEP
                budget -= 1
                if budget < 0:
                    return {}
            taken.setdefault((x // CARD_GAP_X, y // STACK_STEP), []).append((x, y))
            positions[node.id] = (x, y)
    return positions


def _overlaps(taken: dict[tuple[int, int], list[tuple[int, int]]], x: int, y: int) -> bool:
    """Is a card at (x, y) too close to a placed one? Only the 3 × 3 buckets around it
    can hold one (a bucket is as wide as the gap and taller than it)."""
    column, row = x // CARD_GAP_X, y // STACK_STEP
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for tx, ty in taken.get((column + dx, row + dy), ()):
                if abs(x - tx) < CARD_GAP_X and abs(y - ty) < CARD_GAP_Y:
                    return True
    return False


_SINGULAR = {
    "data objects": "data object",
    "data object references": "data object reference",
    "data store references": "data store reference",
    "text annotations": "text annotation",
    "associations": "association",
    "data associations": "data association",
    "groups": "group",
    "sequence flows to elements that are not steps": (
        "sequence flow to an element that is not a step"
    ),
    "message flows to a pool, not a step": "message flow to a pool, not a step",
    "flows from a step to itself": "flow from a step to itself",
    "second flows between the same two steps (merged)": (
        "second flow between the same two steps (merged)"
    ),
}


def _skipped_sentences(reading: _Reading) -> list[str]:
    return [
        f"{count} {_SINGULAR.get(what, what) if count == 1 else what}"
        for what, count in sorted(reading.skipped.items())
    ]
