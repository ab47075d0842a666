"""The packaged guide schema's validator: a compiled yes/no first, jsonschema's errors after.

Most front matters are valid, and for a valid one jsonschema's ``iter_errors``
still walks every keyword in Python: about 125 µs a guide, a tenth of a
guide's whole check.  fastjsonschema compiles a schema into plain Python
code that answers "valid?" in about 9 µs.  It implements draft-07, not the
draft 2020-12 our schema is written in, and its messages are not ours, so it
is only ever trusted with a *yes*:

- a front matter it accepts has no errors, and jsonschema is never asked
  (nor imported, in a run where every guide is valid);
- anything it rejects goes to jsonschema, whose errors the schema rule
  reports exactly as before.

That is sound as long as fastjsonschema never accepts what jsonschema
rejects.  It holds for the keywords listed in :data:`SAME_IN_BOTH_DRAFTS`,
which mean the same in both drafts (and where fastjsonschema is, if
anything, stricter: its ``pattern`` reads ``$`` as the very end, where
Python's ``re`` also allows a final newline); ``quick_check`` refuses a
schema that uses any other keyword.  Only the packaged schema, which is ours
and simple, takes this path; a user's schema goes to jsonschema alone.
``tests/test_schema_quick.py`` checks both verdicts agree on generated
front matters, valid and broken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# Keywords with the same meaning in draft-07 and draft 2020-12, for the
# schema shapes they take in the packaged schema ("items" holding one schema,
# not a list: a list means "prefixItems" in 2020-12).  Annotations
# ("title", "description") assert nothing.  Not "enum" or "const":
# fastjsonschema compares with ``==``, so True would pass for 1.
SAME_IN_BOTH_DRAFTS = frozenset(
    {
        "type",
        "properties",
        "additionalProperties",
        "required",
        "pattern",
        "minLength",
        "maxLength",
        "items",
        "uniqueItems",
        "minItems",
        "maxItems",
        "title",
        "description",
    }
)
# Top-level bookkeeping, dropped before compiling: no "$ref" is left once
# inlined, so "$defs" and "$id" have nothing to do.
_TOP_LEVEL_ONLY = frozenset({"$schema", "$id", "$defs"})


def _keywords_ok(node: Any, top: bool = False) -> bool:
    """Whether ``node`` (a subschema) uses only keywords both drafts agree on."""
    if isinstance(node, bool):
        return True
    if not isinstance(node, dict):
        return False
    for key, value in node.items():
        if top and key in _TOP_LEVEL_ONLY:
            continue
        if key not in SAME_IN_BOTH_DRAFTS:
            return False
        if key == "properties":
            if not all(_keywords_ok(sub) for sub in value.values()):
                return False
        elif key in ("items", "additionalProperties") and not _keywords_ok(value):
            return False  # includes a list-valued "items" (prefixItems in 2020-12)
    return True


def quick_check(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """A compiled "is it valid?" for ``schema`` (refs inlined), or None if unsafe.

    None when the schema uses a keyword outside :data:`SAME_IN_BOTH_DRAFTS`
    or fastjsonschema cannot compile it: the caller then asks jsonschema
    every time, which is only slower.
    """
    if not _keywords_ok(schema, top=True):
        return None
    import fastjsonschema

    draft7 = {k: v for k, v in schema.items() if k not in _TOP_LEVEL_ONLY}
    draft7["$schema"] = "http://json-schema.org/draft-07/schema#"
    try:
        # use_formats=False: like jsonschema without a format checker.
        compiled = fastjsonschema.compile(draft7, use_formats=False)
    except fastjsonschema.JsonSchemaDefinitionException:
        return None

    def valid(instance: Any) -> bool:
        try:
            compiled(instance)
        except fastjsonschema.JsonSchemaValueException:
            return False
        return True

    return valid


class QuickFirstValidator:
    """jsonschema's validator for ``schema``, asked only when the quick check says no.

    Stands in for a ``jsonschema`` validator wherever guidelint uses one: it
    has the one method they call, :meth:`iter_errors`.  The jsonschema
    validator is built on first need, so a run of valid guides never imports
    jsonschema.
    """

    def __init__(
        self, schema: dict[str, Any], quick: Callable[[Any], bool], full: Callable[[], Any]
    ) -> None:
        self.schema = schema
        self._quick = quick
        self._make_full = full
        self._full: Any = None

    def iter_errors(self, instance: Any) -> Iterator[Any]:
        """jsonschema's errors for ``instance``; none, at once, when the quick check passes."""
        if self._quick(instance):
            return iter(())
        if self._full is None:
            self._full = self._make_full()
        errors: Iterator[Any] = self._full.iter_errors(instance)
        return errors


def packaged_validator(path: Path) -> Any:
    """The validator for the packaged schema at ``path``: quick check first where safe."""
    import json

    from guidelint.schema_inline import inline_local_refs

    schema = inline_local_refs(json.loads(path.read_text("utf-8")))

    def full() -> Any:
        import jsonschema

        return jsonschema.Draft202012Validator(schema)

    quick = quick_check(schema)
    return full() if quick is None else QuickFirstValidator(schema, quick, full)
