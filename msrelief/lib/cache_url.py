"""Django's ``CACHES`` from one URL (``MSRELIEF_CACHE_URL``).

The cache holds the rate limiter's counts (:mod:`msrelief.core.ratelimit`). Empty means
Django's local-memory cache, which is per process: enough for ``msrelief runserver`` or a single
worker. A deployment with several worker processes or machines names a shared cache:

* ``redis://host:6379/0`` (or ``rediss://`` for TLS): Django's Redis backend, which needs the
  ``redis`` package installed;
* ``memcached://host:11211``: Django's pymemcache backend, which needs ``pymemcache``.

A second cache, ``pages``, is always the process's own memory, whatever the URL says: it holds
signed-in pages drawn with client data (the clinic dashboard, the client record, Measures),
keyed on the clinic's data version read from the database (``msrelief.audit.versions``), so
each process's copy is right on its own, and client data never leaves the process for a cache
server.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from msrelief.lib.env import SettingError

LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"
_BACKENDS = {
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
}


PAGES = {"BACKEND": LOCAL_MEMORY, "LOCATION": "msrelief-pages", "OPTIONS": {"MAX_ENTRIES": 500}}


def caches_from_url(url: str, name: str = "MSRELIEF_CACHE_URL") -> dict[str, dict[str, Any]]:
    """The ``CACHES`` setting for ``url``; an unknown scheme is an error naming ``name``."""
    return {"default": _default(url, name), "pages": dict(PAGES)}


def _default(url: str, name: str) -> dict[str, Any]:
    if not url.strip():
        return {"BACKEND": LOCAL_MEMORY, "LOCATION": "msrelief"}
    parts = urlsplit(url.strip())
    backend = _BACKENDS.get(parts.scheme)
    if backend is None or not parts.netloc:
        raise SettingError(
            f"{name}={url!r}: use redis://host:port/db, rediss://..., memcached://host:port, "
            "or leave it empty for a per-process memory cache"
        )
    location = url.strip() if parts.scheme.startswith("redis") else parts.netloc
    return {"BACKEND": backend, "LOCATION": location}
