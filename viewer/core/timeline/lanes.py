"""The timeline's lanes: which event kinds each one shows, and their labels."""

from __future__ import annotations

from dataclasses import dataclass

from viewer.core.records import EventKind, Tone


@dataclass(frozen=True, slots=True)
class Lane:
    key: str
    label: str
    kinds: tuple[EventKind, ...]


LANES: tuple[Lane, ...] = (
    Lane("meetings", "Meetings & summits", (EventKind.MEETING, EventKind.SUMMIT)),
    Lane("calls", "Calls", (EventKind.CALL,)),
    Lane("statements", "Statements", (EventKind.STATEMENT,)),
    Lane("actions", "Actions", (EventKind.ACTION,)),
    Lane("criticism", "Criticism", (EventKind.CRITICISM,)),
    Lane("context", "Context", (EventKind.CONTEXT,)),
)

#: Event kind -> lane number.
LANE_OF_KIND: dict[EventKind, int] = {
    kind: number for number, lane in enumerate(LANES) for kind in lane.kinds
}


def lane_of(kind: str) -> int:
    """The lane of an event kind given as text (a kind we do not know: the first lane)."""
    return next((n for n, lane in enumerate(LANES) for k in lane.kinds if k.value == kind), 0)


#: Stable small integers for tones, used in arrays.
TONES: tuple[Tone, ...] = (Tone.WARM, Tone.COLD, Tone.MIXED, Tone.NEUTRAL)
TONE_CODE: dict[Tone, int] = {tone: code for code, tone in enumerate(TONES)}
