"""`timeline-viewer FILE`, as a file manager or the desktop entry (Exec=… %f) runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viewer", *map(str, args), "--no-err-windows", "--quit-after-paint"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip


@pytest.mark.parametrize("suffix", [".tlcat", ".sqlite"])
def test_a_catalog_given_opens(built_catalog: Path, tmp_path: Path, suffix: str) -> None:
    """A catalog in its own file type (.tlcat, what a double-click passes) or as made
    before it (.sqlite)."""
    catalog = tmp_path / f"summits{suffix}"
    shutil.copy(built_catalog, catalog)
    result = _run(catalog, "--data-dir", tmp_path / "user")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "desk.json",
            json.dumps({"events": [{"start_date": {"year": 2020}, "text": {"headline": "A"}}]}),
        ),
        ("newsroom.csv", "Year,Month,Day,Headline,Text\n2020,3,1,A,first\n2021,,,B,second\n"),
    ],
)
def test_a_timelinejs_file_or_sheet_given_is_imported_and_opened(
    tmp_path: Path, name: str, content: str
) -> None:
    timeline = tmp_path / name
    timeline.write_text(content)
    result = _run(timeline, "--data-dir", tmp_path / "user")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "user" / "catalogs" / name).with_suffix(".tlcat").is_file()


def test_a_file_that_is_no_catalog_is_refused_in_words(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    result = _run(notes, "--data-dir", tmp_path / "user")
    assert result.returncode == 2
    assert "is not a readable catalog" in result.stderr and "Traceback" not in result.stderr


def test_the_desktop_entry_passes_what_the_command_line_takes() -> None:
    entry = (ROOT / "packaging" / "linux" / "timeline-viewer.desktop").read_text()
    assert "Exec=timeline-viewer %f" in entry
