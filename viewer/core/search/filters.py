"""What narrows a search besides its words (a speaker, a profile, kinds, reliability,
dates, a set of events), and the SQL conditions that apply it."""

from __future__ import annotations

import json

from viewer.core.frozen import frozen


@frozen
class Filters:
    """What narrows a search, besides the words. Empty means no restriction."""

    speaker_id: str | None = None
    profile_id: str | None = None
    kinds: frozenset[str] = frozenset()
    reliability: str | None = None  # "reliable" or "paraphrased"
    start: int | None = None  # first and last day (ordinals), inclusive
    end: int | None = None
    event_ids: frozenset[str] | None = None  # only these events (the user's starred, a tag…)


#: No restriction (every search's default).
NO_FILTERS = Filters()


def where_sql(filters: Filters, *, events: bool = False) -> tuple[str, list[object]]:
    """SQL conditions (and their parameters) for the filters, on quotes `q` or events `e`.

    Both queries join the event as `e`; dates and event ids are taken from the quote
    itself when searching quotes. A speaker filter on events means taking part.
    """
    dated = "e" if events else "q"
    event_id = "e.id" if events else "q.event_id"
    clauses: list[str] = []
    params: list[object] = []
    if filters.speaker_id:
        clauses.append(
            "e.id IN (SELECT event_id FROM event_participant WHERE entity_id = ?)"
            if events
            else "q.speaker_id = ?"
        )
        params.append(filters.speaker_id)
    if filters.profile_id:
        clauses.append(f"{event_id} IN (SELECT event_id FROM event_profile WHERE profile_id = ?)")
        params.append(filters.profile_id)
    if filters.kinds:
        clauses.append(f"e.kind IN ({','.join('?' * len(filters.kinds))})")
        params += sorted(filters.kinds)
    if filters.reliability and not events:
        clauses.append("q.source_id IN (SELECT id FROM source WHERE reliability = ?)")
        params.append(filters.reliability)
    if filters.start is not None:
        clauses.append(f"{dated}.last_day >= ?")
        params.append(filters.start)
    if filters.end is not None:
        clauses.append(f"{dated}.first_day <= ?")
        params.append(filters.end)
    if filters.event_ids is not None:
        clauses.append(f"{event_id} IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(filters.event_ids)))
    return "".join(f" AND {c}" for c in clauses), params
