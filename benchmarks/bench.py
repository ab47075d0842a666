"""Time ``guidelint check`` against a floor, markdownlint-cli2 and a bare import.

Run by hand, not by the test suite::

    .venv/bin/python benchmarks/bench.py [--runs 5] [--sizes 1000,10000] [--out benchmarks/out]

For each size it generates a corpus with ``benchmarks/gen_corpus.py`` (cached
under ``OUT/corpora`` by size, seed and defect rate), installs markdownlint-cli2
with npm once (cached under ``OUT/npm``), then times whole processes:

- whole corpus: ``guidelint check --jobs 1`` and ``--jobs 2``, the floor script
  (``benchmarks/floor.py``) with ``--jobs 1`` and ``--jobs 2``, the floor with
  bare pyromark, and markdownlint-cli2 on the same files;
- one staged guide in the content root: ``guidelint check FILE`` with a warm
  slug cache, the same with the cache removed before each run, and
  ``python -c "import click, yaml, jsonschema"``.

Every comparison is warmed up once, then run ``--runs`` rounds; in each round
every command of the comparison runs once, in turn, the order reversed every
other round, so drift of a shared machine falls on all commands alike.  Wall
time is ``time.perf_counter`` around the process; peak RSS is the command's
own ``ru_maxrss`` as GNU time reports it (``%M``: the largest single process
in its tree, so a pool worker counts if it is bigger than the parent).  Medians are reported,
the targets of issue 5 are checked (PASS/FAIL), and a Markdown report is
printed and written to ``OUT/results.md`` (raw samples in ``OUT/results.json``).

Every command imports a copy of ``src/guidelint`` taken when the run starts
(through PYTHONPATH), so edits made to ``src/`` during a run do not mix two
versions of the code into one table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
TODAY = "2026-11-26"  # the generated corpus is written to be linted on this day
DEFECT_RATE = 0.3

# Keys of the commands; the targets below refer to them.
GL1, GL2 = "guidelint-j1", "guidelint-j2"
FLOOR1, FLOOR2, BARE2 = "floor-j1", "floor-j2", "floor-bare-j2"
MDL = "markdownlint-cli2"
STAGED_WARM, STAGED_COLD, IMPORT = "staged-warm", "staged-cold", "import"

LABELS = {
    GL1: "`guidelint check --jobs 1`",
    GL2: "`guidelint check --jobs 2`",
    FLOOR1: "floor, `--jobs 1`",
    FLOOR2: "floor, `--jobs 2` (reference)",
    BARE2: "floor, bare pyromark, `--jobs 2` (info)",
    MDL: "markdownlint-cli2",
    STAGED_WARM: "`guidelint check FILE` (warm slug cache)",
    STAGED_COLD: "`guidelint check FILE` (no cache, info)",
    IMPORT: '`python -c "import click, yaml, jsonschema"`',
}

# (name, numerator, denominator, limit): ratios of median wall time, per size.
CORPUS_TARGETS = (
    ("`--jobs 2` / floor `--jobs 2`", GL2, FLOOR2, 1.3),
    ("`--jobs 2` / markdownlint-cli2", GL2, MDL, 0.1),
)
STAGED_TARGET = ("staged guide, warm / bare import", STAGED_WARM, IMPORT, 1.3)
MEMORY_LIMIT = 1.5  # peak RSS at the largest size over the smallest
MEMORY_KEYS = (GL1, GL2)


# -- measuring ------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    """One command of a comparison, run as a whole process."""

    key: str
    argv: tuple[str, ...]
    cwd: Path
    ok_codes: frozenset[int] = frozenset({0})
    before: Callable[[], None] | None = None  # untimed, before every run
    env: Mapping[str, str] | None = None  # set on top of this process's environment


@dataclass
class Samples:
    """Every timed run of one command."""

    wall: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Stats:
    """Medians (and range) of one command's runs: what the report shows."""

    wall: float
    rss_mib: float
    low: float = 0.0
    high: float = 0.0
    runs: int = 0

    @classmethod
    def of(cls, samples: Samples) -> Stats:
        return cls(
            wall=statistics.median(samples.wall),
            rss_mib=statistics.median(samples.rss_kib) / 1024,
            low=min(samples.wall),
            high=max(samples.wall),
            runs=len(samples.wall),
        )


class BenchError(Exception):
    """A command failed in a way that makes its timings meaningless."""


