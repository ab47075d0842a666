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
from typing import TYPE_CHECKING, Any, Literal, cast

import click

from guidelint import __version__
from guidelint.errors import GuidelintError
from guidelint.terminal import Progress, use_color

if TYPE_CHECKING:
    from guidelint.config import Config
    from guidelint.engine import LintResult, RunOptions
    from guidelint.fingerprint import LineReader

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
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    help="Output format (default: text; github under GitHub Actions).",
)
output_option = click.option(
    "--output", "-o", metavar="FILE", help="Write the output to FILE instead of stdout."
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(("error", "warning", "never")),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error).",
)
exit_zero_option = click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still means misuse)."
)
quiet_option = click.option(
    "--quiet", "-q", is_flag=True, help="Print findings only, no summary line."
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


def online_options(command: Any) -> Any:
    """The options of a run that checks cited URLs (``sources``, ``check --online``)."""
    options = [
        click.option("--refresh", is_flag=True, help="Ignore cached results; ask every URL again."),
        click.option("--offline", is_flag=True, help="No requests: cached results only."),
        click.option(
            "--changed-since",
            metavar="REF",
            help="Only URLs in guides changed since git REF (e.g. origin/main).",
        ),
        click.option(
            "--timeout", type=click.FloatRange(min=0.1), help="Seconds per request (default 10)."
        ),
        click.option(
            "--concurrency", type=click.IntRange(min=1), help="Requests at once (default 32)."
        ),
        click.option(
            "--per-host", type=click.IntRange(min=1), help="Requests at once per host (default 2)."
        ),
        click.option(
            "--fix", is_flag=True, help="Rewrite moved URLs in the guides to where they went."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _content_guides(paths: Sequence[Path], config: Config) -> list[Path]:
    """The named paths that are guides (or folders) inside the content root."""
    from guidelint.paths import in_guide_folders, is_guide_name

    root = config.content_root.resolve()
    kept = []
    for path in paths:
        try:
            resolved = path.resolve()
            folder = resolved if path.is_dir() else resolved.parent
            inside = folder.is_relative_to(root) and in_guide_folders(folder.relative_to(root))
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
@format_option
@output_option
@click.option(
    "--output-format",
    type=click.Choice(("full", "concise")),
    help="text: full shows the source line under each finding, concise one line each "
    "(default: full on a terminal, else concise).",
)
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
    "--no-baseline",
    is_flag=True,
    help="Report every finding, even those the --baseline file lists.",
)
@click.option(
    "--content-only",
    is_flag=True,
    help="Skip named files that are not guides under the content root "
    "(pre-commit names every staged Markdown file).",
)
@click.option(
    "--staged",
    is_flag=True,
    help="Also check the guides a staged deletion, rename or slug change leaves pointing "
    "at nothing (the pre-commit hook); with no paths, the staged guides.",
)
@click.option(
    "--stdin-filename",
    type=click.Path(path_type=Path),
    help="With the path '-': the guide on standard input is checked as this file "
    "(its config, overrides, links and slug); nothing is written.",
)
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@fail_on_option
@exit_zero_option
@quiet_option
@click.option(
    "--statistics", is_flag=True, help="Print the number of findings per rule, not the findings."
)
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
@click.option(
    "--online", is_flag=True, help="Also check cited URLs over the network (dead/moved sources)."
)
@online_options
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
    output_format: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    diff_base: str | None,
    baseline_path: Path | None,
    no_baseline: bool,
    content_only: bool,
    staged: bool,
    stdin_filename: Path | None,
    strict: bool,
    fail_on: str | None,
    exit_zero: bool,
    quiet: bool,
    statistics: bool,
    no_color: bool,
    jobs: int | None,
    no_cache: bool,
    unsafe_fixes: bool,
    show_diff: bool,
    **online: Any,
) -> None:
    """Lint guides (default: the content root from the config)."""
    from guidelint.formatters import FormatInfo, get_formatter

    fmt = _format(fmt, statistics)
    day = _today(today)
    stdin = _stdin(paths, stdin_filename)
    groups = _configs(paths, config_path, no_cache, stdin)
    known = _baseline(baseline_path, no_baseline)  # before the run: a bad file fails fast
    options = _run_options(day, select, ignore, jobs, diff_base)
    fixes = (unsafe_fixes, show_diff)
    result, fix_summary = _lint_and_fix(groups, options, content_only, staged, stdin, online, fixes)
    found = len(result.diagnostics)
    result, fingerprints = _fingerprinted(result, known, fmt in ("sarif", "gitlab"))
    hidden = _say_hidden(found - len(result.diagnostics), fmt != "text" and not quiet)
    threshold = "warning" if strict else (fail_on or "error")
    info = FormatInfo(
        today=day,
        color=output is None and use_color(no_color, sys.stdout),
        tool_version=__version__,
        fingerprints=fingerprints,
        fail_at=cast(Literal["error", "warning", "never"], threshold),
        docs_url=groups[0][0].docs_url,
        hidden=hidden,
        source_line=_source_lines(output_format, output),
    )
    text = get_formatter("statistics" if statistics else fmt)(result, info)
    if quiet and fmt == "text":
        text = "".join(line + "\n" for line in text.splitlines()[:-1])
    _write(_with_fix_summary(text, fix_summary, fmt == "text" and output is None), output)
    failing = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}[threshold]
    code = 1 if any(d.severity in failing for d in result.diagnostics) else 0
    raise SystemExit(0 if exit_zero else code)


