"""The report's data model: statuses, ages, due dates, salary, totals, order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guidelint.config import Policy, build_config
from guidelint.dates import Duration
from guidelint.diagnostic import Diagnostic
from guidelint.guide import read_guide
from guidelint.report import build_report, collect
from tests.conftest import TODAY
from tests.report_corpus import EXPECTED_STATUS, write_corpus


def _guide(front: str, body: str = "Body.\n", path: str = "content/g.md"):  # type: ignore[no-untyped-def]
    text = f"---\ntitle: A guide title here\nslug: g\ncategory: role\n{front}---\n\n{body}"
    return read_guide(path, text.encode("utf-8"))


@pytest.mark.parametrize(
    ("front", "due_within", "status", "age", "days_left"),
    [
        # due exactly today: not yet stale, and due soon
        ("updated: 2025-11-26\nowner: a\n", None, "due-soon", 365, 0),
        # due yesterday: stale
        ("updated: 2025-11-25\nowner: a\n", None, "stale", 366, -1),
        # a month counts from its first day: 2025-12 is due 2026-12-01
        ("updated: 2025-12\nowner: a\n", None, "due-soon", 360, 5),
        # ...and is fresh when "due soon" means within 3 days
        ("updated: 2025-12\nowner: a\n", Duration(3, "d"), "fresh", 360, 5),
        # 31 days left is outside the default 30-day margin, 30 is inside
        ("updated: 2025-12-27\nowner: a\n", None, "fresh", 334, 31),
        ("updated: 2025-12-26\nowner: a\n", None, "due-soon", 335, 30),
        # the later of updated and reviewed counts
        ("updated: 2024-01\nreviewed: 2026-10-01\nowner: a\n", None, "fresh", 56, 309),
        ("updated: 2026-10-01\nreviewed: 2024-01\nowner: a\n", None, "fresh", 56, 309),
        # the guide's own window
        ("updated: 2026-09-01\nreview_every: 90d\nowner: a\n", None, "due-soon", 86, 4),
        ("updated: 2026-06\nreview_every: 3mo\nowner: a\n", None, "stale", 178, -86),
        # drafts never go stale, but their age is still shown
        ("updated: 2020-01\ndraft: true\nowner: a\n", None, "draft", 2521, -2155),
        # no usable date: stale, age unknown
        ("owner: a\n", None, "stale", None, None),
        ("updated: June 2026\nowner: a\n", None, "stale", None, None),
        ("updated: 2027-01-01\nowner: a\n", None, "stale", None, None),
    ],
)
def test_status_age_and_due(
    front: str, due_within: Duration | None, status: str, age: int | None, days_left: int | None
) -> None:
    report = build_report([_guide(front)], [], Policy(), TODAY, due_within=due_within)
    (record,) = report.guides
    assert (record.status, record.age_days, record.days_left) == (status, age, days_left)
    if days_left is not None:
        assert record.due == TODAY + dt.timedelta(days=days_left)


@pytest.mark.parametrize(
    ("front", "body", "as_of", "status"),
    [
        ("", "Body.\n", None, "none"),
        ("salary_as_of: 2026-03\n", "Base salary is $150,000[^s].\n", "2026-03", "fresh"),
        ("salary_as_of: 2025-10\n", "Base salary is $150,000[^s].\n", "2025-10", "stale"),
        ("", "Base salary is $150,000[^s].\n", None, "undated"),
        # a marker in the sentence dates that figure; the oldest date counts
        ("", "Base salary was $150,000 as of Mar 2024[^s].\n", "2024-03", "stale"),
        (
            "salary_as_of: 2026-06\n",
            "Base is $150,000[^s]. Bonus was $20,000 in 2026[^s].\n",
            "2026",
            "fresh",
        ),
        # money that is not pay is no salary figure
        ("", "The course costs $300[^s].\n", None, "none"),
        # salary_as_of alone is still shown
        ("salary_as_of: 2024-01\n", "Body.\n", "2024-01", "stale"),
    ],
)
def test_salary(front: str, body: str, as_of: str | None, status: str) -> None:
    guide = _guide("updated: 2026-06\nowner: a\n" + front, body)
    (record,) = build_report([guide], [], Policy(), TODAY).guides
    assert (record.salary_as_of, record.salary_status) == (as_of, status)


def test_oldest_first_totals_and_owner_filter() -> None:
    guides = [
        _guide("updated: 2026-10\nowner: Ann\n", path="a.md"),
        _guide("updated: 2024-10\nowner: bob\n", path="b.md"),
        _guide("owner: bob\n", path="c.md"),
        _guide("updated: 2025-06\nowner: ann\n", path="d.md"),
        _guide("updated: 2026-01\ndraft: true\n", path="e.md"),
    ]
    found = [
        Diagnostic("b.md", 5, 1, "stale-guide", "error", "stale"),
        Diagnostic("b.md", 9, 1, "stat-source", "error", "no source"),
        Diagnostic("b.md", 12, 1, "stat-source", "error", "no source"),
        Diagnostic("d.md", 7, 1, "relative-time", "warning", "this year"),
    ]
    report = build_report(guides, found, Policy(), TODAY)
    assert [r.path for r in report.guides] == ["c.md", "b.md", "d.md", "e.md", "a.md"]
    assert report.totals.items() == [("stale", 3), ("due-soon", 0), ("fresh", 1), ("draft", 1)]
    b = report.guides[1]
    assert (b.findings, b.errors, b.warnings) == ((("stale-guide", 1), ("stat-source", 2)), 3, 0)
    assert report.findings_by_rule == (("relative-time", 1), ("stale-guide", 1), ("stat-source", 2))
    owners = {
        o.owner: (o.counts.stale, o.counts.fresh, o.counts.draft, o.findings) for o in report.owners
    }
    assert owners == {
        "bob": (2, 0, 0, 3),
        "Ann": (1, 1, 0, 1),  # Ann and ann are one owner
        "(no owner)": (0, 0, 1, 0),
    }
    assert report.owners[0].owner == "bob"  # most stale first

    only = build_report(guides, found, Policy(), TODAY, owner="ANN")
    assert [r.path for r in only.guides] == ["d.md", "a.md"]
    assert only.totals.total == 2 and only.owner_filter == "ANN"


def test_owners_differing_only_in_case_are_one_owner_spelled_the_common_way() -> None:
    guides = [
        _guide("updated: 2026-10\nowner: Alice\n", path="a.md"),
        _guide("updated: 2026-09\nowner: alice\n", path="b.md"),
        _guide("updated: 2026-08\nowner: alice\n", path="c.md"),
        _guide("updated: 2026-07\nowner: ALICE\n", path="d.md"),
        _guide("updated: 2026-06\nowner: Bob\n", path="e.md"),
    ]
    found = [Diagnostic("a.md", 5, 1, "stat-source", "error", "no source")]
    report = build_report(guides, found, Policy(), TODAY)
    assert [(o.owner, o.counts.total, o.findings) for o in report.owners] == [
        ("alice", 4, 1),
        ("Bob", 1, 0),
    ]
    # every guide names its owner the same way, so the table and its owner filter agree
    assert {r.path: r.owner for r in report.guides} == {
        "a.md": "alice",
        "b.md": "alice",
        "c.md": "alice",
        "d.md": "alice",
        "e.md": "Bob",
    }
    only = build_report(guides, found, Policy(), TODAY, owner="ALICE")
    assert [o.owner for o in only.owners] == ["alice"] and only.totals.total == 4


def test_collect_reads_and_lints_the_corpus(tmp_path: Path) -> None:
    content = write_corpus(tmp_path)
    config = build_config({}, tmp_path, "test")
    report = collect([content], config, TODAY, cwd=tmp_path)
    statuses = {Path(r.path).stem: r.status for r in report.guides}
    assert statuses == EXPECTED_STATUS
    by_path = {Path(r.path).stem: r for r in report.guides}
    assert by_path["consumer-pm"].findings == (("stale-guide", 1), ("stat-source", 1))
    assert by_path["pmm-comp"].findings == (("stale-salary", 1),)
    assert by_path["undated"].path == "content/undated.md"  # display paths, as in check
    assert report.totals.total == len(EXPECTED_STATUS)


def test_each_guide_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import guidelint.guide

    content = write_corpus(tmp_path)
    reads: list[str] = []
    real = guidelint.guide.read_guide

    def counting(path: str, data: bytes, aliases: object = None):  # type: ignore[no-untyped-def]
        reads.append(path)
        return real(path, data, aliases)  # type: ignore[arg-type]

    monkeypatch.setattr(guidelint.guide, "read_guide", counting)
    collect([content], build_config({}, tmp_path, "test"), TODAY, cwd=tmp_path)
    assert sorted(reads) == sorted(f"content/{slug}.md" for slug in EXPECTED_STATUS)


def test_parallel_run_gives_the_same_report(tmp_path: Path) -> None:
    content = write_corpus(tmp_path)
    originals = sorted(content.glob("*.md"))
    for copy in range(6):  # past engine.PARALLEL_THRESHOLD, so workers really run
        for source in originals:
            text = source.read_text(encoding="utf-8").replace("slug: ", f"slug: c{copy}-", 1)
            (content / f"{source.stem}-copy{copy}.md").write_text(text, encoding="utf-8")
    config = build_config({}, tmp_path, "test")
    serial = collect([content], config, TODAY, cwd=tmp_path, jobs=1)
    parallel = collect([content], config, TODAY, cwd=tmp_path, jobs=2)
    assert len(serial.guides) == 77
    assert parallel == serial


def test_an_owner_list_counts_for_its_first_owner() -> None:
    listed = _guide("updated: 2026-10-01\nowner: [lead, second]\n", path="content/a.md")
    empty_first = _guide("updated: 2026-10-01\nowner: ['', other]\n", path="content/b.md")
    report = build_report([listed, empty_first], [], Policy(), TODAY)
    assert {r.path: r.owner for r in report.guides} == {
        "content/a.md": "lead",
        "content/b.md": "other",
    }


def test_an_expiry_key_sets_the_due_date() -> None:
    text = "---\ntitle: A guide title here\nupdated: 2020-01\nexpirydate: 2026-12-06\n---\nBody.\n"
    guide = read_guide("content/g.md", text.encode(), {"expires": ["expirydate"]})
    (record,) = build_report([guide], [], Policy(), TODAY).guides
    assert (record.due, record.days_left, record.status) == (dt.date(2026, 12, 6), 10, "due-soon")
