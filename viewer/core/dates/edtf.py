"""Parse EDTF strings into `FuzzyDate`s (only when data/ is compiled).

Supported, from the Library of Congress EDTF levels 0 and 1: a day `2018-07-16`, a
month `2017-11`, a year `2015`, a season `2025-21` (21 spring ... 24 winter), any of
these approximate or uncertain (`2025-05~`, `2014?`, `2014%`), and a closed interval
of them (`2025-02/2025-06`).
"""

from __future__ import annotations

import re
import time
from functools import lru_cache

from viewer.core.dates.days import Day
from viewer.core.dates.fuzzy import FuzzyDate, Precision
from viewer.core.errors import ViewerError

_PART = re.compile(r"^(?P<body>-?\d{4}(?:-\d{2}(?:-\d{2})?)?)(?P<flag>[~?%])?$")


class DateError(ViewerError, ValueError):
    """An EDTF string we cannot (or will not) store."""


@lru_cache(maxsize=4096)  # the EDTF grammar is slow (~7 ms a string); dates repeat
def parse(text: str) -> FuzzyDate:
    """Parse one EDTF string, raising `DateError` with a reader-friendly message."""
    import edtf  # noqa: PLC0415 - only needed at build time

    if not isinstance(text, str) or not text.strip():
        raise DateError("an empty date; write an EDTF date such as 2018-07-16, 2017-11 or 2015")
    text = text.strip()
    if ".." in text or text.startswith("/") or text.endswith("/"):
        raise DateError(f"open-ended interval {text!r} is not supported; give both ends")
    try:
        parsed = edtf.parse_edtf(text)
    except Exception as exc:  # the parser raises several types
        raise DateError(f"malformed EDTF date {text!r}") from exc
    try:
        start = _to_date(parsed.lower_strict())
        end = _to_date(parsed.upper_strict())
    except (TypeError, ValueError, OverflowError) as exc:
        raise DateError(f"EDTF date {text!r} has no usable bounds") from exc
    parts = text.split("/")
    if len(parts) > 2:
        raise DateError(f"malformed EDTF interval {text!r}")
    approximate = any(p.rstrip().endswith(("~", "?", "%")) for p in parts)
    if len(parts) == 2:
        if end < start:
            raise DateError(f"interval {text!r} ends before it starts")
        return FuzzyDate(text, start, end, Precision.INTERVAL, approximate)
    return FuzzyDate(text, start, end, _precision(parts[0]), approximate)


def _precision(part: str) -> Precision:
    match = _PART.match(part)
    if match is None:
        raise DateError(f"unsupported EDTF form {part!r}")
    pieces = match["body"].lstrip("-").split("-")
    if len(pieces) == 1:
        return Precision.YEAR
    if len(pieces) == 2:
        return Precision.SEASON if int(pieces[1]) > 12 else Precision.MONTH
    return Precision.DAY


def _to_date(value: time.struct_time) -> Day:
    return Day(value.tm_year, value.tm_mon, value.tm_mday)
