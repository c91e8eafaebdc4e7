"""The patterns PySide6's support modules compile are compiled once: a kept pattern is
the one `re` makes, anything doubtful compiles again, and `re` is given back."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import python_prints
from viewer.ui.pyside_pattern_cache import KEPT, read_kept, support_patterns_cached, write_kept

# Named groups, flags and a class: what the engine is given has each kind of number.
PATTERN = r"(?P<word>\b[a-z]+(?:-[a-z]+)*)\s*(?P<rest>\[[^]]*\])?"
FLAGS = re.IGNORECASE | re.VERBOSE


class Counted:
    """`re`'s compiler, counting the patterns it compiles."""

    def __init__(self) -> None:
        self.original = re._compiler.compile  # type: ignore[attr-defined]
        self.calls = 0

    def __call__(self, *args: Any) -> Any:
        self.calls += 1
        return self.original(*args)


@pytest.fixture
def counted() -> Iterator[Counted]:
    counting = Counted()
    re._compiler.compile = counting  # type: ignore[attr-defined]
    try:
        yield counting
    finally:
        re._compiler.compile = counting.original  # type: ignore[attr-defined]


def _compiled(folder: Path | None) -> re.Pattern[str]:
    re.purge()  # else re's own cache answers
    with support_patterns_cached(folder):
        return re.compile(PATTERN, FLAGS)


def _same(made: re.Pattern[str], expected: re.Pattern[str]) -> None:
    assert made.pattern == expected.pattern and made.flags == expected.flags
    assert made.groups == expected.groups and made.groupindex == expected.groupindex
    text = "Well-known  [sic] words, SAID twice [2]"
    assert [m.groupdict() for m in made.finditer(text)] == [
        m.groupdict() for m in expected.finditer(text)
    ]


def test_a_kept_pattern_is_the_one_re_makes_and_is_read_back(
    tmp_path: Path, counted: Counted
) -> None:
    re.purge()
    expected = re.compile(PATTERN, FLAGS)
    first = _compiled(tmp_path)
    assert counted.calls == 2 and (tmp_path / KEPT).exists()
    again = _compiled(tmp_path)
    assert counted.calls == 2  # made from the kept numbers, not compiled
    _same(first, expected)
    _same(again, expected)


def test_damage_or_another_interpreter_compiles_again(tmp_path: Path, counted: Counted) -> None:
    _compiled(tmp_path)
    kept = tmp_path / KEPT
    whole = kept.read_bytes()
    kept.write_bytes(whole[:-20] + bytes(20))  # the checksum no longer holds
    assert read_kept(kept) == {}
    _compiled(tmp_path)
    assert counted.calls == 2 and kept.read_bytes() == whole  # kept whole again
    kept.write_bytes(b"patterns 30b00f0 1 4\n" + whole.split(b"\n", 1)[1])  # Python 3.11.0
    assert read_kept(kept) == {}
    _compiled(tmp_path)
    assert counted.calls == 3


def test_numbers_the_engine_refuses_compile_as_always(tmp_path: Path, counted: Counted) -> None:
    """A file that reads whole but holds what the engine checks and refuses (a newer
    `re` that numbers its codes otherwise would): the pattern is compiled."""
    write_kept(tmp_path / KEPT, {(PATTERN, int(FLAGS)): (PATTERN, int(FLAGS), [999], 0, {}, ())})
    assert len(read_kept(tmp_path / KEPT)) == 1
    made = _compiled(tmp_path)
    assert counted.calls == 1  # the cache fell back to re's compiler
    re.purge()
    _same(made, re.compile(PATTERN, FLAGS))


def test_an_unwritable_cache_compiles_every_time(tmp_path: Path, counted: Counted) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would go")
    for _ in range(2):
        _compiled(blocked)
    assert counted.calls == 2
    assert [p.name for p in tmp_path.iterdir()] == ["cache"]  # no partial file left


def test_re_is_given_back_and_no_cache_touches_nothing(tmp_path: Path) -> None:
    original = re._compiler.compile  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError), support_patterns_cached(tmp_path):
        assert re._compiler.compile is not original  # type: ignore[attr-defined]
        raise RuntimeError
    assert re._compiler.compile is original  # type: ignore[attr-defined]
    with support_patterns_cached(None):
        assert re._compiler.compile is original  # type: ignore[attr-defined]
    assert list(tmp_path.iterdir()) == []


# A start of PySide6 under both caches, as the app starts: which patterns re's parser
# read for PySide6's support modules, and a signature PySide6 parsed with them.
PROBE = """
import json, re, sys
from pathlib import Path
from viewer.ui.pyside_code_cache import support_code_cached
from viewer.ui.pyside_pattern_cache import support_patterns_cached
parsed = []
real = re._parser.parse
def counting(source, *args, **kwargs):
    parsed.append(len(source))
    return real(source, *args, **kwargs)
re._parser.parse = counting
cache = Path(sys.argv[1])
with support_code_cached(cache), support_patterns_cached(cache):
    import PySide6.QtCore
    starting = parsed[:]  # PySide6's signatures parse more once asked (below), as always
from shibokensupport.signature import get_signature
print(json.dumps([str(get_signature(PySide6.QtCore.QObject.setObjectName)), starting]))
"""


def test_pyside6_starts_from_the_kept_patterns(tmp_path: Path) -> None:
    def start() -> tuple[str, list[int]]:
        signature, parsed = json.loads(python_prints("-c", PROBE, str(tmp_path)))
        return signature, parsed

    signature, parsed = start()
    assert len([size for size in parsed if size > 5000]) == 3  # the braces towers
    signature_again, parsed_again = start()
    assert signature_again == signature and "name" in signature
    assert parsed_again == []


def test_patterns_no_start_uses_any_more_are_let_go(tmp_path: Path) -> None:
    """A new PySide6 compiles new patterns: the file keeps what a start used, not every
    pattern of every version before (~18 kB each)."""
    old = (r"(?P<gone>a+)b", 0)
    re.purge()
    with support_patterns_cached(tmp_path):
        re.compile(*old)
    assert set(read_kept(tmp_path / KEPT)) == {old}
    _compiled(tmp_path)  # the next version's start: the new pattern only
    assert set(read_kept(tmp_path / KEPT)) == {(PATTERN, int(FLAGS))}
    re.purge()
    with support_patterns_cached(tmp_path):
        re.compile(PATTERN, FLAGS)  # served
        re.compile(*old)  # compiled again, and kept beside the one served
    assert set(read_kept(tmp_path / KEPT)) == {old, (PATTERN, int(FLAGS))}
