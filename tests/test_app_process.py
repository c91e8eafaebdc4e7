"""End to end: the real app starts as a process on the bundled data and paints."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def run_app(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The app as a person starts it, offscreen, with errors on stderr."""
    return subprocess.run(
        [sys.executable, "-m", "viewer", "--data-dir", str(data_dir), "--no-err-windows", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )


def test_app_starts_paints_and_exits(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--quit-after-paint")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "settings.ini").exists()  # state saved on close
    assert "Traceback" not in result.stderr


def test_app_reports_a_missing_catalog(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--db", str(tmp_path / "missing.sqlite"))
    assert result.returncode == 2
    assert "Cannot open the catalog" in result.stderr


def test_verbose_prints_the_log_which_is_also_kept_in_a_file(tmp_path: Path) -> None:
    result = run_app(tmp_path, "--quit-after-paint", "--verbose")
    assert result.returncode == 0, result.stderr
    assert "viewer.core.logs: started" in result.stderr
    assert "started" in (tmp_path / "logs" / "timeline-viewer.log").read_text()
