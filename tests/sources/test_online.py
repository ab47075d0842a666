"""The pieces around a source run: config, cache age, the progress line, the fix, the record."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from guidelint.config import build_config
from guidelint.diagnostic import Diagnostic
from guidelint.errors import ConfigError
from guidelint.sources import Citation, Progress, Result
from guidelint.sources.fix import rewrite
from guidelint.sources.online import max_age, online_run
from guidelint.sources.record import load_run, save_run
from guidelint.terminal import SourceProgress, source_progress_line

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


def test_the_sources_section_and_the_cache_policy_reach_the_checker(tmp_path: Path) -> None:
    config = build_config(
        {
            "policy": {"source_cache": "2d"},
            "sources": {
                "exclude": ["https://intranet.example.com/*"],
                "headers": {"API.example.com": {"X-Token": "${TOKEN}"}},
                "accept": [403],
            },
        },
        tmp_path,
        "test",
    )
    run = online_run(config, refresh=True, limits={"timeout": 3.0, "per_host": None})
    assert run.options.exclude == ("https://intranet.example.com/*",)
    assert run.options.headers == {"api.example.com": {"X-Token": "${TOKEN}"}}
    assert run.options.accept == frozenset({403})
    assert (run.options.timeout, run.options.per_host) == (3.0, 2)
    assert run.cache is not None and run.cache.refresh
    assert run.cache.max_age == max_age(config) == dt.timedelta(days=2)


@pytest.mark.parametrize(
    "section",
    [{"accept": ["403"]}, {"headers": {"a.example": {"Bad Name": "x"}}}, {"other": 1}],
)
def test_a_wrong_sources_section_is_refused(tmp_path: Path, section: object) -> None:
    with pytest.raises(ConfigError, match="sources"):
        build_config({"sources": section}, tmp_path, "test")


def test_the_progress_line_counts_urls_dead_and_waiting_hosts() -> None:
    line = source_progress_line(Progress(total=8, checked=4, dead=1, waiting_hosts=2), bar=8)
    assert line == "Sources [####----] 4/8 URLs, 1 dead, 2 hosts waiting"
    assert source_progress_line(Progress(4, 4), bar=4) == "Sources [####] 4/4 URLs, 0 dead"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_is_drawn_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    tty, pipe = _Tty(), io.StringIO()
    ticks = iter([0.0, 0.05, 0.5])
    bar = SourceProgress(tty, clock=lambda: next(ticks))
    for checked in (1, 2, 3):
        bar(Progress(total=4, checked=checked))
        SourceProgress(pipe)(Progress(total=4, checked=checked))
    bar.close()
    drawn = tty.getvalue()
    assert "1/4 URLs" in drawn and "2/4" not in drawn and "3/4 URLs" in drawn  # throttled
    assert drawn.endswith("\r") and pipe.getvalue() == ""


def test_fix_rewrites_only_the_url_bytes_and_skips_what_it_cannot_find() -> None:
    data = "---\nsources:\n  - url: 'http://a.example/x'\n---\nSee [x](http://a.example/x#y)\r\n"
    moved = [
        (Citation("g.md", 3, 5, "source", "http://a.example/x"), "https://b.example/x"),
        (Citation("g.md", 5, 1, "link", "http://a.example/x#y"), "https://b.example/x#y"),
        (Citation("g.md", 2, 1, "link", "http://not.there/"), "https://b.example/"),
    ]
    out, count = rewrite(data.encode(), moved)
    assert count == 2
    assert out.decode() == data.replace("http://a.example/x", "https://b.example/x")


def test_the_run_record_keeps_other_guides_and_drops_old_ones(tmp_path: Path) -> None:
    dead = Diagnostic("content/a.md", 3, 5, "dead-source", "error", "source x is dead: HTTP 404")
    save_run(tmp_path, ["content/a.md"], [dead], NOW - dt.timedelta(days=200), cwd=tmp_path)
    save_run(tmp_path, ["content/b.md"], [], NOW - dt.timedelta(days=1), cwd=tmp_path)
    save_run(tmp_path, ["content/c.md"], [], NOW, cwd=tmp_path)
    record = load_run(tmp_path)
    assert sorted(Path(p).name for p in record) == ["b.md", "c.md"]
    (tmp_path / "sources-run-v1.json").write_text("{not json", encoding="utf-8")
    assert load_run(tmp_path) == {}


def test_results_never_hold_a_header_value() -> None:
    assert "headers" not in Result.__dataclass_fields__
