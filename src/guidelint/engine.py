"""Running the rules over files: the library entry point behind ``check``.

``lint(paths, options)`` finds the guides, builds the slug index of the whole
content root (cross-guide rules need it even when one file is checked), runs
every active rule on each parsed guide, applies suppressions and the
configured severities, and returns sorted findings.  It never prints and
never exits; the CLI does both.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidelint import DATA, suppression
from guidelint.config import Config, RuleSetting
from guidelint.context import Context, CorpusIndex
from guidelint.diagnostic import Diagnostic
from guidelint.errors import ConfigError, UsageError
from guidelint.guide import Guide, ParseProblem, read_guide
from guidelint.paths import display_path, is_guide_folder, is_guide_name
from guidelint.rules import RULES

if TYPE_CHECKING:
    from guidelint.schema_cache import SchemaResults

CROSS_GUIDE_RULES = frozenset({"related-link", "duplicate-slug"})
HISTORY_RULE = "updated-not-bumped"  # the rule that compares with git
# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 64
# About this many files go to a worker at a time in a parallel run.
CHUNK_FILES = 100
# The rules that run on a file (name -> severity) and their options.
Plan = tuple[dict[str, str], dict[str, Mapping[str, Any]]]


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Everything about one run that is not in the config."""

    today: dt.date
    select: frozenset[str] = frozenset()  # empty: every rule
    ignore: frozenset[str] = frozenset()
    jobs: int = 1
    diff_base: str | None = None  # compare with git at this revision (default: HEAD)


@dataclass(frozen=True, slots=True)
class LintResult:
    """The sorted findings of a run and how many files were checked."""

    diagnostics: tuple[Diagnostic, ...]
    files: int
    paths: tuple[str, ...] = field(default=())
    # (display path, value) of lint(collect=...) for each file, in path order.
    collected: tuple[tuple[str, Any], ...] = field(default=())


def discover(paths: Sequence[Path], config: Config) -> list[Path]:
    """The guide files named by ``paths`` (files as given, folders walked), sorted."""
    return [Path(p) for p in discover_names(paths, config)]


def discover_names(paths: Sequence[Path], config: Config) -> list[str]:
    """:func:`discover` as plain strings: a Path per file costs memory in a large run."""
    found: list[str] = []
    for path in paths:
        if path.is_symlink() and not path.exists():
            found.append(str(path))  # dangling: reported as unreadable, not silently dropped
        elif path.is_dir():
            found.extend(_walk_names(str(path), config))
        elif path.exists() or path.is_symlink():
            found.append(str(path))
        else:
            raise UsageError(f"path does not exist: {path}")
    if len(paths) > 1:
        # A file named twice is checked once, however it is spelt ("x.md",
        # "./x.md", its absolute path, or through its folder).
        first: dict[str, str] = {}
        for name in found:
            first.setdefault(os.path.abspath(name), name)
        found = list(first.values())
    # Sorted in place, by the text itself where "/" is the separator: no
    # second list or key per path (a large run has tens of thousands).
    if os.sep == "/":
        found.sort()
    else:  # pragma: no cover - Windows
        found.sort(key=lambda p: p.replace(os.sep, "/"))
    return found


def _walk_names(folder: str, config: Config) -> Iterable[str]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if is_guide_folder(d))
        for name in sorted(files):
            if is_guide_name(name):
                path = os.path.join(root, name)
                if not config.exclude or not config.is_excluded(Path(path)):
                    yield path
        # A folder named like a guide is still a folder: never a guide.


@lru_cache(maxsize=4)
def load_schema_validator(schema_path: str | None) -> Any:
    """The JSON Schema validator for guides; a broken schema is a config error.

    The packaged schema gets a compiled yes/no check in front of jsonschema
    (see :mod:`guidelint.schema_quick`); the test suite checks it against its
    metaschema once.  A user's schema is checked here (~75 ms) and used as is.
    """
    if schema_path is None:
        from guidelint.schema_quick import packaged_validator

        return packaged_validator(DATA / "guide.schema.json")
    import jsonschema

    try:
        schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
        cls.check_schema(schema)
    except (OSError, ValueError, RecursionError) as exc:
        raise ConfigError(f"cannot load the guide schema {schema_path}: {exc}") from exc
    except jsonschema.SchemaError as exc:
        raise ConfigError(
            f"the guide schema {schema_path} is not a valid JSON Schema: {exc.message}"
        ) from exc
    return cls(schema)


