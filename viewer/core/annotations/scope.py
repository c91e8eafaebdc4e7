"""Which events a view is narrowed to by the user's own marks: starred, noted, a tag."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from viewer.core.annotations.records import Annotation


@dataclass(frozen=True, slots=True)
class Scope:
    kind: str = "all"  # all, starred, noted, coloured, tag
    tag: str = ""

    @property
    def label(self) -> str:
        return {
            "all": "All events",
            "starred": "Starred",
            "noted": "With my note",
            "coloured": "With a colour",
        }.get(self.kind, f"Tag: {self.tag}")

    def event_ids(self, annotations: Mapping[str, Annotation]) -> frozenset[str] | None:
        """The events in scope, or None for no restriction."""
        if self.kind == "all":
            return None
        keep = {
            "starred": lambda a: a.starred,
            "noted": lambda a: bool(a.note.strip()),
            "coloured": lambda a: a.colour is not None,
            "tag": lambda a: self.tag in a.tags,
        }[self.kind]
        return frozenset(i for i, a in annotations.items() if keep(a))


def scopes(tags: list[str]) -> list[Scope]:
    """Every scope to offer: the fixed ones, then one per tag in use."""
    return [
        Scope("all"),
        Scope("starred"),
        Scope("noted"),
        Scope("coloured"),
        *(Scope("tag", t) for t in tags),
    ]
