"""Which events a view is narrowed to by the user's own marks: starred, noted, a tag."""

from __future__ import annotations

from viewer.core.frozen import frozen


@frozen
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


def scopes(tags: list[str]) -> list[Scope]:
    """Every scope to offer: the fixed ones, then one per tag in use."""
    return [
        Scope("all"),
        Scope("starred"),
        Scope("noted"),
        Scope("coloured"),
        *(Scope("tag", t) for t in tags),
    ]
