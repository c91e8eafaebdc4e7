"""`@frozen`: the app's immutable records, made as Python 3.13's dataclasses make them.

A `@frozen` class is a dataclass in every way the code and its tools see:
`dataclasses.fields`, `replace` and `asdict` work on it, type checkers read it as a
frozen dataclass, and assigning to a field raises `FrozenInstanceError`.

Why not `@dataclass(frozen=True)` itself: on Python 3.11 it compiles six small
functions for every class, ~0.7 ms a class, and the window needs about forty records
before its first paint (~25 ms of a ~130 ms start-up of our own). Here `dataclasses`
still does the bookkeeping (fields, defaults, slots); comparison, hashing, `repr` and
the frozen guard are shared functions that read the fields through one `attrgetter`;
and `__init__` is the one a dataclass generates, made for records of plain fields
from code compiled once per number of fields (compiling is ~70 µs a class): ~0.13 ms
a class in all. Instances are made by the same bytecode as a dataclass's, so they cost
the same to create.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError
from operator import attrgetter
from types import CodeType, FunctionType
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")
_HAS_FACTORY = object()  # an argument left out where the field has a default factory


@overload
@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, Field))
def frozen(cls: type[_T], /) -> type[_T]: ...


@overload
def frozen(*, slots: bool = True, order: bool = False) -> Callable[[type[_T]], type[_T]]: ...


def frozen(
    cls: type[_T] | None = None, /, *, slots: bool = True, order: bool = False
) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """A frozen dataclass (with `__slots__` unless `slots=False`, as a class that keeps a
    `cached_property` needs; ordered by its fields with `order=True`)."""

    def wrap(cls: type[_T]) -> type[_T]:
        return _make(cls, slots=slots, order=order)

    return wrap if cls is None else wrap(cls)


def _make(cls: type[_T], *, slots: bool, order: bool) -> type[_T]:
    own = dict(cls.__dict__)  # methods the class writes itself are kept, as dataclasses does
    if not cls.__doc__:  # else dataclasses parses object's signature for one (tokenize, 4 ms)
        cls.__doc__ = cls.__name__
    made: Any = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
    fields = dataclasses.fields(made)
    if made.__doc__ == made.__name__:
        made.__doc__ = f"{made.__name__}({', '.join(f.name for f in fields)})"
    if "__init__" not in own:
        made.__init__ = _init(made, fields)
    key = _key(f.name for f in fields if f.compare)
    shown = [f.name for f in fields if f.repr]
    hashed = _key(f.name for f in fields if (f.compare if f.hash is None else f.hash))

    def show(self: Any) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({inside})"

    def equal(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(key(self) == key(other))
        return NotImplemented

    def hash_of(self: Any) -> int:
        return hash(hashed(self))

    for name, method in (("__repr__", show), ("__eq__", equal), ("__hash__", hash_of)):
        if name not in own or (name == "__hash__" and own[name] is None and "__eq__" in own):
            method.__name__, method.__qualname__ = name, f"{made.__qualname__}.{name}"
            setattr(made, name, method)
    made.__setattr__, made.__delattr__ = _refuse_set, _refuse_delete
    if slots:  # copy and pickle restore a slotted instance through setattr
        made.__getstate__, made.__setstate__ = _getstate, _setstate
    if order:
        for name, compare in _ORDER.items():
            setattr(made, name, _ordering(key, compare))
    return made


def _init(cls: type, fields: tuple[Field[Any], ...]) -> Callable[..., None]:
    """A dataclass's own `__init__` for these fields: for plain fields (each given, or
    with a plain default), made from the template for their number; else compiled."""
    post_init = hasattr(cls, "__post_init__")
    if _plain(fields) and not post_init:
        init = _from_template(fields)
    else:
        init = _compiled(fields, post_init=post_init)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {f.name: f.type for f in fields if f.init} | {"return": None}
    return init


def _plain(fields: tuple[Field[Any], ...]) -> bool:
    """Every field an argument, positional, with no default factory, and those with a
    default after those without (what a template covers)."""
    defaulted = False
    for f in fields:
        if not f.init or f.kw_only is True or f.default_factory is not MISSING:
            return False
        if f.default is not MISSING:
            defaulted = True
        elif defaulted:
            return False  # compiled, it is refused there (a SyntaxError, as before)
    return True


_SETATTR: dict[str, object] = {"_setattr": object.__setattr__}
_TEMPLATES: dict[int, CodeType] = {}


def _from_template(fields: tuple[Field[Any], ...]) -> Callable[..., None]:
    """`__init__` from the code compiled once for this number of fields, its argument
    names (and the names it sets) replaced by the fields' own: the bytecode a dataclass's
    compiled `__init__` has, without compiling it again (~70 µs a class)."""
    template = _TEMPLATES.get(len(fields))
    if template is None:
        names = [f"_{i}" for i in range(len(fields))]
        init = _compiled_source(names, [f"  _setattr(self, {n!r}, {n})" for n in names], {})
        template = _TEMPLATES[len(fields)] = init.__code__
    renamed = {f"_{i}": f.name for i, f in enumerate(fields)}
    code = template.replace(
        co_varnames=tuple(renamed.get(name, name) for name in template.co_varnames),
        co_consts=tuple(renamed.get(c, c) if isinstance(c, str) else c for c in template.co_consts),
    )
    defaults = tuple(f.default for f in fields if f.default is not MISSING)
    made: Callable[..., None] = FunctionType(code, _SETATTR, "__init__", defaults or None)
    return made


def _compiled(fields: tuple[Field[Any], ...], *, post_init: bool) -> Callable[..., None]:
    """A dataclass's `__init__` for these fields, compiled."""
    params: list[str] = []
    body: list[str] = []
    names: dict[str, object] = {"_HAS_FACTORY": _HAS_FACTORY}
    for f in fields:
        given = f.name  # what the caller passed (or the parameter's default)
        if f.default is not MISSING:
            names[f"_d_{f.name}"] = f.default
            param, fallback = f"{f.name}=_d_{f.name}", f"_d_{f.name}"
        elif f.default_factory is not MISSING:
            names[f"_f_{f.name}"] = f.default_factory
            param, fallback = f"{f.name}=_HAS_FACTORY", f"_f_{f.name}()"
            given = f"{fallback} if {f.name} is _HAS_FACTORY else {f.name}"
        elif f.init:
            param, fallback = f.name, f.name
        else:
            continue  # field(init=False) with no default: set by __post_init__, if at all
        if f.init:
            params.append(param)
        value = given if f.init else fallback
        body.append(f"  _setattr(self, {f.name!r}, {value})")
    if post_init:
        body.append("  self.__post_init__()")
    return _compiled_source(params, body, names)


