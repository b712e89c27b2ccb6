from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    """The demo data, loaded as `make setup` loads it."""
    call_command("load_demo", stdout=StringIO())
