"""Render resources/icon.svg to the PNG sizes desktops want, and a Windows .ico.

    python packaging/render_icons.py OUT_FOLDER

Writes OUT_FOLDER/hicolor/SIZExSIZE/apps/timeline-viewer.png for each size, the SVG as
hicolor/scalable, and timeline-viewer.ico. Generated at build time, never committed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
NAME = "timeline-viewer"


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main(out: Path) -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ROOT / "resources" / "icon.svg"
    for size in SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(folder / f"{NAME}.png")):
            print(f"could not write the {size}px icon", file=sys.stderr)
            return 1
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy(svg, scalable / f"{NAME}.svg")
    render(svg, 256).save(str(out / f"{NAME}.ico"))  # Qt's ico plugin; Windows only
    print(f"icons in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
