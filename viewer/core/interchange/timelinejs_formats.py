"""The other forms a TimelineJS timeline comes in, read into a TimelineJS 3 document.

- **The spreadsheet template** (most timelines are made in it, and downloaded as CSV):
  columns Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date,
  Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group,
  Background; a row of Type "title" is the title slide, "era" an era. The older
  template's "Start Date", "End Date" and "Tag" columns are read too. A mistake is said
  by row and column ("row 7, End Month: 13 is not a month").
- **TimelineJS 2 JSON**: {"timeline": {"headline", "text", "asset", "date": [...],
  "era": [...]}} with dates written "2011,3,23".

`sheet_rows()` writes any exported profile back as the template's CSV, so a timeline
made or corrected here can go back to a newsroom's sheet.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from viewer.core.errors import ViewerError, listed

COLUMNS = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Type", "Group", "Background",
)  # fmt: skip
_OLDER = {"Start Date", "End Date", "Tag"}
_LIMITS = {"Month": 12, "End Month": 12, "Day": 31, "End Day": 31}
_NAMES = {"Month": "month", "End Month": "month", "Day": "day", "End Day": "day"}
_DATE = re.compile(r"^\s*(-?\d{1,11})(?:\s*,\s*(\d{1,2}))?(?:\s*,\s*(\d{1,2}))?")
_US_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(-?\d{1,11})")


class SheetError(ViewerError, ValueError):
    """A sheet that cannot be read, with every problem's row and column."""


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(data: bytes, where: str, max_rows: int) -> list[list[str]]:
    """The first worksheet of an Excel file, as text cells (read streaming: a file that
    claims more rows than a timeline can have is refused, not read to the end)."""
    import zipfile  # noqa: PLC0415 - only for Excel files

    from openpyxl import load_workbook  # noqa: PLC0415 - ~0.2 s to import: only here

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SheetError(f"{where} is not a readable Excel file ({exc}).") from exc
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise SheetError(f"{where} has no worksheet.")
        rows: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            if len(rows) > max_rows:
                raise SheetError(f"{where}: more than {max_rows:,} rows.")
            rows.append(["" if v is None else _cell_text(v) for v in values])
        return rows
    finally:
        book.close()


def _cell_text(value: object) -> str:
    """A cell as the sheet shows it: 1815.0 is 1815."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_document(rows: list[list[str]], where: str) -> tuple[dict[str, Any], list[int]]:
    """A TimelineJS 3 document from the template's rows, and the sheet row of each event."""
    if not rows:
        raise SheetError(f"{where} is empty: a TimelineJS sheet has a row of column names.")
    header = [h.strip() for h in rows[0]]
    if not ({"Headline"} <= set(header) and ({"Year"} <= set(header) or "Start Date" in header)):
        raise SheetError(
            f"{where} is not a TimelineJS sheet: its first row must name the template's "
            "columns (Year, Month, Day, …, Headline, Text, …)."
        )
    problems: list[str] = []
    events: list[dict[str, Any]] = []
    eras: list[dict[str, Any]] = []
    event_rows: list[int] = []
    document: dict[str, Any] = {"events": events, "eras": eras}
    for number, raw in enumerate(rows[1:], start=2):
        cell = dict(zip(header, (c.strip() for c in raw), strict=False))
        if not any(cell.values()):
            continue  # a blank row
        kind = cell.get("Type", "").lower()
        slide = _slide(cell, number, problems, dated=kind != "title")
        if kind == "title":
            document["title"] = slide
        elif kind == "era":
            eras.append(slide)
        else:
            events.append(slide)
            event_rows.append(number)
    if problems:
        raise SheetError(f"{where} was not read:{listed(problems, 10)}")
    return document, event_rows


def _slide(cell: dict[str, str], row: int, problems: list[str], *, dated: bool) -> dict[str, Any]:
    slide: dict[str, Any] = {
        "text": {"headline": cell.get("Headline", ""), "text": cell.get("Text", "")}
    }
    if cell.get("Media"):
        slide["media"] = {
            "url": cell["Media"],
            "credit": cell.get("Media Credit", ""),
            "caption": cell.get("Media Caption", ""),
        }
    if group := cell.get("Group") or cell.get("Tag"):
        slide["group"] = group
    if cell.get("Display Date"):
        slide["display_date"] = cell["Display Date"]
    if not dated:
        return slide
    start = _date(cell, "", row, problems)
    end = _date(cell, "End ", row, problems)
    if start is not None:
        slide["start_date"] = start
    elif not problems or not problems[-1].startswith(f"row {row},"):
        problems.append(f"row {row}, Year: missing (every slide but the title needs a year)")
    if end is not None:
        slide["end_date"] = end
    return slide


def _date(
    cell: dict[str, str], prefix: str, row: int, problems: list[str]
) -> dict[str, Any] | None:
    older = cell.get("Start Date" if not prefix else "End Date", "")
    if not cell.get(f"{prefix}Year") and older:
        return _written_date(older, f"{'Start' if not prefix else 'End'} Date", row, problems)
    if not cell.get(f"{prefix}Year"):
        if any(cell.get(f"{prefix}{name}") for name in ("Month", "Day")):
            problems.append(f"row {row}, {prefix}Year: missing (a month or day needs a year)")
        return None
    date: dict[str, Any] = {}
    for name in ("Year", "Month", "Day"):
        column = f"{prefix}{name}"
        value = cell.get(column, "")
        if not value:
            continue
        if not re.fullmatch(r"-?\d{1,11}", value):
            problems.append(f"row {row}, {column}: {value[:20]!r} is not a whole number")
            return None
        number = int(value)
        limit = _LIMITS.get(column)
        if limit is not None and not 1 <= number <= limit:
            problems.append(f"row {row}, {column}: {number} is not a {_NAMES[column]}")
            return None
        date[name.lower()] = number
    return date


