"""Plain frozen records: the only form in which catalog data reaches the UI.

No ORM object and no database handle ever leaves `viewer.core`; widgets receive
these values and can keep them as long as they like.
"""

from __future__ import annotations

from enum import StrEnum

from viewer.core.dates.fuzzy import FuzzyDate
from viewer.core.frozen import frozen


class EventKind(StrEnum):
    MEETING = "meeting"
    SUMMIT = "summit"
    CALL = "call"
    STATEMENT = "statement"
    ACTION = "action"
    CRITICISM = "criticism"
    CONTEXT = "context"


#: Every event kind, as the text stored and exchanged.
EVENT_KINDS = frozenset(kind.value for kind in EventKind)


class Tone(StrEnum):
    """Tone toward the profile's target."""

    WARM = "warm"
    COLD = "cold"
    MIXED = "mixed"
    NEUTRAL = "neutral"


class Reliability(StrEnum):
    RELIABLE = "reliable"
    PARAPHRASED = "paraphrased"


@frozen
class Entity:
    id: str
    name: str
    kind: str  # person, organisation, country, group
    role: str | None = None

    @property
    def kind_label(self) -> str:
        """ "Politician · person", as the profile document shows it."""
        return f"{self.role} · {self.kind}" if self.role else self.kind


@frozen
class Source:
    id: str
    publisher: str | None
    title: str
    authors: tuple[str, ...]
    date: FuzzyDate | None
    url: str | None
    reliability: Reliability
    note: str | None = None
    held_copy: str | None = None  # file name of the editors' copy of its text

    @property
    def is_paraphrased(self) -> bool:
        return self.reliability is Reliability.PARAPHRASED


@frozen
class Era:
    id: str
    title: str
    date: FuzzyDate


@frozen
class ProfileAction:
    category: str
    description: str
    date: FuzzyDate | None
    event_id: str | None
    date_note: str | None = None


@frozen
class Criticism:
    critic: str
    text: str
    critic_entity_id: str | None
    quote_id: str | None


@frozen
class Profile:
    id: str
    subject: Entity
    target: Entity
    stance: str  # Positive, Negative, Mixed, Neutral
    strength: str  # weak, moderate, strong
    flip: bool
    summary: str
    summary_html: str | None = None  # safe rich text, when the summary has formatting
    heading: str | None = None  # its own title, where "Subject on Target" does not fit
    rating_source_id: str | None = None  # the source rating stance, strength and flip
    rating_note: str | None = None  # the basis of the rating

    @property
    def title(self) -> str:
        return self.heading or f"{self.subject.name} on {self.target.name}"

    @property
    def rated(self) -> bool:
        """Whether stance and strength have a basis (a source, or the editors' note): an
        imported timeline's profile has none, and shows no rating."""
        return self.rating_source_id is not None or self.rating_note is not None

    @property
    def rated_by_editors(self) -> bool:
        """Stance, strength and flip are the editors' judgement, not a source's."""
        return self.rating_source_id is None and self.rating_note is not None


@frozen
class ProfileDetail:
    profile: Profile
    context: str
    actions: tuple[ProfileAction, ...]
    criticism: tuple[Criticism, ...]


@frozen
class Event:
    """One dated thing on the timeline: what the timeline and lists need, nothing more."""

    id: str
    kind: EventKind
    title: str
    date: FuzzyDate
    tone: Tone
    status: str  # held, informal, cancelled, not-held
    place: str | None


@frozen
class Quote:
    id: str
    text: str
    speaker: Entity
    date: FuzzyDate
    event_id: str | None
    source: Source
    tone: Tone
    variant_of: str | None
    note: str | None = None
    date_note: str | None = None  # why the words are dated as they are


@frozen
class EventDetail:
    event: Event
    summary: str
    summary_html: str | None  # safe rich text, when the summary has formatting
    date_note: str | None
    participants: tuple[Entity, ...]
    profile_ids: tuple[str, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]
    variants: tuple[Quote, ...]  # other versions of the quotes above, said elsewhere


@frozen
class QuoteHit:
    """A search result: a quote, where the query matched in it, and its event."""

    quote: Quote
    spans: tuple[tuple[int, int], ...]  # (start, end) character offsets of matches
    event_title: str | None
    score: float = 0.0
