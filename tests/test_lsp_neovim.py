"""A real editor: headless Neovim attaches ``guidelint lsp`` and applies its fix-all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TODAY, guide

pytestmark = pytest.mark.integration
SCRIPT = Path(__file__).parent / "data" / "nvim_lsp.lua"


def test_neovim_receives_diagnostics_and_applies_a_code_action(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("Neovim is not installed (Debian package 'neovim'; .ci/run installs it)")
    content = tmp_path / "content"
    content.mkdir()
    target = content / "guide.md"
    target.write_text(
        guide(
            "<!-- guidelint-disable-next-line stat-source -- sourced since -->\n"
            "Positioning questions became common this year.\n"
        )
    )
    out = tmp_path / "nvim.json"
    env = {
        **os.environ,
        "GUIDELINT_TODAY": TODAY.isoformat(),
        "GUIDELINT_GUIDE": str(target),
        "GUIDELINT_OUT": str(out),
        "GUIDELINT_ROOT": str(tmp_path),
        "GUIDELINT_PYTHON": sys.executable,
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),  # no user config, no plugins
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "XDG_STATE_HOME": str(tmp_path / "xdg"),
    }
    done = subprocess.run(
        [nvim, "--headless", "--clean", "-n", "-u", str(SCRIPT)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.exists(), done.stderr
    seen = json.loads(out.read_text())
    assert seen.get("error") is None, seen
    codes = sorted(d["code"] for d in seen["diagnostics"])
    assert codes == ["relative-time", "unused-suppression"]
    phrase = next(d for d in seen["diagnostics"] if d["code"] == "relative-time")
    line = target.read_text().splitlines()[phrase["line"]]
    assert line[phrase["col"] : phrase["end_col"]] == "this year"
    assert seen["actions"] == ["Fix all auto-fixable problems (guidelint)"]
    # The safe fix went in through Neovim: the idle suppression is gone.
    assert "\n".join(seen["lines"]) + "\n" == guide(
        "Positioning questions became common this year.\n"
    )
    assert "guidelint-disable" in target.read_text()  # the buffer changed, not the file
