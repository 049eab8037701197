"""How the browser tests find Chromium on machines laid out unlike Debian."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import chromium  # noqa: E402


def _executable(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_the_variable_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RECONCILE_CHROMIUM", "/opt/browsers/chrome")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert chromium.find_chromium() == "/opt/browsers/chrome"


@pytest.mark.parametrize("name", ["chromium", "chromium-browser", "google-chrome"])
def test_a_browser_on_the_path_is_found(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    monkeypatch.delenv("RECONCILE_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    expected = _executable(tmp_path, name)
    assert chromium.find_chromium() == str(expected)


def test_without_a_browser_it_says_what_to_install_in_one_line(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PATH": str(tmp_path),
        "RECONCILE_CHROMIUM": "",
    }
    code = (
        "import sys; sys.path.insert(0, 'scripts'); import chromium;"
        "chromium.DEBIAN_PATH = '/nonexistent/chromium'; chromium._can_install = lambda: False;"
        "sys.exit(chromium.ensure_chromium())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.splitlines() == [chromium.INSTALL_HINT]
