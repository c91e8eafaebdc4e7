"""Two app instances on one data folder: one writes, the other shows the notes read-only,
says why, sees the writer's changes when it comes back to the front, and takes over once
the writer quits. Nothing is overwritten with a stale copy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import ROOT
from viewer.core.annotations.records import Annotation
from viewer.core.paths import UserPaths
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.session import AppSession

HELSINKI = "2018-07-16-helsinki-summit"

# The first instance: holds the data folder's lock as the app does, writes a note when
# told, and quits when told.
FIRST = """
import sys
from pathlib import Path
from PySide6.QtCore import QLockFile
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
base = Path(sys.argv[1])
lock = QLockFile(str(base / "annotations.lock"))
assert lock.tryLock(0)
store = AnnotationStore(base / "annotations.sqlite", base / "backups")
print("holding", flush=True)
for line in sys.stdin:
    if line.strip() == "write":
        store.save(Annotation(sys.argv[2], "written by the first window", ("from-A",)))
        print("written", flush=True)
    else:
        break
store.close()
lock.unlock()
"""


def _attached(qtbot: QtBot, session: AppSession) -> None:
    window = session.window
    assert window is not None
    session.load_annotations()  # off the UI thread; attached when they arrive
    qtbot.waitUntil(lambda: window.annotations is not None, timeout=20_000)


def test_a_second_window_reads_only_sees_changes_and_takes_over(
    qtbot: QtBot, built_catalog: Path, tmp_path: Path
) -> None:
    paths = UserPaths(tmp_path / "user").ensure()
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST, str(paths.base), HELSINKI],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert first.stdin is not None and first.stdout is not None
    assert first.stdout.readline().strip() == "holding"
    session = AppSession(paths, ErrorReporter(windows=False))
    window = session.open_catalog(built_catalog)
    assert window is not None
    _attached(qtbot, session)
    store = session.store
    assert store is not None and store.read_only
    assert "another Timeline Viewer window (process" in (store.read_only_reason or "")
    assert window.annotations is not None
    editor = window.annotations.editor
    assert "Read-only" in editor.unsaved_label.text() and not editor.star.isEnabled()

    first.stdin.write("write\n")
    first.stdin.flush()
    assert first.stdout.readline().strip() == "written"
    session._on_app_state(Qt.ApplicationState.ApplicationActive)  # back to this window
    assert session.store is not None and session.store.read_only
    assert session.store.get(HELSINKI).note == "written by the first window"
    window = session.window
    assert window is not None and window.annotations is not None
    assert window.annotations.index.mark(HELSINKI) is not None  # shown in the new window

    first.stdin.write("quit\n")
    first.stdin.flush()
    first.wait(timeout=30)
    first.stdin.close()
    first.stdout.close()
    session._on_app_state(Qt.ApplicationState.ApplicationActive)
    store = session.store
    assert store is not None and not store.read_only  # the writer quit: this one writes
    window = session.window
    assert window is not None and window.annotations is not None
    window.annotations.editor.show_event(HELSINKI)
    window.annotations.editor.star.click()
    saved = store.get(HELSINKI)  # the first window's note and tag are kept, not overwritten
    assert saved.starred and saved.note == "written by the first window"
    assert saved.tags == ("from-A",)
    window.close()
    session.close()
    assert Annotation(HELSINKI) != saved
