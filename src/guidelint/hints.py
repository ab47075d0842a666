"""Messages a person can act on: "did you mean", and schema errors in plain words.

The config, the front matter (the ``schema`` rule), ``--select`` and
``explain`` all describe mistakes through here, so a typo gets the same
suggestion and a bad value the same kind of sentence wherever it is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# jsonschema's type names, as someone writing YAML knows them.
_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word`` (``stat_source`` finds ``stat-source``), if any is close."""
    import difflib  # only when something is misspelt: a clean run never pays for it

    options = sorted(set(choices))
    folded = {option.lower().replace("_", "-"): option for option in options}
    found = difflib.get_close_matches(word.lower().replace("_", "-"), list(folded), n=1)
    return folded[found[0]] if found else None


def suggestion(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for a close choice, else an empty string."""
    match = did_you_mean(word, choices)
    return f" (did you mean '{match}'?)" if match else ""


def dotted(path: Iterable[Any], top: str, dots: bool = False) -> str:
    """``sources[1].id`` (or with ``dots``, ``overrides.0.files``); ``top`` for no path."""
    out = ""
    for part in path:
        if isinstance(part, int) and not dots:
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or top


def schema_messages(
    error: Any, top: str = "front matter", base: Iterable[Any] = (), dots: bool = False
) -> list[tuple[list[Any], str]]:
    """A jsonschema error as ``(path, message)`` pairs, each message starting with its path.

    An object with several unknown keys gives one pair per key, at the key.
    ``top`` names the document itself (its path is empty); ``base`` is where
    the validated value sits in a larger document; ``dots`` writes list
    indexes as ``.0`` (config paths), not ``[0]`` (front matter).
    """
    path = [*base, *error.absolute_path]

    def where(*more: Any) -> str:
        return dotted([*path, *more], top, dots)

    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        return [
            ([*path, key], f"{where(key)}: unknown key{_closest(str(key), allowed)}")
            for key in error.instance
            if key not in allowed
        ]
    if "propertyNames" in error.relative_schema_path and isinstance(error.instance, str):
        # A key that is not allowed here: jsonschema gives the key as the value.
        key = error.instance
        names = error.validator_value if error.validator == "enum" else ()
        hint = _closest(key, {str(v) for v in names}) if names else ""
        return [([*path, key], f"{where(key)}: unknown key{hint}")]
    if error.validator == "required" and isinstance(error.instance, dict):
        return [
            (path, f"{where()}: missing required key '{key}'")
            for key in error.validator_value
            if key not in error.instance
        ]
    return [(path, f"{where()}: {_sentence(_deepest(error))}")]


def _closest(key: str, allowed: set[str]) -> str:
    if not allowed:
        return " (nothing may be set here)"
    return suggestion(key, allowed) or f" (allowed: {', '.join(sorted(allowed))})"


def _deepest(error: Any) -> Any:
    """For "none of these alternatives", the one the value came closest to."""
    while error.validator in ("anyOf", "oneOf") and error.context:
        nearer = [e for e in error.context if e.validator not in ("type", "const")]
        if not nearer:
            return error  # the value's type fits none: say which types would
        error = max(nearer, key=lambda e: len(e.relative_path))
    return error


def _sentence(error: Any) -> str:
    """What is wrong with the value, without the path."""
    kind, limit, value, schema = (
        error.validator,
        error.validator_value,
        error.instance,
        error.schema,
    )
    title = schema.get("title") if isinstance(schema, dict) else None
    must = f"{title} must" if isinstance(title, str) else "must"
    if kind == "enum":
        # YAML reads an unquoted `off` as false: listing false too would confuse.
        shown = [v for v in limit if not isinstance(v, bool)] or limit
        return f"{must} be one of: {', '.join(map(_yaml, shown))}; got {_shown(value)}"
    if kind == "pattern":
        what = schema.get("description") if isinstance(schema, dict) else None
        return (
            f"{_shown(value)} is not {what}" if what else f"{_shown(value)} does not match {limit}"
        )
    if kind in ("minLength", "maxLength"):
        bound = "at least" if kind == "minLength" else "at most"
        if not value:
            return f"{_shown(value)} is empty; it must be {bound} {_count(limit, 'character')}"
        return f"{_shown(value)} is {_count(len(value), 'character')}; it must be {bound} {limit}"
    if kind in ("minItems", "maxItems"):
        bound = "at least" if kind == "minItems" else "at most"
        if not value:
            return f"the list is empty; it needs {bound} {_count(limit, 'item')}"
        return f"it has {_count(len(value), 'item')}; it may have {bound} {limit}"
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        return f"{_shown(value)} is out of range; it must be {bound} {limit}"
    if kind == "uniqueItems":
        twice = next((v for i, v in enumerate(value) if v in value[:i]), None)
        return f"{_shown(twice)} is listed more than once"
    if kind == "type":
        return f"{_shown(value)} is not {_types(limit)}"
    if kind in ("anyOf", "oneOf"):
        wanted = [
            _types(e.validator_value) if e.validator == "type" else _yaml(e.validator_value)
            for e in error.context
        ]
        return f"{_shown(value)} is not {' or '.join(wanted)}"
    if kind == "const":
        return f"must be {_yaml(limit)}; got {_shown(value)}"
    message = str(error.message)
    return message if len(message) < 200 else message[:197] + "..."


def _types(names: Any) -> str:
    names = [names] if isinstance(names, str) else list(names)
    return " or ".join(_TYPE_NAMES.get(name, name) for name in names)


def _yaml(value: Any) -> str:
    """A schema value as YAML writes it (``false``, not ``False``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "empty" if value is None else str(value)


def _shown(value: Any) -> str:
    """The user's value, short: text quoted, a long list or mapping cut."""
    plain = value is None or isinstance(value, (bool, int, float))
    text = _yaml(value) if plain else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
