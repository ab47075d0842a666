"""The terminal: whether to colour output and draw a progress bar, and the bar itself.

The CLI asks here; the library never draws anything.
"""

from __future__ import annotations

import os
from typing import Any

import click


def use_color(no_color: bool, stream: Any) -> bool:
    """Colour only on a terminal, and never with ``--no-color`` or ``NO_COLOR``."""
    if no_color or "NO_COLOR" in os.environ:
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


# Fewer files than this finish before a progress bar would tell anyone anything.
PROGRESS_MIN_FILES = 200


def progress_wanted(stream: Any) -> bool:
    """A progress bar only on a terminal, never in a pipe, never under CI."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """``engine.lint``'s progress callback: a bar on ``stream`` once a run is long."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream if progress_wanted(stream) else None
        self.bar: Any = None

    def __call__(self, advance: int, total: int) -> None:
        if self.stream is None or total < PROGRESS_MIN_FILES:
            return
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, label="Checking", file=self.stream, show_pos=True
            )
            self.bar.__enter__()
        self.bar.update(advance)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
