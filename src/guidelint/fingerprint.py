"""Stable identities for findings, that survive edits elsewhere in the file.

A finding's fingerprint hashes its path, its rule, the text of the line it
points at (whitespace collapsed) and how many identical (path, rule, line)
findings came before it.  Line numbers are left out on purpose: adding a
paragraph above a finding moves it but does not make it a new finding.  SARIF
``partialFingerprints``, GitLab Code Quality ``fingerprint`` and the baseline
file all use the same key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from guidelint.diagnostic import Diagnostic

VERSION = "guidelint/v1"
LineReader = Callable[[str, int], str]


def fingerprints(diagnostics: Sequence[Diagnostic], line_text: LineReader) -> tuple[str, ...]:
    """One fingerprint per diagnostic, in the same order."""
    seen: dict[tuple[str, str, str], int] = {}
    result = [""] * len(diagnostics)
    # Occurrences count in file order, whatever order the caller passes.
    for index in sorted(range(len(diagnostics)), key=lambda i: diagnostics[i]):
        diagnostic = diagnostics[index]
        text = " ".join(line_text(diagnostic.path, diagnostic.line).split())
        key = (diagnostic.path, diagnostic.rule, text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result[index] = _digest(*key, str(occurrence))
    return tuple(result)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def file_line_reader(cwd: Path) -> LineReader:
    """Read line ``n`` of a finding's file (display paths are relative to ``cwd``)."""
    cache: dict[str, list[str]] = {}

    def read(path: str, line: int) -> str:
        lines = cache.get(path)
        if lines is None:
            try:
                data = (cwd / path).read_bytes()
            except OSError:
                data = b""
            lines = data.decode("utf-8", errors="replace").splitlines()
            cache[path] = lines
        return lines[line - 1] if 0 < line <= len(lines) else ""

    return read
