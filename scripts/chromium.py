"""Headless Chromium for the browser tests and the scripts: found one way, launched one way.

`python scripts/chromium.py` makes sure there is one: it prints the browser it found, or, as root
on Debian or Ubuntu, installs Debian's `chromium` (and Noto, for Arabic glyphs); elsewhere it says
in one line what to install. It never downloads a browser build of its own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

#: Where to look, in order, after the RECONCILE_CHROMIUM variable.
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DEBIAN_PATH = "/usr/bin/chromium"
APT_PACKAGES = ("chromium", "fonts-noto-core")
INSTALL_HINT = (
    "no Chromium found for the browser tests: install it (Debian/Ubuntu: apt-get install "
    "chromium fonts-noto-core; Fedora: dnf install chromium; macOS: brew install --cask "
    "chromium) or set RECONCILE_CHROMIUM to its path"
)
# No sandbox (root in a container), no GPU, and none of the background requests Chromium
# makes at start: the machine has no network and the report must make no request at all.
ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def find_chromium() -> str | None:
    """The browser to drive: RECONCILE_CHROMIUM, then the usual names on PATH, then Debian's."""
    given = os.environ.get("RECONCILE_CHROMIUM")
    if given:
        return given
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    return DEBIAN_PATH if Path(DEBIAN_PATH).exists() else None


def launch(playwright: Playwright) -> Browser:
    """Headless Chromium; raises LookupError with what to install when there is none."""
    executable = find_chromium()
    if executable is None:
        raise LookupError(INSTALL_HINT)
    return playwright.chromium.launch(executable_path=executable, args=list(ARGS))


def _can_install() -> bool:
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return is_root and shutil.which("apt-get") is not None


def ensure_chromium() -> int:
    """Find a browser, or install Debian's where that is possible; say what happened."""
    found = find_chromium()
    if found is None and _can_install():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *APT_PACKAGES],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        found = find_chromium()
    print(f"browser tests use {found}" if found else INSTALL_HINT)
    return 0


if __name__ == "__main__":
    sys.exit(ensure_chromium())
