"""The reader's highlight colours are a set of their own: apart from every tone, the
flip, the selection and the marks, apart from each other for anyone, and drawn as a
band that the selection ring leaves in view."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter, QPalette

from tests.ui.test_colour_vision import DEFICIENCIES, _lab, _linear
from viewer.core.annotations.records import Mark
from viewer.ui import highlights, style
from viewer.ui.main_window import MainWindow
from viewer.ui.timeline.painter import TimelinePainter

APART = 25.0  # ΔE from any colour that means something else
DISTINCT = 20.0  # ΔE between two highlights, for every kind of colour vision
TAKEN = {
    **{f"tone {tone.value}": colour for tone, colour in style.TONE_COLOURS.items()},
    "flip": style.FLIP_COLOUR,
    "selection (light)": style.LIGHT_COLOURS[QPalette.ColorRole.Highlight],
    "selection (dark)": style.DARK_COLOURS[QPalette.ColorRole.Highlight],
    "selection (Qt's default)": "#308CC6",
    "star (light)": "#A2001D",
}


def _seen(colour: str, deficiency: str | None = None) -> np.ndarray:
    linear = _linear(colour)
    if deficiency is not None:
        linear = np.array(DEFICIENCIES[deficiency]) @ linear
    return _lab(linear)


@pytest.mark.parametrize("highlight", highlights.HIGHLIGHTS, ids=lambda h: h.name)
def test_no_highlight_looks_like_a_tone_the_flip_or_the_selection(
    highlight: highlights.Highlight,
) -> None:
    for what, colour in TAKEN.items():
        delta = float(np.linalg.norm(_seen(highlight.colour) - _seen(colour)))
        assert delta >= APART, (highlight.name, what, round(delta, 1))


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_highlights_stay_apart_for_every_colour_vision(deficiency: str | None) -> None:
    for a, b in itertools.combinations(highlights.HIGHLIGHTS, 2):
        delta = float(np.linalg.norm(_seen(a.colour, deficiency) - _seen(b.colour, deficiency)))
        assert delta >= DISTINCT, (deficiency, a.name, b.name, round(delta, 1))


def test_the_old_tone_coloured_highlights_are_shown_in_the_new_set() -> None:
    """Notes saved with the tones' orange or sky blue keep their value, drawn anew."""
    names = {h.colour: h.name for h in highlights.HIGHLIGHTS}
    for old in highlights.EARLIER:
        assert highlights.shown(old) in names
        assert highlights.name_of(old) == names[highlights.shown(old)]
    assert highlights.shown("#e69f00") == highlights.shown("#E69F00")


def test_a_selected_highlighted_point_still_shows_its_band(window: MainWindow) -> None:
    view = window.timeline
    event = "2018-07-16-helsinki-summit"
    view.show_range(dt.date(2018, 6, 1).toordinal(), dt.date(2018, 9, 1).toordinal())
    view.select_ids([event], reveal=False)
    lime = highlights.HIGHLIGHTS[0].colour
    painter = TimelinePainter(view.palette(), view.font(), cached=False)
    band = painter.band(lime)
    counts = []
    for marks in ({}, {event: Mark(False, False, lime)}):
        image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
        p = QPainter(image)
        painter.paint(
            p, view.data, view.scene, view.view, view.geo, view.eras, view.stance_label,
            False, marks, None, None,
        )  # fmt: skip
        p.end()
        counts.append(
            sum(
                1
                for y in range(image.height())
                for x in range(0, image.width(), 2)
                if image.pixelColor(x, y) == band
            )
        )
    assert counts[0] == 0
    assert counts[1] > 300, counts  # behind the title, beside the ring: plainly there
