"""docs/cli.md and the manual page are made from the parser, and docs/cli.md is current."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.tools.cli_reference import reference
from viewer.cli_manual import manual_page


def test_docs_cli_md_is_what_the_command_line_says_now() -> None:
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == reference(), "run: python tests/tools/cli_reference.py docs/cli.md"


def test_the_manual_page_names_every_verb_and_option() -> None:
    page = manual_page()
    assert page.startswith(".TH TIMELINE-VIEWER 1")
    for verb in ("search", "export", "import", "build-data", "list"):
        assert f".SS {verb.replace('-', chr(92) + '-')}" in page
    for option in ("\\-\\-no\\-err\\-windows", "\\-\\-source\\-texts DIR", "\\-\\-limit LIMIT"):
        assert option in page
    assert ".SH EXIT STATUS" in page and ".SH FILES" in page


@pytest.mark.skipif(shutil.which("man") is None, reason="man is not installed")
def test_man_reads_the_page() -> None:
    page = subprocess.run(
        [sys.executable, "-m", "viewer.cli_manual"], capture_output=True, text=True, check=True
    ).stdout
    shown = subprocess.run(
        ["man", "-l", "-"], input=page, capture_output=True, text=True, check=True,
        env={"MANWIDTH": "100", "PATH": "/usr/bin:/bin"},
    ).stdout  # fmt: skip
    assert "EXIT STATUS" in shown and "--no-err-windows" in shown
