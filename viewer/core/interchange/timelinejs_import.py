"""A TimelineJS timeline made into a catalog of its own, which the app then opens.

The catalog gets one profile (the timeline), one source (the file it came from), the
slides as events and the eras. The file's groups become the catalog's lanes, in the
order they first appear (slides without a group share one more lane, "Events"); a
file without groups gets one lane. A group named like one of our kinds' lanes (a file
this app exported) also gives its events that kind.
Nothing of the bundled catalog is touched; the new file goes where it is asked to,
by default the user's `catalogs/` folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from viewer.core.catalog.build import build_catalog
from viewer.core.catalog.document import CheckedDocument
from viewer.core.dates.fuzzy import FuzzyDate
from viewer.core.errors import ShouldStop, StoppedError, never
from viewer.core.interchange.timelinejs import Timeline, TimelineJSError, read
from viewer.core.paths import CATALOG_SUFFIX
from viewer.core.timeline.lanes import LANES

PROFILE_ID = "imported-timeline"
_LANE_KIND = {lane.label.lower(): lane.kinds[0].value for lane in LANES}
_CONTEXT = next(lane.kinds[0].value for lane in LANES if lane.label == "Context")
UNGROUPED = "Events"  # the lane of slides without a group


def import_file(path: Path, out: Path, should_stop: ShouldStop = never) -> tuple[Path, int]:
    """Read a TimelineJS file and write it as a catalog at `out`; (file, events).

    `should_stop` is asked now and then; when it says so, `StoppedError` is raised and
    nothing has been written."""
    timeline = read(path, should_stop)  # raises TimelineJSError, before anything is written
    if should_stop():
        raise StoppedError
    if not timeline.slides:
        raise TimelineJSError(f"{path} has no events (slides): there is nothing to import.")
    document = to_document(timeline, path.name)
    build_catalog(document, out, should_stop)
    return out, len(timeline.slides)


def default_name(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "timeline"
    return f"{slug}{CATALOG_SUFFIX}"


def to_document(timeline: Timeline, file_name: str) -> CheckedDocument:
    dates: dict[int, FuzzyDate] = {}

    def dated(record: dict[str, Any], date: FuzzyDate) -> dict[str, Any]:
        dates[id(record)] = date
        return record

    title = timeline.title or file_name
    entities = [
        _entity("imported-timeline-author", "Imported timeline", f"TimelineJS file {file_name}"),
        _entity("imported-timeline-subject", title, None),
    ]
    sources: list[dict[str, Any]] = [
        {
            "id": "imported-timeline-file",
            "publisher": None,
            "title": file_name,
            "authors": [],
            "date": None,
            "url": None,
            "reliability": "reliable",
            "note": "A TimelineJS file imported into Timeline Viewer.",
            "held_copy": None,
        }
    ]
    profile = {
        "id": PROFILE_ID,
        "title": title,  # the timeline's own, not "Imported timeline on …"
        "subject": "imported-timeline-author",
        "target": "imported-timeline-subject",
        "stance": "Neutral",
        "strength": "weak",
        "flip": False,
        "rating_source": None,
        "rating_note": None,
        "summary": timeline.text or f"Imported from {file_name}.",
        "summary_html": timeline.html,
        "context": "",
        "actions": [],
        "criticism": [],
    }
    lanes = _lanes(timeline)
    lane_of_group = {lane["title"]: lane["id"] for lane in lanes}
    events = []
    for slide in timeline.slides:
        kind = slide.kind or _LANE_KIND.get((slide.group or "").lower(), _CONTEXT)
        summary, rich = slide.text, slide.html
        events.append(
            dated(
                {
                    "id": slide.id,
                    "kind": kind,
                    "status": "held",
                    "title": slide.headline[:500],
                    "place": None,
                    "summary": summary,
                    "summary_html": rich,
                    "tone": "neutral",
                    "date_note": (
                        f"The file gives the date as “{slide.display_date}”."
                        if slide.display_date
                        else None
                    ),
                    "participants": [],
                    "profiles": [PROFILE_ID],
                    "sources": ["imported-timeline-file"],
                    "quotes": [],
                    "lane": lane_of_group[_group(slide.group)],
                    "aliases": [],
                },
                slide.date,
            )
        )
    eras = [
        dated({"id": f"imported-era-{n + 1}", "title": name[:200]}, date)
        for n, (name, date) in enumerate(timeline.eras)
    ]
    collections = {
        "entities": entities,
        "sources": sources,
        "eras": eras,
        "lanes": lanes,
        "profiles": [profile],
        "events": sorted(events, key=lambda e: (dates[id(e)].start, e["id"])),
    }
    return CheckedDocument(collections, dates, html_from_outside=False)


def _group(name: str | None) -> str:
    return (name or "").strip()[:200] or UNGROUPED


def _lanes(timeline: Timeline) -> list[dict[str, Any]]:
    """One lane per group, in the order the groups first appear."""
    titles = list(dict.fromkeys(_group(slide.group) for slide in timeline.slides))
    used: set[str] = set()
    lanes = []
    for number, title in enumerate(titles, start=1):
        base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-") or "lane"
        key, again = base, number
        while key in used:  # two groups spelled alike ("Art" and "art!")
            key, again = f"{base}-{again}", again + 1
        used.add(key)
        lanes.append({"id": key, "title": title, "kinds": []})
    return lanes


def _entity(entity_id: str, name: str, role: str | None) -> dict[str, Any]:
    return {
        "id": entity_id, "name": name, "kind": "group", "role": role, "description": None,
        "aliases": [],
    }  # fmt: skip
