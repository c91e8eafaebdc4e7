"""Reading a JSON file someone sent: bounded in size, and every failure said plainly."""

from __future__ import annotations

import json
from pathlib import Path


class UnreadableJSONError(ValueError):
    """The file cannot be read as JSON; the message says which file and why."""


def read_json(path: Path, *, max_bytes: int, what: str) -> object:
    """The parsed document; refuses files over `max_bytes` (`what`: "TimelineJS files")."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableJSONError(f"{path} cannot be read: {exc.strerror}.") from exc
    if size > max_bytes:
        raise UnreadableJSONError(
            f"{path} is {size // 1_000_000} MB; {what} over {max_bytes // 1_000_000} MB "
            "are refused."
        )
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise UnreadableJSONError(f"{path} is not UTF-8 text (byte {exc.start}).") from exc
    except json.JSONDecodeError as exc:
        raise UnreadableJSONError(
            f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from exc
    except OSError as exc:
        raise UnreadableJSONError(f"{path} cannot be read: {exc.strerror}.") from exc