def _written_date(text: str, column: str, row: int, problems: list[str]) -> dict[str, Any] | None:
    """The older template's dates: "2011,3,23", "2011", or "3/23/2011"."""
    us = _US_DATE.match(text)
    if us:
        return {"year": int(us[3]), "month": int(us[1]), "day": int(us[2])}
    found = _DATE.match(text)
    if not found:
        problems.append(f"row {row}, {column}: {text[:20]!r} is not a date")
        return None
    parts = {"year": found[1], "month": found[2], "day": found[3]}
    return {k: int(v) for k, v in parts.items() if v}


_PLACE = re.compile(r"events\[(\d+)\](?:\.(start_date|end_date|text)(?:\.(\w+))?)?")
_COLUMN = {"year": "Year", "month": "Month", "day": "Day", "headline": "Headline", "text": "Text"}


def said_by_rows(message: str, rows: list[int]) -> str:
    """A problem the TimelineJS checks found, said by the sheet's row and column:
    "events[3].end_date.month" -> "row 5, End Month"."""

    def place(found: re.Match[str]) -> str:
        row = rows[int(found[1])] if int(found[1]) < len(rows) else "?"
        part, field = found[2], found[3]
        if part is None:
            return f"row {row}"
        prefix = "End " if part == "end_date" else ""
        if field is None:
            return f"row {row}, {prefix}Year/Month/Day" if part != "text" else f"row {row}"
        return f"row {row}, {prefix if part != 'text' else ''}{_COLUMN.get(field, field)}"

    return _PLACE.sub(place, message)


# -- TimelineJS 2 --------------------------------------------------------------------------


def is_timelinejs2(document: object) -> bool:
    return (
        isinstance(document, dict)
        and "events" not in document
        and isinstance(document.get("timeline"), dict)
    )


def from_timelinejs2(document: dict[str, Any]) -> dict[str, Any]:
    """A TimelineJS 2 document as TimelineJS 3 reads it (what TimelineJS 3 itself does)."""
    old = document["timeline"]
    out: dict[str, Any] = {
        "title": _old_slide(old),
        "events": [_old_slide(d, dated=True) for d in _list(old.get("date"))],
        "eras": [_old_slide(e, dated=True) for e in _list(old.get("era"))],
    }
    return out


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _old_slide(item: object, *, dated: bool = False) -> Any:
    if not isinstance(item, dict):
        return item  # left for the TimelineJS 3 checks to refuse, with its place
    slide: dict[str, Any] = {
        "text": {"headline": item.get("headline", ""), "text": item.get("text", "")}
    }
    asset = item.get("asset")
    if isinstance(asset, dict) and isinstance(asset.get("media"), str):
        slide["media"] = {
            "url": asset["media"],
            "credit": asset.get("credit", ""),
            "caption": asset.get("caption", ""),
        }
    if isinstance(item.get("tag"), str) and item["tag"]:
        slide["group"] = item["tag"]
    if dated:
        for old, new in (("startDate", "start_date"), ("endDate", "end_date")):
            value = item.get(old)
            if isinstance(value, str | int) and str(value).strip():
                found = _DATE.match(str(value))
                slide[new] = (
                    {
                        k: int(v)
                        for k, v in zip(("year", "month", "day"), found.groups(), strict=True)
                        if v
                    }
                    if found
                    else {"year": str(value)}  # refused by the checks, with its place
                )
    return slide


# -- writing the template ---------------------------------------------------------------------


def sheet_rows(document: dict[str, Any]) -> str:
    """An exported TimelineJS 3 document as the spreadsheet template's CSV."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    title = document.get("title") or {}
    writer.writerow(_row(title, "title"))
    for era in document.get("eras", []):
        writer.writerow(_row(era, "era"))
    for event in document.get("events", []):
        writer.writerow(_row(event, ""))
    return "\ufeff" + out.getvalue()


def _row(slide: dict[str, Any], kind: str) -> list[str]:
    start, end = slide.get("start_date") or {}, slide.get("end_date") or {}
    text = slide.get("text") or {}
    media = slide.get("media") or {}
    values = {
        "Year": start.get("year"), "Month": start.get("month"), "Day": start.get("day"),
        "End Year": end.get("year"), "End Month": end.get("month"), "End Day": end.get("day"),
        "Display Date": slide.get("display_date"),
        "Headline": text.get("headline"), "Text": text.get("text"),
        "Media": media.get("url"), "Media Credit": media.get("credit"),
        "Media Caption": media.get("caption"), "Type": kind, "Group": slide.get("group"),
    }  # fmt: skip
    return [_safe("" if values.get(c) is None else str(values[c])) for c in COLUMNS]


def _safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula begins with an apostrophe."""
    return "'" + cell if cell[:1] in ("=", "+", "@") else cell
