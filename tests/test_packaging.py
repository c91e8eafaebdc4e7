"""The packaging files say what the app is, consistently (the builds themselves run in
packaging/build_linux.sh and the release workflow, which take minutes)."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import ROOT

LINUX = ROOT / "packaging" / "linux"


def test_the_desktop_entry_starts_the_installed_command_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / "timeline-viewer.desktop")
    desktop = entry["Desktop Entry"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert desktop["Exec"].split()[0] in scripts
    assert desktop["Icon"] == "timeline-viewer"
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    launcher = (LINUX / "launcher.sh").read_text()
    assert "/opt/timeline-viewer/timeline-viewer" in launcher


def test_the_metainfo_names_the_desktop_entry() -> None:
    path = next(LINUX.glob("*.metainfo.xml"))
    component = ET.parse(path).getroot()
    app_id = component.findtext("id")
    assert path.name == f"{app_id}.metainfo.xml"
    assert re.fullmatch(r"[a-z]+(\.[A-Za-z_]+){2,}", app_id or "")
    assert component.findtext("launchable") == "timeline-viewer.desktop"


def test_the_package_depends_on_what_a_bare_debian_lacks() -> None:
    control = (LINUX / "control.in").read_text()
    depends = re.search(r"^Depends: (.*)$", control, re.MULTILINE)
    assert depends is not None
    names = {d.strip().split()[0] for d in depends.group(1).split(",")}
    assert {"libgl1", "libegl1", "libxcb1", "fontconfig-config", "fonts-dejavu-core"} <= names


def test_icons_render_at_every_size(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "render_icons.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for size in (16, 48, 256, 512):
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "timeline-viewer.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "timeline-viewer.svg").exists()
