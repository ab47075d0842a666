"""Is a number a claim about the world?  Cues from the words around it.

A statistic is a claim about the world stated with a number.  The same
forms are no claim in a policy the author's organisation sets, the author's
own experience, a hypothetical or worked example, a target or a piece of
advice, a definition or a scale, an idiom, a setting, sample speech or a
question.  Telling them apart takes the words around the number, so this
module names *cues*: word families and sentence shapes read from the
sentence around the number, the section it is in and the text that
introduces its list or table.  A small linear model weighs them; its weights
ship in ``data/claims.json`` and ``benchmarks/claims.py --train`` fits them
on the labeled claims set.  A number is a claim when the weighted cues
say so or say nothing: where the text leaves it open, it is a claim.
``guidelint explain stat-source`` prints every cue and which way it weighs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from guidelint import DATA
from guidelint.lazy_re import any_char, lazy
from guidelint.prose.sentences import premise_end
from guidelint.prose.statistics import SIGNS

_WORD_RE = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def _family(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Word families: a cue fires when the sentence (or, with "near:", the words
# around the number) holds one of its words.  Each says what kind of text
# it tends to be, for people reading `guidelint explain stat-source`.
FAMILIES: dict[str, tuple[str, frozenset[str]]] = {
    "we": (
        "the author's organisation speaks (a policy or its own data)",
        _family("we our ours us we're we've we'll"),
    ),
    "i": ("the author's own experience", _family("i my me mine i'm i've i'd")),
    "you": (
        "advice or a scenario addressed to the reader",
        _family("you your you're you've you'll yours"),
    ),
    "policy": (
        "an allowance, budget, prize or rule someone sets",
        _family(
            "allowance allowances stipend stipends reimburse reimbursed reimburses reimbursement "
            "budget budgets eligible entitled benefit benefits policy policies perk perks cover "
            "covers covered provide provides provided match matches matched contribute "
            "contributes prize prizes award awards awarded quota quotas commission commissions "
            "accelerator accelerators payout payouts attainment spiff discount discounts coupon "
            "credit credits grant grants granted diem teammates teammate handbook"
        ),
    ),
    "advice": (
        "a target, threshold or piece of advice",
        _family(
            "should must need needs aim aims target targets goal goals try keep ideally recommend "
            "recommended strive least threshold thresholds limit limits maximum minimum cap don't "
            "avoid ensure push negotiate plan want ask request consider"
        ),
    ),
    "example": (
        "a worked example or a scenario",
        _family(
            "example examples e.g imagine hypothetical hypothetically suppose assume "
            "assuming scenario illustration"
        ),
    ),
    "modal": ("a conditional (would, could)", _family("would could might")),
    "definition": (
        "a definition, scale or weight",
        _family(
            "scale score scores scored rating ratings weight weighted weighting weights "
            "multiplier multipliers formula defined define defines means equals grade grades "
            "rubric points criteria criterion"
        ),
    ),
    "setting": (
        "a setting or technical value",
        _family(
            "zoom resolution retina density font width height opacity image images screen "
            "display pixel pixels dpi css browser browsers speed playback setting settings "
            "property contrast magnification rounded rounding nearest conventionally"
        ),
    ),
    "evidence": (
        "words that report a measurement of the world",
        _family(
            "survey surveys surveyed study studies report reports reported research data "
            "according found find finds respondents average median typical typically most "
            "majority market industry nationally share growth grew increase increased increases "
            "decline declined rose fell rate rates people users americans adults companies "
            "employers candidates workers population estimate estimated estimates statistics "
            "nearly almost approximately roughly around percent"
        ),
    ),
    "price": (
        "a price a third party charges",
        _family("charge charges charged cost costs price prices priced fee fees subscription"),
    ),
    "pay": (
        "pay",
        _family(
            "salary salaries compensation comp tc pay paid base bonus bonuses equity rsu rsus "
            "offer offers package ote earn earns earning earnings wage wages"
        ),
    ),
}
NEAR = ("we", "you", "policy", "evidence", "advice", "definition")
# Word -> the families it belongs to: one dictionary look-up per word.
_FAMILIES_OF: dict[str, tuple[str, ...]] = {}
for _name, (_, _words) in FAMILIES.items():
    for _word in _words:
        _FAMILIES_OF[_word] = (*_FAMILIES_OF.get(_word, ()), _name)


def _families(words: list[str]) -> set[str]:
    """The families that ``words`` hold a word of."""
    found: set[str] = set()
    for word in words:
        names = _FAMILIES_OF.get(word)
        if names:
            found.update(names)
    return found


# "Example:", "Worked example 2 -", "GRR Example:": a label that makes what
# follows an example, whatever it states.
_EXAMPLE_LABEL = lazy(r"^\W*(?:[\w-]+\s+){0,3}?examples?\s*\d*\s*[:—–]", re.I)
# Verbs whose command makes the numbers of its clause advice or a setting
# ("Aim for 20%", "Set the level to 95%"); not "expect" or "consider", which
# introduce facts ("Expect offers 5% lower"), nor verbs that double as labels
# or nouns ("Increase: 56 percent", "Pay is $200k").
_COMMANDS = _family(
    "ask push keep aim set use try negotiate avoid make add plan target get request include "
    "limit start stop choose run give spend bring don't never always"
)
_CLAUSE_ENDS = (";", "—", " – ", " - ")
_ADVICE_LABEL = re.compile(r"(?:tip|tips|advice|pro\s+tip|rule\s+of\s+thumb)\s*:\s*")
_SIGN = any_char(SIGNS)
_ARITHMETIC = lazy(rf"\d\s*(?:[=×*/+]|\bx\b|\btimes\b)\s*{_SIGN}?\d|=\s*{_SIGN}?\d")
# "on a scale from 0% to 100%", "a score from 1 to 100%": a scale, not a measurement.
_SCALE = lazy(
    r"\bon\s+a\s+scale\b|\bscale\s+of\b|"
    r"\bfrom\s+[01]\s?(?:%|percent)?\s+(?:to|-|–)\s+100\s?(?:%|percent)",
    re.I,
)
_OPERATORS = ("=", "×", "*", "/", "+", " x ", "times")
_IDIOM_NOUNS = ("time", "case", "rule", "solution", "answer")
_IDIOM = lazy(
    r"\b(?:100|110|1000)\s?(?:%|％|percent)\s+of\s+the\s+time\b|"
    r"\bthe\s+\d+\s?(?:%|％)\s+(?:use\s+case|case|rule|solution|answer)\b",
    re.I,
)
_QUOTES = '"“”'
_LEADING_MARKUP = " *_-#>\"'“([\t"


# Words nearly every English sentence of six words or more holds one of.
_ENGLISH = _family(
    "the a an of and or to in on at for with by from is are was were be been it its this that "
    "than as but not more most have has had will can do does"
)


def _not_english(sentence: str, words: list[str]) -> bool:
    """Whether ``sentence`` is in another language: the cues read English only.

    Mostly non-Latin letters (Chinese, Japanese, Russian...), or accented
    letters and six words or more with no English function word among them
    (German, Spanish, Polish...).
    """
    if sentence.isascii():
        return False
    other = sum(1 for c in sentence if c.isalpha() and not c.isascii())
    if not other:
        return False
    if other >= 12 and other > sum(len(w) for w in words):
        return True
    return len(words) >= 6 and _ENGLISH.isdisjoint(words)


_QUOTED_RE = re.compile(r'"[^"]*"|“[^”]*”')
_LOWER_US_RE = re.compile(r"\bus\b")


def _own_words(sentence: str, lower: str, begin: int = 0, end: int | None = None) -> list[str]:
    """The words ``sentence[begin:end]`` says in its own voice.

    Not those it quotes, and not "US" (the country) for "us".
    """
    sentence, lower = sentence[begin:end], lower[begin:end]
    if '"' in lower or "“" in lower:
        lower = _QUOTED_RE.sub(" ", lower)
    words = _WORD_RE.findall(lower)
    if "us" in words and not _LOWER_US_RE.search(sentence):
        words = [w for w in words if w != "us"]
    return words


# A number's cues are those of its sentence, of its block's framing, and its
# own: three parts, so a sentence's and a block's are worked out once each.


def sentence_cues(sentence: str, lower: str, block_kind: str) -> list[str]:
    """The cues of a whole sentence (``lower`` is it in lower case)."""
    words = _WORD_RE.findall(lower)
    quoted = '"' in lower or "“" in lower
    own = _own_words(sentence, lower) if quoted or "us" in words else words
    found = [f"block:{block_kind}", *sorted(_families(own))]
    if _not_english(sentence, words):
        found.append("not-english")
    if "xample" in lower and _EXAMPLE_LABEL().match(sentence):
        found.append("example-label")
    # Cheap tests first: the patterns are tried only where they could match.
    if any(sign in sentence for sign in _OPERATORS) and _ARITHMETIC().search(sentence):
        found.append("arithmetic")
    if any(word in lower for word in _IDIOM_NOUNS) and _IDIOM().search(sentence):
        found.append("idiom")
    if ("scale" in lower or "100" in lower) and _SCALE().search(sentence):
        found.append("scale")
    if sentence.rstrip().rstrip(_QUOTES + "'’)]*_\ue000").endswith("?"):
        found.append("question")
    return found


# Words that make what a lead-in introduces an example ("For example:",
# "a hypothetical team:"); not "sample" or "instance", which introduce real
# data as often ("here's a sample of the results:").
_EXAMPLE_LEAD = _family("example examples e.g hypothetical hypothetically imagine suppose scenario")


@lru_cache(maxsize=512)
def context_cues(heading: str, lead: str) -> tuple[str, ...]:
    """The cues of the words that frame a block: its section heading and its lead-in.

    Cached: a table's rows share one framing, and guides share headings.
    """
    in_heading = _families(_WORD_RE.findall(heading.lower()))
    # The sentence that introduces a list or table is the lead-in's last.
    introducing = lead[lead.rfind(". ") + 1 :].lower()
    found = [f"context:{name}" for name in ("we", "policy") if name in in_heading]
    if lead:
        in_lead = _families(_WORD_RE.findall(lead.lower()))
        found += [f"context:{n}" for n in ("we", "policy") if n in in_lead and n not in in_heading]
    if "example" in in_heading or not _EXAMPLE_LEAD.isdisjoint(_WORD_RE.findall(introducing)):
        found.insert(0, "context:example")
    return tuple(found)


def block_cues(text: str) -> list[str]:
    """The cues of a number's whole paragraph (or item): who speaks in it.

    "Our open rates skyrocketed. They went from 6% to 35%": the second
    sentence is the author's own data, said in the first.
    """
    lower = text.lower()
    spoken = _families(_own_words(text, lower)) & {"we", "i"}
    return [f"paragraph:{name}" for name in sorted(spoken)]


def number_cues(sentence: str, lower: str, start: int, end: int, kind: str) -> list[str]:
    """The cues of one number in its sentence: its kind, the words near it, its clause."""
    found = [f"kind:{kind}"]
    begin, stop = _clause(lower, start, end)
    premise = premise_end(sentence, when=True)
    if premise is not None:
        comma = sentence.find(", ", premise)  # not the one in "10,000"
        after = 0 <= comma < start
        found.append("after-premise" if after else "premise")
        if after:  # the main clause speaks for itself: "If you move, expect offers 5% lower"
            begin = max(begin, comma + 1)
    near = _families(_own_words(sentence, lower, max(begin, start - 60), min(stop, end + 60)))
    found += [f"near:{name}" for name in NEAR if name in near]
    if _commanded(lower, start):
        found.append("command")
    if kind == "multiplier" and _compares(lower, end):
        found.append("compares")
    quote = _quote_around(sentence, start)
    if quote is not None:
        # Sample speech has a speaker ("I would expect 30%"); a quoted report has none.
        spoken = {"i", "we", "you"} & _families(_WORD_RE.findall(quote.lower()))
        found.append("quoted-speech" if spoken else "quoted")
    return found


# "3x more likely", "1.4x those in Manchester", "2x faster": a multiplier that
# compares, unlike a name or a setting ("10x is a fund", "at 1x").
_COMPARING = _family(
    "more less fewer as than the that those what likely higher lower faster slower longer "
    "shorter larger smaller bigger better worse increase growth return returns revenue"
)


def _compares(lower: str, end: int) -> bool:
    """Whether the words right after a multiplier compare two things."""
    after = _WORD_RE.match(lower, end + 1) if lower[end : end + 1] == " " else None
    return after is not None and (after.group() in _COMPARING or after.group().endswith("er"))


def _clause(lower: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around ``lower[start:end]`` begins and ends (";", a dash)."""
    if not any(mark in lower for mark in _CLAUSE_ENDS):
        return 0, len(lower)  # most sentences are one clause
    starts = [(lower.rfind(mark, 0, start), len(mark)) for mark in _CLAUSE_ENDS]
    begin = max((at + size for at, size in starts if at >= 0), default=0)
    ends = [e for e in (lower.find(mark, end) for mark in _CLAUSE_ENDS) if e >= 0]
    return begin, min(ends, default=len(lower))


