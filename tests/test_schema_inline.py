"""schema_inline: the packaged schema with its local references written out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from guidelint import DATA
from guidelint.guide import read_guide
from guidelint.schema_inline import inline_local_refs
from tests.util import load_benchmark


def _errors(validator: Any, instance: Any) -> list[tuple[object, ...]]:
    return sorted(
        (tuple(e.absolute_path), e.validator, repr(e.validator_value), e.message)
        for e in validator.iter_errors(instance)
    )


def test_packaged_schema_inlined_finds_the_same_errors(tmp_path: Path) -> None:
    schema = json.loads((DATA / "guide.schema.json").read_text("utf-8"))
    inlined = inline_local_refs(schema)
    body = json.dumps({k: v for k, v in inlined.items() if k != "$defs"})
    assert '"$ref"' in json.dumps(schema) and '"$ref"' not in body  # every one written out
    original = jsonschema.Draft202012Validator(schema)
    fast = jsonschema.Draft202012Validator(inlined)
    load_benchmark("gen_corpus").generate(tmp_path, 200, seed=7, defect_rate=1.0)
    metas = [read_guide(str(p), p.read_bytes()).meta for p in sorted(tmp_path.rglob("*.md"))]
    odd: list[Any] = [
        {"slug": "Not A Slug", "updated": "2026-13-01", "related": ["ok", "NO", "ok"]},
        {"sources": [{"id": "x", "published": "soon"}], "guidelint": {"disable": ["nope"]}},
        {"title": 5, "reviewed": None, "salary_as_of": []},
    ]
    instances = [m for m in metas if m is not None] + odd
    assert sum(1 for m in instances if _errors(original, m)) > 15  # defects were planted
    for instance in instances:
        assert _errors(fast, instance) == _errors(original, instance)


def test_only_plain_whole_references_are_written_out() -> None:
    schema = {
        "$defs": {
            "leaf": {"type": "string"},
            "tree": {"type": "array", "items": {"$ref": "#/$defs/tree"}},
        },
        "properties": {
            "a": {"$ref": "#/$defs/leaf"},
            "b": {"$ref": "#/$defs/tree"},  # recursive: kept
            "c": {"$ref": "#/$defs/leaf", "minLength": 2},  # with siblings: kept
            "d": {"$ref": "other.json#/x"},  # not local: kept
        },
    }
    inlined = inline_local_refs(schema)
    assert inlined["properties"] == {
        "a": {"type": "string"},
        "b": {"$ref": "#/$defs/tree"},
        "c": {"$ref": "#/$defs/leaf", "minLength": 2},
        "d": {"$ref": "other.json#/x"},
    }
    assert inlined["$defs"] == schema["$defs"]
    assert schema["properties"]["a"] == {"$ref": "#/$defs/leaf"}  # the input is not changed
