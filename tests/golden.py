"""A small fixed content folder the golden CLI and formatter tests run on."""

from __future__ import annotations

from pathlib import Path

from tests.util import write_tree

CONTENT = {
    "content/pm-vs-pmm.md": """\
        ---
        title: PM vs PMM interview loops
        slug: pm-vs-pmm
        category: role
        updated: 2026-06
        owner: careers-editorial
        ---

        Cross-functional leadership ranks first for 92% of product marketers.

        <!-- guidelint-disable-next-line stat-source -- sourced since -->
        Expect four to five rounds.
        """,
    "content/ok.md": """\
        ---
        title: Consumer PM interview loops
        slug: consumer-pm
        category: role
        updated: 2026-09-01
        owner: careers-editorial
        related: [pm-vs-pmm]
        ---

        Four 45-minute sessions at L5, as in 2026.
        """,
    "content/stale.md": """\
        ---
        title: B2B PM interview loops
        slug: b2b-pm
        category: role
        updated: 2025-01
        owner: b2b-team
        ---

        Enterprise loops add a GTM round.
        """,
}


def make_content(root: Path) -> Path:
    """Write the golden content under ``root``; returns ``root``."""
    return write_tree(root, CONTENT)
