"""MSRELIEF_CACHE_URL → Django's CACHES (msrelief.lib.cache_url)."""

import pytest

from msrelief.lib.cache_url import LOCAL_MEMORY, caches_from_url
from msrelief.lib.env import SettingError


def test_empty_means_the_per_process_memory_cache():
    assert caches_from_url("")["default"]["BACKEND"] == LOCAL_MEMORY


def test_a_redis_url_selects_django_s_redis_backend_with_the_whole_url():
    default = caches_from_url("redis://cache.internal:6379/1")["default"]
    assert default == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/1",
    }


def test_a_memcached_url_selects_pymemcache_with_host_and_port():
    default = caches_from_url("memcached://cache.internal:11211")["default"]
    assert default["BACKEND"].endswith("PyMemcacheCache")
    assert default["LOCATION"] == "cache.internal:11211"


@pytest.mark.parametrize("url", ["locmem", "ftp://x", "redis://"])
def test_anything_else_is_an_error_naming_the_variable(url):
    with pytest.raises(SettingError, match=r"^MSRELIEF_CACHE_URL="):
        caches_from_url(url)


@pytest.mark.parametrize(
    "url", ["", "redis://cache.internal:6379/1", "memcached://cache.internal:11211"]
)
def test_pages_drawn_with_client_data_stay_in_the_process_whatever_the_shared_cache(url):
    assert caches_from_url(url)["pages"]["BACKEND"] == LOCAL_MEMORY
