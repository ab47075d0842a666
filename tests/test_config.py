"""Configuration: discovery, pyproject, validation errors, overrides, exclude."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelint.config import build_config, find_config, load_config
from guidelint.errors import ConfigError
from tests.conftest import LintFn, guide
from tests.util import run_main, spots, write_tree

STALE = guide("Uncited 92%.\n").replace("updated: 2026-06", "updated: 2025-01")


def test_discovery_walks_up_from_the_current_folder(tmp_path: Path) -> None:
    write_tree(tmp_path, {".guidelint.yaml": "content_root: guides\n", "a/b/c/x.txt": ""})
    assert find_config(tmp_path / "a" / "b" / "c") == tmp_path / ".guidelint.yaml"
    config = load_config(cwd=tmp_path / "a" / "b")
    assert config.content_root == tmp_path / "guides"  # relative to the config file


def test_nearest_config_wins(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {".guidelint.yaml": "content_root: outer\n", "in/.guidelint.yml": "content_root: inner\n"},
    )
    assert load_config(cwd=tmp_path / "in").content_root == tmp_path / "in" / "inner"


def test_pyproject_tool_table(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "pyproject.toml": """\
                [project]
                name = "content"

                [tool.guidelint]
                content_root = "docs"

                [tool.guidelint.policy]
                review_every = "6mo"
                """,
            "sub/x.txt": "",
        },
    )
    config = load_config(cwd=tmp_path / "sub")
    assert config.source.endswith("pyproject.toml")
    assert config.content_root == tmp_path / "docs"
    assert str(config.policy.review_every) == "6mo"


def test_pyproject_without_the_table_is_not_a_config(tmp_path: Path) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[project]\nname = 'x'\n"})
    assert find_config(tmp_path) is None
    assert load_config(cwd=tmp_path).source == "defaults"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        pytest.param({"policy": {"review_every": "forever"}}, "policy.review_every:", id="window"),
        pytest.param(
            {"rules": {"stat-source": {"scope": "page"}}}, "rules.stat-source.scope:", id="option"
        ),
        pytest.param(
            {"rules": {"stat-source": {"colour": 1}}}, "rules.stat-source:", id="unknown-option"
        ),
        pytest.param(
            {"rules": {"stat-sorce": "off"}}, "rules.stat-sorce: unknown rule", id="unknown-rule"
        ),
        pytest.param({"rules": {"stat-source": "loud"}}, "rules.stat-source:", id="severity"),
        pytest.param({"overrides": [{"rules": {}}]}, "overrides.0:", id="override-files"),
        pytest.param(
            {"overrides": [{"files": ["x/*"], "rules": {"nope": "off"}}]},
            "overrides.0.rules.nope: unknown rule",
            id="override-unknown-rule",
        ),
        pytest.param({"contnt_root": "x"}, "contnt_root", id="unknown-key"),
        pytest.param({"keys": {"updatd": "lastmod"}}, "keys", id="unknown-alias"),
        pytest.param({"max_file_size": 0}, "max_file_size:", id="size"),
    ],
)
def test_bad_config_names_the_key_path(
    tmp_path: Path, data: dict[str, object], fragment: str
) -> None:
    with pytest.raises(ConfigError, match=None) as caught:
        build_config(data, tmp_path, "cfg.yaml")
    assert str(caught.value).startswith("cfg.yaml: ")
    assert fragment in str(caught.value)


def test_config_that_is_not_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="must be a mapping"):
        build_config(["a"], tmp_path, "cfg.yaml")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("policy:\n  review_every: forever\n", "policy.review_every"),
        ("rules:\n  stat-sorce: error\n", "rules.stat-sorce: unknown rule"),
        (
            "a: [\n",
            ".guidelint.yaml:1:4: not valid YAML: did not find expected node content"
            " (the '[' here is never closed)\n",
        ),
        ("a: 1\n\tb: 2\n", ".guidelint.yaml:2:1: not valid YAML: found a tab character"),
        # Nine levels of nine aliases: 387 million values once expanded.
        (
            "x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n"
                for i in range(8)
            )
            + "pay_words: *i\n",
            "expands to more than 50000 YAML nodes through aliases; refusing to load it",
        ),
        ("pay_words: " + "[" * 990 + "]" * 990 + "\n", "nested more than 64 levels deep"),
        ("pay_words: " + "[" * 63 + "]" * 63 + "\n", "pay_words.0: [[[[[["),  # read, then validated
    ],
)
def test_bad_config_file_is_exit_2_naming_the_key(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    fragment: str,
) -> None:
    write_tree(tmp_path, {".guidelint.yaml": text, "content/g.md": guide("Body.\n")})
    result = run_main(capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("guidelint: error: ")
    assert fragment in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("levels", [990, 5000])
def test_deeply_nested_pyproject_toml_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, levels: int
) -> None:
    text = "[tool.guidelint]\npay_words = " + "[" * levels + "]" * levels + "\n"
    write_tree(tmp_path, {"pyproject.toml": text, "content/g.md": guide("Body.\n")})
    result = run_main(capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26")
    assert result.code == 2
    assert result.err.endswith(
        "pyproject.toml: nested more than 64 levels deep; refusing to load it\n"
    )


def test_bad_pyproject_toml_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"pyproject.toml": "[tool.guidelint\n"})
    result = run_main(capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26")
    assert result.code == 2
    assert "not valid TOML" in result.err


def test_explicit_missing_config_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_main(capsys, monkeypatch, tmp_path, "check", "--config", "nope.yaml")
    assert result.code == 2


def test_severity_off_and_warning(lint_text: LintFn) -> None:
    config = {"rules": {"stat-source": "warning", "stale-guide": "off"}}
    found = lint_text(STALE, config=config)
    assert [(d.rule, d.severity) for d in found] == [("stat-source", "warning")]


def test_unquoted_off_in_yaml_switches_a_rule_off(tmp_path: Path) -> None:
    write_tree(tmp_path, {".guidelint.yaml": "rules:\n  stat-source: off\n"})
    assert load_config(cwd=tmp_path).rules["stat-source"].severity == "off"


def test_per_glob_overrides(lint_text: LintFn) -> None:
    config = {
        "rules": {"stat-source": "warning"},
        "overrides": [
            {"files": ["content/legacy/**"], "rules": {"stale-guide": "off", "stat-source": "off"}},
            {"files": ["*.md"], "rules": {"stat-source": {"scope": "paragraph"}}},
        ],
    }
    legacy = lint_text(STALE, config=config, name="legacy/old/g.md")
    assert legacy == []
    current = lint_text(STALE, config=config, name="current.md", ignore=("duplicate-slug",))
    assert [(d.rule, d.severity) for d in current] == [
        ("stale-guide", "error"),
        ("stat-source", "warning"),
    ]


def test_exclude_skips_files_when_walking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(
        tmp_path,
        {
            ".guidelint.yaml": "exclude: ['content/drafts/**', '*.tmp.md']\n",
            "content/ok.md": guide("Body.\n"),
            "content/drafts/bad.md": "No front matter.\n",
            "content/x.tmp.md": "No front matter.\n",
            "content/_partial.md": "No front matter.\n",
            "content/README.md": "No front matter.\n",
        },
    )
    result = run_main(capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26")
    assert (result.code, result.out) == (0, "All checks passed: 1 file(s), no findings.\n")


def test_policy_windows(lint_text: LintFn) -> None:
    text = guide("Body.\n").replace("updated: 2026-06", "updated: 2026-06-01")
    assert spots(
        lint_text(text, select="stale-guide", config={"policy": {"review_every": "90d"}})
    ) == [(5, 1, "stale-guide")]


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("drafts/**", "drafts/a/b.md", True),
        ("drafts/**", "content/drafts/a.md", False),
        ("**/drafts/**", "content/drafts/a.md", True),
        ("*.md", "deep/er/x.md", True),  # a bare name matches at any depth
        ("content/*.md", "content/a/b.md", False),
        ("content/?.md", "content/a.md", True),
    ],
)
def test_globs(tmp_path: Path, glob: str, path: str, matches: bool) -> None:
    assert excluded(tmp_path, [glob], path) is matches


def excluded(base: Path, globs: list[str], path: str) -> bool:
    """Whether ``exclude: globs`` excludes ``path`` (relative to the config), and
    an override with ``files: globs`` applies to it: the two always agree."""
    config = build_config({"exclude": globs, "overrides": [{"files": globs}]}, base, "t")
    matched = config.is_excluded(base / path)
    assert config.matching_overrides(base / path) == ((0,) if matched else ())
    return matched


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("content/[0-9]*.md", "content/2024-pay.md", True),
        ("content/[0-9]*.md", "content/pay.md", False),
        ("content/[0-9]*.md", "content/[0-9]x.md", False),  # a class, not literal text
        ("[!_]*.md", "content/_partial.md", False),
        ("[!_]*.md", "content/guide.md", True),
    ],
)
def test_globs_have_character_classes(tmp_path: Path, glob: str, path: str, matches: bool) -> None:
    assert excluded(tmp_path, [glob], path) is matches


@pytest.mark.parametrize(
    ("glob", "path", "matches"),
    [
        ("**/drafts/*.md", "drafts/a.md", True),  # **/ may match no folder at all
        ("**/drafts/*.md", "x/y/drafts/a.md", True),
        ("a/**/b.md", "a/b.md", True),
        ("a/**/b.md", "a/x/y/b.md", True),
        ("a/**/b.md", "xa/b.md", False),
        ("content/**", "content/a/b/c.md", True),
        ("content/**", "other/content/a.md", False),  # a slash anchors it to the config
        ("/top.md", "top.md", True),
        ("/top.md", "deep/top.md", False),
    ],
)
def test_globs_double_star_and_anchoring(
    tmp_path: Path, glob: str, path: str, matches: bool
) -> None:
    assert excluded(tmp_path, [glob], path) is matches


@pytest.mark.parametrize(
    ("glob", "path"),
    [
        ("drafts", "drafts/a.md"),
        ("drafts", "content/deep/drafts/a.md"),
        ("drafts/", "content/drafts/a.md"),  # a trailing slash: a folder, at any depth
        ("a.md", "content/deep/a.md"),
    ],
)
def test_a_bare_name_matches_at_any_depth(tmp_path: Path, glob: str, path: str) -> None:
    assert excluded(tmp_path, [glob], path)


@pytest.mark.parametrize(
    ("path", "matches"),
    [("content/drafts/keep.md", False), ("content/drafts/other.md", True), ("content/a.md", False)],
)
def test_a_negated_glob_takes_a_file_back(tmp_path: Path, path: str, matches: bool) -> None:
    globs = ["content/drafts/*", "!content/drafts/keep.md"]  # gitignore's own example, in short
    assert excluded(tmp_path, globs, path) is matches


def test_the_last_matching_glob_wins(tmp_path: Path) -> None:
    assert excluded(tmp_path, ["!a.md", "*.md"], "a.md")
    assert not excluded(tmp_path, ["*.md", "!a.md"], "a.md")


@pytest.mark.parametrize("key", ["exclude", "overrides.0.files"])
def test_a_glob_git_refuses_is_a_config_error(tmp_path: Path, key: str) -> None:
    data = {"exclude": ["!"]} if key == "exclude" else {"overrides": [{"files": ["x\\"]}]}
    with pytest.raises(ConfigError, match=f"^t: {key}: "):
        build_config(data, tmp_path, "t")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            {"rules": {"stat-source": "warn"}},
            "rules.stat-source: severity must be one of: error, warning, off; got 'warn'",
            id="severity",
        ),
        pytest.param(
            {"policy": {"review_every": "6 months"}},
            "policy.review_every: '6 months' is not a window; write 6mo, 26w or 180d",
            id="window",
        ),
        pytest.param(
            {"polcy": {}}, "polcy: unknown key (did you mean 'policy'?)", id="unknown-key"
        ),
        pytest.param(
            {"rules": {"stat_source": "off"}},
            "rules.stat_source: unknown rule (did you mean 'stat-source'?)",
            id="rule-name",
        ),
        pytest.param(
            {"keys": {"updatd": "lastmod"}},
            "keys.updatd: unknown key (did you mean 'updated'?)",
            id="alias-key",
        ),
        pytest.param(
            {"rules": {"stat-source": {"scope": "page"}}},
            "rules.stat-source.scope: must be one of: sentence, paragraph; got 'page'",
            id="option-value",
        ),
    ],
)
def test_bad_config_says_what_to_write(
    tmp_path: Path, data: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        build_config(data, tmp_path, "cfg.yaml")
    assert str(caught.value) == f"cfg.yaml: {message}"


def test_unknown_rule_option_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        build_config({"rules": {"stat-source": {"scop": "page"}}}, tmp_path, "cfg.yaml")
    assert str(caught.value) == (
        "cfg.yaml: rules.stat-source: unknown option 'scop' (did you mean 'scope'?)"
    )


def _check(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, cwd: Path, *args: str
) -> tuple[int, list[tuple[str, str]]]:
    """Exit code and (path, rule) of each finding of ``check --format json ARGS`` in ``cwd``."""
    import json

    day = ("--today", "2026-11-26")
    result = run_main(capsys, monkeypatch, cwd, "check", *day, "--format", "json", *args)
    assert result.code != 2, result.err
    return result.code, [(d["path"], d["rule"]) for d in json.loads(result.out)["diagnostics"]]


UNSOURCED = guide("About 92% of PMMs agree.\n")
QUIET = "rules: {stat-source: off}\n"


def test_config_is_found_from_the_checked_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"site/.guidelint.yaml": QUIET, "site/content/g.md": UNSOURCED})
    assert _check(capsys, monkeypatch, tmp_path, "site/content") == (0, [])
    assert _check(capsys, monkeypatch, tmp_path, "site/content/g.md") == (0, [])
    # --config still wins over what is found.
    write_tree(tmp_path, {"loud.yaml": "content_root: site/content\n"})
    code, found = _check(capsys, monkeypatch, tmp_path, "--config", "loud.yaml", "site/content")
    assert (code, found) == (1, [("site/content/g.md", "stat-source")])


def test_one_run_uses_each_paths_own_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(
        tmp_path,
        {
            "a/.guidelint.yaml": QUIET,
            "a/content/g.md": UNSOURCED,
            "b/.guidelint.yml": "rules: {stat-source: warning}\n",
            "b/content/g.md": UNSOURCED.replace("pm-vs-pmm", "other"),
            "c/content/g.md": UNSOURCED.replace("pm-vs-pmm", "third"),
        },
    )
    code, found = _check(capsys, monkeypatch, tmp_path, "a/content", "b/content", "c/content/g.md")
    assert (code, found) == (
        1,
        [("b/content/g.md", "stat-source"), ("c/content/g.md", "stat-source")],
    )
    result = run_main(capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", "b", "c")
    assert result.out.startswith("b/content/g.md:9:7: warning stat-source")
    assert "c/content/g.md:9:7: error stat-source" in result.out


def test_inside_the_content_folder_it_is_the_content_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"content/g.md": UNSOURCED, "content/sub/h.md": UNSOURCED})
    code, found = _check(capsys, monkeypatch, tmp_path / "content")
    assert (code, sorted({p for p, _ in found})) == (1, ["g.md", "sub/h.md"])
    # From a folder inside it, the duplicate slug is still seen across the root.
    code, found = _check(capsys, monkeypatch, tmp_path / "content" / "sub", "h.md")
    assert ("h.md", "duplicate-slug") in found


def test_report_uses_the_config_found_from_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(
        tmp_path,
        {"site/.guidelint.yaml": "policy: {review_every: 30d}\n", "site/content/g.md": UNSOURCED},
    )
    day = ("--today", "2026-11-26")
    result = run_main(
        capsys, monkeypatch, tmp_path, "report", *day, "--format", "csv", "site/content"
    )
    assert result.code == 0 and "30d" in result.out
