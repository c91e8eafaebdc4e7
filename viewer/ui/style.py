"""Colours and small style helpers shared by the widgets.

Tone colours follow the Okabe–Ito palette, which stays distinct for the common
forms of colour blindness; every tone also has its own marker shape, so colour is
never the only cue.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from viewer.core.records import Tone

TONE_COLOURS: dict[Tone, str] = {
    Tone.WARM: "#E69F00",  # orange
    Tone.COLD: "#0072B2",  # blue
    Tone.MIXED: "#CC79A7",  # reddish purple
    Tone.NEUTRAL: "#8C8C8C",  # grey
}
TONE_SYMBOLS: dict[Tone, str] = {
    Tone.WARM: "▲",
    Tone.COLD: "▼",
    Tone.MIXED: "◆",
    Tone.NEUTRAL: "●",
}
TONE_NAMES: dict[Tone, str] = {
    Tone.WARM: "Warm",
    Tone.COLD: "Cold",
    Tone.MIXED: "Mixed",
    Tone.NEUTRAL: "Neutral",
}
STANCE_COLOURS = {
    "Positive": TONE_COLOURS[Tone.WARM],
    "Negative": TONE_COLOURS[Tone.COLD],
    "Mixed": TONE_COLOURS[Tone.MIXED],
    "Neutral": TONE_COLOURS[Tone.NEUTRAL],
}
FLIP_COLOUR = "#009E73"  # bluish green
WARNING_COLOUR = "#B8860B"


def tone_colour(tone: Tone) -> QColor:
    return QColor(TONE_COLOURS[tone])


def stance_colour(stance: str) -> str:
    return STANCE_COLOURS.get(stance, TONE_COLOURS[Tone.NEUTRAL])


def badge_css(colour: str) -> str:
    """A rounded label with readable text on the given background colour."""
    text = "#000000" if QColor(colour).lightnessF() > 0.55 else "#FFFFFF"
    return (
        f"QLabel {{ background: {colour}; color: {text}; border-radius: 8px; "
        "padding: 2px 8px; font-weight: 600; }"
    )


def outline_badge_css() -> str:
    """A rounded, outlined label in the palette's own text colour: a qualifier beside the
    filled badges (such as "Editors' assessment"), readable in light and dark palettes."""
    return (
        "QLabel { border: 1px dashed palette(text); border-radius: 8px; "
        "padding: 1px 8px; font-style: italic; }"
    )


#: Tints for era bands, told apart by position as much as by hue.
ERA_COLOURS = ("#56B4E9", "#009E73", "#F0E442", "#D55E00", "#999999")
