"""PySide6's support modules are compiled once: the kept code is what compile() makes,
a new source, flags or a damaged file compile again, and nothing else is touched."""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import python_prints
from viewer.ui.pyside_code_cache import cached_code, support_code_cached

SOURCE = "from typing import Any\ndef f(x: Any) -> int:\n    return x + 1\n"
NAME = "shibokensupport/signature/example.py"


class Counted:
    """compile(), counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args: Any) -> Any:
        self.calls += 1
        return compile(*args)


def test_kept_code_is_what_compile_makes_and_is_read_back(tmp_path: Path) -> None:
    counted = Counted()
    first = cached_code(counted, tmp_path, SOURCE, NAME, 0)
    again = cached_code(counted, tmp_path, SOURCE, NAME, 0)
    assert counted.calls == 1  # the second came from the file
    assert first == again == compile(SOURCE, NAME, "exec", 0, True)
    assert again.co_filename == NAME
    namespace: dict[str, Any] = {}
    exec(again, namespace)
    assert namespace["f"](1) == 2


def test_a_new_source_new_flags_or_a_damaged_file_compile_again(tmp_path: Path) -> None:
    import __future__

    counted = Counted()
    cached_code(counted, tmp_path, SOURCE, NAME, 0)
    changed = SOURCE.replace("x + 1", "x + 2")
    namespace: dict[str, Any] = {}
    exec(cached_code(counted, tmp_path, changed, NAME, 0), namespace)
    assert namespace["f"](1) == 3 and counted.calls == 2
    flag = __future__.annotations.compiler_flag
    code = cached_code(counted, tmp_path, changed, NAME, flag)
    assert counted.calls == 3 and code == compile(changed, NAME, "exec", flag, True)
    [kept] = tmp_path.iterdir()
    kept.write_bytes(kept.read_bytes()[:40] + b"\x00garbage")  # the header holds
    assert cached_code(counted, tmp_path, changed, NAME, flag) == code
    assert counted.calls == 4
    assert cached_code(counted, tmp_path, changed, NAME, flag) == code  # kept whole again
    assert counted.calls == 4


def test_a_kept_file_of_something_else_than_code_compiles_again(tmp_path: Path) -> None:
    """Marshal data that is not code (damage that kept the header) would stop PySide6
    from starting: it is compiled again instead."""
    import marshal
    from importlib.util import MAGIC_NUMBER

    counted = Counted()
    cached_code(counted, tmp_path, SOURCE, NAME, 0)
    [kept] = tmp_path.iterdir()
    header = kept.read_bytes()[: len(MAGIC_NUMBER) + 25]  # magic, flags, -O, checksum, length
    kept.write_bytes(header + marshal.dumps(("not", "code")))
    assert cached_code(counted, tmp_path, SOURCE, NAME, 0) == compile(SOURCE, NAME, "exec", 0, True)
    assert counted.calls == 2
    assert [p.name for p in tmp_path.iterdir()] == [kept.name]  # no partial file left


CHECKED = "def f():\n    assert False, 'checked'\n"
# A run of Python (with or without -O) that serves CHECKED from a cache and calls it.
RUN_CHECKED = (
    "import sys\n"
    "from pathlib import Path\n"
    "from viewer.ui.pyside_code_cache import cached_code\n"
    "names = {}\n"
    f"exec(cached_code(compile, Path(sys.argv[1]), {CHECKED!r}, {NAME!r}, 0), names)\n"
    "try:\n"
    "    names['f']()\n"
    "    print('unchecked')\n"
    "except AssertionError:\n"
    "    print('checked')\n"
)


def test_code_kept_without_o_is_not_served_with_it(tmp_path: Path) -> None:
    """python -O strips asserts: each optimisation level gets the code made for it."""
    said = [python_prints(*flags, "-c", RUN_CHECKED, str(tmp_path)) for flags in ([], ["-O"], [])]
    assert said == ["checked", "unchecked", "checked"]


def test_an_unwritable_cache_compiles_every_time(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would go")
    counted = Counted()
    for _ in range(2):
        assert cached_code(counted, blocked, SOURCE, NAME, 0) == compile(
            SOURCE, NAME, "exec", 0, True
        )
    assert counted.calls == 2


def test_only_pysides_modules_are_served_and_compile_is_given_back(tmp_path: Path) -> None:
    original = builtins.compile
    with pytest.raises(RuntimeError), support_code_cached(tmp_path):
        assert builtins.compile is not original
        compile("x = 1", "mine.py", "exec")  # not PySide6's: compiled, not kept
        compile(SOURCE, NAME, "exec", dont_inherit=True)  # a call shiboken does not make
        assert list(tmp_path.iterdir()) == []
        compile(SOURCE, NAME, "exec")
        assert len(list(tmp_path.iterdir())) == 1
        raise RuntimeError
    assert builtins.compile is original
    with support_code_cached(None):
        assert builtins.compile is original


# What PySide6 gives with its support modules working: a signature it parsed.
PROBE = """
import builtins, json, sys
from pathlib import Path
from viewer.ui.pyside_code_cache import support_code_cached
compiled = []
real = builtins.compile
def counting(source, filename, *args, **kwargs):
    compiled.append(str(filename))
    return real(source, filename, *args, **kwargs)
builtins.compile = counting  # under the cache: what reaches the real compile()
with support_code_cached(Path(sys.argv[1])):
    import PySide6.QtCore
from shibokensupport.signature import get_signature
print(json.dumps([str(get_signature(PySide6.QtCore.QObject.setObjectName)), compiled]))
"""


def test_pyside6_starts_from_the_kept_code(tmp_path: Path) -> None:
    cache = tmp_path / "pyside"
    runs = [json.loads(python_prints("-c", PROBE, str(cache))) for _ in range(2)]
    (signature, compiled), (signature_again, compiled_again) = runs
    assert "name" in signature and signature_again == signature
    ours = [name for name in compiled if name.startswith("shibokensupport/")]
    assert len(ours) >= 10  # the first start compiled PySide6's support modules
    assert "signature_bootstrap.py" in compiled
    kept = sorted(p.name for p in cache.iterdir())
    assert len(kept) == len(ours) + 1, kept
    assert not [n for n in compiled_again if n.startswith("shibokensupport/")]
    assert "signature_bootstrap.py" not in compiled_again
