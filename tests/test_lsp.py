"""``guidelint lsp`` end to end: the real server over stdio, driven by pytest-lsp."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, Union

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient

from guidelint.config import build_config
from guidelint.engine import RunOptions, lint
from tests.conftest import TODAY, guide

SOURCES = "sources:\n  - id: brief\n    title: Editorial brief (example)\n"
TEXT = guide(
    """\
    Positioning questions became common this year.

    L5 PM total compensation runs roughly $350,000[^brief].
    """,
    extra="tgas: [pm]\n" + SOURCES,
)
ENV = {**os.environ, "GUIDELINT_TODAY": TODAY.isoformat()}
# A server whose hover always throws: a crash in one request (see test_a_crash...).
CRASHING = (
    "import guidelint.lsp.actions as a\n"
    "def boom(*args):\n    raise RuntimeError('hover exploded')\n"
    "a.hover = boom\n"
    "from guidelint.lsp.handlers import serve\nserve()\n"
)


async def _published(client: LanguageClient) -> None:
    """Wait for the next publishDiagnostics (a missing one fails, never hangs the suite)."""
    waiting = client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    await asyncio.wait_for(waiting, 30)


async def _until(client: LanguageClient, holds: Callable[[], bool]) -> None:
    """Wait for diagnostics until ``holds()``: the server may publish for several files."""
    while not holds():
        await _published(client)


def _config(*argv: str) -> ClientServerConfig:
    return ClientServerConfig(server_command=[sys.executable, *argv], server_env=ENV)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "guide.md").write_text(TEXT, encoding="utf-8")
    return tmp_path


async def _start(client: LanguageClient, root: Path) -> None:
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=from_fs_path(str(root)),
            # Rule links only where docs are published (the config's docs_url, or this).
            initialization_options={"debounceMs": 0, "docsUrl": "https://docs.example.org/rules"},
        )
    )


def _code_action_or_command(value: Any, _: type) -> types.CodeAction | types.Command:
    """lsprotocol reads any answer with a "command" key as a Command, even a CodeAction
    whose command is an object (the spec's way to run one after the edit): tell them
    apart by the key's type, as editors do."""
    converter = _converter
    if isinstance(value.get("command"), str):
        return converter.structure(value, types.Command)  # type: ignore[no-any-return]
    return converter.structure(value, types.CodeAction)  # type: ignore[no-any-return]


_converter: Any = None


@pytest_lsp.fixture(config=_config("-m", "guidelint", "lsp"))
async def client(lsp_client: LanguageClient, root: Path) -> AsyncIterator[None]:
    global _converter
    _converter = lsp_client.protocol._converter
    _converter.register_structure_hook(
        Union[types.Command, types.CodeAction],  # noqa: UP007 (lsprotocol registers typing.Union)
        _code_action_or_command,
    )
    await _start(lsp_client, root)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=_config("-c", CRASHING))
async def crashing(lsp_client: LanguageClient, root: Path) -> AsyncIterator[None]:
    await _start(lsp_client, root)
    yield
    await lsp_client.shutdown_session()


def _uri(path: Path) -> str:
    uri = from_fs_path(str(path))
    assert uri is not None
    return uri


async def _open(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = _uri(path)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text or path.read_text()
            )
        )
    )
    await _published(client)
    return uri


async def _replace(client: LanguageClient, uri: str, text: str, version: int = 2) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await _published(client)


def _codes(client: LanguageClient, uri: str) -> list[str]:
    return [str(d.code) for d in client.diagnostics[uri]]


@pytest.mark.asyncio
async def test_open_gives_what_check_gives(client: LanguageClient, root: Path) -> None:
    uri = await _open(client, root / "content" / "guide.md")
    cfg = build_config({}, root, "test")
    expected = lint([root / "content"], cfg, RunOptions(today=TODAY), cwd=root).diagnostics
    got = client.diagnostics[uri]
    assert [
        (d.range.start.line + 1, d.range.start.character + 1, d.code, d.message) for d in got
    ] == [(d.line, d.column, d.rule, d.message) for d in expected]
    phrase = next(d for d in got if d.code == "relative-time")
    line = TEXT.splitlines()[phrase.range.start.line]
    assert line[phrase.range.start.character : phrase.range.end.character] == "this year"
    assert phrase.severity == types.DiagnosticSeverity.Warning
    assert phrase.code_description is not None
    assert phrase.code_description.href.endswith("#relative-time")


