"""Importing 1 MB of each format, ordinary and adversarial: target under 2 s each.

Run with ``pytest tests/io/test_bench_import.py --benchmark-only``. The adversarial
inputs are the ones that used to be quadratic or worse: long runs of ``<`` and spaces
(Mermaid ``<br>``, BPMN markup in names), thousands of sections, deep lanes, shapes
piled on one spot, hundreds of departments.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from laneway.io.errors import InputError
from laneway.io.formats import import_file

MB = 1_000_000
BPMN_HEAD = '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" ' \
            'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ' \
            'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC">'  # fmt: skip


def _fill(piece: Callable[[int], str], head: str = "", tail: str = "") -> str:
    parts, size, number = [head], len(head) + len(tail), 0
    while size < MB:
        parts.append(piece(number))
        size += len(parts[-1])
        number += 1
    parts.append(tail)
    return "".join(parts)


def _json(departments: int) -> str:
    steps = []
    size, number = 0, 0
    while size < MB:
        step = {
            "id": f"s{number}",
            "title": f"Step number {number} of the journey",
            "department": f"Department {number % departments}",
            "stage": f"Stage {number % 12}",
            "description": "Customer fills in the form and waits",
            "emotion": number % 5 - 2,
        }
        steps.append(step)
        size += len(json.dumps(step))
        number += 1
    links = [{"from": f"s{i}", "to": f"s{i + 1}", "agreement": "ok"} for i in range(number - 1)]
    return json.dumps({"title": "Big", "steps": steps, "links": links[: number // 2]})


def _bpmn(lanes: int = 6, pile: bool = False) -> str:
    def task(n: int) -> str:
        x, y = (100, 100) if pile else (n * 130, (n % lanes) * 120)
        return (
            f'<task id="t{n}" name="Task {n} &lt;b&gt;done&lt;/b&gt;"/>'
            f'<sequenceFlow id="f{n}" sourceRef="t{n}" targetRef="t{n + 1}"/>'
            f'<bpmndi:BPMNShape bpmnElement="t{n}"><dc:Bounds x="{x}" y="{y}" width="100" '
            'height="80"/></bpmndi:BPMNShape>'
        )

    body = _fill(task, BPMN_HEAD + '<process id="p">')
    count = body.count("<task ")
    refs = "".join(
        f'<lane id="l{k}" name="Lane {k}">'
        + "".join(f"<flowNodeRef>t{n}</flowNodeRef>" for n in range(k, count, lanes))
        + "</lane>"
        for k in range(lanes)
    )
    last = f'<task id="t{count}"/>'
    shape = f'<bpmndi:BPMNShape bpmnElement="t{count}"><dc:Bounds x="0" y="0" width="100" ' \
            'height="80"/></bpmndi:BPMNShape>'  # fmt: skip
    return body + f"{last}{shape}<laneSet>{refs}</laneSet></process></definitions>"


INPUTS: dict[str, tuple[str, Callable[[], str]]] = {
    "json": (".json", lambda: _json(6)),
    "json-500-departments": (".json", lambda: _json(500)),
    "json-deep": (".json", lambda: "[" * (MB // 2) + "]" * (MB // 2)),
    "csv": (".csv", lambda: _fill(
        lambda n: f"{n},Step number {n} of the journey,Dept {n % 6},Stage {n % 12},"
        + (f"{n - 1}\n" if n else "\n"),
        "id,title,department,stage,next\n")),
    "csv-long-field": (".csv", lambda: "id,title\n1," + "x" * MB + "\n"),
    "bpmn": (".bpmn", lambda: _bpmn()),
    "bpmn-markup-in-a-name": (".bpmn", lambda: BPMN_HEAD + '<process id="p"><task id="a" name="'
        + "&lt;" * (MB // 4) + '"/></process></definitions>'),
    "bpmn-deep-lanes": (".bpmn", lambda: BPMN_HEAD + '<process id="p"><laneSet>'
        + '<lane id="l"><childLaneSet>' * (MB // 30) + "</childLaneSet></lane>" * (MB // 30)
        + "</laneSet></process></definitions>"),
    "bpmn-piled-shapes": (".bpmn", lambda: _bpmn(pile=True)),
    "mermaid": (".mmd", lambda: _fill(
        lambda n: (f"  section Stage {n // 40}\n" if n % 40 == 0 else "")
        + f"    Customer does thing number {n} of the journey today: {n % 5 + 1}: Team {n % 6}\n",
        "journey\n  title Big\n")),
    "mermaid-10000-sections": (".mmd", lambda: "journey\n" + "".join(
        f"  section The section called number {n % 400} of the journey map\n"
        f"    The task number {n} of the customer journey: 3: The actor called {n % 400}\n"
        for n in range(10_000))),
    "mermaid-10000-distinct-sections": (".mmd", lambda: "journey\n" + "".join(
        f"  section The section called number {n} of this journey map, all different\n"
        f"    The task number {n} of the customer journey: 3: Someone\n" for n in range(10_000))),
    "mermaid-br-spaces": (".mmd", lambda: "journey\n  section <" + " " * (MB - 40)
        + "x\n    T: 5: A\n"),
    "mermaid-many-tags": (".mmd", lambda: "journey\n  section S\n" + _fill(
        lambda n: "    " + "<" * 200 + ": 3: A\n")),
}  # fmt: skip


def _import(path: Path) -> str:
    try:
        result = import_file(path)
    except InputError as error:
        return f"refused: {error}"
    return f"{len(result.journey.steps)} steps"


@pytest.mark.parametrize("case", sorted(INPUTS))
def test_import_one_megabyte(benchmark, case, tmp_path):
    suffix, make = INPUTS[case]
    path = tmp_path / f"input{suffix}"
    path.write_text(make(), encoding="utf-8")
    assert path.stat().st_size >= MB * 0.9
    outcome = benchmark.pedantic(_import, args=(path,), rounds=3, iterations=1)
    benchmark.extra_info["outcome"] = outcome[:120]
