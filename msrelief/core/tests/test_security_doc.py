"""docs/security.md cannot go stale: its list of public endpoints is what the authorization
matrix lets a visitor reach, every test its ASVS table cites exists, and the code-wide claims
some rows rest on (no raw SQL, no eval, no browser storage, no CORS) hold."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

from msrelief.core.tests.authz import expect
from msrelief.core.tests.authz.matrix import entry_for
from msrelief.core.tests.authz.patterns import all_routes

ROOT = Path(__file__).resolve().parents[3]
DOC = ROOT / "docs" / "security.md"
STATUSES = {"met", "partly", "not met", "n/a"}
#: What a visitor gets from a route that is not public: a sign-in page, or a refusal.
REFUSED = {expect.LOGIN, expect.SIGN_IN, expect.ADMIN_LOGIN, 401, 403, 404, 405}
CITATION = re.compile(r"`([\w./-]+\.py)::(\w+)`")


def section(heading: str) -> str:
    """The text under ``heading`` (a line of the doc) up to the next heading of its level."""
    text = DOC.read_text(encoding="utf-8")
    level = heading.split(" ", 1)[0]
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    following = re.search(rf"\n{level} ", text[start:])
    return text[start : start + following.start()] if following else text[start:]


def table_rows(text: str) -> list[list[str]]:
    """The cells of every table row of ``text`` but the header and the rule under it."""
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return [row for row in rows if row[0] not in ("route", "requirement")]


def public_routes() -> set[str]:
    """Every route a visitor gets something from other than a refusal, for the object the
    matrix asks about (a token page's real token), plus those that answer 404 to everyone."""
    found = set()
    for route in (r.route for r in all_routes()):
        entry = entry_for(route)
        if entry is None or (route.startswith("admin/") and route != "admin/logout/"):
            continue
        ownership = "own" if entry.by_token else "none" if entry.shared else "other"
        if entry.values is None:
            ownership = "none"
        answers = {entry.answer(method, "anonymous", ownership) for method in entry.methods}
        if entry.rule is expect.nobody or answers - REFUSED:
            found.add(route)
    return found


def test_the_public_endpoints_listed_are_exactly_those_a_visitor_can_reach() -> None:
    listed = set()
    for row in table_rows(section("### Public endpoints")):
        listed |= {route.lstrip("/") for route in re.findall(r"`([^`]+)`", row[0])}
    reachable = public_routes()
    assert not reachable - listed, f"add to docs/security.md: {sorted(reachable - listed)}"
    assert not listed - reachable, f"not public (or gone): {sorted(listed - reachable)}"


@cache
def names_in(path: str) -> frozenset[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return frozenset(
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    )


def asvs_rows() -> list[list[str]]:
    return table_rows(section("## OWASP ASVS 4.0.3, Level 2"))


def test_every_test_the_asvs_table_cites_exists() -> None:
    missing = []
    for row in asvs_rows():
        for path, name in CITATION.findall(row[2]):
            if not (ROOT / path).is_file():
                missing.append(f"{row[0]}: no file {path}")
            elif name not in names_in(path):
                missing.append(f"{row[0]}: no test {name} in {path}")
    assert not missing, "\n".join(missing)


def test_every_row_has_a_status_and_every_met_row_cites_a_test() -> None:
    rows = asvs_rows()
    assert len(rows) > 100
    wrong = [row[0] for row in rows if len(row) != 3 or row[1] not in STATUSES]
    assert not wrong, f"rows without a status of {sorted(STATUSES)}: {wrong}"
    unproven = [row[0] for row in rows if row[1] == "met" and not CITATION.search(row[2])]
    assert not unproven, f"met, but no test cited: {unproven}"


def test_each_chapter_from_v1_to_v14_has_its_table() -> None:
    text = section("## OWASP ASVS 4.0.3, Level 2")
    for chapter in range(1, 15):
        assert re.search(rf"^### V{chapter} ", text, re.M), f"V{chapter} has no table"


def code_lines(pattern: str, *folders: str) -> list[str]:
    """``path:line`` of each line of the project's own Python code (tests left out) that
    matches ``pattern``."""
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "tests" in path.parts or ".venv" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if re.search(pattern, line):
                    found.append(f"{path.relative_to(ROOT)}:{number}")
    return found


def files_of(lines: list[str]) -> set[str]:
    return {line.rsplit(":", 1)[0] for line in lines}


def test_raw_sql_is_only_in_the_few_fixed_statements_that_need_it() -> None:
    """The audit trail's triggers, lock and PostgreSQL append function, the fixed checks a
    backup runs on its own file, the reference ``msrelief cite`` reads with no app loaded, the
    planner's statistics after a load, the look-ups every
    signed-in page makes (the clinic's data version and flag marks, read with a staff login's
    session; whether a login has a second factor), and the SQL the ORM compiled once for a
    prepared lookup (run with its one value as a query parameter), where compiling ORM queries
    was a good part of a page's time: statements written in the code or by the ORM, with
    parameters, none built from input."""
    raw = code_lines(r"cursor\(\)|\.execute\(\s*[^)\s]|\.raw\(|RawSQL|\.extra\(", "msrelief")
    allowed = {
        "msrelief/accounts/session_columns.py",
        "msrelief/accounts/signin_services.py",
        "msrelief/audit/append_only.py",
        "msrelief/audit/append_pg.py",
        "msrelief/audit/chain.py",
        "msrelief/audit/migrations/0008_append_function.py",
        "msrelief/audit/versions.py",
        "msrelief/core/backups.py",
        "msrelief/core/planner.py",
        "msrelief/core/prepared.py",
        "msrelief/evidence/stored_references.py",
    }
    assert files_of(raw) <= allowed, raw


def test_no_code_evaluates_or_unpickles_data_or_runs_a_shell() -> None:
    pattern = r"\beval\(|\bexec\(|\bpickle\b|\bmarshal\b|yaml\.load|shell=True|os\.system|os\.popen"
    assert code_lines(pattern, "msrelief", "scripts") == []
    # The one program msrelief runs (pg_dump / pg_restore) gets a list of arguments.
    assert files_of(code_lines(r"\bsubprocess\b", "msrelief")) == {"msrelief/core/backups.py"}


def test_no_script_keeps_anything_in_the_browsers_storage() -> None:
    scripts = [p for p in (ROOT / "msrelief").rglob("*.js") if "vendor" not in p.parts]
    assert scripts, "the app's scripts were not found"
    storing = [
        str(p.relative_to(ROOT))
        for p in scripts
        if re.search(r"localStorage|sessionStorage|indexedDB", p.read_text(encoding="utf-8"))
    ]
    assert storing == []


@pytest.mark.django_db
def test_no_answer_allows_another_origin(client) -> None:
    other = {"HTTP_ORIGIN": "https://elsewhere.example"}
    for path in ("/", "/evidence/", "/api/score/", "/api/evidence/references", "/accounts/login/"):
        response = client.get(path, **other)
        assert not [h for h in response.headers if h.lower().startswith("access-control-")], path
    options = client.options("/api/score/phq9", **other)
    assert "Access-Control-Allow-Origin" not in options.headers
