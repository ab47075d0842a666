"""A deterministic corpus of realistic guides with defects planted at known places.

``generate(out_dir, count, seed)`` writes ``count`` guides (about 7.6 KB
each: role comparison prose, an interview loop, gotchas with strong and weak
answers, cited statistics in every form the spec names, a pay table with a
caption, salary figures dated by ``salary_as_of``) and, at ``defect_rate``,
plants one defect per chosen guide.  Every finding the defect must cause is
recorded as ``(path, line, rule)`` in ``manifest.json`` next to the guides,
together with the ``today`` to lint with.  Everything else in a guide is
written to pass, including trap text that looks like a statistic but is not
one (years, levels, round counts, durations, 2x2, 80/20, ``%20`` in URLs,
numbers in code, sample answers and questions with numbers).

The same ``(count, seed, defect_rate)`` always gives the same bytes: the
only randomness is ``random.Random(seed)``, and dates are fixed, never read
from the calendar.

CLI: ``python benchmarks/gen_corpus.py OUT --count N --seed S [--defect-rate R]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TODAY = "2026-11-26"  # the day the corpus is written to be linted on
MANIFEST = "manifest.json"

# Every statistic form the spec names, each in a sentence with no pay word
# (so it is a statistic, never a salary figure).  "{cite}" is where the
# citation goes; a defect drops it.
STAT_FORMS: dict[str, str] = {
    "percent": "Cross-functional leadership is the top competency for 92% of the {b}s we surveyed{cite}.",
    "percent-word": "About 92 percent of {a} loops now include a written exercise{cite}.",
    "percent-space": "Roughly 65 % of panels ask for a portfolio walk-through{cite}.",
    "percent-fullwidth": "Only 20％ of {b} candidates face a live case study{cite}.",
    "out-of": "Across the teams surveyed, 3 out of 4 hiring managers read the take-home first{cite}.",
    "one-in-five": "Interviewers reject one in five packets before the onsite{cite}.",
    "one-in-six": "Around 1 in 6 candidates asks to reschedule the final round{cite}.",
    "multiplier": "Referred candidates are 3x more likely to reach the onsite{cite}.",
    "multiplier-sign": "A written launch plan makes a strong signal 2.5× as common{cite}.",
    "money": "The median launch budget a {b} controls is $350,000{cite}.",
    "money-k": "Teams spend about $200k a year on interview tooling{cite}.",
    "money-gbp": "A typical research panel costs £90K to run for a quarter{cite}.",
    "money-eur": "The marketing budget for a flagship launch reached €1.2M{cite}.",
    "money-code": "A regional go-to-market test costs USD 120,000 on average{cite}.",
    "money-decimal": "The average recruiting agency fee was $22.5K per hire{cite}.",
    "money-range": "Candidates spend $300–500 preparing for a case round{cite}.",
    "money-code-after": "Booth space at the largest trade show runs 10,000 usd{cite}.",
}

PAIRS = [
    ("PM", "PMM"),
    ("Data Scientist", "Data Analyst"),
    ("SWE", "SRE"),
    ("Product Designer", "UX Researcher"),
    ("Engineering Manager", "TPM"),
    ("Solutions Engineer", "Sales Engineer"),
]
COMPANIES = ["Google", "Meta", "Stripe", "Shopify", "Atlassian", "Datadog", "Canva", "Airbnb"]
OWNERS = [
    "careers-editorial",
    "pm-guides",
    "eng-guides",
    "design-guides",
    "jordan-lee",
    "sam-ortiz",
]
TAGS = ["interviews", "product", "marketing", "engineering", "design", "leadership", "loops"]
PUBLISHERS = ["Pragmatic Research", "Hiring Lab", "Loop Insights", "The Product Survey"]

FILLER = [
    "The {a} owns what gets built and why, while the {b} owns how the market understands it.",
    "Interviewers at {c} look for judgement under ambiguity more than for polished frameworks.",
    "Both roles sit close to the customer, but they answer to different questions.",
    "A strong candidate names the trade-off before anyone asks for it.",
    "The {b} loop rewards people who can explain a launch to sales, support and leadership alike.",
    "The {a} loop leans on structured thinking: a clear goal, a few options, and a decision.",
    "Hiring committees read the written feedback, not the scores, when the panel disagrees.",
    "Candidates who move between the two roles should rewrite their stories, not just retitle them.",
    "Recruiters at {c} share the rubric on request, and it is worth asking for it early.",
    "Expect follow-up questions that test whether you would make the same call again.",
    "Positioning work is judged by who the product is not for as much as by who it is for.",
    "Good answers end with what you learned and what you would change next time.",
]
PREP = [
    "Write out three launch stories and time each one to under five minutes.",
    "Rehearse a metrics diagnosis aloud: define the metric, segment it, then form a hypothesis.",
    "Read the last two quarters of {c} announcements and note who each launch was for.",
    "Ask a peer to interrupt you mid-answer; interviewers at {c} often do.",
    "Prepare one story about a decision you reversed, and why.",
    "Practise a positioning statement for a product you admire, then for one you dislike.",
    "Map your experience to the {a} rubric and to the {b} rubric, side by side.",
]
ANSWERS_STRONG = [
    "I start from accountability: I lifted activation by 6% and cut churn 2x by owning the "
    "outcome, and I negotiated a $20k higher base when I moved teams.",
    "I separate the decision from the story: in my last role, 3 out of 4 launches I owned hit "
    "their goal, and the one that missed taught me to test pricing earlier.",
    "I would name who the product is not for first, then show the one metric I would move, "
    "which for my last launch was a 15% lift in trial-to-paid.",
]
ANSWERS_WEAK = [
    "I would say one builds and the other sells, and that 50% of the job is meetings.",
    "I would list every framework I know and hope one of them fits the question.",
    "I would promise to grow revenue 10x without saying how or for whom.",
]


@dataclass(eq=False)
class Line:
    """One line of a guide; findings point at it, so its number is known only at the end."""

    text: str
    tags: set[str] = field(default_factory=set)


@dataclass
class Guide:
    """A guide being built: front matter and body lines, plus the findings it must cause."""

    index: int
    path: str
    slug: str
    front: list[Line]
    body: list[Line]
    expected: list[tuple[Line, str, str]] = field(default_factory=list)  # (line, rule, kind)
    opening: Line = field(default_factory=lambda: Line("---"))

    def key(self, name: str) -> Line:
        return next(line for line in self.front if line.text.startswith(f"{name}:"))

    def tagged(self, tag: str) -> list[Line]:
        return [line for line in (*self.front, *self.body) if tag in line.tags]

    def render(self) -> tuple[str, dict[int, int]]:
        lines = [self.opening, *self.front, Line("---"), Line(""), *self.body]
        numbers = {id(line): number for number, line in enumerate(lines, 1)}
        return "\n".join(line.text for line in lines) + "\n", numbers


def _front(rng: random.Random, slug: str, title: str, related: str) -> list[Line]:
    updated = f"2026-{rng.randint(2, 11):02d}-{rng.randint(1, 20):02d}"
    salary = f"2026-{rng.randint(1, 10):02d}"
    tags = rng.sample(TAGS, 2)
    publisher = rng.choice(PUBLISHERS)
    return [
        Line(f"title: {title}"),
        Line(f"slug: {slug}"),
        Line("category: role"),
        Line("tags:"),
        *(Line(f"  - {tag}") for tag in tags),
        Line(f"updated: {updated}"),
        Line(f"owner: {rng.choice(OWNERS)}"),
        Line("calibration: strong-hire"),
        Line(f"salary_as_of: {salary}"),
        Line("sources:"),
        Line("  - id: survey"),
        Line(f"    title: {publisher} competency survey"),
        Line(f"    publisher: {publisher}"),
        Line("    url: https://example.com/surveys/competency"),
        Line("    published: 2026-03"),
        Line("  - id: levels"),
        Line("    title: Levels and pay bands, public data"),
        Line("related:"),
        Line(f"  - {related}", {"related-item"}),
    ]


def _para(rng: random.Random, names: dict[str, str], count: int) -> str:
    return " ".join(s.format(**names) for s in rng.sample(FILLER, count))


def _body(rng: random.Random, names: dict[str, str], title: str, related_path: str) -> list[Line]:
    a, b, c = names["a"], names["b"], names["c"]
    body: list[Line] = []

    def add(text: str = "", *tags: str) -> Line:
        line = Line(text, set(tags))
        body.append(line)
        return line

    def blank() -> None:
        add()

    add(f"# {title}")
    blank()
    add(f"Since 2019 the {a} and {b} loops at {c} have drifted apart. " + _para(rng, names, 3))
    blank()
    add("## How the roles differ")
    blank()
    for _ in range(4):
        add(_para(rng, names, 4))
        blank()
    add(f"An L5 {a} and an L5 {b} sit in the same level band, and L6 is where the paths split.")
    blank()
    add("## The interview loop")
    blank()
    add("Expect four rounds, each a 45-minute session, usually within two weeks:")
    blank()
    add(f"- A product sense round on a problem {c} actually has.")
    add("- An execution round: draw a 2x2 of effort and impact, then defend one quadrant.")
    add("- A leadership round built from your own stories, told with the 80/20 rule in mind.")
    add(f"- A cross-functional round with a partner from the {b} team.")
    blank()
    add(
        "The public rubric is at [the rubric page](https://example.com/rubric%20v2?share=92%25), "
        "and the scheduling tool is `loops --window 45m --share 92%`."
    )
    blank()
    add("```text")
    add("panel notes: 92% of $350,000 in 3x rounds, 1 in 6 reschedule")
    add("```")
    blank()
    add("## How to prepare")
    blank()
    add("Take-home exercises in 2025 were mostly a PRD or a launch brief. " + _para(rng, names, 2))
    blank()
    for item in rng.sample(PREP, 5):
        add("- " + item.format(**names))
    blank()
    add(_para(rng, names, 4))
    blank()
    add("## Gotchas")
    blank()
    for number, (topic, question) in enumerate(
        (
            ("positioning", f"What is the difference between a {a} and a {b}?"),
            ("metrics", "What would you do if 90% of users ignored a launch you owned?"),
        )
    ):
        add(f"### The {topic} gotcha", f"gotcha-{number}")
        blank()
        add(question, f"question-{number}")
        blank()
        add("#### Strong answer", f"strong-{number}")
        blank()
        add(rng.choice(ANSWERS_STRONG), f"strong-body-{number}")
        blank()
        add("#### Weak answer", f"weak-{number}")
        blank()
        add(rng.choice(ANSWERS_WEAK), f"weak-body-{number}")
        blank()
    add("## Compensation")
    blank()
    add(
        f"At {c}, L5 {a} total compensation runs roughly $350,000-$450,000[^levels].",
        "salary-unmarked",
        "cite-fm",
    )
    add(_para(rng, names, 2))
    blank()
    add("| Level | Base salary | Total comp |")
    add("|---|---|---|")
    for level, base, total in (("L4", 180, 260), ("L5", 210, 350), ("L6", 250, 480)):
        add(f"| {level} | ${base},000 | ${total},000 |")
    blank()
    add("_Source: public levels data, as of Aug 2026_")
    blank()
    add("## What the numbers say")
    blank()
    forms = list(STAT_FORMS)
    rng.shuffle(forms)
    for start in range(0, len(forms), 3):
        for form in forms[start : start + 3]:
            add(STAT_FORMS[form].format(a=a, b=b, cite="[^survey]"), f"stat:{form}", "cite-fm")
        add(_para(rng, names, 1))
        blank()
    add("<!-- guidelint-disable-next-line stat-source -- internal estimate, not published -->")
    add(f"Our own panel notes put the pass rate near 40% for first-time {b} candidates.")
    blank()
    add("The editorial brief sets the bar for these guides[^brief].", "cite-body")
    blank()
    add("## Further reading")
    blank()
    add(
        f"Read [the companion guide]({related_path}) next, and the "
        "[public write-up](https://example.com/guide%20two) for history."
    )
    blank()
    add("[^brief]: Editorial brief for role guides, reviewed by the careers team.")
    return body


DEFECTS = [
    *(f"stat:{form}" for form in STAT_FORMS),
    "missing-weak",
    "missing-strong",
    "empty-answer",
    "dangling-citation",
    "salary-no-as-of",
    "stale-salary-as-of",
    "stale-updated",
    "future-updated",
    "missing-updated",
    "unknown-key",
    "schema-violation",
    "bad-related",
    "duplicate-slug",
    "unused-suppression",
    "invalid-yaml",
]
# Defects after which a guide's slug is not in the index (related targets must avoid them).
_SLUG_BREAKING = {"invalid-yaml", "duplicate-slug"}


def _remove_section(guide: Guide, heading: Line, body_line: Line) -> None:
    """Drop an answer sub-heading and its paragraph (and the blank lines after each)."""
    for line in (heading, body_line):
        at = guide.body.index(line)
        del guide.body[at : at + 2]


def _plant(guide: Guide, kind: str, rng: random.Random, partner: Guide | None) -> None:
    expect = guide.expected
    gotcha = rng.randrange(2)
    if kind.startswith("stat:"):
        line = guide.tagged(kind)[0]
        line.text = line.text.replace("[^survey]", "")
        line.tags.discard("cite-fm")
        expect.append((line, "stat-source", kind))
    elif kind in ("missing-weak", "missing-strong"):
        which = "weak" if kind == "missing-weak" else "strong"
        heading = guide.tagged(f"{which}-{gotcha}")[0]
        _remove_section(guide, heading, guide.tagged(f"{which}-body-{gotcha}")[0])
        expect.append((guide.tagged(f"gotcha-{gotcha}")[0], "gotcha-answers", kind))
    elif kind == "empty-answer":
        heading = guide.tagged(f"weak-{gotcha}")[0]
        answer = guide.tagged(f"weak-body-{gotcha}")[0]
        at = guide.body.index(answer)
        del guide.body[at : at + 2]
        expect.append((heading, "gotcha-answers", kind))
    elif kind == "dangling-citation":
        line = rng.choice([x for x in guide.tagged("cite-fm") if "[^survey]" in x.text])
        line.text = line.text.replace("[^survey]", "[^survy]")
        expect.append((line, "dangling-citation", kind))
    elif kind == "salary-no-as-of":
        guide.front.remove(guide.key("salary_as_of"))
        expect.extend((line, "salary-date", kind) for line in guide.tagged("salary-unmarked"))
    elif kind == "stale-salary-as-of":
        line = guide.key("salary_as_of")
        line.text = "salary_as_of: 2025-05"
        expect.append((line, "stale-salary", kind))
    elif kind == "stale-updated":
        line = guide.key("updated")
        line.text = "updated: 2025-06-01"
        expect.append((line, "stale-guide", kind))
    elif kind == "future-updated":
        line = guide.key("updated")
        line.text = "updated: 2027-02-01"
        expect.append((line, "updated-date", kind))
    elif kind == "missing-updated":
        guide.front.remove(guide.key("updated"))
        expect.append((guide.opening, "updated-date", kind))
    elif kind == "unknown-key":
        line = Line("updatd: 2026-07-01")
        guide.front.insert(guide.front.index(guide.key("owner")), line)
        expect.append((line, "schema", kind))
    elif kind == "schema-violation":
        line = guide.key("category")
        line.text = "category: Role Guides"
        expect.append((line, "schema", kind))
    elif kind == "bad-related":
        line = guide.tagged("related-item")[0]
        line.text = f"  - no-such-guide-{guide.index}"
        expect.append((line, "related-link", kind))
    elif kind == "duplicate-slug":
        assert partner is not None
        line = guide.key("slug")
        line.text = f"slug: {partner.slug}"
        expect.append((line, "duplicate-slug", kind))
        partner.expected.append((partner.key("slug"), "duplicate-slug", kind + " (partner)"))
    elif kind == "unused-suppression":
        target = rng.choice([x for x in guide.body if x.text.startswith(("Cross", "Referred"))])
        comment = Line("<!-- guidelint-disable-next-line stat-source -- sourced since -->")
        guide.body.insert(guide.body.index(target), comment)
        expect.append((comment, "unused-suppression", kind))
    elif kind == "invalid-yaml":
        line = guide.key("owner")
        line.text = line.text + ": editorial"  # "owner: x: editorial" is not YAML
        expect.append((line, "frontmatter", kind))
        # With no readable front matter there is no salary_as_of and no sources list:
        expect.extend(
            (x, "salary-date", kind + " (cascade)") for x in guide.tagged("salary-unmarked")
        )
        expect.extend(
            (x, "dangling-citation", kind + " (cascade)") for x in guide.tagged("cite-fm")
        )
    else:  # pragma: no cover - DEFECTS and this function are kept in step
        raise ValueError(kind)


def generate(
    out_dir: Path | str, count: int, seed: int = 0, defect_rate: float = 0.3
) -> dict[str, Any]:
    """Write ``count`` guides and ``manifest.json`` under ``out_dir``; return the manifest.

    The first ``len(DEFECTS)`` guides get one defect each, in order, so every
    kind appears when ``count`` allows; after that each guide gets a random
    defect with probability ``defect_rate``.
    """
    out = Path(out_dir)
    rng = random.Random(seed)
    plans: list[str | None] = []
    for index in range(count):
        if index < len(DEFECTS) and defect_rate > 0:
            plans.append(DEFECTS[index])
        else:
            plans.append(rng.choice(DEFECTS) if rng.random() < defect_rate else None)
    slugs = []
    for index in range(count):
        a, b = PAIRS[index % len(PAIRS)]
        company = COMPANIES[(index // len(PAIRS)) % len(COMPANIES)]
        slugs.append(f"{a}-vs-{b}-{company}-{index:04d}".lower().replace(" ", "-"))
    paths = [f"{'roles' if i % 2 else 'loops'}/g{i:04d}-{slugs[i]}.md" for i in range(count)]
    stable = [i for i in range(count) if plans[i] not in _SLUG_BREAKING]
    clean = [i for i in range(count) if plans[i] is None]

    guides: list[Guide] = []
    for index in range(count):
        a, b = PAIRS[index % len(PAIRS)]
        company = COMPANIES[(index // len(PAIRS)) % len(COMPANIES)]
        names = {"a": a, "b": b, "c": company}
        title = f"{a} vs {b} interview loops at {company}"
        target = rng.choice([i for i in stable if i != index] or [index])
        related_path = _relative(paths[index], paths[target])
        guides.append(
            Guide(
                index,
                paths[index],
                slugs[index],
                _front(rng, slugs[index], title, slugs[target]),
                _body(rng, names, title, related_path),
            )
        )
    for index, kind in enumerate(plans):
        if kind is None:
            continue
        partner = None
        if kind == "duplicate-slug":
            choices = [i for i in clean if i != index]
            if not choices:
                continue  # nobody to collide with; leave the guide clean
            partner = guides[rng.choice(choices)]
        _plant(guides[index], kind, rng, partner)

    expected: list[dict[str, Any]] = []
    for guide in guides:
        text, numbers = guide.render()
        file = out / guide.path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
        for line, rule, kind in guide.expected:
            expected.append(
                {"path": guide.path, "line": numbers[id(line)], "rule": rule, "kind": kind}
            )
    unique = {(d["path"], d["line"], d["rule"]): d for d in expected}  # a partner may repeat
    expected = sorted(unique.values(), key=lambda d: (d["path"], d["line"], d["rule"]))
    manifest = {
        "version": 1,
        "today": TODAY,
        "seed": seed,
        "count": count,
        "defect_rate": defect_rate,
        "rules": sorted({d["rule"] for d in expected} | _CHECKED_RULES),
        "defects": expected,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


# The rules whose findings the manifest lists completely (a clean guide has none).
_CHECKED_RULES = {
    "frontmatter",
    "schema",
    "updated-date",
    "stale-guide",
    "gotcha-answers",
    "stat-source",
    "dangling-citation",
    "salary-date",
    "stale-salary",
    "related-link",
    "duplicate-slug",
    "unused-suppression",
}


def _relative(source: str, target: str) -> str:
    src_dir = source.rsplit("/", 1)[0]
    tgt_dir, name = target.rsplit("/", 1)
    return name if src_dir == tgt_dir else f"../{tgt_dir}/{name}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the guides and manifest.json to")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--defect-rate", type=float, default=0.3)
    args = parser.parse_args(argv)
    if args.count < 0 or not 0 <= args.defect_rate <= 1:
        parser.error("--count must be >= 0 and --defect-rate between 0 and 1")
    manifest = generate(args.out, args.count, args.seed, args.defect_rate)
    print(
        f"wrote {args.count} guides and {len(manifest['defects'])} expected findings "
        f"to {args.out} (lint with --today {manifest['today']})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
