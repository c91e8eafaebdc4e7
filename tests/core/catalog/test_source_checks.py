"""The checks against source texts find what they are for (no seeds needed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from viewer.core.catalog.document import Document, Located, check
from viewer.core.catalog.source_checks import check_against_sources, is_printed, unquoted
from viewer.core.dates.edtf import parse

TEXT = (
    "Trump and Putin met on July 7, 2017, in Hamburg. The sit-down lasted for more than "
    'two hours. Putin called him "a very outstanding person, talented" in December 2015.'
)


def _document(summary: str, date: str, quote: str, date_note: str | None = None) -> Document:
    doc = Document()
    doc.entities.append(Located({"id": "p", "name": "P", "kind": "person"}, "t"))
    doc.sources.append(
        Located({"id": "s", "title": "S", "reliability": "reliable", "held_copy": "s.txt"}, "t")
    )
    doc.events.append(
        Located(
            {
                "id": "e",
                "date": date,
                "date_note": date_note,
                "kind": "meeting",
                "title": "A meeting",
                "summary": summary,
                "tone": "warm",
                "sources": ["s"],
                "quotes": [
                    {"id": "q", "speaker": "p", "text": quote, "source": "s", "tone": "warm"}
                ],
            },
            "t",
        )
    )
    return doc


def _problems(summary: str, date: str, quote: str, note: str | None = None) -> list[str]:
    report = check_against_sources(check(_document(summary, date, quote, note)), {"s": TEXT})
    return [str(p) for p in report.problems]


def test_a_sound_record_passes() -> None:
    assert _problems("They meet in Hamburg for two hours.", "2017-07-07", "talented") == []


def test_a_quote_not_word_for_word_is_found() -> None:
    (problem,) = _problems("They meet.", "2017-07-07", "very talented")
    assert "quote 'q'" in problem and "word for word" in problem


def test_copied_prose_is_found_but_quoted_words_are_ours_to_use() -> None:
    copied = "Trump and Putin met. The sit-down lasted for more than two hours, it seems."
    (problem,) = _problems(copied, "2017-07-07", "talented")
    assert "copies source 's'" in problem
    quoted = 'As the source puts it, "the sit-down lasted for more than two hours".'
    assert _problems(quoted, "2017-07-07", "talented") == []


def test_a_date_more_precise_than_printed_needs_a_note() -> None:
    event, quote = _problems("They meet.", "2017-07-08", "talented")  # the quote inherits it
    assert "event 'e'" in event and "quote 'q'" in quote
    assert "'2017-07-08' is printed in none of its sources" in event
    assert _problems("They meet.", "2017-07-08", "talented", "Derived from the text.") == []
    assert _problems("They meet.", "2017-07", "talented") == []  # July 7, 2017 is in July
    assert _problems("They meet.", "2015-12", "talented") == []  # December 2015
    assert len(_problems("They meet.", "2017-07~", "talented")) == 2  # event and its quote


def test_printed_forms() -> None:
    assert is_printed(parse("2017-11-10"), "in Da Nang, Vietnam on Nov. 10, 2017.")
    assert not is_printed(parse("2017-11-10"), "on Nov. 10")
    assert is_printed(parse("2019"), "in 2019,")
    assert not is_printed(parse("2019"), "in 20191")
    assert unquoted('a "b c" d “e” f') == "a  |  d  |  f"


def test_build_data_refuses_a_catalog_that_fails_its_checks(
    data_copy: Path, tmp_path: Path
) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    # Every source's text held, but empty: every quote fails the word-for-word check.
    for name in ("000_6571bf0c053369d8.txt", "001_d8e2f6f620e095ef.txt"):
        (texts / name).write_text("nothing", encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "viewer",
            "build-data",
            "--source",
            str(data_copy),
            "--out",
            str(tmp_path / "c.sqlite"),
            "--source-texts",
            str(texts),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert "is not word for word in the text of source 'spun-anchorage-preview'" in run.stderr
    assert "no text held for fox-news-history-2025-08-15" in run.stderr
    assert not (tmp_path / "c.sqlite").exists()