# GNU time (Debian package "time") forks the command from a process of about
# 2 MiB and prints that child's own peak RSS.  Reading ru_maxrss of a child
# forked from this Python process would not do: Linux keeps the high-water
# mark of the memory a child had before exec, which here is this process's.
GNU_TIME = "/usr/bin/time"
# Without GNU time: the same from a small Python process (about 9 MiB, still
# below every command measured; it adds its start-up to every command alike).
_PY_WRAPPER = (
    "import os,sys\n"
    "pid=os.posix_spawn(sys.argv[2],sys.argv[2:],os.environ)\n"
    "_,status,usage=os.wait4(pid,0)\n"
    "open(sys.argv[1],'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def rss_wrapper(report: str) -> list[str]:
    """The argv prefix that runs a command and writes its peak RSS (KiB) to ``report``."""
    if os.access(GNU_TIME, os.X_OK):
        return [GNU_TIME, "-q", "-f", "%M", "-o", report]
    return [sys.executable, "-c", _PY_WRAPPER, report]


def run_once(command: Command) -> tuple[float, int, int]:
    """(wall seconds, peak RSS KiB, exit code) of one run of ``command``."""
    if command.before is not None:
        command.before()
    with tempfile.TemporaryDirectory() as folder, open(Path(folder) / "err", "w+b") as errors:
        report = Path(folder) / "rss"
        argv = [*rss_wrapper(str(report)), *command.argv]
        start = time.perf_counter()
        env = {**os.environ, **command.env} if command.env else None
        code = subprocess.run(
            argv, cwd=command.cwd, stdout=subprocess.DEVNULL, stderr=errors, check=False, env=env
        ).returncode
        wall = time.perf_counter() - start
        if code not in command.ok_codes:
            errors.seek(0)
            tail = errors.read()[-2000:].decode("utf-8", errors="replace")
            raise BenchError(f"{command.key} exited {code}: {' '.join(command.argv)}\n{tail}")
        try:
            rss = int(report.read_text().split()[-1])
        except (OSError, ValueError, IndexError):
            raise BenchError(f"no peak RSS reported for {command.key}") from None
    return wall, rss, code


def measure(
    commands: Sequence[Command], runs: int, log: Callable[[str], None]
) -> dict[str, Samples]:
    """Warm up each command once, then ``runs`` interleaved rounds."""
    for command in commands:
        log(f"  warm-up {command.key}")
        run_once(command)
    samples = {command.key: Samples() for command in commands}
    for round_number in range(runs):
        # Reversing every other round cancels "who runs first" as well as drift.
        order = commands if round_number % 2 == 0 else list(reversed(commands))
        for command in order:
            wall, rss, code = run_once(command)
            sample = samples[command.key]
            sample.wall.append(wall)
            sample.rss_kib.append(rss)
            sample.codes.append(code)
        log(
            f"  round {round_number + 1}/{runs}: "
            + ", ".join(f"{c.key} {samples[c.key].wall[-1]:.2f}s" for c in commands)
        )
    return samples


# -- targets and the report (pure) ------------------------------------------


@dataclass(frozen=True)
class Check:
    """One target: a measured ratio against its limit."""

    name: str
    value: float | None  # None: could not be measured
    limit: float
    why: str = ""  # said when the value is missing

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "n/a"
        # Judged on the ratio as shown (3 decimals), so 0.13 / 0.10 passes a 1.3 limit.
        return "PASS" if round(self.value, 3) <= self.limit else "FAIL"


def _ratio(table: Mapping[str, Stats], top: str, bottom: str) -> float | None:
    if top not in table or bottom not in table or table[bottom].wall <= 0:
        return None
    return table[top].wall / table[bottom].wall


def evaluate(
    corpus: Mapping[int, Mapping[str, Stats]],
    staged: Mapping[int, Mapping[str, Stats]],
    missing: Mapping[str, str] | None = None,
) -> list[Check]:
    """The targets of issue 5 for what was measured; ``missing`` says why a command is absent."""
    missing = missing or {}
    checks: list[Check] = []
    for size in sorted(corpus):
        for name, top, bottom, limit in CORPUS_TARGETS:
            value = _ratio(corpus[size], top, bottom)
            why = missing.get(bottom, missing.get(top, "not measured")) if value is None else ""
            checks.append(Check(f"{size:,} guides: {name}", value, limit, why))
    name, top, bottom, limit = STAGED_TARGET
    for size in sorted(staged):
        value = _ratio(staged[size], top, bottom)
        checks.append(
            Check(
                f"{size:,}-guide root: {name}",
                value,
                limit,
                "" if value is not None else "not measured",
            )
        )
    sizes = sorted(corpus)
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        for key in MEMORY_KEYS:
            a, b = corpus[small].get(key), corpus[large].get(key)
            value = b.rss_mib / a.rss_mib if a and b and a.rss_mib > 0 else None
            checks.append(
                Check(
                    f"peak RSS {LABELS[key]}: {large:,} / {small:,} guides",
                    value,
                    MEMORY_LIMIT,
                    "" if value is not None else "not measured",
                )
            )
    return checks


def _seconds(stats: Stats) -> str:
    return f"{stats.wall:.3f} ({stats.low:.3f}–{stats.high:.3f})"


def _command_table(
    results: Mapping[int, Mapping[str, Stats]], keys: Sequence[str], what: str
) -> list[str]:
    sizes = sorted(results)
    head = ["command"]
    for size in sizes:
        where = what.format(n=f"{size:,}")
        head += [f"{where}: median s (min–max)", f"{where}: peak RSS MiB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key in keys:
        if not any(key in results[size] for size in sizes):
            continue
        row = [LABELS.get(key, key)]
        for size in sizes:
            stats = results[size].get(key)
            row += [_seconds(stats), f"{stats.rss_mib:.1f}"] if stats else ["n/a", "n/a"]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def render(
    corpus: Mapping[int, Mapping[str, Stats]],
    staged: Mapping[int, Mapping[str, Stats]],
    checks: Iterable[Check],
    facts: Mapping[str, str] | None = None,
) -> str:
    """The Markdown report: targets, then the whole-corpus and staged-guide tables."""
    lines: list[str] = []
    if facts:
        lines += [f"- {name}: {value}" for name, value in facts.items()]
        lines.append("")
    lines += ["| target | measured | limit | result |", "|---|---|---|---|"]
    for check in checks:
        shown = f"{check.value:.3f}×" if check.value is not None else f"n/a ({check.why})"
        lines.append(f"| {check.name} | {shown} | ≤ {check.limit}× | {check.verdict} |")
    if corpus:
        lines += ["", "Whole corpus:", ""]
        lines += _command_table(corpus, (GL1, GL2, FLOOR1, FLOOR2, BARE2, MDL), "{n} guides")
    if staged:
        lines += ["", "One staged guide in the content root:", ""]
        lines += _command_table(staged, (STAGED_WARM, STAGED_COLD, IMPORT), "{n}-guide root")
    return "\n".join(lines) + "\n"


# -- setting up -------------------------------------------------------------


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_corpus", HERE / "gen_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", module)
    spec.loader.exec_module(module)
    return module


def ensure_corpus(out: Path, size: int, seed: int, log: Callable[[str], None]) -> Path:
    """The root of a generated corpus (``content/`` plus a config), made once and kept."""
    root = out / "corpora" / f"n{size}-s{seed}-d{DEFECT_RATE}"
    done = root / ".complete"
    if done.is_file():
        return root
    if root.exists():
        shutil.rmtree(root)  # a half-written corpus from an interrupted run
    log(f"generating {size:,} guides (seed {seed}) in {root}")
    _generator().generate(root / "content", size, seed=seed, defect_rate=DEFECT_RATE)
    # Pin the content root: otherwise guidelint would look for a config above OUT.
    (root / ".guidelint.yaml").write_text("content_root: content\n", encoding="utf-8")
    # guidelint does not cache the slug of a file modified in the last 2 s.
    time.sleep(2.5)
    done.write_text("ok\n", encoding="utf-8")
    return root


def ensure_markdownlint(out: Path, log: Callable[[str], None]) -> tuple[Path | None, str]:
    """(the markdownlint-cli2 program, its version) or (None, why not)."""
    prefix = out / "npm"
    program = prefix / "node_modules" / ".bin" / "markdownlint-cli2"
    if not program.exists():
        npm = shutil.which("npm")
        if npm is None or shutil.which("node") is None:
            return None, "npm or node is not installed"
        log(f"installing markdownlint-cli2 with npm into {prefix}")
        prefix.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [
                npm,
                "install",
                "--prefix",
                str(prefix),
                "--no-audit",
                "--no-fund",
                "markdownlint-cli2",
            ],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0 or not program.exists():
            return None, f"npm install failed: {(done.stderr or done.stdout).strip()[-300:]}"
    try:
        meta = json.loads((prefix / "node_modules/markdownlint-cli2/package.json").read_text())
        version = str(meta["version"])
    except (OSError, ValueError, KeyError):
        version = "unknown version"
    return program, version


def guidelint_argv() -> tuple[str, ...]:
    script = Path(sys.executable).parent / "guidelint"
    return (str(script),) if script.exists() else (sys.executable, "-m", "guidelint")


def corpus_commands(root: Path, markdownlint: Path | None) -> list[Command]:
    gl = (*guidelint_argv(), "check", "--today", TODAY)
    floor = (sys.executable, str(HERE / "floor.py"), "content")
    findings = frozenset({0, 1})  # the corpus has planted defects
    commands = [
        Command(GL1, (*gl, "--jobs", "1"), root, findings),
        Command(GL2, (*gl, "--jobs", "2"), root, findings),
        Command(FLOOR1, (*floor, "--jobs", "1"), root),
        Command(FLOOR2, (*floor, "--jobs", "2"), root),
        Command(BARE2, (*floor, "--jobs", "2", "--bare-markdown"), root),
    ]
    if markdownlint is not None:
        commands.append(Command(MDL, (str(markdownlint), "**/*.md"), root / "content", findings))
    return commands


def staged_file(root: Path) -> Path:
    """A guide with no planted defect (a typical staged edit), relative to ``root``."""
    manifest = json.loads((root / "content" / "manifest.json").read_text(encoding="utf-8"))
    flawed = {d["path"] for d in manifest["defects"]}
    guides = sorted(
        p.relative_to(root / "content").as_posix() for p in (root / "content").rglob("*.md")
    )
    clean = [g for g in guides if g not in flawed] or guides
    return Path("content") / clean[0]


def staged_commands(root: Path) -> list[Command]:
    gl = (*guidelint_argv(), "check", str(staged_file(root)), "--today", TODAY)
    cache = root / ".guidelint_cache"

    def drop_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    return [
        Command(STAGED_WARM, gl, root, frozenset({0, 1})),
        Command(STAGED_COLD, gl, root, frozenset({0, 1}), before=drop_cache),
        Command(IMPORT, (sys.executable, "-c", "import click, yaml, jsonschema"), root),
    ]


BASE_SUFFIX = "@base"
COMPARED = (GL1, GL2, STAGED_WARM)  # the commands also timed on --compare REV's code


def with_base(commands: list[Command], base: Path | None) -> list[Command]:
    """``commands`` and, with a base snapshot, the guidelint ones again on its code."""
    if base is None:
        return commands
    extra = [
        replace(c, key=c.key + BASE_SUFFIX, env={"PYTHONPATH": str(base)})
        for c in commands
        if c.key in COMPARED
    ]
    return [*commands, *extra]


def snapshot_revision(out: Path, rev: str) -> Path:
    """``src/guidelint`` as it was at git revision ``rev``, compiled, in a folder of its own."""
    folder = out / f"base-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", rev, "src/guidelint"], cwd=REPO, capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise BenchError(f"git archive {rev}: {archive.stderr.decode(errors='replace').strip()}")
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "src" / "guidelint").rename(folder / "guidelint")
    import compileall

    compileall.compile_dir(folder / "guidelint", quiet=1)
    return folder


