"""Running the rules over files: the library entry point behind ``check``.

``lint(paths, options)`` finds the guides, builds the slug index of the whole
content root (cross-guide rules need it even when one file is checked), runs
every active rule on each parsed guide, applies suppressions and the
configured severities, and returns sorted findings.  It never prints and
never exits; the CLI does both.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidelint import DATA, suppression
from guidelint.config import Config, RuleSetting
from guidelint.context import Context, CorpusIndex
from guidelint.diagnostic import Diagnostic
from guidelint.errors import ConfigError, UsageError
from guidelint.guide import Guide, read_data, read_file, read_guide
from guidelint.paths import display_path, is_guide_folder, is_guide_name
from guidelint.rules import RULES, Rule

if TYPE_CHECKING:
    from guidelint.history import Previous
    from guidelint.schema_cache import FrontMatterVerdicts
    from guidelint.sources.model import Result

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
    # (absolute path, blob id at HEAD) of each staged modified guide, when the
    # staged change was read already (check --staged): git is not asked again.
    at_head: tuple[tuple[str, str], ...] | None = None
    # URL -> checked result, from a run that may use the network (`sources`,
    # `check --online`); None: rules that need it do not run.
    sources: Mapping[str, Result] | None = None
    # Findings carry their fixes: remembered schema verdicts (which keep none) are not used.
    fixes: bool = False


@dataclass(frozen=True, slots=True)
class LintResult:
    """The sorted findings of a run and how many files were checked."""

    diagnostics: tuple[Diagnostic, ...]
    files: int
    paths: tuple[str, ...] = field(default=())
    # (display path, value) of lint(collect=...) for each file, in path order.
    collected: tuple[tuple[str, Any], ...] = field(default=())


def merge_results(results: Sequence[LintResult]) -> LintResult:
    """One result from the runs over several groups of files (one per config)."""
    if len(results) == 1:
        return results[0]
    diagnostics = sorted(d for r in results for d in r.diagnostics)
    paths = tuple(sorted(p for r in results for p in r.paths))
    collected = tuple(sorted((c for r in results for c in r.collected), key=lambda c: c[0]))
    return LintResult(tuple(diagnostics), sum(r.files for r in results), paths, collected)


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
    return cls(schema, registry=_local_registry())


def _local_registry() -> Any:
    """The metaschemas, and nothing fetched: jsonschema would otherwise GET a remote ``$ref``."""
    import referencing
    from jsonschema_specifications import REGISTRY  # type: ignore[import-untyped]
    from referencing.exceptions import NoSuchResource

    def refuse(uri: str) -> Any:
        raise NoSuchResource(ref=uri)  # type: ignore[call-arg]

    return REGISTRY.combine(referencing.Registry(retrieve=refuse))  # type: ignore[call-arg]


def active_rules(options: RunOptions, settings: Mapping[str, RuleSetting]) -> dict[str, str]:
    """Rule name -> severity for every rule that runs on a file with ``settings``."""
    active: dict[str, str] = {}
    for name, rule in RULES.items():
        if options.select and name not in options.select:
            continue
        if name in options.ignore or not provided(rule.NEEDS, options):
            continue
        setting = settings.get(name)
        severity = setting.severity if setting and setting.severity else rule.SEVERITY
        if severity != "off":
            active[name] = severity
    return active


def provided(needs: frozenset[str], options: RunOptions) -> bool:
    """Whether this run can give a rule everything in ``needs``.

    Results from the network exist only when the caller checked the sources;
    a plain ``check`` never does, so rules that need them sit out.
    """
    return "sources" not in needs or options.sources is not None


def build_index(
    config: Config,
    files: Sequence[str | Path],
    cwd: Path,
    paths: Sequence[Path] = (),
    contents: Mapping[str, bytes] | None = None,
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
    slugs = collect_slugs(roots, files, config, cwd, contents=contents)
    return CorpusIndex(slugs)


def lint_file(
    path: Path,
    display: str,
    config: Config,
    options: RunOptions,
    index: CorpusIndex,
    previous: bytes | None = None,
) -> list[Diagnostic]:
    """All findings for one file, suppressions and severities applied, sorted.

    ``previous`` is the file's content at the compared git revision, if any.
    """
    return _Checker(config, options, index).check(path, display, previous)[0]


def check_source(
    path: Path,
    display: str,
    data: bytes,
    config: Config,
    options: RunOptions,
    index: CorpusIndex,
    previous: bytes | None = None,
) -> list[Diagnostic]:
    """:func:`lint_file` on ``data`` as the content of ``path``: an editor's unsaved
    buffer, or a fixed file before it is written.  Reads and writes no file."""
    return _Checker(config, options, index).check(path, display, previous, data)[0]


class _Checker:
    """Checks files one by one with what a run shares: config, index, plans, memory."""

    def __init__(
        self,
        config: Config,
        options: RunOptions,
        index: CorpusIndex,
        verdicts: FrontMatterVerdicts | None = None,
        committed: dt.date | None = None,
        contents: Mapping[str, bytes] | None = None,
    ) -> None:
        self.contents = contents or {}  # text not read from disk (standard input), by name
        self.config = config
        self.options = options
        self.index = index
        self.verdicts = verdicts
        self.committed = committed  # the day of the commit compared with
        # Which rules run with which options, per set of matching overrides
        # (usually just one per run).
        self.plans: dict[tuple[int, ...], Plan] = {}

    def plan(self, path: Path) -> Plan:
        """The rules that run on ``path`` (name -> severity) and their options."""
        matched = self.config.matching_overrides(path)
        plan = self.plans.get(matched)
        if plan is None:
            settings = self.config.settings_with(matched)
            plan = (
                active_rules(self.options, settings),
                {n: s.options for n, s in settings.items()},
            )
            self.plans[matched] = plan
        return plan

    def context(
        self, path: Path, guide: Guide, previous: bytes | None, active: Iterable[str]
    ) -> Context:
        """What the active rules need besides the guide, and nothing they do not."""
        needs = needs_of(active)
        before = None
        if previous is not None and "history" in needs:
            before = read_guide(guide.path, previous, self.config.keys)
        schema = self.config.schema if "schema" in needs and self.config.schema_enabled else False
        return Context(
            today=self.options.today,
            policy=self.config.policy,
            options=self.plan(path)[1],
            index=self.index,
            pay_words=self.config.pay_words,
            schema_loader=None
            if schema is False
            else partial(load_schema_validator, str(schema) if schema else None),
            file_path=path,
            previous=before,
            previous_rev=self.options.diff_base or "HEAD",
            previous_day=self.committed if before is not None else None,
            sources=self.options.sources if "sources" in needs else None,
        )

    def check(
        self, path: Path, display: str, previous: bytes | None, data: bytes | None = None
    ) -> tuple[list[Diagnostic], Guide, Context]:
        """The findings for one file (or ``data`` as its content), the guide and context."""
        active, _ = self.plan(path)
        if data is None:
            data = self.contents.get(str(path))
        if data is None:
            guide = read_file(path, display, self.config.max_file_size, self.config.keys)
        else:
            guide = read_data(display, data, self.config.max_file_size, self.config.keys)
        ctx = self.context(path, guide, previous, active)
        found: list[Diagnostic] = []
        for name in active:
            rule = RULES[name]
            if guide.readable or "unreadable" in rule.NEEDS:
                found.extend(self.run_rule(rule, guide, ctx))
        found = suppression.apply(guide, found, active, RULES)
        return sorted(_with_severity(found, active)), guide, ctx

    def run_rule(self, rule: Rule, guide: Guide, ctx: Context) -> list[Diagnostic]:
        """``rule``'s findings; remembered per front matter for a rule that needs the schema."""
        if "schema" not in rule.NEEDS or self.verdicts is None or guide.meta is None:
            return list(rule.check(guide, ctx))
        key = self.verdicts.key(rule.NAME, guide)
        remembered = self.verdicts.get(key)
        if remembered is not None:
            name, severity = rule.NAME, rule.SEVERITY
            return [
                Diagnostic(guide.path, line, column, name, severity, message, end_line, end_col)
                for line, column, message, end_line, end_col in remembered
            ]
        found = list(rule.check(guide, ctx))
        self.verdicts.put(
            key, [(d.line, d.column, d.message, d.end_line, d.end_column) for d in found]
        )
        return found

    def check_chunk(
        self,
        chunk: Sequence[tuple[str, str, bytes | None]],
        collect: Callable[[Guide, Context], Any] | None,
    ) -> tuple[list[Diagnostic], list[tuple[str, Any]]]:
        """Findings (and collected values) for ``(name, display, previous)`` items."""
        out: list[Diagnostic] = []
        collected: list[tuple[str, Any]] = []
        for name, display, previous in chunk:
            found, guide, ctx = self.check(Path(name), display, previous)
            out.extend(found)
            if collect is not None:
                collected.append((guide.path, collect(guide, ctx)))
        return out, collected


