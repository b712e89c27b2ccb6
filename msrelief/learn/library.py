"""The content the site shows: the app's ``content/`` folder, or ``settings.LEARN_CONTENT_DIR``
(the tests point it at their fixture pages). Read once per process (see
:func:`msrelief.learn.content.load_content`)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from msrelief.learn.content import CONTENT_DIR, Content, load_content


def content_dir() -> Path:
    return Path(getattr(settings, "LEARN_CONTENT_DIR", CONTENT_DIR))


def current_content() -> Content:
    return load_content(content_dir())
