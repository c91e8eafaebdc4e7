"""The timeline as PNG (1x, 2x), SVG and PDF, with title, legend and source line."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settle
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.picture_spec import A4, ARTICLE, FULL_HD, UHD, PictureSpec, custom

WHOLE = PictureSpec(whole=True)


def test_png_at_screen_and_double_resolution(window: MainWindow, tmp_path: Path) -> None:
    actions = window.menus.image_actions
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    assert actions.export(one) and actions.export(two, PictureSpec(size=custom(1600, None, 2)))
    small, big = QImage(str(one)), QImage(str(two))
    assert small.width() == ARTICLE.width
    assert (big.width(), big.height()) == (small.width() * 2, small.height() * 2)


@pytest.mark.parametrize(
    ("size", "pixels"), [(FULL_HD, (1920, 1080)), (UHD, (3840, 2160)), (A4, (2094, 1436))]
)
def test_each_size_is_exactly_its_pixels_whatever_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, size: object, pixels: tuple[int, int]
) -> None:
    actions = window.menus.image_actions
    for n, (width, height) in enumerate([(1600, 1000), (1024, 700)]):
        window.resize(width, height)
        settle()
        path = tmp_path / f"{n}.png"
        assert actions.export(path, PictureSpec(size=size, whole=True))  # type: ignore[arg-type]
        image = QImage(str(path))
        assert (image.width(), image.height()) == pixels


def test_the_subtitle_names_the_dates_shown_and_the_title_can_be_changed(
    window: MainWindow, tmp_path: Path
) -> None:
    window.timeline.show_range(dt.date(2018, 7, 1).toordinal(), dt.date(2018, 7, 31).toordinal())
    path = tmp_path / "july.svg"
    spec = PictureSpec(title="Helsinki, July 2018")
    assert window.menus.image_actions.export(path, spec)
    text = " ".join(ET.parse(path).getroot().itertext())
    assert "Helsinki, July 2018" in text
    title = ET.parse(path).getroot().find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text == "Helsinki, July 2018"
    assert re.search(r"\d+ (Jun|Jul) 2018 – \d+ (Jul|Aug) 2018", text), text[:300]
    assert window.menus.image_actions.export(path, PictureSpec(subtitle="For the seminar"))
    assert "For the seminar" in " ".join(ET.parse(path).getroot().itertext())


def _count(image: QImage, colour: QColor, step: int = 1) -> int:
    return sum(
        1
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
        if image.pixelColor(x, y) == colour
    )


def test_selection_and_private_marks_only_when_asked(
    annotated_window: MainWindow, tmp_path: Path
) -> None:
    window = annotated_window
    event = "2018-07-16-helsinki-summit"
    window.focus.select_event(event)
    window.annotations.editor.star.setChecked(True)
    window.timeline.centre_on(dt.date(2018, 7, 16).toordinal())
    actions = window.menus.image_actions
    ring, star = QColor("#2A6FB8"), QColor("#A2001D")  # the light picture's colours
    counts = {}
    for name, spec in (
        ("plain", PictureSpec()),
        ("both", PictureSpec(selection=True, marks=True)),
    ):
        path = tmp_path / f"{name}.png"
        assert actions.export(path, spec)
        image = QImage(str(path))
        counts[name] = (_count(image, ring), _count(image, star))
    assert counts["plain"] == (0, 0)
    assert counts["both"][0] > 20 and counts["both"][1] >= 5, counts


def test_dark_when_asked(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "dark.png"
    assert window.menus.image_actions.export(path, PictureSpec(dark=True))
    image = QImage(str(path))
    assert image.pixelColor(image.width() - 5, image.height() - 5).lightness() < 60


def test_the_dialog_previews_what_it_will_write(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = window.menus.image_actions.ask(whole=True)
    qtbot.addWidget(dialog)
    assert dialog.spec().whole and dialog.spec().size == ARTICLE  # remembered: none yet
    assert not dialog.preview.pixmap().isNull()
    assert not dialog.custom_row.isVisibleTo(dialog)
    dialog.size_box.setCurrentIndex(dialog.size_box.findData(FULL_HD))
    dialog.draw_preview()
    assert dialog.pixels.text().startswith("1920 × 1080 px")
    preview = dialog.preview.pixmap()
    assert abs(preview.width() / preview.height() - 1920 / 1080) < 0.02
    dialog.size_box.setCurrentIndex(dialog.size_box.count() - 1)  # Custom…
    assert dialog.custom_row.isVisibleTo(dialog)
    dialog.custom_width.setValue(1000)
    dialog.custom_height.setValue(500)
    dialog.custom_scale.setCurrentIndex(1)
    dialog.draw_preview()
    assert dialog.pixels.text().startswith("2000 × 1000 px")
    chosen: list[PictureSpec] = []
    dialog.save_requested.disconnect()  # the file dialog it opens is another test's
    dialog.save_requested.connect(chosen.append)
    dialog.marks.setChecked(True)
    dialog.save_button.click()
    assert chosen and chosen[0].marks and chosen[0].size.width == 1000
    assert window.settings.picture_choice()[0].startswith("Custom")


def test_printing_lays_the_picture_out_for_the_page(window: MainWindow, tmp_path: Path) -> None:
    """Print takes the path PDF takes: a QPrinter writing a PDF file gets one landscape
    page with the picture laid out for it."""
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter
    from PySide6.QtPrintSupport import QPrinter

    path = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    painter = QPainter(printer)
    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        window.menus.image_actions._exporter().print_to(
            painter, page, PictureSpec(whole=True), printer.resolution()
        )
    finally:
        painter.end()
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", path.read_bytes())
    assert box is not None and (round(float(box.group(1))), round(float(box.group(2)))) == (
        842,
        595,
    )


@pytest.mark.parametrize("whole", [False, True])
def test_the_picture_is_the_same_whatever_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, whole: bool
) -> None:
    """It was 862x792 in a 1600-wide window and 310x492 at 1024, its title cut."""
    actions = window.menus.image_actions
    sizes = []
    for n, (width, height) in enumerate([(1600, 1000), (1024, 700), (800, 600)]):
        window.resize(width, height)
        settle()
        path = tmp_path / f"{n}.png"
        assert actions.export(path, PictureSpec(whole=whole))
        sizes.append(QImage(str(path)).size())
    assert sizes[0] == sizes[1] == sizes[2]
    assert sizes[0].width() == ARTICLE.width and sizes[0].height() > 400


def test_a_dark_desktop_gives_a_light_picture_without_private_marks(
    window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtGui import QPalette

    dark = QPalette(window.palette())
    for role, colour in (
        (QPalette.ColorRole.Base, "#1E1E1E"),
        (QPalette.ColorRole.Text, "#E6E6E6"),
    ):
        dark.setColor(role, QColor(colour))
    window.setPalette(dark)
    window.focus.select_event("2018-07-16-helsinki-summit")  # a selection ring on screen
    path = tmp_path / "light.png"
    assert window.menus.image_actions.export(path, WHOLE)
    image = QImage(str(path))
    corner = image.pixelColor(image.width() - 5, image.height() - 5)
    assert corner.lightness() > 240  # a white picture
    highlight = QColor("#2A6FB8")  # the picture's selection colour, were one drawn
    ring = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y) == highlight
    )
    assert ring == 0


def test_the_footer_names_the_sources_and_the_pdf_is_a_landscape_page(
    window: MainWindow, tmp_path: Path
) -> None:
    svg = tmp_path / "timeline.svg"
    assert window.menus.image_actions.export(svg)
    text = " ".join(ET.parse(svg).getroot().itertext())
    assert "Sources: " in text and "Fox News" in text
    pdf = tmp_path / "timeline.pdf"
    assert window.menus.image_actions.export(pdf, PictureSpec(size=A4))
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert box is not None
    width, height = float(box.group(1)), float(box.group(2))
    assert width > height  # landscape
    assert (round(width), round(height)) in ((842, 595), (792, 612))  # A4 or Letter


def test_the_whole_profile_is_drawn_and_the_view_given_back(
    window: MainWindow, tmp_path: Path
) -> None:
    window.timeline.zoom(8.0)
    before = window.timeline.view
    assert window.menus.image_actions.export(tmp_path / "all.png", WHOLE)
    assert window.timeline.view == before


def test_svg_is_a_drawing_with_the_title_and_the_labels(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "timeline.svg"
    assert window.menus.image_actions.export(path, WHOLE)
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    text = " ".join(t for t in root.itertext())
    assert "Donald Trump on Vladimir Putin" in text
    assert "Helsinki summit" in text and "Warm" in text and "exported" in text
    assert "2018" in text  # axis labels are text too, not pictures of text


def test_the_picture_has_its_legend_whatever_the_window_shows(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from viewer.core.records import Tone
    from viewer.ui import style
    from viewer.ui.timeline.image_export import SOURCE_H

    window.resize(700, 700)
    window.legend.resize(0, 0)  # the window's legend may have no size (a folded bar)
    path = tmp_path / "timeline.png"
    assert window.menus.image_actions.export(path)
    image = QImage(str(path))
    warm = QColor(style.TONE_COLOURS[Tone.WARM])
    strip = range(image.height() - SOURCE_H - 30, image.height() - SOURCE_H)
    found = sum(
        1
        for y in strip
        for x in range(0, 60)
        if abs(image.pixelColor(x, y).red() - warm.red()) < 20
        and abs(image.pixelColor(x, y).green() - warm.green()) < 20
        and abs(image.pixelColor(x, y).blue() - warm.blue()) < 20
    )
    assert found > 10  # the legend's warm marker is drawn under the timeline


def test_pdf_is_one_page_that_renders(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "timeline.pdf"
    assert window.menus.image_actions.export(path, WHOLE)
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(path), str(tmp_path / "page")], check=True)
    [page] = list(tmp_path.glob("page*.png"))
    assert QImage(str(page)).width() > 100


def test_an_unknown_file_type_or_folder_is_reported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert not window.menus.image_actions.export(tmp_path / "timeline.gif")
    assert not window.menus.image_actions.export(tmp_path / "no" / "such" / "folder.png")
    assert [t for t, _ in window.reporter.reported] == ["Export failed", "Export failed"]


def test_soft_bar_ends_are_opaque_fades_where_transparency_is_dropped(
    window: MainWindow, tmp_path: Path
) -> None:
    """PDF and print drop a gradient's transparency: there the fade is made of opaque
    colours (the bars were solid and darker in the PDF), on screen it stays translucent."""
    from PySide6.QtGui import QPainter, QPdfWriter

    from viewer.ui.timeline.painter import TimelinePainter

    painter = TimelinePainter(window.palette(), window.font())
    writer = QPdfWriter(str(tmp_path / "x.pdf"))
    p = QPainter(writer)
    painter.stamps.begin(p)
    stops = painter._soft_brush(0, False).gradient().stops()
    p.end()
    assert all(colour.alpha() == 255 for _, colour in stops)
    assert stops[0][1] == painter.base  # fading into the background
    image = QImage(10, 10, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(image)
    painter.stamps.begin(p)
    stops = painter._soft_brush(0, False).gradient().stops()
    p.end()
    assert stops[0][1].alpha() == 0  # on screen: translucent


def test_the_svg_opens_at_its_size_in_real_viewers_with_a_font_they_have(
    window: MainWindow, tmp_path: Path
) -> None:
    """rsvg-convert and Chromium open the SVG at the size it was drawn (96 dpi, as on
    screen) and find one of the fonts it names; its markers are shapes, not bitmaps."""
    rsvg, chromium = shutil.which("rsvg-convert"), shutil.which("chromium")
    if rsvg is None or chromium is None:
        pytest.skip("needs rsvg-convert and chromium: run tests/consumers/setup.sh")
    path = tmp_path / "timeline.svg"
    assert window.menus.image_actions.export(path)
    svg = path.read_text(encoding="utf-8")
    box = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    assert box is not None  # the size it was drawn at, in screen pixels
    expected = QSize(int(box.group(1)), int(box.group(2)))
    assert "<image" not in svg  # no bitmap markers or badges
    png = tmp_path / "rsvg.png"
    subprocess.run([rsvg, str(path), "-o", str(png)], check=True, timeout=60)
    drawn = QImage(str(png))  # the size is written in mm: within a pixel of the drawing
    assert abs(drawn.width() - expected.width()) <= 1
    assert abs(drawn.height() - expected.height()) <= 1
    families = re.search(r'font-family="([^"]*)"', svg)
    assert families is not None
    page = tmp_path / "page.html"
    page.write_text(
        f"<img id=i src='{path.as_uri()}'><pre id=r>pending</pre><script>"
        "onload=function(){var i=document.getElementById('i');"
        f"var fams={json.dumps([f.strip().strip(chr(39)) for f in families.group(1).split(',')])};"
        "var have=fams.filter(function(f){return document.fonts.check('12px \"'+f+'\"')"
        "|| f=='sans-serif'});"
        "document.getElementById('r').textContent=JSON.stringify([i.naturalWidth,"
        "i.naturalHeight,have]);}</script>",
        encoding="utf-8",
    )
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--allow-file-access-from-files",
         "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    ).stdout  # fmt: skip
    found = re.search(r"<pre id=\"r\">([^<]*)</pre>", dom)
    assert found is not None, dom[-500:]
    width, height, have = json.loads(found.group(1))
    assert abs(width - expected.width()) <= 1 and abs(height - expected.height()) <= 1
    assert have[0] != "sans-serif"  # the first family it knows is a named one, not a guess


def _small(image: QImage) -> np.ndarray:
    from PySide6.QtCore import Qt

    shrunk = image.scaled(
        image.width() // 8,
        image.height() // 8,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    ).convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(shrunk.constBits(), np.uint8).reshape(
        shrunk.height(), shrunk.bytesPerLine()
    )
    return raw[:, : shrunk.width() * 3].astype(float)


def test_the_png_and_the_pdf_page_look_the_same(window: MainWindow, tmp_path: Path) -> None:
    """One drawing for every format: the A4 PNG and the A4 PDF's page (drawn by poppler,
    its margins cut) differ by a few levels in 255 where a different picture differs
    by many more."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    actions = window.menus.image_actions
    spec = PictureSpec(size=A4, whole=True)
    assert actions.export(tmp_path / "a4.png", spec) and actions.export(tmp_path / "a4.pdf", spec)
    assert actions.export(tmp_path / "dark.png", PictureSpec(size=A4, whole=True, dark=True))
    dpi = 96 * A4.scale
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(tmp_path / "a4.pdf"),
         str(tmp_path / "page")],
        check=True, timeout=60,
    )  # fmt: skip
    png, page = QImage(str(tmp_path / "a4.png")), QImage(str(tmp_path / "page.png"))
    margin = round(10 / 25.4 * dpi)
    printed = page.copy(margin, margin, png.width(), png.height())
    same = float(np.abs(_small(png) - _small(printed)).mean())
    other = float(np.abs(_small(png) - _small(QImage(str(tmp_path / "dark.png")))).mean())
    assert same < 8 < other, (same, other)


def test_with_a_larger_text_the_title_and_subtitle_are_whole(
    window: MainWindow, tmp_path: Path
) -> None:
    """The title's and subtitle's lines were 40 and 22 px whatever the text: at twice
    the text the title (1.5 times it, bold) filled its line to the picture's top and
    the subtitle ran into it. Their lines now grow with the text: above the timeline,
    the title's words, a blank gap, the subtitle's."""
    from PySide6.QtGui import QFont

    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    window.setFont(font)
    path = tmp_path / "large.png"
    assert window.menus.image_actions.export(path, PictureSpec(size=FULL_HD, whole=True))
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    background = image.pixel(image.width() - 1, 0)
    body = next(y for y in range(image.height()) if image.pixel(2, y) != background)
    inked = [y for y in range(body) if any(image.pixel(x, y) != background for x in range(1000))]
    runs = 1 + sum(1 for a, b in itertools.pairwise(inked) if b > a + 1)
    assert inked and inked[0] > 2 and runs == 2, (inked[:3], runs)
