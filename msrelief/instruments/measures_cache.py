"""The cached part of a client's Measures page: the results (every history with its rows and
change judgements), the questionnaires waiting to be filled in and the links to enter answers
from a paper form, rendered once and kept in the process's own ``pages`` cache
(lib/cache_url.py) until the data behind them changes.

The part also holds the client's safety flags and the questionnaires the clinic can send.
The key moves with everything the part shows:

* the clinic's data version (:func:`msrelief.audit.versions.data_version`): every write that
  changes a response, a score, a safety flag, a session rating, the client or the clinic's own
  questionnaire wordings records an audit event with the client's clinic in its transaction,
  so any such change gives a new key (``instruments/tests/test_measures_cache.py`` has a test
  for each way in); so does every change of a questionnaire's state (assigned, a first page
  saved, submitted, cancelled);
* which of the client's flags carry the "email not delivered" mark, read in the same
  statement as the version (instruments/flag_marks.py), since the outbox's tries record no
  audit event;
* the client and their clinic, and the viewer's role;
* the time zone and the language the dates and words are written in;
* what this code shows: a digest of the packaged definitions, the scoring sources and the
  part's templates, so a new release never serves what an older one rendered.

The form to send a questionnaire (which holds what was just posted) and the page around it are
drawn on every request, after the permission check and the read's audit event; so is the CSRF
input of each form of the cached list, put in at a marker (:data:`CSRF_MARK`).
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.template import engines
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from msrelief.accounts.models import User
from msrelief.clients.models import Client
from msrelief.core.prepared import INTEGER_MARKER, PreparedLookup
from msrelief.instruments import flag_marks, presenting, rendering
from msrelief.instruments.measures_rows import history_rows
from msrelief.instruments.models import SafetyFlag, Status
from msrelief.scoring import Definition, default_registry, versions_of
from msrelief.scoring.registry import DEFAULT_DEFINITIONS
from msrelief.scoring.sources import sources_markdown

RESULTS = "instruments/_measures_results.html"
FLAGS = "instruments/_flags.html"
OPEN_LIST = "instruments/_measures_open.html"
ENTRY_LINKS = "instruments/_measures_entry.html"
# Where each form of the cached list takes this request's CSRF input. Escaped text never
# holds a raw "<", so no value shown on the page can pass for it.
CSRF_MARK = "<!--csrf-input-->"
# A key is never reused for other content, so the lifetime only bounds how long health data
# that nobody asks for any more stays in memory: an hour, as for the dashboard and the record.
TIMEOUT = 60 * 60


# The client's safety flags, compiled once per connection (core/prepared.py).
CLIENT_FLAGS = PreparedLookup(
    SafetyFlag,
    lambda client_id: SafetyFlag.objects.filter(client=client_id).select_related(
        "response", "acknowledged_by", "resolved_by"
    ),
    marker=INTEGER_MARKER,
)


@dataclass(frozen=True)
class Part:
    flags: SafeString
    results: SafeString
    open_list: str  # with CSRF_MARK for each form's CSRF input: see :meth:`open_list_for`
    entry_links: SafeString
    choices: tuple[tuple[str, str], ...]  # what the send form offers: see assign_choices

    def open_list_for(self, csrf_token: str) -> SafeString:
        """The questionnaires waiting to be filled in, each form with this request's token."""
        csrf_input = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token
        )
        return mark_safe(self.open_list.replace(CSRF_MARK, csrf_input))  # noqa: S308 - see CSRF_MARK


