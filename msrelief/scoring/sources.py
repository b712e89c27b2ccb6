"""The source keys ([S1] ... [S33]) that every scoring fact cites, read from ``sources.md``.

``sources.md`` (in this package, and identical to ``docs/scoring/sources.md``) has one entry per
key, each opened by a heading of exactly this shape::

    ### <a id="S27"></a>[S27] PHQ-9: Kroenke 2001; Löwe 2004; studies in MS

The anchor makes ``sources/#S27`` a stable link; the text after the key is the entry's short
citation, which is what a screen shows in place of the bare key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: A source key as cited in text: ``[S27]``, ``[S19b]``.
CITED_KEY = re.compile(r"\[(S\d+[a-z]?)\]")
ENTRY = re.compile(r'^### <a id="(S\d+[a-z]?)"></a>\[(S\d+[a-z]?)\] (\S.*)$', re.MULTILINE)
ANCHOR = re.compile(r'<a id="([^"]*)"></a>')


@dataclass(frozen=True)
class Source:
    key: str
    short: str


def sources_markdown() -> str:
    """The text of ``sources.md`` as shipped with the package."""
    return resources.files("msrelief.scoring").joinpath("sources.md").read_text(encoding="utf-8")


def parse_sources(text: str) -> dict[str, Source]:
    """Every entry of a sources file by key; a malformed or repeated entry raises ValueError."""
    found: dict[str, Source] = {}
    for match in ENTRY.finditer(text):
        anchor, key, short = match.groups()
        if anchor != key:
            raise ValueError(f"sources.md: the anchor {anchor!r} does not match the key [{key}]")
        if key in found:
            raise ValueError(f"sources.md: [{key}] has two entries")
        found[key] = Source(key, short.strip())
    anchors = ANCHOR.findall(text)
    if len(anchors) != len(found):
        stray = sorted(set(anchors) - set(found)) or anchors
        raise ValueError(f"sources.md: anchor(s) {stray} are not entry headings of the usual shape")
    return found


@cache
def load_sources() -> dict[str, Source]:
    """The packaged source list, read once."""
    return parse_sources(sources_markdown())


def cited_keys(text: str) -> list[str]:
    """The source keys cited in ``text``, in order of appearance (repeats kept)."""
    return CITED_KEY.findall(text)