def _baseline(path: Path | None, ignored: bool) -> Any:
    """The fingerprints a baseline file lists (``None``: no baseline, or ``--no-baseline``)."""
    if path is None or ignored:
        return None
    from guidelint import baseline

    return baseline.load(path)


def _format(fmt: str | None, statistics: bool) -> str:
    """The output format: github under GitHub Actions, else text; ``--statistics`` is text."""
    if statistics and fmt not in (None, "text"):
        raise click.UsageError(f"--statistics prints a text table, not --format {fmt}")
    if fmt is None and not statistics and os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return fmt or "text"


def _say_hidden(hidden: int, on_stderr: bool) -> int:
    """``hidden``, said on stderr for formats whose output has no summary line to say it."""
    if hidden and on_stderr:
        from guidelint.formatters import hidden_note

        click.echo(f"guidelint: {hidden_note(hidden)}", err=True)
    return hidden


def _fingerprinted(
    result: LintResult, known: frozenset[str] | None, wanted: bool
) -> tuple[LintResult, tuple[str, ...]]:
    """``result`` without the baseline's ``known`` findings, and its fingerprints if needed."""
    if known is None and not wanted:
        return result, ()
    from guidelint.fingerprint import file_line_reader, fingerprints

    found = fingerprints(result.diagnostics, file_line_reader(Path.cwd()))
    if known is None:
        return result, found
    from guidelint import baseline

    return baseline.without_known(result, found, known)


def _source_lines(output_format: str | None, output: str | None) -> LineReader | None:
    """What shows the source line under a finding: only in the full form."""
    if output_format is None:  # full on a terminal; a pipe or a file stays one line a finding
        output_format = "full" if output is None and sys.stdout.isatty() else "concise"
    if output_format == "concise":
        return None
    from guidelint.fingerprint import file_line_reader

    return file_line_reader(Path.cwd())


def _configs(
    paths: Sequence[Path],
    config_path: Path | None,
    no_cache: bool,
    stdin: tuple[Path, bytes] | None = None,
) -> list[tuple[Config, list[Path]]]:
    """The paths grouped by the config each is checked with (``--config``: one for all).

    For standard input, the one path is its filename, and no cache is read or
    written at all.
    """
    from guidelint.config import configs_for, load_config

    write = stdin is None
    if stdin is not None:
        paths = [stdin[0]]

    if config_path is not None:
        groups = [(load_config(config_path, remember=write), list(paths))]
    else:
        groups = configs_for(paths, remember=write)
    if no_cache or not write:
        groups = [(dataclasses.replace(c, cache_dir=None), group) for c, group in groups]
    return groups


