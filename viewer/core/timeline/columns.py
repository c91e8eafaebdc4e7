"""The timeline's columns, precomputed into the catalog when it is built.

The catalog is read-only, so the columns the timeline needs (ids, titles, days,
lane, tone, precision) can be computed once at build time and stored as blobs,
one per column and profile. Opening a profile is then a handful of reads and
`numpy.frombuffer` calls instead of sorting and converting every row, which is
what keeps a catalog of a million events quick to open.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from viewer.core.records import Tone
from viewer.core.timeline.codes import PRECISION_CODE
from viewer.core.timeline.data import TimelineData
from viewer.core.timeline.lanes import LANES, TONE_CODE, Lane, lanes_from_rows
from viewer.core.timeline.packed_titles import PackedTitles
from viewer.core.timeline.stance import StanceTrack, stance_points

ALL = ""  # the cache key for "every event, no profile"
SEPARATOR = "\x1f"  # unit separator: document.py refuses control characters in titles
_NUMERIC = {
    "start": np.int32,
    "end": np.int32,
    "lane": np.int8,
    "tone": np.int8,
    "precision": np.int8,
    "approximate": np.bool_,
    "cancelled": np.bool_,
}

CREATE = (
    "CREATE TABLE timeline_cache (profile_id TEXT NOT NULL, name TEXT NOT NULL, "
    "data BLOB NOT NULL, PRIMARY KEY (profile_id, name)) WITHOUT ROWID"
)


def _case(column: str, mapping: dict[str, int], otherwise: str = "0") -> str:
    """A SQL CASE mapping a text column to small integers."""
    whens = " ".join(f"WHEN {_literal(key)} THEN {value}" for key, value in mapping.items())
    return f"CASE {column} {whens} ELSE {otherwise} END" if whens else otherwise


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"  # a lane id from the file: quoted, always


def catalog_lanes(conn: sqlite3.Connection) -> tuple[Lane, ...]:
    """The catalog's lanes, top to bottom (the political lanes for one without)."""
    try:
        rows = conn.execute("SELECT id, title, kinds FROM lane ORDER BY position").fetchall()
    except sqlite3.OperationalError:  # no lane table (an older catalog read bare)
        return LANES
    return lanes_from_rows(rows)


def _lane_case(lanes: tuple[Lane, ...]) -> str:
    """An event's lane number: the lane it names, else the lane listing its kind, else
    the last lane (the political lanes list every kind)."""
    by_kind = {kind.value: n for n, lane in enumerate(lanes) for kind in lane.kinds}
    fallback = "0" if lanes is LANES else str(len(lanes) - 1)
    named = {lane.key: n for n, lane in enumerate(lanes)}
    return _case("e.lane_id", named, _case("e.kind", by_kind, fallback))


def query_columns(conn: sqlite3.Connection, profile_id: str | None) -> TimelineData:
    """Compute the columns with SQL (at build time, or for a catalog without a cache)."""
    lanes = catalog_lanes(conn)
    sql = (
        "SELECT e.id, e.title, e.first_day, e.last_day + 1, "
        f"{_lane_case(lanes)}, "
        f"{_case('e.tone', {t.value: n for t, n in TONE_CODE.items()})}, "
        f"{_case('e.precision', {p.value: n for p, n in PRECISION_CODE.items()})}, "
        "e.approximate, e.status IN ('cancelled', 'not-held') FROM event e "
    )
    params: tuple[str, ...] = ()
    if profile_id:
        sql += "JOIN event_profile p ON p.event_id = e.id WHERE p.profile_id = ? "
        params = (profile_id,)
    sql += "ORDER BY e.first_day, e.id"
    rows = conn.execute(sql, params).fetchall()
    if not rows:
        return TimelineData.empty(len(lanes))
    ids, titles, start, end, lane, tone, precision, approx, cancelled = zip(*rows, strict=True)
    return TimelineData.from_columns(
        list(ids),
        list(titles),
        np.array(start, dtype=np.float64),
        np.array(end, dtype=np.float64),
        np.array(lane, dtype=np.int8),
        np.array(tone, dtype=np.int8),
        np.array(precision, dtype=np.int8),
        np.array(approx, dtype=np.bool_),
        np.array(cancelled, dtype=np.bool_),
        lane_count=len(lanes),
    )


_STANCE_SQL = (
    "SELECT q.event_id, e.first_day, e.last_day + 1, q.tone "
    "FROM quote q JOIN event e ON e.id = q.event_id AND e.kind != 'context' "
    "JOIN event_profile ep ON ep.event_id = e.id AND ep.profile_id = ? "
    "JOIN profile p ON p.id = ep.profile_id AND q.speaker_id = p.subject_id"
)
_STANCE_BLOBS = ("stance_ids", "stance_start", "stance_end", "stance_tone")


def query_stance(conn: sqlite3.Connection, profile_id: str) -> StanceTrack:
    """The profile subject's own words over time, one point per event, from the tables.
    Words at a context event (background, not about the target) do not count."""
    rows = conn.execute(_STANCE_SQL, (profile_id,)).fetchall()
    known = {tone.value: tone for tone in Tone}
    return StanceTrack.of(
        stance_points(
            (eid, round(s), round(e), known[tone]) for eid, s, e, tone in rows if tone in known
        )
    )


