"""Text the reader needs meets WCAG 2.1 AA (4.5:1) in light and dark palettes: the
secondary lines, the paraphrase warnings and the badges, as Qt actually draws them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from viewer.core.catalog.read import Catalog
from viewer.ui import style
from viewer.ui.detail_pane import DetailPane

PALETTES = {"light": ("#000000", "#FFFFFF"), "dark": ("#E6E6E6", "#1E1E1E")}


def test_the_contrast_formula_gives_wcag_s_figures() -> None:
    assert style.contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert style.contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert style.contrast("#B8860B", "#FFFFFF") < 4.5  # the old warning text: 3.25


@pytest.mark.parametrize("name", PALETTES)
def test_secondary_and_warning_text_is_legible(name: str) -> None:
    text, base = PALETTES[name]
    document = QTextDocument()
    document.setDefaultStyleSheet(style.text_css(text, base))
    document.setHtml(
        "<p><span class='muted'>muted</span> <span class='warning'>warning</span> "
        "<span class='warning-badge'>badge</span></p>"
    )
    colours = _colours(document)
    assert style.contrast(colours["muted"][0], base) >= 4.5
    assert colours["muted"][0] != text  # still told apart from the main text
    assert style.contrast(colours["warning"][0], base) >= 4.5
    badge_text, badge_background = colours["badge"]
    assert style.contrast(badge_text, badge_background) >= 4.5


@pytest.mark.parametrize("colour", [*style.TONE_COLOURS.values(), style.FLIP_COLOUR])
def test_badges_pick_the_text_colour_that_reads(colour: str) -> None:
    assert style.contrast(style.readable_on(colour), colour) >= 4.5


def test_the_detail_pane_draws_attributions_legibly_in_a_dark_palette(
    qtbot: QtBot, catalog: Catalog
) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    palette = pane.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1E1E1E"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#E6E6E6"))
    pane.setPalette(palette)
    detail = next(
        d
        for d in (catalog.event_detail(e.id) for e in catalog.events("trump-on-putin"))
        if any(q.source.is_paraphrased for q in d.quotes)
    )
    pane.show_event(detail)
    colours = _colours(pane.document())
    assert colours, "no classed text was drawn"
    assert len(colours) >= 3  # attributions, the warning, the tone symbols at least
    for word, (foreground, _) in colours.items():
        # A tone symbol is a mark (3:1); words are text (4.5:1).
        least = style.GRAPHIC_CONTRAST if len(word) == 1 else style.TEXT_CONTRAST
        assert style.contrast(foreground, "#1E1E1E") >= least, word


def _colours(document: QTextDocument) -> dict[str, tuple[str, str]]:
    """Foreground and background of the first fragment of each word asked for, and of
    any fragment with a set foreground, as laid out."""
    found: dict[str, tuple[str, str]] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            # Links take the palette's Link colour (the desktop's to choose): not ours.
            if fmt.hasProperty(fmt.Property.ForegroundBrush) and not fmt.isAnchor():
                key = fragment.text().strip() or "?"
                found.setdefault(key.split()[0] if key else key, (
                    fmt.foreground().color().name(), fmt.background().color().name(),
                ))  # fmt: skip
            it += 1
        block = block.next()
    return found


def test_a_selected_search_result_keeps_its_secondary_lines_legible(
    qtbot: QtBot, window: object
) -> None:
    """Drawn on the highlight, a result's secondary lines were grey on blue."""
    import re

    from PySide6.QtWidgets import QStyle

    from viewer.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    panel = window.search
    window.show_search()
    panel.box.setText("meddle")
    panel.run_now()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    option = QStyleOptionViewItem()
    option.initFrom(panel.results)
    option.state |= QStyle.StateFlag.State_Selected
    option.widget = panel.results
    document = panel.results.itemDelegate()._document(option, panel.model.index(0))
    muted = re.search(r"\.muted \{ color: (#[0-9a-fA-F]{6})", document.defaultStyleSheet())
    assert muted is not None
    active = QPalette.ColorGroup.Active
    highlight = option.palette.color(active, QPalette.ColorRole.Highlight).name()
    on_it = option.palette.color(active, QPalette.ColorRole.HighlightedText).name()
    # As legible as the palette lets anything be on its highlight (Qt's default blue
    # under white is 3.7:1 itself), or AA where the palette allows it.
    best = style.contrast(on_it, highlight)
    assert style.contrast(muted.group(1), highlight) >= min(4.5, best) - 0.01


@pytest.mark.parametrize("name", PALETTES)
def test_every_bar_has_an_edge_of_3_to_1(qtbot: QtBot, name: str) -> None:
    """A bar's pale fill under its label is ~1.6:1 on white and its cold fill ~2:1 on
    a dark base; each bar's lower edge meets WCAG's 3:1 for graphics."""
    from PySide6.QtGui import QFont

    from viewer.ui.timeline.painter import TimelinePainter

    text, base = PALETTES[name]
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.Text, QColor(text))
    painter = TimelinePainter(palette, QFont())
    for edge in painter.bar_edges:
        assert style.contrast(edge.name(), base) >= 3.0, (name, edge.name())


@pytest.mark.parametrize("palette", [style.light_palette, style.dark_palette])
def test_disabled_words_look_disabled_in_the_apps_own_palettes(
    palette: Callable[[], QPalette],
) -> None:
    """The palettes the screenshots and pictures use gave each role one colour for all
    states: in the dark one a disabled OK button looked as an enabled one. Disabled
    words are dimmed toward what they are read on, as a desktop's palette has them."""
    made = palette()
    disabled, active = QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Active
    for text, under in (
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    ):
        background = made.color(active, under).name()
        enabled = style.contrast(made.color(active, text).name(), background)
        dimmed = style.contrast(made.color(disabled, text).name(), background)
        assert 1.5 < dimmed < enabled / 2, (text, dimmed, enabled)
