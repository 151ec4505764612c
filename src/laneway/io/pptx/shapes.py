"""DrawingML for one slide, written in one pass: shapes, text, connectors and groups.

python-pptx finds the next free shape id by scanning the whole slide for every shape it
adds, which makes a slide of n shapes cost n²; here the ids are counted and every shape
is a string, parsed once per slide (``append_to``). Coordinates are points (floats),
written as EMU.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from laneway.io.pptx.style import EMU_PER_PT, FONT, hex6

NAMESPACES = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)

#: (left, top, right, bottom) in points.
Bounds = tuple[float, float, float, float]


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


@dataclass(frozen=True)
class Run:
    text: str
    size: float
    color: str
    bold: bool = False


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    align: str = "l"  # l, ctr, r


@dataclass(frozen=True)
class Line:
    """A shape's outline: colour, width (pt), dash ("solid", "dash", …), arrow head."""

    color: str | None
    width: float = 0.75
    dash: str = "solid"
    arrow: bool = False


@dataclass
class Shape:
    id: int
    xml: str
    bounds: Bounds


@dataclass
class ShapeWriter:
    """Shapes for one slide; ids start above the layout's placeholders (``first_id``)."""

    first_id: int = 2
    shapes: list[Shape] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._next = self.first_id

    def new_id(self) -> int:
        value = self._next
        self._next += 1
        return value

    def add(self, shape: Shape) -> Shape:
        self.shapes.append(shape)
        return shape

    def box(
        self,
        name: str,
        bounds: Bounds,
        *,
        prst: str = "rect",
        fill: str | None = None,
        line: Line | None = None,
        paras: Sequence[Para] = (),
        anchor: str = "t",
        inset: tuple[float, float, float, float] = (3.0, 2.0, 3.0, 2.0),
        adjust: float | None = None,
        text_box: bool = False,
    ) -> Shape:
        """A preset shape (rect, roundRect, ellipse, …) holding ``paras``; not added."""
        shape_id = self.new_id()
        avlst = f'<a:gd name="adj" fmla="val {round(adjust * 100000)}"/>' if adjust else ""
        sp_pr = (
            f"<p:spPr>{_xfrm(bounds)}<a:prstGeom prst={quoteattr(prst)}><a:avLst>{avlst}"
            f"</a:avLst></a:prstGeom>{fill_xml(fill)}{_line(line)}</p:spPr>"
        )
        left, top, right, bottom = inset
        body = (
            f'<p:txBody><a:bodyPr wrap="square" lIns="{emu(left)}" tIns="{emu(top)}" '
            f'rIns="{emu(right)}" bIns="{emu(bottom)}" anchor="{anchor}" rtlCol="0">'
            f"<a:noAutofit/></a:bodyPr><a:lstStyle/>{paras_xml(paras)}</p:txBody>"
        )
        kind = '<p:cNvSpPr txBox="1"/>' if text_box else "<p:cNvSpPr/>"
        nv = (
            f'<p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>{kind}<p:nvPr/></p:nvSpPr>'
        )
        return Shape(shape_id, f"<p:sp>{nv}{sp_pr}{body}</p:sp>", bounds)

    def connector(
        self,
        name: str,
        geometry: ConnectorGeometry,
        line: Line,
        start: tuple[int, int] | None,
        end: tuple[int, int] | None,
    ) -> Shape:
        """A connector glued at ``start`` / ``end`` = (shape id, connection site)."""
        shape_id = self.new_id()
        glue = ""
        if start is not None:
            glue += f'<a:stCxn id="{start[0]}" idx="{start[1]}"/>'
        if end is not None:
            glue += f'<a:endCxn id="{end[0]}" idx="{end[1]}"/>'
        g = geometry
        attrs = (f' rot="{g.rotation * 60000}"' if g.rotation else "") + (
            (' flipH="1"' if g.flip_h else "") + (' flipV="1"' if g.flip_v else "")
        )
        gds = "".join(
            f'<a:gd name="adj{i}" fmla="val {value}"/>' for i, value in enumerate(g.adjust, 1)
        )
        x, y, w, h = g.box
        xml = (
            f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>'
            f"<p:cNvCxnSpPr>{glue}</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr>"
            f'<p:spPr><a:xfrm{attrs}><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
            f'<a:prstGeom prst="{g.preset}"><a:avLst>{gds}</a:avLst></a:prstGeom>'
            f"<a:noFill/>{_line(line)}</p:spPr></p:cxnSp>"
        )
        return Shape(shape_id, xml, g.bounds)

    def group(self, name: str, members: Sequence[Shape]) -> Shape:
        """The members as one group (they move together); a lone member stays alone."""
        if len(members) == 1:
            return members[0]
        shape_id = self.new_id()
        left = min(m.bounds[0] for m in members)
        top = min(m.bounds[1] for m in members)
        right = max(m.bounds[2] for m in members)
        bottom = max(m.bounds[3] for m in members)
        off = f'x="{emu(left)}" y="{emu(top)}"'
        ext = f'cx="{emu(right - left)}" cy="{emu(bottom - top)}"'
        xml = (
            f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>'
            f"<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off {off}/>"
            f"<a:ext {ext}/><a:chOff {off}/><a:chExt {ext}/></a:xfrm></p:grpSpPr>"
            + "".join(m.xml for m in members)
            + "</p:grpSp>"
        )
        return Shape(shape_id, xml, (left, top, right, bottom))

    def append_to(self, sp_tree) -> None:
        """Every added shape, parsed at once, appended to the slide's ``p:spTree``."""
        xml = f"<p:spTree {NAMESPACES}>" + "".join(s.xml for s in self.shapes) + "</p:spTree>"
        parsed = etree.fromstring(xml.encode("utf-8"))
        for child in list(parsed):
            sp_tree.append(child)


