"""The packaged guide schema with its local ``$ref`` s written out in place.

jsonschema resolves every ``{"$ref": "#/$defs/date"}`` through its
``referencing`` registry each time it validates, about a third of the time
a guide's front matter takes to validate.  The packaged schema is ours and
simple (references to ``$defs`` entries that hold no references, no nested
``$id``), so each reference is replaced by a copy of what it points at,
once, when the validator is built.  A user's schema is never rewritten.
"""

from __future__ import annotations

from typing import Any


def inline_local_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every ``{"$ref": "#/$defs/NAME"}`` replaced by that definition.

    Only a reference that is the whole subschema and points at a definition
    that itself holds no reference is replaced; anything else is kept as
    it is (``$defs`` stays, so a kept reference still resolves).
    """
    defs = schema.get("$defs", {})
    plain = {name: body for name, body in defs.items() if "$ref" not in repr(body)}

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if len(node) == 1 and isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref[len("#/$defs/") :]
                if name in plain:
                    return walk(plain[name])
            return {key: value if key == "$defs" else walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    inlined: dict[str, Any] = walk(schema)
    return inlined
