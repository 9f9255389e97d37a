"""A compact Rich rendering of a briefing, for an 80-100 column terminal.

Layout: title and a one-line verdict; the summary with support counts; disputes and revised
figures; key quotes by speaker; the timeline; the sources table (and, on request, what was cut);
the story's related stories (same topic, another event or wave).
Citations ``[1,3]`` are numbers in the sources table. Lists are two-column grids, so long lines
wrap with a hanging indent instead of under the bullet. Article text is untrusted: every piece of it
goes through :func:`rich.markup.escape`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from corroborator.api import Analysis, RelatedStory
from corroborator.brief import Briefing, Position, briefings
from corroborator.render.related import detail

SPEAKERS, QUOTES_PER_SPEAKER, QUOTE_CHARS = 6, 2, 180
TIMELINE = 12


def _cite(briefing: Briefing, article_ids: Sequence[str]) -> str:
    refs = briefing.refs(tuple(article_ids))
    return f"[cyan]\\[{','.join(map(str, refs))}][/cyan]" if refs else ""


def _support(n: int) -> str:
    colour = "green" if n >= 3 else "yellow" if n == 2 else "red"
    return f"[{colour}]{n} report{'s' * (n != 1)}[/{colour}]"


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _short_date(date: str) -> str:
    """A range within one month or year written once: 2023-10-09/2023-10-15 -> 2023-10-09/15."""
    start, sep, end = date.partition("/")
    if not sep or len(start) != len(end):
        return date
    keep = len(start.rsplit("-", 1)[0]) + 1 if start[:7] == end[:7] else 5 if start[:4] == end[:4] else 0
    return f"{start}/{end[keep:]}"


def _list() -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold", ratio=1)
    return grid


def _heading(text: str) -> Rule:
    return Rule(f"[bold]{text}[/bold]", align="left", style="dim")


def _summary(b: Briefing) -> RenderableType:
    grid = _list()
    grid.add_column(no_wrap=True, justify="right")
    for s in b.summary:
        grid.add_row("•", f"{escape(s.text)} {_cite(b, s.article_ids)}", _support(s.support))
    return grid


def _position(b: Briefing, p: Position, mark: str) -> str:
    return f"{mark} [bold]{escape(p.label)}[/bold] — {_support(p.support)} {_cite(b, p.article_ids)}"


def _disputes(b: Briefing) -> RenderableType:
    grid = _list()
    for d in b.disputes:
        colour = {"high": "red", "medium": "yellow"}.get(d.severity.value, "dim")
        lines = [f"{escape(_clip(d.about, 120))} [{colour}]({d.severity.value}, {d.kind.value})[/{colour}]"]
        for i, side in enumerate(d.sides):
            lines.append(_position(b, side, "[green]▲[/green]" if i == d.stronger else "·"))
        if d.stronger is None and len(d.sides) > 1:
            lines.append("[dim]  no side has more independent support[/dim]")
        grid.add_row("!", "\n".join(lines))
    for r in b.revisions:
        grid.add_row(
            "↻",
            f"{escape(_clip(r.about, 100))} [dim](revised figure)[/dim]\n"
            f"{_position(b, r.earlier, 'was')}\n{_position(b, r.later, 'now')}",
        )
    return grid


def _quotes(b: Briefing) -> RenderableType:
    grid = _list()
    for sp in b.speakers[:SPEAKERS]:
        name = escape(sp.name) if sp.name else "[italic]unnamed[/italic]"
        desc = f" [dim]— {escape(_clip(sp.descriptions[0], 90))}[/dim]" if sp.descriptions else ""
        said = _list()
        for q in sp.quotes[:QUOTES_PER_SPEAKER]:
            said.add_row("–", f"“{escape(_clip(q.text, QUOTE_CHARS))}” {_cite(b, q.article_ids)}")
        more = len(sp.quotes) - QUOTES_PER_SPEAKER
        if more > 0:
            said.add_row("", f"[dim]+{more} more[/dim]")
        grid.add_row("»", Group(Text.from_markup(f"[bold]{name}[/bold]{desc}"), said))
    rest = len(b.speakers) - SPEAKERS
    if rest > 0:
        grid.add_row("", f"[dim]+{rest} more speakers (see --format md or html)[/dim]")
    return grid


def _timeline(b: Briefing) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="magenta")
    grid.add_column(overflow="fold", ratio=1)
    ranked = sorted(
        range(len(b.timeline)), key=lambda i: (-b.timeline[i].support, -len(b.timeline[i].article_ids))
    )
    for i in sorted(ranked[:TIMELINE]):
        t = b.timeline[i]
        grid.add_row(escape(_short_date(t.date)), f"{escape(_clip(t.event, 140))} {_cite(b, t.article_ids)}")
    if len(b.timeline) > TIMELINE:
        grid.add_row("", f"[dim]+{len(b.timeline) - TIMELINE} less supported dated events[/dim]")
    return grid


def _sources(b: Briefing) -> RenderableType:
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold dim")
    table.add_column("#", justify="right", style="cyan", no_wrap=True)
    table.add_column("source", overflow="fold", ratio=3)
    table.add_column("date", no_wrap=True)
    table.add_column("report", overflow="fold", ratio=2)
    table.add_column("adds/omits", justify="right", no_wrap=True)
    for i, s in enumerate(b.sources, 1):
        who = escape(_clip(s.label, 48)) + (f"\n[dim]{escape(_clip(s.byline, 40))}[/dim]" if s.byline else "")
        date = escape(_short_date(s.date) if s.date else "undated") + (
            "[dim]~[/dim]" if s.date_inferred else ""
        )
        origin = escape(_clip(s.report_origin or "-", 40))
        table.add_row(str(i), who, date, origin, f"+{s.adds_total} / −{s.omits_total}")
    return table


def _removed(b: Briefing) -> RenderableType:
    counts = ", ".join(f"{n} {reason}" for reason, n in b.removed.counts) or "nothing"
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="cyan", width=4)
    grid.add_column(style="dim", width=13)
    grid.add_column(ratio=1)
    for item in b.removed.items:  # Text cells: never read as markup
        grid.add_row(
            Text(f"[{b.ref(item.article_id)}]"),
            Text(item.reason),
            Text(" ".join(item.text.split()), no_wrap=True, overflow="ellipsis"),
        )
    return Group(Text(f"{b.removed.total} pieces: {counts}", style="dim"), grid)


def _related(related: Sequence[RelatedStory]) -> RenderableType:
    grid = _list()
    for r in related:
        story = f"[bold]{escape(r.title)}[/bold] [dim]{escape(r.id[:10])}[/dim]"  # the id `story ID` takes
        grid.add_row("•", f"{story}: {escape(detail(r))}")
    return grid


def briefing_renderable(
    b: Briefing, *, removed: bool = False, related: Sequence[RelatedStory] = ()
) -> RenderableType:
    """The briefing (and the story's related stories) as one Rich renderable."""
    parts: list[RenderableType] = [
        Text(b.title, style="bold"),
        Text(b.verdict(), style="dim"),
        Text(),
    ]
    sections: list[tuple[str, bool, RenderableType | None]] = [
        ("Summary", bool(b.summary), _summary(b) if b.summary else None),
        ("Disputes", bool(b.disputes or b.revisions), _disputes(b)),
        ("Who said what", bool(b.speakers), _quotes(b)),
        ("Timeline", bool(b.timeline), _timeline(b)),
        ("Sources", True, _sources(b)),
        ("Removed as boilerplate", removed, _removed(b) if removed else None),
        ("Related stories", bool(related), _related(related) if related else None),
    ]
    for name, shown, body in sections:
        if shown and body is not None:
            parts += [_heading(name), body, Text()]
    parts.append(
        Text("Numbers in brackets are sources; ~ marks a date inferred from the story.", style="dim")
    )
    return Group(*parts)


def print_analysis(analysis: Analysis, console: Console, *, removed: bool = False) -> None:
    """Print the briefing of every story of ``analysis``."""
    if not analysis.stories:
        console.print(f"{len(analysis.articles)} articles, no story to brief.", highlight=False)
    for b, story in zip(briefings(analysis), analysis.stories, strict=True):
        console.print(briefing_renderable(b, removed=removed, related=story.related), highlight=False)


def render(analysis: Analysis, *, removed: bool = False, width: int = 100) -> str:
    """The terminal rendering as plain text (for files and tests)."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    print_analysis(analysis, console, removed=removed)
    return console.export_text()
