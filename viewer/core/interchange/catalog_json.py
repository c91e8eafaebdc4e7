"""Export a built catalog as one JSON document (the backup and interchange format).

The document has exactly the shape `viewer.core.catalog.document` checks, so
`timeline-viewer build-data --from-json FILE` rebuilds an identical catalog.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import select

from viewer.core.catalog import schema
from viewer.core.catalog.document import FORMAT, FORMAT_VERSION
from viewer.core.catalog.read import Catalog


def export_document(catalog: Catalog) -> dict[str, Any]:
    """The whole catalog as a JSON-ready dict, records in id order."""
    with catalog.orm_session() as s:
        entities = [
            {
                "id": e.id,
                "name": e.name,
                "kind": e.kind,
                "role": e.role,
                "description": e.description,
                "aliases": json.loads(e.aliases) if e.aliases else [],
            }
            for e in s.scalars(select(schema.EntityRow).order_by(schema.EntityRow.id))
        ]
        sources = [
            {
                "id": r.id,
                "publisher": r.publisher,
                "title": r.title,
                "authors": json.loads(r.authors),
                "date": r.date,
                "url": r.url,
                "reliability": r.reliability,
                "note": r.note,
                "held_copy": r.held_copy,
            }
            for r in s.scalars(select(schema.SourceRow).order_by(schema.SourceRow.id))
        ]
        eras = [
            {"id": r.id, "title": r.title, "date": r.date}
            for r in s.scalars(select(schema.EraRow).order_by(schema.EraRow.id))
        ]
        actions = _grouped(
            s.scalars(select(schema.ProfileActionRow).order_by(schema.ProfileActionRow.position)),
            lambda a: (
                a.profile_id,
                {
                    "category": a.category,
                    "description": a.description,
                    "date": a.date,
                    "date_note": a.date_note,
                    "event": a.event_id,
                },
            ),
        )
        criticism = _grouped(
            s.scalars(select(schema.CriticismRow).order_by(schema.CriticismRow.position)),
            lambda c: (
                c.profile_id,
                {
                    "critic": c.critic,
                    "critic_entity": c.critic_entity_id,
                    "text": c.text,
                    "quote": c.quote_id,
                },
            ),
        )
        profiles = [
            {
                "id": p.id,
                **({"title": p.title} if p.title else {}),
                "subject": p.subject_id,
                "target": p.target_id,
                "stance": p.stance,
                "strength": p.strength,
                "flip": p.flip,
                "rating_source": p.rating_source_id,
                "rating_note": p.rating_note,
                "summary": p.summary,
                **_rich(p.summary_html),
                "context": p.context or None,
                "actions": actions[p.id],
                "criticism": criticism[p.id],
            }
            for p in s.scalars(select(schema.ProfileRow).order_by(schema.ProfileRow.id))
        ]
        events = _events(s)
        lanes = [
            {"id": lane.id, "title": lane.title, "kinds": [k for k in lane.kinds.split(",") if k]}
            for lane in s.scalars(select(schema.LaneRow).order_by(schema.LaneRow.position))
        ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "entities": entities,
        "sources": sources,
        "eras": eras,
        "lanes": lanes,
        "profiles": profiles,
        "events": events,
    }


def _events(s: Any) -> list[dict[str, Any]]:
    participants = _grouped(
        s.execute(
            select(schema.EventParticipantRow).order_by(schema.EventParticipantRow.position)
        ).scalars(),
        lambda r: (r.event_id, r.entity_id),
    )
    profiles = _grouped(
        s.execute(
            select(schema.EventProfileRow).order_by(schema.EventProfileRow.profile_id)
        ).scalars(),
        lambda r: (r.event_id, r.profile_id),
    )
    sources = _grouped(
        s.execute(select(schema.EventSourceRow).order_by(schema.EventSourceRow.position)).scalars(),
        lambda r: (r.event_id, r.source_id),
    )
    quotes = _grouped(
        s.execute(select(schema.QuoteRow).order_by(schema.QuoteRow.position)).scalars(),
        lambda q: (
            q.event_id,
            {
                "id": q.id,
                "speaker": q.speaker_id,
                "text": q.text,
                "date": q.date,
                "date_note": q.date_note,
                "source": q.source_id,
                "tone": q.tone,
                "variant_of": q.variant_of,
                "note": q.note,
            },
        ),
    )
    aliases = _grouped(
        s.execute(select(schema.EventAliasRow).order_by(schema.EventAliasRow.alias)).scalars(),
        lambda r: (r.event_id, r.alias),
    )
    return [
        {
            "id": e.id,
            "date": e.date,
            "date_note": e.date_note,
            "kind": e.kind,
            "status": e.status,
            "title": e.title,
            "place": e.place,
            "summary": e.summary,
            **_rich(e.summary_html),
            "tone": e.tone,
            "participants": participants[e.id],
            "profiles": profiles[e.id],
            "sources": sources[e.id],
            "quotes": quotes[e.id],
            "lane": e.lane_id,
            "aliases": aliases[e.id],
        }
        for e in s.scalars(select(schema.EventRow).order_by(schema.EventRow.id))
    ]


def _grouped(rows: Any, split: Any) -> defaultdict[str, list[Any]]:
    groups: defaultdict[str, list[Any]] = defaultdict(list)
    for row in rows:
        key, value = split(row)
        groups[key].append(value)
    return groups


def dumps(document: dict[str, Any]) -> str:
    """Stable, diff-friendly JSON text."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _rich(summary_html: str | None) -> dict[str, str]:
    """The formatted summary, only where there is one (most records have none)."""
    return {"summary_html": summary_html} if summary_html else {}
