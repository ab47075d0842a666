"""YAML problems are described once, at the place a person has to fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guidelint.config import load_config
from guidelint.errors import ConfigError
from guidelint.guide import read_guide
from guidelint.yamlread import YamlProblem, compose


@pytest.mark.parametrize(
    ("text", "where", "never_closed"),
    [
        pytest.param('title: "PM vs PMM\nslug: x\nowner: y\n', (1, 8), "quoted value", id="quote"),
        pytest.param("tags: [pm, pmm\n", (1, 7), "'['", id="bracket"),
        pytest.param("a: 1\nb: {c: 1\n", (2, 4), "'{'", id="brace"),
        pytest.param("a: [\n", (1, 4), "'['", id="empty-bracket"),
        pytest.param("a: 1 # [\nb: [x\n", (2, 4), "'['", id="not-in-a-comment"),
        pytest.param("tags: [pm\nslug: x\nowner: y\n", (1, 7), "'['", id="more-lines-after"),
    ],
)
def test_unclosed_is_reported_where_it_opens(
    text: str, where: tuple[int, int], never_closed: str
) -> None:
    with pytest.raises(YamlProblem) as caught:
        compose(text, yaml.CSafeLoader(text))
    mark = caught.value.mark
    assert mark is not None and (mark.line + 1, mark.column + 1) == where
    assert f"the {never_closed}" in caught.value.reason
    assert "is never closed)" in caught.value.reason


def test_a_problem_in_the_middle_stays_where_libyaml_found_it() -> None:
    text = "a: 1\n\tb: 2\n"
    with pytest.raises(YamlProblem) as caught:
        compose(text, yaml.CSafeLoader(text))
    assert caught.value.mark is not None and caught.value.mark.line == 1
    assert "never closed" not in caught.value.reason


def test_guide_with_an_unclosed_quote_points_at_the_quote_not_the_closing_line() -> None:
    parsed = read_guide("g.md", b'---\ntitle: "PM vs PMM\nslug: pm\n---\nBody.\n')
    assert [(p.line, p.column) for p in parsed.problems] == [(2, 8)]
    assert "quoted value starting here is never closed" in parsed.problems[0].message


def test_config_with_an_unclosed_bracket_names_its_line(tmp_path: Path) -> None:
    (tmp_path / ".guidelint.yaml").write_text("exclude: [drafts/**\ncontent_root: c\n")
    with pytest.raises(ConfigError, match=r"\.guidelint\.yaml:1:10: not valid YAML"):
        load_config(cwd=tmp_path)
