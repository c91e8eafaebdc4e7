"""PySide6's own Python modules, compiled once at build time instead of at every start.

PySide6 gives Qt's functions their Python signatures with ~3,000 lines of its own
Python (the `shibokensupport` package). The wheel keeps them as source, embedded in
libshiboken6, and every start of a program compiles them again: the packaged app's
first paint comes 6-14 ms sooner without that (the same bundle with and without, 4 x 15
alternating starts). When a folder `files.dir` beside shiboken6's `__init__` holds
the package (PySide6 writes it itself under SBK_EMBED=0), PySide6 imports it from
there as any package instead.

The spec (Linux) writes that package here as .pyc files, compiled like the app's own
modules, and the bundle carries them at `shiboken6/files.dir/`. Plain Python, run by
the spec at build time and by tests/test_packaging.py without a build.
"""

from __future__ import annotations

import importlib
import py_compile
import sys
from pathlib import Path, PurePosixPath

PACKAGE = "shibokensupport"
BUNDLED_AT = "shiboken6/files.dir"  # where PySide6 looks, beside shiboken6's __init__


def support_sources() -> dict[PurePosixPath, bytes]:
    """The sources of PySide6's `shibokensupport` package, by path inside `files.dir`
    (`shibokensupport/signature/loader.py`, ...), as the installed PySide6 holds them."""
    importlib.import_module("shiboken6")  # loads shibokensupport, from wherever it is
    package = sys.modules[PACKAGE]
    embedded = getattr(package.__loader__, "zfile", None)  # the wheel's way: a zip in memory
    if embedded is not None:
        return {
            PurePosixPath(name): embedded.read(name)
            for name in embedded.namelist()
            if name.startswith(f"{PACKAGE}/") and name.endswith(".py")
        }
    if package.__file__ is None:
        msg = f"PySide6's {PACKAGE} is neither embedded nor in a folder: cannot bundle it"
        raise RuntimeError(msg)
    root = Path(package.__file__).parent.parent  # a files.dir written by SBK_EMBED=0
    return {
        PurePosixPath(path.relative_to(root).as_posix()): path.read_bytes()
        for path in sorted((root / PACKAGE).rglob("*.py"))
    }


def compile_support(into: Path, *, optimize: int) -> list[tuple[str, str]]:
    """Write each module as a .pyc under `into` (no sources: imported as the bundle's
    other modules are) and return the spec's `datas` entries that carry them."""
    sources = support_sources()
    if PurePosixPath(PACKAGE, "signature", "loader.py") not in sources:
        msg = f"PySide6's {PACKAGE} has no signature/loader.py: its layout changed"
        raise RuntimeError(msg)
    datas = []
    for name, source in sources.items():
        source_file = into / "sources" / name
        source_file.parent.mkdir(parents=True, exist_ok=True)
        source_file.write_bytes(source)
        compiled = into / "compiled" / name.with_suffix(".pyc")
        compiled.parent.mkdir(parents=True, exist_ok=True)
        # Named in tracebacks by its path inside files.dir, as PySide6 names it.
        py_compile.compile(
            str(source_file), cfile=str(compiled), dfile=str(name), optimize=optimize, doraise=True
        )
        datas.append((str(compiled), str(PurePosixPath(BUNDLED_AT) / name.parent)))
    return datas
