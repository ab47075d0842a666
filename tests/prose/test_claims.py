"""What counts as a claim (stat-source, claims: auto): one claim and one non-claim per category.

Each pair differs in the words around the number, never in its form: the
spec's point is that form alone does not make a statistic.
"""

from __future__ import annotations

import pytest

from guidelint.prose.claims import block_cues, number_cues, sentence_cues
from tests.conftest import LintFn, guide

RULE = "stat-source"
SOURCES = "sources:\n  - id: survey\n    title: A survey (test)\n"

PAIRS = {
    "policy": (
        "Most startups cover 80% of premiums for employees.\n",
        "We cover 100% of premiums for every teammate.\n",
    ),
    "own experience": (
        "Candidates who negotiate typically get 10% more.\n",
        "I negotiated 10% more on my last offer.\n",
    ),
    "hypothetical": (
        "If you want one anyway, most programs charge $99 for a module.\n",
        "If you hold 10,000 options at $1, the spread is what you keep.\n",
    ),
    "target or advice": (
        "The median PM bonus is 15% of base across surveyed companies.\n",
        "Aim for a bonus of 15% of base when you negotiate.\n",
    ),
    "setting": (
        "About 40% of data-science loops include a power calculation.\n",
        "Set the confidence level to 95% in the power calculator.\n",
    ),
    "question": (
        "About 40% of loops now include a take-home.\n",
        "Do 40% of loops really include a take-home?\n",
    ),
    "quoted sample speech": (
        "Roughly 30% of candidates ask about equity in the first call.\n",
        'A good reply: "I would expect equity to be 30% of the package."\n',
    ),
    "worked example": (
        "A senior PM offer usually includes a 15% bonus.\n",
        "Example: a senior PM offer with a 15% bonus on a $190,000 base.\n",
    ),
    "definition or scale": (
        "Offer acceptance rates average 85% across big-tech loops.\n",
        "The rubric scores each answer on a scale from 0% to 100%.\n",
    ),
    "idiom": (
        "About 80% of candidates ask about remote work.\n",
        "Design for the 80% use case first.\n",
    ),
}


@pytest.mark.parametrize("category", sorted(PAIRS))
def test_a_claim_is_reported_and_a_non_claim_is_not(lint_text: LintFn, category: str) -> None:
    claim, not_claim = PAIRS[category]
    assert [d.rule for d in lint_text(guide(claim), select=RULE)] == [RULE]
    assert lint_text(guide(not_claim), select=RULE) == []


def test_claims_all_checks_every_number_form(lint_text: LintFn) -> None:
    text = guide(PAIRS["policy"][1])
    found = lint_text(text, select=RULE, config={"rules": {RULE: {"claims": "all"}}})
    assert [d.rule for d in found] == [RULE]


def test_numbers_inside_a_shortcode_are_markup(lint_text: LintFn) -> None:
    body = '{{< img src="chart.png" alt="Use grew 45% in 2024" >}}\n\nThe chart shows use.\n'
    assert lint_text(guide(body), select=RULE) == []


def test_a_hugo_ref_shortcode_link_cites(lint_text: LintFn) -> None:
    body = 'About 40% of agencies use it ([the survey]({{< ref "/news/survey.md" >}})).\n'
    assert lint_text(guide(body), select=RULE) == []


def test_a_list_whose_introduction_cites_is_covered(lint_text: LintFn) -> None:
    cited = "The levels, from [the 2025 survey](https://example.com/s), were:\n\n- CEO: 5-10%\n- VP: 1-2%\n"
    uncited = "The levels were:\n\n- CEO: 5-10%\n- VP: 1-2%\n"
    assert lint_text(guide(cited), select=RULE) == []
    assert len(lint_text(guide(uncited), select=RULE)) == 2


TABLE = "| Level | Share of offers |\n|---|---|\n| L4 | 35% |\n| L5 | 45% |\n"


