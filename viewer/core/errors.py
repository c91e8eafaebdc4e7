"""Errors the core raises with messages meant for the person at the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from viewer.core.frozen import frozen


@frozen
class Problem:
    """One thing wrong in the data: where (file, record, field) and what."""

    where: str
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        parts = [self.where]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join([*parts, self.message])


def listed(problems: list[str], limit: int) -> str:
    """The first `limit` problems, one an indented line, and how many more there are."""
    shown = "".join(f"\n  {p}" for p in problems[:limit])
    more = f"\n  … and {len(problems) - limit} more" if len(problems) > limit else ""
    return shown + more


class ViewerError(Exception):
    """The base of every error the app raises on purpose: `str(error)` is a message for
    the person at the keyboard (which file, where, what to do), shown as it is."""


class DataError(ViewerError):
    """The source data cannot be compiled; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem{'' if len(problems) == 1 else 's'}"
        super().__init__(f"{count} in the catalog data:{listed([str(p) for p in problems], 50)}")


class StoppedError(ViewerError):
    """The person stopped long work (an import) before it finished; nothing was written."""


#: Long work asks this between steps; True means stop (raise `StoppedError`).
ShouldStop = Callable[[], bool]


def never() -> bool:
    return False


class CatalogError(ViewerError):
    """A catalog file that cannot be opened: missing, damaged or of another version."""


class ReadOnlyError(ViewerError):
    """A write to annotations opened read-only (a database from a newer version)."""


class StorageError(ViewerError):
    """Reading or writing the user's annotations failed for a reason outside the app: a
    full or failing disk, permissions. What was being saved is not saved."""


class UsageError(ViewerError):
    """Something typed on the command line that cannot be used (a malformed date)."""
