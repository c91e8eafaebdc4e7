"""What a picture of the timeline says about itself: its title and where the data is from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from viewer.core.frozen import frozen


@frozen
class Caption:
    title: str  # "Donald Trump on Vladimir Putin"
    source: str  # where the data comes from


def source_line(
    catalog_name: str, sources: Sequence[str] = (), today: dt.date | None = None
) -> str:
    """The picture's footer: the sources first (the first four, and how many more),
    then what made the picture and when."""
    day = (today or dt.date.today()).isoformat()
    named = "; ".join(sources[:4]) + (f"; and {len(sources) - 4} more" if len(sources) > 4 else "")
    cited = f"Sources: {named} · " if named else ""
    return f"{cited}Timeline Viewer, catalog {catalog_name} · exported {day}"
