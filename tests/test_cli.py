"""The command line, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from viewer import __version__
from viewer.cli import app_options_only, parser


def run(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "viewer", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_version() -> None:
    assert run("--version").stdout.strip() == f"timeline-viewer {__version__}"


def test_search_prints_the_osaka_quote() -> None:
    out = run("search", "meddle").stdout
    assert "Donald Trump · Jun 2019" in out
    assert "“Don’t meddle in the election.”" in out
    assert "Trump and Putin's encounters, from Hamburg 2017 to Osaka 2019" in out


def test_search_json_and_paraphrase_flag() -> None:
    lines = run("search", "insane", "--json").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    [hit] = [r for r in records if r["match"] == "quote"]
    assert {r["quote_id"] for r in records if r["match"] == "variant"} == {
        "trump-gone-absolutely-crazy"
    }
    assert hit["quote_id"] == "trump-gone-definitely-insane"
    assert hit["paraphrased"] is True
    assert hit["date"] == "2025-05"


def test_search_profile_filter() -> None:
    out = run("search", "alaska", "--profile", "putin-on-trump", "--json").stdout
    records = [json.loads(x) for x in out.splitlines()]
    assert {r["speaker"] for r in records if r["match"] == "quote"} == {"Vladimir Putin"}


def test_search_filters_and_misspelling() -> None:
    out = run("search", "zelenski", "--json").stdout
    records = [json.loads(x) for x in out.splitlines()]
    assert "2025-oval-office-clash-with-zelenskyy" in {r.get("event_id") for r in records}
    text = run("search", "zelenski").stdout
    assert "zelenski → zelenskyy" in text
    said = run(
        "search", "alaska OR cold OR schedule OR trump", "--speaker", "vladimir-putin",
        "--to", "2016-12-31",
        "--json", "--limit", "100",
    ).stdout  # fmt: skip
    quotes = [json.loads(x) for x in said.splitlines() if '"match": "quote"' in x]
    assert quotes
    assert all(q["speaker"] == "Vladimir Putin" and q["date"] < "2017" for q in quotes)


def test_search_nothing_found_exits_1() -> None:
    result = run("search", "xylophone", check=False)
    assert result.returncode == 1
    assert "Nothing found" in result.stderr


def test_export_then_build_round_trips(tmp_path: Path, built_catalog: Path) -> None:
    exported = tmp_path / "catalog.json"
    run("--db", built_catalog, "export", "--format", "json", "-o", exported)
    rebuilt = tmp_path / "rebuilt.sqlite"
    out = run("build-data", "--from-json", exported, "--out", rebuilt).stdout
    assert "quote" in out
    again = tmp_path / "again.json"
    run("--db", rebuilt, "export", "-o", again)
    assert json.loads(again.read_text("utf-8")) == json.loads(exported.read_text("utf-8"))


def test_build_data_reports_a_broken_file(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "events" / "2025.toml"
    path.write_text(
        path.read_text("utf-8").replace('date = "2025-08-15"', 'date = "15/08/2025"', 1), "utf-8"
    )
    out = tmp_path / "catalog.sqlite"
    result = run("build-data", "--source", data_copy, "--out", out, check=False)
    assert result.returncode == 2
    assert "data/events/2025.toml: event '2025-08-15-anchorage-summit': field 'date'" in (
        result.stderr
    )
    assert not out.exists()


def test_bad_catalog_path_is_a_clear_error(tmp_path: Path) -> None:
    result = run("--db", tmp_path / "nope.sqlite", "search", "putin", check=False)
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_search_bad_date_is_a_clear_error() -> None:
    result = run("search", "putin", "--to", "2017x", check=False)
    assert result.returncode == 2
    assert "Not a date: '2017x'" in result.stderr


def test_self_test_checks_everything_and_passes() -> None:
    result = run("--self-test")
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines if line.startswith("ok")] == [
        "ok   open the catalog",
        "ok   search",
        "ok   save and read an annotation",
        "ok   render the main window",
    ]
    assert lines[-1] == "all checks passed"


def test_self_test_passes_on_an_imported_timeline(tmp_path: Path) -> None:
    """It searches for a word the catalog holds, not one of the bundled data's."""
    source = tmp_path / "rome.json"
    source.write_text(
        '{"events": [{"start_date": {"year": -44, "month": 3, "day": 15},'
        ' "text": {"headline": "Ides of March"}}]}'
    )
    catalog = tmp_path / "rome.sqlite"
    run("import", source, "--out", catalog)
    result = run("--self-test", "--db", catalog)
    assert "ok   search: 'March' finds" in result.stdout
    assert result.stdout.splitlines()[-1] == "all checks passed"


def test_self_test_fails_on_a_broken_catalog(tmp_path: Path) -> None:
    broken = tmp_path / "catalog.sqlite"
    broken.write_text("not a database")
    result = run("--self-test", "--db", broken, check=False)
    assert result.returncode == 1
    assert "FAIL open the catalog" in result.stdout
    assert "not a readable catalog" in result.stdout
    assert "skip render the main window" in result.stdout
    assert result.stdout.splitlines()[-1] == "failed: open the catalog"


