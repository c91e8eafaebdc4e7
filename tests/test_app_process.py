"""End to end: the real app starts as a process on the bundled data and paints."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_app_starts_paints_and_exits(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "viewer",
            "--data-dir",
            str(tmp_path),
            "--no-err-windows",
            "--quit-after-paint",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "settings.ini").exists()  # state saved on close
    assert "Traceback" not in result.stderr


def test_app_reports_a_missing_catalog(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "viewer",
            "--data-dir",
            str(tmp_path),
            "--no-err-windows",
            "--db",
            str(tmp_path / "missing.sqlite"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "Cannot open the catalog" in result.stderr
