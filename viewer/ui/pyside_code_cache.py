"""PySide6's own support modules, compiled once rather than at every start.

shiboken6 carries its Python support modules (`shibokensupport`, for signatures and
`__feature__`) as sources in a zip inside its library, and compiles them with
`compile()` each time it is imported: ~130 kB of source, 15-40 ms of every start-up
on this project's machines. Python keeps a .pyc for any module it imports from a
file; these come from no file, so nothing is kept. (The Linux bundle carries them
compiled, in the folder shiboken6 imports them from when it exists:
packaging/signature_support.py. An installed wheel could have that folder only by
the app writing into the installed package, which it must not.)

While shiboken6 is first imported, `compile()` answers for those modules alone from
a cache in the app's cache folder: the code Python would make, kept with the
interpreter's magic number, the compiler flags, the optimisation level (-O) and a
checksum of the source, so a new PySide6 or Python compiles again. Any other call,
any doubt (a damaged, missing or unwritable cache) and the cache's absence
(--temp-basedir) leave `compile()` doing what it always does. Nothing changes once
shiboken6 is imported.
"""

from __future__ import annotations
import __future__

import builtins
import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

#: The names shiboken6 gives the support modules it compiles: its bootstrap and the
#: modules of the `shibokensupport` package.
_BOOTSTRAP = "signature_bootstrap.py"
_PACKAGE = "shibokensupport/"
#: The compiler flags a `compile()` call takes from the code calling it (its
#: `from __future__` imports), which the cached code must have been made with too.
_FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag


@contextlib.contextmanager
def support_code_cached(folder: Path | None) -> Iterator[None]:
    """Within: PySide6's support modules are compiled once into `folder` (made if
    needed) and read from it after. None: no cache (compiled as always)."""
    if folder is None:
        yield
        return
    original = builtins.compile
    builtins.compile = _caching(original, folder)
    try:
        yield
    finally:
        builtins.compile = original


def _caching(original: Callable[..., Any], folder: Path) -> Callable[..., Any]:
    def compile(
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **kwargs: Any,
    ) -> Any:
        ours = (
            isinstance(filename, str)
            and (filename == _BOOTSTRAP or filename.startswith(_PACKAGE))
            and isinstance(source, (str, bytes))
            and mode == "exec"
            and not flags
            and not dont_inherit
            and optimize == -1
            and not kwargs
        )
        if not ours:
            return original(source, filename, mode, flags, dont_inherit, optimize, **kwargs)
        # What the builtin would take from its caller, taken here as it would.
        inherited = sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        return cached_code(original, folder, source, filename, inherited)

    return compile


def cached_code(
    compile_: Callable[..., Any], folder: Path, source: str | bytes, filename: str, flags: int
) -> Any:
    """The code of `source` as `compile(source, filename, "exec", flags, True)` makes
    it: from `folder` when kept there for this very source, else compiled and kept."""
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    # What makes compile() give other code: the interpreter, the flags, -O, the source.
    header = b"%s%08x%x%08x%08x" % (
        MAGIC_NUMBER,
        flags,
        sys.flags.optimize,
        zlib.crc32(data),
        len(data),
    )
    path = folder / (filename.replace("/", ".") + ".code")
    try:
        kept = path.read_bytes()
        if kept.startswith(header):
            code = marshal.loads(kept[len(header) :])
            if isinstance(code, CodeType):  # else damaged: PySide6 could not start on it
                return code
    except (OSError, ValueError, EOFError, TypeError):
        pass  # not kept yet, or damaged: compiled again below
    code = compile_(source, filename, "exec", flags, True)
    keep(path, header + marshal.dumps(code))
    return code


def keep(path: Path, data: bytes) -> None:
    """Write `data` to `path` (and its folder) whole or not at all, also with two
    starts at once. An unwritable or full disk leaves it as it was: what is not kept
    is made again at the next start, as without a cache."""
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
