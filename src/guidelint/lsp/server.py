"""``guidelint lsp``: findings as you type, over the Language Server Protocol (stdio).

pygls speaks the protocol; everything guidelint knows comes from
:class:`~guidelint.lsp.workspace.GuideWorkspace`.  Buffers are checked from
their unsaved text on open and, debounced, on change (``run: onType``, the
default) or only on save (``run: onSave``).  An exception in one handler is
logged to the client and answered with nothing: the server keeps serving.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import os
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from guidelint import __version__
from guidelint.diagnostic import Diagnostic
from guidelint.lsp.convert import Text, diagnostic
from guidelint.lsp.workspace import GuideWorkspace, SlugTable

DEFAULT_DELAY = 0.15  # seconds of quiet typing before a buffer is checked
F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class Checked:
    """A buffer as last checked: its text, findings, and their LSP form."""

    text: Text
    found: list[Diagnostic]
    published: list[types.Diagnostic]


@dataclass
class Settings:
    """What the client may set (initializationOptions or workspace settings ``guidelint``)."""

    run: str = "onType"  # or "onSave"
    delay: float = DEFAULT_DELAY
    docs: str | None = None  # where rule docs are published: codeDescription links

    def update(self, values: Any) -> None:
        """Take the known keys of a client's settings object; ignore the rest."""
        if not isinstance(values, dict):
            return
        if values.get("run") in ("onType", "onSave"):
            self.run = values["run"]
        if isinstance(values.get("debounceMs"), int | float):
            self.delay = max(0.0, float(values["debounceMs"]) / 1000)
        if isinstance(values.get("docsUrl"), str):
            self.docs = values["docsUrl"] or None


@dataclass
class State:
    """The server's memory between messages."""

    settings: Settings = field(default_factory=Settings)
    workspace: GuideWorkspace | None = None
    root: Path = field(default_factory=Path.cwd)
    checked: dict[str, Checked] = field(default_factory=dict)
    timers: dict[str, asyncio.TimerHandle] = field(default_factory=dict)
    config_uri: str | None = None  # where a config problem was published


class GuideServer(LanguageServer):
    """pygls's server with guidelint's state attached."""

    def __init__(self) -> None:
        super().__init__("guidelint", __version__)
        self.state = State()


def today() -> dt.date:
    """``GUIDELINT_TODAY`` (as ``check`` reads it), else the real day."""
    from guidelint.dates import parse_today

    text = os.environ.get("GUIDELINT_TODAY")
    return parse_today(text) if text else dt.date.today()


def guarded(default: Any = None) -> Callable[[F], F]:
    """Log a handler's exception to the client and answer ``default``: one bad request
    never stops the server."""

    def wrap(handler: F) -> F:
        @functools.wraps(handler)
        def run(ls: GuideServer, *args: Any) -> Any:
            try:
                return handler(ls, *args)
            except Exception:
                ls.window_log_message(
                    types.LogMessageParams(
                        type=types.MessageType.Error,
                        message=f"guidelint: {handler.__name__} failed:\n" + traceback.format_exc(),
                    )
                )
                return default

        return run  # type: ignore[return-value]

    return wrap


def path_of(uri: str) -> Path | None:
    """The file a ``file:`` URI names; ``None`` for any other scheme (an unsaved buffer)."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def encoding(ls: GuideServer) -> str:
    """The position encoding agreed with the client (UTF-16 unless it offered better)."""
    kind = ls.workspace.position_encoding
    value = getattr(kind, "value", kind)
    return {"utf-8": "utf-8", "utf-32": "utf-32"}.get(str(value), "utf-16")


def check_now(ls: GuideServer, uri: str) -> None:
    """Check the buffer ``uri`` as it is now and publish its findings."""
    state = ls.state
    state.timers.pop(uri, None)
    document = ls.workspace.text_documents.get(uri)
    path = path_of(uri)
    if document is None or path is None or state.workspace is None:
        return
    text = Text(document.source, encoding(ls))
    found = state.workspace.check(path, text.data)
    config = state.workspace.config
    docs = state.settings.docs or (config.docs_url if config is not None else None)
    published = [diagnostic(d, text, docs) for d in found]
    state.checked[uri] = Checked(text, found, published)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=published, version=document.version)
    )


def check_later(ls: GuideServer, uri: str) -> None:
    """Check ``uri`` once typing has paused for the configured delay."""
    state = ls.state
    pending = state.timers.pop(uri, None)
    if pending is not None:
        pending.cancel()
    if state.settings.delay <= 0:
        check_now(ls, uri)
        return
    loop = asyncio.get_running_loop()
    state.timers[uri] = loop.call_later(state.settings.delay, _checked_safely, ls, uri)


def _checked_safely(ls: GuideServer, uri: str) -> None:
    guarded()(check_now)(ls, uri)


def check_open(ls: GuideServer) -> None:
    """Check every open buffer again (the config or another guide's slug changed)."""
    for uri in list(ls.workspace.text_documents):
        check_now(ls, uri)


def publish_config_problem(ls: GuideServer) -> None:
    """One diagnostic on the config file when it cannot be loaded; cleared once it can."""
    state = ls.state
    if state.config_uri is not None:
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=state.config_uri, diagnostics=[])
        )
        state.config_uri = None
    problem = state.workspace.problem if state.workspace else None
    if problem is None:
        return
    position = types.Position(max(problem.line - 1, 0), max(problem.column - 1, 0))
    state.config_uri = from_fs_path(str(problem.path)) or str(problem.path)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(
            uri=state.config_uri,
            diagnostics=[
                types.Diagnostic(
                    range=types.Range(position, types.Position(position.line + 1, 0)),
                    message=problem.message,
                    severity=types.DiagnosticSeverity.Error,
                    code="config",
                    source="guidelint",
                )
            ],
        )
    )


def reload(ls: GuideServer) -> None:
    """Load the config again, rebuild the slug table, check every open buffer."""
    if ls.state.workspace is None:
        return
    ls.state.workspace.load()
    publish_config_problem(ls)
    if ls.state.workspace.config is None:
        for uri in list(ls.state.checked):
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
        ls.state.checked.clear()
        return
    check_open(ls)


def verify_slugs(ls: GuideServer) -> None:
    """Re-check every guide's slug on disk in a worker thread; apply what changed."""
    workspace = ls.state.workspace
    if workspace is None:
        return
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(ls.thread_pool, workspace.verified_slugs)

    def done(_: object) -> None:
        found = None if future.cancelled() or future.exception() else future.result()
        if found is None or ls.state.workspace is not workspace:
            return  # failed, or the config was reloaded meanwhile
        if {p: s for p, s in found.items() if s is not None} != workspace.slugs.slug_of:
            workspace.slugs = SlugTable(found)
            guarded()(check_open)(ls)

    future.add_done_callback(done)