@pytest.mark.asyncio
async def test_change_checks_the_unsaved_buffer(client: LanguageClient, root: Path) -> None:
    path = root / "content" / "guide.md"
    uri = await _open(client, path)
    assert "relative-time" in _codes(client, uri)
    await _replace(client, uri, TEXT.replace("this year", "in 2026"))
    assert "relative-time" not in _codes(client, uri)
    assert path.read_text() == TEXT  # the file on disk is untouched


@pytest.mark.asyncio
async def test_fix_all_applies_what_check_fix_applies(client: LanguageClient, root: Path) -> None:
    text = TEXT.replace(
        "Positioning", "<!-- guidelint-disable-next-line stat-source -->\nPositioning"
    )
    uri = await _open(client, root / "content" / "guide.md", text)
    assert "unused-suppression" in _codes(client, uri)
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.guidelint"]),
        )
    )
    assert result is not None and len(result) == 1
    action = result[0]
    assert isinstance(action, types.CodeAction) and action.edit and action.edit.changes
    [edit] = action.edit.changes[uri]
    fixed = _apply(text, edit)
    assert fixed == TEXT  # only the idle suppression went: the other fixes are unsafe


def _apply(text: str, edit: types.TextEdit) -> str:
    lines = text.splitlines(keepends=True)
    start = sum(map(len, lines[: edit.range.start.line])) + edit.range.start.character
    end = sum(map(len, lines[: edit.range.end.line])) + edit.range.end.character
    return text[:start] + edit.new_text + text[end:]


@pytest.mark.asyncio
async def test_quick_fixes_and_silencing(client: LanguageClient, root: Path) -> None:
    uri = await _open(client, root / "content" / "guide.md")
    phrase = next(d for d in client.diagnostics[uri] if d.code == "relative-time")
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=phrase.range,
            context=types.CodeActionContext(diagnostics=[phrase]),
        )
    )
    titles = {a.title: a for a in result or [] if isinstance(a, types.CodeAction)}
    assert "Replace 'this year' with 'in 2026' (relative-time)" in titles
    silence = titles["Silence relative-time on this line"]
    assert silence.edit and silence.edit.changes
    [edit] = silence.edit.changes[uri]
    silenced = _apply(TEXT, edit)
    assert "<!-- guidelint-disable-next-line relative-time -- reason -->\nPositioning" in silenced
    # After the edit the client runs the action's command: the server asks it
    # to show the comment with "reason" selected, ready to type over.
    assert silence.command is not None
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(
            command=silence.command.command, arguments=silence.command.arguments
        )
    )
    chosen = client.shown_documents[-1].selection
    assert chosen is not None
    line = silenced.splitlines()[chosen.start.line]
    assert line[chosen.start.character : chosen.end.character] == "reason"
    await _replace(client, uri, silenced)
    assert "relative-time" not in _codes(client, uri)
    assert "unused-suppression" not in _codes(client, uri)


@pytest.mark.asyncio
async def test_hover_explains_the_rule(client: LanguageClient, root: Path) -> None:
    text = TEXT.replace(
        "Positioning", "<!-- guidelint-disable-next-line stat-source -->\nPositioning"
    )
    uri = await _open(client, root / "content" / "guide.md", text)
    phrase = next(d for d in client.diagnostics[uri] if d.code == "relative-time")
    on_finding = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), phrase.range.start)
    )
    assert on_finding is not None and isinstance(on_finding.contents, types.MarkupContent)
    assert "relative-time (warning by default)" in on_finding.contents.value
    line = next(i for i, t in enumerate(text.splitlines()) if "disable-next-line" in t)
    column = text.splitlines()[line].index("stat-source") + 3
    on_comment = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, column))
    )
    assert on_comment is not None and isinstance(on_comment.contents, types.MarkupContent)
    assert "stat-source (error by default)" in on_comment.contents.value


