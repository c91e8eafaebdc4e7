"""Reading a JSON file someone sent: bounded in size, and every failure said plainly."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from viewer.core.errors import ViewerError

#: Deepest nesting of arrays and objects read (no file this app reads needs more than 6).
MAX_DEPTH = 64
#: Longest number read, in characters (a year of a billion years has 11).
MAX_NUMBER_CHARS = 40


class UnreadableJSONError(ViewerError, ValueError):
    """The file cannot be read as JSON; the message says which file and why."""


def read_json(path: Path, *, max_bytes: int, what: str) -> object:
    """The parsed document; refuses files over `max_bytes` (`what`: "TimelineJS files"),
    counting the bytes really read (a device or pipe is refused before it is opened), and
    documents nested too deep, with absurd numbers or with text that is not Unicode."""
    text = read_text(path, max_bytes=max_bytes, what=what)
    try:
        document = json.loads(text, parse_int=_whole_number, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise UnreadableJSONError(
            f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from exc
    except RecursionError as exc:
        raise UnreadableJSONError(f"{path} is nested too deeply to be read.") from exc
    except ValueError as exc:  # from the number and constant checks below
        raise UnreadableJSONError(f"{path} cannot be read: {exc}.") from exc
    if (problem := _shape_problem(document)) is not None:
        raise UnreadableJSONError(f"{path} cannot be read: {problem}.")
    return document


def read_text(path: Path, *, max_bytes: int, what: str) -> str:
    """A text file someone sent, bounded by the bytes really read (a device or a pipe is
    refused before it is opened), as UTF-8 (a byte-order mark is dropped)."""
    data = read_bytes(path, max_bytes=max_bytes, what=what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableJSONError(f"{path} is not UTF-8 text (byte {exc.start}).") from exc


def read_bytes(path: Path, *, max_bytes: int, what: str) -> bytes:
    """A file someone sent, as bytes, bounded by the bytes really read."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise UnreadableJSONError(
                f"{path} is not a file (a folder, a device or a pipe); choose a file."
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableJSONError(f"{path} cannot be read: {exc.strerror}.") from exc
    if len(data) > max_bytes:
        raise UnreadableJSONError(
            f"{path} is over {max_bytes // 1_000_000} MB; {what} over "
            f"{max_bytes // 1_000_000} MB are refused."
        )
    return data


def _whole_number(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(f"a number of {len(text):,} digits is far too long")
    return int(text)


def _no_constant(text: str) -> float:
    raise ValueError(f"{text} is not a number JSON allows")


def _shape_problem(document: object) -> str | None:
    """Too deep a nesting, or text with a lone surrogate (not a character), or None."""
    stack: list[tuple[object, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    return "it holds text that is not Unicode (a lone surrogate \\ud800–\\udfff)"
        elif isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                return f"it is nested more than {MAX_DEPTH} levels deep"
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    stack.append((key, depth + 1))
                stack.append((item, depth + 1))
    return None
