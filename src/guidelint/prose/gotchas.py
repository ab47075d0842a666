"""Gotcha sections, their strong and weak answers, and the blocks that state no claim."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from guidelint.markdown import Body

_STRONG_WEAK_RE = re.compile(r"^(?:an?\s+|the\s+)?(strong|weak)(?:\s+answers?)?\s*:?$", re.I)
_GOTCHA_RE = re.compile(r"\bgotchas?\b", re.I)
# "Gotchas", "CSS gotchas", "Rollback gotchas": a heading naming pitfalls in
# the plural holds gotchas (or a list of pitfalls); it is not one itself.
_PLURAL_RE = re.compile(r"\bgotchas\b", re.I)
# An answer written as a bold label ("**Strong answer:** ...") instead of a sub-heading.
_LABEL_RE = re.compile(r"^(?:an?\s+|the\s+)?(strong|weak)(?:\s+answers?)?\s*:", re.I)


class Gotcha(NamedTuple):
    """A gotcha section: its heading and its answer sub-headings."""

    heading: int  # index into Body.headings
    strong: int | None  # heading index of the strong answer, if any
    weak: int | None
    strong_empty: bool
    weak_empty: bool
    # Answers written as a paragraph's label ("Strong answer: ..."), not a
    # sub-heading: "strong" or "weak" -> the paragraph's block index.
    labelled: Mapping[str, int] = MappingProxyType({})


def gotchas(body: Body) -> list[Gotcha]:
    """Every gotcha section (a heading that says "gotcha" and holds no other)."""
    headings = body.headings
    has_content = body.filled | {b.heading for b in body.blocks if b.kind != "heading"}
    labels = _label_paragraphs(body)
    result: list[Gotcha] = []
    for index, heading in enumerate(headings):
        if not _GOTCHA_RE.search(heading.text):
            continue
        end = section_end(body, index)
        if any(_GOTCHA_RE.search(headings[i].text) for i in range(index + 1, end)):
            continue  # a container ("Gotchas") whose sub-sections are the gotchas
        if _PLURAL_RE.search(heading.text) and not heading.text.rstrip().endswith("?"):
            continue  # pitfalls named in the plural ("CSS gotchas"): a container
        strong = weak = None
        for sub in range(index + 1, end):
            match = _STRONG_WEAK_RE.match(headings[sub].text.strip())
            if not match:
                continue
            if match.group(1).lower() == "strong" and strong is None:
                strong = sub
            elif match.group(1).lower() == "weak" and weak is None:
                weak = sub
        result.append(
            Gotcha(
                index,
                strong,
                weak,
                strong is not None and strong not in has_content,
                weak is not None and weak not in has_content,
                {kind: block for kind, block, under in reversed(labels) if index <= under < end},
            )
        )
    return result


def _label_paragraphs(body: Body) -> list[tuple[str, int, int]]:
    """(``strong``/``weak``, block, its heading) of each paragraph that starts with an answer label."""
    found = []
    for number, block in enumerate(body.blocks):
        if block.kind == "paragraph":
            match = _LABEL_RE.match(block.text)
            if match:
                found.append((match.group(1).lower(), number, block.heading))
    return found


def section_end(body: Body, index: int) -> int:
    """Index of the first heading after ``index`` at the same or a higher level."""
    level = body.headings[index].level
    for later in range(index + 1, len(body.headings)):
        if body.headings[later].level <= level:
            return later
    return len(body.headings)


def exempt_blocks(body: Body, found: list[Gotcha]) -> set[int]:
    """Blocks that are a gotcha's question or a sample answer."""
    exempt: set[int] = set()
    answer_headings: set[int] = set()
    for gotcha in found:
        for sub in (gotcha.strong, gotcha.weak):
            if sub is not None:
                answer_headings.update(range(sub, section_end(body, sub)))
    question_of: dict[int, bool] = {g.heading: True for g in found}
    for index, block in enumerate(body.blocks):
        if block.heading in answer_headings:
            exempt.add(index)
        elif block.heading in question_of:
            if block.kind == "heading":
                exempt.add(index)  # the gotcha heading states the question
            elif question_of[block.heading]:
                exempt.add(index)  # ...or its first paragraph does
                question_of[block.heading] = False
    return exempt
