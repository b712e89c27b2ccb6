"""The browser side of ``crash.py``: one questionnaire link filled in and sent over HTTP, step
by step, as a person's browser would, and resumed at the step that got no answer.

A link goes through four requests: open the all-questions page (its CSRF token and the
questions' radio buttons), send every answer, open the review page (its fresh submission key)
and send the questionnaire. Only a redirect to the thank-you page acknowledges a submission.
A step that gets no answer (the server was killed) is retried later with the same cookies and
the same form data, the submission key included, which is what a browser's "resend" does.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import random
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'name="submission" value="([^"]+)"')
RADIO = re.compile(r'<input[^>]*type="radio"[^>]*>')
NAME = re.compile(r'name="(item_[^"]+)"')
VALUE = re.compile(r'value="([^"]*)"')
STEPS = ("open", "answer", "review", "send")
TIMEOUT = 60  # seconds, every request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Unanswered(Exception):
    """The request got no answer (refused, reset, timed out) or a server error: retry later."""


class Refused(Exception):
    """The server answered, but not as a working questionnaire would: a finding, not retried."""


@dataclass
class Link:
    """One questionnaire link and how far its submission got."""

    token: str
    seed: int
    step: int = 0  # index into STEPS of the next request to send
    csrf: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    key: str = ""
    acknowledged: bool = False
    unanswered_at: list[str] = field(default_factory=list)  # steps that got no answer
    refused: str = ""
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    @property
    def pending(self) -> bool:
        return not self.acknowledged and not self.refused


def _send(
    link: Link, url: str, data: dict[str, str] | None, expect: tuple[int, ...]
) -> tuple[int, str, str]:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(link.jar), NoRedirect)
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(url, body, timeout=TIMEOUT) as answer:
            status, text, where = answer.status, answer.read().decode(), ""
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode(errors="replace")
        where = error.headers.get("Location", "")
    except (OSError, http.client.HTTPException) as error:
        raise Unanswered(type(error).__name__) from None
    if status >= 500:
        raise Unanswered(f"status {status}")
    if status not in expect:
        raise Refused(f"{url.rsplit('/q/', 1)[-1]} answered {status}")
    return status, text, where


def _pick_answers(page: str, rng: random.Random) -> dict[str, str]:
    """One answer to every question of the page, chosen at random among its radio buttons."""
    options: dict[str, list[str]] = {}
    for tag in RADIO.findall(page):
        name, value = NAME.search(tag), VALUE.search(tag)
        if name and value:
            options.setdefault(name.group(1), []).append(value.group(1))
    return {name: rng.choice(values) for name, values in options.items()}


def advance(base: str, link: Link) -> None:
    """Send the link's remaining requests in order; stops at the first without an answer
    (raising :class:`Unanswered`) or the first unexpected answer (recorded in ``refused``)."""
    page = f"{base}/q/{link.token}"
    try:
        while link.step < len(STEPS):
            _step(page, link)
            link.step += 1
    except Unanswered:
        link.unanswered_at.append(STEPS[link.step])
        raise
    except Refused as error:
        link.refused = str(error)
    link.acknowledged = link.step == len(STEPS)


def _step(page: str, link: Link) -> None:
    name = STEPS[link.step]
    if name == "open":
        _, text, _ = _send(link, f"{page}/all/", None, (200,))
        found = TOKEN.search(text)
        link.csrf = found.group(1) if found else ""
        link.answers = _pick_answers(text, random.Random(link.seed))
        if not link.csrf or not link.answers:
            raise Refused("the all-questions page has no form")
    elif name == "answer":
        form = {"csrfmiddlewaretoken": link.csrf, **link.answers}
        _, _, where = _send(link, f"{page}/all/", form, (302,))
        if not where.endswith("/review/"):
            raise Refused(f"saving the answers led to {where!r}, not the review page")
    elif name == "review":
        _, text, _ = _send(link, f"{page}/review/", None, (200,))
        found = KEY.search(text)
        if not found:
            raise Refused("the review page has no submission key")
        link.key = found.group(1)
    else:
        form = {"csrfmiddlewaretoken": link.csrf, "submission": link.key}
        _, _, where = _send(link, f"{page}/review/", form, (302,))
        if not where.endswith("/done/"):
            raise Refused(f"sending led to {where!r}, not the thank-you page")