def needs_of(names: Iterable[str]) -> frozenset[str]:
    """Everything the rules called ``names`` need from the engine."""
    return frozenset().union(*(RULES[name].NEEDS for name in names))


def _with_severity(found: Iterable[Diagnostic], active: Mapping[str, str]) -> list[Diagnostic]:
    """``found`` with each finding at its rule's configured severity."""
    return [
        d if d.severity == active.get(d.rule, d.severity) else replace(d, severity=active[d.rule])  # type: ignore[arg-type]
        for d in found
    ]


# What a pool worker needs for every chunk, set once by _init_worker.
_WORKER: tuple[_Checker, Callable[[Guide, Context], Any] | None] | None = None


def _init_worker(
    config: Config,
    options: RunOptions,
    index: CorpusIndex,
    collect: Callable[[Guide, Context], Any] | None,
    committed: dt.date | None = None,
) -> None:
    global _WORKER
    _WORKER = (_Checker(config, options, index, committed=committed), collect)


def _lint_in_worker(
    chunk: list[tuple[str, str, bytes | None]],
) -> tuple[list[Diagnostic], list[tuple[str, Any]]]:
    assert _WORKER is not None, "the pool's initializer did not run"
    checker, collect = _WORKER
    return checker.check_chunk(chunk, collect)


