"""Security: no network, only safe YAML, an escaped HTML report, no code from a config.

The network test runs every CLI command in-process with Python's socket
functions replaced by ones that record the attempt and fail, and with an
audit hook that sees any socket use below them (a C library included).
"""

from __future__ import annotations

import ast
import html.parser
import json
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from guidelint.cli import cli
from tests.conftest import guide
from tests.util import run_main

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "guidelint"


# -- no network ------------------------------------------------------------------

ATTEMPTS: list[str] = []
_ARMED = [False]


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _ARMED[0] and event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.")):
        ATTEMPTS.append(f"audit {event} {args!r:.120}")


sys.addaudithook(_audit)  # audit hooks cannot be removed; it only records while armed


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any socket use is recorded and fails; yields the record."""

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: Any, **kwargs: Any) -> Any:
            ATTEMPTS.append(f"{name}{args!r:.120}")
            raise OSError(f"network disabled by the test ({name})")

        return refused

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    ATTEMPTS.clear()
    _ARMED[0] = True
    try:
        yield ATTEMPTS
    finally:
        _ARMED[0] = False


def _workspace(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    (content / "pm-vs-pmm.md").write_text(
        guide("Churn fell 12% after launch. See [the other guide](other.md).\n"), encoding="utf-8"
    )
    (content / "other.md").write_text(
        guide("A second guide[^a].\n\n[^a]: A note.\n").replace("slug: pm-vs-pmm", "slug: other"),
        encoding="utf-8",
    )
    (tmp_path / ".guidelint.yaml").write_text("content_root: content\n", encoding="utf-8")
    return tmp_path


def _invocations() -> dict[str, list[list[str]]]:
    """Every command, with every format it offers, as the network test runs them."""
    from guidelint.formatters import FORMATS
    from guidelint.rules import RULES

    today = ["--today", "2026-11-26"]
    runs: dict[str, list[list[str]]] = {
        "check": [["check", "content", "--format", fmt, *today] for fmt in FORMATS]
        + [["check", *today], ["check", "content/other.md", "--jobs", "2", *today]]
        + [["check", "content", "--diff", "--unsafe-fixes", *today]],
        "rules": [["rules"]],
        "explain": [["explain", name] for name in RULES],
    }
    commands = cli.commands  # type: ignore[attr-defined]
    if "report" in commands:
        from guidelint.report_formats import FORMATS as REPORT_FORMATS

        runs["report"] = [
            ["report", "content", "--format", fmt, "--output", f"report.{fmt}", *today]
            for fmt in REPORT_FORMATS
        ]
    if "baseline" in commands:
        runs["baseline"] = [
            ["baseline", "content", "--output", "baseline.json", *today],
            ["check", "content", "--baseline", "baseline.json", *today],
        ]
    if "new" in commands:
        title = "A brand new interview guide"
        runs["new"] = [["new", "content/fresh.md", "--title", title, "--owner", "me", *today]]
    if "review" in commands:
        runs["review"] = [["review", "content/other.md", *today]]
    if "sources" in commands:  # --offline: the cache only, never a request
        runs["sources"] = [
            ["sources", "content", "--offline", "--format", fmt, *today] for fmt in FORMATS
        ]
    if "lsp" in commands:
        # The server talks over stdin; its sessions run in tests/test_lsp.py.
        runs["lsp"] = [["lsp", "--help"]]
    if "init" in commands:  # last: the config it writes is the next runs' config
        runs["init"] = [["init", "--force", *today]]
    runs["--version"] = [["--version"]]
    runs["--help"] = [["--help"], *[[name, "--help"] for name in commands]]
    return runs


def test_network_test_covers_every_command() -> None:
    """A command added later must be added to the network test too."""
    assert set(cli.commands) <= set(_invocations())  # type: ignore[attr-defined]


def test_no_command_opens_a_network_connection(
    no_network: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    folder = _workspace(tmp_path)
    ran = 0
    for runs in _invocations().values():
        for args in runs:
            result = run_main(capsys, monkeypatch, folder, *args)
            assert result.code in (0, 1), (args, result.stderr)
            assert not no_network, (args, no_network)
            ran += 1
    assert ran >= 20


def test_the_guard_sees_a_connection(no_network: list[str]) -> None:
    """The test above can fail: a real attempt is recorded and refused."""
    with pytest.raises(OSError, match="network disabled"):
        socket.create_connection(("127.0.0.1", 9))
    assert no_network and no_network[0].startswith("socket.create_connection")


def test_remote_schema_reference_is_not_fetched(
    no_network: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """A custom schema whose ``$ref`` is a URL: exit 2 with a clear message, no fetch."""
    folder = _workspace(tmp_path)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    (folder / "schema.json").write_text(
        json.dumps({**schema, "$ref": "http://127.0.0.1:9/guide.json"}), encoding="utf-8"
    )
    (folder / ".guidelint.yaml").write_text("schema: schema.json\n", encoding="utf-8")
    result = run_main(capsys, monkeypatch, folder, "check", "content", "--today", "2026-11-26")
    assert no_network == []
    assert result.code == 2
    assert result.stderr == (
        "guidelint: error: the guide schema refers to 'http://127.0.0.1:9/guide.json', which "
        "guidelint cannot resolve: it never fetches schemas; put the definition under '$defs' "
        "in the schema file\n"
    )


# -- YAML is only loaded safely ------------------------------------------------------

UNSAFE_LOADERS = {
    "Loader",
    "UnsafeLoader",
    "FullLoader",
    "CLoader",
    "CUnsafeLoader",
    "CFullLoader",
}
UNSAFE_CALLS = {"unsafe_load", "full_load", "unsafe_load_all", "full_load_all", "load_all"}


def _source_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_yaml_is_only_loaded_with_safe_loaders() -> None:
    """No module names an unsafe loader; every ``yaml.load`` names a safe one."""
    import yaml

    from guidelint.yamlread import GuideLoader

    assert issubclass(GuideLoader, yaml.CSafeLoader)
    problems: list[str] = []
    for path in _source_files():
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "yaml"
                and node.attr in UNSAFE_LOADERS | UNSAFE_CALLS
            ):
                problems.append(f"{path.name}:{node.lineno}: yaml.{node.attr}")
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "yaml.load":
                loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                if loader is None or ast.unparse(loader) not in ("yaml.CSafeLoader", "GuideLoader"):
                    problems.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert problems == []


PYTHON_TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
]


@pytest.mark.parametrize("tag", PYTHON_TAGS)
def test_python_tags_in_a_guide_are_refused(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    tag: str,
) -> None:
    marker = tmp_path / "pwned"
    folder = _workspace(tmp_path)
    value = tag.format(marker=marker)
    text = guide("Body.\n").replace("owner: careers-editorial", f"owner: {value}")
    (folder / "content" / "pm-vs-pmm.md").write_text(text, encoding="utf-8")
    result = run_main(
        capsys, monkeypatch, folder, "check", "content", "--format", "json", "--today", "2026-11-26"
    )
    assert not marker.exists()
    found = json.loads(result.stdout)["diagnostics"]
    mine = [d for d in found if d["path"] == "content/pm-vs-pmm.md"]
    assert [(d["rule"], d["line"]) for d in mine] == [("frontmatter", 6)]
    assert "could not determine a constructor for the tag" in mine[0]["message"]


@pytest.mark.parametrize("tag", PYTHON_TAGS)
def test_python_tags_in_the_config_are_refused(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    tag: str,
) -> None:
    marker = tmp_path / "pwned"
    folder = _workspace(tmp_path)
    config = folder / ".guidelint.yaml"
    config.write_text(f"content_root: {tag.format(marker=marker)}\n", encoding="utf-8")
    result = run_main(capsys, monkeypatch, folder, "check", "--today", "2026-11-26")
    assert not marker.exists()
    assert result.code == 2
    assert result.stderr.startswith(f"guidelint: error: {config}:1:15: not valid YAML: ")
    assert "could not determine a constructor for the tag" in result.stderr


# -- a config cannot run code --------------------------------------------------------

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "runpy"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "runpy", "code", "codeop", "ctypes"}


def test_no_dynamic_code_in_guidelint() -> None:
    """No eval/exec/pickle anywhere; ``import_module`` only of guidelint's own modules."""
    problems: list[str] = []
    for path in _source_files():
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = ast.unparse(node.func)
                if func in FORBIDDEN_CALLS:
                    problems.append(f"{path.name}:{node.lineno}: {func}()")
                if func.endswith("import_module"):
                    target = node.args[0] if node.args else None
                    if not (
                        isinstance(target, ast.JoinedStr)
                        and isinstance(target.values[0], ast.Constant)
                        and str(target.values[0].value).startswith("guidelint.")
                    ):
                        problems.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
                if any(k.arg == "shell" for k in node.keywords):
                    problems.append(f"{path.name}:{node.lineno}: shell= in {func}()")
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = (
                    [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
                )
                for name in names:
                    if name and name.split(".")[0] in FORBIDDEN_MODULES:
                        problems.append(f"{path.name}:{node.lineno}: import {name}")
    assert problems == []


def test_format_names_are_looked_up_not_imported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A format name is a key of FORMATS, never a module path to import."""
    folder = _workspace(tmp_path)
    result = run_main(capsys, monkeypatch, folder, "check", "content", "--format", "os")
    assert result.code == 2
    assert "Invalid value for '--format'" in result.stderr


@pytest.mark.parametrize(
    "config",
    [
        "plugins: [os]\n",
        "formatter: os.system\n",
        "rules: {'os.system': error}\n",
        "rules: {stat-source: {severity: error, command: 'touch {marker}'}}\n",
        "keys: {updated: {'!!python/name:os.system': 1}}\n",
        "max_file_size: '__import__(\"os\")'\n",
    ],
)
def test_config_cannot_name_code(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    config: str,
) -> None:
    """Keys that could smuggle code in are configuration errors, exit 2."""
    marker = tmp_path / "pwned"
    folder = _workspace(tmp_path)
    (folder / ".guidelint.yaml").write_text(
        config.replace("{marker}", str(marker)), encoding="utf-8"
    )
    result = run_main(capsys, monkeypatch, folder, "check", "--today", "2026-11-26")
    assert not marker.exists()
    assert result.code == 2, result.stdout
    assert result.stderr.startswith("guidelint: error: ")


def test_config_schema_is_closed() -> None:
    """Unknown top-level keys are rejected: there is no hook to name a plugin in."""
    data = json.loads((SRC / "data" / "config.schema.json").read_text("utf-8"))
    assert data["additionalProperties"] is False


# -- the HTML report escapes every field --------------------------------------------

PAYLOAD = "\"'><x-pwned onclick=pwn()>&</script><script>pwn()</script>"


class _Tags(html.parser.HTMLParser):
    """Every start tag and attribute name the page really has."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)
        self.texts.extend(value or "" for _, value in attrs)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def test_html_report_escapes_every_field(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if "report" not in cli.commands:  # type: ignore[attr-defined]
        pytest.fail("the report command is missing")
    folder = _workspace(tmp_path)
    quoted = json.dumps(PAYLOAD)  # a YAML double-quoted string is JSON-compatible here
    text = (
        guide(f"## Gotcha: {PAYLOAD}\n\nRose 12% {PAYLOAD}.\n")
        .replace("title: PM vs PMM interview loops", f"title: {quoted}")
        .replace("owner: careers-editorial", f"owner: {quoted}")
        .replace("category: role", f"category: {quoted}\ntags: [{quoted}]")
        .replace("updated: 2026-06", f"updated: {quoted}\nreviewed: {quoted}")
        + ""
    )
    text = text.replace(
        "---\n\n", f"salary_as_of: {quoted}\nrelated: [{quoted}]\n{'unknown'}: 1\n---\n\n", 1
    )
    name = "x'\"><x-pwned onclick=pwn()>.md"
    (folder / "content" / name).write_text(text, encoding="utf-8")
    result = run_main(
        capsys,
        monkeypatch,
        folder,
        "report",
        "content",
        "--format",
        "html",
        "--owner",
        PAYLOAD,
        "--output",
        "report.html",
        "--today",
        "2026-11-26",
    )
    assert result.code == 0, result.stderr
    page = (folder / "report.html").read_text("utf-8")
    parser = _Tags()
    parser.feed(page)
    assert "x-pwned" not in parser.tags
    assert parser.tags.count("script") == 1  # the page's own, nothing injected
    assert not [a for a in parser.attributes if a.startswith("on")]
    assert PAYLOAD not in page
    # The payload is shown, as text, where the title and owner go.
    assert any(PAYLOAD in t for t in parser.texts)
