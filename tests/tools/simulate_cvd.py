"""A picture as a person with a colour-vision deficiency sees it (Machado, Oliveira and
Fernandes 2009, severity 1, the matrices the colour-vision test uses).

python tests/tools/simulate_cvd.py IN.png OUT.png [--kind deuteranopia|protanopia|tritanopia]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from tests.ui.test_colour_vision import DEFICIENCIES


def simulate(image: QImage, kind: str) -> QImage:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    raw = np.frombuffer(rgb.constBits(), dtype=np.uint8).reshape(height, stride)
    pixels = raw[:, : width * 3].reshape(height, width, 3) / 255.0
    linear = np.where(pixels <= 0.04045, pixels / 12.92, ((pixels + 0.055) / 1.055) ** 2.4)
    seen = np.clip(linear @ np.array(DEFICIENCIES[kind]).T, 0, 1)
    srgb = np.where(seen <= 0.0031308, seen * 12.92, 1.055 * seen ** (1 / 2.4) - 0.055)
    out = np.ascontiguousarray((srgb * 255 + 0.5).astype(np.uint8))
    return QImage(out.data, width, height, width * 3, QImage.Format.Format_RGB888).copy()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--kind", choices=sorted(DEFICIENCIES), default="deuteranopia")
    args = parser.parse_args()
    simulate(QImage(str(args.source)), args.kind).save(str(args.out))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
