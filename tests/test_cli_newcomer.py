"""What a newcomer types either works or says why in one line (real subprocesses)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DATA_DIR, ROOT

TIMELINE = {"events": [{"start_date": {"year": 2020}, "text": {"headline": "A day"}}]}


def run(
    *args: str | Path,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    home: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    if home is not None:  # the user's folders there, not the developer's
        environment.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"))
        environment["XDG_STATE_HOME"] = str(home / "state")
    return subprocess.run(
        [sys.executable, "-m", "viewer", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=120,
        check=False,
    )


def refused(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The one line a refusal prints (exit code 2, no traceback)."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]


@pytest.fixture
def timeline(tmp_path: Path) -> Path:
    path = tmp_path / "good.json"
    path.write_text(json.dumps(TIMELINE), encoding="utf-8")
    return path


# -- files that cannot be written ---------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "timelinejs"])
def test_export_to_a_place_that_cannot_be_written_is_one_line(fmt: str, tmp_path: Path) -> None:
    refused(run("export", "--format", fmt, "-o", tmp_path / "no" / "x"), "does not exist")
    assert not (tmp_path / "no").exists()
    refused(run("export", "--format", fmt, "-o", tmp_path), "is a folder")
    refused(run("export", "--format", fmt, "-o", ""), "No file name given")
    refused(run("export", "--format", fmt, "-o", "/proc/x.json"), "/proc/x.json")


def test_build_data_never_overwrites_what_is_not_a_catalog(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("my thesis", encoding="utf-8")
    refused(run("build-data", "--source", DATA_DIR, "--out", precious), "is not a catalog")
    assert precious.read_text(encoding="utf-8") == "my thesis"
    refused(run("build-data", "--source", DATA_DIR, "--out", tmp_path), "is a folder")
    refused(run("build-data", "--out", tmp_path / "a" / "b.sqlite"), "does not exist")
    assert not (tmp_path / "a").exists()


def test_import_makes_no_folders_and_keeps_temp_basedir_out_of_the_users(
    tmp_path: Path, timeline: Path
) -> None:
    refused(run("import", timeline, "--out", tmp_path / "a" / "b.sqlite"), "does not exist")
    assert not (tmp_path / "a").exists()
    refused(run("--temp-basedir", "import", timeline, home=tmp_path), "--out")
    assert not (tmp_path / "data").exists()


def test_an_unusable_data_folder_is_one_line(tmp_path: Path, timeline: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")
    refused(run("--data-dir", a_file, "import", timeline), "a file of that name is in the way")
    refused(run("import", timeline, env={"HOME": "/proc/nope", "XDG_DATA_HOME": ""}), "/proc/nope")
    app = run("--data-dir", a_file, "--no-err-windows", env={"QT_QPA_PLATFORM": "offscreen"})
    refused(app, "Give another folder with --data-dir")


# -- build-data on an installed copy ------------------------------------------------


def test_build_data_on_an_installed_copy_needs_out_and_never_writes_the_bundle(
    tmp_path: Path,
) -> None:
    """The package copied as pip installs it (no checkout around it), run from a folder
    with no data/: the bundled catalog must stay as it is."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "viewer", site / "viewer")
    shutil.copytree(ROOT / "resources", site / "viewer" / "resources")
    bundled = site / "viewer" / "resources" / "catalog.sqlite"
    before = bundled.read_bytes()
    env = {"PYTHONPATH": str(site)}
    refused(run("build-data", env=env, cwd=tmp_path), "Give --out FILE", "never written")
    refused(run("build-data", "--out", tmp_path / "c.sqlite", env=env, cwd=tmp_path), "--source")
    built = run(
        "build-data", "--source", DATA_DIR, "--out", tmp_path / "c.sqlite", env=env, cwd=tmp_path
    )
    assert built.returncode == 0, built.stderr
    assert bundled.read_bytes() == before


