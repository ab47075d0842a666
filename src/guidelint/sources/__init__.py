"""Checking that the URLs guides cite still exist (issue 15).

``collect`` finds the URLs and who cites them, ``check`` asks each server
(politely: see ``hosts``), ``cache`` remembers what was alive, ``run`` puts
them together and ``diagnostics`` turns results into findings.  Importing
this package is cheap: httpx is imported only when a URL is really checked.
"""

from guidelint.sources.cache import DEFAULT_MAX_AGE, SourceCache
from guidelint.sources.collect import collect
from guidelint.sources.diagnostics import DEAD_SOURCE, MOVED_SOURCE, replacement, to_diagnostics
from guidelint.sources.model import (
    Citation,
    Options,
    Progress,
    ProgressFn,
    Result,
    Source,
    Verdict,
)
from guidelint.sources.run import check_sources, check_sources_async

__all__ = [
    "DEAD_SOURCE",
    "DEFAULT_MAX_AGE",
    "MOVED_SOURCE",
    "Citation",
    "Options",
    "Progress",
    "ProgressFn",
    "Result",
    "Source",
    "SourceCache",
    "Verdict",
    "check_sources",
    "check_sources_async",
    "collect",
    "replacement",
    "to_diagnostics",
]
