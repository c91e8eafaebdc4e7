"""Entry point of the packaged app (PyInstaller): the same command line as from source.

The app starts no process of its own (its work runs in threads), so the bundle leaves
`multiprocessing` out and there is no `freeze_support()` to call (bundle_rules.py).

PyInstaller's run-time hook for PySide6 has imported PySide6.QtCore before this line,
and with it PySide6's look at the source of every module imported after it, which in
a bundle (no sources) fails slowly, module by module; the app's cheap answer is put in
its place before anything else is imported (viewer/ui/pyside_feature.py)."""

import sys

from viewer.ui.pyside_feature import check_sources_directly

check_sources_directly()

from viewer.cli import main  # noqa: E402 - after the check above

if __name__ == "__main__":
    sys.exit(main())