def _commanded(lower: str, at: int) -> bool:
    """Whether the number at ``at`` stands in a clause that opens with a command.

    An advice label may come first ("Tip: set the chart to 200%"), and "pay"
    is a command when an amount follows it ("Pay $20 for a course only if").
    """
    text = lower.lstrip(_LEADING_MARKUP)
    label = _ADVICE_LABEL.match(text)
    if label:
        text = text[label.end() :]
    first = _WORD_RE.match(text)
    if first is None:
        return False
    after = text[first.end() :].lstrip()
    if first.group() not in _COMMANDS and not (first.group() == "pay" and after[:1] in SIGNS):
        return False
    if after.startswith((":", "that ")):
        return False  # a label ("Target: 90%"), or a fact to keep in mind
    # In the command's clause: no clause ends between the command and the number.
    return _clause(lower, at, at)[0] <= len(lower) - len(text)


def _quote_around(sentence: str, at: int) -> str | None:
    """The quoted text the number at ``at`` stands in, if it stands in quotes."""
    before = sentence[:at]
    straight = before.count('"') % 2 == 1
    if not straight and before.count("“") <= before.count("”"):
        return None
    mark, close = ('"', '"') if straight else ("“", "”")
    begin = before.rfind(mark) + 1
    end = sentence.find(close, at)
    return sentence[begin : end if end >= 0 else len(sentence)]


