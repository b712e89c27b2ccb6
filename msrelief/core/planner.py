"""Planner statistics after a bulk load.

PostgreSQL chooses how to run a query from statistics that its autovacuum gathers some time
after rows change (a minute or more); ``pg_restore`` brings none back. A table that has just
been filled therefore looks almost empty to the planner, which then picks plans that read far
more than they need: the data version (audit/versions.py) was read by walking every event of
the clinic instead of taking the newest change from its index. So after filling a database in
one go (``load-demo``, ``restore``) msrelief gathers them at once, as autovacuum would later.
SQLite plans without statistics unless asked, and is left as it is.
"""

from __future__ import annotations

from typing import Any


def refresh_statistics(connection: Any) -> None:
    """``ANALYZE`` the whole database on PostgreSQL (a second or two); nothing on SQLite."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
