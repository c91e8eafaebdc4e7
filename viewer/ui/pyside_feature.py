"""PySide6's look at every module imported after it, made cheap.

For its `__feature__` switches (`from __feature__ import snake_case`, which the app
never uses), PySide6 notes of each module imported after it whether the module's
source names "PySide6". It asks `inspect.getsource`, which fills the line cache
through the tokenizer: ~0.15 ms a module, ~10 ms for the ~100 modules (the app's and
the standard library's) first imported after PySide6 on the way to the first paint.
Here the same question is answered by searching the module's source file as bytes;
in a bundle, which keeps no sources, the answer is no, as PySide6's own check finds
(after a longer search); any other module gets PySide6's own answer. Nothing changes
if PySide6 works otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - loads shibokensupport.feature


def check_sources_directly() -> bool:
    """Install the direct check; False where this PySide6 has no such step."""
    feature = sys.modules.get("shibokensupport.feature")
    pyside_check: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if pyside_check is None or getattr(pyside_check, "direct", False):
        return pyside_check is not None

    bundled = getattr(sys, "frozen", False)  # PyInstaller: modules are .pyc, no sources

    def uses_pyside(module: ModuleType) -> bool:
        path = str(getattr(module, "__file__", None))
        sourceless = path.endswith(".pyc")
        if sourceless:
            path = path[:-1]  # the source beside it, if there is one
        if path.endswith(".py"):
            try:
                with open(path, "rb") as source:  # noqa: PTH123 - ~100 calls, no Path
                    return b"PySide6" in source.read()
            except OSError:
                if sourceless and bundled:
                    return False  # what PySide6's check finds: no source
        return pyside_check(module)

    uses_pyside.direct = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True
