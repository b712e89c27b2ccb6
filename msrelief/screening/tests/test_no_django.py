"""Drift guard: the screening package never imports Django."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
import msrelief.screening
msrelief.screening.screen({"date": "2025-06-10", "heat_sensitive": True})
loaded = sorted(name for name in sys.modules if name.split('.')[0] == 'django')
print(','.join(loaded))
"""


def test_importing_and_running_the_screen_loads_no_django_module() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert completed.stdout.strip() == ""
