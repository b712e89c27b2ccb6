"""The one error type of the bibliography package.

Bad input must give "a clear error that names the field" (DESIGN.md, quality bar "Bad input"), so
every :class:`BibliographyError` carries the entry (citation key, or position and title when the
key itself is missing) and the field it is about, and puts both at the start of its message.
"""

from __future__ import annotations


class BibliographyError(ValueError):
    """A reference file, item, style or citation key cannot be used.

    ``entry`` names the entry (usually its citation key) and ``field`` the field at fault; either
    may be ``None`` when the problem is with the whole input (for example a file that is not JSON).
    """

    def __init__(self, message: str, *, entry: str | None = None, field: str | None = None) -> None:
        self.entry = entry
        self.field = field
        self.problem = message
        where = []
        if entry is not None:
            where.append(f"entry {entry!r}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
