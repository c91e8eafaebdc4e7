"""The rules the code keeps: a Qt-free core, and clean ruff, mypy and import-linter runs."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_core_imports_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, viewer.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'viewer.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'viewer.ui'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


BUILD_ONLY = (
    "sqlalchemy",  # about 0.3 s to import: loads only after the first paint
    "viewer.core.catalog.build",
    "viewer.core.catalog.schema",
    "viewer.core.catalog.source_checks",
    "viewer.core.catalog.sourcefiles",
    "viewer.core.dates.edtf",
)


def test_starting_the_window_imports_no_build_only_code() -> None:
    """Building catalogs (the ORM, EDTF parsing, checks of data/) is not what a window
    needs to open; an import of a TimelineJS file loads it when asked."""
    code = f"import sys, viewer.ui.app\nprint([m for m in {BUILD_ONLY!r} if m in sys.modules])"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "command",
    [["lint-imports"], ["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]],
    ids=["import-linter", "ruff", "ruff-format", "mypy"],
)
def test_tool_is_clean(command: list[str]) -> None:
    # The tools installed beside this Python (the venv's bin/), else on PATH.
    exe = shutil.which(command[0], path=str(Path(sys.executable).parent)) or shutil.which(
        command[0]
    )
    assert exe is not None, f"{command[0]} is not installed (pip install -e '.[test]')"
    result = subprocess.run(
        [exe, *command[1:]], capture_output=True, text=True, cwd=ROOT, check=False, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_every_package_is_listed_for_installation() -> None:
    """A package missing from pyproject's list would be left out of wheels and the .deb."""
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "viewer").rglob("__init__.py")
    }
    assert found | {"viewer.resources"} == listed


def test_no_module_is_long_and_no_test_waits_a_fixed_time() -> None:
    """Modules stay small enough to read (about 400 lines at most), and a test waits for
    a condition (`qtbot.waitUntil`, `waitSignal`), never for a number of milliseconds."""
    long = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "viewer").rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 420
    }
    assert not long
    waits = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "tests").rglob("test_*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if path.name != "test_code_quality.py" and ("qtbot.wait(" in line or "qWait(" in line)
    ]
    assert not waits


NOT_AT_FIRST_PAINT = (
    "numpy.ma",
    "viewer.ui.search.panel",
    "viewer.ui.search.worker",
    "viewer.core.search.engine",
    # Loaded when first used: the notes' records with the notes (after the first paint),
    # the HTML cleaner at the first formatted text, Go to date's parser, the picture
    # export's settings; bundled files are found without importlib.resources.
    "viewer.core.annotations.records",
    "viewer.core.rich_text",
    "html.parser",
    "viewer.core.dates.typed",
    "viewer.ui.go_to_date",
    "viewer.ui.timeline.picture_spec",
    "importlib.resources",
    # The log file rotates without logging.handlers (sockets, selectors, queues), and
    # text is escaped without the html package (its 2,000-entry entity table).
    "logging.handlers",
    "html",
    # Array types are for the type checker only (numpy.typing is ~1 ms to load); the
    # progress dialog of an import is loaded with the import.
    "numpy.typing",
    "viewer.ui.busy",
    "viewer.ui.annotations.loader",  # made for the first loading of the notes
    "viewer.ui.jobs",
    # The timeline's screen-reader interface, when a screen reader first asks for it.
    "viewer.ui.timeline.accessible",
    # The terminal commands' parsers and code, when the command line names one.
    "viewer.cli_data",
    "viewer.cli_search",
)
# Qt classes whose Python enums PySide6 makes when a module first names the class: the
# dialogs are looked up when one is shown, QUrl when a link or folder is opened, QWindow
# when a screen reader asks; the crash reporter's bridge is made in the UI thread, where
# it stays, without asking for it. The dialogs also stand for every widget class: asked
# for a widget of a class Qt keeps private (a toolbar's separator, say), PySide6 makes
# the Python type of each QWidget class to find its nearest (12-18 ms).
QT_NOT_AT_FIRST_PAINT = (
    "QtWidgets.QMessageBox",
    "QtWidgets.QFileDialog",
    "QtCore.QThread",
    "QtCore.QUrl",
    "QtGui.QWindow",
    "QtWidgets.QAccessibleWidget",
)


def test_the_first_paint_imports_nothing_it_does_not_need(tmp_path: Path) -> None:
    """Up to the first painted window: no build-only code, not numpy.ma (np.unique
    imports it at its first call, 12-20 ms), and nothing of the search, whose dock is
    hidden until Ctrl+F (its panel, engine and worker come when first shown)."""
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['viewer', '--data-dir', {str(tmp_path)!r}, '--no-err-windows',"
        " '--quit-after-paint']\n"
        "try:\n"
        "    runpy.run_module('viewer', run_name='__main__', alter_sys=True)\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print([m for m in ({', '.join(map(repr, NOT_AT_FIRST_PAINT))}, *{BUILD_ONLY!r})"
        " if m in sys.modules]"
        f" + [c for c in {QT_NOT_AT_FIRST_PAINT!r}"
        " if c.split('.')[1] in vars(sys.modules['PySide6.' + c.split('.')[0]])])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr


def test_the_app_with_its_notes_open_runs_without_sqlalchemy(tmp_path: Path) -> None:
    """SQLAlchemy builds and exports catalogs; the running app reads catalogs and the
    user's notes through sqlite3 alone (one way to SQLite at run time)."""
    code = (
        "import sys\n"
        "from viewer.cli import parser\n"
        "from viewer.ui.app import start\n"
        f"args = parser().parse_args(['--data-dir', {str(tmp_path)!r}, '--no-err-windows'])\n"
        "running = start(args)\n"
        "attached = []\n"
        "running.session.on_attached = lambda: attached.append(True)\n"
        "running.session.load_annotations()\n"
        "import time\n"
        "deadline = time.monotonic() + 30\n"
        "while not attached and time.monotonic() < deadline:  # handed back by a queued signal\n"
        "    running.app.processEvents()\n"
        "running.window.annotations.editor.save(\n"
        "    __import__('viewer.core.annotations.records', fromlist=['x']).Annotation('e', 'n')\n"
        ")\n"
        "running.finish()\n"
        "print(attached, 'sqlalchemy' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    assert out.stdout.strip().splitlines()[-1] == "[True] False", out.stdout + out.stderr