def read_file(path: Path, display: str, config: Config) -> Guide:
    """Read and parse one file; problems reading it become findings, not exceptions."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return _unreadable(display, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):  # reading a pipe or a device could block forever
            return _unreadable(display, "not a regular file (a pipe, socket or device)")
        size = info.st_size
        if size > config.max_file_size:
            message = (
                f"file is {size} bytes, over max_file_size ({config.max_file_size}); not checked"
            )
            return Guide(display, b"", (ParseProblem("file-too-large", 1, 1, message),))
        data = path.read_bytes()
    except IsADirectoryError:
        return _unreadable(display, "is a directory, not a file")
    except PermissionError:
        return _unreadable(display, "permission denied")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _unreadable(display, "symbolic link loop")
        if isinstance(exc, FileNotFoundError) and path.is_symlink():
            return _unreadable(display, f"dangling symbolic link to {os.readlink(path)}")
        return _unreadable(display, exc.strerror or str(exc))
    return read_guide(display, data, config.keys)


def _unreadable(display: str, why: str) -> Guide:
    return Guide(display, b"", (ParseProblem("unreadable-file", 1, 1, f"cannot read file: {why}"),))


def active_rules(options: RunOptions, settings: dict[str, RuleSetting]) -> dict[str, str]:
    """Rule name -> severity for every rule that runs on a file with ``settings``."""
    active: dict[str, str] = {}
    for name, rule in RULES.items():
        if options.select and name not in options.select:
            continue
        if name in options.ignore:
            continue
        setting = settings.get(name)
        severity = setting.severity if setting and setting.severity else rule.SEVERITY
        if severity != "off":
            active[name] = severity
    return active


def build_index(
    config: Config, files: Sequence[str | Path], cwd: Path, paths: Sequence[Path] = ()
) -> CorpusIndex:
    """Slugs of every guide under the content root and of the files being checked.

    Without a content root on disk, the folders named on the command line
    stand in for it (and get its cache).
    """
    from guidelint.slug_index import collect_slugs

    if config.content_root.is_dir():
        roots = [config.content_root]
    else:
        roots = [p for p in paths if p.is_dir() and not p.is_symlink()]
    slugs = collect_slugs(roots, files, config, cwd)
    return CorpusIndex(slugs)


def lint_file(
    path: Path,
    display: str,
    config: Config,
    options: RunOptions,
    index: CorpusIndex,
    previous: bytes | None = None,
    on_guide: Callable[[Guide, Context], None] | None = None,
    schema_results: SchemaResults | None = None,
    plans: dict[tuple[int, ...], Plan] | None = None,
) -> list[Diagnostic]:
    """All findings for one file, suppressions and severities applied, sorted.

    ``previous`` is the file's content at the compared git revision, if any.
    ``on_guide`` sees the parsed guide after the rules, so a caller that needs
    more than findings (the freshness report) does not parse the file again.
    ``schema_results``, for small runs, remembers the schema rule's verdict
    per front matter so that jsonschema is imported only when one changed.
    ``plans`` remembers, across the files of a run, which rules run with
    which options for each set of matching overrides (usually just one).
    """
    matched = config.matching_overrides(path)
    plan = plans.get(matched) if plans is not None else None
    if plan is None:
        settings = config.settings_with(matched)
        plan = (active_rules(options, settings), {n: s.options for n, s in settings.items()})
        if plans is not None:
            plans[matched] = plan
    active, rule_options = plan
    guide = read_file(path, display, config)
    before = None
    if previous is not None and HISTORY_RULE in active:
        before = read_guide(display, previous, config.keys)
    run_schema = "schema" in active and config.schema_enabled
    remembered: list[Diagnostic] | None = None
    schema_key = ""
    if run_schema and schema_results is not None and guide.meta is not None:
        schema_key = schema_results.key(guide)
        cached = schema_results.get(schema_key)
        if cached is not None:
            severity = RULES["schema"].SEVERITY
            remembered = [
                Diagnostic(guide.path, *item[:2], "schema", severity, item[2]) for item in cached
            ]
    validator = None
    if run_schema and remembered is None:
        validator = load_schema_validator(str(config.schema) if config.schema else None)
    ctx = Context(
        today=options.today,
        policy=config.policy,
        options=rule_options,
        index=index,
        pay_words=config.pay_words,
        schema=validator,
        file_path=path,
        previous=before,
        previous_rev=options.diff_base or "HEAD",
    )
    found: list[Diagnostic] = []
    # Not ``source == b""``: an empty file was read fine and has no front matter.
    reading_failed = any(p.rule in ("file-too-large", "unreadable-file") for p in guide.problems)
    for name in active:
        if reading_failed and name not in ("file-too-large", "unreadable-file"):
            continue
        if name == "schema" and remembered is not None:
            found.extend(remembered)
            continue
        results = list(RULES[name].check(guide, ctx))
        if name == "schema" and schema_key and schema_results is not None:
            schema_results.put(schema_key, [(d.line, d.column, d.message) for d in results])
        found.extend(results)
    found = suppression.apply(guide, found, active, RULES)
    if on_guide is not None:
        on_guide(guide, ctx)
    result = [
        d if d.severity == active.get(d.rule, d.severity) else replace(d, severity=active[d.rule])  # type: ignore[arg-type]
        for d in found
    ]
    return sorted(result)


def _lint_chunk(
    chunk: list[tuple[str, str, bytes | None]],
    config: Config,
    options: RunOptions,
    index: CorpusIndex,
    collect: Callable[[Guide, Context], Any] | None = None,
    schema_results: SchemaResults | None = None,
    plans: dict[tuple[int, ...], Plan] | None = None,
) -> tuple[list[Diagnostic], list[tuple[str, Any]]]:
    out: list[Diagnostic] = []
    collected: list[tuple[str, Any]] = []
    plans = {} if plans is None else plans

    def keep(guide: Guide, ctx: Context) -> None:
        assert collect is not None
        collected.append((guide.path, collect(guide, ctx)))

    for name, display, previous in chunk:
        out.extend(
            lint_file(
                Path(name),
                display,
                config,
                options,
                index,
                previous,
                keep if collect else None,
                schema_results,
                plans,
            )
        )
    return out, collected


# What a pool worker needs for every chunk, set once by _init_worker.
_WORKER: tuple[Config, RunOptions, CorpusIndex, Callable[[Guide, Context], Any] | None] | None = (
    None
)


def _init_worker(
    config: Config,
    options: RunOptions,
    index: CorpusIndex,
    collect: Callable[[Guide, Context], Any] | None,
) -> None:
    global _WORKER
    _WORKER = (config, options, index, collect)


def _lint_in_worker(
    chunk: list[tuple[str, str, bytes | None]],
) -> tuple[list[Diagnostic], list[tuple[str, Any]]]:
    assert _WORKER is not None, "the pool's initializer did not run"
    config, options, index, collect = _WORKER
    return _lint_chunk(chunk, config, options, index, collect)


def _needs_history(options: RunOptions, config: Config) -> bool:
    return HISTORY_RULE in active_rules(options, dict(config.rules)) or any(
        HISTORY_RULE in override.rules for override in config.overrides
    )


def lint(
    paths: Sequence[Path],
    config: Config,
    options: RunOptions,
    cwd: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    collect: Callable[[Guide, Context], Any] | None = None,
) -> LintResult:
    """Check ``paths`` (default: the content root) and return every finding.

    ``progress``, if given, is called as ``progress(files_just_done, total_files)``.
    ``collect``, if given, is called with each parsed guide and its context
    (in a worker process when the run is parallel, so it must be a picklable
    module-level function); its results are ``LintResult.collected``.
    """
    cwd = cwd or Path.cwd()
    if not paths:
        if not config.content_root.is_dir():
            raise UsageError(
                f"content root {config.content_root} is not a folder; name paths to check"
            )
        paths = [config.content_root]
    for name in (*options.select, *options.ignore):
        if name not in RULES:
            raise UsageError(f"unknown rule '{name}' (see 'guidelint rules')")
    if config.schema_enabled and config.schema is not None and "schema" not in options.ignore:
        # A broken schema of the user's is a config error (exit 2) before any
        # file is read.  The packaged schema is known good: it is only loaded
        # when a front matter needs validating.
        load_schema_validator(str(config.schema))
    names = discover_names(paths, config)
    needs_index = any(
        n in CROSS_GUIDE_RULES
        and (not options.select or n in options.select)
        and n not in options.ignore
        for n in RULES
    )
    index = build_index(config, names, cwd, paths) if needs_index else CorpusIndex()
    history: dict[str, bytes] = {}
    if _needs_history(options, config):
        from guidelint.history import previous_versions

        history = previous_versions(names, options.diff_base, cwd)
    # Plain strings until each file's turn: a Path apiece adds up in a large run.
    work = [
        (name, display_path(name, cwd), history.get(name) if history else None) for name in names
    ]
    diagnostics: list[Diagnostic] = []
    collected: list[tuple[str, Any]] = []
    if options.jobs > 1 and len(work) >= PARALLEL_THRESHOLD:
        # Small chunks, dealt in turn: a worker that finishes early takes
        # the next one, so neither core idles long at the end of the run.
        count = max(options.jobs * 4, len(work) // CHUNK_FILES)
        chunks = [work[i::count] for i in range(count)]
        from concurrent.futures import ProcessPoolExecutor, as_completed  # only parallel runs pay

        # The config and the index go to each worker once, at its start (by
        # fork on Linux: no pickling at all), not with every chunk.
        with ProcessPoolExecutor(
            max_workers=options.jobs,
            initializer=_init_worker,
            initargs=(config, options, index, collect),
        ) as pool:
            futures = {pool.submit(_lint_in_worker, c): len(c) for c in chunks if c}
            for future in as_completed(futures):
                found, values = future.result()
                diagnostics.extend(found)
                collected.extend(values)
                if progress:
                    progress(futures[future], len(work))
    else:
        schema_results = None
        # Only small runs (pre-commit) remember schema verdicts: they are
        # where skipping the jsonschema import matters, and a full run
        # should not leave a cache file per guide behind.
        if (
            config.cache_dir is not None
            and config.schema_enabled
            and len(work) < PARALLEL_THRESHOLD
        ):
            from guidelint.schema_cache import SchemaResults

            schema_results = SchemaResults(config)
        plans: dict[tuple[int, ...], Plan] = {}
        for item in work:
            found, values = _lint_chunk(
                [item], config, options, index, collect, schema_results, plans
            )
            diagnostics.extend(found)
            collected.extend(values)
            if progress:
                progress(1, len(work))
    diagnostics.sort()
    collected.sort(key=lambda pair: pair[0])
    return LintResult(tuple(diagnostics), len(work), tuple(d for _, d, _ in work), tuple(collected))
