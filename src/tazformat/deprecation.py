"""Old public names kept as aliases that warn (a module ``__getattr__``)."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping


def aliases(module: str, renamed: Mapping[str, tuple[str, object]]) -> Callable[[str], object]:
    """A module ``__getattr__`` that gives each old name's value with a ``DeprecationWarning``.

    Args:
        module: The module's ``__name__``.
        renamed: Each old name's new name and value.

    """

    def __getattr__(name: str) -> object:
        if name in renamed:
            new, value = renamed[name]
            warnings.warn(
                f"{module}.{name} is deprecated; use {new}", DeprecationWarning, stacklevel=2
            )
            return value
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__
