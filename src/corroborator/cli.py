"""The ``corroborator`` command line: a thin shell over :mod:`corroborator.api` and the store.

Exit codes: 0 all inputs processed; 1 some inputs failed (the others were processed and stored);
2 usage error; 3 nothing could be done (bad config, store unusable, no input produced an article).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from corroborator import api
from corroborator.config import Config
from corroborator.errors import CorroboratorError
from corroborator.models import Failure

EXIT_OK, EXIT_SOME_FAILED, EXIT_FATAL = 0, 1, 3

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="markdown",
    help="Read news articles about the same events and tell what is established, by how many "
    "independent reports.\n\nExample: `corroborator analyze examples/text`",
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="CORROBORATOR_DB", help="SQLite store to use (created if missing)."),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", exists=True, dir_okay=False, help="TOML settings file (see README)."),
]
SourcesArg = Annotated[
    list[str],
    typer.Argument(help="Files, directories, URLs, RSS/Atom feeds or WARC files.", show_default=False),
]


class Format(StrEnum):
    terminal = "terminal"
    json = "json"
    md = "md"
    html = "html"


def _config(path: Path | None, db: Path | None = None) -> Config:
    config = Config.from_toml(path) if path else Config()
    return config.with_store(db) if db else config


@contextmanager
def _progress(label: str) -> Iterator[api.Progress]:
    columns = (SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task(label, total=None)
        yield lambda n: bar.advance(task, n)


def _report_failures(failures: tuple[Failure, ...]) -> None:
    for f in failures:
        err.print(f"[red]error:[/red] {escape(str(f))}", highlight=False, soft_wrap=True)


def _fatal(exc: CorroboratorError) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_FATAL)


@app.command()
def ingest(
    sources: SourcesArg,
    db: DbOption = Path("corroborator.db"),
    config: ConfigOption = None,
    stories: Annotated[
        bool,
        typer.Option("--stories/--no-stories", help="Then place new articles in stories and analyse those."),
    ] = True,
) -> None:
    """Read SOURCES into the store: the same input twice is stored once; a changed version is kept
    beside the old one and linked to it. Interrupted runs resume where they stopped. Then (unless
    --no-stories) place the new articles in stories and re-analyse only the stories they changed.

    Example: `corroborator ingest examples/text https://example.org/feed.xml --db news.db`
    """
    from corroborator.cli_stories import update_stories
    from corroborator.store import Store

    try:
        cfg = _config(config, db)
        with Store.open(cfg.store.path, cfg.store) as store:
            with _progress("ingesting") as progress:
                summary = api.ingest(sources, store, cfg, progress=progress)
            _report_failures(summary.failures)
            out.print(
                f"{summary.count('new')} new, {summary.count('new_version')} new versions, "
                f"{summary.count('reextracted')} re-extracted, "
                f"{summary.count('unchanged')} unchanged, {len(summary.failures)} failed "
                f"-> {escape(str(db))}",
                highlight=False,
            )
            if stories:
                update_stories(store, cfg)
    except CorroboratorError as exc:
        raise _fatal(exc) from exc
    if summary.failures:
        raise typer.Exit(EXIT_SOME_FAILED if summary.results else EXIT_FATAL)


@app.command("articles")
def list_articles(
    db: DbOption = Path("corroborator.db"),
    limit: Annotated[int, typer.Option(min=1, help="How many to list.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="How many to skip.")] = 0,
) -> None:
    """List the articles in the store, newest first.

    Example: `corroborator articles --db news.db --limit 20`
    """
    from corroborator.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            rows = store.articles(limit=limit, offset=offset)
            total = store.count()
    except CorroboratorError as exc:
        raise _fatal(exc) from exc
    table = Table(title=f"{total} articles in {escape(str(db))}", title_justify="left")
    for name in ("id", "published", "outlet", "byline", "chars", "title"):
        table.add_column(name, overflow="fold", no_wrap=name in {"id", "published"})
    for r in rows:
        table.add_row(
            r.id[:10],
            r.published or "-",
            escape(r.outlet or "-"),
            escape(r.byline or "-"),
            str(r.chars),
            escape(r.title or "(untitled)"),
        )
    out.print(table)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(metavar="ID", help="An article id or a unique prefix of it.")],
    db: DbOption = Path("corroborator.db"),
    removed: Annotated[bool, typer.Option("--removed", help="Also print what was cut, and why.")] = False,
) -> None:
    """Show one stored article: metadata, captions, body (and with --removed, what was cut).

    Example: `corroborator show 3fa9c1 --db news.db --removed`
    """
    from corroborator.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            article = store.find(article_id)
            versions = store.versions_of(article.id)
    except CorroboratorError as exc:
        raise _fatal(exc) from exc
    out.print(f"[bold]{escape(article.title or '(untitled)')}[/bold]")
    for label, value in (
        ("id", article.id),
        ("source", article.source),
        ("url", article.url),
        ("outlet", article.outlet),
        ("byline", article.byline),
        ("published", article.published),
    ):
        out.print(f"  {label:10} {escape(value or '-')}", highlight=False)
    if len(versions) > 1:
        out.print(f"  {'versions':10} {', '.join(v[:10] for v in versions)}", highlight=False)
    for c in article.captions:
        credit = f" ({escape(c.credit)})" if c.credit else ""
        out.print(f"  caption    {escape(c.text)}{credit}", highlight=False)
    out.print()
    for para in article.paragraphs:
        out.print(escape(para), highlight=False)
        out.print()
    if removed:
        out.print("[bold]Removed[/bold]")
        for r in article.removed:
            out.print(f"  [dim]{r.reason.value:14}[/dim] {escape(r.text)}", highlight=False)


@app.command()
def analyze(
    sources: SourcesArg,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.terminal,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write the report here.")] = None,
    db: Annotated[
        Path | None, typer.Option("--db", envvar="CORROBORATOR_DB", help="Also store the articles here.")
    ] = None,
    config: ConfigOption = None,
    annotate: Annotated[
        bool, typer.Option("--annotate/--no-annotate", help="Find entities, quotes, figures and dates.")
    ] = True,
    removed: Annotated[
        bool, typer.Option("--removed", help="Also list what was cut from the articles as boilerplate.")
    ] = False,
) -> None:
    """Analyse SOURCES and print a cited briefing of each story in the terminal, or write a report:
    the `corroborator-report/1` JSON contract, Markdown, or a self-contained HTML page.

    Example: `corroborator analyze examples/text --format json --out report.json`
    """
    try:
        cfg = _config(config, db)
        with _progress("analysing") as progress:
            if db is not None:
                from corroborator.store import Store

                with Store.open(cfg.store.path, cfg.store) as store:
                    result = api.analyze(sources, cfg, store=store, progress=progress, annotate=annotate)
            else:
                result = api.analyze(sources, cfg, progress=progress, annotate=annotate)
    except CorroboratorError as exc:
        raise _fatal(exc) from exc
    _report_failures(result.failures)
    emit(result, fmt, out_file, removed=removed)
    if result.failures:
        raise typer.Exit(EXIT_SOME_FAILED if result.articles else EXIT_FATAL)


def emit(result: api.Analysis, fmt: Format, out_file: Path | None, *, removed: bool = False) -> None:
    """Print the briefing in the terminal, or write the report in ``fmt`` to ``out_file`` (or stdout)."""
    from corroborator.render import json as json_render
    from corroborator.render import markdown, terminal

    if fmt is Format.terminal and out_file is None:
        terminal.print_analysis(result, out, removed=removed)
        return
    if fmt is Format.html:
        text = _html(result)
    elif fmt is Format.md:
        text = markdown.render(result, removed=removed)
    elif fmt is Format.terminal:
        text = terminal.render(result, removed=removed)
    else:
        text = json_render.dumps(result)
    if out_file is None:
        sys.stdout.write(text)
    else:
        _write_atomic(out_file, text)
        err.print(f"wrote {escape(str(out_file))}", highlight=False)


def _html(result: api.Analysis) -> str:
    try:
        from corroborator.render import html
    except ImportError as exc:
        err.print(f"[red]error:[/red] HTML output is not available in this build ({escape(str(exc))}).")
        raise typer.Exit(EXIT_FATAL) from exc
    return html.render(result)


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "text"


@app.command()
def demo(
    out_file: Annotated[Path, typer.Option("--out", "-o", help="Where to write the HTML report.")] = Path(
        "corroborator-demo.html"
    ),
) -> None:
    """Run the whole pipeline on the bundled example corpus (a fictional six-article story) and write
    the HTML report, printing the briefing and where the report is.

    Example: `corroborator demo --out demo.html`
    """
    if not EXAMPLES.is_dir():
        where = escape(str(EXAMPLES))
        err.print(f"[red]error:[/red] the example corpus is not at {where}; run from a source checkout")
        raise typer.Exit(EXIT_FATAL)
    from corroborator.render import terminal

    with _progress("analysing the example corpus") as progress:
        result = api.analyze([EXAMPLES], progress=progress)
    terminal.print_analysis(result, out)
    _write_atomic(out_file, _html(result))
    out.print(f"HTML report: [bold]{escape(str(out_file.resolve()))}[/bold]", highlight=False)


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a crash never leaves a half-written report."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


# The story commands live in cli_stories, which registers them on ``app`` (it imports the above).
import corroborator.cli_stories  # noqa: E402, F401


def main() -> None:
    app()


if __name__ == "__main__":  # run as a module: use the imported corroborator.cli, whose app has every command
    from corroborator.cli import main as _main

    _main()