def _stdin(paths: Sequence[Path], stdin_filename: Path | None) -> tuple[Path, bytes] | None:
    """(its filename, the guide) on standard input when the one path is ``-``, else ``None``."""
    if list(paths) != [Path("-")]:
        if stdin_filename is not None:
            raise click.UsageError("--stdin-filename goes with the path '-' (standard input)")
        return None
    return stdin_filename or Path("-"), sys.stdin.buffer.read()


def _lint_groups(
    groups: Sequence[tuple[Config, list[Path]]],
    options: RunOptions,
    content_only: bool,
    staged: bool = False,
    stdin: tuple[Path, bytes] | None = None,
    online: dict[str, Any] | None = None,
) -> LintResult:
    """:func:`_lint_named` over each group of paths, as one result."""
    from guidelint.engine import LintResult, lint, merge_results

    if stdin is not None:  # the one guide on standard input, checked as its filename
        return lint([stdin[0]], groups[0][0], options, stdin=stdin[1])
    results = []
    for config, paths in groups:
        if not staged:
            results.append(_lint_named(paths, config, options, content_only, online))
            continue
        from guidelint import staged as staged_module

        change = staged_module.start(config, Path.cwd())()
        # The staged diff names what changed: history needs no git diff of its own.
        known = dataclasses.replace(options, at_head=tuple(change.at_head.items()))
        named = paths or change.guides
        if named:  # none: no guide staged (lint([]) would check the whole root)
            results.append(_lint_named(named, config, known, True))
        results.append(_lint_referrers(change.referrers, named, config, options))
    return merge_results(results) if results else LintResult((), 0)


def _lint_referrers(
    referrers: Sequence[Path], named: Sequence[Path], config: Config, options: RunOptions
) -> LintResult:
    """Links and ``related`` entries of guides pointing at what a staged change removed."""
    from guidelint.engine import LintResult

    checked = {os.path.abspath(p) for p in named}
    others = [p for p in referrers if os.path.abspath(p) not in checked and p.exists()]
    rule = "related-link"
    if not others or rule in options.ignore or (options.select and rule not in options.select):
        return LintResult((), 0)
    only = dataclasses.replace(options, select=frozenset({rule}))
    return _lint_named(others, config, only, True)


def _lint_and_fix(
    groups: Sequence[tuple[Config, list[Path]]],
    options: RunOptions,
    content_only: bool,
    staged: bool,
    stdin: tuple[Path, bytes] | None,
    online: dict[str, Any],
    fixes: tuple[bool, bool],
) -> tuple[LintResult, str]:
    """The findings, after the fixes asked for (``fixes``: unsafe too, only a diff); their summary.

    ``--fix`` applies the safe fixes (and, with ``--online``, rewrites moved URLs).
    """
    unsafe_fixes, show_diff = fixes
    fixing = online["fix"] or unsafe_fixes or show_diff
    if fixing:
        options = dataclasses.replace(options, fixes=True)
    result = _lint_groups(groups, options, content_only, staged, stdin, online)
    if not fixing:
        return result, ""
    return _fix_groups(result, groups, options, unsafe_fixes, show_diff)


def _fix_groups(
    result: LintResult,
    groups: Sequence[tuple[Config, list[Path]]],
    options: RunOptions,
    unsafe_fixes: bool,
    show_diff: bool,
) -> tuple[LintResult, str]:
    """The findings left after applying the fixes; and a summary of the fixes."""
    if len(groups) > 1:
        raise click.UsageError("--fix and --diff take paths under one config: fix each separately")
    return _fix(result, groups[0][0], options, unsafe_fixes, show_diff)


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
    paths: Sequence[Path],
    config: Config,
    options: RunOptions,
    content_only: bool,
    online: dict[str, Any] | None = None,
) -> LintResult:
    """The findings for ``paths``, with a progress bar on a terminal.

    With ``online["online"]`` set, cited URLs are checked first (``_lint_online``).
    """
    from guidelint.engine import LintResult, lint

    if online and online.get("online"):
        return _lint_online(paths, config, options, content_only, online)

    named = _content_guides(paths, config) if content_only else list(paths)
    if paths and not named:  # only READMEs, docs and the like were named
        return LintResult((), 0)
    progress = Progress(sys.stderr)
    try:
        return lint(named, config, options, progress=progress)
    finally:
        progress.close()


