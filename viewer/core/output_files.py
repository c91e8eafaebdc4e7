"""Files a person asks the command line to write: checked first, written whole.

Every problem becomes one `UsageError` line that names the path and what to do, so
`export -o`, `build-data --out` and `import --out` never end in a traceback, never
create folders the person did not ask for, and never overwrite a file that is not
what they were writing (a text file given as a catalog's name stays as it was).
"""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from viewer.core.errors import UsageError

#: The first bytes of every SQLite database.
SQLITE_HEADER = b"SQLite format 3\x00"


def check_output(path: Path, what: str = "file") -> Path:
    """`path` if a `what` can be written there; else a `UsageError` saying why."""
    if not str(path) or str(path) == ".":
        raise UsageError(f"No {what} name given: name the {what} to write.")
    if path.is_dir():
        raise UsageError(f"{path} is a folder: give the name of a {what} inside it.")
    folder = path.parent
    if not folder.exists():
        raise UsageError(f"The folder {folder} does not exist: create it first, or choose another.")
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder, so {path} cannot be written.")
    if path.exists() and not os.access(path, os.W_OK):
        raise UsageError(f"{path} cannot be written: it is read-only.")
    if not path.exists() and not os.access(folder, os.W_OK):
        raise UsageError(f"{path} cannot be written: the folder {folder} is read-only.")
    return path


def check_catalog_output(path: Path) -> Path:
    """As `check_output`, and an existing file there must be a catalog (it is replaced)."""
    check_output(path, "catalog")
    if path.exists() and not is_sqlite(path):
        raise UsageError(
            f"{path} exists and is not a catalog; it is left as it is. "
            "Choose a new file name (a catalog is a .sqlite file)."
        )
    return path


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def write_text(path: Path, text: str) -> None:
    """Write `text` to `path` whole (a temporary file moved into place), or say why not."""
    check_output(path)
    temp: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        temp = Path(name)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        temp.chmod(0o644)
        temp.replace(path)
        temp = None
    except OSError as exc:
        raise UsageError(f"{path} cannot be written: {exc.strerror or exc}.") from exc
    finally:
        if temp is not None:
            with suppress(OSError):
                temp.unlink()
