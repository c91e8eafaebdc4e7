"""Colours and small style helpers shared by the widgets.

Tone colours follow the Okabe–Ito palette, which stays distinct for the common
forms of colour blindness; every tone also has its own marker shape on points and
its own pattern on bars, so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPalette

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
#: Bars of each tone: plain, or lined over their fill (the pairs a colour-vision
#: deficiency brings closest, mixed and neutral, cold and mixed, never share one).
TONE_PATTERNS: dict[Tone, Qt.BrushStyle | None] = {
    Tone.WARM: None,
    Tone.COLD: Qt.BrushStyle.BDiagPattern,  # hatched ////
    Tone.MIXED: Qt.BrushStyle.DiagCrossPattern,  # cross-hatched xxxx
    Tone.NEUTRAL: None,
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
#: The warning hue (dark goldenrod): as a badge's background (with black text, 6.8:1);
#: as text it is shaded per palette by `text_css` to reach 4.5:1.
WARNING_COLOUR = "#B8860B"
#: WCAG 2.1 AA: the least contrast for text, and for marks that carry meaning.
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0


def tone_colour(tone: Tone) -> QColor:
    return QColor(TONE_COLOURS[tone])


def stance_colour(stance: str) -> str:
    return STANCE_COLOURS.get(stance, TONE_COLOURS[Tone.NEUTRAL])


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a colour ("#RRGGBB" or a name Qt knows)."""
    c = QColor(colour)

    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: str) -> str:
    """Black or white, whichever contrasts more with `background`."""
    return max(("#000000", "#FFFFFF"), key=lambda text: contrast(text, background))


def mixed(a: str, b: str, share_of_b: float) -> str:
    ca, cb = QColor(a), QColor(b)
    t = share_of_b
    return QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * t,
        ca.greenF() + (cb.greenF() - ca.greenF()) * t,
        ca.blueF() + (cb.blueF() - ca.blueF()) * t,
    ).name()


def shaded_to_contrast(colour: str, background: str, ratio: float = TEXT_CONTRAST) -> str:
    """`colour`, moved toward black or white (whichever the background needs) by the
    least that reaches `ratio` against `background`: its hue kept, legible."""
    target = readable_on(background)
    for step in range(21):
        candidate = mixed(colour, target, step / 20)
        if contrast(candidate, background) >= ratio:
            return candidate
    return target


def muted_colour(text: str, base: str) -> str:
    """Secondary text: from `text` as far toward `base` (at most half way) as stays
    legible (4.5:1)."""
    for step in range(10, -1, -1):
        candidate = mixed(text, base, step / 20)
        if contrast(candidate, base) >= TEXT_CONTRAST:
            return candidate
    return text


@lru_cache(maxsize=8)  # asked for every detail shown and every search result laid out
def text_css(text: str, base: str) -> str:
    """Rich-text classes for secondary and warning text, legible (4.5:1) on `base`:
    `muted` (attributions, notes: grey between the text and the base colour), `warning`
    (a paraphrased source) and `warning-badge` (a label on the warning hue)."""
    muted = muted_colour(text, base)
    warning = shaded_to_contrast(WARNING_COLOUR, base)
    return (
        f".muted {{ color: {muted}; }} .warning {{ color: {warning}; }} "
        f".warning-badge {{ background-color: {WARNING_COLOUR}; "
        f"color: {readable_on(WARNING_COLOUR)}; }}"
    )


#: Tints for era bands, told apart by position as much as by hue.
ERA_COLOURS = ("#56B4E9", "#009E73", "#F0E442", "#D55E00", "#999999")


def pattern_brush(tone: Tone) -> QBrush | None:
    """The lines drawn over a bar of this tone (None: a plain bar)."""
    pattern = TONE_PATTERNS[tone]
    if pattern is None:
        return None
    lines = QColor(TONE_COLOURS[tone]).darker(170)
    lines.setAlphaF(0.8)
    return QBrush(lines, pattern)


def palette_from(colours: Mapping[QPalette.ColorRole, str]) -> QPalette:
    """A palette with these roles' colours (the rest Qt's defaults). Disabled widgets'
    words are dimmed toward their background, as a desktop's palette has them (given
    once for all states, a disabled OK button looked like an enabled one)."""
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for text, under in _DIMMED:
        if text in colours and under in colours:
            palette.setColor(disabled, text, QColor(mixed(colours[text], colours[under], 0.55)))
    return palette


_ROLE = QPalette.ColorRole
#: Each role of words and the role it is read on (dimmed toward it when disabled).
_DIMMED = (
    (_ROLE.WindowText, _ROLE.Window),
    (_ROLE.Text, _ROLE.Base),
    (_ROLE.ButtonText, _ROLE.Button),
)
#: Dark text on white: an exported picture's colours unless asked otherwise (a dark
#: desktop gives no dark image), and the light palette contrast is measured in.
LIGHT_COLOURS: dict[QPalette.ColorRole, str] = {
    _ROLE.Window: "#EFEFEF",
    _ROLE.WindowText: "#000000",
    _ROLE.Base: "#FFFFFF",
    _ROLE.AlternateBase: "#F5F5F5",
    _ROLE.Text: "#000000",
    _ROLE.Button: "#EFEFEF",
    _ROLE.ButtonText: "#000000",
    _ROLE.Highlight: "#2A6FB8",
    _ROLE.HighlightedText: "#FFFFFF",
    _ROLE.Link: "#0B57C2",
    _ROLE.PlaceholderText: "#6E6E6E",
}
#: Light text on near-black: a picture asked for dark, and the dark palette contrast
#: is measured in (the screenshots' too).
DARK_COLOURS: dict[QPalette.ColorRole, str] = {
    _ROLE.Window: "#2B2B2B",
    _ROLE.WindowText: "#E6E6E6",
    _ROLE.Base: "#1E1E1E",
    _ROLE.AlternateBase: "#262626",
    _ROLE.Text: "#E6E6E6",
    _ROLE.Button: "#353535",
    _ROLE.ButtonText: "#E6E6E6",
    _ROLE.Highlight: "#3D7BD9",
    _ROLE.HighlightedText: "#FFFFFF",
    _ROLE.Link: "#8AB4F8",
    _ROLE.ToolTipBase: "#353535",
    _ROLE.ToolTipText: "#E6E6E6",
    _ROLE.PlaceholderText: "#9A9A9A",
}


def light_palette() -> QPalette:
    return palette_from(LIGHT_COLOURS)


def dark_palette() -> QPalette:
    return palette_from(DARK_COLOURS)


#: The average character width (px) of the bold font the app's fixed sizes (the lane
#: names' column, the header's height) were chosen for: Sans Serif 9 pt at 96 dpi.
SIZED_FOR_CHAR = 6.875
_TEXT_SCALES: dict[str, float] = {}


def small_font(font: QFont) -> QFont:
    """The smaller text of `font` (a timeline's bar titles, a caption's source line)."""
    small = QFont(font)
    small.setPointSizeF(max(6.5, font.pointSizeF() * 0.85))
    return small


def text_scale(font: QFont) -> float:
    """How much larger `font` is than the one the fixed sizes were chosen for (a larger
    desktop font), never less than 1: those sizes grow by it, and never shrink."""
    key = font.toString()
    if key not in _TEXT_SCALES:
        bold = QFont(font)
        bold.setBold(True)
        _TEXT_SCALES[key] = max(1.0, QFontMetricsF(bold).averageCharWidth() / SIZED_FOR_CHAR)
    return _TEXT_SCALES[key]