def _lint_online(
    paths: Sequence[Path],
    config: Config,
    options: RunOptions,
    content_only: bool,
    online: dict[str, Any],
) -> LintResult:
    """``_lint_named`` after checking what the guides cite; records the run for ``report``."""
    from guidelint.engine import LintResult, needs_of
    from guidelint.sources.online import check_files, online_run
    from guidelint.sources.record import save_run
    from guidelint.terminal import SourceProgress

    named = _content_guides(paths, config) if content_only else list(paths)
    if paths and not named:
        return LintResult((), 0)
    run = online_run(
        config,
        refresh=online["refresh"],
        offline=online["offline"],
        changed_since=online["changed_since"],
        limits={k: online[k] for k in ("timeout", "concurrency", "per_host")},
    )
    now = dt.datetime.now(dt.UTC)
    if now.date() != options.today:  # --today: cache and record ages count from that day
        now = dt.datetime.combine(options.today, now.time(), dt.UTC)
    progress = SourceProgress(sys.stderr)
    try:
        files, results = check_files(named, config, run, cwd=Path.cwd(), now=now, progress=progress)
    finally:
        progress.close()
    _say_sources(results)
    if online["fix"]:
        _fix_moved(results.values())
    if not files:
        return LintResult((), 0)
    result = _lint_named(
        [Path(f) for f in files], config, dataclasses.replace(options, sources=results), False
    )
    if config.cache_dir is not None:
        online_rules = {d.rule for d in result.diagnostics if "sources" in needs_of([d.rule])}
        found = [d for d in result.diagnostics if d.rule in online_rules]
        save_run(config.cache_dir, result.paths, found, now, cwd=Path.cwd())
    return result


def _say_sources(results: Any) -> None:
    """One line of counts by verdict on stderr, then the unreachable URLs (not findings)."""
    from collections import Counter

    if not results:
        return
    verdicts = Counter(r.verdict for r in results.values())
    counts = ", ".join(
        f"{verdicts[v]} {v}"
        for v in ("alive", "moved", "dead", "unreachable", "skipped")
        if verdicts[v]
    )
    click.echo(f"sources: {len(results)} URL(s): {counts}", err=True)
    unreachable = [r for r in results.values() if r.verdict == "unreachable"]
    for r in unreachable[:20]:
        where = f"{r.citations[0].path}:{r.citations[0].line}" if r.citations else "?"
        click.echo(f"  unreachable {r.url} ({r.detail}), cited at {where}", err=True)
    if len(unreachable) > 20:
        click.echo(f"  ... and {len(unreachable) - 20} more unreachable", err=True)


def _fix_moved(results: Any) -> None:
    """Rewrite moved URLs in place and say where."""
    from guidelint.sources.fix import fix_moved

    for path, count in fix_moved(results, Path.cwd()).items():
        click.echo(f"{path}: rewrote {count} moved URL(s)", err=True)


