"""The Linux bundle's run-time hook for Qt, in place of PyInstaller's for PySide6 (spec).

PyInstaller's hook imports PySide6.QtCore before the app's first line, whatever the
command, to register a qt.conf; PySide6's wheels register their own when QtCore loads,
so all that import did was make the terminal commands (search, export, list, import)
load Qt, 40-50 ms they never use. This sets the same plugin path and leaves loading Qt to
the app, which does it after its Qt-free core, as from source (viewer/cli.py)."""

import os
import sys
from pathlib import Path

_qt = Path(sys._MEIPASS) / "PySide6"  # the bundle's folder, as PyInstaller's hook has it
if not sys.platform.startswith("win"):
    _qt = _qt / "Qt"
os.environ["QT_PLUGIN_PATH"] = str(_qt / "plugins")
