"""What a catalog holds, counted once when it is built and kept in its meta table.

A catalog never changes once built, so the counts the window shows at start (events,
quotes, sources; which profile is the main one) are stored with it: counting a million
quotes at every start took half a second. A catalog built before this, or one whose
stored counts do not read as counts, is counted instead.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping

#: The tables the status line and `catalog list` count.
COUNTED = ("entity", "source", "profile", "event", "quote", "era")
COUNTS_KEY, PROFILE_EVENTS_KEY = "counts", "profile_events"


def count_rows(conn: sqlite3.Connection) -> dict[str, int]:
    """How many rows each counted table has, in one statement."""
    counted = ", ".join(f"(SELECT count(*) FROM {t})" for t in COUNTED)
    row = conn.execute(f"SELECT {counted}").fetchone()
    return {table: int(n) for table, n in zip(COUNTED, row, strict=True)}


def count_profile_events(conn: sqlite3.Connection) -> dict[str, int]:
    """How many events each profile has."""
    rows = conn.execute("SELECT profile_id, count(*) FROM event_profile GROUP BY profile_id")
    return {str(profile): int(n) for profile, n in rows}


def write_summary(conn: sqlite3.Connection) -> None:
    """Store the counts in the catalog being built (after every row is in)."""
    conn.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [
            (COUNTS_KEY, json.dumps(count_rows(conn), sort_keys=True)),
            (PROFILE_EVENTS_KEY, json.dumps(count_profile_events(conn), sort_keys=True)),
        ],
    )


def stored_counts(meta: Mapping[str, str], key: str) -> dict[str, int] | None:
    """The counts stored under `key`, or None when there are none that read as counts
    (an older catalog, or a file this app did not make)."""
    try:
        value = json.loads(meta.get(key) or "null")
    except (TypeError, ValueError):
        return None
    if not isinstance(value, dict):
        return None
    if not all(isinstance(k, str) and type(n) is int and n >= 0 for k, n in value.items()):
        return None
    return value