def compare_table(tables: Mapping[int, Mapping[str, Stats]], label: str, rev: str) -> list[str]:
    """Rows: each compared command's median on ``rev``'s code and now, and the change."""
    if not tables:
        return []
    lines = [
        "",
        f"### Against {rev}: {label}",
        "",
        f"| command | size | {rev} | now | change |",
        "|---|---:|---:|---:|---:|",
    ]
    for size, table in sorted(tables.items()):
        for key in COMPARED:
            base, now = table.get(key + BASE_SUFFIX), table.get(key)
            if base is None or now is None:
                continue
            change = (now.wall / base.wall - 1) * 100
            lines.append(
                f"| {LABELS[key]} | {size:,} | {base.wall:.3f} s | {now.wall:.3f} s | {change:+.1f}% |"
            )
    return lines


def snapshot_source(out: Path) -> tuple[Path, str]:
    """Copy ``src/guidelint`` aside; (the folder to put on PYTHONPATH, what it is).

    Others may edit ``src/`` while a run goes on: every command of one run
    must time the same code, so all of them import this copy.
    """
    folder = out / f"snapshot-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    source = REPO / "src" / "guidelint"
    shutil.copytree(source, folder / "guidelint", ignore=shutil.ignore_patterns("__pycache__"))
    # Compile to bytecode, as pip does when it installs a package: click,
    # yaml and jsonschema (the bare-import reference) are compiled in
    # site-packages, so an uncompiled copy would pay a compile on every run.
    import compileall

    compileall.compile_dir(folder / "guidelint", quiet=1)
    digest = hashlib.sha256()
    for path in sorted((folder / "guidelint").rglob("*")):
        if "__pycache__" in path.parts:
            continue
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    revision = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    return folder, f"{revision or 'unknown'} (src/guidelint sha256 {digest.hexdigest()[:12]})"


