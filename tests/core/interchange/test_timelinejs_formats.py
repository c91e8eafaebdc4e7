"""TimelineJS's spreadsheet template (CSV) and TimelineJS 2 JSON, read as TimelineJS 3."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.core.catalog.read import Catalog
from viewer.core.interchange import timelinejs_export
from viewer.core.interchange.timelinejs import TimelineJSError, read
from viewer.core.interchange.timelinejs_formats import COLUMNS, sheet_rows
from viewer.core.interchange.timelinejs_import import import_file

HEADER = ",".join(COLUMNS)


def _sheet(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_the_template_is_read_with_its_title_eras_groups_media_and_display_dates(
    tmp_path: Path,
) -> None:
    path = _sheet(
        tmp_path,
        ',,,,,,,,,My sheet,"<p>An <b>intro</b></p>",,,,,title,,',
        "1815,12,10,,1852,11,27,,,Ada Lovelace,<p>First</p>,https://example.org/a.jpg,"
        "Credit,A portrait,,,People,",
        "1943,7,,,1946,,,,During the war,ENIAC women,text,,,,,,People,",
        "1951,,,,,,,,,Recursion,text,,,,,,Ideas,",
        ",,,,,,,,,,,,,,,,,",  # a blank row
        "1940,,,,1960,,,,,Early computing,,,,,,era,,",
    )
    timeline = read(path)
    assert timeline.title == "My sheet" and "intro" in timeline.text
    assert [s.headline for s in timeline.slides] == ["Ada Lovelace", "ENIAC women", "Recursion"]
    ada, eniac, recursion = timeline.slides
    assert (ada.date.start.isoformat(), ada.date.end.isoformat()) == ("1815-12-10", "1852-11-27")
    assert "https://example.org/a.jpg" in ada.html and "A portrait" in ada.text
    assert eniac.group == "People" and eniac.display_date == "During the war"
    assert recursion.date.label() == "1951"
    assert [name for name, _date in timeline.eras] == ["Early computing"]


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("1943,13,,,,,,,,A,,,,,,,,", "row 2, Month: 13 is not a month"),
        ("1943,1,,,1944,14,,,,A,,,,,,,,", "row 2, End Month: 14 is not a month"),
        ("1943,2,31,,,,,,,A,,,,,,,,", "row 2, Year/Month/Day: 1943-2-31 is not a date"),
        ("nineteen,,,,,,,,,A,,,,,,,,", "row 2, Year: 'nineteen' is not a whole number"),
        (",5,,,,,,,,A,,,,,,,,", "row 2, Year: missing"),
    ],
)
def test_a_mistake_is_said_by_row_and_column(tmp_path: Path, row: str, says: str) -> None:
    with pytest.raises(TimelineJSError, match=says):
        read(_sheet(tmp_path, row))


def test_the_older_template_with_start_date_end_date_and_tag(tmp_path: Path) -> None:
    header = "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Type,Tag"
    path = _sheet(
        tmp_path,
        '"2011,3,23","2011,3,30",A week,t,,,,,News',
        "3/23/2012,,A day,t,,,,,",
        header=header,
    )
    week, day = read(path).slides
    assert week.group == "News" and week.date.start.isoformat() == "2011-03-23"
    assert day.date.label() == "23 Mar 2012"


def test_a_sheet_that_is_not_the_template_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TimelineJSError, match="is not a TimelineJS sheet"):
        read(_sheet(tmp_path, "1,2,3", header="a,b,c"))


def test_timelinejs2_json_is_read(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps(
            {
                "timeline": {
                    "headline": "Old timeline",
                    "type": "default",
                    "text": "<p>intro</p>",
                    "date": [
                        {
                            "startDate": "2011,3,23",
                            "endDate": "2011,3,30",
                            "headline": "A week",
                            "text": "t",
                            "tag": "News",
                            "asset": {"media": "https://example.org/x.jpg", "caption": "cap"},
                        },
                        {"startDate": "2012", "headline": "A year", "text": "t2"},
                    ],
                    "era": [
                        {"startDate": "2011,1,1", "endDate": "2012,12,31", "headline": "An era"}
                    ],
                }
            }
        ),
        encoding="utf-8",
    )
    timeline = read(path)
    assert timeline.title == "Old timeline"
    assert [s.headline for s in timeline.slides] == ["A week", "A year"]
    assert timeline.slides[0].group == "News" and "example.org/x.jpg" in timeline.slides[0].html
    assert [name for name, _d in timeline.eras] == ["An era"]


def test_any_profile_goes_back_to_the_sheet_and_reads_back_the_same(
    catalog: Catalog, tmp_path: Path
) -> None:
    document = timelinejs_export.export_profile(catalog, "trump-on-putin")
    path = tmp_path / "trump.csv"
    path.write_text(sheet_rows(document), encoding="utf-8")
    out = tmp_path / "back.sqlite"
    _written, count = import_file(path, out)
    assert count == len(catalog.events("trump-on-putin"))
    with Catalog(out) as back:
        ours = sorted(e.date.start.isoformat() for e in catalog.events("trump-on-putin"))
        theirs = sorted(e.date.start.isoformat() for e in back.events())
        assert ours == theirs
        assert len(back.eras()) == len(catalog.eras())


def test_the_template_saved_as_excel_is_read(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl", reason="openpyxl is not installed")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    sheet.append([None] * 9 + ["From Excel", "<p>intro</p>"] + [None] * 4 + ["title"])
    sheet.append([1815, 12, 10, None, 1852, 11, 27, None, None, "Ada Lovelace", "First"])
    sheet.append([1951, None, None, None, None, None, None, None, None, "Recursion", "text"])
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    timeline = read(path)
    assert timeline.title == "From Excel"
    assert [s.headline for s in timeline.slides] == ["Ada Lovelace", "Recursion"]
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(TimelineJSError, match="is not a readable Excel file"):
        read(bad)


def test_a_sheets_groups_become_its_lanes(tmp_path: Path) -> None:
    from viewer.core.interchange.timelinejs_import import PROFILE_ID

    path = _sheet(
        tmp_path,
        "1815,12,10,,,,,,,Ada Lovelace,text,,,,,,People,",
        "1951,,,,,,,,,Recursion,text,,,,,,Ideas,",
        "1943,7,,,1946,,,,,ENIAC women,text,,,,,,People,",
    )
    out, _ = import_file(path, tmp_path / "sheet.sqlite")
    with Catalog(out) as catalog:
        titles = [lane.label for lane in catalog.lanes]
        assert titles == ["People", "Ideas"]  # in the order the sheet first names them
        data = catalog.timeline(PROFILE_ID)
        lanes = {data.titles[r]: titles[int(data.lane[r])] for r in range(len(data))}
    assert lanes == {"Ada Lovelace": "People", "ENIAC women": "People", "Recursion": "Ideas"}
