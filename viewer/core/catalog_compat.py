"""Catalogs of an older schema, read through views that give them today's columns.

Schema version 1 (before dates could be BCE) stored a date's days only as ISO text,
summaries only as plain text, and no heading of a profile's own. Opening one adds,
per table that changed, a temporary view of the same name: the ordinal columns
computed by SQLite's `julianday` (right for the years 1 to 9999 that version could
hold), no formatted summary and no heading. Temporary views belong to the
connection, not the file, so the catalog is still never written; a catalog the user
imported with an older version of the app keeps opening after an update.
"""

from __future__ import annotations

import sqlite3

#: Schema versions still read, besides the current one.
OLDER_VERSIONS = frozenset({1})
# julianday() of a day's midnight, less this, is its ordinal (0001-01-01 is 1).
_JULIAN_SHIFT = 1721424.5
_DAYS = (
    f"CAST(julianday(start) - {_JULIAN_SHIFT} AS INTEGER) AS first_day, "
    f'CAST(julianday("end") - {_JULIAN_SHIFT} AS INTEGER) AS last_day'
)
_NEW_COLUMNS = {
    "era": _DAYS,
    "event": f"{_DAYS}, NULL AS summary_html",
    "profile": "NULL AS summary_html, NULL AS title",
    "profile_action": _DAYS,
    "quote": _DAYS,
    "source": _DAYS,
}


def add_new_columns(conn: sqlite3.Connection) -> None:
    """Shadow each table that changed with a view adding today's columns."""
    for table, columns in _NEW_COLUMNS.items():
        conn.execute(
            f"CREATE TEMP VIEW IF NOT EXISTS {table} AS SELECT *, {columns} FROM main.{table}"
        )
