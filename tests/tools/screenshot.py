"""Render the main window on the bundled data to a PNG (for the README and for review).

python tests/tools/screenshot.py docs/screenshot.png [--size 1400x860] [--event ID] [--db FILE]
    [--search WORDS] [--dark] [--text-scale 1.6] [--dialog about|shortcuts|export]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QDialog

from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.core.catalog.read import Catalog
from viewer.core.paths import bundled_catalog
from viewer.ui import style
from viewer.ui.error_reporter import ErrorReporter
from viewer.ui.main_window import MainWindow


def _wait_for(app: QApplication, window: MainWindow) -> None:
    import time

    shown: list[object] = []
    window.search.result_shown.connect(shown.append)
    deadline = time.monotonic() + 10
    while not shown and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def _dialog(app: QApplication, window: MainWindow, name: str) -> QPixmap:
    """Open a dialog of the window's (Help > About, Help > Keyboard shortcuts, File >
    Export picture) and grab it."""
    before = set(window.findChildren(QDialog))
    if name == "about":
        window.menus.about_action.trigger()
    elif name == "shortcuts":
        window.menus.shortcuts_action.trigger()
    else:
        window.menus.image_actions.ask(whole=True)
    app.processEvents()
    [dialog] = [d for d in window.findChildren(QDialog) if d not in before and d.isVisible()]
    if name == "export":
        dialog.draw_preview()  # type: ignore[attr-defined]
        app.processEvents()
    return dialog.grab()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1400x860")
    parser.add_argument("--event", default="2018-07-16-helsinki-summit")
    parser.add_argument("--profile")
    parser.add_argument("--db", type=Path, help="a catalog other than the bundled one")
    parser.add_argument("--search", help="type this into the search box first")
    parser.add_argument("--dark", action="store_true", help="Fusion with a dark palette")
    parser.add_argument(
        "--text-scale", type=float, default=1.0, help="the desktop's text this many times larger"
    )
    parser.add_argument("--range", help="show these days: 2018-07-01:2018-07-08")
    parser.add_argument(
        "--dialog", choices=("about", "shortcuts", "export"), help="grab this dialog instead"
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.text_scale != 1.0:  # as GNOME's Large Text (1.25) or a larger font setting
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.text_scale)
        app.setFont(font)
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(style.dark_palette())
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        store = AnnotationStore(Path(tmp) / "annotations.sqlite", Path(tmp) / "backups")
        if args.event:
            store.save(
                Annotation(
                    args.event,
                    "Compare with the **press conference** transcript.\n\n"
                    "- who asked\n- what was denied",
                    ("essay", "to check"),
                    True,
                    "#D4F36B",
                )
            )
        window = MainWindow(
            Catalog(args.db or bundled_catalog()),
            settings,
            ErrorReporter(windows=False),
            store=store,
        )
        width, height = (int(v) for v in args.size.split("x"))
        window.resize(width, height)
        if args.profile:
            window.state.set_profile(args.profile)
        window.show()
        app.processEvents()
        if args.search:
            window.show_search()
            window.search.box.setText(args.search)
            window.search.run_now()
            _wait_for(app, window)
            window.search.results.setCurrentIndex(window.search.model.index(0))
        if args.event and not args.search:
            window.focus.select_event(args.event)
        if args.range:
            first, last = (dt.date.fromisoformat(d).toordinal() for d in args.range.split(":"))
            window.timeline.show_range(first, last)
        app.processEvents()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shown = window.grab() if args.dialog is None else _dialog(app, window, args.dialog)
        shown.save(str(args.out))
        window.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
