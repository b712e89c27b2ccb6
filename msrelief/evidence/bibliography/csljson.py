"""CSL-JSON import and export (the schema at
https://github.com/citation-style-language/schema/blob/master/schemas/input/csl-data.json).

CSL-JSON is already the in-memory form, so import is parse + :func:`csl.normalise_items` and
export is ``json.dumps``. A file may hold a list of items (what Zotero, Better BibTeX and pandoc
write) or a single item object.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from msrelief.lib import bounded_json

from .csl import CslItem, normalise_items
from .errors import BibliographyError


def import_csl_json(text: str) -> list[CslItem]:
    """Read CSL-JSON text into checked, tidied items.

    Raises :class:`BibliographyError` when the text is not JSON (with line and column), is nested
    more than :data:`~msrelief.lib.limits.MAX_JSON_DEPTH` levels, is not a list of objects, or an
    item lacks ``id``, ``title`` or a valid ``type``.
    """
    try:
        data: Any = bounded_json.loads(text) if text.strip() else []
    except bounded_json.JsonInputError as error:
        raise BibliographyError(str(error)) from None
    if isinstance(data, Mapping):
        data = [data]
    if not isinstance(data, list):
        raise BibliographyError("CSL-JSON must be a list of item objects")
    return normalise_items(data)


def export_csl_json(items: Sequence[Mapping[str, Any]], *, indent: int = 2) -> str:
    """Write items as a CSL-JSON list (UTF-8 text, keys in the items' own order)."""
    return json.dumps(normalise_items(items), indent=indent, ensure_ascii=False) + "\n"
