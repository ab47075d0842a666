"""The words that frame a block: its section heading and what introduces its list or table.

A number's meaning depends on more than its sentence: a table under an
"Example" heading is a worked example, a list after "Our travel policy:" is
a policy.  The claim cues (:mod:`.claims`) read this framing too.
"""

from __future__ import annotations

from guidelint.markdown import Block, Body
from guidelint.prose.claims import block_cues, context_cues, speaks_as_we
from guidelint.prose.salary import has_pay_word

_LISTED = ("item", "table-head", "table-row")


def lead_in(blocks: tuple[Block, ...], index: int) -> int | None:
    """The block that introduces the list or table ``index`` is in, if any.

    That is the block right before the list's (or the table's) first block:
    a paragraph, or for a nested item its parent item.
    """
    block = blocks[index]
    if block.kind not in _LISTED:
        return None
    before = index - 1
    if block.kind == "item":
        while before >= 0 and blocks[before].kind == "item" and not _introduces(blocks[before]):
            before -= 1
    else:
        while before >= 0 and blocks[before].table == block.table:
            before -= 1
    if before < 0 or blocks[before].kind not in ("paragraph", "item"):
        return None
    return before


def _introduces(item: Block) -> bool:
    """An item that ends with a colon introduces the items nested under it."""
    return item.text.rstrip().endswith(":")


class Framing:
    """Section headings and lead-ins of a guide's blocks, worked out once each."""

    def __init__(
        self, body: Body, texts: list[str], covered: frozenset[int] | None = frozenset()
    ) -> None:
        self.body = body
        self.texts = texts  # the blocks' texts, those that state no claim left empty
        # Blocks a citation around them covers (a cited table, a list after a
        # citing lead-in): no statistic in them needs judging for stat-source.
        # None: judge every statistic all the same.
        self.covered = covered
        self._document: tuple[str, ...] | None = None
        self._contexts: dict[int, tuple[str, str]] = {}
        self._cues: dict[int, tuple[str, ...]] = {}
        self._table_heads: dict[int, str] | None = None

    def document(self) -> tuple[str, ...]:
        """The cues of the whole guide (worked out only if a number is judged)."""
        if self._document is None:
            self._document = ("doc:we",) if speaks_as_we(self.texts) else ()
        return self._document

    def speaks_of_pay(self, index: int, text: str) -> bool:
        """Whether ``text`` (in block ``index``) or its table's header row has a pay word."""
        block = self.body.blocks[index]
        head = self._heads().get(block.table, "") if block.table >= 0 else ""
        return has_pay_word(f"{text} {head}")

    def _heads(self) -> dict[int, str]:
        if self._table_heads is None:
            blocks = self.body.blocks
            self._table_heads = {b.table: b.text for b in blocks if b.kind == "table-head"}
        return self._table_heads

    def cues(self, index: int) -> tuple[str, ...]:
        """The claim cues of block ``index``'s framing and of its whole guide."""
        known = self._cues.get(index)
        if known is None:
            known = (
                *context_cues(*self.context(index)),
                *block_cues(self.texts[index]),
                *self.document(),
            )
            self._cues[index] = known
        return known

    def context(self, index: int) -> tuple[str, str]:
        """The heading of block ``index``'s section, and the text introducing its list or table."""
        known = self._contexts.get(index)
        if known is None:
            blocks = self.body.blocks
            block = blocks[index]
            heading = self.body.headings[block.heading].text if block.heading >= 0 else ""
            lead = lead_in(blocks, index)
            known = (heading, "" if lead is None else blocks[lead].text)
            self._contexts[index] = known
        return known
