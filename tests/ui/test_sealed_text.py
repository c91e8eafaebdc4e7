"""Rendering loads nothing a text names: no file, device, FIFO or address is opened."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QUndoStack
from pytestqt.qtbot import QtBot

from tests.conftest import ROOT
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.ui.annotations.editor import AnnotationEditor
from viewer.ui.detail_pane import DetailPane
from viewer.ui.sealed_text import SealedTextDocument


def _hostile_html(target: str) -> str:
    return (
        f"<p>x</p><img src='{target}'><img src='file://{target}'>"
        f"<table background='{target}'><tr><td background='{target}'>y</td></tr></table>"
        f"<p style=\"background-image: url('{target}')\">z</p>"
        f"<style>@import url('{target}');</style>"
    )


def test_no_widget_draws_a_picture_a_text_names(qtbot: QtBot, tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(big))
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(600, 600)
    pane.setHtml(_hostile_html(str(big)))
    document = SealedTextDocument()
    document.setHtml(_hostile_html(str(big)))
    document.setTextWidth(500)
    store = AnnotationStore(tmp_path / "a.sqlite", tmp_path / "b")
    store.save(Annotation("e1", f"A note.\n\n{_hostile_html(str(big))}"))
    editor = AnnotationEditor(store, QUndoStack())
    qtbot.addWidget(editor)
    editor.show_event("e1")
    for doc in (pane.document(), document, editor.preview.document()):
        doc.setTextWidth(500)
        assert doc.size().height() < 200  # a 400-px picture would make it taller
    assert "A note." in editor.preview.toPlainText()
    store.close()


RENDER = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from viewer.core.annotations.records import Annotation
from viewer.core.annotations.store import AnnotationStore
from viewer.ui.annotations.editor import AnnotationEditor
from viewer.ui.detail_pane import DetailPane
from viewer.ui.sealed_text import SealedTextDocument

app = QApplication([])
html = sys.argv[2]
folder = Path(sys.argv[1])
pane = DetailPane()
pane.setHtml(html)
pane.show()
document = SealedTextDocument()
document.setHtml(html)
document.setTextWidth(400)
store = AnnotationStore(folder / "a.sqlite", folder / "b")
store.save(Annotation("e1", "note\\n\\n" + html))
editor = AnnotationEditor(store, QUndoStack())
editor.show_event("e1")
editor.show()
app.processEvents()
store.close()
print("rendered")
"""


def test_a_fifo_or_a_device_named_by_a_note_neither_hangs_nor_aborts(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opening it for reading would block for ever
    for target in (str(fifo), "/dev/zero", "/etc/passwd"):
        result = subprocess.run(
            [sys.executable, "-c", RENDER, str(tmp_path), _hostile_html(target)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0 and "rendered" in result.stdout, (target, result.stderr)
