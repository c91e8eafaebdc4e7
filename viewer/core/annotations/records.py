"""Plain frozen records of the user's annotations."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from viewer.core.frozen import frozen


def now_iso() -> str:
    """The time now, UTC, as annotations record it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


@frozen
class Annotation:
    """What the user added to one catalog event, keyed by its stable id."""

    event_id: str
    note: str = ""  # Markdown
    tags: tuple[str, ...] = ()
    starred: bool = False
    colour: str | None = None  # "#RRGGBB"
    updated: str = ""  # ISO timestamp, UTC

    @property
    def is_empty(self) -> bool:
        return not (self.note.strip() or self.tags or self.starred or self.colour)


@frozen
class UserEvent:
    """An event the user added beside the bundled ones."""

    id: str
    title: str
    date: str  # EDTF
    kind: str  # an EventKind value: the lane it is drawn in
    note: str = ""
    updated: str = ""


@frozen
class OpenReport:
    """What happened when the annotations database was opened, for the user."""

    read_only: bool = False
    moved_aside: str | None = None  # where a damaged file was put
    backup_taken: str | None = None  # before an upgrade
    upgraded_from: int | None = None
    messages: tuple[str, ...] = field(default=())


@frozen
class Mark:
    """How the timeline shows that an event carries the user's annotation."""

    starred: bool
    has_note: bool
    colour: str | None
    own: bool = False  # an event the user added

    @classmethod
    def of(cls, annotation: Annotation, *, own: bool = False) -> Mark:
        return cls(annotation.starred, bool(annotation.note.strip()), annotation.colour, own)