@functools.cache
def code_digest() -> str:
    """What this release draws the part from, read once per process."""
    digest = hashlib.sha256()
    for path in sorted(DEFAULT_DEFINITIONS.glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(sources_markdown().encode())
    django_engine = engines["django"]
    for name in (FLAGS, RESULTS, OPEN_LIST, ENTRY_LINKS):
        origin = django_engine.get_template(name).origin  # type: ignore[attr-defined]
        digest.update(Path(origin.name).read_bytes())
    return digest.hexdigest()[:16]


def key(viewer: User, client: Client) -> str:
    """The cache key of ``client``'s part as ``viewer`` sees it now (one query)."""
    return _key_and_marks(viewer, client)[0]


def _key_and_marks(viewer: User, client: Client) -> tuple[str, frozenset[int]]:
    version, undelivered = flag_marks.flags_of_client(client.clinic_id, client.pk)
    name = ":".join(
        [
            "measures-part",
            str(client.clinic_id),
            str(client.pk),
            version,
            ",".join(str(pk) for pk in sorted(undelivered)),
            str(viewer.role),
            timezone.get_current_timezone_name(),
            translation.get_language() or settings.LANGUAGE_CODE,
            code_digest(),
        ]
    )
    return name, undelivered


def self_report() -> list[Definition]:
    """The questionnaires a client fills in, by title: worked out once per loaded registry."""
    registry = default_registry()
    if _SELF_REPORT.get("of") is not registry:
        _SELF_REPORT["of"] = registry
        _SELF_REPORT["found"] = [
            d
            for d in sorted(registry.latest.values(), key=lambda d: d.title)
            if d.spec.administration == "self-report"
        ]
    return list(_SELF_REPORT["found"])


_SELF_REPORT: dict[str, Any] = {}


def assign_choices(clinic_id: int) -> list[tuple[str, str]]:
    """(code, title) of each questionnaire the clinic can send: those shipped with their
    wording and those whose licensed wording the clinic has loaded (one query)."""
    return [(d.code, d.title) for d in rendering.showable(clinic_id, self_report())]


def draw_flags(flags: list[SafetyFlag], undelivered: frozenset[int] | set[int]) -> str:
    """The flag panels by state (``_flags.html``), each new flag with its mark."""
    groups = presenting.flag_groups(flags)
    if not any(groups.values()):
        return _no_flags()
    return render_to_string(FLAGS, {"flag_groups": groups, "undelivered": undelivered})


@functools.cache
def _no_flags() -> str:
    return render_to_string(FLAGS, {"flag_groups": presenting.flag_groups([])})


def entry_choices() -> list[tuple[str, str]]:
    """(code to enter, label) for every instrument; one whose versions score differently is
    listed once a version, so staff say which paper form they hold."""
    registry = default_registry()
    titles: dict[str, set[str]] = {}
    for definition in registry.by_version.values():
        titles.setdefault(definition.code, set()).add(definition.title)
    rows = []
    for definition in registry.by_version.values():
        several = len(versions_of(definition.code)) > 1
        code = definition.key if several else definition.code
        label = definition.title
        if several and len(titles[definition.code]) == 1:  # the title does not tell them apart
            label = f"{definition.title}, version {definition.version}"
        rows.append((code, label))
    return sorted(rows, key=lambda row: row[1])


def _render(client: Client, undelivered: frozenset[int]) -> Part:
    """The part, read after the version and marks of its key, so never older than they say."""
    flags = CLIENT_FLAGS.rows(client.pk)
    for flag in flags:
        flag.client = client  # as the related manager would give them, with no query each
    results = get_template(RESULTS).render({"histories": history_rows(client)})
    waiting = client.administrations.filter(status__in=[Status.PENDING, Status.IN_PROGRESS])
    open_list = get_template(OPEN_LIST).render(
        {
            "client": client,
            "open_administrations": waiting.only(
                "pk", "client_id", "instrument_code", "status", "available_from"
            ),
            "csrf_input": mark_safe(CSRF_MARK),  # noqa: S308 - a constant
        }
    )
    links = get_template(ENTRY_LINKS).render({"client": client, "all_instruments": entry_choices()})
    return Part(
        mark_safe(draw_flags(flags, undelivered)),  # noqa: S308 - rendered here
        mark_safe(results),  # noqa: S308 - rendered here
        open_list,
        mark_safe(links),  # noqa: S308 - rendered here
        tuple(assign_choices(client.clinic_id)),
    )


def part(viewer: User, client: Client) -> Part:
    """``client``'s flags, results, open questionnaires, entry links and the questionnaires
    the clinic can send, from the cache when nothing has changed since."""
    name, undelivered = _key_and_marks(viewer, client)
    found = caches["pages"].get(name)
    if isinstance(found, Part):
        return found
    made = _render(client, undelivered)
    caches["pages"].set(name, made, TIMEOUT)
    return made