@cli.command("sources")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@today_option
@config_option
@format_option
@output_option
@click.option("--strict", is_flag=True, help="Moved sources (warnings) fail the run too.")
@fail_on_option
@exit_zero_option
@quiet_option
@click.option("--no-color", is_flag=True, help="No ANSI colors (also: NO_COLOR).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache folder.")
@online_options
@click.pass_context
def sources_command(ctx: click.Context, /, **params: Any) -> None:
    """Check that every URL the guides cite still exists: dead and moved sources.

    Exit codes as for 'check'.  Alive results are cached (policy.source_cache,
    default 7d); failures are always asked again.
    """
    from guidelint.rules import RULES

    online_rules = ",".join(n for n, rule in RULES.items() if "sources" in rule.NEEDS)
    ctx.invoke(
        check,
        **params,
        select=(online_rules,),
        ignore=(),
        diff_base=None,
        baseline_path=None,
        no_baseline=False,
        content_only=False,
        staged=False,
        stdin_filename=None,
        output_format=None,
        statistics=False,
        jobs=None,
        online=True,
    )


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
@click.option("--parents", "-p", is_flag=True, help="Create PATH's missing folders (as mkdir -p).")
@today_option
@config_option
def new_command(
    path: Path,
    title: str,
    owner: str,
    slug: str | None,
    category: str,
    parents: bool,
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
    if not path.parent.is_dir() and not parents:
        raise click.UsageError(f"folder {path.parent} does not exist; add --parents to create it")
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
    text = template.render(meta, schema)
    path.parent.mkdir(parents=True, exist_ok=True)  # only once the guide is known valid
    atomic_write(path, text.encode("utf-8"))
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
    from guidelint.dates import parse_duration
    from guidelint.report import collect
    from guidelint.report_formats import get_renderer

    margin = None
    if due_within is not None:
        margin = parse_duration(due_within)
        if margin is None:
            raise click.BadParameter(f"'{due_within}' is not a window like 30d, 2w or 3mo")
    day = _today(today)
    config = _one_config(paths, config_path)
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


@cli.command("init")
@click.option(
    "--content-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the site's Markdown pages are (default: found from the site generator).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing .guidelint.yaml.")
@today_option
def init_command(content_root: Path | None, force: bool, today: str | None) -> None:
    """Write a starter .guidelint.yaml for the site in this folder, then check it once."""
    from guidelint.config import CONFIG_NAMES, find_config, load_config
    from guidelint.fileio import atomic_write
    from guidelint.init import PRE_COMMIT_SNIPPET, config_text, detect

    site = Path.cwd()
    existing = find_config(site)
    if existing is not None and existing.parent == site and not force:
        click.echo(
            f"guidelint: error: {existing.name} already exists; --force replaces it", err=True
        )
        raise SystemExit(2)
    if content_root is not None and not content_root.is_dir():
        raise click.BadParameter(f"{content_root} is not a folder", param_hint="--content-root")
    starter = detect(site, content_root)
    target = site / CONFIG_NAMES[0]
    atomic_write(target, config_text(starter).encode("utf-8"))
    click.echo(
        f"{starter.generator} site (by its {starter.found_by}): {starter.with_front_matter} of "
        f"{starter.files} guide(s) under {starter.content_root} have front matter."
    )
    click.echo(f"Wrote {target.name}:\n\n{config_text(starter)}")
    click.echo(f"Add to .pre-commit-config.yaml:\n\n{PRE_COMMIT_SNIPPET}")
    _first_check(load_config(target), _today(today))


def _first_check(config: Config, day: dt.date) -> None:
    """``init``'s closing check of the whole content root, summed up by rule."""
    from collections import Counter

    options = _run_options(day, (), (), None, None)
    result = _lint_named([config.content_root], config, options, False)
    by_rule = Counter(d.rule for d in result.diagnostics)
    errors = sum(1 for d in result.diagnostics if d.severity == "error")
    files = len({d.path for d in result.diagnostics})
    click.echo(
        f"First check: {errors} error(s) and {len(result.diagnostics) - errors} warning(s) "
        f"in {files} of {result.files} guide(s)."
    )
    for rule, count in by_rule.most_common():
        click.echo(f"  {rule}: {count}")
    click.echo("Run 'guidelint check' for the findings, 'guidelint explain RULE' for a rule.")


def _one_config(paths: Sequence[Path], config_path: Path | None) -> Config:
    """The config found from ``paths`` (or ``--config``); one report has one policy."""
    from guidelint.config import configs_for, load_config

    if config_path is not None:
        return load_config(config_path)
    groups = configs_for(paths)
    if len(groups) > 1:
        raise click.UsageError(
            f"{groups[0][1][0]} and {groups[1][1][0]} have different configs "
            f"({groups[0][0].source}, {groups[1][0].source}): report on each separately"
        )
    return groups[0][0]


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
