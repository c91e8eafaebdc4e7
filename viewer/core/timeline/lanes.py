"""The timeline's lanes: which event kinds each one shows, and their labels.

A catalog names its own lanes (an imported TimelineJS file's groups, say); one that
does not (made before lanes were stored) reads with the political lanes below."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from viewer.core.frozen import frozen
from viewer.core.records import EventKind, Tone


@frozen
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


def lane_of(kind: str, lanes: Sequence[Lane] = LANES) -> int:
    """The lane of an event kind given as text: the lane that lists it, else (a catalog
    whose lanes are its own groups) the last lane."""
    fallback = 0 if lanes is LANES else len(lanes) - 1
    return next(
        (n for n, lane in enumerate(lanes) for k in lane.kinds if k.value == kind), fallback
    )


def lanes_from_rows(rows: Iterable[tuple[str, str, str]]) -> tuple[Lane, ...]:
    """A catalog's lanes from its (id, title, kinds) rows; none: the political lanes."""
    known = {kind.value: kind for kind in EventKind}
    lanes = tuple(
        Lane(
            str(key), str(title), tuple(known[k] for k in str(kinds or "").split(",") if k in known)
        )
        for key, title, kinds in rows
    )
    return lanes or LANES


#: Stable small integers for tones, used in arrays.
TONES: tuple[Tone, ...] = (Tone.WARM, Tone.COLD, Tone.MIXED, Tone.NEUTRAL)
TONE_CODE: dict[Tone, int] = {tone: code for code, tone in enumerate(TONES)}
