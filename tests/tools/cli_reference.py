"""Write docs/cli.md: every verb's options (from the parser) and, for each situation a
person may be in, the command, its exit code and the message it prints, taken by
running the real command line now, so the table is never out of date.

python tests/tools/cli_reference.py docs/cli.md      (a test checks the file is current)
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
from pathlib import Path

from viewer.cli import main, no_display_problem
from viewer.cli_manual import options_markdown

ROOT = Path(__file__).resolve().parents[2]

#: (verb, situation, arguments): DIR is a fresh folder holding `good.json` (a TimelineJS
#: file), `empty.json` (one with no slides), `notes.txt` (a text file) and `a-file`.
SCENARIOS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("search", "something is found", ("search", "meddle", "--limit", "1", "--no-notes")),
    ("search", "nothing is found", ("search", "zzzzqqqq", "--no-notes")),
    ("search", "an unknown profile", ("search", "putin", "--profile", "nosuch")),
    ("search", "an unknown speaker", ("search", "putin", "--speaker", "nosuch")),
    ("search", "a date that is not one", ("search", "putin", "--from", "July")),
    ("search", "a limit below 1", ("search", "putin", "--limit", "0")),
    ("search", "a missing catalog", ("--db", "DIR/none.sqlite", "search", "putin")),
    ("search", "a JSON file given as the catalog", ("--db", "DIR/good.json", "search", "x")),
    ("export", "to a file", ("export", "--format", "csv", "-o", "DIR/quotes.csv")),
    ("export", "into a folder that does not exist", ("export", "-o", "DIR/no/x.json")),
    ("export", "to a folder's name", ("export", "-o", "DIR")),
    ("export", "with an empty file name", ("export", "-o", "")),
    ("export", "json with --profile", ("export", "--format", "json", "--profile", "x")),
    ("export", "an unknown profile", ("export", "--format", "timelinejs", "--profile", "x")),
    ("import", "a TimelineJS file", ("import", "DIR/good.json", "--out", "DIR/good.sqlite")),
    ("import", "a file with no slides", ("import", "DIR/empty.json", "--out", "DIR/e.sqlite")),
    ("import", "onto an earlier import", ("import", "DIR/good.json", "--out", "DIR/good.sqlite")),
    ("import", "with --temp-basedir and no --out", ("--temp-basedir", "import", "DIR/good.json")),
    ("import", "--data-dir is a file", ("--data-dir", "DIR/a-file", "import", "DIR/good.json")),
    ("build-data", "data/ built", ("build-data", "--source", "data", "--out", "DIR/c.sqlite")),
    ("build-data", "over a file that is no catalog", ("build-data", "--out", "DIR/notes.txt")),
    ("build-data", "into a folder's name", ("build-data", "--out", "DIR")),
    ("build-data", "--source and --from-json", ("build-data", "--source", "data",
                                                "--from-json", "x.json", "--out", "DIR/x")),
    ("list", "profiles", ("list", "profiles")),
)  # fmt: skip


def _run(arguments: tuple[str, ...], folder: Path) -> tuple[int, str]:
    argv = [a.replace("DIR", str(folder)) for a in arguments]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse's own refusals
            code = int(exit_.code or 0)
    said = (err.getvalue().strip() or out.getvalue().strip()).splitlines()
    line = said[-1] if said else ""
    line = line.replace(str(folder), "DIR").replace(str(ROOT) + "/", "")
    return code, line.replace("\t", " ")


def reference() -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "good.json").write_text(
            json.dumps({"events": [{"start_date": {"year": 2020}, "text": {"headline": "A"}}]})
        )
        (folder / "empty.json").write_text('{"events": []}')
        (folder / "notes.txt").write_text("my notes")
        (folder / "a-file").write_text("")
        for verb, situation, arguments in SCENARIOS:
            code, line = _run(arguments, folder)
            shown = " ".join(a if a else "''" for a in arguments)
            rows.append(f"| {verb} | {situation} | `timeline-viewer {shown}` | {code} | {line} |")
    display = no_display_problem({})
    rows.append(
        f"| (the app) | no display (Linux) | `timeline-viewer` | 2 | timeline-viewer: {display} |"
    )
    table = [
        "## What each command says",
        "",
        "Run now by `tests/tools/cli_reference.py` (DIR is a scratch folder); the last line",
        "printed is shown. Messages of the app's windows are in [errors.md](errors.md).",
        "",
        "| command | situation | typed | exit code | last line printed |",
        "| --- | --- | --- | --- | --- |",
        *(r.replace("|  |", "| |") for r in rows),
    ]
    head = [
        "# The command line",
        "",
        "Generated from the argument parser and a run of each situation below; do not edit:",
        "`python tests/tools/cli_reference.py docs/cli.md` writes it again. The same options",
        "make the manual page (`python -m viewer.cli_manual`).",
        "",
    ]
    return "\n".join(head) + options_markdown() + "\n" + "\n".join(table) + "\n"


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(reference(), encoding="utf-8")
    print(f"wrote {sys.argv[1]}")
