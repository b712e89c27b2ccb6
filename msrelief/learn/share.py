"""Share and follow links from the settings: plain links, no script, no tracker, no counter.

``MSRELIEF_SHARE_LINKS`` names the services to offer, in order, from :data:`SHARE_SITES`;
``MSRELIEF_FOLLOW_LINKS`` gives ``Label|https://address`` pairs (docs/learn.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

#: Service -> (name shown, address with {url} and {title}, both already URL-encoded).
SHARE_SITES = {
    "email": ("Email", "mailto:?subject={title}&body={url}"),
    "bluesky": ("Bluesky", "https://bsky.app/intent/compose?text={title}%20{url}"),
    "mastodon": ("Mastodon", "https://mastodonshare.com/?text={title}&url={url}"),
    "linkedin": ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    "whatsapp": ("WhatsApp", "https://wa.me/?text={title}%20{url}"),
    "facebook": ("Facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    "x": ("X", "https://x.com/intent/post?text={title}&url={url}"),
}


@dataclass(frozen=True)
class Link:
    label: str
    href: str


def share_links(names: Iterable[str], url: str, title: str) -> list[Link]:
    """A link for each configured service that is known; unknown names are skipped."""
    found = []
    for name in names:
        site = SHARE_SITES.get(name.strip().lower())
        if site is not None:
            label, template = site
            href = template.format(url=quote(url, safe=""), title=quote(title, safe=""))
            found.append(Link(label, href))
    return found


def follow_links(entries: Iterable[str]) -> list[Link]:
    """``Label|https://address`` pairs; an entry without a label or an http(s) address is
    skipped."""
    found = []
    for entry in entries:
        label, _, href = entry.partition("|")
        if label.strip() and urlsplit(href.strip()).scheme in ("http", "https"):
            found.append(Link(label.strip(), href.strip()))
    return found
