"""Where an installed package's files are, found without importing the package."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def package_dir(name: str) -> Path:
    """The directory of the installed top-level package ``name``.

    ``importlib.util.find_spec`` locates a top-level package without running its
    ``__init__``, so a package that is slow to import costs nothing here.
    """
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name!r} is not an installed package", name=name)
    return Path(next(iter(spec.submodule_search_locations)))
