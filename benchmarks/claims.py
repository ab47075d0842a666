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
(a finding on a line nobody labeled counts neither way).  The claim model's
weights are learned from these labels, so each corpus is scored by a model
fitted on the *other* corpora only (leave one corpus out); the shipped
weights, fitted on all of them, are scored too, but that score is not a
held-out one.  ``--train`` fits the shipped weights and writes
``src/guidelint/data/claims.json``.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import guidelint.prose.claims as claim_model
from guidelint import DATA
from guidelint.config import Config, build_config, load_config
from guidelint.engine import RunOptions, lint
from guidelint.guide import read_guide
from guidelint.prose import analyse

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


def corpus_config(shared: Path, corpus: str) -> Config:
    """The config a corpus is checked with (no cache: a scoring run leaves nothing behind)."""
    root = corpus_root(shared, corpus)
    config_file = HERE / "corpora-configs" / f"{corpus}.yaml"
    if config_file.exists():
        config = load_config(config_file, root)
    else:
        config = build_config({}, root, "defaults")
    return dataclasses.replace(config, cache_dir=None)


def findings(shared: Path, corpus: str, paths: Iterable[str]) -> dict[str, set[Key]]:
    """Rule -> the (corpus, path, line) each of its findings points at."""
    root = corpus_root(shared, corpus)
    config = corpus_config(shared, corpus)
    files = [root / p for p in sorted(set(paths))]
    options = RunOptions(today=TODAY, select=frozenset(RULES), jobs=1)
    result = lint(files, config, options, cwd=root)
    found: dict[str, set[Key]] = defaultdict(set)
    for d in result.diagnostics:
        found[d.rule].add((corpus, d.path, d.line))
    return found


Example = tuple[str, tuple[str, ...], bool]  # corpus, cues, is it a claim


def examples(shared: Path, labels: Mapping[Key, Label]) -> list[Example]:
    """The cues of the first statistic on each labeled line, and whether people called it a claim.

    A labeled line where guidelint finds no statistic (code, a sample answer)
    gives no example: the model never decides there.
    """
    by_file: dict[tuple[str, str], dict[int, Label]] = defaultdict(dict)
    for (corpus, path, line), label in labels.items():
        by_file[corpus, path][line] = label
    found: list[Example] = []
    for (corpus, path), lines in sorted(by_file.items()):
        file = corpus_root(shared, corpus) / path
        guide = read_guide(path, file.read_bytes(), corpus_config(shared, corpus).keys)
        seen: set[int] = set()
        for sentence in analyse(guide, judge_all=True).sentences:
            for stat, cues in zip(sentence.stats, sentence.cues, strict=True):
                line = guide.position(stat.offset)[0]
                if line in lines and line not in seen:
                    seen.add(line)
                    found.append((corpus, cues, lines[line].stat != "N"))
    return found


# Fitting: L2-regularised logistic regression by gradient descent, in plain
# Python (a few hundred examples, a few dozen cues).  Claims weigh double:
# where the text leaves it open, the spec calls it a claim.
CLAIM_WEIGHT, L2, EPOCHS, RATE = 8.0, 1.0, 400, 0.05


def fit(data: Sequence[Example]) -> dict[str, float]:
    """Weights (``bias`` and one per cue) that separate claims from non-claims in ``data``."""
    weights: dict[str, float] = defaultdict(float)
    total = sum(CLAIM_WEIGHT if claim else 1.0 for _, _, claim in data)
    for _ in range(EPOCHS):
        gradient: dict[str, float] = defaultdict(float)
        for _, cues, claim in data:
            z = weights["bias"] + sum(weights[c] for c in cues)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - claim) * (CLAIM_WEIGHT if claim else 1.0) / total
            gradient["bias"] += g
            for c in cues:
                gradient[c] += g
        for name, g in gradient.items():
            penalty = 0.0 if name == "bias" else L2 * weights[name] / total
            weights[name] -= RATE * 100 * (g + penalty)
    return {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 1e-4 or k == "bias"}


def train(shared: Path) -> Path:
    """Fit the shipped weights on every labeled line and write them."""
    data = examples(shared, read_labels())
    target = DATA / "claims.json"
    payload = {
        "about": "weights of guidelint's claim cues (guidelint/prose/claims.py), fitted by "
        f"benchmarks/claims.py --train on {len(data)} labeled lines",
        "weights": fit(data),
    }
    target.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return target


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


def evaluate(
    shared: Path, by_corpus: Mapping[str, Mapping[Key, Label]], weights: Mapping[str, float] | None
) -> tuple[dict[str, Counter[str]], dict[str, set[Key]]]:
    """Counts for one corpus' labels (``by_corpus`` has one) with ``weights`` (None: shipped)."""
    ((corpus, rows),) = by_corpus.items()
    original = claim_model.model
    if weights is not None:
        claim_model.model = lambda: weights  # type: ignore[assignment]
    try:
        found = findings(shared, corpus, (k[1] for k in rows))
    finally:
        claim_model.model = original  # type: ignore[method-assign]
    return score(rows, found), found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parents[1] / "shared")
    parser.add_argument("--errors", action="store_true", help="list every wrong line (held out)")
    parser.add_argument("--train", action="store_true", help="fit and write the shipped weights")
    args = parser.parse_args(argv)
    if args.train:
        print(f"wrote {train(args.shared)}", file=sys.stderr)
        claim_model.model.cache_clear()  # the analysis read the old weights
    labels = read_labels()
    by_corpus: dict[str, dict[Key, Label]] = defaultdict(dict)
    for key, label in labels.items():
        by_corpus[key[0]][key] = label
    data = examples(args.shared, labels)
    held_out, shipped = {}, {}
    for corpus, rows in sorted(by_corpus.items()):
        weights = fit([e for e in data if e[0] != corpus])
        held_out[corpus], found = evaluate(args.shared, {corpus: rows}, weights)
        shipped[corpus], _ = evaluate(args.shared, {corpus: rows}, None)
        if args.errors:
            _print_errors(rows, found)
    print("| labels | label | lines | agreement | kappa (3-way) | kappa (reported or not) |")
    print("|---|---|---:|---:|---:|---:|")
    print("\n".join(agreement()))
    print("\nHeld out (each corpus scored by weights fitted on the others):\n")
    print("\n".join(table(held_out)))
    print("\nThe shipped weights (fitted on every corpus; not held out):\n")
    print("\n".join(table(shipped)))
    return 0


def _print_errors(rows: Mapping[Key, Label], found: Mapping[str, set[Key]]) -> None:
    for key, label in sorted(rows.items()):
        for rule, (field, positive) in RULES.items():
            truth, said = getattr(label, field) == positive, key in found.get(rule, set())
            if truth != said:
                kind = "FP" if said else "FN"
                print(f"{kind} {rule} {key[0]}:{key[1]}:{key[2]} ({getattr(label, field)})")


if __name__ == "__main__":
    sys.exit(main())
