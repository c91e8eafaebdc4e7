"""Guard for the PySide6 6.12.0 bug behind our `<6.12` pin.

6.12.0 on Python 3.11 drops a reference to None on every call of a wrapped method
that returns nothing; a few thousand calls later the process dies with
"Fatal Python error: none_dealloc". When this passes on a newer release, the pin
in pyproject.toml can be lifted.
"""

import sys

from PySide6.QtCore import QObject, QRect


def test_void_calls_keep_none_alive() -> None:
    rect = QRect(0, 0, 10, 10)
    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(5000):
        rect.setX(i % 7)
        obj.setObjectName("x")
    after = sys.getrefcount(None)
    assert abs(after - before) < 50, f"None refcount moved by {after - before}"
