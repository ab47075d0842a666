"""Regular expressions compiled on first use.

A pre-commit run checks one guide and pays for every pattern its modules
compile at import, used or not; most patterns serve rare text (an HTML
link, a quoted phrase, a bold answer label).  ``lazy(...)`` stands where
``re.compile(...)`` stood and is called for the pattern: ``_RE().match(...)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial
from typing import AnyStr


def lazy(source: AnyStr, flags: int = 0) -> Callable[[], re.Pattern[AnyStr]]:
    """A function returning ``re.compile(source, flags)``, compiled the first time it is called."""
    return cache(partial(re.compile, source, flags))
