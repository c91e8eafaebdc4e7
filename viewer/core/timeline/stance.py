"""The stance track: the tone of the subject's own words over time, and its flips.

Each event where the profile's subject is quoted becomes one point, with the tone
of what they said there (warm +1, mixed or neutral 0, cold -1). A flip is where
the tone turns from warm to cold or back, ignoring neutral points in between and
points dated only to a year or a longer interval, whose order against the others
the sources do not give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from viewer.core.records import Tone

VALUE = {Tone.WARM: 1, Tone.MIXED: 0, Tone.NEUTRAL: 0, Tone.COLD: -1}
#: Longest extent (days) a point may have and still be ordered against others.
ORDERABLE_DAYS = 92


@dataclass(frozen=True, slots=True)
class StancePoint:
    start: float  # first day of the event's extent
    end: float  # last day + 1
    tone: Tone
    event_id: str

    @property
    def day(self) -> float:
        return (self.start + self.end) / 2

    @property
    def orderable(self) -> bool:
        return self.end - self.start <= ORDERABLE_DAYS

    @property
    def value(self) -> int:
        return VALUE[self.tone]


@dataclass(frozen=True, slots=True)
class Flip:
    before: StancePoint
    after: StancePoint

    @property
    def day(self) -> float:
        return (self.before.day + self.after.day) / 2

    @property
    def to_tone(self) -> Tone:
        return self.after.tone


def stance_points(quotes: Iterable[tuple[str, float, float, Tone]]) -> list[StancePoint]:
    """One point per event from (event id, start, end, quote tone) of the subject's quotes."""
    by_event: dict[str, tuple[float, float, Counter[Tone]]] = {}
    for event_id, start, end, tone in quotes:
        _, _, tones = by_event.setdefault(event_id, (start, end, Counter()))
        tones[tone] += 1
    points = [
        StancePoint(start, end, _dominant(tones), event_id)
        for event_id, (start, end, tones) in by_event.items()
    ]
    return sorted(points, key=lambda p: (p.day, p.event_id))


def _dominant(tones: Counter[Tone]) -> Tone:
    warm, cold = tones[Tone.WARM], tones[Tone.COLD]
    if warm and cold:
        return Tone.MIXED if warm == cold else (Tone.WARM if warm > cold else Tone.COLD)
    if warm or cold:
        return Tone.WARM if warm else Tone.COLD
    return Tone.MIXED if tones[Tone.MIXED] else Tone.NEUTRAL


def flips(points: list[StancePoint]) -> list[Flip]:
    """Where the sign of the tone changes, skipping neutral and coarsely dated points."""
    out: list[Flip] = []
    last: StancePoint | None = None
    for point in points:
        if point.value == 0 or not point.orderable:
            continue
        if last is not None and point.value != last.value:
            out.append(Flip(last, point))
        last = point
    return out
