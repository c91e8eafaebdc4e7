"""Catalogs of an older schema, read through views that give them today's columns.

Schema version 1 (before dates could be BCE) stored a date's days only as ISO text,
summaries only as plain text, and no heading of a profile's own. Opening one adds,
per table that changed, a temporary view of the same name: the ordinal columns
computed by SQLite's `julianday` (right for the years 1 to 9999 that version could
hold), no formatted summary and no heading. Version 2 had no date notes on quotes
and actions, no rating basis of a profile and no event aliases: those read as empty.
Version 3 had no lanes of its own: it reads with the political lanes.
Temporary views belong to the
connection, not the file, so the catalog is still never written; a catalog the user
imported with an older version of the app keeps opening after an update.
"""

from __future__ import annotations

import sqlite3

#: Schema versions still read, besides the current one.
OLDER_VERSIONS = frozenset({1, 2, 3})
# julianday() of a day's midnight, less this, is its ordinal (0001-01-01 is 1).
_JULIAN_SHIFT = 1721424.5
_DAYS = (
    f"CAST(julianday(start) - {_JULIAN_SHIFT} AS INTEGER) AS first_day, "
    f'CAST(julianday("end") - {_JULIAN_SHIFT} AS INTEGER) AS last_day'
)
#: The columns each version added, by table: a catalog of version N lacks those of
#: every version after N.
_ADDED: dict[int, dict[str, str]] = {
    2: {
        "era": _DAYS,
        "event": f"{_DAYS}, NULL AS summary_html",
        "profile": "NULL AS summary_html, NULL AS title",
        "profile_action": _DAYS,
        "quote": _DAYS,
        "source": _DAYS,
    },
    3: {
        "profile": "NULL AS rating_source_id, NULL AS rating_note",
        "profile_action": "NULL AS date_note",
        "quote": "NULL AS date_note",
        "source": "NULL AS held_copy",
        "entity": "NULL AS aliases",
    },
    4: {"event": "NULL AS lane_id"},
}
#: Tables a version added, as empty views of their columns.
_ADDED_TABLES: dict[int, dict[str, str]] = {
    3: {"event_alias": "SELECT NULL AS alias, NULL AS event_id WHERE 0"},
    # No lanes of its own: the political lanes, by event kind (viewer.core.timeline.lanes).
    4: {"lane": "SELECT NULL AS id, NULL AS title, NULL AS position, NULL AS kinds WHERE 0"},
}


def add_new_columns(conn: sqlite3.Connection, version: int) -> None:
    """Shadow each table that changed since `version` with a view adding today's columns."""
    columns: dict[str, list[str]] = {}
    for added_in, tables in sorted(_ADDED.items()):
        if added_in > version:
            for table, sql in tables.items():
                columns.setdefault(table, []).append(sql)
    for table, parts in columns.items():
        conn.execute(
            f"CREATE TEMP VIEW IF NOT EXISTS {table} AS "
            f"SELECT *, {', '.join(parts)} FROM main.{table}"
        )
    for added_in, views in sorted(_ADDED_TABLES.items()):
        if added_in > version:
            for table, sql in views.items():
                conn.execute(f"CREATE TEMP VIEW IF NOT EXISTS {table} AS {sql}")