def _run_needs(options: RunOptions, config: Config) -> frozenset[str]:
    """What any rule this run may use needs, in the config or any override."""
    settings = [
        dict(config.rules),
        *(config.settings_with((i,)) for i in range(len(config.overrides))),
    ]
    return needs_of({name for s in settings for name in active_rules(options, s)})


def lint(
    paths: Sequence[Path],
    config: Config,
    options: RunOptions,
    cwd: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    collect: Callable[[Guide, Context], Any] | None = None,
    stdin: bytes | None = None,
) -> LintResult:
    """Check ``paths`` (default: the content root) and return every finding.

    ``progress``, if given, is called as ``progress(files_just_done, total_files)``.
    ``collect``, if given, is called with each parsed guide and its context
    (in a worker process when the run is parallel, so it must be a picklable
    module-level function); its results are ``LintResult.collected``.
    ``stdin``, if given, is the text of the one path named (which need not
    exist): it is checked as if it were that file.
    """
    cwd = cwd or Path.cwd()
    paths, names, contents = _named(paths, config, options, stdin)
    needs = _run_needs(options, config)
    index = build_index(config, names, cwd, paths, contents) if "corpus" in needs else CorpusIndex()
    history: Mapping[str, bytes] = {}
    committed = None
    if "history" in needs:
        previous = _previous(names, options, cwd, bool(contents))
        history, committed = previous.versions, previous.committed
    # Plain strings until each file's turn: a Path apiece adds up in a large run.
    work = [(name, display_path(name, cwd), history.get(name)) for name in names]
    if options.jobs > 1 and len(work) >= PARALLEL_THRESHOLD:
        diagnostics, collected = _lint_parallel(
            work, config, options, index, progress, collect, committed
        )
    else:
        verdicts = None if options.fixes else _verdicts(config, len(work))
        checker = _Checker(config, options, index, verdicts, committed, contents)
        diagnostics, collected = [], []
        for item in work:
            found, values = checker.check_chunk([item], collect)
            diagnostics.extend(found)
            collected.extend(values)
            if progress:
                progress(1, len(work))
    diagnostics.sort()
    collected.sort(key=lambda pair: pair[0])
    return LintResult(tuple(diagnostics), len(work), tuple(d for _, d, _ in work), tuple(collected))


