"""``check --fix``: apply a run's fixes to its files, checking each fixed file again.

A file is fixed in passes: apply the wanted fixes that do not overlap, check
the new text (in memory), and go again while that offers more.  So one
``--fix`` leaves nothing a second one would change.  Nothing is written here:
the caller writes :attr:`FixedFile.after` (or shows a diff).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from guidelint.config import Config
from guidelint.diagnostic import Diagnostic
from guidelint.engine import LintResult, RunOptions, build_index, check_source
from guidelint.fixes import MAX_PASSES, apply_fixes, count, wanted


@dataclass(frozen=True, slots=True)
class FixedFile:
    """One file's bytes before and after fixing."""

    path: Path
    display: str
    before: bytes
    after: bytes
    applied: int


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """The findings left after fixing, the changed files, and what was (not) applied."""

    result: LintResult
    files: tuple[FixedFile, ...]
    applied: int
    unsafe_available: int  # unsafe fixes left for --unsafe-fixes


def fix(
    result: LintResult, config: Config, options: RunOptions, unsafe: bool, cwd: Path
) -> FixOutcome:
    """Fix the files of ``result`` (whose findings carry fixes: ``options.fixes``)."""
    by_path: dict[str, list[Diagnostic]] = {}
    for d in result.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    todo = [p for p, found in by_path.items() if wanted(found, unsafe)]
    if not todo:
        return FixOutcome(result, (), 0, 0 if unsafe else count(result.diagnostics, "unsafe"))
    from guidelint.history import previous_state  # runs git: only when there is a fix

    index = build_index(config, [cwd / p for p in todo], cwd)
    history = previous_state([str(cwd / p) for p in todo], options.diff_base, cwd).versions
    fixed: list[FixedFile] = []
    for display in todo:
        path = cwd / display
        try:
            before = path.read_bytes()
        except OSError:
            continue  # the run has said why, if it matters

        def recheck(data: bytes, path: Path = path, display: str = display) -> list[Diagnostic]:
            previous = history.get(str(path))
            return check_source(path, display, data, config, options, index, previous)

        after, applied, by_path[display] = _fix_file(before, by_path[display], unsafe, recheck)
        if after != before:
            fixed.append(FixedFile(path, display, before, after, applied))
    left = sorted(d for found in by_path.values() for d in found)
    return FixOutcome(
        replace(result, diagnostics=tuple(left)),
        tuple(fixed),
        sum(f.applied for f in fixed),
        0 if unsafe else count(left, "unsafe"),
    )


def _fix_file(
    data: bytes,
    found: list[Diagnostic],
    unsafe: bool,
    recheck: Callable[[bytes], list[Diagnostic]],
) -> tuple[bytes, int, list[Diagnostic]]:
    """The bytes after fixing in passes, how many fixes were applied, and the findings then."""
    applied = 0
    for _ in range(MAX_PASSES):
        new, done = apply_fixes(data, wanted(found, unsafe))
        if not done or new == data:
            break
        data, applied = new, applied + done
        found = recheck(data)
    return data, applied, found


def unified_diff(files: Sequence[FixedFile]) -> str:
    """The fixes as a unified diff (``a/`` and ``b/`` prefixes, as git shows them)."""
    out: list[str] = []
    for item in files:
        before = item.before.decode("utf-8", "replace").splitlines(keepends=True)
        after = item.after.decode("utf-8", "replace").splitlines(keepends=True)
        for line in difflib.unified_diff(before, after, f"a/{item.display}", f"b/{item.display}"):
            out.append(
                line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
            )
    return "".join(out)
