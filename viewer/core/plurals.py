"""Counts in words: "1 event", "2 events" (every count the app prints goes through here)."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """`count` and `word`, or its plural (`words`, else `word` + "s"), with thousands marked."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"