def read_stance(conn: sqlite3.Connection, profile_id: str) -> StanceTrack | None:
    """The stance track stored at build time, or None (an older catalog: read the tables)."""
    names = ", ".join(f"'{name}'" for name in _STANCE_BLOBS)
    try:
        rows = conn.execute(
            f"SELECT name, data FROM timeline_cache WHERE profile_id = ? AND name IN ({names})",
            (profile_id,),
        ).fetchall()
    except sqlite3.OperationalError:
        return None
    blobs = {name: bytes(data) for name, data in rows}
    if set(blobs) != set(_STANCE_BLOBS):
        return None
    try:
        text = blobs["stance_ids"].decode("utf-8")
        ids = tuple(text.split(SEPARATOR)) if text else ()
        start = np.frombuffer(blobs["stance_start"], dtype=np.float64)
        end = np.frombuffer(blobs["stance_end"], dtype=np.float64)
        tone = np.frombuffer(blobs["stance_tone"], dtype=np.int8)
    except (TypeError, ValueError):
        return None
    if not (len(ids) == len(start) == len(end) == len(tone)):
        return None
    if len(tone) and (tone.min() < 0 or tone.max() > 3 or (end < start).any()):
        return None
    if len(start) > 1 and (np.diff((start + end) / 2) < 0).any():
        return None  # not in the order a track is kept in
    return StanceTrack(ids, start, end, tone)


def _column_types(data: TimelineData) -> dict[str, type]:
    """The stored type of each numeric column: days in 32 bits, unless a day lies beyond
    them (about 5.8 million years; a cosmological timeline reaches billions)."""
    if len(data.start) and (data.start.min() < _INT32[0] or data.end.max() > _INT32[1]):
        return {**_NUMERIC, "start": np.int64, "end": np.int64}
    return dict(_NUMERIC)


_INT32 = (np.iinfo(np.int32).min, np.iinfo(np.int32).max)


def write_stored_columns(conn: sqlite3.Connection) -> None:
    """Store the columns of every profile (and of all events) in `timeline_cache`."""
    conn.execute(CREATE)
    profiles = [ALL] + [r[0] for r in conn.execute("SELECT id FROM profile ORDER BY id")]
    for profile_id in profiles:
        data = query_columns(conn, profile_id)
        blobs = {
            "ids": SEPARATOR.join(data.ids).encode("utf-8"),
            "titles": SEPARATOR.join(data.titles).encode("utf-8"),
        }
        types = _column_types(data)
        for name, dtype in types.items():
            blobs[name] = np.ascontiguousarray(getattr(data, name), dtype=dtype).tobytes()
        if types["start"] is np.int64:
            blobs["deep"] = b"1"  # says the days are stored in 64 bits
        if profile_id != ALL:  # its stance track, one point per event with its tone
            track = query_stance(conn, profile_id)
            blobs["stance_ids"] = SEPARATOR.join(track.event_ids).encode("utf-8")
            blobs["stance_start"] = np.ascontiguousarray(track.start).tobytes()
            blobs["stance_end"] = np.ascontiguousarray(track.end).tobytes()
            blobs["stance_tone"] = np.ascontiguousarray(track.tone).tobytes()
        conn.executemany(
            "INSERT INTO timeline_cache VALUES (?, ?, ?)",
            [(profile_id, name, blob) for name, blob in sorted(blobs.items())],
        )


def read_stored_columns(
    conn: sqlite3.Connection, profile_id: str | None, lane_count: int = len(LANES)
) -> TimelineData | None:
    """The columns stored at build time (in the `timeline_cache` table, a name kept for
    catalogs already built), or None when the catalog has none for this profile."""
    try:
        rows = conn.execute(  # not the stance track's columns (read_stance reads them)
            "SELECT name, data FROM timeline_cache WHERE profile_id = ? "
            f"AND name NOT IN ({', '.join('?' * len(_STANCE_BLOBS))})",
            (profile_id or ALL, *_STANCE_BLOBS),
        ).fetchall()
    except sqlite3.OperationalError:
        return None
    blobs = dict(rows)
    types = dict(_NUMERIC)
    if "deep" in blobs:  # days beyond 32 bits (deep time): 64-bit start and end
        types.update(start=np.int64, end=np.int64)
        del blobs["deep"]
    if set(blobs) != {"ids", "titles", *_NUMERIC}:
        return None
    try:  # a cache that does not add up is not used: the columns are read from the tables
        ids_text = bytes(blobs["ids"]).decode("utf-8")
        if not ids_text:
            return TimelineData.empty(lane_count)
        ids = ids_text.split(SEPARATOR)
        titles = PackedTitles.split(bytes(blobs["titles"]), SEPARATOR, len(ids))
        columns: dict[str, np.ndarray] = {
            name: np.frombuffer(blobs[name], dtype=dtype) for name, dtype in types.items()
        }
    except (TypeError, ValueError):
        return None
    if titles is None or any(len(c) != len(ids) for c in columns.values()):
        return None
    for name, codes in (
        ("lane", range(lane_count)),
        ("tone", TONE_CODE.values()),
        ("precision", PRECISION_CODE.values()),
    ):
        known = list(codes)
        column = columns[name]
        if column.min() < min(known) or column.max() > max(known):
            return None
    if (columns["end"] < columns["start"]).any():
        return None
    return TimelineData.from_columns(
        ids,
        titles,
        columns["start"].astype(np.float64),
        columns["end"].astype(np.float64),
        columns["lane"],
        columns["tone"],
        columns["precision"],
        columns["approximate"],
        columns["cancelled"],
        lane_count=lane_count,
    )
