"""Read-only access to a built catalog, returning plain records.

Methods run plain SQL on one read-only sqlite3 connection and return frozen
records (`viewer.core.records`); no cursor or database object leaves this
module. The tables are defined by the SQLAlchemy models in `viewer.core.catalog.schema`,
which build the catalog; reading goes through sqlite3 directly because importing
SQLAlchemy alone takes longer than showing a bare Qt window, and the app must
start quickly. The file is opened and checked by `opening` (read-only: the app cannot
write to it).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from viewer.core.catalog.opening import connect, damage, open_checked
from viewer.core.catalog.summary import (
    COUNTED,
    COUNTS_KEY,
    PROFILE_EVENTS_KEY,
    count_profile_events,
    count_rows,
    stored_counts,
)
from viewer.core.dates.fuzzy import FuzzyDate, from_stored
from viewer.core.records import (
    Criticism,
    Entity,
    Era,
    Event,
    EventDetail,
    EventKind,
    Profile,
    ProfileAction,
    ProfileDetail,
    Quote,
    Reliability,
    Source,
    Tone,
)
from viewer.core.timeline.columns import (
    catalog_lanes,
    query_columns,
    query_stance,
    read_stance,
    read_stored_columns,
)
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import Lane
from viewer.core.timeline.stance import StancePoint, StanceTrack

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: The quote columns `quote_from_row` reads, by name; a query adds its own after them,
#: each named with AS (every row of a catalog connection is read by column name).
QUOTE_COLUMNS = (
    'q.id, q.text, q.speaker_id, q.date, q.start, q."end", q.precision, q.approximate, '
    "q.event_id, q.source_id, q.tone, q.variant_of, q.note, q.date_note"
)
_TONES = {tone.value: tone for tone in Tone}
_EVENT_COLUMNS = 'id, kind, title, date, start, "end", precision, approximate, tone, status, place'


class Catalog:
    """A built catalog file, opened read-only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Checked once per process; an older schema is read through compat's columns.
        self._db, self._older = open_checked(path)

    def damage(self) -> str | None:
        """What SQLite's quick_check finds wrong with the file, or None when it is sound."""
        return damage(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def raw_connection(self) -> sqlite3.Connection:
        """A fresh read-only sqlite3 connection, for work that owns it (search, threads)."""
        return connect(self.path, self._older)

    @contextmanager
    def orm_session(self) -> Iterator[Session]:
        """A read-only SQLAlchemy session on the ORM models (export; not for hot paths)."""
        from sqlalchemy import create_engine  # noqa: PLC0415 - slow import, rarely needed
        from sqlalchemy.orm import Session  # noqa: PLC0415

        # Through raw_connection, so an older catalog gets its views here as well.
        engine = create_engine("sqlite://", creator=self.raw_connection)
        try:
            with Session(engine) as session:
                yield session
        finally:
            engine.dispose()

    def _all(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        return self._db.execute(sql, tuple(params)).fetchall()

    # -- entities and sources -------------------------------------------------

    def event_ids(self) -> set[str]:
        # One JSON array parsed in C: several times faster than 100k row tuples.
        joined = self._db.execute("SELECT json_group_array(id) FROM event").fetchone()[0]
        return set(json.loads(joined))

    def trace(self, callback: Callable[[str], object] | None) -> None:
        """Hand every statement the catalog runs to `callback` (None: stop); for counting
        what a window or a benchmark asks of it."""
        self._db.set_trace_callback(callback)

    def has_event(self, event_id: str) -> bool:
        return (
            self._db.execute("SELECT 1 FROM event WHERE id = ?", (event_id,)).fetchone() is not None
        )

    def event_labels(self) -> dict[str, tuple[int, str, str]]:
        """id -> (first day, for sorting; date as known; title) of every event."""
        rows = self._all(f"SELECT {_EVENT_COLUMNS}, first_day FROM event")
        return {r["id"]: (r["first_day"], _date(r).label(), r["title"]) for r in rows}

    def name_spellings(self) -> list[tuple[str, ...]]:
        """Each entity's name and its other spellings (the catalog's aliases)."""
        try:
            rows = self._all("SELECT name, aliases FROM entity WHERE aliases IS NOT NULL")
        except sqlite3.OperationalError:  # a catalog made before aliases: none to use
            return []
        return [(r["name"], *json.loads(r["aliases"])) for r in rows]

    def speakers(self) -> list[Entity]:
        """Everyone quoted, by name (one look in the speakers' index per person: a
        DISTINCT over a million quotes took 0.4 s)."""
        rows = self._all(
            "SELECT id AS speaker_id FROM entity e "
            "WHERE EXISTS (SELECT 1 FROM quote q WHERE q.speaker_id = e.id)"
        )
        return sorted((self.entities[r["speaker_id"]] for r in rows), key=lambda e: e.name)

    @cached_property
    def entities(self) -> dict[str, Entity]:
        rows = self._all("SELECT id, name, kind, role FROM entity ORDER BY id")
        return {r["id"]: Entity(r["id"], r["name"], r["kind"], r["role"]) for r in rows}

    @cached_property
    def sources(self) -> dict[str, Source]:
        rows = self._all("SELECT * FROM source ORDER BY id")
        return {
            r["id"]: Source(
                id=r["id"],
                publisher=r["publisher"],
                title=r["title"],
                authors=tuple(json.loads(r["authors"])),
                date=_optional_date(r),
                url=r["url"],
                reliability=Reliability(r["reliability"]),
                note=r["note"],
                held_copy=r["held_copy"],
            )
            for r in rows
        }

    # -- profiles ---------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        return [self._profile(r) for r in self._all("SELECT * FROM profile ORDER BY id")]

    def profiles_main_first(self) -> list[Profile]:
        """Profiles, the one with the most events first (the catalog's main subject)."""
        counts = stored_counts(self._meta, PROFILE_EVENTS_KEY)
        if counts is None:
            counts = count_profile_events(self._db)
        return sorted(self.profiles(), key=lambda p: (-counts.get(p.id, 0), p.id))

    def _profile(self, r: sqlite3.Row) -> Profile:
        return Profile(
            id=r["id"],
            subject=self.entities[r["subject_id"]],
            target=self.entities[r["target_id"]],
            stance=r["stance"],
            strength=r["strength"],
            flip=bool(r["flip"]),
            summary=r["summary"],
            summary_html=_safe_html(r["summary_html"]),
            heading=r["title"],
            rating_source_id=r["rating_source_id"],
            rating_note=r["rating_note"],
        )

    def profile_detail(self, profile_id: str) -> ProfileDetail:
        rows = self._all("SELECT * FROM profile WHERE id = ?", (profile_id,))
        if not rows:
            raise KeyError(profile_id)
        actions = self._all(
            "SELECT * FROM profile_action WHERE profile_id = ? ORDER BY position", (profile_id,)
        )
        critics = self._all(
            "SELECT * FROM criticism WHERE profile_id = ? ORDER BY position", (profile_id,)
        )
        return ProfileDetail(
            profile=self._profile(rows[0]),
            context=rows[0]["context"],
            actions=tuple(
                ProfileAction(
                    a["category"],
                    a["description"],
                    _optional_date(a),
                    a["event_id"],
                    a["date_note"],
                )
                for a in actions
            ),
            criticism=tuple(
                Criticism(c["critic"], c["text"], c["critic_entity_id"], c["quote_id"])
                for c in critics
            ),
        )

    # -- eras and events ------------------------------------------------------

    def eras(self) -> list[Era]:
        rows = self._all("SELECT * FROM era ORDER BY first_day, id")
        return [Era(r["id"], r["title"], _date(r)) for r in rows]

    def events(self, profile_id: str | None = None) -> list[Event]:
        """Events in date order, all of them or those of one profile."""
        if profile_id is None:
            rows = self._all(f"SELECT {_EVENT_COLUMNS} FROM event ORDER BY first_day, last_day, id")
        else:
            rows = self._all(
                f"SELECT {_EVENT_COLUMNS} FROM event WHERE id IN "
                "(SELECT event_id FROM event_profile WHERE profile_id = ?) "
                "ORDER BY first_day, last_day, id",
                (profile_id,),
            )
        return [_event(r) for r in rows]

    def event_detail(self, event_id: str) -> EventDetail:
        rows = self._all("SELECT * FROM event WHERE id = ?", (event_id,))
        if not rows:
            raise KeyError(event_id)
        row = rows[0]
        participants = self._all(
            "SELECT entity_id FROM event_participant WHERE event_id = ? ORDER BY position",
            (event_id,),
        )
        profile_ids = self._all(
            "SELECT profile_id FROM event_profile WHERE event_id = ? ORDER BY profile_id",
            (event_id,),
        )
        source_ids = self._all(
            "SELECT source_id FROM event_source WHERE event_id = ? ORDER BY position", (event_id,)
        )
        quotes = self._all(
            f"SELECT {QUOTE_COLUMNS} FROM quote q WHERE q.event_id = ? ORDER BY q.position",
            (event_id,),
        )
        ids = [q["id"] for q in quotes]
        linked = [q["variant_of"] for q in quotes if q["variant_of"]]
        marks = ",".join("?" * len(ids)) or "NULL"
        linked_marks = ",".join("?" * len(linked)) or "NULL"
        variants = self._all(
            f"SELECT {QUOTE_COLUMNS} FROM quote q "
            f"WHERE (q.variant_of IN ({marks}) OR q.id IN ({linked_marks})) "
            "AND q.event_id != ? ORDER BY q.id",
            (*ids, *linked, event_id),
        )
        return EventDetail(
            event=_event(row),
            summary=row["summary"],
            summary_html=_safe_html(row["summary_html"]),
            date_note=row["date_note"],
            participants=tuple(self.entities[p["entity_id"]] for p in participants),
            profile_ids=tuple(p["profile_id"] for p in profile_ids),
            quotes=tuple(self.quote_from_row(q) for q in quotes),
            sources=tuple(self.sources[s["source_id"]] for s in source_ids),
            variants=tuple(self.quote_from_row(q) for q in variants),
        )

    def quote_from_row(self, q: sqlite3.Row) -> Quote:
        """A Quote from a row holding `QUOTE_COLUMNS`."""
        return Quote(
            q["id"],
            q["text"],
            self.entities[q["speaker_id"]],
            from_stored(q["date"], q["start"], q["end"], q["precision"], bool(q["approximate"])),
            q["event_id"],
            self.sources[q["source_id"]],
            _TONES[q["tone"]],
            q["variant_of"],
            q["note"],
            q["date_note"],
        )

    def quotes(self, ids: Iterable[str]) -> dict[str, Quote]:
        wanted = list(ids)
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self._all(f"SELECT {QUOTE_COLUMNS} FROM quote q WHERE q.id IN ({marks})", wanted)
        return {q["id"]: self.quote_from_row(q) for q in rows}

    def all_quotes(self) -> list[tuple[Quote, str | None, str | None]]:
        """Every quote in date order, with its event's title and place."""
        rows = self._all(
            f"SELECT {QUOTE_COLUMNS}, e.title AS event_title, e.place AS event_place "
            "FROM quote q LEFT JOIN event e ON e.id = q.event_id ORDER BY q.first_day, q.id"
        )
        return [(self.quote_from_row(r), r["event_title"], r["event_place"]) for r in rows]

    def events_by_id(self, ids: Iterable[str]) -> list[Event]:
        wanted = list(ids)
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        rows = self._all(f"SELECT {_EVENT_COLUMNS} FROM event WHERE id IN ({marks})", wanted)
        return [_event(r) for r in rows]

    def events_citing(self, source_id: str) -> list[Event]:
        """The events a source supports, in date order."""
        rows = self._all(
            f"SELECT {_EVENT_COLUMNS} FROM event WHERE id IN "
            "(SELECT event_id FROM event_source WHERE source_id = ?) ORDER BY first_day, id",
            (source_id,),
        )
        return [_event(r) for r in rows]

    def timeline(self, profile_id: str | None = None) -> TimelineData:
        """The profile's events as columns for the timeline, from the build-time cache."""
        cached = read_stored_columns(self._db, profile_id, len(self.lanes))
        return cached if cached is not None else query_columns(self._db, profile_id)

    @cached_property
    def lanes(self) -> tuple[Lane, ...]:
        """The timeline's rows, top to bottom, as the catalog names them."""
        return catalog_lanes(self._db)

    def event_lanes(self) -> dict[str, int]:
        """Event id -> its lane number (for exports that name each event's group)."""
        data = self.timeline()
        return {event_id: int(data.lane[row]) for row, event_id in enumerate(data.ids)}

    def stance(self, profile_id: str) -> list[StancePoint]:
        """The profile subject's own words over time, one point per event. Words at a
        context event (background, such as a remark not about the target) do not count."""
        return list(self.stance_track(profile_id))

    def stance_track(self, profile_id: str) -> StanceTrack:
        """The same, as columns: stored at build time (a million quotes read in a blink),
        else read from the tables."""
        stored = read_stance(self._db, profile_id)
        return stored if stored is not None else query_stance(self._db, profile_id)

    def event_aliases(self) -> dict[str, str]:
        """Ids events had before -> their ids now (annotations made on them follow)."""
        return dict(self._db.execute("SELECT alias, event_id FROM event_alias").fetchall())

    def events_with(self, entity_id: str) -> list[str]:
        """Ids of the events an entity took part in or is quoted at, in date order."""
        sql = (
            "SELECT e.id FROM event e WHERE e.id IN ("
            "SELECT event_id FROM event_participant WHERE entity_id = ? "
            "UNION SELECT event_id FROM quote WHERE speaker_id = ?) ORDER BY e.first_day, e.id"
        )
        return [r[0] for r in self._db.execute(sql, (entity_id, entity_id))]

    def counts(self) -> dict[str, int]:
        """How many records of each kind the catalog holds (stored when it was built)."""
        stored = stored_counts(self._meta, COUNTS_KEY)
        if stored is not None and set(stored) == set(COUNTED):
            return {table: stored[table] for table in COUNTED}  # in COUNTED's order
        return count_rows(self._db)

    @cached_property
    def _meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self._all("SELECT key, value FROM meta")}


def _safe_html(markup: str | None) -> str | None:
    """A formatted summary cleaned again as it is read: the file may not be one this app
    made, and only the allow-list of viewer.core.rich_text ever reaches a widget (loaded
    at the first formatted text: most catalogs have none, and its HTML parser costs 4 ms
    at start-up)."""
    if not markup:
        return None
    from viewer.core.rich_text import clean  # noqa: PLC0415

    return clean(markup).html or None


def _event(r: sqlite3.Row) -> Event:
    return Event(
        id=r["id"],
        kind=EventKind(r["kind"]),
        title=r["title"],
        date=_date(r),
        tone=Tone(r["tone"]),
        status=r["status"],
        place=r["place"],
    )


def _date(r: sqlite3.Row) -> FuzzyDate:
    return from_stored(r["date"], r["start"], r["end"], r["precision"], bool(r["approximate"]))


def _optional_date(r: sqlite3.Row) -> FuzzyDate | None:
    return _date(r) if r["date"] is not None else None
