"""Citing a quote: plain text, CSL JSON and BibTeX; quotes as CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from viewer.core.catalog.read import Catalog
from viewer.core.interchange import citations, quotes_csv
from viewer.core.records import Reliability


def _osaka(catalog: Catalog) -> tuple[object, str | None, str | None]:
    rows = catalog.all_quotes()
    return next(r for r in rows if r[0].event_id == "2019-06-osaka-g20-meeting")


def test_plain_citation_names_speaker_date_event_place_and_source(catalog: Catalog) -> None:
    quote, title, place = _osaka(catalog)  # type: ignore[misc]
    text = citations.plain(quote, title, place)
    assert text.startswith(f"“{quote.text}” — {quote.speaker.name}, ")
    assert "June 2019" in text
    assert title in text and "; source: " in text and quote.source.title in text


def test_csl_json_is_an_item_reference_managers_read(catalog: Catalog) -> None:
    quote, title, _place = _osaka(catalog)  # type: ignore[misc]
    item = json.loads(json.dumps(citations.csl_json(quote, title)))
    assert item["id"] == quote.id and item["title"] == quote.text.rstrip(",;")
    assert item["container-title"] == quote.source.title
    assert item["author"] == [{"given": "Vladimir", "family": "Putin"}]
    assert item["type"] == "speech"
    assert item["issued"]["date-parts"][0][0] == quote.date.start.year
    assert quote.speaker.name in item["note"]


def test_bibtex_is_balanced_and_escaped(catalog: Catalog) -> None:
    quote, title, _place = _osaka(catalog)  # type: ignore[misc]
    entry = citations.bibtex(quote, title)
    assert entry.startswith("@misc{") and entry.rstrip().endswith("}")
    body = entry.replace("\\{", "").replace("\\}", "")
    assert body.count("{") == body.count("}")
    assert citations._bib_escape("50% of {x} & y_1 \\ ~") == (
        r"50\% of \{x\} \& y\_1 \textbackslash{} \textasciitilde{}"
    )


def test_a_paraphrased_source_is_flagged_in_the_citation(catalog: Catalog) -> None:
    rows = catalog.all_quotes()
    quote, title, place = next(
        r for r in rows if r[0].source.reliability is Reliability.PARAPHRASED
    )
    assert "paraphrased" in citations.plain(quote, title, place)
    assert "paraphrased" in citations.csl_json(quote, title)["note"]


def test_every_quote_goes_to_csv_and_reads_back(catalog: Catalog, tmp_path: Path) -> None:
    rows = catalog.all_quotes()
    path = tmp_path / "quotes.csv"
    assert quotes_csv.write_file(rows, path) == len(rows)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM for spreadsheets
    read = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(read) == len(rows)
    assert tuple(read[0]) == quotes_csv.COLUMNS
    by_id = {r["quote_id"]: r for r in read}
    quote, title, _place = rows[0]
    assert by_id[quote.id]["quote"] == quote.text
    assert by_id[quote.id]["event"] == (title or "")


def test_a_cell_that_looks_like_a_formula_is_defused() -> None:
    assert quotes_csv._safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert quotes_csv._safe("-5 people") == "'-5 people"
    assert quotes_csv._safe("plain") == "plain"
