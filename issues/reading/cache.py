"""The anonymous reader's page cache, in Redis (or local memory under `make run`).

Pages are cached under a site-wide generation number; anything that changes what
readers see (publishing, withdrawing, editing a published article, publishing an
issue) bumps the generation, so every cached page is invalidated at once. Coarse on
purpose: a newspaper changes a few times a day, and a miss costs one render.

`cached_page` (a view decorator) stores pages; `PageCacheMiddleware`, placed before
sessions and authentication, serves them. Each process keeps its most recent pages
in memory in front of Redis, under the same generation-stamped keys, so a hot page
costs no round trip at all. A reader without a session cookie is anonymous; anyone
logged in always gets a fresh page.

Redis is a help, never a need: when it is down or hung (short socket timeouts in settings),
every call to it is a miss, readers are served from PostgreSQL, and this process leaves Redis
alone for a few seconds, so a hung Redis costs one timeout a process every few seconds, not
one a request. Nothing is served from or stored in the cache meanwhile, even in memory: a
change made during the outage could not invalidate it. A process that saw Redis fail bumps
the generation as soon as it reaches Redis again, so no page cached before the outage
outlives a change made during it.
"""

import hashlib
import logging
import time
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

GENERATION_KEY = "site:generation"
PAGE_TTL = 60 * 60
# Each process re-reads the generation at most this often: a change reaches every
# server within a second, and a cache hit costs one round trip to Redis, not two.
GENERATION_MEMO_SECONDS = 1.0
LOCAL_PAGES = 256
NEVER_CACHED = ("/admin/", "/desk/", "/accounts/", "/ckeditor5/", "/static/", "/media/")
# After Redis fails a call, this process leaves it alone this long.
REDIS_PAUSE_SECONDS = 5.0

_memo = {"generation": None, "at": 0.0}
_redis_state = {"down_until": 0.0, "bump_owed": False}
_DOWN = object()
_local: OrderedDict[str, tuple] = OrderedDict()


def _local_get(key: str) -> tuple | None:
    entry = _local.get(key)
    if entry is not None:
        _local.move_to_end(key)
    return entry


def _local_set(key: str, entry: tuple) -> None:
    _local[key] = entry
    _local.move_to_end(key)
    while len(_local) > LOCAL_PAGES:
        _local.popitem(last=False)


def _redis(call, *args):
    """One call to the cache, or _DOWN when Redis is down or hung (then left alone for a while)."""
    if time.monotonic() < _redis_state["down_until"]:
        return _DOWN
    try:
        return call(*args)
    except (RedisError, OSError) as exc:
        logger.warning("page cache: Redis unreachable, serving from the database: %s", exc)
        # A change may be made meanwhile that nobody can announce: once back, the generation is bumped.
        _redis_state.update(down_until=time.monotonic() + REDIS_PAUSE_SECONDS, bump_owed=True)
        _memo.update(generation=None, at=0.0)
        return _DOWN


def site_generation() -> int | None:
    """The generation pages are cached under, or None while Redis cannot be reached."""
    now = time.monotonic()
    if _memo["generation"] is not None and now - _memo["at"] < GENERATION_MEMO_SECONDS:
        return _memo["generation"]
    if _redis_state["bump_owed"]:
        bump_site_generation()
        return _memo["generation"]
    generation = _redis(cache.get, GENERATION_KEY)
    if generation is None:
        _redis(cache.add, GENERATION_KEY, int(time.time()), None)
        generation = _redis(cache.get, GENERATION_KEY, 1)
    if generation is _DOWN:
        return None
    _memo.update(generation=generation, at=now)
    return generation


def bump_site_generation() -> None:
    """Invalidate every cached page (call on commit of a change readers can see).

    When Redis refuses, the bump is owed and made when this process next reaches Redis.
    """
    generation = _redis(_incr_generation)
    if generation is _DOWN:
        return
    _redis_state["bump_owed"] = False
    _memo.update(generation=generation, at=time.monotonic())


def _incr_generation() -> int:
    try:
        return cache.incr(GENERATION_KEY)
    except ValueError:
        # The counter was lost (a cache flush): start above anything used before.
        generation = max(_memo["generation"] or 0, int(time.time())) + 1
        cache.set(GENERATION_KEY, generation, None)
        return generation


def _cacheable(request) -> bool:
    return (
        settings.PAGE_CACHE
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(NEVER_CACHED)
    )


def _key(request) -> str | None:
    generation = site_generation()
    return None if generation is None else f"page:{generation}:{request.get_full_path()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _cacheable(request) and _is_cached_view(request.path_info):
            key = _key(request)
            hit = None if key is None else _local_get(key)
            if hit is None and key is not None:
                hit = _redis(cache.get, key)
                hit = None if hit is _DOWN else hit
                if hit is not None:
                    _local_set(key, hit)
            if hit is not None:
                return _from_cache(request, hit)
        return self.get_response(request)


def _is_cached_view(path: str) -> bool:
    """Only the pages of views marked @cached_page are looked up; other requests skip Redis."""
    try:
        return getattr(resolve(path).func, "page_cached", False)
    except Resolver404:
        return False


def _from_cache(request, hit: tuple) -> HttpResponse:
    content, content_type, last_modified, etag = hit
    if etag and request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(content, content_type=content_type)
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = last_modified
    patch_cache_control(response, public=True, max_age=60)
    return response


def cached_page(view):
    """Store the anonymous reader's successful pages for PageCacheMiddleware to serve."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not _cacheable(request) or request.user.is_authenticated:
            return response
        if hasattr(response, "render"):
            response = response.render()
        if response.status_code == 200:
            etag = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
            response["ETag"] = etag
            entry = (response.content, response["Content-Type"], response.get("Last-Modified"), etag)
            key = _key(request)
            if key is not None and _redis(cache.set, key, entry, PAGE_TTL) is not _DOWN:
                _local_set(key, entry)
            patch_cache_control(response, public=True, max_age=60)
        return response

    wrapper.page_cached = True
    return wrapper


_remembered: dict = {"generation": None, "values": {}}


def remembered(key, build):
    """What `build()` gives, kept in this process until the site changes (its generation moves):
    the sections' navigation, a paper's published dates. While Redis cannot be reached there is
    no generation to trust, so nothing is kept and `build()` runs each time."""
    generation = site_generation()
    if generation is None:
        return build()
    if _remembered["generation"] != generation:
        _remembered.update(generation=generation, values={})
    values = _remembered["values"]
    if key not in values:
        values[key] = build()
    return values[key]