_WE_WORDS = (" we ", " our ", " ours ", " we'", " we’")


def _speaks_as_we(text: str) -> bool:
    """Whether ``text`` says "we", "our" or "us" (not "US", the country).

    Substring tests, not a regex: a regex search is several times slower here.
    """
    padded = f" {text} ".replace(",", " ").replace(".", " ")
    if " us " in padded:
        return True
    lower = padded.lower()
    return any(word in lower for word in _WE_WORDS)


_SAMPLE = 30  # blocks: enough to tell how a guide speaks


def speaks_as_we(texts: list[str]) -> bool:
    """Whether a quarter or more of a guide's blocks speak as "we" (a handbook, a team's blog)."""
    spoken = [t for t in texts if t][:_SAMPLE]
    count = sum(1 for t in spoken if _speaks_as_we(t))
    return bool(spoken) and count * 4 >= len(spoken)


@lru_cache(maxsize=1)
def model() -> Mapping[str, float]:
    """The weights: ``bias`` and one per cue (``data/claims.json``)."""
    data = json.loads((DATA / "claims.json").read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data["weights"].items()}


# Cues the spec itself names as no claim: they decide alone, whatever the weights.
NEVER_A_CLAIM = frozenset(
    {
        "question",
        "premise",
        "quoted-speech",
        "command",
        "scale",
        "idiom",
        "i",
        "context:example",
        "example-label",
        "not-english",
    }
)


def is_claim(found: Iterable[str], weights: Mapping[str, float] | None = None) -> bool:
    """Whether the cues ``found`` make a claim.

    No claim when a cue the spec names fires (a question, a premise, sample
    speech, an idiom, the author's own experience, an example); otherwise
    when the weighted cues score above 0.  The bias is above 0: where the
    cues say nothing, a number is a claim.
    """
    cues = list(found)
    if not NEVER_A_CLAIM.isdisjoint(cues):
        return False
    weights = model() if weights is None else weights
    return weights.get("bias", 0.0) + sum(weights.get(cue, 0.0) for cue in cues) > 0
