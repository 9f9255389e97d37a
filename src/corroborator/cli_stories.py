"""The story commands of the ``corroborator`` CLI (``stories``, ``story``), registered on its app.

A thin shell over :mod:`corroborator.stories`; shared options and output helpers come from
:mod:`corroborator.cli`, which imports this module at its end (so the commands are registered
whenever the CLI is imported).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from corroborator.cli import (
    ConfigOption,
    DbOption,
    Format,
    _config,
    _fatal,
    _progress,
    app,
    emit,
    err,
    out,
)
from corroborator.config import Config
from corroborator.errors import CorroboratorError

if TYPE_CHECKING:
    from corroborator.store import Store
    from corroborator.stories import StoryRow


def update_stories(store: Store, cfg: Config, *, rebuild: bool = False, console: Console = out) -> None:
    """Place the articles not in a story yet, re-analyse the stories that changed, print one line."""
    from corroborator.stories import place_new_articles, refresh_analyses

    placement = place_new_articles(store, cfg, rebuild=rebuild)
    changes = placement.changes
    if changes.touched:
        with _progress("analysing stories") as progress:
            refresh_analyses(store, cfg, changes.touched, progress=progress)
    console.print(
        f"stories: {placement.placed} articles placed, {len(changes.new)} new stories, "
        f"{len(changes.updated)} updated stories",
        highlight=False,
    )


def _dates(row: StoryRow) -> str:
    if row.first_date is None:
        return "-"
    return row.first_date if row.first_date == row.last_date else f"{row.first_date} – {row.last_date}"


def stories(
    db: DbOption = Path("corroborator.db"),
    limit: Annotated[int, typer.Option(min=1, help="How many to list.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    update: Annotated[
        bool, typer.Option("--update", help="First place articles not yet in a story.")
    ] = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="First re-cluster every stored article (e.g. new settings).")
    ] = False,
    analyse: Annotated[
        bool,
        typer.Option("--analyse", help="First analyse the listed stories not analysed by this version."),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """List the stories in the store, latest first: id, articles, independent reports ("-" while
    not analysed by this version of corroborator, e.g. after an upgrade), span of stated dates, title.

    Example: `corroborator stories --db news.db --limit 20 --analyse`
    """
    from corroborator.store import Store
    from corroborator.stories import list_stories, refresh_analyses

    try:
        cfg = _config(config, db)
        if update or rebuild or analyse:
            with Store.open(cfg.store.path, cfg.store) as store:
                if update or rebuild:
                    update_stories(store, cfg, rebuild=rebuild, console=err if as_json else out)
                listed = list_stories(store, limit=limit) if analyse else []
                stale = [r.id for r in listed if r.reports is None]
                if stale:
                    with _progress("analysing stories") as progress:
                        refresh_analyses(store, cfg, stale, progress=progress)
        with Store.open(db, read_only=True) as store:
            rows = list_stories(store, limit=limit)
            total, waiting = _counts(store)
    except CorroboratorError as exc:
        raise _fatal(exc) from exc
    if as_json:
        keys = ("id", "size", "reports", "first_date", "last_date", "title")
        sys.stdout.write(json.dumps([{k: getattr(r, k) for k in keys} for r in rows], ensure_ascii=False,
                                    indent=2) + "\n")
        return
    table = Table(title=f"{total} stories in {escape(str(db))}", title_justify="left")
    for name in ("id", "articles", "reports", "dates", "title"):
        table.add_column(name, overflow="fold", no_wrap=name in {"id", "dates"})
    for r in rows:
        reports = "-" if r.reports is None else str(r.reports)
        table.add_row(r.id[:10], str(r.size), reports, _dates(r), escape(r.title or "(untitled)"))
    out.print(table)
    if any(r.reports is None for r in rows):
        out.print("stories marked - are not analysed by this version yet: add `--analyse`", highlight=False)
    if waiting:
        out.print(f"{waiting} articles are not in a story yet: run `corroborator stories --update`",
                  highlight=False)


def _counts(store: Store) -> tuple[int, int]:
    from corroborator.store import stories as rows

    return rows.count_stories(store), rows.count_unplaced(store)


def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="A story id or a unique prefix of it.")],
    db: DbOption = Path("corroborator.db"),
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.terminal,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report here.")] = None,
    removed: Annotated[
        bool, typer.Option("--removed", help="Also list what was cut from the articles as boilerplate.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Show one story's cited briefing (or write its report), from the analysis cached at ingest;
    a story not analysed yet is analysed now.

    Example: `corroborator story s3fa9c1 --db news.db --format html --out story.html`
    """
    from corroborator.store import Store
    from corroborator.stories import load_story, refresh_analyses

    try:
        cfg = _config(config, db)
        with Store.open(db, read_only=True) as store:
            view = load_story(store, story_id, cfg)
        if view.analysis is None:
            with Store.open(cfg.store.path, cfg.store) as store, _progress("analysing the story") as progress:
                refresh_analyses(store, cfg, (view.id,), progress=progress)
                view = load_story(store, view.id, cfg)
    except CorroboratorError as exc:
        raise _fatal(exc) from exc
    emit(view.as_analysis(), fmt, out_file, removed=removed)


app.command("stories")(stories)
app.command("story")(story)