def _named(
    paths: Sequence[Path], config: Config, options: RunOptions, stdin: bytes | None
) -> tuple[Sequence[Path], list[str], dict[str, bytes]]:
    """(the paths checked, the files to check, {file: text not on disk}) of a run."""
    if stdin is None:
        paths = _checked_paths(paths, config, options)
        names = discover_names(paths, config)
        if not names:  # an empty folder, or a folder named like a guide: nothing was checked
            raise UsageError(no_guides_message(paths))
        return paths, names, {}
    if len(paths) != 1:
        raise UsageError("standard input is checked as exactly one path")
    _checked_paths(paths, config, options)
    # The one file is checked as named; no folder stands in for the root.
    return [p for p in paths if p.is_dir()], [str(paths[0])], {str(paths[0]): stdin}


def _previous(names: Sequence[str], options: RunOptions, cwd: Path, every: bool) -> Previous:
    """The versions the history rules compare with, read from git."""
    from guidelint import history  # runs git: only when a rule compares

    if options.at_head is not None and options.diff_base is None and not every:
        return history.previous_blobs(names, dict(options.at_head), cwd)
    return history.previous_state(names, options.diff_base, cwd, every=every)


def no_guides_message(paths: Sequence[Path]) -> str:
    """What a run that found no guide under ``paths`` says."""
    return f"no guides found under {', '.join(str(p) for p in paths)}"


def _checked_paths(paths: Sequence[Path], config: Config, options: RunOptions) -> Sequence[Path]:
    """The paths to check (the content root if none), after checking the run's options."""
    for name in (*options.select, *options.ignore):
        if name not in RULES:
            from guidelint.hints import suggestion

            hint = suggestion(name, RULES) or " (see 'guidelint rules')"
            raise UsageError(f"unknown rule '{name}'{hint}")
    if (
        config.schema_enabled
        and config.schema is not None
        and "schema" in _run_needs(options, config)
    ):
        # A broken schema of the user's is a config error (exit 2) before any
        # file is read.  The packaged schema is known good: it is only loaded
        # when a front matter needs validating.
        load_schema_validator(str(config.schema))
    if paths:
        return paths
    if not config.content_root.is_dir():
        raise UsageError(f"content root {config.content_root} is not a folder; name paths to check")
    return [config.content_root]


def _verdicts(config: Config, files: int) -> FrontMatterVerdicts | None:
    """The remembered front-matter verdicts, for small runs only.

    Small runs (pre-commit) are where skipping the jsonschema import matters,
    and a full run should not leave a cache file per guide behind.
    """
    if config.cache_dir is None or not config.schema_enabled or files >= PARALLEL_THRESHOLD:
        return None
    from guidelint.schema_cache import FrontMatterVerdicts

    return FrontMatterVerdicts(config)


def _lint_parallel(
    work: list[tuple[str, str, bytes | None]],
    config: Config,
    options: RunOptions,
    index: CorpusIndex,
    progress: Callable[[int, int], None] | None,
    collect: Callable[[Guide, Context], Any] | None,
    committed: dt.date | None = None,
) -> tuple[list[Diagnostic], list[tuple[str, Any]]]:
    """Check ``work`` in a process pool of ``options.jobs`` workers."""
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only parallel runs pay

    # Small chunks, dealt in turn: a worker that finishes early takes the
    # next one, so neither core idles long at the end of the run.
    count = max(options.jobs * 4, len(work) // CHUNK_FILES)
    chunks = [work[i::count] for i in range(count)]
    diagnostics: list[Diagnostic] = []
    collected: list[tuple[str, Any]] = []
    # The config and the index go to each worker once, at its start (by fork
    # on Linux: no pickling at all), not with every chunk.
    with ProcessPoolExecutor(
        max_workers=options.jobs,
        initializer=_init_worker,
        initargs=(config, options, index, collect, committed),
    ) as pool:
        futures = {pool.submit(_lint_in_worker, c): len(c) for c in chunks if c}
        for future in as_completed(futures):
            found, values = future.result()
            diagnostics.extend(found)
            collected.extend(values)
            if progress:
                progress(futures[future], len(work))
    return diagnostics, collected
