"""The colours a reader highlights their events with: a set of their own.

No tone, flip, selection or mark colour is among them (a highlighted event must not
look warm, cold or selected), and every pair stays apart for the common colour-vision
deficiencies; each has a name, which the notes editor and the details show beside the
colour. On the timeline a highlight is a band: behind a point's marker and title, and
along the top of a bar, where the selection ring, drawn round the outside, leaves it
in view.
"""

from __future__ import annotations

from viewer.core.frozen import frozen
from viewer.ui import style


@frozen
class Highlight:
    name: str
    colour: str  # "#RRGGBB", as the notes keep it


HIGHLIGHTS: tuple[Highlight, ...] = (
    Highlight("Lime", "#D4F36B"),
    Highlight("Cyan", "#7FE7E7"),
    Highlight("Violet", "#BFA6FF"),
    Highlight("Peach", "#FFC09A"),
)
#: The colours notes were highlighted with before this set (they reused the tones'
#: palette): kept as saved, shown as the highlight nearest in hue.
EARLIER: dict[str, str] = {
    "#E69F00": "#FFC09A",  # Orange -> Peach
    "#D55E00": "#FFC09A",  # Vermilion -> Peach
    "#56B4E9": "#7FE7E7",  # Sky blue -> Cyan
    "#009E73": "#D4F36B",  # Green -> Lime
    "#F0E442": "#D4F36B",  # Yellow -> Lime
}
_NAMES = {h.colour: h.name for h in HIGHLIGHTS}


def shown(saved: str) -> str:
    """The colour a saved highlight is drawn in."""
    colour = saved.upper()
    return EARLIER.get(colour, colour)


def name_of(saved: str) -> str:
    return _NAMES.get(shown(saved), "Own colour")


def band(saved: str, base: str, text: str) -> str:
    """The highlight as a band behind words: as strong as it can be while `text` on it
    stays legible (4.5:1); on a dark base it is a deep tint of the colour."""
    colour = shown(saved)
    for step in range(20, -1, -1):
        candidate = style.mixed(base, colour, step / 20)
        if style.contrast(text, candidate) >= style.TEXT_CONTRAST:
            return candidate
    return base
