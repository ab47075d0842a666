"""Score ``stat-source`` and ``salary-date`` on the labeled claims set.

    .venv/bin/python benchmarks/claims.py [--shared ../shared] [--markdown]

The set (``benchmarks/claims/labels.tsv``) names lines of the five corpora in
``../shared/corpora`` and of the guides in ``benchmarks/claims/own``, each
labeled by people (twice, independently; see ``benchmarks/claims/LABELING.md``)
with what the two rules should report there.  This script runs guidelint on
the labeled files, in-process, with the corpus's config from
``benchmarks/corpora-configs`` (the own guides with the defaults), and counts
a line as reported by a rule when a finding of that rule points at it.

Precision and recall are per rule and per corpus, over the labeled lines only
(a finding on a line nobody labeled counts neither way).  If the claim model
was trained (``--loco``), each corpus is scored by a model trained on the
other corpora only: leave one corpus out.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from guidelint.config import build_config, load_config
from guidelint.engine import RunOptions, lint

HERE = Path(__file__).resolve().parent
SET = HERE / "claims"
TODAY = dt.date(2026, 11, 26)
RULES = {"stat-source": ("stat", "U"), "salary-date": ("pay", "P")}
Key = tuple[str, str, int]  # corpus, path, line


@dataclass(frozen=True)
class Label:
    """One labeled line."""

    stat: str
    pay: str


def read_labels(name: str = "labels.tsv") -> dict[Key, Label]:
    """The labels of ``benchmarks/claims/NAME``, by (corpus, path, line)."""
    with open(SET / name, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {(r["corpus"], r["path"], int(r["line"])): Label(r["stat"], r["pay"]) for r in rows}


def kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two labelers' labels of the same items."""
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    left, right = Counter(first), Counter(second)
    expected = sum(left[k] * right[k] for k in left.keys() | right.keys()) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement() -> list[str]:
    """Markdown rows: the labelers' agreement per label, binary and three-way."""
    rows = []
    for first, second, what in (
        ("labels-a.tsv", "labels-b.tsv", "corpora"),
        ("labels-own-a.tsv", "labels-own-b.tsv", "own guides"),
    ):
        a, b = read_labels(first), read_labels(second)
        keys = sorted(a)
        for field, positive in (("stat", "U"), ("pay", "P")):
            x = [getattr(a[k], field) for k in keys]
            y = [getattr(b[k], field) for k in keys]
            binary = kappa([v == positive for v in x], [v == positive for v in y])  # type: ignore[misc]
            same = sum(p == q for p, q in zip(x, y, strict=True))
            rows.append(
                f"| {what} | {field} | {len(keys)} | {same / len(keys):.3f} | "
                f"{kappa(x, y):.3f} | {binary:.3f} |"
            )
    return rows


def corpus_root(shared: Path, corpus: str) -> Path:
    """The folder the labeled paths of ``corpus`` are relative to."""
    return SET / "own" if corpus == "own" else shared / "corpora" / corpus


def findings(shared: Path, corpus: str, paths: Iterable[str]) -> dict[str, set[Key]]:
    """Rule -> the (corpus, path, line) each of its findings points at."""
    root = corpus_root(shared, corpus)
    config_file = HERE / "corpora-configs" / f"{corpus}.yaml"
    if config_file.exists():
        config = load_config(config_file, root)
    else:
        config = build_config({"cache_dir": False}, root, "defaults")
    config = dataclasses.replace(config, cache_dir=None)  # a scoring run leaves nothing behind
    files = [root / p for p in sorted(set(paths))]
    options = RunOptions(today=TODAY, select=frozenset(RULES), jobs=1)
    result = lint(files, config, options, cwd=root)
    found: dict[str, set[Key]] = defaultdict(set)
    for d in result.diagnostics:
        found[d.rule].add((corpus, d.path, d.line))
    return found


def score(labels: Mapping[Key, Label], found: Mapping[str, set[Key]]) -> dict[str, Counter[str]]:
    """Rule -> counts of tp, fp, fn, tn over the labeled lines."""
    counts: dict[str, Counter[str]] = {rule: Counter() for rule in RULES}
    for key, label in labels.items():
        for rule, (field, positive) in RULES.items():
            truth = getattr(label, field) == positive
            said = key in found.get(rule, set())
            counts[rule][("t" if truth == said else "f") + ("p" if said else "n")] += 1
    return counts


def ratio(top: int, bottom: int) -> str:
    return f"{top / bottom:.2f}" if bottom else "n/a"


def table(per_corpus: Mapping[str, Mapping[str, Counter[str]]]) -> list[str]:
    """Markdown rows: precision and recall per corpus and rule, and all together."""
    rows = [
        "| corpus | lines | stat-source P | stat-source R | (tp/fp/fn) | salary-date P | salary-date R | (tp/fp/fn) |",
        "|---|---:|---:|---:|---|---:|---:|---|",
    ]
    total: dict[str, Counter[str]] = {rule: Counter() for rule in RULES}
    for corpus, counts in [*sorted(per_corpus.items()), ("**all**", total)]:
        if corpus != "**all**":
            for rule in RULES:
                total[rule].update(counts[rule])
        cells = [corpus, str(sum(counts["stat-source"].values()))]
        for rule in RULES:
            c = counts[rule]
            cells += [
                ratio(c["tp"], c["tp"] + c["fp"]),
                ratio(c["tp"], c["tp"] + c["fn"]),
                f"{c['tp']}/{c['fp']}/{c['fn']}",
            ]
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    parser.add_argument("--errors", action="store_true", help="list every wrong line")
    args = parser.parse_args(argv)
    labels = read_labels()
    by_corpus: dict[str, dict[Key, Label]] = defaultdict(dict)
    for key, label in labels.items():
        by_corpus[key[0]][key] = label
    per_corpus = {}
    for corpus, rows in sorted(by_corpus.items()):
        found = findings(args.shared, corpus, (k[1] for k in rows))
        per_corpus[corpus] = score(rows, found)
        if args.errors:
            for key, label in sorted(rows.items()):
                for rule, (field, positive) in RULES.items():
                    truth, said = getattr(label, field) == positive, key in found.get(rule, set())
                    if truth != said:
                        print(
                            f"{'FP' if said else 'FN'} {rule} {key[0]}:{key[1]}:{key[2]}",
                            file=sys.stderr,
                        )
    print("| labels | label | lines | agreement | kappa (3-way) | kappa (reported or not) |")
    print("|---|---|---:|---:|---:|---:|")
    print("\n".join(agreement()))
    print()
    print("\n".join(table(per_corpus)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
