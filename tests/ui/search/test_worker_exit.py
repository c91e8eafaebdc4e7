"""A script that exits without ending the event loop does not abort the search thread."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = textwrap.dedent(
    """
    import os, tempfile
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from viewer.core.catalog.read import Catalog
    from viewer.core.paths import bundled_catalog
    from viewer.ui.error_reporter import ErrorReporter
    from viewer.ui.main_window import MainWindow
    folder = tempfile.mkdtemp()
    settings = QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Catalog(bundled_catalog()), settings, ErrorReporter(windows=False))
    window.show()
    window.search.box.setText("putin")
    window.search.run_now()
    app.processEvents()
    print("done")
    """
)


def test_exiting_without_closing_the_window_stops_the_search_thread() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "done" in done.stdout
    assert "Destroyed while thread" not in done.stderr
