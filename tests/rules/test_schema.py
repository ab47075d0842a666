"""schema: the front matter against the JSON Schema, reported at the key's path."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import spots

RULE = "schema"


@pytest.mark.parametrize(
    ("extra", "where", "fragment"),
    [
        pytest.param(
            "updatd: 2026-07\n", (7, 1), "updatd: unknown key (did you mean 'updated'?)", id="typo"
        ),
        pytest.param("tags: pm\n", (7, 1), "tags: 'pm' is not a list", id="tags-type"),
        pytest.param("tags: [pm, pm]\n", (7, 1), "tags:", id="tags-unique"),
        pytest.param("draft: yes please\n", (7, 1), "draft:", id="draft-type"),
        pytest.param("review_every: fortnightly\n", (7, 1), "review_every:", id="review-every"),
        pytest.param("related: [Not A Slug]\n", (7, 11), "related[0]:", id="related-pattern"),
        pytest.param(
            "sources:\n  - id: ok\n    title: T\n  - id: Bad Id\n    title: T\n",
            (10, 5),
            "sources[1].id: 'Bad Id' is not a source id",
            id="source-id",
        ),
        pytest.param(
            "sources:\n  - id: ok\n",
            (8, 5),
            "sources[0]: missing required key 'title'",
            id="source-title",
        ),
        pytest.param(
            "sources:\n  - id: ok\n    title: T\n    url: ftp://x\n",
            (10, 5),
            "sources[0].url",
            id="url",
        ),
        pytest.param(
            "guidelint: {disable: [Stat Source]}\n", (7, 23), "guidelint.disable[0]", id="disable"
        ),
    ],
)
def test_schema_violations_name_the_key_path(
    lint_text: LintFn, extra: str, where: tuple[int, int], fragment: str
) -> None:
    found = lint_text(guide("Body.\n", extra), select=RULE)
    assert spots(found) == [(*where, RULE)]
    assert fragment in found[0].message


def test_missing_required_keys(lint_text: LintFn) -> None:
    text = (
        guide("Body.\n").replace("owner: careers-editorial\n", "").replace("slug: pm-vs-pmm\n", "")
    )
    found = lint_text(text, select=RULE)
    # Regression: each missing key was reported once per missing key.
    assert [f.message for f in found] == [
        "front matter: missing required key 'owner'",
        "front matter: missing required key 'slug'",
    ]
    assert spots(found) == [(1, 1, RULE), (1, 1, RULE)]


def test_title_length(lint_text: LintFn) -> None:
    text = guide("Body.\n").replace("title: PM vs PMM interview loops", "title: PM")
    found = lint_text(text, select=RULE)
    assert spots(found) == [(2, 1, RULE)]
    assert found[0].message.startswith("title:")


@pytest.mark.parametrize(
    "extra",
    [
        "tags: [pm, pmm]\ncalibration: strong-hire\nreview_every: 6mo\ndraft: false\n",
        "salary_as_of: 2026-06-01\nreviewed: '2026-07-01'\n",
        "sources:\n  - id: survey-2025\n    title: T\n    publisher: P\n    url: https://x.example\n"
        "    published: 2025-03-01\n",
        "guidelint:\n  disable: [stat-source]\n",
    ],
)
def test_valid_front_matter_passes(lint_text: LintFn, extra: str) -> None:
    assert lint_text(guide("Body.\n", extra), select=RULE) == []


def test_date_object_and_quoted_date_validate_alike(lint_text: LintFn) -> None:
    plain = guide("Body.\n", "published_note: x\n").replace("published_note: x\n", "")
    quoted = plain.replace("updated: 2026-06\n", 'updated: "2026-06-15"\n')
    unquoted = plain.replace("updated: 2026-06\n", "updated: 2026-06-15\n")
    assert lint_text(quoted, select=RULE) == lint_text(unquoted, select=RULE) == []


def test_dates_are_left_to_their_own_rules(lint_text: LintFn) -> None:
    text = guide("Body.\n", "salary_as_of: soon\n").replace("updated: 2026-06", "updated: June")
    assert lint_text(text, select=RULE) == []


def test_aliased_keys_are_validated_under_their_canonical_name(lint_text: LintFn) -> None:
    text = guide("Body.\n").replace("updated:", "lastmod:").replace("owner:", "author:")
    config = {"keys": {"updated": ["lastmod"], "owner": ["author"]}}
    assert lint_text(text, select=RULE, config=config) == []
    found = lint_text(text, select=RULE)
    assert {f.message.split(":")[0] for f in found} == {"author", "front matter", "lastmod"}


def test_schema_false_switches_validation_off(lint_text: LintFn) -> None:
    assert lint_text(guide("Body.\n", "updatd: x\n"), select=RULE, config={"schema": False}) == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        pytest.param(
            "review_every: 6 months\n",
            "review_every: '6 months' is not a window; write 6mo, 26w or 180d",
            id="window",
        ),
        pytest.param(
            "updatd: 2026-07\n", "updatd: unknown key (did you mean 'updated'?)", id="typo"
        ),
        pytest.param("tags: pm\n", "tags: 'pm' is not a list", id="type"),
    ],
)
def test_messages_say_what_to_write(lint_text: LintFn, extra: str, message: str) -> None:
    found = lint_text(guide("Body.\n", extra), select=RULE)
    assert [f.message for f in found] == [message]


def test_title_length_names_the_limit(lint_text: LintFn) -> None:
    text = guide("Body.\n").replace("title: PM vs PMM interview loops", "title: P")
    found = lint_text(text, select=RULE)
    assert [f.message for f in found] == ["title: 'P' is 1 character; it must be at least 10"]
