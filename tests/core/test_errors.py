"""Every error the core raises on purpose shares one base whose text is for people."""

import importlib
import inspect
import pkgutil

import viewer.core
from viewer.core.errors import ViewerError


def test_every_error_class_of_the_core_is_a_viewer_error() -> None:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(viewer.core.__path__, "viewer.core."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == info.name
            ):
                found[f"{info.name}.{name}"] = value
    assert len(found) >= 13  # the walk did reach the errors
    strays = [name for name, cls in found.items() if not issubclass(cls, ViewerError)]
    assert strays == []