@pytest.mark.asyncio
async def test_config_reload_and_a_bad_config(client: LanguageClient, root: Path) -> None:
    uri = await _open(client, root / "content" / "guide.md")
    assert "relative-time" in _codes(client, uri)
    config = root / ".guidelint.yaml"
    config.write_text("rules: {no-such-rule: off}\n")
    _watched(client, (config, types.FileChangeType.Created))
    await _until(client, lambda: bool(client.diagnostics.get(_uri(config))))
    [problem] = client.diagnostics[_uri(config)]
    assert "unknown rule" in problem.message and problem.severity == types.DiagnosticSeverity.Error
    await _until(client, lambda: not _codes(client, uri))  # no config: no findings
    config.write_text("rules: {relative-time: off}\n")
    _watched(client, (config, types.FileChangeType.Changed))
    await _until(client, lambda: bool(_codes(client, uri)))
    assert not client.diagnostics[_uri(config)]
    assert "relative-time" not in _codes(client, uri) and "schema" in _codes(client, uri)


def _watched(client: LanguageClient, *changes: tuple[Path, types.FileChangeType]) -> None:
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=_uri(p), type=kind) for p, kind in changes]
        )
    )


@pytest.mark.asyncio
async def test_rename_changing_a_slug(client: LanguageClient, root: Path) -> None:
    other = guide("Body.\n").replace("slug: pm-vs-pmm", "slug: b2b-pm")
    text = guide("Body.\n", extra="related: [b2b-pm]\n").replace("pm-vs-pmm", "main-guide")
    uri = await _open(client, root / "content" / "guide.md", text)
    assert _codes(client, uri) == ["related-link"]
    (root / "content" / "b2b.md").write_text(other)
    _watched(client, (root / "content" / "b2b.md", types.FileChangeType.Created))
    await _until(client, lambda: not _codes(client, uri))
    (root / "content" / "b2b.md").rename(root / "content" / "b2b-new.md")
    (root / "content" / "b2b-new.md").write_text(other.replace("b2b-pm", "b2b-product"))
    _watched(
        client,
        (root / "content" / "b2b.md", types.FileChangeType.Deleted),
        (root / "content" / "b2b-new.md", types.FileChangeType.Created),
    )
    await _until(client, lambda: bool(_codes(client, uri)))
    assert _codes(client, uri) == ["related-link"]
    # While typing: the buffer's own slug now clashes with the renamed guide's.
    await _replace(client, uri, text.replace("slug: main-guide", "slug: b2b-product"))
    assert "duplicate-slug" in _codes(client, uri)


@pytest.mark.asyncio
async def test_files_outside_the_content_root_get_nothing(
    client: LanguageClient, root: Path
) -> None:
    readme = root / "content" / "README.md"
    readme.write_text(TEXT)
    outside = root / "notes.md"
    outside.write_text(TEXT)
    assert _codes(client, await _open(client, readme)) == []
    assert _codes(client, await _open(client, outside)) == []


@pytest.mark.asyncio
async def test_broken_front_matter_gives_its_diagnostic(client: LanguageClient, root: Path) -> None:
    uri = await _open(client, root / "content" / "guide.md", "---\ntitle: [unclosed\n---\nBody.\n")
    assert _codes(client, uri) == ["frontmatter"]


@pytest.mark.asyncio
async def test_a_crash_in_one_request_is_logged_and_survived(
    crashing: LanguageClient, root: Path
) -> None:
    uri = await _open(crashing, root / "content" / "guide.md")
    first = crashing.diagnostics[uri][0]
    answer = await crashing.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), first.range.start)
    )
    assert answer is None
    assert any(
        m.type == types.MessageType.Error and "hover exploded" in m.message
        for m in crashing.log_messages
    )
    actions = await crashing.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=first.range,
            context=types.CodeActionContext(diagnostics=[first]),
        )
    )
    assert actions  # still serving
