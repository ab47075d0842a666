"""Results as guidelint findings: ``dead-source`` and ``moved-source``.

One finding per citing place, so a dead URL cited by three guides shows in
each of them, at the line that cites it.  Not registered as rules here: the
caller decides when the network may be used (``guidelint sources``,
``check --online``) and applies severities, config and suppressions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from urllib.parse import urlsplit

from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.sources.collect import collect
from guidelint.sources.model import Citation, Result, Verdict

DEAD_SOURCE = "dead-source"
MOVED_SOURCE = "moved-source"
_NOUNS = {"source": "source", "link": "link", "image": "image"}


def to_diagnostics(results: Iterable[Result]) -> list[Diagnostic]:
    """A ``dead-source`` error or ``moved-source`` warning at each citation; sorted."""
    found: list[Diagnostic] = []
    for result in results:
        found.extend(_findings(result))
    return sorted(found)


def guide_findings(
    guide: Guide, results: Mapping[str, Result], verdict: Verdict, *, links: bool = True
) -> list[Diagnostic]:
    """The findings for ``guide``'s own citations of URLs whose result is ``verdict``.

    ``links=False`` keeps only ``sources[].url`` entries (not links in the prose).
    """
    found: list[Diagnostic] = []
    for source in collect([guide]):
        result = results.get(source.url)
        if result is None or result.verdict != verdict:
            continue
        mine = tuple(c for c in source.citations if links or c.kind == "source")
        found.extend(_findings(replace(result, citations=mine)))
    return sorted(found)


def replacement(citation: Citation, result: Result) -> str | None:
    """The text a fix writes for ``citation`` of a moved URL (its fragment kept), else ``None``."""
    if result.verdict != "moved" or result.new_url is None:
        return None
    fragment = urlsplit(citation.text.strip()).fragment
    if fragment and not urlsplit(result.new_url).fragment:
        return f"{result.new_url}#{fragment}"
    return result.new_url


def _findings(result: Result) -> Iterator[Diagnostic]:
    for citation in result.citations:
        noun = _NOUNS[citation.kind]
        if result.verdict == "dead":
            message = f"{noun} {citation.text} is dead: {result.detail}"
            yield _at(citation, DEAD_SOURCE, "error", message)
        elif result.verdict == "moved":
            message = (
                f"{noun} {citation.text} has moved permanently to "
                f"{replacement(citation, result)}; cite the new URL"
            )
            yield _at(citation, MOVED_SOURCE, "warning", message)


def _at(citation: Citation, rule: str, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(citation.path, citation.line, citation.column, rule, severity, message)
