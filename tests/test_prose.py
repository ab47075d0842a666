"""prose: what counts as a statistic and as a citation in real-world text.

Each case is a pattern found while checking public Markdown corpora (see
docs/corpora.md), written here as a tiny example of our own.
"""

from __future__ import annotations

import pytest

from guidelint.guide import read_guide


def _stats(body: str) -> list[tuple[list[str], bool]]:
    """(statistic texts, cited) for every sentence of ``body`` that has statistics."""
    text = "---\ntitle: Prose test guide\n---\n" + body
    parsed = read_guide("guide.md", text.encode("utf-8"))
    return [
        ([s.text for s in sent.stats], sent.cited) for sent in parsed.prose.sentences if sent.stats
    ]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("- 4 x Whiteboard coding\n- 1 or 2 x System design\n", id="round-count-x"),
        pytest.param("Pitches went to 10x this spring.\n", id="multiplier-as-name-object"),
        pytest.param("The 10x process has three phases.\n", id="multiplier-as-name"),
        pytest.param("Several 10x-funded teams presented.\n", id="multiplier-compound-name"),
        pytest.param("- Jo Park, product lead, 10x\n", id="multiplier-as-label"),
        pytest.param("On a retina screen (2x) the browser picks the big image.\n", id="density"),
        pytest.param("Watch the recordings at 1.5x speed.\n", id="playback-speed"),
        pytest.param("I am 100% sure the panel reads the packet.\n", id="hundred-idiom"),
        pytest.param("Nobody expects the pitch to be 100% correct.\n", id="hundred-correct"),
    ],
)
def test_not_statistics(body: str) -> None:
    assert _stats(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("We render charts 60,000x quicker than prose.\n", ["60,000x"], id="comma-x"),
        pytest.param("Referrals are 3x more likely to convert.\n", ["3x"], id="3x-more"),
        pytest.param("Onsite offers grew 3x.\n", ["3x"], id="grew-3x"),
        pytest.param("Teams report 3x on this.\n", ["3x"], id="bare-3x"),
        pytest.param("PM pay is 2.5× PMM pay.\n", ["2.5×"], id="times-sign"),
        pytest.param("Round 1 - 40% of candidates pass.\n", ["40%"], id="spaced-hyphen"),
        pytest.param("Between 5-10% of loops stall.\n", ["5-10%"], id="hyphen-range"),
        pytest.param("Between 5 – 10% of loops stall.\n", ["5 – 10%"], id="dash-range"),
        pytest.param("Only 100% of one team agreed.\n", ["100%"], id="hundred-of"),
    ],
)
def test_statistics(body: str, expected: list[str]) -> None:
    assert _stats(body) == [(expected, False)]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            'Replies rose 40 percent<sup><a href="#fn1">[1]</a></sup>.\n', id="html-footnote"
        ),
        pytest.param(
            'A <a href="https://example.org/r">panel study</a> found 61% agree.\n',
            id="html-link",
        ),
        pytest.param("According to Gartner, 61% of teams agree.\n", id="according-to-name"),
        pytest.param("Roughly 61% agree, according to the IEEE.\n", id="according-to-the-name"),
        pytest.param("Roughly 61% agree, according to eMarketer.\n", id="according-to-camel-name"),
        pytest.param(
            "According to the 2026 Cobalt Offers Report, 62% went back.\n",
            id="according-to-the-year-name",
        ),
        pytest.param(
            "According to a recent Mobile Voice Study, 55% of teens agree.\n",
            id="according-to-a-adjective-name",
        ),
        pytest.param(
            "The Northwind survey found that 58% of PMs negotiated.\n", id="the-name-survey-found"
        ),
        pytest.param("Carta’s 2025 report puts it at 40%.\n", id="curly-possessive-report"),
        pytest.param("Nielsen’s 20% estimate still holds.\n", id="possessive-figure-estimate"),
    ],
)
def test_cited(body: str) -> None:
    assert [cited for _, cited in _stats(body)] == [True]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("According to a friend, 61% of teams agree.\n", id="according-to-vague"),
        pytest.param('Replies rose 40%. <a href="#top">Back to top</a>\n', id="html-in-page"),
    ],
)
def test_not_cited(body: str) -> None:
    assert [cited for _, cited in _stats(body)] == [False]


def _exempt(body: str) -> list[bool]:
    """Whether each sentence of ``body`` with statistics is exempt (needs no source)."""
    text = "---\ntitle: Prose test guide\n---\n" + body
    parsed = read_guide("guide.md", text.encode("utf-8"))
    return [sent.exempt for sent in parsed.prose.sentences if sent.stats]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("If churn sits at 30%, start with onboarding.\n", [True], id="if"),
        pytest.param("For example, if a loop costs $9,000, budget for two.\n", [True], id="eg-if"),
        pytest.param("Suppose the base is $200k and the bonus 15%.\n", [True], id="suppose"),
        pytest.param("Churn sits at 30%, so start with onboarding.\n", [False], id="claim"),
        pytest.param("Even if rare, 30% of loops stall.\n", [False], id="if-inside"),
    ],
)
def test_hypothetical_premises_are_exempt(body: str, expected: list[bool]) -> None:
    assert _exempt(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("She kept a $20 bill for luck.\n", [], id="denomination"),
        pytest.param("The vendor is 100% compliant.\n", [], id="hundred-compliant"),
        pytest.param("The fee is $20 per seat.\n", [(["$20"], False)], id="amount"),
    ],
)
def test_denominations_and_idioms(body: str, expected: list[tuple[list[str], bool]]) -> None:
    assert _stats(body) == expected
