"""File > Export picture: choose the size, range, words and look, see it, save or print.

Everything chosen here is a `PictureSpec`; the preview is the picture itself, drawn
by the same code as the file, shrunk to fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.timeline.image_export import ImageExporter
from viewer.ui.timeline.picture_spec import CUSTOM_LIMITS, PRESETS, PictureSpec, custom

PREVIEW = (480, 300)  # px the preview may take
PREVIEW_DELAY_MS = 150  # after the last change, the preview is drawn again
CUSTOM = "Custom…"


class PictureDialog(QDialog):
    save_requested = Signal(object)  # PictureSpec
    print_requested = Signal(object)  # PictureSpec

    def __init__(
        self,
        parent: QWidget,
        exporter: Callable[[], ImageExporter],
        *,
        whole: bool = False,
        size_label: str = "",
        dark: bool = False,
        has_selection: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export picture")
        self._exporter = exporter
        self.range = QComboBox()
        self.range.addItems(["The range the window shows", "The whole profile"])
        self.range.setCurrentIndex(1 if whole else 0)
        self.size_box = QComboBox()
        for preset in PRESETS:
            self.size_box.addItem(preset.label, preset)
        self.size_box.addItem(CUSTOM, None)
        found = self.size_box.findText(size_label)
        self.size_box.setCurrentIndex(max(0, found))
        self.custom_width, self.custom_height = QSpinBox(), QSpinBox()
        low, high = CUSTOM_LIMITS
        for box, value in ((self.custom_width, 1600), (self.custom_height, 900)):
            box.setRange(low, high)
            box.setValue(value)
            box.setSuffix(" px")
            box.setAccelerated(True)
        self.custom_width.setAccessibleName("Custom width")
        self.custom_height.setAccessibleName("Custom height")
        self.custom_scale = QComboBox()
        self.custom_scale.addItems(["1×", "2×", "3×"])
        self.custom_scale.setAccessibleName("Pixels per point")
        custom_row = QWidget()
        row = QHBoxLayout(custom_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.custom_width)
        row.addWidget(QLabel("×"))
        row.addWidget(self.custom_height)
        row.addWidget(self.custom_scale)
        self.custom_row = custom_row
        exporter_now = exporter()
        self.title = QLineEdit(exporter_now.caption.title)
        self.title.setAccessibleName("Title")
        self.subtitle = QLineEdit()
        self.subtitle.setPlaceholderText("the dates it shows")
        self.subtitle.setAccessibleName("Subtitle")
        self.subtitle.setToolTip("Left empty, the subtitle names the dates the picture shows")
        self.look = QComboBox()
        self.look.addItems(["Light", "Dark"])
        self.look.setCurrentIndex(1 if dark else 0)
        self.selection = QCheckBox("Show my &selection")
        self.selection.setEnabled(has_selection)
        self.marks = QCheckBox("Show my s&tars, notes and colours")
        self.marks.setToolTip("Your own marks are private: they are left out unless you ask")

        form = QFormLayout()
        form.addRow("&Show:", self.range)
        form.addRow("Si&ze:", self.size_box)
        self.custom_label = QLabel("Width × height:")
        form.addRow(self.custom_label, custom_row)
        form.addRow("&Title:", self.title)
        form.addRow("S&ubtitle:", self.subtitle)
        form.addRow("&Background:", self.look)
        form.addRow(self.selection)
        form.addRow(self.marks)

        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(*PREVIEW)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setAccessibleName("Preview")
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.pixels = QLabel()
        self.pixels.setAlignment(Qt.AlignmentFlag.AlignCenter)
        side = QVBoxLayout()
        side.addWidget(self.preview, 1)
        side.addWidget(self.pixels)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton("&Save…")
        self.save_button.setDefault(True)
        self.print_button = QPushButton("&Print…")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(lambda: self._finish(print_it=False))
        self.print_button.clicked.connect(lambda: self._finish(print_it=True))

        body = QHBoxLayout()
        body.addLayout(form, 0)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.draw_preview)
        for signal in (
            self.range.currentIndexChanged,
            self.size_box.currentIndexChanged,
            self.custom_width.valueChanged,
            self.custom_height.valueChanged,
            self.custom_scale.currentIndexChanged,
            self.title.textChanged,
            self.subtitle.textChanged,
            self.look.currentIndexChanged,
            self.selection.toggled,
            self.marks.toggled,
        ):
            signal.connect(self._changed)
        self._show_custom()
        self.draw_preview()

    def spec(self) -> PictureSpec:
        preset = self.size_box.currentData()
        if preset is None:
            scale = self.custom_scale.currentIndex() + 1
            preset = custom(self.custom_width.value(), self.custom_height.value(), scale)
        subtitle = self.subtitle.text().strip()
        return PictureSpec(
            size=preset,
            whole=self.range.currentIndex() == 1,
            title=self.title.text().strip(),
            subtitle=subtitle or None,
            dark=self.look.currentIndex() == 1,
            selection=self.selection.isChecked(),
            marks=self.marks.isChecked(),
        )

    def _changed(self) -> None:
        self._show_custom()
        self._timer.start()

    def _show_custom(self) -> None:
        on = self.size_box.currentData() is None
        self.custom_row.setVisible(on)
        self.custom_label.setVisible(on)

    def draw_preview(self) -> None:
        """Draw the picture as it will be written (at 1×) and shrink it to fit."""
        spec = self.spec()
        image = self._exporter().image(replace(spec, size=replace(spec.size, scale=1)))
        scale = spec.size.scale
        self.pixels.setText(
            f"{image.width() * scale} × {image.height() * scale} px"
            + (f" · {spec.size.page} page in PDF" if spec.size.page else "")
        )
        pixmap = QPixmap.fromImage(image)
        room = self.preview.contentsRect().size()
        self.preview.setPixmap(
            pixmap.scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def _finish(self, *, print_it: bool) -> None:
        spec = self.spec()
        self.accept()
        (self.print_requested if print_it else self.save_requested).emit(spec)
