"""What a picture of the timeline says about itself: its title and where the data is from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Caption:
    title: str  # "Donald Trump on Vladimir Putin"
    source: str  # where the data comes from


def source_line(catalog_name: str, today: dt.date | None = None) -> str:
    day = (today or dt.date.today()).isoformat()
    return (
        f"Timeline Viewer · catalog {catalog_name} · quotes and dates from the sources it "
        f"cites · exported {day}"
    )
