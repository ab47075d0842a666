"""``guidelint sources`` and ``check --online`` end to end, against loopback servers only."""

from __future__ import annotations

import json
import socket
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from guidelint.cli import main
from guidelint.rules.examples import example
from tests.sources.servers import Site, always

MakeSite = Callable[..., Site]
TODAY = "2026-11-26"


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loopback only: no proxy from the environment may catch a test's request."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def guide(url_source: str, url_link: str, extra: str = "") -> str:
    """The rule examples' guide, citing ``url_source`` and linking ``url_link``."""
    sources = f"sources:\n  - id: survey\n    title: Survey\n    url: {url_source}\n"
    return example(f"Read the [hiring page]({url_link}#loop) before the loop.\n{extra}", sources)


@pytest.fixture
def site(make_site: MakeSite) -> Site:
    return make_site(
        {
            "/ok": always(200),
            "/gone": always(404),
            "/old": always(301, Location="/new"),
            "/new": always(200),
            "/forbidden": always(403),
        }
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site: Site) -> Iterator[Path]:
    """A site folder with a config, one guide citing a dead source and a moved link."""
    (tmp_path / "content").mkdir()
    (tmp_path / ".guidelint.yaml").write_text("content_root: content\n", encoding="utf-8")
    (tmp_path / "content" / "g.md").write_text(
        guide(site.url("/gone"), site.url("/old")), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([*args, "--today", TODAY])
    out, err = capsys.readouterr()
    return code, out, err


def findings(out: str) -> list[tuple[str, int]]:
    return sorted((d["rule"], d["line"]) for d in json.loads(out)["diagnostics"])


def test_sources_reports_dead_and_moved_at_their_lines(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "sources", "--format", "json")
    assert code == 1  # a dead source is an error
    assert findings(out) == [("dead-source", 10), ("moved-source", 13)]
    assert "/new#loop" in out  # the new URL, fragment kept


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit", "gitlab"])
def test_sources_speaks_every_check_format(
    project: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, _ = run(capsys, "sources", "--format", fmt)
    assert code == 1
    assert "dead-source" in out and "moved-source" in out


def test_exit_codes_follow_check(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "content" / "g.md"
    page.write_text(guide(site.url("/ok"), site.url("/old")), encoding="utf-8")
    assert run(capsys, "sources")[0] == 0  # a moved source is a warning
    assert run(capsys, "sources", "--strict")[0] == 1
    page.write_text(guide(site.url("/gone"), site.url("/ok")), encoding="utf-8")
    assert run(capsys, "sources", "--exit-zero")[0] == 0


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every attempt to open a network connection is recorded and refused."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network use in a test that must stay offline")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def test_plain_check_never_touches_the_network(
    project: Path, site: Site, no_network: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", "--no-cache")
    assert no_network == [] and site.requests == []
    assert code == 0
    assert not {"dead-source", "moved-source"} & {r for r, _ in findings(out)}


def test_a_selected_online_rule_stays_off_without_online(
    project: Path, site: Site, no_network: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "--select", "dead-source", "--format", "json")
    assert (code, findings(out), no_network) == (0, [], [])


def test_check_online_adds_source_findings_to_the_rest(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "--online", "--format", "json")
    rules = {r for r, _ in findings(out)}
    assert code == 1
    assert {"dead-source", "moved-source"} <= rules


def test_suppressions_and_severities_apply(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "content" / "g.md"
    silenced = guide(site.url("/ok"), site.url("/gone"))
    silenced = silenced.replace(
        "Read the", "<!-- guidelint-disable-next-line dead-source -- archived -->\nRead the"
    )
    page.write_text(silenced, encoding="utf-8")
    assert run(capsys, "sources", "--format", "json")[0] == 0
    page.write_text(guide(site.url("/gone"), site.url("/ok")), encoding="utf-8")
    (project / ".guidelint.yaml").write_text(
        "content_root: content\nrules:\n  dead-source: warning\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "sources", "--format", "json")
    assert code == 0
    assert [d["severity"] for d in json.loads(out)["diagnostics"]] == ["warning"]


def test_links_false_judges_only_sources_entries(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content" / "g.md").write_text(
        guide(site.url("/ok"), site.url("/gone")), encoding="utf-8"
    )
    (project / ".guidelint.yaml").write_text(
        "content_root: content\nrules:\n  dead-source: {links: false}\n", encoding="utf-8"
    )
    assert run(capsys, "sources")[0] == 0


def test_alive_results_are_cached_failures_are_not(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "content" / "g.md"
    page.write_text(guide(site.url("/ok"), site.url("/gone")), encoding="utf-8")
    run(capsys, "sources")
    assert (site.count("/ok"), site.count("/gone")) == (1, 1)
    run(capsys, "sources")
    assert (site.count("/ok"), site.count("/gone")) == (1, 2)  # the dead one is asked again
    run(capsys, "sources", "--refresh")
    assert site.count("/ok") == 2


def test_offline_makes_no_request_and_uses_the_cache(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "sources", "--offline", "--format", "json")
    assert (code, findings(out), site.requests) == (0, [], [])


def test_fix_rewrites_only_the_moved_url(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / "content" / "g.md"
    before = guide(site.url("/old"), site.url("/old"), extra="Trailing text stays.\r\n")
    page.write_bytes(before.encode())
    code, _, err = run(capsys, "sources", "--fix")
    after = page.read_bytes().decode()
    assert after == before.replace(site.url("/old"), site.url("/new"))
    assert "rewrote 2 moved URL(s)" in err
    assert code == 0
    assert run(capsys, "sources", "--format", "json")[1].count("moved-source") == 0


def test_changed_since_checks_only_changed_guides(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    other = project / "content" / "other.md"
    other.write_text(guide(site.url("/ok"), site.url("/ok")), encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run(["git", "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    other.write_text(guide(site.url("/ok"), site.url("/new")), encoding="utf-8")
    code, out, _ = run(capsys, "sources", "--changed-since", "HEAD", "--format", "json")
    assert code == 0 and findings(out) == []
    assert site.count("/gone") == 0 and site.count("/old") == 0  # g.md did not change
    assert site.count("/new") == 1


def test_config_headers_reach_the_host_but_never_output_or_cache(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_TOKEN", "s3cret-token")
    host = site.url("/").split("//")[1].rstrip("/")
    (project / ".guidelint.yaml").write_text(
        "content_root: content\nsources:\n  headers:\n"
        f"    '{host}': {{Authorization: 'Bearer ${{SITE_TOKEN}}'}}\n",
        encoding="utf-8",
    )
    _, out, err = run(capsys, "sources", "--format", "json")
    sent = [headers.get("Authorization") for _, _, headers in site.requests]
    assert "Bearer s3cret-token" in sent
    stored = b"".join(p.read_bytes() for p in project.rglob("*") if p.is_file())
    assert "s3cret" not in out + err and b"s3cret" not in stored


def test_exclude_and_accept_from_the_config(
    project: Path, site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "content" / "g.md").write_text(
        guide(site.url("/forbidden"), site.url("/gone")), encoding="utf-8"
    )
    (project / ".guidelint.yaml").write_text(
        f"content_root: content\nsources:\n  exclude: ['{site.url('/gone')}*']\n  accept: [403]\n",
        encoding="utf-8",
    )
    assert run(capsys, "sources")[0] == 0
    assert site.count("/gone") == 0


def test_a_bad_sources_config_is_a_config_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / ".guidelint.yaml").write_text(
        "content_root: content\nsources:\n  accept: [42]\n", encoding="utf-8"
    )
    code, _, err = run(capsys, "sources")
    assert code == 2 and "sources.accept" in err


def test_report_shows_the_last_sources_run_and_its_age(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "Sources last checked" not in run(capsys, "report")[1]
    run(capsys, "sources")
    _, markdown, _ = run(capsys, "report")
    assert "dead-source" in markdown and "moved-source" in markdown
    assert "Sources last checked" in markdown
    _, text, _ = run(capsys, "report", "--format", "json")
    document = json.loads(text)
    assert document["guides"][0]["findings"]["dead-source"] == 1
    assert document["sources"]["by_owner"] == [
        {"owner": "careers-editorial", "dead": 1, "moved": 1}
    ]
    _, html, _ = run(capsys, "report", "--format", "html")
    assert "Sources last checked" in html
    _, csv, _ = run(capsys, "report", "--format", "csv")
    assert "dead-source" in csv


def test_unreachable_urls_are_reported_but_are_not_findings(
    project: Path, make_site: MakeSite, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = make_site({"/error": always(500)})
    (project / "content" / "g.md").write_text(
        guide(broken.url("/error"), broken.url("/error")), encoding="utf-8"
    )
    code, out, err = run(capsys, "sources", "--format", "json")
    assert (code, findings(out)) == (0, [])
    assert "sources: 1 URL(s): 1 unreachable" in err
    assert f"unreachable {broken.url('/error')} (HTTP 500)" in err
