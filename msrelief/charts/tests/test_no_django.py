"""Drift guard: the charts package never imports Django."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import pkgutil, sys, importlib
import msrelief.charts
for module in pkgutil.iter_modules(msrelief.charts.__path__):
    importlib.import_module(f"msrelief.charts.{module.name}")
loaded = sorted(name for name in sys.modules if name.split('.')[0] == 'django')
print(','.join(loaded))
"""


def test_importing_every_charts_module_loads_no_django_module() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert completed.stdout.strip() == ""
