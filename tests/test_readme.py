"""The README's commands are the ones CI runs, with one list of system packages."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _block_after(heading: str) -> list[str]:
    section = README.split(heading, 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    return block.group(1).strip().splitlines()


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    (command,) = _block_after("## Run the tests")
    assert command in CI.splitlines()


def test_the_readme_and_ci_install_the_same_package_list() -> None:
    apt, run = _block_after("## Run it")
    assert apt == "sudo apt-get install $(grep -v '^#' packaging/apt-packages.txt)"
    assert "$(grep -v '^#' packaging/apt-packages.txt)" in CI
    assert run.startswith("python3 -m venv .venv && .venv/bin/pip install . &&")
    packages = [
        line
        for line in (ROOT / "packaging" / "apt-packages.txt").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert {"libglib2.0-0", "python3-venv", "libxcb-cursor0"} <= set(packages)
