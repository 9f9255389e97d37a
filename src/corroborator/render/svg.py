"""Inline SVG pictures for the HTML report: provenance graph, coverage matrix, timeline chart.

Each function takes plain records (labels already chosen by the caller) and returns one ``<svg>``
element as a string. Layout is deterministic: the same input gives the same picture. Every text and
attribute value goes through :func:`esc`; links are page-internal anchors only (``#...``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from corroborator.models import Precision
from corroborator.render.html_assets import esc

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
CHAR_W = 6.4  # approximate width of one 12px character
BOLD_W = 7.2  # ... and of a bold one


def clip(text: str, chars: int) -> str:
    """``text`` on one line, cut to ``chars`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: max(chars - 1, 1)].rstrip() + "…"


def wrap(text: str, chars: int, lines: int) -> list[str]:
    """Greedy word wrap into at most ``lines`` lines of ``chars`` characters (the last one clipped)."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= chars:
            line += " " + words.pop(0)
        out.append(line)
    if words and out:
        out[-1] = clip(out[-1] + " " + " ".join(words), chars)
    return [clip(line, chars) for line in out]


def anchor(target: str) -> str:
    """A page-internal link target; anything else is dropped (no external URLs in pictures)."""
    return "#" + "".join(c for c in target if c.isalnum() or c in "-_")


def _svg(width: float, height: float, label: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{esc(label)}" '
        f'font-family="{esc(FONT)}" font-size="12">' + "".join(body) + "</svg>"
    )


# --- provenance graph ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GraphNode:
    id: str
    label: str  # outlet or name
    sublabel: str  # date
    target: str  # anchor id of the article in the sources section
    title: str = ""  # full text for the tooltip


@dataclass(frozen=True, slots=True)
class GraphGroup:
    label: str  # "R1 · AFP wire"
    nodes: tuple[GraphNode, ...]


@dataclass(frozen=True, slots=True)
class GraphEdge:
    from_id: str
    to_id: str
    dashed: bool  # paraphrase (dashed) rather than verbatim (solid)
    label: str  # "87%"
    title: str = ""


COL_GAP, NODE_H, NODE_GAP, HEAD_H, PAD, PAGE_W = 56, 46, 30, 52, 12, 980


def provenance_graph(groups: Sequence[GraphGroup], edges: Sequence[GraphEdge], uid: str = "g") -> str:
    """One boxed column per independent report, its articles stacked in it; reuse as arrows.

    ``uid`` makes the arrowhead's id unique when a page holds several graphs."""
    arrow = f"{anchor(uid)[1:]}-arrow"
    n = max(len(groups), 1)
    col_w = int(max(200, min(300, (PAGE_W - 20 - COL_GAP * (n - 1)) / n)))
    chars = int((col_w - 2 * PAD - 16) / BOLD_W)
    depth = max((len(g.nodes) for g in groups), default=0)
    height = 10 + HEAD_H + depth * (NODE_H + NODE_GAP) - NODE_GAP + PAD + 12
    width = n * col_w + (n - 1) * COL_GAP + 20
    places: dict[str, tuple[int, float, float]] = {}  # node id -> (column, x, y of its top-left)
    body = [
        "<defs>"
        f'<marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>'
    ]
    for col, group in enumerate(groups):
        gx = 10 + col * (col_w + COL_GAP)
        gh = HEAD_H + len(group.nodes) * (NODE_H + NODE_GAP) - NODE_GAP + PAD
        head = "".join(
            f'<tspan x="{gx + PAD}" y="{30 + 15 * k}">{esc(line)}</tspan>'
            for k, line in enumerate(wrap(group.label, chars, 2))
        )
        body.append(
            f'<g class="report"><rect x="{gx}" y="10" width="{col_w}" height="{gh}" rx="8" '
            f'fill="#f3f6fb" stroke="#9fb3d1"/><text font-weight="700" fill="#1d3b63">'
            f"<title>{esc(group.label)}</title>{head}</text></g>"
        )
        for row, node in enumerate(group.nodes):
            x, y = gx + PAD, 10 + HEAD_H + row * (NODE_H + NODE_GAP)
            places[node.id] = (col, x, y)
            body.append(
                f'<a href="{esc(anchor(node.target))}"><g class="node"><title>{esc(node.title or node.label)}'
                f'</title><rect x="{x}" y="{y}" width="{col_w - 2 * PAD}" height="{NODE_H}" rx="5" '
                f'fill="#fff" stroke="#4a6fa5"/><text x="{x + 8}" y="{y + 18}" font-weight="600" '
                f'fill="#111">{esc(clip(node.label, chars))}</text><text x="{x + 8}" y="{y + 36}" '
                f'fill="#555">{esc(clip(node.sublabel, chars + 2))}</text></g></a>'
            )
    node_w = col_w - 2 * PAD
    for edge in edges:
        if edge.from_id not in places or edge.to_id not in places:
            continue
        (c1, x1, y1), (c2, x2, y2) = places[edge.from_id], places[edge.to_id]
        if c1 == c2 and y2 - y1 == NODE_H + NODE_GAP:  # next in the column: straight down
            sx, sy, ex, ey = x1 + node_w / 2, y1 + NODE_H, x2 + node_w / 2, y2
            path, mx, my = f"M{sx:.0f},{sy:.0f} L{ex:.0f},{ey:.0f}", sx + 6, (sy + ey) / 2 + 4
            anchor_side = "start"
        elif c1 == c2:  # further down or up the column: bow out to the right
            sx, sy, ex, ey = x1 + node_w, y1 + NODE_H / 2, x2 + node_w, y2 + NODE_H / 2
            bow = sx + 24 + abs(ey - sy) / 6
            path = f"M{sx:.0f},{sy:.0f} C{bow:.0f},{sy:.0f} {bow:.0f},{ey:.0f} {ex:.0f},{ey:.0f}"
            mx, my, anchor_side = (sx + 3 * bow) / 4 + 2, (sy + ey) / 2 + 4, "start"
        else:  # across reports
            right = c2 > c1
            sx, sy = (x1 + node_w if right else x1), y1 + NODE_H / 2
            ex, ey = (x2 if right else x2 + node_w), y2 + NODE_H / 2
            mid = (sx + ex) / 2
            path = f"M{sx:.0f},{sy:.0f} C{mid:.0f},{sy:.0f} {mid:.0f},{ey:.0f} {ex:.0f},{ey:.0f}"
            mx, my, anchor_side = mid, (sy + ey) / 2 - 4, "middle"
        dash = ' stroke-dasharray="6 4"' if edge.dashed else ""
        body.append(
            f'<g class="edge {"paraphrase" if edge.dashed else "verbatim"}"><title>{esc(edge.title)}</title>'
            f'<path d="{path}" fill="none" stroke="#444" stroke-width="1.6"{dash} '
            f'marker-end="url(#{arrow})"/><text x="{mx:.0f}" y="{my:.0f}" text-anchor="{anchor_side}" '
            f'font-size="11" fill="#7a2e00" stroke="#fff" stroke-width="3" paint-order="stroke">'
            f"{esc(edge.label)}</text></g>"
        )
    return _svg(width, height, "Provenance graph: articles grouped by independent report", body)


# --- coverage matrix ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoverageRow:
    label: str
    carried: tuple[bool, ...]  # one per report column
    support: int
    target: str = ""  # anchor id


CELL_W, ROW_H = 56, 38


def coverage_matrix(rows: Sequence[CoverageRow], columns: Sequence[str]) -> str:
    """Claims (rows) x independent reports (columns): a filled dot where the report carries it."""
    label_w = max(320, min(640, PAGE_W - 10 - CELL_W * (len(columns) + 1)))
    width = label_w + CELL_W * (len(columns) + 1) + 10
    height = 40 + ROW_H * len(rows) + 10
    body = []
    for k, col in enumerate([*columns, "support"]):
        cx = label_w + CELL_W * k + CELL_W / 2
        body.append(f'<text x="{cx:.0f}" y="26" text-anchor="middle" font-weight="700">{esc(col)}</text>')
    for i, row in enumerate(rows):
        y = 40 + ROW_H * i
        if i % 2 == 0:
            body.append(f'<rect x="0" y="{y}" width="{width - 10}" height="{ROW_H}" fill="#f5f7fa"/>')
        lines = wrap(row.label, int((label_w - 16) / CHAR_W), 2)
        first = y + (ROW_H / 2 + 4 if len(lines) == 1 else 15)
        spans = "".join(
            f'<tspan x="6" y="{first + 14 * n:.0f}">{esc(line)}</tspan>' for n, line in enumerate(lines)
        )
        text = f"<text><title>{esc(row.label)}</title>{spans}</text>"
        body.append(f'<a href="{esc(anchor(row.target))}">{text}</a>' if row.target else text)
        cy = y + ROW_H / 2
        for k, carried in enumerate(row.carried):
            cx = label_w + CELL_W * k + CELL_W / 2
            fill = 'fill="#2b6cb0"' if carried else 'fill="none" stroke="#b8c2cc"'
            word = "carries" if carried else "does not carry"
            body.append(
                f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="8" {fill}><title>{esc(columns[k])} {word} this'
                f"</title></circle>"
            )
        sx = label_w + CELL_W * len(row.carried) + CELL_W / 2
        body.append(
            f'<text x="{sx:.0f}" y="{cy + 4:.0f}" text-anchor="middle" font-weight="700">{row.support}</text>'
        )
    return _svg(width, height, "Coverage matrix: which independent report carries which claim", body)


# --- timeline -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineBar:
    date: str  # ISO date at its precision, ISO week, or a range "a/b"
    precision: Precision
    label: str
    reports: int = 1


def _start(part: str) -> date | None:
    try:
        if "-W" in part:
            year, week = part.split("-W")
            return date.fromisocalendar(int(year), int(week[:2]), 1)
        bits = [int(b) for b in part.split("-")]
    except ValueError:
        return None
    if not bits or not 1 <= bits[0] <= 9999:
        return None
    try:
        return date(bits[0], bits[1] if len(bits) > 1 else 1, bits[2] if len(bits) > 2 else 1)
    except ValueError:
        return None


def _end(part: str) -> date | None:
    """The last day covered by an ISO date, month, year or week."""
    first = _start(part)
    if first is None:
        return None
    if "-W" in part:
        return first + timedelta(days=6)
    n = part.count("-")
    if n == 0:
        return date(first.year, 12, 31)
    if n == 1:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return first


def date_extent(value: str) -> tuple[date, date] | None:
    """The first and last day an ISO date (any precision, week, or ``a/b`` range) covers."""
    lo, _, hi = value.partition("/")
    start, end = _start(lo.strip()), _end((hi or lo).strip())
    if start is None or end is None:
        return None
    return (start, end) if end >= start else (end, start)


def _ticks(lo: date, hi: date) -> list[date]:
    span = (hi - lo).days
    step = 1 if span <= 120 else 3 if span <= 730 else 12
    if span <= 21:
        return [lo + timedelta(days=d) for d in range(0, span + 1, 7)]
    out, m = [], (lo.year * 12 + lo.month - 1)
    m += -m % step
    while (tick := date(m // 12, m % 12 + 1, 1)) <= hi:
        out.append(tick)
        m += step
    return out


T_LABEL_W, T_CHART_W, T_ROW_H = 390, 560, 20
COLOURS = {Precision.DAY: "#c05621", Precision.WEEK: "#b7791f", Precision.RANGE: "#2f855a"}


def timeline_chart(events: Sequence[TimelineBar]) -> str:
    """Dated events on a time axis: one row each; a bar as wide as the date is imprecise."""
    spans = [(e, ext) for e in events if (ext := date_extent(e.date)) is not None]
    if not spans:
        return _svg(300, 30, "Timeline: no dated events", ['<text x="6" y="20">No dated events.</text>'])
    lo = min(s for _, (s, _e) in spans)
    hi = max(e for _, (_s, e) in spans) + timedelta(days=1)
    days = max((hi - lo).days, 1)

    def x_of(d: date) -> float:
        return T_LABEL_W + T_CHART_W * (d - lo).days / days

    height = 44 + T_ROW_H * len(spans) + 10
    body = []
    for tick in _ticks(lo, hi):
        x = x_of(tick)
        text = tick.strftime("%d %b") if days <= 40 else tick.strftime("%b %Y")
        body.append(
            f'<line x1="{x:.1f}" y1="34" x2="{x:.1f}" y2="{height - 10}" stroke="#e2e8f0"/>'
            f'<text x="{x:.1f}" y="26" text-anchor="middle" font-size="11" fill="#555">{esc(text)}</text>'
        )
    for i, (event, (start, end)) in enumerate(spans):
        y = 44 + T_ROW_H * i
        x1, x2 = x_of(start), x_of(end + timedelta(days=1))
        colour = COLOURS.get(event.precision, "#4a6fa5")
        tip = f"{event.date} ({event.precision.value}): {event.label}"
        label = clip(f"{event.date}  {event.label}", int(T_LABEL_W / CHAR_W) - 2)
        body.append(
            f'<g class="event {esc(event.precision.value)}"><title>{esc(tip)}</title>'
            f'<text x="4" y="{y + 13}" font-size="11.5">{esc(label)}</text>'
            f'<rect x="{x1:.1f}" y="{y + 4}" width="{max(x2 - x1, 5):.1f}" height="{T_ROW_H - 8}" '
            f'rx="2" fill="{colour}" fill-opacity="0.8"/></g>'
        )
    return _svg(T_LABEL_W + T_CHART_W + 20, height, "Timeline of dated events", body)
