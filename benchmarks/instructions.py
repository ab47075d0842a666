"""Instructions executed by one staged-guide check, now and at a git revision.

    .venv/bin/python benchmarks/instructions.py --compare 4111343 [--size 1000]

The pre-commit case (``guidelint check FILE`` in a content root with a warm
slug cache) must stay within 5% of its latency at a base revision.  On a
shared 2-CPU machine wall-clock medians of identical runs swing by ±20%,
more than the budget; the number of instructions the process executes does
not (valgrind's callgrind counts them, the same to 0.1% run to run).  So
this script counts them for both versions, each from its own copy of the
generated root (``benchmarks/bench.py``'s corpus, so slug caches never meet)
and its own source tree through ``PYTHONPATH``, after two warm-up runs.
Needs ``valgrind`` (Debian: ``apt install valgrind``); takes about a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# A script beside bench.py, not a package: bench is found through sys.path.
from bench import (
    TODAY,
    BenchError,
    ensure_corpus,
    snapshot_revision,
    staged_file,
)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LIMIT = 1.05  # the staged guide may cost at most 5% more than at the base
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def collected(stderr: str) -> int:
    """The instruction count in callgrind's report (``==123== Collected : 561478734``)."""
    found = _COLLECTED.search(stderr)
    if found is None:
        raise BenchError(f"no instruction count in valgrind's output:\n{stderr[-500:]}")
    return int(found.group(1))


def count(root: Path, src: Path) -> int:
    """Instructions of ``guidelint check FILE`` in ``root`` with the code in ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # both versions read their .pyc
    script = Path(sys.executable).parent / "guidelint"
    check = [sys.executable, str(script), "check", str(staged_file(root)), "--today", TODAY]
    for _ in range(2):  # the slug cache and the .pyc files are written on the first runs
        subprocess.run(check, cwd=root, env=env, capture_output=True, check=False)
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = subprocess.run(
        [*valgrind, *check], cwd=root, env=env, capture_output=True, text=True, check=False
    )
    return collected(done.stderr)


def verdict(base: int, now: int) -> str:
    """A Markdown row: both counts, the change, and whether it is within the limit."""
    ratio = now / base
    result = "PASS" if ratio <= LIMIT else "FAIL"
    return f"| {base:,} | {now:,} | {(ratio - 1) * 100:+.1f}% | ≤ +5% | {result} |"


def own_copy(root: Path, name: str) -> Path:
    """A copy of the generated root for one version, so slug caches never meet."""
    copy = root.parent / f"{root.name}-{name}"
    if not (copy / ".complete").is_file():
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy)
        shutil.rmtree(copy / ".guidelint_cache", ignore_errors=True)
    return copy


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compare", required=True, metavar="REV", help="the base revision")
    parser.add_argument("--size", type=int, default=1000, help="guides in the root")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="work folder")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind)", file=sys.stderr)
        return 2
    try:
        root = ensure_corpus(args.out, args.size, 0, lambda m: print(m, file=sys.stderr))
        base_src = snapshot_revision(args.out, args.compare)
        base = count(own_copy(root, "base"), base_src)
        now = count(own_copy(root, "now"), REPO / "src")
    except BenchError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(args.out / f"base-{os.getpid()}", ignore_errors=True)
    print(f"One staged guide, {args.size:,}-guide root, warm slug cache: instructions\n")
    print(f"| {args.compare} | now | change | limit | result |")
    print("|---:|---:|---:|---|---|")
    print(verdict(base, now))
    return 0


if __name__ == "__main__":
    sys.exit(main())
