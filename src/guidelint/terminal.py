"""The terminal: whether to colour output and draw a progress bar, and the bar itself.

The CLI asks here; the library never draws anything.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from guidelint.sources.model import Progress as SourcesProgress


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


class SourceProgress:
    """``guidelint sources``' progress callback: URLs checked, dead so far, hosts waiting.

    One line redrawn in place on a terminal (at most ten times a second),
    erased when the run ends; nothing at all in a pipe or under CI.
    """

    def __init__(self, stream: Any, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream if progress_wanted(stream) else None
        self.clock = clock
        self.last = -1.0
        self.width = 0

    def __call__(self, progress: SourcesProgress) -> None:
        if self.stream is None or progress.total == 0:
            return
        now = self.clock()
        if progress.checked < progress.total and now - self.last < 0.1:
            return
        self.last = now
        line = source_progress_line(progress)
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = max(self.width, len(line))

    def close(self) -> None:
        if self.stream is not None and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def source_progress_line(progress: SourcesProgress, bar: int = 24) -> str:
    """``Sources [######------] 120/480 URLs, 2 dead, 1 host waiting``."""
    filled = bar * progress.checked // max(progress.total, 1)
    line = (
        f"Sources [{'#' * filled}{'-' * (bar - filled)}] "
        f"{progress.checked}/{progress.total} URLs, {progress.dead} dead"
    )
    if progress.waiting_hosts:
        plural = "s" if progress.waiting_hosts != 1 else ""
        line += f", {progress.waiting_hosts} host{plural} waiting"
    return line
