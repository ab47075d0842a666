"""The command line: parse options, call the library, print, exit.

Every command returns its exit code: 0 nothing at error level, 1 findings at
error level (or warnings under ``--strict``), 2 a usage or configuration
error.  User mistakes never show a traceback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

import click

from guidelint import __version__
from guidelint.errors import GuidelintError
from guidelint.terminal import Progress, use_color

if TYPE_CHECKING:
    from guidelint.config import Config
    from guidelint.engine import LintResult, RunOptions

FORMAT_CHOICES = ("text", "json", "github", "sarif", "junit", "gitlab")


def _today(value: str | None) -> dt.date:
    from guidelint.dates import parse_today

    text = value if value is not None else os.environ.get("GUIDELINT_TODAY")
    if text is None:  # set but empty is a mistake, not "today"
        return dt.date.today()
    try:
        return parse_today(text)
    except ValueError as exc:
        source = "--today" if value is not None else "GUIDELINT_TODAY"
        raise click.BadParameter(f"{source} {exc}") from None


def _jobs(jobs: int | None) -> int:
    """``--jobs``, defaulting to the number of CPUs."""
    return jobs or os.cpu_count() or 1


def _run_options(
    day: dt.date,
    select: Sequence[str],
    ignore: Sequence[str],
    jobs: int | None,
    diff_base: str | None,
) -> RunOptions:
    """The engine's options from the options ``check`` and ``baseline`` share."""
    from guidelint.engine import RunOptions

    return RunOptions(
        today=day,
        select=_rule_list(select),
        ignore=_rule_list(ignore),
        jobs=_jobs(jobs),
        diff_base=diff_base,
    )


def _rule_list(values: Sequence[str]) -> frozenset[str]:
    return frozenset(part.strip() for value in values for part in value.split(",") if part.strip())


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
select_option = click.option(
    "--select", multiple=True, metavar="RULE,...", help="Run only these rules."
)
ignore_option = click.option(
    "--ignore", multiple=True, metavar="RULE,...", help="Skip these rules."
)
diff_base_option = click.option(
    "--diff-base",
    metavar="REV",
    help="Compare guides with git at the merge base of REV and HEAD (default: HEAD).",
)


def _content_guides(paths: Sequence[Path], config: Config) -> list[Path]:
    """The named paths that are guides (or folders) inside the content root."""
    from guidelint.paths import is_guide_name

    root = config.content_root.resolve()
    kept = []
    for path in paths:
        try:
            inside = path.resolve().is_relative_to(root)
        except (OSError, RuntimeError):
            inside = False
        if inside and (path.is_dir() or is_guide_name(path.name)) and not config.is_excluded(path):
            kept.append(path)
    return kept


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
@select_option
@ignore_option
@diff_base_option
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Report only findings not listed in this file (see 'guidelint baseline').",
)
@click.option(
    "--content-only",
    is_flag=True,
    help="Skip named files that are not guides under the content root "
    "(pre-commit names every staged Markdown file).",
)
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
@click.option(
    "--no-cache",
    is_flag=True,
    help="Neither read nor write the cache folder (slug index, schema verdicts).",
)
@click.option("--fix", "fix_safe", is_flag=True, help="Apply the safe fixes to the files.")
@click.option(
    "--unsafe-fixes", is_flag=True, help="Apply the unsafe fixes too (they may change meaning)."
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Print the fixes as a unified diff and write nothing (exit 1 if there is one).",
)
def check(
    paths: tuple[Path, ...],
    today: str | None,
    config_path: Path | None,
    fmt: str | None,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    diff_base: str | None,
    baseline_path: Path | None,
    content_only: bool,
    strict: bool,
    fail_on: str | None,
    exit_zero: bool,
    quiet: bool,
    no_color: bool,
    jobs: int | None,
    no_cache: bool,
    **fix_flags: bool,  # --fix, --unsafe-fixes, --diff: see _lint_fixed
) -> None:
    """Lint guides (default: the content root from the config)."""
    from guidelint.formatters import FormatInfo, get_formatter

    day = _today(today)
    config = _config(config_path, no_cache)
    known = None
    if baseline_path is not None:
        from guidelint import baseline

        known = baseline.load(baseline_path)  # before the run: a bad file fails fast
    options = _run_options(day, select, ignore, jobs, diff_base)
    result, fix_summary = _lint_fixed(paths, config, options, content_only, **fix_flags)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    fingerprints: tuple[str, ...] = ()
    if known is not None or fmt in ("sarif", "gitlab"):
        from guidelint.fingerprint import file_line_reader
        from guidelint.fingerprint import fingerprints as compute_fingerprints

        fingerprints = compute_fingerprints(result.diagnostics, file_line_reader(Path.cwd()))
    if known is not None:
        result, fingerprints = baseline.without_known(result, fingerprints, known)
    threshold = "warning" if strict else (fail_on or "error")
    info = FormatInfo(
        today=day,
        color=output is None and use_color(no_color, sys.stdout),
        tool_version=__version__,
        fingerprints=fingerprints,
        fail_at=cast(Literal["error", "warning", "never"], threshold),
    )
    text = get_formatter(fmt)(result, info)
    if quiet and fmt == "text":
        text = "".join(line + "\n" for line in text.splitlines()[:-1])
    _write(_with_fix_summary(text, fix_summary, fmt == "text" and output is None), output)
    failing = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}[threshold]
    code = 1 if any(d.severity in failing for d in result.diagnostics) else 0
    raise SystemExit(0 if exit_zero else code)