def machine_facts(runs: int, mdl_version: str, source: str) -> dict[str, str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    node = shutil.which("node")
    node_version = (
        subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
        if node
        else "not installed"
    )
    return {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} CPUs, {model}, {platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "node": node_version,
        "markdownlint-cli2": mdl_version,
        "guidelint source": source,
        "runs": f"median of {runs} interleaved runs after one warm-up",
        "peak RSS from": "GNU time %M" if os.access(GNU_TIME, os.X_OK) else "a Python wrapper",
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes (default 1000,10000)")
    parser.add_argument(
        "--out", type=Path, default=HERE / "out", help="work folder (ignored by git)"
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument("--skip-corpus", action="store_true", help="only the staged-guide case")
    parser.add_argument("--skip-staged", action="store_true", help="only the whole-corpus case")
    parser.add_argument(
        "--compare",
        metavar="REV",
        help="also time guidelint as it was at git revision REV, side by side in the same rounds",
    )
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error(f"--sizes takes numbers separated by commas, not {args.sizes!r}")
    if args.runs < 1 or not sizes or min(sizes) < 1:
        parser.error("--runs and every size must be at least 1")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    markdownlint, mdl_version = (
        (None, "not run") if args.skip_corpus else ensure_markdownlint(out, log)
    )
    missing = {} if markdownlint else {MDL: mdl_version}
    snapshot, source = snapshot_source(out)
    try:
        base = snapshot_revision(out, args.compare) if args.compare else None
    except BenchError as exc:
        log(f"benchmark stopped: {exc}")
        return 2
    # A shell may set this (CI does); it would not change what is timed, as
    # the snapshot is already compiled, but say so plainly by removing it.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(snapshot), os.environ.get("PYTHONPATH")])
    )
    load_before = os.getloadavg()
    corpus: dict[int, dict[str, Stats]] = {}
    staged: dict[int, dict[str, Stats]] = {}
    raw: dict[str, dict[str, object]] = {}
    try:
        for size in sizes:
            root = ensure_corpus(out, size, args.seed, log)
            if not args.skip_corpus:
                log(f"whole corpus, {size:,} guides")
                commands = with_base(corpus_commands(root, markdownlint), base)
                samples = measure(commands, args.runs, log)
                corpus[size] = {key: Stats.of(s) for key, s in samples.items()}
                raw[f"corpus-{size}"] = {k: vars(s) for k, s in samples.items()}
            if not args.skip_staged:
                log(f"one staged guide, {size:,}-guide root")
                samples = measure(with_base(staged_commands(root), base), args.runs, log)
                staged[size] = {key: Stats.of(s) for key, s in samples.items()}
                raw[f"staged-{size}"] = {k: vars(s) for k, s in samples.items()}
    except BenchError as exc:
        log(f"benchmark stopped: {exc}")
        return 2
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)
        if base is not None:
            shutil.rmtree(base, ignore_errors=True)
    load_after = os.getloadavg()
    facts = machine_facts(args.runs, mdl_version, source)
    facts["load average (1 min) before / after"] = f"{load_before[0]:.2f} / {load_after[0]:.2f}"
    report = render(corpus, staged, evaluate(corpus, staged, missing), facts)
    if args.compare:
        report += (
            "\n".join(
                compare_table(corpus, "whole corpus", args.compare)
                + compare_table(staged, "one staged guide", args.compare)
            )
            + "\n"
        )
    print(report)
    (out / "results.md").write_text(report, encoding="utf-8")
    (out / "results.json").write_text(json.dumps({"facts": facts, "samples": raw}, indent=1) + "\n")
    log(f"wrote {out / 'results.md'} and {out / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
