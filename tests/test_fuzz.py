"""Property-based fuzzing: for any bytes, any YAML-ish front matter, any Markdown.

Each case goes through the real per-file path of ``check`` (read the file,
parse it, run every rule, apply suppressions) and then through every output
format in :data:`guidelint.formatters.FORMATS`.  The properties: it finishes
without an exception, every finding points at a real 1-based line and column
of the file, and every format's output is well formed.

The default run tries a short profile (about 200 cases); ``pytest -m slow``
(run by ``.ci/run``) tries more than 10,000.  Both are derandomized and use no
example database, so CI sees the same cases every time.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guidelint.config import Config, build_config
from guidelint.context import CorpusIndex
from guidelint.diagnostic import Diagnostic
from guidelint.engine import LintResult, RunOptions, lint_file
from guidelint.formatters import FORMATS, FormatInfo, get_formatter
from tests.conftest import TODAY

# A display path with the characters output formats must escape or quote.
DISPLAY = "guides/a b,c:d%é 100%.md"
LINE_BREAK = re.compile(rb"\r\n|\r|\n")

# Cases per strategy: three strategies, so ~210 by default and 10,500 slow.
FAST_EXAMPLES = 70
SLOW_EXAMPLES = 3_500


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# -- the world a case is checked in -----------------------------------------


class World:
    """One content folder, config and index reused by every case (cheap per case)."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.file = base / "content" / "guide.md"
        self.file.parent.mkdir(parents=True)
        self.config: Config = build_config({}, base, "fuzz")
        self.options = RunOptions(today=TODAY, jobs=1)
        self.index = CorpusIndex({"pm-vs-pmm": ("content/other.md",)})

    def check(self, data: bytes) -> list[Diagnostic]:
        self.file.write_bytes(data)
        return lint_file(self.file, DISPLAY, self.config, self.options, self.index)


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    # Module scope (not tmp_path): hypothesis reruns the test body many times
    # inside one call, and a function-scoped fixture would not be reset anyway.
    base = Path(tempfile.mkdtemp(prefix="guidelint-fuzz-"))
    try:
        yield World(base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


# -- the properties -----------------------------------------------------------


def _lines(data: bytes) -> list[str]:
    """The file's lines as guidelint counts them (BOM invisible, any line break)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return [part.decode("utf-8", errors="replace") for part in LINE_BREAK.split(data)]


def assert_inside(data: bytes, diagnostics: list[Diagnostic]) -> None:
    """Every finding's start (and end, when given) is a real place in the file."""
    lines = _lines(data)
    for d in diagnostics:
        for line, column in {(d.line, d.column), d.end}:
            assert 1 <= line <= len(lines), (d, len(lines))
            assert 1 <= column <= len(lines[line - 1]) + 1, (d, lines[line - 1])
        assert d.severity in ("error", "warning"), d
        assert d.path == DISPLAY


def _check_text(out: str, diagnostics: list[Diagnostic]) -> None:
    lines = out.split("\n")
    assert lines[-1] == "", "text output ends with a newline"
    assert len(lines) == len(diagnostics) + 2, "one line per finding plus a summary"
    for line, d in zip(lines, diagnostics, strict=False):
        assert line == f"{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}"


def _check_json(out: str, diagnostics: list[Diagnostic]) -> None:
    document = json.loads(out)
    got = [
        (x["path"], x["line"], x["column"], x["rule"], x["message"])
        for x in document["diagnostics"]
    ]
    assert got == [(d.path, d.line, d.column, d.rule, d.message) for d in diagnostics]


def _check_github(out: str, diagnostics: list[Diagnostic]) -> None:
    # The runner reads commands line by line, split on "\n" only.
    commands = [line for line in out.split("\n")[:-1] if not line.startswith("::group::")]
    findings = [line for line in commands if line != "::endgroup::"]
    assert len(findings) == len(diagnostics)
    for line, d in zip(findings, diagnostics, strict=True):
        match = re.fullmatch(
            r"::(error|warning) file=([^,:]*),line=(\d+),col=(\d+)"
            r"(?:,endLine=(\d+),endColumn=(\d+))?,title=([^,:]*)::(.*)",
            line,
        )
        assert match, line
        assert (match[1], int(match[3]), int(match[4])) == (d.severity, d.line, d.column)
        if match[5]:  # the span's end, when the rule gave one
            assert (int(match[5]), int(match[6])) == d.end


def _check_sarif(out: str, diagnostics: list[Diagnostic]) -> None:
    document = json.loads(out)
    assert document["version"] == "2.1.0"
    results = document["runs"][0]["results"]
    assert len(results) == len(diagnostics)
    for result, d in zip(results, diagnostics, strict=True):
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (d.line, d.column)


def _check_junit(out: str, diagnostics: list[Diagnostic]) -> None:
    root = ET.fromstring(out.encode("utf-8"))
    problems = root.findall(".//failure") + root.findall(".//error")
    messages = "".join(p.get("message", "") + (p.text or "") for p in problems)
    assert len(problems) >= (1 if diagnostics else 0)
    for d in diagnostics:
        assert d.rule in messages or d.rule in out


def _check_gitlab(out: str, diagnostics: list[Diagnostic]) -> None:
    issues = json.loads(out)
    assert isinstance(issues, list)
    assert len(issues) == len(diagnostics)
    for issue, d in zip(issues, diagnostics, strict=True):
        assert issue["location"]["lines"]["begin"] == d.line


VALIDATORS: dict[str, Callable[[str, list[Diagnostic]], None]] = {
    "text": _check_text,
    "json": _check_json,
    "github": _check_github,
    "sarif": _check_sarif,
    "junit": _check_junit,
    "gitlab": _check_gitlab,
}


def assert_formats(diagnostics: list[Diagnostic]) -> None:
    """Every registered format renders the findings into well-formed output."""
    result = LintResult(tuple(diagnostics), 1, (DISPLAY,))
    info = FormatInfo(today=TODAY, color=False, tool_version="0.0.0")
    for name in FORMATS:
        out = get_formatter(name)(result, info)
        assert isinstance(out, str), name
        validate = VALIDATORS.get(name)
        if validate is not None:
            validate(out, diagnostics)


CASES: list[int] = []  # one entry per case run, so a test can prove its count


def check_case(world: World, data: bytes) -> None:
    """The whole property for one file's bytes."""
    CASES.append(1)
    diagnostics = world.check(data)
    assert diagnostics == sorted(diagnostics)
    assert_inside(data, diagnostics)
    assert_formats(diagnostics)


# -- strategies -----------------------------------------------------------------

EOL = st.sampled_from(["\n", "\r\n", "\r"])
WORDS = st.sampled_from(
    [
        "PM",
        "gotcha",
        "Gotcha:",
        "strong",
        "Weak answer",
        "salary",
        "comp",
        "TC",
        "base",
        "as of Aug 2026",
        "(2026 data)",
        "in 2025",
        "92%",
        "65 %",
        "20％",
        "3x",
        "2.5×",
        "$350,000",
        "$200k",
        "£90K",
        "€1.2M",
        "USD 120,000",
        "10,000 usd",
        "$300–500",
        "1 in 6",
        "one in five",
        "3 out of 4",
        "(Source: survey)",
        "[^a]",
        "[^missing]",
        "[^",
        "L5",
        "2026",
        "e.g.",
        "vs.",
        "&amp;",
        "<b>",
        "\\",
        "*",
        "_",
        "`",
        "|",
        "~~",
        "https://example.com/a%20b",
        "[link](other.md)",
        "[x](pm-vs-pmm.md)",
        "![i](x.png)",
        "é",
        "日本語",
        "\u200b",
        "\ue000",
        "\t",
        "  ",
        "\x0b",
        "\x0c",
        "\u2028",
        "\ufeff",
    ]
)
TEXT = st.lists(
    st.one_of(WORDS, st.text(min_size=0, max_size=12)),
    max_size=12,
).map(" ".join)


def _markdown_line() -> st.SearchStrategy[str]:
    heading = st.builds(
        lambda level, text: "#" * level + " " + text,
        st.integers(1, 7),
        st.one_of(TEXT, st.sampled_from(["Gotcha: why PMM?", "Strong answer", "Weak", "Strong"])),
    )
    directive = st.builds(
        lambda kind, rules, reason: f"<!-- guidelint-{kind} {rules}{reason} -->",
        st.sampled_from(["disable-next-line", "disable", "enable", "disable-next", "bogus"]),
        st.sampled_from(["", "stat-source", "stat-source, salary-date", "nosuch", "all"]),
        st.sampled_from(["", " -- quoted answer", " --", "-- x --"]),
    )
    return st.one_of(
        TEXT,
        heading,
        directive,
        st.builds(lambda n, t: "> " * n + t, st.integers(1, 40), TEXT),
        st.builds(lambda n, t: "  " * n + "- " + t, st.integers(0, 12), TEXT),
        st.builds(lambda n, t: f"{n}. " + t, st.integers(0, 10**12), TEXT),
        st.builds(lambda a, b: f"| {a} | {b} |", TEXT, TEXT),
        st.just("|---|---|"),
        st.builds(
            lambda label, t: f"[^{label}]: {t}", st.sampled_from(["a", "b", "x y", ""]), TEXT
        ),
        st.sampled_from(["```", "~~~", "$$", "<!--", "-->", "---", "***", "<div>", "</div>", ""]),
        st.builds(lambda t: "    " + t, TEXT),
        st.builds(lambda n: "[" * n + "x" + "]" * n + "(y)", st.integers(1, 300)),
        st.builds(lambda n: "*" * n + "x" + "*" * n, st.integers(1, 300)),
    )


def _join(lines: list[str], eol: str) -> str:
    return eol.join(lines) + eol


MARKDOWN = st.builds(_join, st.lists(_markdown_line(), max_size=40), EOL)

SCALARS = st.one_of(
    st.sampled_from(
        [
            "2026-06",
            "2026-06-15",
            "2026-13-45",
            "2099-01-01",
            "2024-01-09 14:33:00 -0500",
            "'2026-06'",
            "Jun 2026",
            "90d",
            "6mo",
            "1y",
            "0d",
            "-1y",
            "yes",
            "no",
            "~",
            "null",
            "true",
            "1e400",
            "0x1F",
            ".inf",
            "!!binary aGk=",
            "!!python/object:os.system x",
            "!!python/name:os.system",
            "!!timestamp 2026-06-01",
            "!custom x",
            "&a x",
            "*a",
            "*undefined",
            "'unclosed",
            '"esc \\x00 \\u2028 \\ud800"',
            "|",
            ">-",
            "[",
            "]",
            "{",
            "}",
            "[a, b]",
            "{a: 1}",
            "[[[[]]]]",
            "pm-vs-pmm",
            "PM vs PMM interview loops",
            "careers-editorial",
            "? complex",
            "- item",
            ": colon",
            "#comment",
            "%YAML 1.1",
            "---",
            "...",
        ]
    ),
    st.text(max_size=20),
    st.integers(-(10**20), 10**20).map(str),
)
KEYS = st.sampled_from(
    [
        "title",
        "slug",
        "category",
        "updated",
        "reviewed",
        "owner",
        "tags",
        "sources",
        "related",
        "draft",
        "salary_as_of",
        "review_every",
        "calibration",
        "guidelint",
        "lastmod",
        "date",
        "ms.date",
        "updatd",
        "<<",
        "'quoted key'",
        '"a\\nb"',
        "? ",
        "- ",
        "",
        "1",
        "null",
        "[x]",
    ]
)


def _yaml_line() -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda k, v: f"{k}: {v}", KEYS, SCALARS),
        st.builds(lambda n, k, v: " " * n + f"{k}: {v}", st.integers(1, 8), KEYS, SCALARS),
        st.builds(lambda n, v: " " * n + f"- {v}", st.integers(0, 6), SCALARS),
        st.builds(lambda n, k: " " * n + f"- id: {k}", st.integers(0, 6), SCALARS),
        st.builds(lambda k: f"{k}:", KEYS),
        st.builds(lambda k: f"\t{k}: x", KEYS),
        st.just("guidelint: {disable: [stat-source, nosuch]}"),
        st.just("sources: [{id: a, title: T}, {id: a}]"),
        SCALARS,
    )


