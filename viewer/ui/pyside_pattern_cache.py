"""The regular expressions PySide6's support modules compile, compiled once.

When shiboken6 is imported, its signature support (see pyside_code_cache) compiles
three regular expressions of ~6,000 characters each, for the "braces tower" of its
signature parser: 15-35 ms of every start-up on this project's machines, nearly all of
it in `re`'s parser and compiler, which are written in Python. What they make is a
list of numbers for the regex engine (`_sre`); turning that list into a pattern takes
~0.02 ms.

While shiboken6 is first imported, `re` compiles patterns through here: a pattern
kept in the cache folder for this very interpreter (its version and the engine's
magic number) is made straight from its kept numbers; any other is compiled as always,
and what it needed is kept for the next start. The file carries a checksum, and the
engine checks the numbers it is given; any doubt (a file that does not read, numbers
the engine refuses) compiles as always. Nothing changes once shiboken6 is imported.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # re's engine: no stubs
import contextlib
import marshal
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from viewer.ui.pyside_code_cache import keep

#: The file the patterns are kept in, in the cache folder.
KEPT = "patterns.marshal"
#: What the kept numbers are valid for: this interpreter's build and its regex engine.
_HEADER = b"patterns %x %d %d\n" % (sys.hexversion, _sre.MAGIC, _sre.CODESIZE)

#: A pattern as the engine is given it: (pattern, flags, code, groups, groupindex,
#: indexgroup), the arguments of `_sre.compile`.
Made = tuple[Any, ...]
Key = tuple[str | bytes, int]


@contextlib.contextmanager
def support_patterns_cached(folder: Path | None) -> Iterator[None]:
    """Within: patterns `re` compiles are read from `folder` when kept there, and kept
    there when not. None: no cache (compiled as always)."""
    if folder is None:
        yield
        return
    path = folder / KEPT
    kept = read_kept(path)
    used: dict[Key, Made] = {}  # served from `kept`
    made: dict[Key, Made] = {}  # compiled, and to be kept
    compiler = re._compiler  # type: ignore[attr-defined]
    original = compiler.compile
    compiler.compile = _caching(original, kept, used, made)
    try:
        yield
    finally:
        compiler.compile = original
    if made:  # what this start used: patterns of an earlier PySide6 are let go
        write_kept(path, {**used, **made})


def _caching(
    original: Callable[..., Any],
    kept: dict[Key, Made],
    used: dict[Key, Made],
    made: dict[Key, Made],
) -> Callable[..., Any]:
    def compile(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, (str, bytes)) or not isinstance(flags, int):
            return original(pattern, flags)
        key = (pattern, flags)
        if (given := kept.get(key)) is not None:
            with contextlib.suppress(Exception):  # refused by the engine: compiled below
                compiled = _sre.compile(*given)
                used[key] = given
                return compiled
        return _recorded(original, pattern, flags, made)

    return compile


def _recorded(
    original: Callable[..., Any], pattern: str | bytes, flags: int, made: dict[Key, Made]
) -> Any:
    """`original(pattern, flags)`, with what it gave the engine kept in `made`."""
    given: list[Made] = []
    engine_compile = _sre.compile

    def recording(*args: Any) -> Any:
        given.append(args)
        return engine_compile(*args)

    _sre.compile = recording
    try:
        compiled = original(pattern, flags)
    finally:
        _sre.compile = engine_compile
    if len(given) == 1:
        made[(pattern, flags)] = _plain(given[0])
    return compiled


def _plain(value: Any) -> Any:
    """`value` with `re`'s named numbers (int subclasses, which marshal cannot keep)
    as plain ints, in the containers the engine is given."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(item) for item in value)
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    return value


def read_kept(path: Path) -> dict[Key, Made]:
    """The patterns kept in `path`; none if it is missing, damaged or made for another
    interpreter."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    header, _, rest = data.partition(b"\n")
    checksum, body = rest[:8], rest[8:]
    if header + b"\n" != _HEADER or checksum != b"%08x" % zlib.crc32(body):
        return {}
    try:
        kept = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return {}
    if not isinstance(kept, dict):
        return {}
    return {
        key: made
        for key, made in kept.items()
        if isinstance(key, tuple) and len(key) == 2 and isinstance(made, tuple)
    }


def write_kept(path: Path, patterns: dict[Key, Made]) -> None:
    """Keep `patterns` in `path`, whole or not at all; an unwritable or full disk, or a
    pattern marshal cannot keep, leaves it as it was."""
    try:
        body = marshal.dumps(patterns)
    except ValueError:  # something in what the engine was given that marshal cannot keep
        return
    keep(path, _HEADER + b"%08x" % zlib.crc32(body) + body)
