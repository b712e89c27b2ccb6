"""A comment's Markdown as safe HTML: a small subset (paragraphs, emphasis, lists, quotes,
code and links), cleaned with nh3; links open nothing of ours and are marked as user content."""

from __future__ import annotations

import markdown  # type: ignore[import-untyped]
import nh3

COMMENT_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code"}


def comment_html(body: str) -> str:
    rendered = markdown.markdown(body, extensions=["sane_lists"])
    return str(
        nh3.clean(
            rendered,
            tags=COMMENT_TAGS,
            attributes={"a": {"href"}},
            url_schemes={"http", "https"},
            link_rel="nofollow ugc noopener noreferrer",
        )
    )
