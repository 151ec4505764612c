"""Reading a written deck back as a reader's application sees it (python-pptx)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

from laneway.io.export_options import ExportOptions
from laneway.io.pptxio import write_pptx
from laneway.model import JourneyMap, Link, MapInfo


def walk(shapes, parent=None) -> Iterator[tuple[object, object]]:
    """Every shape with the group holding it (None at the slide's top level)."""
    for shape in shapes:
        yield shape, parent
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from walk(shape.shapes, shape)


def write(journey: JourneyMap, folder: Path, **options) -> object:
    path = folder / "map.pptx"
    write_pptx(journey, path, ExportOptions(**options))
    return Presentation(str(path))


@dataclass
class MapSlideView:
    slide: object
    shapes: dict[str, object]  # by name
    parents: dict[str, object]

    @property
    def steps(self) -> dict[str, object]:
        return {n.removeprefix("Step "): s for n, s in self.shapes.items() if n.startswith("Step ")}

    def named(self, prefix: str) -> dict[str, object]:
        return {n: s for n, s in self.shapes.items() if n.startswith(prefix)}

    def texts(self) -> list[str]:
        return [s.text_frame.text for s in self.shapes.values() if s.has_text_frame]


def map_slides(presentation) -> list[MapSlideView]:
    views = []
    for slide in presentation.slides:
        shapes, parents = {}, {}
        for shape, parent in walk(slide.shapes):
            shapes[shape.name] = shape
            parents[shape.name] = parent
        view = MapSlideView(slide, shapes, parents)
        if view.steps:
            views.append(view)
    return views


def glue(connector) -> tuple[tuple[int, int], tuple[int, int]]:
    """((start shape id, site), (end shape id, site)) of a connector."""
    props = connector._element.nvCxnSpPr.cNvCxnSpPr
    start, end = props.find(qn("a:stCxn")), props.find(qn("a:endCxn"))
    return (int(start.get("id")), int(start.get("idx"))), (int(end.get("id")), int(end.get("idx")))


def all_text(presentation) -> str:
    """Every text of the deck: shapes, groups, tables and speaker notes."""
    parts = []
    for slide in presentation.slides:
        for shape, _parent in walk(slide.shapes):
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(" ".join(part.split()) for part in parts)  # wrapped lines joined


def lead_to_renewal() -> JourneyMap:
    """The issue's 13-step lead-to-renewal map: five departments, six stages, 14 links,
    agreements on most handoffs, four handoff gaps (one of them Sales → Legal beside
    the agreed Legal → Sales)."""
    journey = JourneyMap(MapInfo(title="Lead to renewal"))
    d = {n: journey.add_department(n).id for n in
         ("Marketing", "Sales", "Legal", "Finance", "Customer Success")}  # fmt: skip
    g = {n: journey.add_stage(n).id for n in
         ("Attract", "Qualify", "Propose", "Contract", "Onboard", "Renew")}  # fmt: skip
    steps = [
        ("Downloads guide", "Marketing", "Attract", "web"),
        ("Scores the lead", "Marketing", "Qualify", "CRM"),
        ("Discovery call", "Sales", "Qualify", "phone"),
        ("Sends proposal", "Sales", "Propose", "email"),
        ("Prices the deal", "Finance", "Propose", "spreadsheet"),
        ("Reviews redlines", "Legal", "Contract", "email"),
        ("Signs contract", "Sales", "Contract", "e-signature"),
        ("Sends invoice", "Finance", "Contract", "email"),
        ("Kick-off call", "Customer Success", "Onboard", "video call"),
        ("Sets up the account", "Customer Success", "Onboard", "in product"),
        ("Pays the invoice", "Finance", "Onboard", "bank"),
        ("Health check", "Customer Success", "Renew", "meeting"),
        ("Renewal quote", "Sales", "Renew", "email"),
    ]
    ids = []
    for index, (title, dept, stage, channel) in enumerate(steps):
        step = journey.add_step(title, department_id=d[dept], stage_id=g[stage],
                                channel=channel, entry=index == 0)  # fmt: skip
        ids.append(step.id)
    links = [
        (0, 1, "Downloads scored within a day"),
        (1, 2, "An MQL reaches sales with its score and budget"),
        (2, 3, ""),
        (3, 4, ""),  # gap: Sales → Finance
        (4, 3, "Prices returned within two days"),
        (3, 5, ""),  # gap: Sales → Legal
        (5, 3, "Redlines returned within three working days"),
        (5, 6, "Legal approves the final text"),
        (6, 7, "Signed contract sent to finance the same day"),
        (6, 8, ""),  # gap: Sales → Customer Success
        (8, 9, ""),
        (7, 10, ""),
        (9, 11, ""),
        (11, 12, ""),  # gap: Customer Success → Sales
    ]
    for a, b, agreement in links:
        journey.add_link(ids[a], ids[b], agreement=agreement)
    return journey


def caption_text(link: Link) -> str:
    """The agreement (else the label) as a slide reads it: ``[[term]]`` shows as the term."""
    text = link.agreement.strip() or link.label.strip()
    return " ".join(re.sub(r"\[\[([^\[\]\n]*)\]\]", r"\1", text).split())
