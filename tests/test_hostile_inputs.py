"""The catalogue of bad inputs: each gets an exact finding or exit 2, never a traceback.

Every case runs the real CLI (in-process, ``--format json``) on a file in a
temporary content folder and compares the complete list of findings for that
file.  docs/robustness.md lists the same catalogue for editors.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from guidelint.yamlread import MAX_EXPANDED_NODES
from tests.conftest import CliResult, guide
from tests.util import run_main

VALID = guide("A guide body with nothing to report.\n")
UNSOURCED = guide("Churn fell 12% after launch.\n")  # stat-source at line 9, column 12

Finding = tuple[str, int, int, str, str]  # path, line, column, rule, message


def check(run_cli, folder: Path, *args: str) -> tuple[CliResult, list[Finding]]:  # type: ignore[no-untyped-def]
    """Run ``check`` in ``folder`` with JSON output; findings as tuples."""
    result: CliResult = run_cli(
        "check", *args, "--format", "json", "--today", "2026-11-26", "--jobs", "1", cwd=folder
    )
    assert result.code in (0, 1), result.stdout + result.stderr
    assert result.stderr == "", result.stderr
    document = json.loads(result.stdout)
    found = [
        (d["path"], d["line"], d["column"], d["rule"], d["message"])
        for d in document["diagnostics"]
    ]
    return result, found


def findings_for(run_cli, tmp_path: Path, data: bytes, name: str = "guide.md") -> list[Finding]:  # type: ignore[no-untyped-def]
    """Findings for one file holding ``data`` (other files' findings are ignored)."""
    target = tmp_path / "content" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    _, found = check(run_cli, tmp_path, "content")
    return [f[1:] for f in found if f[0] == f"content/{name}"]  # type: ignore[misc]


NO_FRONT = "no front matter: a guide starts with a '---' line, YAML, and another '---' line"

# name, file bytes, every finding for that file: (line, column, rule, message)
CATALOGUE: list[tuple[str, bytes, list[tuple[int, int, str, str]]]] = [
    ("no front matter", b"# Just a heading\n\nText.\n", [(1, 1, "frontmatter", NO_FRONT)]),
    ("empty file", b"", [(1, 1, "frontmatter", NO_FRONT)]),
    (
        "front matter not closed",
        b"---\ntitle: PM vs PMM interview loops\n\nBody.\n",
        [(1, 1, "frontmatter", "front matter is not closed: add a '---' line after the YAML")],
    ),
    ("0-byte front matter", b"---\n---\nBody.\n", [(1, 1, "frontmatter", "front matter is empty")]),
    (
        "YAML syntax error, with its line",
        b"---\ntitle: PM vs PMM\nowner: [careers\nslug: x\n---\nBody.\n",
        [
            (
                3,
                8,
                "frontmatter",
                "front matter is not valid YAML: did not find expected ',' or ']'"
                " (the '[' here is never closed)",
            )
        ],
    ),
    (
        "YAML syntax error in a CRLF file",
        b"---\r\ntitle: PM vs PMM\r\nowner: [careers\r\nslug: x\r\n---\r\nBody.\r\n",
        [
            (
                3,
                8,
                "frontmatter",
                "front matter is not valid YAML: did not find expected ',' or ']'"
                " (the '[' here is never closed)",
            )
        ],
    ),
    (
        "front matter that is a list",
        b"---\n- title\n- slug\n---\nBody.\n",
        [(2, 1, "frontmatter", "front matter is a list, not a mapping of keys to values")],
    ),
    (
        "front matter that is a scalar",
        b"---\njust a sentence\n---\nBody.\n",
        [(2, 1, "frontmatter", "front matter is a single value, not a mapping of keys to values")],
    ),
    (
        "duplicate keys",
        VALID.replace(
            "owner: careers-editorial\n", "owner: careers-editorial\nowner: x\n"
        ).encode(),
        [
            (
                7,
                1,
                "frontmatter",
                "duplicate key 'owner' (first set on line 6); YAML keeps only the last value",
            )
        ],
    ),
    (
        "tab indentation",
        b"---\ntitle: PM vs PMM interview loops\nsources:\n\t- id: a\n---\nBody.\n",
        [
            (
                4,
                1,
                "frontmatter",
                "front matter is not valid YAML: a tab character where YAML expects spaces "
                "(YAML indents with spaces only)",
            )
        ],
    ),
    (
        "a control character in the YAML",
        "---\ntitle: Caf\u00e9 \x07 loops\n---\nBody.\n".encode(),
        [
            (
                2,
                13,
                "frontmatter",
                "front matter is not valid YAML: character U+0007 is not allowed "
                "(control characters are not allowed)",
            )
        ],
    ),
    (
        "an impossible date",
        VALID.replace("updated: 2026-06", "updated: 2026-13-45").encode(),
        [
            (
                5,
                1,
                "updated-date",
                "'updated' is '2026-13-45', not a date: write YYYY-MM-DD or YYYY-MM",
            )
        ],
    ),
    (
        "non-UTF-8 bytes (Latin-1), with the offset",
        VALID.replace("nothing", "caf\u00e9").encode("latin-1"),
        [
            (
                1,
                1,
                "unreadable-file",
                f"file is not valid UTF-8: byte 0xe9 at offset {VALID.index('nothing') + 3}; "
                "save it as UTF-8",
            )
        ],
    ),
    (
        "UTF-16 LE with BOM",
        b"\xff\xfe" + VALID.encode("utf-16-le"),
        [
            (
                1,
                1,
                "unreadable-file",
                "file is UTF-16 (has a UTF-16 byte-order mark); save it as UTF-8",
            )
        ],
    ),
    (
        "UTF-16 BE with BOM",
        b"\xfe\xff" + VALID.encode("utf-16-be"),
        [
            (
                1,
                1,
                "unreadable-file",
                "file is UTF-16 (has a UTF-16 byte-order mark); save it as UTF-8",
            )
        ],
    ),
    (
        "NUL bytes (binary)",
        VALID.encode() + b"\x00\x01\x02",
        [
            (
                1,
                1,
                "unreadable-file",
                f"file contains a NUL byte at offset {len(VALID.encode())}: binary, not a text guide",
            )
        ],
    ),
    ("PNG data named .md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None),  # type: ignore[list-item]
    ("UTF-8 BOM, valid guide", b"\xef\xbb\xbf" + VALID.encode(), []),
    ("CRLF line ends, valid guide", VALID.replace("\n", "\r\n").encode(), []),
    ("lone CR line ends, valid guide", VALID.replace("\n", "\r").encode(), []),
    ("mixed line ends, valid guide", VALID.replace("\n", "\r\n", 3).encode(), []),
]
STAT = "statistic '12%' has no source in its sentence"
POSITIONED: list[tuple[str, bytes]] = [
    ("LF", UNSOURCED.encode()),
    ("UTF-8 BOM", b"\xef\xbb\xbf" + UNSOURCED.encode()),
    ("CRLF", UNSOURCED.replace("\n", "\r\n").encode()),
    ("lone CR", UNSOURCED.replace("\n", "\r").encode()),
]


@pytest.mark.parametrize(
    ("data", "expected"),
    [pytest.param(data, expected, id=name) for name, data, expected in CATALOGUE],
)
def test_catalogue(
    run_cli, tmp_path: Path, data: bytes, expected: list[tuple[int, int, str, str]] | None
) -> None:  # type: ignore[no-untyped-def]
    found = findings_for(run_cli, tmp_path, data)
    if expected is None:  # the exact byte differs by input; the rule and place do not
        assert [(f[0], f[1], f[2]) for f in found] == [(1, 1, "unreadable-file")]
        assert found[0][3].startswith("file contains a NUL byte at offset 8")
    else:
        assert found == expected


@pytest.mark.parametrize(("data"), [pytest.param(d, id=n) for n, d in POSITIONED])
def test_line_ends_and_bom_keep_positions(run_cli, tmp_path: Path, data: bytes) -> None:  # type: ignore[no-untyped-def]
    """A BOM is invisible and every line break counts once: the finding stays at 9:12."""
    found = findings_for(run_cli, tmp_path, data)
    assert found == [(9, 12, "stat-source", found[0][3])]
    assert found[0][3].startswith(STAT)


# -- size limits ---------------------------------------------------------------------

FIFTY_MB = 50 * 1024 * 1024


def _too_large(size: int, limit: int = 5_000_000) -> list[tuple[int, int, str, str]]:
    message = f"file is {size} bytes, over max_file_size ({limit}); not checked"
    return [(1, 1, "file-too-large", message)]


def test_fifty_megabyte_guide(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = VALID.encode() + b"Lorem ipsum dolor sit amet. " * (FIFTY_MB // 28)
    started = time.perf_counter()
    found = findings_for(run_cli, tmp_path, data)
    assert found == _too_large(len(data))
    assert time.perf_counter() - started < 10  # not read, so not parsed either


def test_fifty_megabyte_front_matter(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = b"---\n" + b"tags:\n" + b"  - interview\n" * (FIFTY_MB // 14) + b"---\nBody.\n"
    found = findings_for(run_cli, tmp_path, data)
    assert found == _too_large(len(data))


def test_size_limit_is_configurable(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".guidelint.yaml").write_text("max_file_size: 100\n", encoding="utf-8")
    data = VALID.encode()
    assert findings_for(run_cli, tmp_path, data) == _too_large(len(data), 100)
    (tmp_path / ".guidelint.yaml").write_text("max_file_size: 100000\n", encoding="utf-8")
    assert findings_for(run_cli, tmp_path, data) == []


def test_bad_size_limit_is_a_config_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".guidelint.yaml").write_text("max_file_size: -1\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    result = run_main(capsys, monkeypatch, tmp_path, "check", "content", "--today", "2026-11-26")
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == (
        f"guidelint: error: {tmp_path / '.guidelint.yaml'}: max_file_size: "
        "-1 is out of range; it must be at least 1\n"
    )


# -- YAML bombs and deep nesting ------------------------------------------------------


def alias_bomb(levels: int = 9, width: int = 9) -> bytes:
    """ "Billion laughs": each level is ``width`` aliases of the one before (9**9 leaves)."""
    lines = ["---", "l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    lines += ["---", "Body."]
    return ("\n".join(lines) + "\n").encode()


BOMB_MESSAGE = (
    f"front matter expands to more than {MAX_EXPANDED_NODES} YAML nodes through aliases; "
    "refusing to load it"
)


def test_alias_bomb_is_refused(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert findings_for(run_cli, tmp_path, alias_bomb()) == [(1, 1, "frontmatter", BOMB_MESSAGE)]


def test_small_aliases_still_load(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = VALID.replace("owner: careers-editorial", "owner: &o careers-editorial\ncalibration: *o")
    assert findings_for(run_cli, tmp_path, data.encode()) == []


BOMB_PROBE = textwrap.dedent(
    """
    import json, resource, sys, time

    def peak_kb():
        # VmHWM is this process's own peak; ru_maxrss on Linux may start at the
        # parent's peak (inherited across fork), so it is only the fallback.
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    start = peak_kb()
    from guidelint.cli import main
    import guidelint.engine, guidelint.formatters.json_format, jsonschema, pyromark
    before = peak_kb()
    started = time.perf_counter()
    code = main(["check", sys.argv[1], "--format", "json", "--today", "2026-11-26",
                 "--jobs", "1", "--quiet", "--output", sys.argv[2]])
    elapsed = time.perf_counter() - started
    peak = peak_kb()
    print(json.dumps({"code": code, "seconds": elapsed, "start_kb": start, "before_kb": before,
                      "peak_kb": peak}))
    """
)


def test_alias_bomb_bounded_time_and_memory(tmp_path: Path) -> None:
    """In a fresh process: a 9**9-leaf bomb costs well under 2 s and 50 MB more.

    The figures go to the test's output (``pytest -s``) and docs/robustness.md.
    """
    bomb = tmp_path / "bomb.md"
    bomb.write_bytes(alias_bomb())
    out = tmp_path / "out.json"
    probe = subprocess.run(
        [sys.executable, "-c", BOMB_PROBE, str(bomb), str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    stats = json.loads(probe.stdout)
    print(f"alias bomb: {stats}")
    assert stats["code"] == 1
    assert json.loads(out.read_text("utf-8"))["diagnostics"][0]["message"] == BOMB_MESSAGE
    assert stats["seconds"] < 2.0
    assert stats["peak_kb"] - stats["before_kb"] < 50 * 1024  # the check itself
    assert stats["peak_kb"] < 300 * 1024  # the whole process, Python included


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            b"---\ntitle: " + b"[" * 5000 + b"]" * 5000 + b"\n---\nBody.\n",
            [
                (
                    2,
                    1007,
                    "frontmatter",
                    "front matter is not valid YAML: exceeded maximum nesting depth",
                )
            ],
            id="5000 nested flow lists",
        ),
        pytest.param(
            b"---\n" + b"".join(b" " * i + b"k:\n" for i in range(3000)) + b"---\nBody.\n",
            [
                (
                    1001,
                    1001,
                    "frontmatter",
                    "front matter is not valid YAML: exceeded maximum nesting depth",
                )
            ],
            id="3000 nested block mappings",
        ),
        pytest.param(
            b"---\n" + b"".join(b" " * i + b"- \n" for i in range(3000)) + b"---\nBody.\n",
            [
                (
                    1001,
                    1000,
                    "frontmatter",
                    "front matter is not valid YAML: exceeded maximum nesting depth",
                )
            ],
            id="3000 nested block lists",
        ),
    ],
)
def test_deeply_nested_yaml(run_cli, tmp_path: Path, data: bytes, expected: list[object]) -> None:  # type: ignore[no-untyped-def]
    assert findings_for(run_cli, tmp_path, data) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("> " * 10_000 + "Deep quote.\n", id="10000 nested block quotes"),
        pytest.param("- " * 10_000 + "Deep item.\n", id="10000 nested list items on one line"),
        pytest.param(
            "".join("  " * i + "- item\n" for i in range(2000)), id="2000 indented list levels"
        ),
        pytest.param("[" * 10_000 + "x" + "](y)" * 10_000 + "\n", id="10000 nested links"),
        pytest.param("*" * 10_000 + "x" + "*" * 10_000 + "\n", id="10000 emphasis markers"),
        pytest.param("<div>" * 10_000 + "x" + "</div>" * 10_000 + "\n", id="10000 nested divs"),
        pytest.param("[^a]" * 5_000 + "\n\n[^a]: " + "> " * 5_000 + "x\n", id="footnotes"),
    ],
)
def test_deeply_nested_markdown(run_cli, tmp_path: Path, body: str) -> None:  # type: ignore[no-untyped-def]
    """Finishes in seconds with no finding: none of these bodies makes a claim."""
    started = time.perf_counter()
    assert findings_for(run_cli, tmp_path, guide(body).encode()) == []
    assert time.perf_counter() - started < 20


@pytest.mark.parametrize("word", ["Rose", "Café 日本"])
def test_one_huge_line_with_many_findings_is_linear(run_cli, tmp_path: Path, word: str) -> None:  # type: ignore[no-untyped-def]
    """40,000 statistics on one 1 MB line: every column exact, in seconds, not hours."""
    count = 40_000
    line = "".join(f"{word} {i}% today. " for i in range(count))
    started = time.perf_counter()
    found = findings_for(run_cli, tmp_path, guide(line + "\n").encode())
    assert time.perf_counter() - started < 30
    assert len(found) == count
    last = line.rindex(f"{count - 1}%") + 1
    assert found[-1][:3] == (9, last, "stat-source")


# -- the file system ------------------------------------------------------------------


def _content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    root.mkdir(exist_ok=True)
    return root


def test_directory_named_like_a_guide(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A folder called ``x.md`` is walked like any folder, never read as a file."""
    folder = _content(tmp_path) / "x.md"
    folder.mkdir()
    (folder / "inner.md").write_text(guide("Rose 12% today.\n"), encoding="utf-8")
    for args in (["content"], ["content/x.md"]):
        result, found = check(run_cli, tmp_path, *args)
        assert [(f[0], f[3]) for f in found] == [("content/x.md/inner.md", "stat-source")]
        assert json.loads(result.stdout)["files"] == 1


def test_dangling_symlink(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (_content(tmp_path) / "gone.md").symlink_to("nowhere.md")
    for args in (["content"], ["content/gone.md"]):
        _, found = check(run_cli, tmp_path, *args)
        message = "cannot read file: dangling symbolic link to nowhere.md"
        assert found == [("content/gone.md", 1, 1, "unreadable-file", message)]


def test_symlink_loop(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _content(tmp_path)
    (root / "a.md").symlink_to("b.md")
    (root / "b.md").symlink_to("a.md")
    (root / "dir").symlink_to(".", target_is_directory=True)  # a folder loop: not followed
    (root / "ok.md").write_text(VALID, encoding="utf-8")
    _, found = check(run_cli, tmp_path, "content")
    message = "cannot read file: symbolic link loop"
    assert found == [
        ("content/a.md", 1, 1, "unreadable-file", message),
        ("content/b.md", 1, 1, "unreadable-file", message),
    ]


def test_symlink_to_a_guide_is_read(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = _content(tmp_path)
    (tmp_path / "elsewhere.md").write_text(guide("Rose 12% today.\n"), encoding="utf-8")
    (root / "link.md").symlink_to(tmp_path / "elsewhere.md")
    _, found = check(run_cli, tmp_path, "content")
    assert [(f[0], f[3]) for f in found] == [("content/link.md", "stat-source")]


def test_named_pipe_is_not_read(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Opening a FIFO would block for ever: it is reported without being opened."""
    fifo = _content(tmp_path) / "pipe.md"
    os.mkfifo(fifo)
    # Should guidelint ever open it, a writer arrives after 10 s and ends the
    # wait: the test then fails on time instead of hanging the suite.
    rescue = threading.Timer(10, _open_for_writing, (fifo,))
    rescue.start()
    started = time.perf_counter()
    try:
        _, found = check(run_cli, tmp_path, "content")
    finally:
        rescue.cancel()
    assert time.perf_counter() - started < 10
    message = "cannot read file: not a regular file (a pipe, socket or device)"
    assert found == [("content/pipe.md", 1, 1, "unreadable-file", message)]


def _open_for_writing(fifo: Path) -> None:
    with contextlib.suppress(OSError):  # no reader: nothing to rescue
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


PERMISSION = ("content/secret.md", 1, 1, "unreadable-file", "cannot read file: permission denied")


def test_unreadable_file(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """chmod 000 where that denies us; as root (it does not) the read is made to fail."""
    secret = _content(tmp_path) / "secret.md"
    secret.write_text(VALID, encoding="utf-8")
    secret.chmod(0)
    if os.geteuid() == 0:
        original = Path.read_bytes

        def denied(self: Path) -> bytes:
            if self.name == "secret.md":
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", denied)
    try:
        _, found = check(run_cli, tmp_path, "content")
    finally:
        secret.chmod(0o644)
    assert found == [PERMISSION]


# Run as root, the child imports everything guidelint will need, then drops
# to nobody, so the chmod 000 below really denies it.
DROP_AND_CHECK = textwrap.dedent(
    """
    import os, sys
    from guidelint.cli import main
    ARGS = ["--format", "json", "--today", "2026-11-26", "--jobs", "1"]
    # A first run on a readable guide imports every module the real run needs
    # (guidelint imports lazily, and nobody may not read the virtualenv).
    main(["check", "warmup", *ARGS, "--output", "warmup/out.json"])
    if os.geteuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)
    try:
        open("content/secret.md", "rb")
    except PermissionError:
        pass
    else:
        sys.exit("the file is readable: chmod 000 did not deny this process")
    sys.exit(main(["check", "content", *ARGS]))
    """
)


def test_unreadable_file_for_real() -> None:
    """A real chmod 000 file, read by a process the mode really denies (root drops to nobody)."""
    folder = Path(tempfile.mkdtemp(prefix="guidelint-perm-"))
    try:
        folder.chmod(0o755)  # nobody must reach the folder, just not the file
        root = folder / "content"
        root.mkdir(mode=0o755)
        secret = root / "secret.md"
        secret.write_text(VALID, encoding="utf-8")
        secret.chmod(0)
        (folder / "warmup").mkdir()
        (folder / "warmup" / "guide.md").write_text(UNSOURCED, encoding="utf-8")
        probe = subprocess.run(
            [sys.executable, "-c", DROP_AND_CHECK],
            capture_output=True,
            text=True,
            cwd=folder,
            timeout=60,
            env={**os.environ, "HOME": str(folder)},
            check=False,
        )
        assert probe.returncode == 1, probe.stderr
        found = json.loads(probe.stdout)["diagnostics"]
        assert [(d["path"], d["line"], d["column"], d["rule"], d["message"]) for d in found] == [
            PERMISSION
        ]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_path_that_does_not_exist(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    result = run_main(capsys, monkeypatch, tmp_path, "check", "nope.md", "--today", "2026-11-26")
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr == "guidelint: error: path does not exist: nope.md\n"


@pytest.mark.parametrize(
    "name",
    ["entretien d’embauche é.md", "面试 指南.md", "with space.md", "a,b:c%d.md", "emoji 🚀.md"],
)
def test_file_names_in_every_format(run_cli, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    """Spaces and non-ASCII names survive every output format."""
    from guidelint.formatters import FORMATS

    (_content(tmp_path) / name).write_text(guide("Rose 12% today.\n"), encoding="utf-8")
    shown = f"content/{name}"
    for fmt in FORMATS:
        result = run_cli("check", "content", "--format", fmt, "--today", "2026-11-26", cwd=tmp_path)
        assert result.code == 1, (fmt, result.stderr)
        if fmt == "json":
            assert json.loads(result.stdout)["diagnostics"][0]["path"] == shown
        elif fmt == "text":
            assert result.stdout.startswith(f"{shown}:9:6: error stat-source ")
        elif fmt == "github":
            escaped = shown.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
            assert f"file={escaped},line=9,col=6," in result.stdout
        else:  # sarif, junit, gitlab, ...: the name is there, escaped as the format wants
            assert name.split(" ")[0].split(",")[0] in _unescaped(result.stdout), fmt


def _unescaped(text: str) -> str:
    """Output with XML, JSON and URL escapes undone, enough to find a file name in it."""
    import html
    from urllib.parse import unquote

    try:
        text = json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        text = html.unescape(text)
    return unquote(text)


TOO_DEEP = "front matter is nested too deeply to read (more than 64 levels)"


def _nested_tags(levels: int) -> bytes:
    """A valid guide but for ``tags``: two equal lists nested ``levels`` deep."""
    deep = "[" * levels + "]" * levels
    return guide("Body.\n", extra=f"tags: [{deep}, {deep}]\n").encode()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            b"---\ntitle: " + b"[" * 500 + b"]" * 500 + b"\n---\nBody.\n", id="500 flow lists"
        ),
        pytest.param(
            b"---\ntitle: " + b"[" * 990 + b"]" * 990 + b"\n---\nBody.\n", id="990 flow lists"
        ),
        pytest.param(
            b"---\n" + b"".join(b" " * i + b"k:\n" for i in range(900)) + b"---\nBody.\n",
            id="900 block mappings",
        ),
        # 65 levels: the top mapping, the tags list, 63 lists in it.
        pytest.param(_nested_tags(63), id="65 levels in tags"),
    ],
)
def test_nesting_libyaml_reads_but_python_cannot_walk(run_cli, tmp_path: Path, data: bytes) -> None:  # type: ignore[no-untyped-def]
    # libyaml accepts up to 1,000 levels; walking them recursed past Python's
    # limit (a traceback, in guidelint or in jsonschema's comparison of items).
    assert findings_for(run_cli, tmp_path, data) == [(1, 1, "frontmatter", TOO_DEEP)]


def test_nesting_at_the_limit_is_read_and_validated(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    found = findings_for(run_cli, tmp_path, _nested_tags(62))
    # uniqueItems compared the two 62-deep lists, then each item is no string.
    assert [(line, rule) for line, _, rule, _ in found] == [(7, "schema")] * 3


@pytest.mark.parametrize("today", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("window", ["12mo", "99999999999y", "999999999999999d"])
def test_extreme_days_and_windows(run_cli, tmp_path: Path, today: str, window: str) -> None:  # type: ignore[no-untyped-def]
    # Each of these was a traceback (date arithmetic past year 1 or 9999).
    (tmp_path / ".guidelint.yaml").write_text(
        f"policy: {{salary_window: {window}, review_every: {window}, due_soon: {window}}}\n",
        "utf-8",
    )
    salary = "L5 base salary is $200k as of Dec 9999[^s].\n"
    (tmp_path / "content").mkdir()
    for day in ("0001-01-01", "9999-12-31"):
        extra = f"reviewed: {day}\nsalary_as_of: {day}\nsources: [{{id: s, title: T, published: {day}}}]\n"
        text = guide(salary, extra).replace("updated: 2026-06", f"updated: {day}")
        (tmp_path / "content" / f"g{day}.md").write_text(text, "utf-8")
    for args in (("check",), ("report", "--format", "json"), ("report", "--format", "html")):
        result = run_cli(*args, "--today", today, cwd=tmp_path)
        assert result.code in (0, 1), result.stdout + result.stderr


@pytest.mark.parametrize("others", [0, 70], ids=["small run", "large run"])
def test_a_file_name_that_is_not_utf8(run_cli, tmp_path: Path, others: int) -> None:  # type: ignore[no-untyped-def]
    # Its odd bytes reach Python as lone surrogates, which no UTF-8 output can
    # hold: JSON, SARIF, GitLab, the Markdown report and the baseline crashed.
    content = tmp_path / "content"
    content.mkdir()
    odd = os.path.join(os.fsencode(content), b"odd-\xff.md")
    try:
        with open(odd, "wb") as handle:
            handle.write(guide("Churn fell 12% this year.\n").encode())
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    (content / "same-slug.md").write_text(guide("Body.\n"), "utf-8")  # slug pm-vs-pmm too
    for n in range(others):
        text = guide("Body.\n").replace("slug: pm-vs-pmm", f"slug: other-{n}")
        (content / f"other-{n}.md").write_text(text, "utf-8")
    shown = "content/odd-\\xff.md"
    for fmt in ("text", "json", "sarif", "junit", "github", "gitlab"):
        result = run_cli("check", "--today", "2026-11-26", "--format", fmt, cwd=tmp_path)
        assert result.code == 1, result.stdout + result.stderr
        assert "odd-\\" in result.stdout
    found = json.loads(
        run_cli("check", "--today", "2026-11-26", "--format", "json", cwd=tmp_path).stdout
    )["diagnostics"]
    duplicates = sorted((d["path"], d["message"]) for d in found if d["rule"] == "duplicate-slug")
    assert duplicates == [
        (shown, "slug 'pm-vs-pmm' is also used by content/same-slug.md"),
        ("content/same-slug.md", f"slug 'pm-vs-pmm' is also used by {shown}"),
    ]
    for fmt in ("markdown", "json", "csv", "html"):
        result = run_cli("report", "--today", "2026-11-26", "--format", fmt, cwd=tmp_path)
        assert result.code == 0, result.stderr
    assert run_cli("baseline", "--today", "2026-11-26", cwd=tmp_path).code == 0
    result = run_cli(
        "check", "--today", "2026-11-26", "--baseline", ".guidelint-baseline.json", cwd=tmp_path
    )
    assert result.code == 0, result.stdout + result.stderr


LONG = "x" * 5000  # past every file system's limit on one name (255 bytes on Linux)


@pytest.mark.parametrize(
    "args",
    [
        ("check", f"{LONG}.md"),
        ("check", "content", "--config", f"{LONG}.yaml"),
        ("check", "content", "--format", "json", "-o", f"{LONG}.json"),
        ("report", LONG),
        ("report", "content", "--format", "html", "-o", f"{LONG}.html"),
        ("review", f"{LONG}.md"),
        ("new", f"{LONG}.md", "--title", "A long enough title", "--owner", "me"),
    ],
    ids=["check", "config", "output", "report", "report output", "review", "new"],
)
def test_a_path_too_long_for_the_system_is_exit_2(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: tuple[str, ...],
) -> None:
    # pathlib raises OSError (ENAMETOOLONG) from exists() and stat(): each was
    # a traceback.
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(VALID, "utf-8")
    result = run_main(capsys, monkeypatch, tmp_path, *args, "--today", "2026-11-26")
    assert result.code == 2, result.out + result.err
    assert result.err.startswith("guidelint: error: ")
    assert len(result.err) < 300  # the name is shortened


def test_a_cache_folder_the_system_refuses_is_no_cache(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(VALID, "utf-8")
    (tmp_path / ".guidelint.yaml").write_text(f"cache_dir: {LONG}\n", "utf-8")
    result = run_cli("check", "--today", "2026-11-26", cwd=tmp_path)
    assert result.code == 0, result.stdout + result.stderr