@dataclass(frozen=True)
class ConnectorGeometry:
    """A preset connector in its box (x, y, w, h in points, before rotation)."""

    preset: str
    box: tuple[float, float, float, float]
    rotation: int = 0  # degrees, clockwise
    flip_h: bool = False
    flip_v: bool = False
    adjust: tuple[int, ...] = ()
    #: What it covers on the slide (for the group holding it and its caption).
    bounds: Bounds = (0.0, 0.0, 0.0, 0.0)


def _xfrm(bounds: Bounds) -> str:
    left, top, right, bottom = bounds
    return (
        f'<a:xfrm><a:off x="{emu(left)}" y="{emu(top)}"/>'
        f'<a:ext cx="{emu(right - left)}" cy="{emu(bottom - top)}"/></a:xfrm>'
    )


def fill_xml(color: str | None) -> str:
    if color is None:
        return "<a:noFill/>"
    return f'<a:solidFill><a:srgbClr val="{hex6(color, "#000000")}"/></a:solidFill>'


def _line(line: Line | None) -> str:
    if line is None or line.color is None:
        return "<a:ln><a:noFill/></a:ln>"
    dash = f'<a:prstDash val="{line.dash}"/>' if line.dash != "solid" else ""
    arrow = '<a:tailEnd type="triangle" w="med" len="med"/>' if line.arrow else ""
    return f'<a:ln w="{emu(line.width)}">{fill_xml(line.color)}{dash}{arrow}</a:ln>'


def paras_xml(paras: Sequence[Para]) -> str:
    if not paras:
        return '<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>'
    return "".join(
        f'<a:p><a:pPr algn="{p.align}"/>' + "".join(_run(r) for r in p.runs) + "</a:p>"
        for p in paras
    )


def _run(run: Run) -> str:
    size = max(100, round(run.size * 100))
    return (
        f'<a:r><a:rPr lang="en-US" sz="{size}" b="{1 if run.bold else 0}" dirty="0">'
        f'{fill_xml(run.color)}<a:latin typeface="{FONT}"/><a:cs typeface="{FONT}"/></a:rPr>'
        f"<a:t>{escape(_xml_safe(run.text))}</a:t></a:r>"
    )


def _xml_safe(text: str) -> str:
    """Without the control characters XML 1.0 cannot hold."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)
