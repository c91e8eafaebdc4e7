"""Files and arguments a stranger may hand the app: refused in words, nothing written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from viewer.core.annotations.interchange import ImportRefusedError, import_file
from viewer.core.annotations.store import AnnotationStore
from viewer.core.interchange.timelinejs import TimelineJSError, read
from viewer.core.json_files import UnreadableJSONError, read_json

HEADER = '{"format": "timeline-viewer-annotations", "version": 1, '


def _store(tmp_path: Path) -> AnnotationStore:
    return AnnotationStore(tmp_path / "annotations.sqlite", tmp_path / "backups")


def _own_events(count: int, extra: str = "") -> str:
    events = [
        {"id": f"mine-{n}", "title": f"Mine {n}", "date": "2020", "kind": "statement",
         "note": "", "updated": "2026-01-01T00:00:00.000+00:00"}
        for n in range(count)
    ]  # fmt: skip
    body = json.dumps(events)
    return HEADER + f'"annotations": [], "user_events": {body[:-1]}{extra}]' + "}"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[" * 5000 + "]" * 5000, "nested too deeply"),
        (HEADER + '"annotations": [], "x": ' + "1" * 5000 + "}", "far too long"),
        (HEADER + '"annotations": [], "x": NaN}', "is not a number JSON allows"),
        (HEADER + '"annotations": [], "x": ' + "[" * 70 + "]" * 70 + "}", "levels deep"),
    ],
)
def test_absurd_json_is_refused_in_words(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UnreadableJSONError, match=says):
        read_json(path, max_bytes=10_000_000, what="files")


def test_a_lone_surrogate_refuses_the_whole_import_before_anything_is_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.json"
    bad = ', {"id": "mine-x", "title": "\\ud800", "date": "2020", "kind": "statement"}'
    path.write_text(_own_events(3, bad), encoding="utf-8")
    store = _store(tmp_path)
    with pytest.raises(ImportRefusedError, match="not Unicode"):
        import_file(store, path, set())
    assert store.user_events() == []
    store.close()


def test_devices_and_pipes_are_refused_without_being_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for path in (fifo, Path("/dev/zero"), tmp_path):
        start = time.perf_counter()
        with pytest.raises(UnreadableJSONError, match="is not a file"):
            read_json(path, max_bytes=1000, what="files")
        assert time.perf_counter() - start < 2


def test_the_size_limit_counts_the_bytes_really_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text("[" + "0," * 600 + "0]", encoding="utf-8")
    with pytest.raises(UnreadableJSONError, match="over 0 MB"):
        read_json(path, max_bytes=1000, what="files")


IMPORT = """
import sys
from pathlib import Path
from viewer.core.annotations.interchange import import_file
from viewer.core.annotations.store import AnnotationStore
store = AnnotationStore(Path(sys.argv[1]) / "annotations.sqlite", Path(sys.argv[1]) / "b")
print("ready", flush=True)
import_file(store, Path(sys.argv[2]), set())
"""


def test_an_import_killed_at_any_moment_is_all_or_nothing(tmp_path: Path) -> None:
    source = tmp_path / "mine.json"
    source.write_text(_own_events(300), encoding="utf-8")
    counts = []
    for attempt in range(8):
        folder = tmp_path / f"user{attempt}"
        folder.mkdir()
        child = subprocess.Popen(
            [sys.executable, "-c", IMPORT, str(folder), str(source)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(0.002 * attempt)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        store = _store(folder)
        counts.append(len(store.user_events()))
        store.close()
    assert set(counts) <= {0, 300}, counts


def test_our_own_date_block_is_checked_like_anything_else(tmp_path: Path) -> None:
    slide = {
        "start_date": {"year": 2020, "month": 5},
        "text": {"headline": "A"},
        "timeline_viewer": {
            "edtf": "2020-05", "start": "2020-05-31", "end": "2020-05-01",
            "precision": "month", "approximate": "yes", "kind": "meeting",
        },
    }  # fmt: skip
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"events": [slide]}), encoding="utf-8")
    (read_slide,) = read(path).slides
    assert read_slide.date.label() == "May 2020"  # from the TimelineJS fields instead
    assert read_slide.date.start <= read_slide.date.end
    slide["timeline_viewer"]["kind"] = "../../etc"  # type: ignore[index]
    path.write_text(json.dumps({"events": [slide]}), encoding="utf-8")
    with pytest.raises(TimelineJSError, match="is not a kind of event"):
        read(path)


@pytest.mark.parametrize(
    "text",
    ['{"events": ' + "[" * 5000 + "]" * 5000 + "}", '{"events": [], "x": ' + "9" * 5000 + "}"],
)
def test_the_cli_refuses_absurd_timelinejs_in_one_line(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "import", str(path), "--out", str(tmp_path / "o.sqlite")],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_argument_that_is_not_text_is_one_line() -> None:
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"viewer", b"search", b"putin", b"--speaker", b"\xff"],
        capture_output=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert b"is not valid text" in result.stderr