def test_a_caption_that_cites_nothing_covers_nothing(lint_text: LintFn) -> None:
    noted = TABLE + "\n_Note: figures are rounded._\n"
    sourced = TABLE + "\n_From [the 2025 offers survey](https://example.com/o)._\n"
    assert len(lint_text(guide(noted), select=RULE)) == 2
    assert lint_text(guide(sourced), select=RULE) == []


def test_a_named_source_cites(lint_text: LintFn) -> None:
    named = "According to the 2025 Carta report, 40% of startups offer RSUs.\n"
    assert lint_text(guide(named), select=RULE) == []


def test_a_reference_back_to_a_source_cited_before_cites(lint_text: LintFn) -> None:
    linked = "A [2025 voice study](https://example.com/v) asked 1,400 adults.\n\n"
    refers = "The study found that 55% of teens use voice search daily.\n"
    assert lint_text(guide(linked + refers), select=RULE) == []
    # Nothing cited before: "the study" names no source.
    assert [d.rule for d in lint_text(guide(refers), select=RULE)] == [RULE]
    # A citation in another section is not what "the study" refers to.
    elsewhere = linked + "## Teens\n\n" + refers
    assert [d.rule for d in lint_text(guide(elsewhere), select=RULE)] == [RULE]


def test_a_noun_that_only_looks_like_a_source_refers_to_none(lint_text: LintFn) -> None:
    cited = "About 1 in 6 candidates reschedule the final round[^survey].\n"
    analysts = "Leadership is the top competency for 92% of the Data Analysts we surveyed.\n"
    found = lint_text(guide(cited + analysts, SOURCES), select=RULE)
    assert [(d.rule, "'92%'" in d.message) for d in found] == [(RULE, True)]


def test_a_list_introduced_by_a_reference_back_is_covered(lint_text: LintFn) -> None:
    linked = "A [2025 voice study](https://example.com/v) asked 1,400 adults.\n\n"
    items = "Findings from the study include:\n\n- 40% ask for directions\n- 39% dictate texts\n"
    assert lint_text(guide(linked + items), select=RULE) == []
    assert len(lint_text(guide(items), select=RULE)) == 2


@pytest.mark.parametrize(
    "body",
    [
        "Wenn die Auflösung des Clients 1x ist, wählt der Browser das kleinste Bild.\n",
        "Ta 100% 会感到灰心，并最终选择离开这个开源项目。\n",
    ],
    ids=["german", "chinese"],
)
def test_prose_in_another_language_is_not_judged_a_claim(lint_text: LintFn, body: str) -> None:
    # The cues read English: where they cannot, auto reports nothing and all still checks.
    assert lint_text(guide(body), select=RULE) == []
    every_form = {"rules": {RULE: {"claims": "all"}}}
    assert [d.rule for d in lint_text(guide(body), select=RULE, config=every_form)] == [RULE]


def test_english_with_a_dash_and_few_function_words_is_still_judged(lint_text: LintFn) -> None:
    body = "Founding engineers typically earn $140k–$170k base plus 0.5–1% equity.\n"
    assert [d.rule for d in lint_text(guide(body), select=RULE)] == [RULE]


def test_a_quoted_report_is_a_claim_and_quoted_speech_is_not(lint_text: LintFn) -> None:
    report = "Test early: “nearly 50% of consumers delete an app after one crash.”\n"
    speech = "A strong reply: “we grew activation 40% in two quarters.”\n"
    assert [d.rule for d in lint_text(guide(report), select=RULE)] == [RULE]
    assert lint_text(guide(speech), select=RULE) == []


def test_us_the_country_is_not_we() -> None:
    country = "If you move from the US, expect offers 35% lower."
    assert "we" not in sentence_cues(country, country.lower(), "paragraph")
    spoken = "Recruiters tell us offers run 35% lower."
    assert "we" in sentence_cues(spoken, spoken.lower(), "paragraph")