def _config(config_path: Path | None, no_cache: bool) -> Config:
    """The config ``check`` runs with; ``--no-cache`` turns the cache off."""
    from guidelint.config import load_config

    config = load_config(config_path)
    return dataclasses.replace(config, cache_dir=None) if no_cache else config


def _lint_fixed(
    paths: Sequence[Path],
    config: Config,
    options: RunOptions,
    content_only: bool,
    fix_safe: bool = False,
    unsafe_fixes: bool = False,
    show_diff: bool = False,
) -> tuple[LintResult, str]:
    """The findings, after applying the fixes if asked; and a summary of the fixes."""
    if not (fix_safe or unsafe_fixes or show_diff):
        return _lint_named(paths, config, options, content_only), ""
    options = dataclasses.replace(options, fixes=True)
    result = _lint_named(paths, config, options, content_only)
    return _fix(result, config, options, unsafe_fixes, show_diff)


def _with_fix_summary(text: str, summary: str, to_text: bool) -> str:
    """``text`` with the fix summary after it; or, for machine formats, that on stderr."""
    if summary and not to_text:
        click.echo(summary, nl=False, err=True)
    return text + summary if to_text else text


def _fix(
    result: LintResult, config: Config, options: RunOptions, unsafe: bool, show_diff: bool
) -> tuple[LintResult, str]:
    """Apply (or, with ``show_diff``, print) the fixes; the findings left, and a summary line."""
    from guidelint.fileio import atomic_write
    from guidelint.fix_run import fix, unified_diff

    outcome = fix(result, config, options, unsafe, Path.cwd())
    more = (
        f"; {outcome.unsafe_available} unsafe fix(es) available with --unsafe-fixes"
        if outcome.unsafe_available
        else ""
    )
    if show_diff:
        click.echo(unified_diff(outcome.files), nl=False)
        count = len(outcome.files)
        click.echo(f"Would fix {outcome.applied} problem(s) in {count} file(s){more}.", err=True)
        raise SystemExit(1 if outcome.files else 0)
    for item in outcome.files:
        atomic_write(item.path, item.after)
    summary = f"Fixed {outcome.applied} problem(s) in {len(outcome.files)} file(s){more}.\n"
    return outcome.result, summary


def _lint_named(
    paths: Sequence[Path], config: Config, options: RunOptions, content_only: bool
) -> LintResult:
    """The findings for ``paths``, with a progress bar on a terminal."""
    from guidelint.engine import LintResult, lint

    named = _content_guides(paths, config) if content_only else list(paths)
    if paths and not named:  # only READMEs, docs and the like were named
        return LintResult((), 0)
    progress = Progress(sys.stderr)
    try:
        return lint(named, config, options, progress=progress)
    finally:
        progress.close()


