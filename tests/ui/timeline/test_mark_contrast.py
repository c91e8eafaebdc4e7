"""Every mark on the timeline that carries meaning reaches 3:1 against what it is drawn
on, and every word 4.5:1 (WCAG 2.1 AA), in the light and the dark palette: measured from
the colours the painter itself holds, and from the style's constants."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont

from viewer.core.timeline.lanes import TONES
from viewer.ui import highlights, style
from viewer.ui.timeline.painter import TimelinePainter

PALETTES = {"light": style.light_palette, "dark": style.dark_palette}
GRAPHIC, TEXT = style.GRAPHIC_CONTRAST, style.TEXT_CONTRAST
pytestmark = pytest.mark.usefixtures("qapp")  # the painter keeps pixmaps


def _painter(name: str) -> TimelinePainter:
    return TimelinePainter(PALETTES[name](), QFont())


def _best(background: QColor, *colours: QColor) -> float:
    """A shape is seen by its fill or its outline, whichever stands out more."""
    return max(style.contrast(c.name(), background.name()) for c in colours)


def _measures(name: str) -> dict[str, tuple[float, float]]:
    """(ratio, least) of each mark and word the timeline draws."""
    p = _painter(name)
    base, window = p.base, p.window
    out: dict[str, tuple[float, float]] = {}
    for tone in TONES:
        fill = QColor(style.TONE_COLOURS[tone])
        out[f"{tone.value} marker"] = (_best(base, fill, fill.darker(150)), GRAPHIC)
        out[f"{tone.value} bar edge"] = (_best(base, p.bar_edges[TONES.index(tone)]), GRAPHIC)
    out["selection ring"] = (_best(base, p.highlight), GRAPHIC)
    out["search hit frame"] = (_best(base, p.highlight), GRAPHIC)
    out["star and note"] = (_best(base, p.mark_colour), GRAPHIC)
    out["stance line"] = (_best(base, p.stance_line), GRAPHIC)
    out["flip badge"] = (_best(base, QColor(style.FLIP_COLOUR)), GRAPHIC)
    out["flip badge word"] = (_best(QColor(style.FLIP_COLOUR), p.on_flip), TEXT)
    out["cluster badge"] = (_best(base, p.badge_fill), GRAPHIC)
    out["cluster count"] = (_best(p.badge_fill, p.base), TEXT)
    out["period tag"] = (_best(base, p.highlight), GRAPHIC)
    out["period name"] = (_best(p.highlight, p.on_period), TEXT)
    out["titles"] = (_best(base, p.text), TEXT)
    # the overview's histogram: the text colour at 45 % over the base (overview.py)
    histogram = QColor(style.mixed(base.name(), p.text.name(), 0.45))
    out["overview histogram"] = (_best(base, histogram), GRAPHIC)
    out["axis labels"] = (_best(window, p.dim), TEXT)
    out["lane names"] = (_best(window, p.text), TEXT)
    out["stance scale words"] = (_best(window, p.muted), TEXT)
    for saved in (h.colour for h in highlights.HIGHLIGHTS):
        band = QColor(highlights.band(saved, base.name(), p.text.name()))
        out[f"title on {highlights.name_of(saved)}"] = (_best(band, p.text), TEXT)
    for number, era in enumerate(style.ERA_COLOURS):  # era names on their tinted bars
        tint = QColor(era)
        tinted = style.mixed(base.name(), tint.name(), 0.35 if p.dark else 0.22)
        out[f"era {number} name"] = (_best(QColor(tinted), p.text), TEXT)
    return out


@pytest.mark.parametrize("palette", PALETTES)
def test_every_mark_and_word_on_the_timeline_reaches_wcag_aa(palette: str) -> None:
    failing = {
        what: round(ratio, 2)
        for what, (ratio, least) in _measures(palette).items()
        if ratio < least
    }
    assert not failing, failing


def test_the_audit_can_fail() -> None:
    """The measure finds a mark that would not do: white words on the flip's green (the
    badge's words were white, 3.4:1) and the stance line at 35 % of the text colour."""
    assert _best(QColor(style.FLIP_COLOUR), QColor("white")) < TEXT
    base = QColor("#FFFFFF")
    faint = QColor.fromRgbF(0.65, 0.65, 0.65)
    assert _best(base, faint) < GRAPHIC
