"""Entry point of the packaged app (PyInstaller): the same command line as from source.

The app starts no process of its own (its work runs in threads), so the bundle leaves
`multiprocessing` out and there is no `freeze_support()` to call (bundle_rules.py).
The bundle loads Qt only when the app asks for it (rthook_qt_paths.py); should anything
have loaded PySide6 before this line, PySide6 would look at the source of every module
imported next, which in a bundle (no sources) fails slowly, module by module: the app's
cheap answer is then put in its place first (viewer/ui/pyside_feature.py)."""

import sys

if "PySide6.QtCore" in sys.modules:
    from viewer.ui.pyside_feature import check_sources_directly

    check_sources_directly()

from viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
