"""How fast ``guidelint lsp`` answers, in a 10,000-guide workspace.  Run by hand::

    .venv/bin/python benchmarks/lsp.py [--size 10000] [--edits 200] [--starts 5] [--out benchmarks/out]

The corpus is the one ``benchmarks/bench.py`` generates (``gen_corpus.py``,
cached under ``OUT/corpora``).  Measured, against issue 14's targets:

- **edit**: diagnostics for a 10 KB guide after a one-character change,
  over ``--edits`` edits (debounce off).  *Server side* is the work the
  server does for one change (check the buffer in its workspace, turn the
  findings into LSP diagnostics), timed in this process on the server's own
  code; *round trip* is didChange sent to publishDiagnostics received by a
  real client over stdio (adds JSON and the pipe: an upper bound).
- **start**: process start to the first diagnostics of an opened guide,
  with a warm slug cache (median of ``--starts``).
- **memory**: the server process's peak RSS (``VmHWM``) after the edits.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bench  # noqa: E402  (the corpus is bench.py's)

TODAY = bench.TODAY
TARGETS = {"edit p95 (ms)": 10.0, "start (s)": 1.0, "memory (MB)": 120.0}


def ten_kb_guide(root: Path) -> tuple[Path, str]:
    """A guide of the corpus, and its text padded with prose to 10 KB."""
    path = sorted((root / "content").rglob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    para = "\nEditors revise this section as interview loops change over time.\n"
    while len(text.encode()) < 10_240:
        text += para
    return path, text


def percentile(samples: list[float], share: float) -> float:
    """The ``share`` percentile of ``samples`` (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def server_side(root: Path, path: Path, text: str, edits: int) -> tuple[list[float], list[float]]:
    """Milliseconds the server's own code takes per edit (wall, CPU): check and convert.

    CPU time is what a busy shared machine cannot inflate.
    """
    from guidelint.lsp.convert import Text, diagnostic
    from guidelint.lsp.workspace import GuideWorkspace

    workspace = GuideWorkspace(root, lambda: dt.date.fromisoformat(TODAY))
    samples: list[float] = []
    cpu: list[float] = []
    for i in range(edits + 5):
        edited = text + "x" * (i % 7)
        start, start_cpu = time.perf_counter(), time.thread_time()
        buffer = Text(edited)
        found = workspace.check(path, buffer.data)
        [diagnostic(d, buffer, None) for d in found]
        if i >= 5:  # the first checks import and warm what every later one reuses
            samples.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - start_cpu) * 1000)
    return samples, cpu


class Client:
    """A real LSP client over stdio, waiting for each publishDiagnostics."""

    def __init__(self) -> None:
        self.client = LanguageClient("bench", "1")
        self.waiting: asyncio.Future[float] | None = None

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if self.waiting is not None and not self.waiting.done():
                self.waiting.set_result(time.perf_counter())

    async def start(self, root: Path) -> None:
        env = {**os.environ, "GUIDELINT_TODAY": TODAY}
        await self.client.start_io(sys.executable, "-m", "guidelint", "lsp", env=env)
        await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=from_fs_path(str(root)),
                initialization_options={"debounceMs": 0},
            )
        )
        self.client.initialized(types.InitializedParams())

    async def diagnostics(self, send: object) -> float:
        """Seconds from ``send()`` to the next publishDiagnostics."""
        self.waiting = asyncio.get_running_loop().create_future()
        began = time.perf_counter()
        send()  # type: ignore[operator]
        return await asyncio.wait_for(self.waiting, 30) - began

    async def open(self, path: Path, text: str) -> str:
        """Open ``path`` with ``text`` and wait for its first diagnostics; its URI."""
        uri = from_fs_path(str(path))
        item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        await self.diagnostics(
            lambda: self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        )
        return str(uri)

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def start_once(root: Path, path: Path, text: str) -> float:
    """Seconds from process start to the first diagnostics of ``path``."""
    client = Client()
    began = time.perf_counter()
    await client.start(root)
    await client.open(path, text)
    elapsed = time.perf_counter() - began
    await client.stop()
    return elapsed


async def edit_round_trips(
    root: Path, path: Path, text: str, edits: int
) -> tuple[list[float], float]:
    """Milliseconds per edit, didChange to publishDiagnostics; and the server's peak RSS in MB."""
    client = Client()
    await client.start(root)
    uri = await client.open(path, text)
    end = types.Position(len(text.splitlines()), 0)  # typing at the end of the buffer
    samples = []
    for version in range(2, edits + 2):
        change = types.TextDocumentContentChangePartial(range=types.Range(end, end), text="x")
        params = types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[change],
        )
        samples.append(
            1000
            * await client.diagnostics(lambda p=params: client.client.text_document_did_change(p))
        )
        end = types.Position(end.line, end.character + 1)
    server = client.client._server  # the subprocess pygls started
    peak = _peak_rss_mb(server.pid) if server is not None else float("nan")
    await client.stop()
    return samples, peak


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args(argv)
    root = bench.ensure_corpus(args.out, args.size, 0, lambda m: print(m, file=sys.stderr))
    path, text = ten_kb_guide(root)
    asyncio.run(start_once(root, path, text))  # warms the slug cache (and the OS's)
    starts = [asyncio.run(start_once(root, path, text)) for _ in range(args.starts)]
    trips, peak = asyncio.run(edit_round_trips(root, path, text, args.edits))
    side, cpu = server_side(root, path.resolve(), text, args.edits)
    figures = {
        "edit p50 (ms)": statistics.median(side),
        "edit p95 (ms)": percentile(side, 0.95),
        "edit CPU p50 (ms)": statistics.median(cpu),
        "edit CPU p95 (ms)": percentile(cpu, 0.95),
        "round trip p50 (ms)": statistics.median(trips),
        "round trip p95 (ms)": percentile(trips, 0.95),
        "start (s)": statistics.median(starts),
        "memory (MB)": peak,
    }
    load = os.getloadavg()[0]
    print(f"load average {load:.2f} on {os.cpu_count()} CPUs (a busy machine inflates wall times)")
    print(
        f"guidelint lsp, {args.size:,} guides, a {len(text.encode()):,}-byte guide, "
        f"{args.edits} edits, {args.starts} starts"
    )
    for name, value in figures.items():
        target = TARGETS.get(name)
        verdict = (
            ""
            if target is None
            else (" PASS" if value <= target else " FAIL") + f" (target <= {target})"
        )
        print(f"  {name:<20} {value:8.2f}{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
