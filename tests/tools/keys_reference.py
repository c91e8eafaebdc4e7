"""Write docs/keyboard.md: every key the app answers to, read from the menu actions of
a real window with the reader's notes attached, and the panes' own keys.

python tests/tools/keys_reference.py docs/keyboard.md     (a test checks it is current)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenuBar

from viewer.ui.shortcuts import all_keys

HEAD = (
    "# Keyboard shortcuts\n\n"
    "Every key the app answers to, as Help > Keyboard shortcuts (F1) shows them. Written\n"
    "by `python tests/tools/keys_reference.py docs/keyboard.md` from the menu actions\n"
    "themselves and the panes' own keys (`viewer/ui/shortcuts.py`); a test keeps it\n"
    "current. On macOS, Ctrl is ⌘."
)


def reference(bar: QMenuBar) -> str:
    lines = [HEAD]
    last = ""
    for where, keys, what in all_keys(bar, QKeySequence.SequenceFormat.PortableText):
        if where != last:
            lines += [f"\n## {where}\n", "| Keys | Does |", "| --- | --- |"]
            last = where
        shown = keys.replace("|", "\\|")
        lines.append(f"| `{shown}` | {what} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from viewer.core.annotations.store import AnnotationStore
    from viewer.core.catalog.read import Catalog
    from viewer.core.paths import bundled_catalog
    from viewer.ui.error_reporter import ErrorReporter
    from viewer.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = AnnotationStore(folder / "annotations.sqlite", folder / "backups")
        settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(
            Catalog(bundled_catalog()), settings, ErrorReporter(windows=False), store=store
        )
        window.show()
        app.processEvents()
        Path(sys.argv[1]).write_text(reference(window.menuBar()), encoding="utf-8")
        window.close()
        store.close()
    print(f"wrote {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