@cli.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@today_option
@config_option
@select_option
@ignore_option
@diff_base_option
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(".guidelint-baseline.json"),
    show_default=True,
    help="The baseline file to write.",
)
def baseline_command(
    paths: tuple[Path, ...],
    today: str | None,
    config_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    diff_base: str | None,
    output: Path,
) -> None:
    """Record today's findings so that 'check --baseline FILE' reports only new ones.

    Run it again after fixing findings: the fixed ones drop out of the file.
    """
    from guidelint import baseline
    from guidelint.config import load_config
    from guidelint.engine import lint
    from guidelint.fingerprint import file_line_reader, fingerprints

    options = _run_options(_today(today), select, ignore, None, diff_base)
    result = lint(list(paths), load_config(config_path), options)
    baseline.write(output, result, fingerprints(result.diagnostics, file_line_reader(Path.cwd())))
    click.echo(f"Wrote {len(result.diagnostics)} finding(s) in {result.files} file(s) to {output}.")


@cli.command("new")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", required=True, help="The guide's headline (10-160 characters).")
@click.option("--owner", required=True, help="Who keeps it fresh: a handle or a team.")
@click.option("--slug", help="Its slug (default: the file name without .md).")
@click.option("--category", default="role", show_default=True, help="role, company, ...")
@today_option
@config_option
def new_command(
    path: Path,
    title: str,
    owner: str,
    slug: str | None,
    category: str,
    today: str | None,
    config_path: Path | None,
) -> None:
    """Write a new guide at PATH from the template, dated today; never overwrites."""
    from guidelint import template
    from guidelint.config import load_config
    from guidelint.engine import load_schema_validator
    from guidelint.fileio import atomic_write

    if path.exists() or path.is_symlink():
        raise click.UsageError(f"{path} already exists; not overwriting it")
    if not path.parent.is_dir():
        raise click.UsageError(f"folder {path.parent} does not exist")
    config = load_config(config_path)
    slug = slug or path.stem
    if config.content_root.is_dir():
        from guidelint.slug_index import slug_users

        taken = slug_users(config.content_root, slug, config, Path.cwd())
        if taken:
            raise click.UsageError(
                f"slug '{slug}' is already used by {', '.join(taken)}; choose another with --slug"
            )
    schema = load_schema_validator(str(config.schema) if config.schema else None)
    meta = template.front_matter(title, owner, slug, category, _today(today))
    atomic_write(path, template.render(meta, schema).encode("utf-8"))
    click.echo(f"Wrote {path}: write the guide and both gotcha answers, then run guidelint check.")


@cli.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "markdown")),
    default="text",
    help="text: a table; markdown: the full docs/rules.md page.",
)
def rules_command(fmt: str) -> None:
    """List every rule: name, default severity, summary."""
    from guidelint.docs import rules_markdown, rules_table

    click.echo(rules_markdown() if fmt == "markdown" else rules_table(), nl=False)


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
    data = collect(list(paths), config, day, jobs=_jobs(jobs), due_within=margin, owner=owner)
    _write(renderer(data), output)
    failing = {"stale": data.totals.stale, "due": data.totals.stale + data.totals.due_soon}
    raise SystemExit(1 if fail_on and failing[fail_on] else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@today_option
@config_option
@click.option(
    "--salary", is_flag=True, help="The pay figures were confirmed too: move salary_as_of."
)
def review(
    paths: tuple[Path, ...], today: str | None, config_path: Path | None, salary: bool
) -> None:
    """Record that an editor confirmed each guide is still true (sets 'reviewed')."""
    from guidelint.config import load_config
    from guidelint.fileio import atomic_write
    from guidelint.review import describe, review_files

    day = _today(today)
    config = load_config(config_path)
    edited = review_files(list(paths), day, salary=salary, aliases=config.keys)
    for path, data in edited:  # every file could be edited: only now write any
        atomic_write(path, data)
        click.echo(f"{path}: {describe(str(path), data, salary=salary, aliases=config.keys)}")


@cli.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over stdin and stdout (the only transport).")
def lsp_command(stdio: bool) -> None:
    """Run the language server for editors, over stdio (see docs/editors.md)."""
    from guidelint.lsp.handlers import serve

    serve()


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
    except OSError as exc:
        # A path the system refuses (a name too long, a folder where a file
        # should be, no permission) that no closer handler turned into a
        # message: still a message, not a traceback.
        click.echo(f"guidelint: error: {_os_error(exc)}", err=True)
        return 2
    return 0


def _os_error(exc: OSError) -> str:
    """``exc`` as one short line: what the system said, and about which path."""
    what = exc.strerror or str(exc)
    if exc.filename is None:
        return what
    name = os.fsdecode(exc.filename)
    if len(name) > 120:
        name = name[:80] + "..." + name[-20:]
    return f"{what}: {name!r}"
