"""Fingerprints: same finding, same key, wherever its line moves."""

from __future__ import annotations

from pathlib import Path

from guidelint.diagnostic import Diagnostic
from guidelint.fingerprint import file_line_reader, fingerprints


def _finding(line: int, rule: str = "stat-source", path: str = "a.md") -> Diagnostic:
    return Diagnostic(path, line, 1, rule, "error", "m")


def test_keyed_on_line_text_not_line_number() -> None:
    text = {1: "92% agree.", 5: "  92%   agree. "}
    [first] = fingerprints([_finding(1)], lambda path, line: text[line])
    [moved] = fingerprints([_finding(5)], lambda path, line: text[line])
    assert first == moved


def test_differs_by_path_rule_text_and_occurrence() -> None:
    lines = {1: "92% agree.", 2: "92% agree.", 3: "70% agree."}
    prints = fingerprints(
        [
            _finding(1),
            _finding(2),
            _finding(3),
            _finding(1, "salary-date"),
            _finding(1, path="b.md"),
        ],
        lambda path, line: lines[line],
    )
    assert len(set(prints)) == 5


def test_occurrences_count_in_file_order_whatever_the_input_order() -> None:
    findings = [_finding(2), _finding(1)]
    forward = fingerprints(findings, lambda path, line: "same")
    backward = fingerprints(findings[::-1], lambda path, line: "same")
    assert forward == backward[::-1]


def test_file_line_reader(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_bytes(b"one\r\ntwo\xff\n")
    read = file_line_reader(tmp_path)
    assert [read("a.md", n) for n in (0, 1, 2, 3)] == ["", "one", "two\ufffd", ""]
    assert read("missing.md", 1) == ""
