"""Knight Lab's TimelineJS JSON (and its spreadsheet template) read in; written out by
`timelinejs_export`.

Every slide is checked and turned into a plain record; its text is reduced to safe
rich text and to plain words (`viewer.core.rich_text`: no script, no image, no style,
links to web addresses only). A problem is reported with where it is
(`events[3].start_date.month`), and nothing is read from a file that has one.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path
from typing import Any

from viewer.core.dates.days import MAX_YEAR, MIN_YEAR, Day, year_label
from viewer.core.dates.fuzzy import (
    FuzzyDate,
    Precision,
    edtf_of,
    from_stored,
    known_span,
)
from viewer.core.errors import ShouldStop, StoppedError, ViewerError, listed, never
from viewer.core.frozen import frozen
from viewer.core.interchange import timelinejs_formats as formats
from viewer.core.json_files import UnreadableJSONError, read_bytes, read_json, read_text
from viewer.core.records import EVENT_KINDS
from viewer.core.rich_text import EMPTY, RichText, clean, is_web_address

MAX_FILE_BYTES = 50_000_000
#: The files `read` takes: TimelineJS JSON, and its spreadsheet template as CSV or Excel.
SHEET_SUFFIXES = (".csv", ".xlsx")
IMPORTABLE_SUFFIXES = (".json", *SHEET_SUFFIXES)
#: TimelineJS's human scale ends here (it uses JavaScript dates); earlier years need its
#: cosmological scale.
HUMAN_SCALE_MIN_YEAR = -99_999
MAX_SLIDES = 100_000
MAX_TEXT = 100_000


class TimelineJSError(ViewerError, ValueError):
    """The file is not a TimelineJS timeline this app can read; says where and why."""


@frozen
class Slide:
    id: str
    headline: str
    text: str  # plain text; links written out as their addresses
    html: str | None  # the same as safe rich text, if it has any formatting
    date: FuzzyDate
    group: str | None
    kind: str | None  # ours, when the file came from this app
    display_date: str | None = None  # the date as the file's author wrote it, if they did


@frozen
class Timeline:
    title: str
    text: str
    html: str | None
    slides: tuple[Slide, ...]
    eras: tuple[tuple[str, FuzzyDate], ...]


# -- writing -------------------------------------------------------------------------------


def _our_year(tjs_year: int) -> int:
    """The reverse of `_tjs_year`; a year 0 (which TimelineJS shows as "0") is 1 BCE."""
    return tjs_year if tjs_year >= 0 else tjs_year + 1


# -- reading -------------------------------------------------------------------------------


def read(path: Path, should_stop: ShouldStop = never) -> Timeline:
    """Read and check a TimelineJS file (TimelineJS 3 or 2 JSON, or the spreadsheet
    template as CSV); raise TimelineJSError naming what is wrong, and where."""
    if path.suffix.lower() in SHEET_SUFFIXES:
        return _read_sheet(path, should_stop)
    try:
        document = read_json(path, max_bytes=MAX_FILE_BYTES, what="TimelineJS files")
    except UnreadableJSONError as exc:
        raise TimelineJSError(str(exc)) from exc
    if formats.is_timelinejs2(document):
        assert isinstance(document, dict)
        document = formats.from_timelinejs2(document)
    return parse(document, str(path), should_stop)


def _read_sheet(path: Path, should_stop: ShouldStop) -> Timeline:
    """The spreadsheet template: problems are said by the sheet's rows, not slides'."""
    try:
        if path.suffix.lower() == ".xlsx":
            data = read_bytes(path, max_bytes=MAX_FILE_BYTES, what="TimelineJS sheets")
            cells = formats.xlsx_rows(data, str(path), MAX_SLIDES + 10)
        else:
            text = read_text(path, max_bytes=MAX_FILE_BYTES, what="TimelineJS sheets")
            cells = formats.csv_rows(text)
        document, rows = formats.sheet_document(cells, str(path))
    except (UnreadableJSONError, formats.SheetError, csv.Error) as exc:
        raise TimelineJSError(str(exc) if not isinstance(exc, csv.Error) else
                              f"{path} is not a readable CSV sheet: {exc}.") from exc  # fmt: skip
    try:
        return parse(document, str(path), should_stop)
    except TimelineJSError as exc:
        raise TimelineJSError(formats.said_by_rows(str(exc), rows)) from exc


def parse(document: object, where: str, should_stop: ShouldStop = never) -> Timeline:
    if not isinstance(document, dict):
        raise TimelineJSError(f'{where}: a TimelineJS file is an object with "events".')
    problems: list[str] = []
    events = document.get("events")
    if not isinstance(events, list):
        raise TimelineJSError(f'{where}: "events" must be a list of slides.')
    if len(events) > MAX_SLIDES:
        raise TimelineJSError(f"{where}: {len(events):,} slides; at most {MAX_SLIDES:,}.")
    slides = []
    seen: set[str] = set()
    for number, item in enumerate(events):
        if number % 1000 == 999 and should_stop():
            raise StoppedError
        slide = _slide(item, f"events[{number}]", number, problems)
        if slide is not None:
            if slide.id in seen:
                problems.append(f'events[{number}].unique_id: "{slide.id}" is used twice')
            seen.add(slide.id)
            slides.append(slide)
    eras = []
    raw_eras = document.get("eras", [])
    if not isinstance(raw_eras, list):
        problems.append("eras: must be a list")
        raw_eras = []
    for number, item in enumerate(raw_eras):
        era = _era(item, f"eras[{number}]", problems)
        if era is not None:
            eras.append(era)
    title, text = "", EMPTY
    raw_title = document.get("title")
    if isinstance(raw_title, dict):
        title, text = _text(raw_title.get("text"), "title.text", problems)
    elif raw_title is not None:
        problems.append("title: must be a slide (an object)")
    if problems:
        raise TimelineJSError(f"{where} was not read:{listed(problems, 10)}")
    return Timeline(title, text.plain, text.formatted, tuple(slides), tuple(eras))


def _slide(item: object, at: str, number: int, problems: list[str]) -> Slide | None:
    if not isinstance(item, dict):
        problems.append(f"{at}: must be a slide (an object)")
        return None
    headline, text = _text(item.get("text"), f"{at}.text", problems)
    text = _with_media(text, item.get("media"))
    date = _date_of(item, at, problems)
    group = item.get("group")
    if group is not None and not isinstance(group, str):
        problems.append(f"{at}.group: must be text")
        group = None
    raw_id = item.get("unique_id")
    if raw_id is not None and not isinstance(raw_id, str | int):
        problems.append(f"{at}.unique_id: must be text")
    slide_id = _slug(str(raw_id)) if raw_id not in (None, "") else f"slide-{number + 1}"
    ours = item.get("timeline_viewer")
    kind = ours.get("kind") if isinstance(ours, dict) else None
    if kind is not None and kind not in EVENT_KINDS:
        problems.append(f"{at}.timeline_viewer.kind: {str(kind)[:40]!r} is not a kind of event")
        kind = None
    if date is None:
        return None
    return Slide(
        slide_id,
        headline or "(untitled)",
        text.plain,
        text.formatted,
        date,
        clean(group).plain if group else None,
        kind if isinstance(kind, str) else None,
        shown if (shown := _display_date(item)) != date.label() else None,
    )


def _display_date(item: dict[str, Any]) -> str | None:
    """`display_date` of the slide or of its start date, as plain words."""
    start = item.get("start_date")
    for raw in (
        item.get("display_date"),
        start.get("display_date") if isinstance(start, dict) else None,
    ):
        if isinstance(raw, str) and (words := clean(raw[:500]).plain):
            return words
    return None


def _with_media(text: RichText, media: object) -> RichText:
    """The text, and after it a link to the slide's picture or video (never loaded):
    its caption and credit as words, its address opened only on a click."""
    if not isinstance(media, dict) or not isinstance(media.get("url"), str):
        return text
    url = media["url"].strip()
    if not is_web_address(url) or len(url) > 2000:
        return text  # an embed's HTML, a local file: nothing worth a link
    words = [
        clean(v[:MAX_TEXT]).plain
        for k in ("caption", "credit")
        if isinstance(v := media.get(k), str)
    ]
    label = " — ".join(w for w in words if w) or url
    link = clean(f'<p>Media: <a href="{html.escape(url)}">{html.escape(label)}</a></p>')
    return RichText(
        (text.html + link.html) if text.html else link.html,
        f"{text.plain}\n\n{link.plain}".strip(),
    )


def _era(item: object, at: str, problems: list[str]) -> tuple[str, FuzzyDate] | None:
    if not isinstance(item, dict):
        problems.append(f"{at}: must be an object")
        return None
    headline = _text(item.get("text"), f"{at}.text", problems)[0]
    date = _date_of(item, at, problems)
    return (headline or "(untitled era)", date) if date is not None else None


def _date_of(item: dict[str, Any], at: str, problems: list[str]) -> FuzzyDate | None:
    ours = item.get("timeline_viewer")
    if isinstance(ours, dict) and (exact := _exact_date(ours)) is not None:
        return exact  # written by this app, and it holds together: the exact date
    if "start_date" not in item:
        problems.append(f"{at}.start_date: missing")
        return None
    start = _day(item["start_date"], f"{at}.start_date", problems, end=False)
    if start is None:
        return None
    first, precision = start
    end_raw = item.get("end_date")
    if end_raw is None:
        last = _day(item["start_date"], f"{at}.start_date", [], end=True)
        assert last is not None
        return _fuzzy(first, last[0], precision)
    end = _day(end_raw, f"{at}.end_date", problems, end=True)
    if end is None:
        return None
    if end[0] < first:
        problems.append(f"{at}.end_date: before start_date")
        return None
    if end[0] == first and precision is Precision.DAY:
        return _fuzzy(first, first, Precision.DAY)
    return _fuzzy(first, end[0], Precision.INTERVAL)


_EDTF_CHARS = re.compile(r"^Y?[0-9X~?%/.\-]{1,40}$")


def _exact_date(ours: dict[str, Any]) -> FuzzyDate | None:
    """Our own date block, checked as if a stranger typed it; None (the TimelineJS fields
    are read instead) unless every part is of the right kind and they agree."""
    edtf, approximate = ours.get("edtf"), ours.get("approximate")
    if not isinstance(edtf, str) or not _EDTF_CHARS.match(edtf):
        return None
    if not isinstance(approximate, bool):
        return None
    try:
        date = from_stored(
            edtf,
            str(ours["start"])[:20],
            str(ours["end"])[:20],
            str(ours["precision"]),
            approximate,
        )
    except (KeyError, ValueError, TypeError):
        return None
    start, end = date.start, date.end
    agree = {
        Precision.DAY: start == end,
        Precision.MONTH: (start.year, start.month) == (end.year, end.month) and start.day == 1,
        Precision.YEAR: start.year == end.year and (start.month, start.day) == (1, 1),
        Precision.SEASON: start <= end and start.year >= end.year - 1,
        Precision.INTERVAL: start <= end,
    }
    return date if agree[date.precision] else None


def _day(raw: object, at: str, problems: list[str], *, end: bool) -> tuple[Day, Precision] | None:
    if not isinstance(raw, dict):
        problems.append(f"{at}: must be an object with a year")
        return None
    parts: dict[str, int] = {}
    for name in ("year", "month", "day"):
        value = raw.get(name)
        if value is None or value == "":
            continue
        try:
            number = int(str(value).strip())
        except ValueError:
            problems.append(f"{at}.{name}: not a whole number ({str(value)[:20]!r})")
            return None
        parts[name] = number
    if "year" not in parts:
        problems.append(f"{at}.year: missing")
        return None
    year = _our_year(parts["year"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        problems.append(
            f"{at}.year: {parts['year']} is outside the years this app can show "
            f"({year_label(MIN_YEAR)} to {MAX_YEAR})"
        )
        return None
    month, day = parts.get("month"), parts.get("day")
    try:
        first, last, precision = known_span(year, month, day if month is not None else None)
    except ValueError:
        written = "-".join(str(parts[k]) for k in ("year", "month", "day") if k in parts)
        problems.append(f"{at}: {written} is not a date")
        return None
    return (last if end else first), precision


def _fuzzy(first: Day, last: Day, precision: Precision) -> FuzzyDate:
    return FuzzyDate(edtf_of(first, last, precision), first, last, precision)


def _text(raw: object, at: str, problems: list[str]) -> tuple[str, RichText]:
    """A slide's headline (plain words) and text (rich and plain)."""
    if raw is None:
        return "", EMPTY
    if not isinstance(raw, dict):
        problems.append(f"{at}: must be an object with a headline and text")
        return "", EMPTY
    out = []
    for name in ("headline", "text"):
        value = raw.get(name, "")
        if not isinstance(value, str):
            problems.append(f"{at}.{name}: must be text")
            value = ""
        elif len(value) > MAX_TEXT:
            problems.append(f"{at}.{name}: longer than {MAX_TEXT:,} characters")
            value = ""
        out.append(clean(value))
    return " ".join(out[0].plain.split()), out[1]


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:120] or "slide"
