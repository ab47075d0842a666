"""Messages a person can act on: did-you-mean and schema errors in plain words."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from guidelint.hints import did_you_mean, schema_messages, suggestion
from guidelint.rules import RULES


@pytest.mark.parametrize(
    ("word", "expected"),
    [("stat-sorce", "stat-source"), ("stat_source", "stat-source"), ("STALE-GUIDE", "stale-guide")],
)
def test_did_you_mean_finds_the_rule(word: str, expected: str) -> None:
    assert did_you_mean(word, RULES) == expected


def test_nothing_close_suggests_nothing() -> None:
    assert did_you_mean("zzzzzz", RULES) is None
    assert suggestion("zzzzzz", RULES) == ""
    assert suggestion("updatd", ["updated", "title"]) == " (did you mean 'updated'?)"


def _messages(schema: dict[str, Any], value: Any, **kwargs: Any) -> list[str]:
    errors = jsonschema.Draft202012Validator(schema).iter_errors(value)
    return [message for error in errors for _, message in schema_messages(error, **kwargs)]


@pytest.mark.parametrize(
    ("schema", "value", "expected"),
    [
        pytest.param(
            {"properties": {"severity": {"title": "severity", "enum": ["error", "off", False]}}},
            {"severity": "warn"},
            "severity: severity must be one of: error, off; got 'warn'",
            id="allowed-values",
        ),
        pytest.param(
            {"properties": {"title": {"type": "string", "minLength": 10}}},
            {"title": "P"},
            "title: 'P' is 1 character; it must be at least 10",
            id="limit",
        ),
        pytest.param(
            {"properties": {"w": {"description": "a window; write 6mo", "pattern": "^\\d+mo$"}}},
            {"w": "6 months"},
            "w: '6 months' is not a window; write 6mo",
            id="form",
        ),
        pytest.param(
            {"properties": {"w": {"pattern": "^\\d+mo$"}}},
            {"w": "6 months"},
            "w: '6 months' does not match ^\\d+mo$",  # one backslash, as written
            id="form-without-description",
        ),
        pytest.param(
            {"properties": {"tags": {"type": "array"}}},
            {"tags": "pm"},
            "tags: 'pm' is not a list",
            id="type",
        ),
        pytest.param(
            {"properties": {"s": {"anyOf": [{"type": "string"}, {"const": False}]}}},
            {"s": True},
            "s: true is not text or false",
            id="alternatives",
        ),
        pytest.param(
            {"properties": {"updated": {}}, "additionalProperties": False},
            {"updatd": 1},
            "updatd: unknown key (did you mean 'updated'?)",
            id="unknown-key",
        ),
        pytest.param(
            {"properties": {"k": {"propertyNames": {"enum": ["updated"]}}}},
            {"k": {"updatd": 1}},
            "k.updatd: unknown key (did you mean 'updated'?)",
            id="unknown-key-name",
        ),
        pytest.param(
            {"properties": {"n": {"minimum": 1}}},
            {"n": 0},
            "n: 0 is out of range; it must be at least 1",
            id="minimum",
        ),
    ],
)
def test_schema_errors_in_plain_words(schema: dict[str, Any], value: Any, expected: str) -> None:
    assert _messages(schema, value) == [expected]


def test_config_paths_use_dots_from_a_base() -> None:
    schema = {"properties": {"files": {"type": "array", "minItems": 1}}}
    found = _messages(
        {"type": "array", "items": schema}, [{"files": []}], base=("overrides",), dots=True
    )
    assert found == ["overrides.0.files: the list is empty; it needs at least 1 item"]
