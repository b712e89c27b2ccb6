"""A concrete path for a route string and its parameters' values."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")
#: The admin site's few regular-expression patterns, with a value each.
_REGEX_PARTS = {
    r"^(?P<app_label>": "",
    r")/$": "/",
    r"(?P<url>.*)$": "no-such-admin-page/",
}


def path_for(route: str, values: Mapping[str, Any]) -> str:
    if route.startswith("admin/") and "(?P<" in route:
        return _admin_regex_path(route)

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise KeyError(f"the matrix entry for {route!r} gives no value for <{name}>")
        return str(values[name])

    return "/" + _PARAMETER.sub(value, route)


def _admin_regex_path(route: str) -> str:
    if "(?P<app_label>" in route:
        return "/admin/accounts/"
    return "/admin/no-such-admin-page/"
