"""Read-only access to a built catalog, returning plain records.

Every method opens a short connection, runs its queries and returns frozen
records (`viewer.core.records`); nothing here keeps a cursor or an ORM object
alive. The file is opened with `mode=ro`, so the app cannot write to it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from viewer.core import schema
from viewer.core.dates import FuzzyDate, from_stored
from viewer.core.errors import CatalogError
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
from viewer.core.stance import StancePoint, stance_points
from viewer.core.timeline_cache import query_columns, read_cache
from viewer.core.timeline_data import TimelineData

E, S, P, V, Q = (
    schema.EntityRow,
    schema.SourceRow,
    schema.ProfileRow,
    schema.EventRow,
    schema.QuoteRow,
)


def read_only_engine(path: Path) -> Engine:
    """An engine on `path` that SQLite itself will not let write."""
    uri = path.resolve().as_uri()  # file:///... with reserved characters escaped
    return create_engine(f"sqlite:///{uri}?mode=ro&uri=true")


def _date(row: Any, prefix: str = "") -> FuzzyDate:
    m = row._mapping
    return from_stored(
        m[f"{prefix}date"],
        m[f"{prefix}start"],
        m[f"{prefix}end"],
        m[f"{prefix}precision"],
        bool(m[f"{prefix}approximate"]),
    )


class Catalog:
    """A built catalog file, opened read-only."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.is_file():
            raise CatalogError(f"The catalog {path} does not exist.")
        self._engine = read_only_engine(path)
        try:
            with self.connect() as conn:
                meta = {k: v for k, v in conn.execute(select(schema.Meta.key, schema.Meta.value))}
        except DBAPIError as exc:
            self._engine.dispose()
            raise CatalogError(f"{path} is not a readable catalog: {exc.orig}") from exc
        version = meta.get("schema_version")
        if version != str(schema.SCHEMA_VERSION):
            self._engine.dispose()
            raise CatalogError(
                f"{path} has catalog schema version {version}; this app reads version "
                f"{schema.SCHEMA_VERSION}. Rebuild it with `timeline-viewer build-data`."
            )

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def connect(self) -> Iterator[Session]:
        """A short read-only session for one operation."""
        with Session(self._engine) as session:
            yield session

    def raw_connection(self) -> sqlite3.Connection:
        """A fresh read-only sqlite3 connection, for hot paths (search) that own it."""
        uri = self.path.resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    # -- entities and sources -------------------------------------------------

    @cached_property
    def entities(self) -> dict[str, Entity]:
        with self.connect() as conn:
            rows = conn.execute(select(E.id, E.name, E.kind, E.role).order_by(E.id))
            return {r.id: Entity(r.id, r.name, r.kind, r.role) for r in rows}

    @cached_property
    def sources(self) -> dict[str, Source]:
        with self.connect() as conn:
            rows = conn.execute(select(S).order_by(S.id)).scalars()
            return {
                s.id: Source(
                    id=s.id,
                    publisher=s.publisher,
                    title=s.title,
                    authors=tuple(json.loads(s.authors)),
                    date=_optional_date_row(s),
                    url=s.url,
                    reliability=Reliability(s.reliability),
                    note=s.note,
                )
                for s in rows
            }

    # -- profiles ---------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        with self.connect() as conn:
            rows = conn.execute(select(P).order_by(P.id)).scalars().all()
        return [self._profile(p) for p in rows]

    def _profile(self, p: schema.ProfileRow) -> Profile:
        return Profile(
            id=p.id,
            subject=self.entities[p.subject_id],
            target=self.entities[p.target_id],
            stance=p.stance,
            strength=p.strength,
            flip=p.flip,
            summary=p.summary,
        )

    def profile_detail(self, profile_id: str) -> ProfileDetail:
        A, C = schema.ProfileActionRow, schema.CriticismRow
        with self.connect() as conn:
            row = conn.execute(select(P).where(P.id == profile_id)).scalar_one_or_none()
            if row is None:
                raise KeyError(profile_id)
            actions = (
                conn.execute(select(A).where(A.profile_id == profile_id).order_by(A.position))
                .scalars()
                .all()
            )
            critics = (
                conn.execute(select(C).where(C.profile_id == profile_id).order_by(C.position))
                .scalars()
                .all()
            )
        return ProfileDetail(
            profile=self._profile(row),
            context=row.context,
            actions=tuple(
                ProfileAction(a.category, a.description, _optional_date_row(a), a.event_id)
                for a in actions
            ),
            criticism=tuple(
                Criticism(c.critic, c.text, c.critic_entity_id, c.quote_id) for c in critics
            ),
        )

    # -- eras and events ------------------------------------------------------

    def eras(self) -> list[Era]:
        R = schema.EraRow
        with self.connect() as conn:
            rows = conn.execute(select(R).order_by(R.start, R.id)).scalars().all()
        return [Era(r.id, r.title, _date_row(r)) for r in rows]

    def events(self, profile_id: str | None = None) -> list[Event]:
        """Events in date order, all of them or those of one profile."""
        query = select(
            V.id,
            V.kind,
            V.title,
            V.date,
            V.start,
            V.end,
            V.precision,
            V.approximate,
            V.tone,
            V.status,
            V.place,
        ).order_by(V.start, V.end, V.id)
        if profile_id is not None:
            EP = schema.EventProfileRow
            query = query.join(EP, EP.event_id == V.id).where(EP.profile_id == profile_id)
        with self.connect() as conn:
            return [_event(r) for r in conn.execute(query)]

    def event_detail(self, event_id: str) -> EventDetail:
        EPa, EPr, ES = schema.EventParticipantRow, schema.EventProfileRow, schema.EventSourceRow
        with self.connect() as conn:
            row = conn.execute(select(V).where(V.id == event_id)).scalar_one_or_none()
            if row is None:
                raise KeyError(event_id)
            participants = (
                conn.execute(
                    select(EPa.entity_id).where(EPa.event_id == event_id).order_by(EPa.position)
                )
                .scalars()
                .all()
            )
            profile_ids = (
                conn.execute(
                    select(EPr.profile_id).where(EPr.event_id == event_id).order_by(EPr.profile_id)
                )
                .scalars()
                .all()
            )
            source_ids = (
                conn.execute(
                    select(ES.source_id).where(ES.event_id == event_id).order_by(ES.position)
                )
                .scalars()
                .all()
            )
            quotes = (
                conn.execute(select(Q).where(Q.event_id == event_id).order_by(Q.position))
                .scalars()
                .all()
            )
            linked = {q.variant_of for q in quotes if q.variant_of}
            ids = {q.id for q in quotes}
            variants = (
                conn.execute(
                    select(Q)
                    .where(
                        ((Q.variant_of.in_(ids)) | (Q.id.in_(linked))) & (Q.event_id != event_id)
                    )
                    .order_by(Q.id)
                )
                .scalars()
                .all()
            )
        event = Event(
            row.id,
            EventKind(row.kind),
            row.title,
            _date_row(row),
            Tone(row.tone),
            row.status,
            row.place,
        )
        return EventDetail(
            event=event,
            summary=row.summary,
            date_note=row.date_note,
            participants=tuple(self.entities[p] for p in participants),
            profile_ids=tuple(profile_ids),
            quotes=tuple(self.quote_record(q) for q in quotes),
            sources=tuple(self.sources[s] for s in source_ids),
            variants=tuple(self.quote_record(q) for q in variants),
        )

    def quote_record(self, q: schema.QuoteRow) -> Quote:
        return Quote(
            id=q.id,
            text=q.text,
            speaker=self.entities[q.speaker_id],
            date=_date_row(q),
            event_id=q.event_id,
            source=self.sources[q.source_id],
            tone=Tone(q.tone),
            variant_of=q.variant_of,
            note=q.note,
        )

    def quotes(self, ids: Iterable[str]) -> dict[str, Quote]:
        wanted = list(ids)
        with self.connect() as conn:
            rows = conn.execute(select(Q).where(Q.id.in_(wanted))).scalars().all()
        return {q.id: self.quote_record(q) for q in rows}

    def events_citing(self, source_id: str) -> list[Event]:
        """The events a source supports, in date order."""
        ES = schema.EventSourceRow
        query = (
            select(
                V.id,
                V.kind,
                V.title,
                V.date,
                V.start,
                V.end,
                V.precision,
                V.approximate,
                V.tone,
                V.status,
                V.place,
            )
            .join(ES, ES.event_id == V.id)
            .where(ES.source_id == source_id)
            .order_by(V.start, V.id)
        )
        with self.connect() as conn:
            return [_event(r) for r in conn.execute(query)]

    def timeline(self, profile_id: str | None = None) -> TimelineData:
        """The profile's events as columns for the timeline, from the build-time cache."""
        conn = self.raw_connection()
        try:
            cached = read_cache(conn, profile_id)
            return cached if cached is not None else query_columns(conn, profile_id)
        finally:
            conn.close()

    def stance(self, profile_id: str) -> list[StancePoint]:
        """The profile subject's own words over time, one point per event."""
        sql = (
            "SELECT q.event_id, julianday(e.start) - 1721424.5, julianday(e.end) - 1721423.5, "
            "q.tone "
            "FROM quote q JOIN event e ON e.id = q.event_id "
            "JOIN event_profile ep ON ep.event_id = e.id AND ep.profile_id = ? "
            "JOIN profile p ON p.id = ep.profile_id AND q.speaker_id = p.subject_id"
        )
        conn = self.raw_connection()
        try:
            rows = conn.execute(sql, (profile_id,)).fetchall()
        finally:
            conn.close()
        return stance_points((eid, round(s), round(e), Tone(tone)) for eid, s, e, tone in rows)

    def events_with(self, entity_id: str) -> list[str]:
        """Ids of the events an entity took part in or is quoted at, in date order."""
        sql = (
            "SELECT e.id FROM event e WHERE e.id IN ("
            "SELECT event_id FROM event_participant WHERE entity_id = ? "
            "UNION SELECT event_id FROM quote WHERE speaker_id = ?) ORDER BY e.start, e.id"
        )
        conn = self.raw_connection()
        try:
            return [r[0] for r in conn.execute(sql, (entity_id, entity_id))]
        finally:
            conn.close()

    def counts(self) -> dict[str, int]:
        """How many records of each kind the catalog holds."""
        tables = ("entity", "source", "profile", "event", "quote", "era")
        with self.connect() as conn:
            return {
                t: int(conn.connection().exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one())
                for t in tables
            }


def _event(r: Any) -> Event:
    return Event(
        id=r.id,
        kind=EventKind(r.kind),
        title=r.title,
        date=_date(r),
        tone=Tone(r.tone),
        status=r.status,
        place=r.place,
    )


def _date_row(obj: Any) -> FuzzyDate:
    return from_stored(obj.date, obj.start, obj.end, obj.precision, bool(obj.approximate))


def _optional_date_row(obj: Any) -> FuzzyDate | None:
    return _date_row(obj) if obj.date is not None else None
