"""A small content set with every freshness status, for the report tests.

On TODAY (2026-11-26) with the default policy (12-month window, due soon
within 30 days) the guides below are: 3 stale (one undated), 2 due soon,
5 fresh and 1 draft, across four owners, with salary figures fresh, stale
and undated.  Titles are plausible interview-prep guides; one owner is a
``<script>`` tag, to prove every format shows it as text.
"""

from __future__ import annotations

from pathlib import Path

XSS = "<script>alert(1)</script>"

# name -> (front matter lines after slug, body)
GUIDES: dict[str, tuple[str, str]] = {
    "pm-vs-pmm": (
        "title: PM vs PMM interview loops\nupdated: 2026-06\nowner: careers-editorial\n"
        "review_every: 6mo\nsalary_as_of: 2026-06\n"
        "sources:\n  - id: brief\n    title: Editorial brief\n",
        "L5 PM total compensation runs $350,000-$450,000[^brief].\n",
    ),
    "b2b-pm": (
        "title: B2B PM interview loops\nupdated: 2025-10-01\nreviewed: 2026-01-10\n"
        "owner: careers-editorial\n",
        "Enterprise loops probe segment definition.\n",
    ),
    "consumer-pm": (
        "title: Consumer PM product sense\nupdated: 2025-07\nowner: growth-team\n",
        "Product design questions come first. 92% of loops include one.\n",
    ),
    "ai-pm": (
        "title: AI PM interview preparation\nupdated: 2026-10-20\nowner: ai-desk\n",
        "Positioning prompts are now common in AI PM loops.\n",
    ),
    "pmm-comp": (
        "title: PMM compensation by level\nupdated: 2026-09-01\nowner: growth-team\n"
        "salary_as_of: 2025-05\nsources:\n  - id: survey\n    title: Pay survey\n",
        "Senior PMM base salary is $180,000[^survey].\n",
    ),
    "tpm-loop": (
        "title: Technical PM system design round\nupdated: 2025-12-15\nowner: ai-desk\n",
        "Expect one system design round.\n",
    ),
    "undated": (
        "title: Data PM metrics deep dive\nowner: growth-team\n",
        "Metrics questions dominate.\n",
    ),
    "draft-guide": (
        "title: Hardware PM loops (draft)\nupdated: 2024-01\nowner: ai-desk\ndraft: true\n",
        "Work in progress.\n",
    ),
    "xss": (
        f"title: '{XSS} guide title'\nupdated: 2026-08-01\nowner: '{XSS}'\n",
        "A guide whose title and owner try to inject a script.\n",
    ),
    "behavioral": (
        "title: Behavioral round for PMs\nupdated: 2025-03-03\nowner: careers-editorial\n",
        "Tell me about a time you disagreed with engineering.\n",
    ),
    "offer-negotiation": (
        "title: Negotiating a PM offer\nupdated: 2026-04-02\nowner: careers-editorial\n",
        "An offer of $200k base is typical for L5.\n",
    ),
}

EXPECTED_STATUS = {
    "pm-vs-pmm": "due-soon",  # 2026-06 + 6mo = 2026-12-01, in 5 days
    "b2b-pm": "fresh",  # reviewed 2026-01-10 + 12mo = 2027-01-10, in 45 days
    "consumer-pm": "stale",
    "ai-pm": "fresh",
    "pmm-comp": "fresh",
    "tpm-loop": "due-soon",  # 2025-12-15 + 12mo = 2026-12-15, in 19 days
    "behavioral": "stale",
    "undated": "stale",
    "draft-guide": "draft",
    "xss": "fresh",
    "offer-negotiation": "fresh",
}


def write_corpus(root: Path, *, hostile: bool = True) -> Path:
    """Write the guides under ``root/content`` and return that folder.

    ``hostile=False`` leaves out the ``<script>`` guide (docs/img/report.png
    is the report of that set).
    """
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    for slug, (front, body) in GUIDES.items():
        if slug == "xss" and not hostile:
            continue
        text = f"---\nslug: {slug}\ncategory: role\n{front}---\n\n{body}"
        (content / f"{slug}.md").write_text(text, encoding="utf-8")
    return content
