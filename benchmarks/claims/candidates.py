"""List the candidate lines of the labeled claims set (run once; the list is committed).

A candidate is a line of a guide's prose (not code, not HTML, not a link
destination) where a number has one of the forms the statistic and salary
rules look at: a percentage, a ratio, a multiplier or a money amount.  Which
of them are claims is for the labelers to say; this script only finds forms.

    .venv/bin/python benchmarks/claims/candidates.py > benchmarks/claims/candidates.tsv

It prints ``corpus<TAB>path<TAB>line`` for a seeded sample of at most
``PER_CORPUS`` lines of a large corpus (every line of a small one).
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from guidelint.guide import read_guide
from guidelint.prose.statistics import GRAMMAR  # the number forms, before any judgement

SHARED = Path(os.environ.get("GUIDELINT_SHARED", Path(__file__).resolve().parents[3] / "shared"))
ROOTS = {
    "digitalgov": "digitalgov/content",
    "front-end-interview-handbook": "front-end-interview-handbook",
    "opensource-guide": "opensource-guide/_articles",
    "sourcegraph-handbook": "sourcegraph-handbook/content",
    "tech-interview-handbook": "tech-interview-handbook/apps/website",
}
# Every line of the three small corpora; enough of the two large ones for
# at least 800 lines in all, each large corpus weighted by its size.
PER_CORPUS = {"digitalgov": 400, "sourcegraph-handbook": 350}
SEED = 12


def candidate_lines(path: Path) -> set[int]:
    """1-based lines of ``path`` holding a number form in prose."""
    guide = read_guide(str(path), path.read_bytes())
    lines: set[int] = set()
    for block in guide.body.blocks:
        for match in GRAMMAR.finditer(block.text):
            lines.add(guide.position(block.byte_offset(match.start()))[0])
    return lines


def main() -> None:
    rng = random.Random(SEED)
    for corpus, rel in ROOTS.items():
        root = SHARED / "corpora" / rel
        found: list[tuple[str, int]] = []
        for folder, dirs, files in os.walk(root):
            # A folder starting with "_" holds partials, not guides (Docusaurus, Hugo).
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_", "node_modules")))
            for name in sorted(files):
                if not name.endswith(".md") or name == "README.md" or name.startswith("_"):
                    continue
                path = Path(folder, name)
                shown = path.relative_to(SHARED / "corpora" / corpus).as_posix()
                found.extend((shown, line) for line in sorted(candidate_lines(path)))
        print(f"{corpus}: {len(found)} candidate lines", file=sys.stderr)
        picked = sorted(rng.sample(found, min(PER_CORPUS.get(corpus, len(found)), len(found))))
        for shown, line in picked:
            print(f"{corpus}\t{shown}\t{line}")


if __name__ == "__main__":
    main()
