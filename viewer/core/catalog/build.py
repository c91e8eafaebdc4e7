"""Compile a checked catalog document into the SQLite catalog the app reads.

Deterministic: records are written in id order with no timestamps, so building
the same sources twice gives the same content. The file is written next to its
destination and moved into place only when complete.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from contextlib import suppress
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.schema import CreateIndex, CreateTable

from viewer.core.catalog import schema
from viewer.core.catalog.document import FORMAT_VERSION, CheckedDocument
from viewer.core.catalog.summary import write_summary
from viewer.core.dates.fuzzy import FuzzyDate
from viewer.core.errors import ShouldStop, StoppedError, never
from viewer.core.rich_text import clean
from viewer.core.timeline.columns import write_stored_columns
from viewer.core.timeline.lanes import LANES


def build_catalog(document: CheckedDocument, out: Path, should_stop: ShouldStop = never) -> None:
    """Write `document` to a new SQLite catalog at `out`, replacing any file there.

    Asks `should_stop` between tables; stopped (`StoppedError`), it leaves nothing behind.
    The folder must exist: the builder never makes folders."""
    handle, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        _write(document, temp, should_stop)
        temp.chmod(0o644)
        temp.replace(out)
    finally:
        with suppress(FileNotFoundError):
            temp.unlink()


def _write(document: CheckedDocument, path: Path, should_stop: ShouldStop) -> None:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas)
    try:
        with engine.begin() as connection:
            # Tables, then indexes in name order: create_all's order varies between runs.
            tables = schema.Base.metadata.sorted_tables
            for table in tables:
                connection.execute(CreateTable(table))
            for index in sorted((i for t in tables for i in t.indexes), key=lambda i: str(i.name)):
                connection.execute(CreateIndex(index))
        rows = _rows(document)
        rows[schema.Meta] = [
            {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
            {"key": "format_version", "value": str(FORMAT_VERSION)},
        ]
        with engine.begin() as connection:
            for table in schema.Base.metadata.sorted_tables:
                model = _MODELS[table.name]
                if should_stop():
                    raise StoppedError
                if rows.get(model):
                    connection.execute(insert(model), rows[model])
            for statement in schema.FTS_STATEMENTS:
                if should_stop():
                    raise StoppedError
                connection.execute(text(statement))
            driver = connection.connection.driver_connection
            write_stored_columns(driver)  # type: ignore[arg-type]
            write_summary(driver)  # type: ignore[arg-type]
        with engine.connect() as connection:
            connection.exec_driver_sql("VACUUM")
    finally:
        engine.dispose()


_MODELS = {m.class_.__tablename__: m.class_ for m in schema.Base.registry.mappers}


def _pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA page_size=4096")
    cursor.close()


def _dated(date: FuzzyDate | None) -> dict[str, Any]:
    if date is None:
        return dict.fromkeys(
            ("date", "start", "end", "first_day", "last_day", "precision", "approximate")
        )
    return {
        "date": date.edtf,
        "start": date.start.isoformat(),
        "end": date.end.isoformat(),
        "first_day": date.start.toordinal(),
        "last_day": date.end.toordinal(),
        "precision": date.precision.value,
        "approximate": date.approximate,
    }


def _rich(record: dict[str, Any], from_outside: bool) -> str | None:
    """A record's formatted summary; cleaned, unless this app's import just made it."""
    markup = record.get("summary_html")
    if not markup:
        return None
    return (clean(markup).html or None) if from_outside else str(markup)


def _rows(doc: CheckedDocument) -> dict[type[schema.Base], list[dict[str, Any]]]:
    """Every row to insert, by model, as plain dicts for executemany."""
    c = doc.collections
    rows: dict[type[schema.Base], list[dict[str, Any]]] = defaultdict(list)
    for e in c["entities"]:
        fields = {k: v for k, v in e.items() if k != "aliases"}
        aliases = json.dumps(e["aliases"], ensure_ascii=False) if e["aliases"] else None
        rows[schema.EntityRow].append(dict(**fields, aliases=aliases))
    for s in c["sources"]:
        fields = {k: v for k, v in s.items() if k not in ("date", "authors")}
        rows[schema.SourceRow].append(
            dict(**fields, authors=json.dumps(s["authors"]), **_dated(doc.date_of(s)))
        )
    for era in c["eras"]:
        rows[schema.EraRow].append(
            dict(id=era["id"], title=era["title"], **_dated(doc.date_of(era)))
        )
    for p in c["profiles"]:
        rows[schema.ProfileRow].append(
            dict(
                id=p["id"],
                title=p.get("title"),
                subject_id=p["subject"],
                target_id=p["target"],
                stance=p["stance"],
                strength=p["strength"],
                flip=p["flip"],
                rating_source_id=p["rating_source"],
                rating_note=p["rating_note"],
                summary=p["summary"],
                summary_html=_rich(p, doc.html_from_outside),
                context=p["context"] or "",
            )
        )
        for i, a in enumerate(p["actions"]):
            rows[schema.ProfileActionRow].append(
                dict(
                    profile_id=p["id"],
                    position=i,
                    category=a["category"],
                    description=a["description"],
                    event_id=a["event"],
                    date_note=a["date_note"],
                    **_dated(doc.date_of(a)),
                )
            )
        for i, k in enumerate(p["criticism"]):
            rows[schema.CriticismRow].append(
                dict(
                    profile_id=p["id"],
                    position=i,
                    critic=k["critic"],
                    critic_entity_id=k["critic_entity"],
                    text=k["text"],
                    quote_id=k["quote"],
                )
            )
    lanes = c.get("lanes") or [
        {"id": lane.key, "title": lane.label, "kinds": [k.value for k in lane.kinds]}
        for lane in LANES
    ]
    for position, lane in enumerate(lanes):
        rows[schema.LaneRow].append(
            dict(
                id=lane["id"], title=lane["title"], position=position, kinds=",".join(lane["kinds"])
            )
        )
    quote_rowid = 0
    for ev in c["events"]:
        rows[schema.EventRow].append(
            dict(
                id=ev["id"],
                kind=ev["kind"],
                status=ev["status"],
                title=ev["title"],
                place=ev["place"],
                summary=ev["summary"],
                summary_html=_rich(ev, doc.html_from_outside),
                tone=ev["tone"],
                date_note=ev["date_note"],
                lane_id=ev.get("lane"),
                **_dated(doc.date_of(ev)),
            )
        )
        rows[schema.EventAliasRow] += [dict(alias=a, event_id=ev["id"]) for a in ev["aliases"]]
        rows[schema.EventParticipantRow] += [
            dict(event_id=ev["id"], position=i, entity_id=who)
            for i, who in enumerate(ev["participants"])
        ]
        rows[schema.EventProfileRow] += [
            dict(event_id=ev["id"], profile_id=p) for p in ev["profiles"]
        ]
        rows[schema.EventSourceRow] += [
            dict(event_id=ev["id"], position=i, source_id=src)
            for i, src in enumerate(ev["sources"])
        ]
        for i, q in enumerate(ev["quotes"]):
            quote_rowid += 1
            rows[schema.QuoteRow].append(
                dict(
                    rowid=quote_rowid,
                    id=q["id"],
                    event_id=ev["id"],
                    position=i,
                    speaker_id=q["speaker"],
                    text=q["text"],
                    source_id=q["source"],
                    tone=q["tone"],
                    variant_of=q["variant_of"],
                    note=q["note"],
                    date_note=q["date_note"],
                    **_dated(doc.date_of(q)),
                )
            )
    return rows
