"""The "floor": the least work any checker of these guides must do, and no rules.

For every guide under ROOT it reads the bytes, splits off the front matter,
loads the YAML with libyaml (``yaml.CSafeLoader``), parses the Markdown body
with guidelint's own parser (``guidelint.markdown.parse_body``: pyromark
events folded into blocks) and validates the front matter against the
packaged guide schema with jsonschema.  Nothing else: no positions, no
prose analysis, no rules, no output beyond one summary line.

``benchmarks/bench.py`` times ``guidelint check`` against this script, so it
is kept honest in both directions:

- it does the work for real (every file, every parse, every validation, and
  the counts it prints depend on all of it), and
- it does no more than that: YAML is loaded directly (no node positions), the
  front matter is split with guidelint's one splitter
  (``guidelint.front_matter.split``), and the schema is loaded the way
  ``guidelint.engine.load_schema_validator(None)`` loads it but without
  importing the engine, whose import pulls in every rule module.

``--jobs N`` (N > 1) uses a process pool the way ``guidelint check`` does:
the file list is dealt into chunks of about ``CHUNK_FILES`` (at least
``N * 4`` chunks), workers get paths and return counts.  ``--bare-markdown`` parses the body with ``pyromark.events_with_range``
only (no folding into blocks), a floor for information: guidelint's own
parser is the reference.

Usage: python benchmarks/floor.py ROOT [--jobs N] [--bare-markdown]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyromark
import yaml

import guidelint
from guidelint import front_matter
from guidelint.markdown import _OPTIONS, parse_body
from guidelint.paths import is_guide_folder, is_guide_name

CHUNK_FILES = 100  # guidelint.engine.CHUNK_FILES (not imported: see above)

Counts = tuple[int, int, int, int]  # files, front matters, blocks (or events), schema errors

_validator: Any = None
_bare = False


def discover(root: str) -> list[str]:
    """Every guide under ``root``, sorted, hidden folders skipped (like ``guidelint check``)."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if is_guide_folder(d))
        found.extend(os.path.join(folder, name) for name in sorted(files) if is_guide_name(name))
    return found


def schema_validator() -> Any:
    """The packaged guide schema's validator, built as the engine builds it.

    That is a compiled yes/no check first, jsonschema for the front matters it
    rejects (``guidelint.schema_quick``): the floor validates no slower than
    guidelint does.
    """
    from guidelint.schema_quick import packaged_validator

    return packaged_validator(Path(guidelint.__file__).parent / "data" / "guide.schema.json")


def _as_json(value: Any) -> Any:
    """YAML dates to ISO text, keys to text: what the schema validates (as guidelint does)."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def check_file(path: str) -> Counts:
    """Read, split, load, parse and validate one file; return what was found."""
    with open(path, "rb") as handle:
        data = handle.read()
    text = data.removeprefix(front_matter.BOM).decode("utf-8", errors="replace")
    parts = front_matter.split(text)  # the splitter guidelint uses
    meta: Any = None
    body = text
    body_start = 0
    if parts.closed:
        body = text[parts.body_start :]
        body_start = len(text[: parts.body_start].encode("utf-8"))
        try:
            meta = yaml.load(text[parts.yaml_start : parts.yaml_end], yaml.CSafeLoader)
        except (yaml.YAMLError, ValueError):
            meta = None
    if _bare:
        parsed = sum(1 for _ in pyromark.events_with_range(body, options=_OPTIONS, merge_text=True))
    else:
        parsed = len(parse_body(body, body_start).blocks)
    errors = 0
    if isinstance(meta, dict):
        errors = sum(1 for _ in _validator.iter_errors(_as_json(meta)))
    return 1, int(isinstance(meta, dict)), parsed, errors


def _check_chunk(paths: list[str]) -> Counts:
    files = metas = parsed = errors = 0
    for path in paths:
        f, m, p, e = check_file(path)
        files, metas, parsed, errors = files + f, metas + m, parsed + p, errors + e
    return files, metas, parsed, errors


def run(root: str, jobs: int = 1, bare_markdown: bool = False) -> Counts:
    """Check every guide under ``root`` with ``jobs`` processes; the summed counts."""
    global _validator, _bare
    _validator = schema_validator()
    _bare = bare_markdown
    paths = discover(root)
    if jobs <= 1:
        return _check_chunk(paths)
    from concurrent.futures import ProcessPoolExecutor

    # Dealt like guidelint.engine.lint deals its work; workers fork with the validator.
    count = max(jobs * 4, len(paths) // CHUNK_FILES)
    chunks = [paths[i::count] for i in range(count)]
    totals = [0, 0, 0, 0]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for counts in pool.map(_check_chunk, [c for c in chunks if c]):
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
    return totals[0], totals[1], totals[2], totals[3]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", help="folder of guides")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--bare-markdown",
        action="store_true",
        help="parse Markdown with pyromark.events_with_range only (not guidelint's parser)",
    )
    args = parser.parse_args(argv)
    if not os.path.isdir(args.root):
        parser.error(f"not a folder: {args.root}")
    files, metas, parsed, errors = run(args.root, args.jobs, args.bare_markdown)
    unit = "events" if args.bare_markdown else "blocks"
    print(f"files={files} front_matters={metas} {unit}={parsed} schema_errors={errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
