"""Read catalog documents: the TOML files in `data/`, or an exported JSON file.

Layout of `data/` (see data/README.md):

    entities.toml        [[entity]] ...
    sources.toml         [[source]] ...
    eras.toml            [[era]] ...
    profiles/*.toml      one profile per file, with [[action]] and [[criticism]]
    events/*.toml        [[event]] ... each with its [[event.quote]] tables
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from viewer.core.catalog.document import COLLECTIONS, FORMAT, FORMAT_VERSION, Document, Located
from viewer.core.errors import DataError, Problem

#: file (or folder/*.toml) -> (collection, the TOML array name of its records)
_LAYOUT = {
    "entities.toml": ("entities", "entity"),
    "sources.toml": ("sources", "source"),
    "eras.toml": ("eras", "era"),
    "lanes.toml": ("lanes", "lane"),  # optional: without, the political lanes
    "events": ("events", "event"),
}
_OPTIONAL = {"lanes.toml"}
#: TOML's singular table names for nested records -> the document's plural keys.
_NESTED = {"event": {"quote": "quotes"}, "profile": {"action": "actions", "criticism": "criticism"}}


def load_data_dir(root: Path) -> Document:
    """Load every source file under `root`; problems name the file and line."""
    if not root.is_dir():
        raise DataError([Problem(str(root), None, None, "is not a folder of catalog data")])
    document = Document()
    problems: list[Problem] = []
    for name, (collection, array) in _LAYOUT.items():
        path = root / name
        if name in _OPTIONAL and not path.exists():
            continue
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        for file in files:
            table = _read_toml(file, root, problems)
            if table is None:
                continue
            where = _display(file, root)
            for extra in sorted(set(table) - {array}):
                problems.append(
                    Problem(where, None, extra, f"unknown table (expected [[{array}]])")
                )
            records = table.get(array, [])
            if not isinstance(records, list):
                problems.append(Problem(where, None, array, f"use [[{array}]] tables"))
                continue
            document.collection(collection).extend(
                Located(_rename(array, r), where) for r in records
            )
    for file in sorted((root / "profiles").glob("*.toml")):
        table = _read_toml(file, root, problems)
        if table is not None:
            document.profiles.append(Located(_rename("profile", table), _display(file, root)))
    if problems:
        raise DataError(problems)
    return document


def _rename(kind: str, record: Any) -> Any:
    if not isinstance(record, dict):
        return record
    out = dict(record)
    for singular, plural in _NESTED.get(kind, {}).items():
        if singular in out:
            out[plural] = out.pop(singular)
    return out


def _display(file: Path, root: Path) -> str:
    try:
        return str(Path(root.name) / file.relative_to(root))
    except ValueError:
        return str(file)


def _read_toml(file: Path, root: Path, problems: list[Problem]) -> dict[str, Any] | None:
    where = _display(file, root)
    if not file.exists():
        problems.append(Problem(where, None, None, "is missing"))
        return None
    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        if "at end of document" in message:  # say which line that is, as for the others
            lines = file.read_bytes().count(b"\n") + 1
            message = message.replace("at end of document", f"at the end, line {lines}")
        problems.append(Problem(where, None, None, f"is not valid TOML: {message}"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(where, None, None, f"cannot be read: {exc}"))
    return None


def load_json(file: Path) -> Document:
    """Load a document written by `timeline-viewer export --format json`."""
    where = str(file)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(
            [
                Problem(
                    where,
                    None,
                    None,
                    f"is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                )
            ]
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(where, None, None, f"cannot be read: {exc}")]) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataError([Problem(where, None, "format", f"is not a {FORMAT} document")])
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise DataError(
            [
                Problem(
                    where,
                    None,
                    "format_version",
                    f"{version!r} is newer than this app reads ({FORMAT_VERSION}); update the app",
                )
            ]
        )
    document = Document()
    problems: list[Problem] = []
    for name in COLLECTIONS:
        records = data.get(name, [])
        if not isinstance(records, list):
            problems.append(Problem(where, None, name, "must be a list"))
            continue
        document.collection(name).extend(
            Located(r, f"{where}: {name}[{i}]") for i, r in enumerate(records)
        )
    for unknown in sorted(set(data) - set(COLLECTIONS) - {"format", "format_version"}):
        problems.append(Problem(where, None, unknown, "unknown top-level key"))
    if problems:
        raise DataError(problems)
    return document
