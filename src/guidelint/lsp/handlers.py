"""The protocol messages ``guidelint lsp`` answers, each a thin call into the server."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from guidelint.lsp import actions
from guidelint.lsp.server import (
    GuideServer,
    check_later,
    check_now,
    check_open,
    guarded,
    path_of,
    publish_config_problem,
    reload,
    today,
    verify_slugs,
)
from guidelint.lsp.workspace import GuideWorkspace

# Files whose change may change a guide's findings: guides and configs.
WATCHED = ("**/*.md", "**/.guidelint.yaml", "**/.guidelint.yml", "**/pyproject.toml")


def build() -> GuideServer:
    """A server with every handler registered (not yet started)."""
    server = GuideServer()
    for method, handler, options in _HANDLERS:
        server.feature(method, options)(handler)
    server.command(actions.SELECT_REASON)(select_reason)
    return server


@guarded()
def initialize(ls: GuideServer, params: types.InitializeParams) -> None:
    """Settings from ``initializationOptions``; the workspace folder."""
    ls.state.settings.update(params.initialization_options)
    folders = params.workspace_folders or []
    uri = folders[0].uri if folders else params.root_uri
    root = path_of(uri) if uri else None
    if root is None and params.root_path:
        root = Path(params.root_path)
    if root is not None:
        ls.state.root = root


@guarded()
def initialized(ls: GuideServer, params: types.InitializedParams) -> None:
    """Build the slug table (from the slug cache) and watch guides and configs."""
    # The slug cache is trusted at first (fast first diagnostics); a stat of
    # every guide then runs beside the server and corrects it if need be.
    ls.state.workspace = GuideWorkspace(ls.state.root, today, verify=False)
    publish_config_problem(ls)
    verify_slugs(ls)
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched and watched.dynamic_registration:
        ls.client_register_capability(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="guidelint-watch",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
                        ),
                    )
                ]
            )
        )


@guarded()
def did_open(ls: GuideServer, params: types.DidOpenTextDocumentParams) -> None:
    check_now(ls, params.text_document.uri)


@guarded()
def did_change(ls: GuideServer, params: types.DidChangeTextDocumentParams) -> None:
    if ls.state.settings.run == "onType":
        check_later(ls, params.text_document.uri)


@guarded()
def did_save(ls: GuideServer, params: types.DidSaveTextDocumentParams) -> None:
    """A saved guide may move its slug (others' findings change); a saved config reloads."""
    uri = params.text_document.uri
    path = path_of(uri)
    workspace = ls.state.workspace
    if path is None or workspace is None:
        return
    if workspace.is_config(path):
        reload(ls)
        return
    before = workspace.slugs.slug_of.get(workspace.display(path))
    workspace.file_changed(path)
    if workspace.slugs.slug_of.get(workspace.display(path)) != before:
        check_open(ls)
    else:
        check_now(ls, uri)


@guarded()
def did_close(ls: GuideServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.state.checked.pop(uri, None)
    timer = ls.state.timers.pop(uri, None)
    if timer is not None:
        timer.cancel()
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@guarded()
def did_change_watched_files(ls: GuideServer, params: types.DidChangeWatchedFilesParams) -> None:
    """Guides created, changed, deleted or renamed (a delete and a create) on disk."""
    workspace = ls.state.workspace
    if workspace is None:
        return
    for change in params.changes:
        path = path_of(change.uri)
        if path is None:
            continue
        if workspace.is_config(path):
            reload(ls)
            return
        if change.type == types.FileChangeType.Deleted:
            workspace.file_deleted(path)
        else:
            workspace.file_changed(path)
    check_open(ls)


@guarded()
def did_change_configuration(ls: GuideServer, params: types.DidChangeConfigurationParams) -> None:
    settings = params.settings
    if isinstance(settings, dict):
        ls.state.settings.update(settings.get("guidelint", settings))


@guarded()
def hover(ls: GuideServer, params: types.HoverParams) -> types.Hover | None:
    checked = ls.state.checked.get(params.text_document.uri)
    if checked is None:
        return None
    return actions.hover(checked.text, checked.published, params.position)


@guarded(default=[])
def code_action(ls: GuideServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Quick fixes and silencing for the findings in range; fix-all for the file."""
    uri = params.text_document.uri
    checked = ls.state.checked.get(uri)
    path = path_of(uri)
    if checked is None or path is None or ls.state.workspace is None:
        return []
    only = params.context.only
    out: list[types.CodeAction] = []
    if not only or types.CodeActionKind.QuickFix in only:
        pairs = list(zip(checked.published, checked.found, strict=True))
        out += actions.quick_fixes(uri, checked.text, pairs, params.range)
    if not only or any(actions.FIX_ALL.startswith(str(kind)) for kind in only):
        every = actions.fix_all(uri, checked.text, checked.found, ls.state.workspace, path)
        if every is not None:
            out.append(every)
    return out


def select_reason(ls: GuideServer, uri: str, line: int, start: int, end: int) -> None:
    """After "Silence RULE on this line": select the comment's reason, ready to type over."""
    selection = types.Range(types.Position(line, start), types.Position(line, end))
    ls.window_show_document(types.ShowDocumentParams(uri=uri, take_focus=True, selection=selection))


_HANDLERS = (
    (types.INITIALIZE, initialize, None),
    (types.INITIALIZED, initialized, None),
    (types.TEXT_DOCUMENT_DID_OPEN, did_open, None),
    (types.TEXT_DOCUMENT_DID_CHANGE, did_change, None),
    (types.TEXT_DOCUMENT_DID_SAVE, did_save, None),
    (types.TEXT_DOCUMENT_DID_CLOSE, did_close, None),
    (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, did_change_watched_files, None),
    (types.WORKSPACE_DID_CHANGE_CONFIGURATION, did_change_configuration, None),
    (types.TEXT_DOCUMENT_HOVER, hover, None),
    (
        types.TEXT_DOCUMENT_CODE_ACTION,
        code_action,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]),
    ),
)


def serve() -> None:
    """Run the server on stdin and stdout until the client says exit."""
    build().start_io()
