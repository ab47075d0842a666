"""The command line: parse options, call the library, print, exit.

Every command returns its exit code: 0 nothing at error level, 1 findings at
error level (or warnings under ``--strict``), 2 a usage or configuration
error.  User mistakes never show a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from guidelint import __version__
from guidelint.errors import GuidelintError

FORMAT_CHOICES = ("text", "json", "github")


def _today(value: str | None) -> dt.date:
    from guidelint.dates import parse_today

    text = value or os.environ.get("GUIDELINT_TODAY")
    if not text:
        return dt.date.today()
    try:
        return parse_today(text)
    except ValueError:
        source = "--today" if value else "GUIDELINT_TODAY"
        raise click.BadParameter(f"{source} must be YYYY-MM-DD, got {text!r}") from None


def _rule_list(values: Sequence[str]) -> frozenset[str]:
    return frozenset(part.strip() for value in values for part in value.split(",") if part.strip())


def _use_color(no_color: bool, stream: Any) -> bool:
    if no_color or "NO_COLOR" in os.environ:
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _write(text: str, output: str | None) -> None:
    if output:
        from guidelint.fileio import atomic_write

        atomic_write(Path(output), text.encode("utf-8"))
    else:
        click.echo(text, nl=False)


today_option = click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="Count ages from this day (default: GUIDELINT_TODAY, else today).",
)
config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config file (default: nearest .guidelint.yaml or pyproject.toml [tool.guidelint]).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="guidelint")
def cli() -> None:
    """Lint and freshness-check Markdown interview-prep guides."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@today_option
@config_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    help="Output format (default: text; github under GitHub Actions).",
)
@click.option("--output", "-o", metavar="FILE", help="Write the output to FILE instead of stdout.")
@click.option("--select", multiple=True, metavar="RULE,...", help="Run only these rules.")
@click.option("--ignore", multiple=True, metavar="RULE,...", help="Skip these rules.")
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@click.option(
    "--fail-on",
    type=click.Choice(("error", "warning", "never")),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still means misuse).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary line.")
@click.option("--no-color", is_flag=True, help="No ANSI colors (also: NO_COLOR).")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: number of CPUs).",
)
def check(
    paths: tuple[Path, ...],
    today: str | None,
    config_path: Path | None,
    fmt: str | None,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    strict: bool,
    fail_on: str | None,
    exit_zero: bool,
    quiet: bool,
    no_color: bool,
    jobs: int | None,
) -> None:
    """Lint guides (default: the content root from the config)."""
    from guidelint.config import load_config
    from guidelint.engine import RunOptions, lint
    from guidelint.formatters import FormatInfo, get_formatter

    day = _today(today)
    config = load_config(config_path)
    options = RunOptions(
        today=day,
        select=_rule_list(select),
        ignore=_rule_list(ignore),
        jobs=jobs or os.cpu_count() or 1,
    )
    result = lint(list(paths), config, options)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    info = FormatInfo(
        today=day,
        color=output is None and _use_color(no_color, sys.stdout),
        tool_version=__version__,
    )
    text = get_formatter(fmt)(result, info)
    if quiet and fmt == "text":
        text = "".join(line + "\n" for line in text.splitlines()[:-1])
    _write(text, output)
    threshold = "warning" if strict else (fail_on or "error")
    failing = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}[threshold]
    code = 1 if any(d.severity in failing for d in result.diagnostics) else 0
    raise SystemExit(0 if exit_zero else code)


@cli.command("rules")
def rules_command() -> None:
    """List every rule: name, default severity, summary."""
    from guidelint.rules import RULES

    width = max(len(name) for name in RULES)
    for name, rule in RULES.items():
        click.echo(f"{name:<{width}}  {rule.SEVERITY:<7}  {rule.SUMMARY}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain RULE: what it checks, why, an example that fails, the fix."""
    from guidelint.docs import explain_rule

    click.echo(explain_rule(rule), nl=False)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@today_option
@config_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("markdown", "html", "json", "csv")),
    default="markdown",
    show_default=True,
    help="markdown fits a PR comment; html is one self-contained page.",
)
@click.option("--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout.")
@click.option(
    "--due-within",
    metavar="WINDOW",
    help="'Due soon' margin, e.g. 30d, 2w, 3mo (default: the policy's due_soon).",
)
@click.option("--owner", metavar="NAME", help="Only guides owned by NAME (any case).")
@click.option(
    "--fail-on",
    type=click.Choice(("stale", "due")),
    help="Exit 1 if any guide is stale (stale), or stale or due soon (due).",
)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes.")
def report(
    paths: tuple[Path, ...],
    today: str | None,
    config_path: Path | None,
    fmt: str,
    output: str | None,
    due_within: str | None,
    owner: str | None,
    fail_on: str | None,
    jobs: int | None,
) -> None:
    """Freshness report: every guide's age, due date, status, owner and findings."""
    from guidelint.config import load_config
    from guidelint.dates import parse_duration
    from guidelint.report import collect
    from guidelint.report_formats import get_renderer

    margin = None
    if due_within is not None:
        margin = parse_duration(due_within)
        if margin is None:
            raise click.BadParameter(f"'{due_within}' is not a window like 30d, 2w or 3mo")
    day = _today(today)
    config = load_config(config_path)
    renderer = get_renderer(fmt)
    data = collect(
        list(paths), config, day, jobs=jobs or os.cpu_count() or 1, due_within=margin, owner=owner
    )
    _write(renderer(data), output)
    failing = {"stale": data.totals.stale, "due": data.totals.stale + data.totals.due_soon}
    raise SystemExit(1 if fail_on and failing[fail_on] else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@today_option
@config_option
@click.option("--salary", is_flag=True, help="The pay figures were confirmed too: move salary_as_of.")
def review(paths: tuple[Path, ...], today: str | None, config_path: Path | None, salary: bool) -> None:
    """Record that an editor confirmed each guide is still true (sets 'reviewed')."""
    from guidelint.config import load_config
    from guidelint.fileio import atomic_write
    from guidelint.review import review_files

    day = _today(today)
    config = load_config(config_path)
    edited = review_files(list(paths), day, salary=salary, aliases=config.keys)
    for path, data in edited:  # every file could be edited: only now write any
        atomic_write(path, data)
        what = "reviewed and salary_as_of" if salary else "reviewed"
        click.echo(f"{path}: {what} set to {day.isoformat()}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the CLI and return its exit code."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="guidelint",
            standalone_mode=False,
        )
    except SystemExit as exc:
        return int(exc.code or 0)
    except click.exceptions.Abort:
        click.echo("guidelint: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2
    except GuidelintError as exc:
        click.echo(f"guidelint: error: {exc}", err=True)
        return 2
    except BrokenPipeError:
        return 1
    return 0
