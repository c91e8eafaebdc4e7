"""The catalog schema version, in one place (no SQLAlchemy: the window reads it too).

1: the first; 2: BCE dates as day numbers, formatted summaries, profile titles;
3: date notes of quotes and actions, a profile's rating basis, event aliases;
4: the catalog's own lanes.
"""

SCHEMA_VERSION = 4
