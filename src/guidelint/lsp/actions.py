"""Hover and code actions on a checked buffer: explain a rule, fix, fix all, silence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from guidelint.diagnostic import Diagnostic
from guidelint.docs import explain_rule
from guidelint.fixes import MAX_PASSES, apply_fixes, wanted
from guidelint.front_matter import split
from guidelint.lsp.convert import Text, contains, text_edits, whole_change
from guidelint.lsp.workspace import GuideWorkspace
from guidelint.rules import RULES

FIX_ALL = "source.fixAll.guidelint"
_DIRECTIVE = re.compile(r"guidelint-(?:disable-next-line|disable|enable)\b")
_RULE_NAME = re.compile(r"[a-z][a-z0-9-]*")


def _explain(rule: str) -> types.Hover:
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value=f"```text\n{explain_rule(rule)}```"
        )
    )


def hover(
    text: Text, published: list[types.Diagnostic], position: types.Position
) -> types.Hover | None:
    """The rule's ``explain`` text, on a rule named in a suppression or on a finding."""
    line = text.line(position.line)
    directive = _DIRECTIVE.search(line)
    if directive is not None:
        at = text.char_at(position) - text.starts[min(position.line, len(text.starts) - 1)]
        for name in _RULE_NAME.finditer(line, directive.end()):
            if name.start() <= at <= name.end() and name.group() in RULES:
                return _explain(name.group())
    cursor = types.Range(position, position)
    for item in published:
        if contains(item.range, cursor) and isinstance(item.code, str) and item.code in RULES:
            return _explain(item.code)
    return None


def quick_fixes(
    uri: str,
    text: Text,
    checked: Sequence[tuple[types.Diagnostic, Diagnostic]],
    wanted_range: types.Range,
) -> list[types.CodeAction]:
    """A quick fix per fixable finding in ``wanted_range``, and "Silence RULE on this line"."""
    actions: list[types.CodeAction] = []
    body_line = _body_line(text)
    for item, found in checked:
        if not contains(item.range, wanted_range):
            continue
        fix = found.fix
        if fix is not None:
            actions.append(
                types.CodeAction(
                    title=f"{fix.title} ({item.code})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[item],
                    is_preferred=fix.applicability == "safe",
                    edit=types.WorkspaceEdit(changes={uri: text_edits(fix.edits, text)}),
                )
            )
        if item.range.start.line >= body_line:
            actions.append(_silence(uri, text, item))
    return actions


def _body_line(text: Text) -> int:
    """The first line of the body: suppression comments only work there."""
    parts = split(text.text.removeprefix("\ufeff"))
    if not parts.closed:
        return 0
    return text.position_at(parts.body_start + text.bom).line


# The command a "Silence" action runs after its edit: select the reason to type over.
SELECT_REASON = "guidelint.selectReason"


def _silence(uri: str, text: Text, item: types.Diagnostic) -> types.CodeAction:
    line = item.range.start.line
    indent = re.match(r"[ \t]*", text.line(line))
    break_ = text.text[text.starts[line] - 2 : text.starts[line]] if line else "\n"
    eol = "\r\n" if break_ == "\r\n" else (break_[-1:] or "\n")
    lead = f"{indent.group() if indent else ''}<!-- guidelint-disable-next-line {item.code} -- "
    start = types.Position(line, 0)
    insert = types.TextEdit(range=types.Range(start, start), new_text=f"{lead}reason -->{eol}")
    return types.CodeAction(
        title=f"Silence {item.code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[item],
        edit=types.WorkspaceEdit(changes={uri: [insert]}),
        # The inserted line is ASCII after its indent: its characters count the
        # same in every position encoding.
        command=types.Command(
            title="Select the reason",
            command=SELECT_REASON,
            arguments=[uri, line, len(lead), len(lead) + len("reason")],
        ),
    )


def fix_all(
    uri: str, text: Text, found: list[Diagnostic], workspace: GuideWorkspace, path: Path
) -> types.CodeAction | None:
    """Every safe fix of the buffer, applied in passes as ``check --fix`` applies them."""
    data = text.data
    current = found
    for _ in range(MAX_PASSES):
        new, done = apply_fixes(data, wanted(current, unsafe=False))
        if not done or new == data:
            break
        data = new
        current = workspace.check(path, data)
    edits = whole_change(text, data.decode("utf-8", "surrogatepass"))
    if not edits:
        return None
    return types.CodeAction(
        title="Fix all auto-fixable problems (guidelint)",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )
