"""Build the small example guides the rule docs show (and the tests run)."""

from __future__ import annotations

EXAMPLE_TODAY = "2026-11-26"  # the day the rule examples are written to be read on
# A cited pay figure, for the salary rules' examples: "(the body, the front matter it needs)".
PAY_FIGURE = (
    "L5 PM total compensation runs roughly $350,000-$450,000[^brief].\n",
    "sources:\n  - id: brief\n    title: Editorial brief (example)\n",
)

_FRONT = """\
---
title: PM vs PMM interview loops
slug: pm-vs-pmm
category: role
updated: 2026-06
owner: careers-editorial
{extra}---
"""


def example(body: str, extra: str = "") -> str:
    """A whole guide: valid front matter (plus ``extra`` lines) and ``body``."""
    return _FRONT.format(extra=extra) + "\n" + body
