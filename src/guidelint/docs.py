"""Rule documentation, read from the rule modules themselves."""

from __future__ import annotations

import textwrap

from guidelint.errors import UsageError
from guidelint.rules import RULES


def explain_rule(name: str) -> str:
    """What RULE checks, why, a failing example, the fix and how to silence it."""
    rule = RULES.get(name)
    if rule is None:
        known = ", ".join(RULES)
        raise UsageError(f"unknown rule '{name}'; known rules: {known}")
    doc = textwrap.dedent(rule.__doc__ or "").strip()
    options = ", ".join(rule.OPTIONS) or "none"
    parts = [
        f"{rule.NAME} ({rule.SEVERITY} by default)",
        "",
        doc,
        "",
        f"Options: {options}",
        "",
        "Fails:",
        "",
        textwrap.indent(_shorten(rule.EXAMPLE_FAIL), "    "),
        "Passes:",
        "",
        textwrap.indent(_shorten(rule.EXAMPLE_PASS), "    "),
        "Silence it:",
        "",
        f"    <!-- guidelint-disable-next-line {rule.NAME} -- why -->   (the next line)",
        f"    <!-- guidelint-disable {rule.NAME} --> ... <!-- guidelint-enable {rule.NAME} -->",
        f"    front matter: guidelint: {{disable: [{rule.NAME}]}}   (the whole file)",
        f"    .guidelint.yaml: rules: {{{rule.NAME}: off}}   (everywhere)",
        "",
    ]
    return "\n".join(parts)


def _shorten(example: str, limit: int = 40) -> str:
    lines = example.splitlines()
    if len(lines) > limit or any(len(line) > 200 for line in lines):
        lines = [line[:120] + (" ..." if len(line) > 120 else "") for line in lines[:limit]]
    return "\n".join(lines) + "\n"
