"""The last source check of each guide, kept for ``guidelint report``.

``<cache_dir>/sources-run-v1.json`` maps each checked guide (its absolute
path) to when it was checked and its ``dead-source``/``moved-source``
findings after suppressions.  A run replaces the entries of the guides it
checked and keeps the others, so a pull-request run of three guides does
not hide last week's full run.  Findings name URLs, never header values.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guidelint.diagnostic import Diagnostic
from guidelint.fileio import atomic_write, ensure_cache_folder

RECORD_NAME = "sources-run-v1.json"


@dataclass(frozen=True, slots=True)
class Checked:
    """One guide's last source check: when, and its findings as (line, column, rule, severity, message)."""

    checked_at: dt.datetime
    findings: tuple[tuple[int, int, str, str, str], ...]


def save_run(
    folder: Path,
    files: Sequence[str],
    findings: Iterable[Diagnostic],
    now: dt.datetime,
    *,
    cwd: Path,
    keep: dt.timedelta = dt.timedelta(days=90),
) -> None:
    """Record ``findings`` for the checked ``files``; never raises (the record is optional)."""
    entries = _entries(folder)
    by_file: dict[str, list[list[Any]]] = {_key(name, cwd): [] for name in files}
    for d in findings:
        by_file.setdefault(_key(d.path, cwd), []).append(
            [d.line, d.column, d.rule, d.severity, d.message]
        )
    stamp = now.isoformat()
    entries.update((path, {"checked_at": stamp, "findings": f}) for path, f in by_file.items())
    oldest = now - keep
    kept = {p: e for p, e in entries.items() if (c := _decode(e)) and c.checked_at > oldest}
    with contextlib.suppress(OSError):
        ensure_cache_folder(folder)
        payload = {"version": 1, "guides": kept}
        atomic_write(folder / RECORD_NAME, json.dumps(payload, sort_keys=True).encode())


def load_run(folder: Path) -> dict[str, Checked]:
    """Absolute guide path -> its last check; ``{}`` without a usable record."""
    found = {}
    for path, entry in _entries(folder).items():
        checked = _decode(entry)
        if checked is not None:
            found[path] = checked
    return found


def _key(path: str, cwd: Path) -> str:
    return os.path.abspath(os.path.join(cwd, path))


def _entries(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / RECORD_NAME).read_bytes())
    except (OSError, ValueError, RecursionError):  # damaged or missing: no record
        return {}
    guides = data.get("guides") if isinstance(data, dict) and data.get("version") == 1 else None
    return guides if isinstance(guides, dict) else {}


def _decode(entry: Any) -> Checked | None:
    try:
        when = dt.datetime.fromisoformat(entry["checked_at"])
        rows = tuple(
            (int(line), int(column), str(rule), str(severity), str(message))
            for line, column, rule, severity, message in entry["findings"]
        )
    except (TypeError, ValueError, KeyError):
        return None
    return Checked(when, rows) if when.tzinfo is not None else None
