"""Print a seeded random sample of findings with the line they point at.

Usage: python benchmarks/sample_findings.py RULE N SEED report.json [report.json ...]

Reads ``guidelint check --format json`` reports and, for each sampled
finding, prints the path, the statistic and the source line around the
column, so a person can judge it.  Used for the precision check in
docs/corpora.md.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    rule, count, seed, *reports = argv
    findings: list[dict[str, object]] = []
    for report in reports:
        data = json.loads(Path(report).read_text(encoding="utf-8"))
        findings.extend(d for d in data["diagnostics"] if d["rule"] == rule)
    findings.sort(key=lambda d: (str(d["path"]), int(str(d["line"])), int(str(d["column"]))))
    sample = random.Random(int(seed)).sample(findings, min(int(count), len(findings)))
    print(f"{len(findings)} {rule} findings; sample of {len(sample)} (seed {seed})")
    for number, finding in enumerate(sample, 1):
        path = Path(str(finding["path"]))
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        line = int(str(finding["line"]))
        column = int(str(finding["column"]))
        text = lines[line - 1] if line <= len(lines) else ""
        start = max(0, column - 220)
        print(f"\n#{number} {path}:{line}:{column} {finding['message'].split(' has ')[0]}")
        print("   ..." + text[start : column + 220])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
