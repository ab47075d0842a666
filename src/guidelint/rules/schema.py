"""The front matter breaks the guide schema (``schemas/guide.schema.json``).

Why: the schema is the contract between editors and every tool that reads
guides: required keys (title, slug, category, updated, owner), their types
and formats, and no unknown keys, so a typo such as ``updatd`` is caught
instead of silently ignored.  The message names the key's path
(``sources[1].id``) and, for a closed list, the allowed values.

Dates (``updated``, ``reviewed``, ``salary_as_of``) are checked by their own
rules, which say more than a pattern mismatch can.

Fix: correct the key at the line and column given.  A content set with its
own front-matter conventions can point ``schema:`` in the config at its own
schema, or set ``schema: false``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from guidelint.context import Context, diagnostic, token_end
from guidelint.diagnostic import Diagnostic, Fix, Severity
from guidelint.errors import ConfigError
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "schema"
SEVERITY: Severity = "error"
SUMMARY = "a front-matter key breaks the JSON Schema (path, expected values)"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset({"schema"})
EXAMPLE_FAIL = example("Body.\n", extra="updatd: 2026-07\n")
EXAMPLE_PASS = example("Body.\n", extra="tags: [pm]\n")

# Keys whose problems dedicated rules report with better messages.
_OWNED_ELSEWHERE = frozenset({"updated", "reviewed", "salary_as_of"})


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Validate the front matter, seen under canonical key names."""
    validator = ctx.schema() if guide.meta is not None else None
    if guide.meta is None or validator is None:
        return []
    canonical = {_canonical(guide, key): value for key, value in guide.meta.items()}
    return list(_findings(guide, validator, canonical))


def _canonical(guide: Guide, key: str) -> str:
    for name, actual in guide.keymap.items():
        if actual == key:
            return name
    return key


def _findings(guide: Guide, validator: Any, instance: dict[str, Any]) -> Iterator[Diagnostic]:
    try:
        errors = sorted(
            validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))
        )
    except Exception as exc:
        # Imported here: a run of valid guides never imports jsonschema.
        from referencing.exceptions import Unresolvable

        if not isinstance(exc, Unresolvable):
            raise
        # A "$ref" to another file or a URL: guidelint never fetches one.
        raise ConfigError(
            f"the guide schema refers to {exc.ref!r}, which guidelint cannot resolve: it never "
            "fetches schemas; put the definition under '$defs' in the schema file"
        ) from None
    # jsonschema raises one "required" error per missing key, each naming the
    # whole list: report each missing key once.
    reported: set[tuple[str, str]] = set()
    if errors:
        from guidelint.hints import (
            dotted,
            schema_messages,
        )  # imported here: most guides get no such finding, and pre-commit pays every import
    for error in errors:
        path = list(error.absolute_path)
        if error.validator == "required":
            for key in error.validator_value:
                if key in error.instance or (not path and key in _OWNED_ELSEWHERE):
                    continue
                if (str(path), key) not in reported:
                    reported.add((str(path), key))
                    message = f"{dotted(path, 'front matter')}: missing required key '{key}'"
                    spot = guide.key_position(*path)
                    yield diagnostic(guide, NAME, SEVERITY, spot, message, token_end(guide, spot))
            continue
        if path and str(path[0]) in _OWNED_ELSEWHERE:
            continue
        for where, message in schema_messages(error):
            position = guide.key_position(*where)
            end = token_end(guide, position)
            fix = _rename_fix(guide, error, where)
            yield diagnostic(guide, NAME, SEVERITY, position, message, end, fix)


def _rename_fix(guide: Guide, error: Any, where: list[Any]) -> Fix | None:
    """For an unknown key, the rename to a known key one edit away, if there is exactly one."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return None
    allowed = set(error.schema.get("properties", {}))
    if not where or where[-1] in allowed:
        return None
    return _rename(guide, tuple(where), allowed - set(error.instance))


def _rename(guide: Guide, path: tuple[Any, ...], free: set[str]) -> Fix | None:
    """Renaming a key one edit away from exactly one unused known key: unsafe, it may be meant."""
    near = [name for name in sorted(free) if _one_edit(str(path[-1]), name)]
    if len(near) != 1:
        return None
    if path[:1] and isinstance(path[0], str):
        path = (guide.key_name(path[0]), *path[1:])
    from guidelint.fixes import (
        rename_key,
    )  # imported here: most guides get no such finding, and pre-commit pays every import

    edit = rename_key(guide, path, near[0])
    return None if edit is None else Fix(f"Rename '{path[-1]}' to '{near[0]}'", (edit,), "unsafe")


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1]
