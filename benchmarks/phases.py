"""Where a guide's time goes: per-phase timings of ``guidelint check``, in process.

``bench.py`` times whole processes against the targets; this script answers
the question that comes next, "which part is slow?".  For every guide under
ROOT it runs what ``engine.lint_file`` runs, phase by phase, with a timer
around each: reading the bytes, ``read_guide`` (split, YAML), the Markdown
fold (``Guide.body``), the prose analysis (``Guide.prose``), building the
rule context, each rule, and suppressions.  Phases run in the order the
engine runs them, so a phase pays for what it computes first (the first rule
to ask for salary claims pays for them).  The floor script's per-guide work
(``floor.check_file``) is timed in the same process for comparison.

Each pass covers every guide; the best of ``--passes`` is kept per phase.
In-process timings leave out start-up, the pool and output: they explain a
ratio, they do not replace the whole-process benchmark.

Usage: python benchmarks/phases.py ROOT [--passes N] [--today YYYY-MM-DD]
(ROOT holds a ``.guidelint.yaml``, e.g. a corpus bench.py generated)
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import floor  # beside this script: the benchmark folder is not a package

from guidelint import engine, suppression
from guidelint.config import load_config
from guidelint.context import Context
from guidelint.guide import read_guide
from guidelint.paths import display_path
from guidelint.rules import RULES


def one_pass(root: Path, paths: list[str], today: dt.date) -> collections.Counter[str]:
    """Seconds spent in each phase over every guide in ``paths``."""
    config = load_config(None, root)
    options = engine.RunOptions(today=today)
    index = engine.build_index(config, paths, root, [config.content_root])
    schema = str(config.schema) if config.schema else None
    engine.load_schema_validator(schema)  # loaded once, before the clock runs
    spent: collections.Counter[str] = collections.Counter()
    clock = time.perf_counter
    for path in paths:
        start = clock()
        with open(path, "rb") as handle:
            data = handle.read()
        after_read = clock()
        guide = read_guide(display_path(path, root), data, config.keys)
        after_guide = clock()
        guide.body  # noqa: B018  (the fold runs on first use)
        after_body = clock()
        guide.prose  # noqa: B018
        after_prose = clock()
        settings = config.settings_with(config.matching_overrides(Path(path)))
        active = engine.active_rules(options, settings)
        ctx = Context(
            today=today,
            policy=config.policy,
            options={name: s.options for name, s in settings.items()},
            index=index,
            pay_words=config.pay_words,
            schema_loader=lambda: engine.load_schema_validator(schema),
            file_path=Path(path),
        )
        after_setup = clock()
        spent["read bytes"] += after_read - start
        spent["read_guide (split, YAML)"] += after_guide - after_read
        spent["Markdown fold (parse_body)"] += after_body - after_guide
        spent["prose analysis"] += after_prose - after_body
        spent["rule context"] += after_setup - after_prose
        found = []
        for name in active:
            begin = clock()
            found.extend(RULES[name].check(guide, ctx))
            spent[f"rule {name}"] += clock() - begin
        begin = clock()
        suppression.apply(guide, found, active, RULES)
        spent["suppressions"] += clock() - begin
    return spent


def floor_pass(paths: list[str]) -> float:
    """Seconds the floor script's per-guide work takes over ``paths``."""
    start = time.perf_counter()
    for path in paths:
        floor.check_file(path)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", help="a folder with a .guidelint.yaml and its content root")
    parser.add_argument("--passes", type=int, default=5, help="passes; the best is kept")
    parser.add_argument("--today", default="2026-11-26", help="the date rules see")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    os.chdir(root)
    today = dt.date.fromisoformat(args.today)
    config = load_config(None, root)
    paths = floor.discover(str(config.content_root))
    floor._validator = floor.schema_validator()  # what floor.run sets up
    best: collections.Counter[str] | None = None
    best_floor = float("inf")
    for _ in range(args.passes):
        spent = one_pass(root, paths, today)
        best = (
            spent
            if best is None
            else collections.Counter({k: min(best[k], spent[k]) for k in spent})
        )
        best_floor = min(best_floor, floor_pass(paths))
    assert best is not None
    per_guide = 1e6 / len(paths)
    total = sum(best.values())
    print(f"{len(paths)} guides, best of {args.passes} passes, µs per guide")
    print("| phase | µs |\n|---|---:|")
    for phase, seconds in best.most_common():
        if seconds * per_guide >= 0.5:
            print(f"| {phase} | {seconds * per_guide:.0f} |")
    print(f"| **all phases** | **{total * per_guide:.0f}** |")
    print(f"| floor.check_file (reference) | {best_floor * per_guide:.0f} |")
    print(f"\nratio all phases / floor: {total / best_floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
