"""`@frozen` records behave as frozen dataclasses do, side by side with the real thing."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from functools import cached_property

import pytest

from viewer.core.frozen import frozen


@frozen
class Made:
    name: str
    count: int = 0
    tags: list[str] = dataclasses.field(default_factory=list, compare=False)
    note: str = dataclasses.field(default="", repr=False)


@dataclasses.dataclass(frozen=True, slots=True)
class Real:
    name: str
    count: int = 0
    tags: list[str] = dataclasses.field(default_factory=list, compare=False)
    note: str = dataclasses.field(default="", repr=False)


def _both(*args: object, **kwargs: object) -> tuple[object, object]:
    return Made(*args, **kwargs), Real(*args, **kwargs)


def test_made_as_a_dataclass_is() -> None:
    made, real = _both("a", 2, note="n")
    assert repr(made) == repr(real).replace("Real", "Made")
    assert dataclasses.asdict(made) == dataclasses.asdict(real)
    assert [f.name for f in dataclasses.fields(Made)] == ["name", "count", "tags", "note"]
    assert Made.__slots__ == Real.__slots__
    assert Made.__match_args__ == Real.__match_args__
    assert dataclasses.replace(made, count=3) == Made("a", 3, note="n")
    with pytest.raises(TypeError):
        Made()


@frozen
class Plain:
    name: str
    count: int = 0
    note: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class RealPlain:
    name: str
    count: int = 0
    note: str = ""


@frozen
class Other:  # as many fields as Plain: its __init__ comes from the same template
    x: int
    y: str = "y"
    z: float = 0.5


def test_plain_fields_are_taken_as_a_dataclass_takes_them() -> None:
    """Records whose fields are all plain get `__init__` from a template compiled once
    for their number of fields: its arguments, defaults and errors are a dataclass's."""
    assert inspect.signature(Plain) == inspect.signature(RealPlain)
    assert Plain.__init__.__qualname__ == "Plain.__init__"
    for args, kwargs in [(("a",), {}), (("a", 2), {"note": "n"}), ((), {"name": "b", "count": 3})]:
        made, real = Plain(*args, **kwargs), RealPlain(*args, **kwargs)  # type: ignore[arg-type]
        assert dataclasses.astuple(made) == dataclasses.astuple(real)
    wrong: list[tuple[tuple[object, ...], dict[str, object]]] = [
        ((), {}),
        (("a", 1, "n", 4), {}),
        (("a",), {"name": "b"}),
        (("a",), {"other": 1}),
    ]
    for args, kwargs in wrong:
        for record in (Plain, RealPlain):
            with pytest.raises(TypeError):
                record(*args, **kwargs)  # type: ignore[arg-type]
    assert (Other(1), Other(2, "b", 1.5)) == (Other(1, "y", 0.5), Other(x=2, z=1.5, y="b"))
    assert [f.name for f in dataclasses.fields(Other)] == ["x", "y", "z"]
    assert Plain("a").name == "a"  # the template's names are not left behind


def test_equal_and_hashed_as_a_dataclass_is() -> None:
    pairs = [
        (Made("a", 1, ["x"]), Made("a", 1, ["y"])),  # tags not compared
        (Made("a", 1), Made("a", 2)),
        (Made("a"), Made("b")),
    ]
    for (one, two), real in zip(
        pairs,
        (
            [Real("a", 1, ["x"]), Real("a", 1, ["y"])],
            [Real("a", 1), Real("a", 2)],
            [Real("a"), Real("b")],
        ),
        strict=True,
    ):
        assert (one == two) == (real[0] == real[1])
    assert Made("a", 1) != Real("a", 1)
    assert Made("a", 1).__eq__(("a", 1)) is NotImplemented
    assert len({Made("a", 1, ["x"]), Made("a", 1, ["y"]), Made("b")}) == 2
    assert hash(Made("a", 1)) == hash(("a", 1, ""))


def test_fields_cannot_change() -> None:
    made = Made("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "b"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.name
    with pytest.raises(AttributeError):
        made.other = 1


def test_each_record_gets_its_own_default_list() -> None:
    first, second = Made("a"), Made("b")
    first.tags.append("x")
    assert second.tags == []
    given = ["kept"]
    assert Made("c", tags=given).tags is given


def test_copied_and_pickled_whole() -> None:
    made = Made("a", 2, ["t"], "n")
    for again in (copy.copy(made), copy.deepcopy(made), pickle.loads(pickle.dumps(made))):
        assert again == made
        assert (again.tags, again.note) == (["t"], "n")


@frozen(slots=False)
class Kept:
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")

    @cached_property
    def doubled(self) -> int:
        return self.value * 2


def test_without_slots_post_init_and_cached_property() -> None:
    kept = Kept(4)
    assert kept.doubled == 8
    assert kept.doubled == 8  # kept in the instance's dict, past the frozen guard
    with pytest.raises(ValueError, match="negative"):
        Kept(-1)


@frozen(order=True)
class Ranked:
    first: int
    second: str = ""


def test_ordered_by_fields() -> None:
    assert sorted([Ranked(2), Ranked(1, "b"), Ranked(1, "a")]) == [
        Ranked(1, "a"),
        Ranked(1, "b"),
        Ranked(2),
    ]
    assert Ranked(1) <= Ranked(1)
    assert Ranked(1).__lt__(1) is NotImplemented


@frozen
class Undocumented:
    a: int


@frozen
class Shown:
    a: int

    def __repr__(self) -> str:
        return "shown"


def test_docstring_and_own_methods() -> None:
    assert Undocumented.__doc__ == "Undocumented(a)"
    assert Made.__init__.__qualname__ == "Made.__init__"
    assert repr(Shown(1)) == "shown"


@frozen
class Derived:
    name: str
    seen: int = dataclasses.field(default=0, init=False)
    tags: list[str] = dataclasses.field(default_factory=list, init=False)


@dataclasses.dataclass(frozen=True, slots=True)
class RealDerived:
    name: str
    seen: int = dataclasses.field(default=0, init=False)
    tags: list[str] = dataclasses.field(default_factory=list, init=False)


def test_fields_left_out_of_init_as_a_dataclass_leaves_them() -> None:
    made, real = Derived("a"), RealDerived("a")
    assert (made.name, made.seen, made.tags) == (real.name, real.seen, real.tags)
    with pytest.raises(TypeError):
        Derived("a", 1)
    with pytest.raises(TypeError):
        RealDerived("a", 1)