def _compiled_source(
    params: list[str], body: list[str], names: dict[str, object]
) -> Callable[..., None]:
    source = f"def __init__({', '.join(['self', *params])}):\n" + ("\n".join(body) or "  pass")
    scope = {**_SETATTR, **names}
    exec(source, scope)
    init: Callable[..., None] = scope["__init__"]  # type: ignore[assignment]
    return init


def _key(names: Any) -> Callable[[Any], tuple[Any, ...]]:
    """The fields named, as one tuple (what a dataclass compares and hashes)."""
    names = tuple(names)
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda _record: ()


def _refuse_set(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: object) -> list[object]:
    return [getattr(self, f.name) for f in dataclasses.fields(self)]  # type: ignore[arg-type]


def _setstate(self: object, state: list[object]) -> None:
    for f, value in zip(dataclasses.fields(self), state, strict=True):  # type: ignore[arg-type]
        object.__setattr__(self, f.name, value)


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "__lt__": lambda a, b: bool(a < b),
    "__le__": lambda a, b: bool(a <= b),
    "__gt__": lambda a, b: bool(a > b),
    "__ge__": lambda a, b: bool(a >= b),
}


def _ordering(
    key: Callable[[Any], tuple[Any, ...]], compare: Callable[[Any, Any], bool]
) -> Callable[[Any, Any], bool]:
    def method(self: Any, other: Any) -> bool:
        if other.__class__ is self.__class__:
            return compare(key(self), key(other))
        return NotImplemented

    return method