def test_build_data_without_the_build_extra_says_how_to_get_it(tmp_path: Path) -> None:
    script = (
        "import sys; sys.modules['edtf'] = None\n"  # as after `pip install .` alone
        "from viewer.cli import main\n"
        f"sys.exit(main(['build-data', '--out', {str(tmp_path / 'c.sqlite')!r}]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    refused(result, "pip install 'timeline-viewer[build]'")


# -- wrong ids, listing them, limits ------------------------------------------------


def test_wrong_ids_are_errors_that_list_the_right_ones() -> None:
    line = refused(run("search", "putin", "--profile", "nosuch"), "No profile 'nosuch'")
    assert "trump-on-putin" in line
    refused(run("search", "putin", "--speaker", "nosuch"), "list speakers")
    kind = run("search", "putin", "--kind", "nosuch")
    assert kind.returncode == 2 and "invalid choice: 'nosuch'" in kind.stderr
    limit = run("search", "putin", "--limit", "-3")
    assert limit.returncode == 2 and "1 or more" in limit.stderr
    assert "at most this many quotes" in " ".join(run("search", "--help").stdout.split())


def test_list_shows_the_ids_that_search_and_export_take() -> None:
    profiles = run("list", "profiles").stdout.splitlines()
    assert profiles[0] == "trump-on-putin\tDonald Trump on Vladimir Putin"
    assert "vladimir-putin\tVladimir Putin" in run("list", "speakers").stdout.splitlines()
    assert "statement" in run("list", "kinds").stdout.splitlines()
    assert run("list", "sources").stdout.count("\n") == 4


def test_export_profile_filters_csv_and_is_refused_for_json(tmp_path: Path) -> None:
    out = tmp_path / "putin.csv"
    done = run("export", "--format", "csv", "--profile", "putin-on-trump", "-o", out)
    assert done.returncode == 0 and "quotes to" in done.stderr
    every = run("export", "--format", "csv").stdout.count("\n")
    assert 1 < out.read_text(encoding="utf-8-sig").count("\n") < every
    refused(run("export", "--format", "json", "--profile", "trump-on-putin"), "whole catalog")
    refused(run("export", "--format", "csv", "--profile", "nosuch"), "No profile 'nosuch'")


def test_search_in_the_terminal_finds_the_users_notes_as_the_app_does(tmp_path: Path) -> None:
    from viewer.core.annotations.records import Annotation
    from viewer.core.annotations.store import AnnotationStore

    store = AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")
    store.save(Annotation("2018-07-16-helsinki-summit", "Ask about the zebracrossing remark"))
    store.close()
    found = run("--data-dir", tmp_path, "search", "zebracrossing")
    assert found.returncode == 0, found.stderr
    assert "== My notes ==" in found.stdout and "Helsinki summit" in found.stdout
    assert run("--data-dir", tmp_path, "search", "zebracrossing", "--no-notes").returncode == 1


# -- the app without a display, and signals ---------------------------------------


def test_no_display_is_said_before_qt_aborts() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "viewer"], capture_output=True, text=True, env=env, check=False
    )
    refused(result, "no display", "DISPLAY")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_and_sigterm_quit_cleanly_and_remove_the_temp_folder(
    sig: signal.Signals, tmp_path: Path
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    app = subprocess.Popen(
        [sys.executable, "-m", "viewer", "--temp-basedir", "--no-err-windows"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and app.poll() is None:
        logs = list(tmp_path.glob("timeline-viewer-*/logs/*.log"))
        if logs and "annotations attached" in logs[0].read_text(encoding="utf-8"):
            log = logs[0]
            break
        time.sleep(0.1)
    assert log is not None, "the app did not start"
    app.send_signal(sig)
    _out, err = app.communicate(timeout=30)
    assert app.returncode == 0, err
    assert list(tmp_path.glob("timeline-viewer-*")) == []


# -- words, and messages that point the way ---------------------------------------


def test_counts_read_as_english(tmp_path: Path, timeline: Path) -> None:
    imported = run("--data-dir", tmp_path, "import", timeline)
    assert "Imported 1 event into" in imported.stdout
    built = run("build-data", "--source", DATA_DIR, "--out", tmp_path / "c.sqlite")
    assert "22 entities, 4 sources, 2 profiles" in built.stdout
    empty = tmp_path / "empty.json"
    empty.write_text('{"events": []}', encoding="utf-8")
    refused(run("import", empty, "--out", tmp_path / "e.sqlite"), "has no events")


def test_self_test_is_quiet_and_a_broken_catalog_is_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    passed = subprocess.run(
        [sys.executable, "-m", "viewer", "--self-test"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert passed.returncode == 0 and "propagateSizeHints" not in passed.stdout + passed.stderr
    truncated = tmp_path / "trunc.sqlite"
    truncated.write_bytes((ROOT / "resources" / "catalog.sqlite").read_bytes()[:5000])
    broken = run("--db", truncated, "--self-test")
    assert broken.returncode == 1 and "Traceback" not in broken.stdout + broken.stderr
    assert "FAIL open the catalog:" in broken.stdout


def test_a_catalog_json_given_as_db_points_to_build_data(tmp_path: Path) -> None:
    exported = tmp_path / "catalog.json"
    assert run("export", "-o", exported).returncode == 0
    refused(run("--db", exported, "search", "putin"), "build-data --from-json")


def test_help_gives_examples_data_locations_and_exit_codes() -> None:
    text = run("--help").stdout
    assert "examples:" in text and "where things are kept:" in text
    assert "exit codes:" in text and "--no-err-windows" in text


# -- the user's data ---------------------------------------------------------------

QUIT_AFTER_STAR = """
import os, signal, sys
from PySide6.QtCore import QTimer
from viewer.cli import parser
from viewer.ui.app import quit_on_signals, start

args = parser().parse_args(["--data-dir", sys.argv[1], "--no-err-windows"])
running = start(args)
running.session.load_annotations()
running.session.wait_for_annotations()
while running.session.store is None:
    running.app.processEvents()
shown = []
running.window.search.result_shown.connect(shown.append)
running.window.show_search()
running.window.search.box.setText("putin")  # the search reads the notes (read-only)...
running.window.search.run_now()
while not shown:
    running.app.processEvents()
running.window.focus.select_event("2018-07-16-helsinki-summit")
running.window.annotations.editor.star.click()  # ...while a person stars an event
running.window.annotations.editor.edit_button.click()
running.window.annotations.editor.note.setPlainText("typed just before quitting")
quit_on_signals(running.app)
if sys.argv[2] == "quit":
    QTimer.singleShot(0, running.window.close)  # File > Quit closes the window...
    QTimer.singleShot(0, running.app.quit)  # ...and ends the loop
else:
    QTimer.singleShot(0, lambda: os.kill(os.getpid(), signal.SIGTERM))
code = running.app.exec()
running.finish()
sys.exit(code)
"""


@pytest.mark.parametrize("how", ["quit", "sigterm"])
def test_after_quitting_the_annotations_file_alone_holds_every_edit(
    how: str, tmp_path: Path
) -> None:
    user = tmp_path / "user"
    result = subprocess.run(
        [sys.executable, "-c", QUIT_AFTER_STAR, str(user), how],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    alone = tmp_path / "copy" / "annotations.sqlite"
    alone.parent.mkdir()
    shutil.copy(user / "annotations.sqlite", alone)  # as a backup or a sync would
    with sqlite3.connect(alone) as db:
        starred = db.execute("SELECT event_id, note FROM annotation WHERE starred").fetchall()
    db.close()
    # The note typed less than the 0.7 s before it would be saved is saved too.
    assert starred == [("2018-07-16-helsinki-summit", "typed just before quitting")]
