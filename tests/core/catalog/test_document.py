"""Validation of data/: every problem names the file, the record and the field."""

from pathlib import Path

import pytest

from viewer.core.catalog.document import check
from viewer.core.catalog.sourcefiles import load_data_dir
from viewer.core.errors import DataError


def _problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        check(load_data_dir(root))
    return [str(p) for p in info.value.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_bundled_data_is_valid() -> None:
    from tests.conftest import DATA_DIR

    checked = check(load_data_dir(DATA_DIR))
    assert len(checked.collections["events"]) > 30


def test_unknown_id_is_reported_with_file_record_and_field(data_copy: Path) -> None:
    _edit(
        data_copy / "events/2017-2019.toml",
        'participants = ["donald-trump", "vladimir-putin"]\n'
        'profiles = ["trump-on-putin", "putin-on-trump"]\n'
        'sources = ["fox-news-history-2025-08-15", "edgerton-halpin-encounters"]\n\n'
        "[[event.quote]]\n"
        'id = "tillerson-connected-very-quickly"',
        'participants = ["donald-trump", "nobody-at-all"]\n'
        'profiles = ["trump-on-putin", "putin-on-trump"]\n'
        'sources = ["fox-news-history-2025-08-15", "edgerton-halpin-encounters"]\n\n'
        "[[event.quote]]\n"
        'id = "tillerson-connected-very-quickly"',
    )
    [problem] = _problems(data_copy)
    assert problem.startswith("data/events/2017-2019.toml")
    assert "event '2017-07-07-hamburg-g20-meeting'" in problem
    assert "field 'participants'" in problem
    assert "unknown entity id 'nobody-at-all'" in problem


def test_quote_without_source_is_refused(data_copy: Path) -> None:
    _edit(
        data_copy / "events/2014-2016.toml",
        'text = "Why would you need Alaska?"\nsource = "edgerton-halpin-encounters"\n',
        'text = "Why would you need Alaska?"\n',
    )
    [problem] = _problems(data_copy)
    assert "quote 'putin-why-would-you-need-alaska'" in problem
    assert "field 'source': is required" in problem


def test_malformed_date(data_copy: Path) -> None:
    _edit(data_copy / "events/2025.toml", 'date = "2025-02-12"', 'date = "2025-02-30"')
    [problem] = _problems(data_copy)
    assert "data/events/2025.toml: event '2025-02-12-trump-putin-call': field 'date'" in problem
    assert "malformed EDTF date '2025-02-30'" in problem


def test_end_before_start(data_copy: Path) -> None:
    _edit(data_copy / "eras.toml", 'date = "2021/2024"', 'date = "2024/2021"')
    [problem] = _problems(data_copy)
    assert "era 'between-terms'" in problem
    assert "ends before it starts" in problem


def test_duplicate_id_names_both_files(data_copy: Path) -> None:
    _edit(
        data_copy / "events/2025.toml",
        'id = "2025-03-trump-putin-call"',
        'id = "2025-02-12-trump-putin-call"',
    )
    problems = _problems(data_copy)
    assert any("duplicate id (first defined in data/events/2025.toml)" in p for p in problems)


def test_unknown_field_catches_typos(data_copy: Path) -> None:
    _edit(
        data_copy / "events/2025.toml",
        'title = "Anchorage summit"',
        'title = "Anchorage summit"\nsumary = "typo"',
    )
    [problem] = _problems(data_copy)
    assert "field 'sumary': unknown field" in problem


def test_broken_toml_names_the_line(data_copy: Path) -> None:
    path = data_copy / "sources.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[[source]\nid = \n", encoding="utf-8")
    [problem] = _problems(data_copy)
    assert problem.startswith("data/sources.toml: is not valid TOML")
    assert "line" in problem


def test_every_problem_is_reported_at_once(data_copy: Path) -> None:
    _edit(data_copy / "events/2025.toml", 'tone = "mixed"', 'tone = "lukewarm"')
    _edit(data_copy / "entities.toml", 'kind = "country"', 'kind = "planet"')
    problems = _problems(data_copy)
    assert len(problems) == 2
    assert any("'lukewarm' is not one of warm, cold, mixed, neutral" in p for p in problems)
    assert any("'planet' is not one of" in p for p in problems)