def test_export_quotes_as_csv(tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    result = run("export", "--format", "csv", "-o", out)
    assert "quotes to" in result.stderr
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("speaker,date,date_start,date_end,quote,event")


def test_export_a_profile_for_timelinejs(tmp_path: Path) -> None:
    out = tmp_path / "trump.json"
    run("export", "--format", "timelinejs", "--profile", "trump-on-putin", "-o", out)
    document = json.loads(out.read_text())
    assert document["title"]["text"]["headline"] == "Donald Trump on Vladimir Putin"
    assert {"start_date", "text", "unique_id", "group"} <= set(document["events"][0])
    refused = run("export", "--format", "timelinejs", "--profile", "nope", check=False)
    assert refused.returncode == 2 and "No profile 'nope'" in refused.stderr


def test_import_a_timelinejs_file_as_a_catalog(tmp_path: Path) -> None:
    source = tmp_path / "mine.json"
    source.write_text(json.dumps({"events": [{"start_date": {"year": 2020}, "text": {}}]}))
    result = run("--data-dir", tmp_path / "user", "import", source)
    assert "Imported 1 event into" in result.stdout
    catalog = tmp_path / "user" / "catalogs" / "mine.tlcat"  # the catalogs' own file type
    assert catalog.is_file()
    again = run("--data-dir", tmp_path / "user", "import", source, check=False)
    assert again.returncode == 2 and "exists already" in again.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2")
    refused = run("--data-dir", tmp_path / "user", "import", broken, check=False)
    assert refused.returncode == 2 and "not valid JSON" in refused.stderr


def test_starting_the_app_parses_its_options_without_the_commands() -> None:
    """The app's own options need no terminal command's parser; a command, a stray word
    or --help gets the whole parser (and its messages)."""
    app_words = ["--db", "search", "--data-dir", "list", "--no-err-windows", "-v"]
    assert app_options_only(app_words)  # "search" and "list" are values here
    assert app_options_only([])
    for words in (
        ["search", "x"],
        ["--db", "a.sqlite", "list", "kinds"],
        ["-h"],
        ["-vh"],
        ["--he"],
    ):
        assert not app_options_only(words), words
    whole, lean = parser(), parser(commands=False)
    assert vars(lean.parse_args(app_words)) == vars(whole.parse_args(app_words))
    assert lean.format_usage() == whole.format_usage()


def test_an_unknown_option_or_word_is_refused_with_the_whole_usage() -> None:
    for words, said in (
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["bogus-word"], "invalid choice: 'bogus-word'"),
    ):
        result = run(*words, check=False)
        assert result.returncode == 2
        assert "COMMAND ..." in result.stderr and said in result.stderr, result.stderr


def test_the_app_s_options_a_command_uses_also_go_after_it(tmp_path: Path) -> None:
    """`search putin --db FILE`, as people type it: the catalog and the user's folder
    may follow the command; after it they win, and each command takes only those it
    uses (an option it would ignore is refused)."""
    missing = tmp_path / "nope.sqlite"
    for words in (
        ["search", "putin", "--db", missing],
        ["--db", ROOT / "resources" / "catalog.sqlite", "export", "--db", missing],
        ["list", "kinds", "--db", missing],
    ):
        result = run(*words, check=False)
        assert result.returncode == 2 and f"{missing} does not exist" in result.stderr, words
    source = tmp_path / "mine.json"
    source.write_text(json.dumps({"events": [{"start_date": {"year": 2020}, "text": {}}]}))
    assert "Imported 1 event" in run("import", source, "--data-dir", tmp_path / "user").stdout
    assert (tmp_path / "user" / "catalogs" / "mine.tlcat").is_file()
    refused = run("import", source, "--temp-basedir", check=False)
    assert refused.returncode == 2 and "give --out FILE" in refused.stderr
    ignored = run("build-data", "--db", missing, check=False)
    assert ignored.returncode == 2 and "unrecognized arguments: --db" in ignored.stderr


def test_an_app_option_after_a_command_is_refused_saying_why() -> None:
    """An app option after a command that does not use it is refused as argparse does,
    and the message says which commands use it, or that it is for the app alone."""
    for words, said in (
        (["build-data", "--db", "x.sqlite"], "(build-data does not use --db: search, export "),
        (["list", "kinds", "--temp-basedir"], "(list does not use --temp-basedir: search and "),
        (["search", "putin", "-v"], "(search does not use -v: it is for the app, given with no "),
        (["export", "--no-err-windows"], "(export does not use --no-err-windows: it is for the"),
    ):
        result = run(*words, check=False)
        assert result.returncode == 2 and "unrecognized arguments: " in result.stderr, words
        assert said in result.stderr, result.stderr
    bogus = run("search", "putin", "--bogus", check=False).stderr
    assert bogus.rstrip().endswith("unrecognized arguments: --bogus"), bogus