def _front_matter(lines: list[str], body: str, eol: str, close: str, bom: bool) -> bytes:
    text = f"---{eol}" + "".join(line + eol for line in lines) + close + eol + body
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", errors="surrogatepass")


YAMLISH = st.builds(
    _front_matter,
    st.lists(_yaml_line(), max_size=25),
    st.one_of(MARKDOWN, st.just(""), st.just("Body 92%.\n")),
    EOL,
    st.sampled_from(["---", "...", "--- ", "----", ""]),
    st.booleans(),
)
VALID_FRONT = (
    "---\ntitle: PM vs PMM interview loops\nslug: pm-vs-pmm\ncategory: role\n"
    "updated: 2026-06\nowner: careers-editorial\n---\n\n"
)
GUIDES = st.builds(
    lambda body: (VALID_FRONT + body).encode("utf-8", errors="surrogatepass"), MARKDOWN
)
RAW_BYTES = st.one_of(
    st.binary(max_size=3000),
    st.builds(lambda tail: b"---\n" + tail, st.binary(max_size=2000)),
    st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(
            [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"---\r\n", VALID_FRONT.encode()]
        ),
        st.binary(max_size=1000),
    ),
)


# -- the tests -----------------------------------------------------------------------


def _property(strategy: st.SearchStrategy[bytes], examples: int) -> Callable[[World], None]:
    @_settings(examples)
    @given(data=strategy)
    def run(world: World, data: bytes) -> None:
        check_case(world, data)

    def test(world: World) -> None:
        CASES.clear()
        run(world)
        # Proves the profile really ran its cases (a filter or a tiny search
        # space would otherwise cut the run short in silence).
        assert len(CASES) >= examples

    return test


test_arbitrary_bytes = _property(RAW_BYTES, FAST_EXAMPLES)
test_yamlish_front_matter = _property(YAMLISH, FAST_EXAMPLES)
test_arbitrary_markdown = _property(GUIDES, FAST_EXAMPLES)

test_arbitrary_bytes_slow = pytest.mark.slow(_property(RAW_BYTES, SLOW_EXAMPLES))
test_yamlish_front_matter_slow = pytest.mark.slow(_property(YAMLISH, SLOW_EXAMPLES))
test_arbitrary_markdown_slow = pytest.mark.slow(_property(GUIDES, SLOW_EXAMPLES))
