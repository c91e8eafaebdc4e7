"""Knight Lab's TimelineJS JSON written out: one slide per event (`unique_id` = our event
id, `group` = its lane, the date as precise as the sources give it: a year-only date
has only `year`), the profile as the title slide, eras as eras. TimelineJS ignores
fields it does not know, so each slide also carries `timeline_viewer` with our exact
date (season, interval, approximate) and kind, which makes a round trip lossless
(`timelinejs` reads it back).
"""

from __future__ import annotations

import html
import json
from typing import Any

from viewer.core.catalog.read import Catalog
from viewer.core.dates.days import Day
from viewer.core.dates.fuzzy import (
    FuzzyDate,
    Precision,
)
from viewer.core.interchange.timelinejs import HUMAN_SCALE_MIN_YEAR
from viewer.core.records import Profile
from viewer.core.timeline.lanes import lane_of


def export_profile(catalog: Catalog, profile_id: str) -> dict[str, Any]:
    detail = catalog.profile_detail(profile_id)
    profile = detail.profile
    events = catalog.events(profile_id)
    details = {e.id: catalog.event_detail(e.id) for e in events}
    eras = catalog.eras()
    if any(d.start.year < HUMAN_SCALE_MIN_YEAR for d in [*(e.date for e in events),
                                                         *(a.date for a in eras)]):  # fmt: skip
        return _cosmological(_document(catalog, profile, events, details, eras))
    return _document(catalog, profile, events, details, eras)


def _cosmological(document: dict[str, Any]) -> dict[str, Any]:
    """TimelineJS draws years beyond its human scale (JavaScript dates stop near 100,000
    BCE) only on its cosmological scale, in whole years: dates are written so."""
    for slide in [*document["events"], *document["eras"]]:
        for key in ("start_date", "end_date"):
            if key in slide:
                slide[key] = {"year": slide[key]["year"]}
    return {"scale": "cosmological", **document}


def _document(
    catalog: Catalog, profile: Profile, events: list[Any], details: dict[str, Any], eras: list[Any]
) -> dict[str, Any]:
    lane_titles = [lane.label for lane in catalog.lanes]
    lane_of_event = catalog.event_lanes()
    return {
        "title": {
            "text": {
                "headline": html.escape(profile.title),
                "text": _markup(profile.summary, profile.summary_html) + _rating(profile),
            }
        },
        "events": [
            {
                "unique_id": e.id,
                "start_date": _tjs_date(e.date, end=False),
                **({"end_date": _tjs_date(e.date, end=True)} if _has_end(e.date) else {}),
                "display_date": e.date.label(),
                "text": {
                    "headline": html.escape(e.title),
                    "text": _markup(details[e.id].summary, details[e.id].summary_html),
                },
                "group": lane_titles[lane_of_event.get(e.id, lane_of(e.kind.value, catalog.lanes))],
                "timeline_viewer": {**_exact(e.date), "kind": e.kind.value},
            }
            for e in events
        ],
        "eras": [
            {
                "start_date": _whole_day(era.date.start),
                "end_date": _whole_day(era.date.end),
                "text": {"headline": html.escape(era.title)},
                "timeline_viewer": _exact(era.date),
            }
            for era in eras
        ],
    }


def _rating(profile: Profile) -> str:
    """The stance as rated, and by whom, where the catalog says (the editors or a source)."""
    if profile.rating_note is None:
        return ""
    flip = ", flip" if profile.flip else ""
    stance = f"Stance: {profile.stance} ({profile.strength}{flip})."
    return f"<p><i>{html.escape(stance)} {html.escape(profile.rating_note)}</i></p>"


def _markup(plain: str, rich: str | None) -> str:
    return rich or f"<p>{html.escape(plain)}</p>"


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _has_end(date: FuzzyDate) -> bool:
    return date.precision in (Precision.INTERVAL, Precision.SEASON)


def _tjs_date(date: FuzzyDate, *, end: bool) -> dict[str, Any]:
    """A slide's date. A point is written as precisely as it is known ({year} for a
    year); a span (a season, an interval) from its first day to its last: TimelineJS
    reads {year: 2016} as 1 January 2016, so an end in years or months would be drawn a
    year or a month short (our own precision stays in `timeline_viewer`)."""
    if _has_end(date):
        return _whole_day(date.end if end else date.start)
    day = date.start
    out: dict[str, Any] = {"year": _tjs_year(day.year)}
    if date.precision is Precision.YEAR:
        return out
    out["month"] = day.month
    if date.precision is Precision.DAY:
        out["day"] = day.day
    return out


def _whole_day(day: Day) -> dict[str, Any]:
    """A day as TimelineJS takes it whole (eras need full start and end dates: one written
    {year: 2025} to {year: 2025} is dropped, and then the whole timeline is refused)."""
    return {"year": _tjs_year(day.year), "month": day.month, "day": day.day}


def _tjs_year(year: int) -> int:
    """TimelineJS shows year -44 as "44 BCE": it counts without a year 0, we with one."""
    return year if year > 0 else year - 1


def _exact(date: FuzzyDate) -> dict[str, Any]:
    return {
        "edtf": date.edtf,
        "start": date.start.isoformat(),
        "end": date.end.isoformat(),
        "precision": date.precision.value,
        "approximate": date.approximate,
    }