def test_a_citing_paragraph_that_introduces_the_next_table_is_no_caption(
    lint_text: LintFn,
) -> None:
    first = "| City | Base |\n|---|---|\n| London | £105K |\n\n"
    lead = "The [Polder survey](https://example.com/p) reported these medians:\n\n"
    second = "| City | Base |\n|---|---|\n| Berlin | €92K |\n"
    found = lint_text(guide(first + lead + second), select=RULE)
    assert len(found) == 1 and "'£105K'" in found[0].message


def test_a_lead_in_sampling_real_results_is_no_example(lint_text: LintFn) -> None:
    table = "| Company | Fresh grad base |\n|---|---|\n| Stripe | $150,000 |\n"
    sampled = "A survey asked new hires, and here's a sample of the results:\n\n" + table
    example = "For example:\n\n" + table
    assert [d.rule for d in lint_text(guide(sampled), select=RULE)] == [RULE]
    assert lint_text(guide(example), select=RULE) == []


@pytest.mark.parametrize(
    "body",
    [
        "Push for a quota no higher than 4x your OTE; above 5x, attainment drops sharply.\n",
        "Expect base offers about 5% below San Francisco for the same level.\n",
        "Consider that 51% of candidates never counter the first number.\n",
    ],
    ids=["fact-after-the-command", "expect", "consider-that"],
)
def test_a_command_makes_advice_only_in_its_own_clause(lint_text: LintFn, body: str) -> None:
    assert [d.rule for d in lint_text(guide(body), select=RULE)] == [RULE]


def test_a_multiplier_that_compares_is_told_from_a_name() -> None:
    def cues(text: str) -> list[str]:
        at = text.index("x ") - (2 if text[text.index("x ") - 2].isdigit() else 1)
        return number_cues(text, text.lower(), at, text.index("x ") + 1, "multiplier")

    assert "compares" in cues("Candidates are rated 3x more likely to be hired.")
    assert "compares" not in cues("The 10x program funds ideas from federal staff.")


def test_who_speaks_in_the_paragraph_is_a_cue() -> None:
    own = "Our open rates skyrocketed last year. They went from 6% to 35%."
    assert block_cues(own) == ["paragraph:we"]
    assert block_cues("Open rates across government went from 6% to 35%.") == []


def test_a_main_clause_after_a_premise_is_judged_on_its_own_words() -> None:
    # "you" in the premise says nothing of the fact the main clause states.
    text = "If you move from New York, expect offers about 5% lower in Denver."
    at = text.index("5%")
    cues = number_cues(text, text.lower(), at, at + 2, "percent")
    assert "after-premise" in cues and "near:you" not in cues
    premise = "If you push for 5% more, most recruiters will meet you halfway."
    at = premise.index("5%")
    cues = number_cues(premise, premise.lower(), at, at + 2, "percent")
    assert "premise" in cues and "near:you" in cues


@pytest.mark.parametrize(
    "body",
    [
        "Tip: set the levels chart to 200% zoom when you share your screen.\n",
        "Pay $20 for a course only if it includes graded practice.\n",
        "The 80% answer is not enough at the strong-hire bar.\n",
    ],
    ids=["advice-label", "pay-an-amount", "the-80%-answer"],
)
def test_advice_and_idioms_are_not_claims(lint_text: LintFn, body: str) -> None:
    assert lint_text(guide(body), select=RULE) == []


def test_pay_as_a_noun_is_no_command(lint_text: LintFn) -> None:
    body = "Pay at Series B startups runs 10% below big tech.\n"
    assert [d.rule for d in lint_text(guide(body), select=RULE)] == [RULE]


def test_rounding_is_a_setting_word() -> None:
    note = "Note: rounded to the nearest $5k"
    assert "setting" in sentence_cues(note, note.lower(), "paragraph")


def test_the_words_near_a_number_start_at_its_clause() -> None:
    # A sentence of two clauses: the first clause's opening word is near its number.
    text = "We pay 5% more; most firms pay less."
    at = text.index("5%")
    assert "near:we" in number_cues(text, text.lower(), at, at + 2, "percent")
