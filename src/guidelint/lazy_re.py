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


def any_char(chars: str) -> str:
    """A pattern matching any one of ``chars``, as cheap to compile as it can be.

    A character class that mixes Latin-1 characters with others ("[$£€]")
    takes ``re`` about 0.4 ms to compile, where two classes take 0.05: the
    non-Latin-1 ones go in an atomic group, which ``re`` does not merge back
    into one class.
    """
    latin = "".join(c for c in chars if ord(c) < 256)
    other = "".join(c for c in chars if ord(c) >= 256)
    if not (latin and other):
        return f"[{re.escape(chars)}]" if chars else "(?!)"
    return f"(?:[{re.escape(latin)}]|(?>[{re.escape(other)}]))"
