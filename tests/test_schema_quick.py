"""schema_quick: a compiled yes/no in front of jsonschema, trusted only with a yes."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from guidelint import DATA
from guidelint.engine import load_schema_validator
from guidelint.guide import read_guide
from guidelint.schema_inline import inline_local_refs
from guidelint.schema_quick import QuickFirstValidator, packaged_validator, quick_check
from tests.conftest import guide
from tests.util import load_benchmark

SCHEMA = inline_local_refs(json.loads((DATA / "guide.schema.json").read_text("utf-8")))

# Values of every JSON type, and strings near the schema's patterns and lengths.
_ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    2.5,
    "",
    "x",
    "ok",
    "Not A Slug",
    "slug-\n",
    "a-b\n",
    "2026-07\n",
    "2026-07-01",
    "2026-13",
    "2026-07-01T10:00Z",
    "https://example.com/x",
    "ftp://example.com",
    "12mo",
    "3 weeks",
    "A title long enough",
    "x" * 161,
    [],
    ["pm"],
    ["pm", "pm"],
    [1, True],
    ["", "y"],
    {},
    {"id": "s"},
    {"id": "s", "title": "T"},
    {"id": "Bad Id", "title": "T"},
    {"id": "s", "title": "T", "url": "example.com"},
    {"disable": ["stat-source"]},
    {"disable": ["Bad"]},
]


def _mutants(base: dict[str, Any], count: int, seed: int) -> list[Any]:
    """``count`` copies of ``base``, each with a few keys deleted, added or set to odd values."""
    rng = random.Random(seed)
    keys = [*SCHEMA["properties"], "updatd", "extra", 7]
    out: list[Any] = []
    for _ in range(count):
        meta = copy.deepcopy(base)
        for _ in range(rng.randint(1, 3)):
            key = rng.choice(keys)
            roll = rng.random()
            if roll < 0.2:
                meta.pop(key, None)
            elif roll < 0.4 and isinstance(meta.get(key), list) and meta[key]:
                meta[key][rng.randrange(len(meta[key]))] = rng.choice(_ODD_VALUES)
            elif (
                roll < 0.5
                and isinstance(meta.get("sources"), list)
                and meta["sources"]
                and isinstance(meta["sources"][0], dict)
            ):
                meta["sources"][0][rng.choice(["id", "title", "url", "x"])] = rng.choice(
                    _ODD_VALUES
                )
            else:
                meta[key] = copy.deepcopy(rng.choice(_ODD_VALUES))
        out.append(meta)
    return out


def test_the_packaged_schema_gets_the_quick_check() -> None:
    # A keyword outside the safe list would silently turn the speed-up off.
    assert quick_check(SCHEMA) is not None
    assert isinstance(load_schema_validator(None), QuickFirstValidator)


def test_the_quick_check_never_says_yes_where_jsonschema_says_no(tmp_path: Path) -> None:
    full = jsonschema.Draft202012Validator(SCHEMA)
    quick = quick_check(SCHEMA)
    assert quick is not None
    load_benchmark("gen_corpus").generate(tmp_path, 60, seed=3, defect_rate=0.5)
    metas = [read_guide(str(p), p.read_bytes()).meta for p in sorted(tmp_path.rglob("*.md"))]
    valid = [m for m in metas if m is not None and not list(full.iter_errors(m))]
    assert len(valid) > 20
    instances: list[Any] = [m for m in metas if m is not None]
    for number, base in enumerate(valid[:20]):
        instances += _mutants(base, 100, seed=number)
    instances += [None, [], "text", 5]
    said_no = disagreed = 0
    for instance in instances:
        ok = not list(full.iter_errors(instance))
        if quick(instance):
            assert ok, instance  # a yes from the quick check must be right
        else:
            said_no += 1
            # A no only costs time; it may be stricter only about a final
            # newline (fastjsonschema reads a pattern's "$" as the very end).
            if ok:
                disagreed += 1
                assert "\\n" in json.dumps(instance), instance
    assert said_no > 1000  # the mutants did break the schema, in many ways
    assert disagreed < said_no / 10


def test_a_yes_skips_jsonschema_and_a_no_gives_its_errors() -> None:
    def refuse() -> Any:
        raise AssertionError("jsonschema asked about a valid front matter")

    validator = QuickFirstValidator(SCHEMA, lambda _: True, refuse)
    assert list(validator.iter_errors({"anything": 1})) == []
    validator = packaged_validator(DATA / "guide.schema.json")
    bad = {"title": "Short", "slug": "x", "category": "role", "updated": "2026-01", "owner": "a"}
    got = sorted(e.message for e in validator.iter_errors(bad))
    want = sorted(e.message for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(bad))
    assert got == want and got


@pytest.mark.parametrize(
    "schema",
    [
        {"properties": {"a": {"enum": [1]}}},  # fastjsonschema: True == 1
        {"properties": {"a": {"const": 1}}},
        {"items": [{"type": "string"}]},  # prefixItems in 2020-12
        {"unevaluatedProperties": False},
        {"properties": {"a": {"$ref": "#/$defs/a"}}},
        {"additionalProperties": {"format": "date"}},
        {"properties": {"a": {"type": "array", "items": {"prefixItems": []}}}},
    ],
)
def test_a_keyword_the_drafts_may_read_differently_gets_no_quick_check(
    schema: dict[str, Any],
) -> None:
    assert quick_check(schema) is None


def test_a_user_schema_is_jsonschema_alone(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps({"type": "object"}), "utf-8")
    validator = load_schema_validator(str(path))
    assert isinstance(validator, jsonschema.Draft202012Validator)


def test_a_run_of_valid_guides_does_not_import_jsonschema(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(guide("Body.\n"), "utf-8")
    code = (
        "import sys, datetime\n"
        "from pathlib import Path\n"
        "from guidelint.config import build_config\n"
        "from guidelint.engine import RunOptions, lint\n"
        "root = Path(sys.argv[1])\n"
        "cfg = build_config({}, root, 'test')\n"
        "opts = RunOptions(today=datetime.date(2026, 11, 26), jobs=1)\n"
        "result = lint([root / 'content'], cfg, opts, cwd=root)\n"
        "print(len(result.diagnostics), 'jsonschema' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["0", "False"]
