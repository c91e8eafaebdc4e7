"""Catalogs of an older schema, read through views that give them today's columns.

Schema version 1 (before dates could be BCE) stored a date's days only as ISO text.
Opening one adds, per dated table, a temporary view of the same name with the
ordinal columns computed by SQLite's `julianday`, which is right for the years 1 to
9999 that version could hold. Temporary views belong to the connection, not the
file, so the catalog is still never written; a catalog the user imported with an
older version of the app keeps opening after an update.
"""

from __future__ import annotations

import sqlite3

#: Schema versions still read, besides the current one.
OLDER_VERSIONS = frozenset({1})
_DATED_TABLES = ("era", "event", "profile_action", "quote", "source")
# julianday() of a day's midnight, less this, is its ordinal (0001-01-01 is 1).
_JULIAN_SHIFT = 1721424.5


def add_day_columns(conn: sqlite3.Connection) -> None:
    """Shadow each dated table with a view adding `first_day` and `last_day`."""
    for table in _DATED_TABLES:
        conn.execute(
            f"CREATE TEMP VIEW IF NOT EXISTS {table} AS SELECT *, "
            f"CAST(julianday(start) - {_JULIAN_SHIFT} AS INTEGER) AS first_day, "
            f'CAST(julianday("end") - {_JULIAN_SHIFT} AS INTEGER) AS last_day '
            f"FROM main.{table}"
        )
