"""The CLI as a user runs it: exit codes, options, rules and explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidelint.rules import RULES
from tests.golden import make_content
from tests.util import MainResult, run_main

Capsys = pytest.CaptureFixture[str]
MP = pytest.MonkeyPatch
DAY = ("--today", "2026-11-26")


@pytest.fixture
def cli(tmp_path: Path, capsys: Capsys, monkeypatch: MP):  # type: ignore[no-untyped-def]
    """``cli(*args, env=...)`` runs ``guidelint`` in a folder holding the golden content."""
    make_content(tmp_path)

    def run(*args: str, env: dict[str, str] | None = None) -> MainResult:
        return run_main(capsys, monkeypatch, tmp_path, *args, env=env)

    return run


def rules_of(result: MainResult) -> list[str]:
    return [d["rule"] for d in json.loads(result.out)["diagnostics"]]


def test_exit_0_when_clean(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("check", *DAY, "content/ok.md").code == 0


def test_exit_1_on_errors(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("check", *DAY).code == 1


def test_warnings_alone_exit_0_unless_strict(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (tmp_path / "content" / "ok.md").read_text(encoding="utf-8")
    idle = "<!-- guidelint-disable-next-line salary-date -->\nNo pay here.\n"
    (tmp_path / "content" / "warn.md").write_text(
        text.replace("consumer-pm", "warn") + "\n" + idle, encoding="utf-8"
    )
    args = ("check", *DAY, "content/warn.md")
    assert cli(*args).code == 0
    assert "warning unused-suppression" in cli(*args).out
    assert cli(*args, "--strict").code == 1
    assert cli(*args, "--fail-on", "warning").code == 1


def test_fail_on_never_and_exit_zero(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("check", *DAY, "--fail-on", "never").code == 0
    result = cli("check", *DAY, "--exit-zero")
    assert result.code == 0
    assert "Found 2 error(s)" in result.out


def test_select_and_ignore(cli) -> None:  # type: ignore[no-untyped-def]
    fmt = ("--format", "json")
    assert rules_of(cli("check", *DAY, *fmt, "--select", "stale-guide")) == ["stale-guide"]
    assert rules_of(
        cli("check", *DAY, *fmt, "--select", "stale-guide", "--select", "stat-source")
    ) == [
        "stat-source",
        "stale-guide",
    ]
    assert rules_of(cli("check", *DAY, *fmt, "--ignore", "stale-guide,unused-suppression")) == [
        "stat-source"
    ]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_is_exit_2(cli, option: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("check", *DAY, option, "stat-sorce")
    assert result.code == 2
    assert "unknown rule 'stat-sorce' (did you mean 'stat-source'?)" in result.err
    assert result.out == ""


def test_quiet_prints_findings_only(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("check", *DAY, "--quiet")
    assert result.code == 1
    assert len(result.out.splitlines()) == 3
    assert "Found" not in result.out


def test_output_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("check", *DAY, "--output", "report.txt")
    assert (result.code, result.out) == (1, "")
    assert "stale-guide" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_guidelint_today_environment(cli) -> None:  # type: ignore[no-untyped-def]
    # Before 2026-01-01 the stale guide (due 2026-01-01) is still fresh.
    early = cli("check", "content/stale.md", env={"GUIDELINT_TODAY": "2025-12-31"})
    assert early.code == 0
    late = cli("check", "content/stale.md", env={"GUIDELINT_TODAY": "2026-01-02"})
    assert late.code == 1


def test_today_option_beats_the_environment(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "check", "--today", "2025-12-31", "content/stale.md", env={"GUIDELINT_TODAY": "2027-01-01"}
    )
    assert result.code == 0


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--today", "2026-13-01"), None),
        (("--today", "yesterday"), None),
        ((), {"GUIDELINT_TODAY": "26/11/2026"}),
    ],
)
def test_bad_today_is_exit_2(cli, args: tuple[str, ...], env: dict[str, str] | None) -> None:  # type: ignore[no-untyped-def]
    result = cli("check", *args, env=env)
    assert result.code == 2
    assert "YYYY-MM-DD" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (
            ("--today", "2026-02-30"),
            None,
            "--today '2026-02-30' does not exist: February 2026 has days 01 to 28",
        ),
        (
            (),
            {"GUIDELINT_TODAY": "2026-04-31"},
            "GUIDELINT_TODAY '2026-04-31' does not exist: April 2026 has days 01 to 30",
        ),
        (("--today", ""), None, "--today is empty: give a day as YYYY-MM-DD"),
        (("--today", ""), {"GUIDELINT_TODAY": "2026-11-26"}, "--today is empty"),
        ((), {"GUIDELINT_TODAY": ""}, "GUIDELINT_TODAY is empty: give a day as YYYY-MM-DD"),
    ],
)
def test_today_that_is_no_day_says_why(
    cli, args: tuple[str, ...], env: dict[str, str] | None, message: str
) -> None:  # type: ignore[no-untyped-def]
    result = cli("check", *args, env=env)
    assert result.code == 2, result.out
    assert message in result.err
    assert "Traceback" not in result.err


def test_missing_path_is_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("check", *DAY, "content/nope.md")
    assert result.code == 2
    assert "path does not exist: content/nope.md" in result.err


def test_a_file_named_several_ways_is_checked_once(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    once = json.loads(cli("check", *DAY, "--format", "json").out)
    spellings = ("content", "content/", "./content", str(tmp_path / "content"))
    files = [p.relative_to(tmp_path).as_posix() for p in (tmp_path / "content").glob("*.md")]
    names = [*spellings, *files, *(f"./{f}" for f in files), *(f"content/../{f}" for f in files)]
    several = json.loads(cli("check", *DAY, "--format", "json", *names).out)
    assert several["files"] == once["files"] == 3
    assert several["diagnostics"] == once["diagnostics"]


def test_bad_format_is_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("check", *DAY, "--format", "xml").code == 2


def test_default_paths_are_the_content_root(cli) -> None:  # type: ignore[no-untyped-def]
    assert json.loads(cli("check", *DAY, "--format", "json").out)["files"] == 3


def test_missing_content_root_is_exit_2(tmp_path: Path, capsys: Capsys, monkeypatch: MP) -> None:
    result = run_main(capsys, monkeypatch, tmp_path, "check", *DAY)
    assert result.code == 2
    assert "content root" in result.err


def test_rules_lists_every_rule(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines] == list(RULES)
    stat = next(line for line in lines if line.startswith("stat-source "))
    assert stat.split()[1] == "error"
    assert RULES["stat-source"].SUMMARY in stat
    unused = next(line for line in lines if line.startswith("unused-suppression "))
    assert unused.split()[1] == "warning"


def test_explain_stat_source(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("explain", "stat-source")
    assert result.code == 0
    assert result.out.startswith("stat-source (error by default)")
    for part in (
        "Why:",
        "Fix:",
        "Fails:",
        "Passes:",
        "Options: scope",
        "guidelint-disable-next-line stat-source",
    ):
        assert part in result.out
    assert "92% of surveyed product marketers rank leadership first." in result.out


def test_explain_unknown_rule_is_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("explain", "stat-sorce")
    assert result.code == 2
    assert "unknown rule 'stat-sorce'" in result.err


def test_version(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--version")
    assert result.code == 0
    assert result.out.startswith("guidelint, version ")


def test_user_file_problems_never_traceback(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "content" / "binary.md").write_bytes(b"\x00\x01\x02")
    (tmp_path / "content" / "latin.md").write_bytes("caf\xe9".encode("latin-1"))
    result = cli("check", *DAY, "--format", "json")
    assert result.code == 1
    assert rules_of(result).count("unreadable-file") == 2


@pytest.mark.parametrize("folder", ["emptydir", "dir.md"])
def test_nothing_to_check_is_exit_2(cli, tmp_path: Path, folder: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "README.md").write_text("# Not a guide\n", encoding="utf-8")
    result = cli("check", *DAY, folder)
    assert result.code == 2
    assert f"no guides found under {folder}" in result.err
    report = cli("report", *DAY, folder)
    assert (report.code, report.out) == (2, "")
    assert f"no guides found under {folder}" in report.err
