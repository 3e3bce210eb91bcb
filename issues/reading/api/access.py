"""Who is asking the read API, and how often: a partner's key, or an anonymous client limited per address."""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyHeader
from ninja.throttling import BaseThrottle

from issues.models import ApiKey

_PERIODS = {"s": 1, "sec": 1, "min": 60, "m": 60, "hour": 3600, "h": 3600, "day": 86400, "d": 86400}
_PERIOD_WORDS = {1: "秒", 60: "分钟", 3600: "小时", 86400: "天"}


class PartnerKey(APIKeyHeader):
    """A partner's API key in X-API-Key; without one the client is anonymous (and rate limited)."""

    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiKey | None:
        if not key:
            return None
        partner = ApiKey.objects.filter(digest=ApiKey.digest_of(key), is_active=True).first()
        if partner is None:
            raise HttpError(401, "API 密钥无效或已停用。")
        return partner


ANONYMOUS = "anonymous"


def anonymous(request: HttpRequest) -> str:
    return ANONYMOUS


def anon_rate() -> tuple[int, int]:
    """API_ANON_RATE ("120/min") as (requests, seconds)."""
    count, _, period = settings.API_ANON_RATE.partition("/")
    return int(count), _PERIODS[period.strip()]


def _count(key: str, ttl: int) -> int:
    """Add one to a counter in Django's cache and return it; the counter lives `ttl` seconds."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        # One round trip: Django's incr() asks whether the key exists first, and add() then incr()
        # would take three. The key is made as Django makes it, so the cache API reads it too.
        name = backend.make_and_validate_key(key)
        pipe = backend._cache.get_client(name, write=True).pipeline(transaction=False)
        used, _ = pipe.incr(name).expire(name, ttl, nx=True).execute()
        return used
    try:
        return cache.incr(key)
    except ValueError:  # the window's first request
        return 1 if cache.add(key, 1, ttl) else cache.incr(key)


class AnonymousRate(BaseThrottle):
    """A fixed window per client address, counted in Django's cache (Redis: one INCR a request)."""

    def allow_request(self, request: HttpRequest) -> bool:
        if isinstance(getattr(request, "auth", None), ApiKey):
            return True
        count, seconds = anon_rate()
        return _count(f"api:rate:{self.get_ident(request)}:{int(time.time() // seconds)}", seconds + 1) <= count

    def wait(self) -> float:
        _, seconds = anon_rate()
        return seconds - time.time() % seconds


def too_many_requests() -> str:
    """What a refused client is told (a 429)."""
    count, seconds = anon_rate()
    per = _PERIOD_WORDS.get(seconds, f"{seconds} 秒")
    return f"请求过于频繁：匿名访问每{per}最多 {count} 次，请稍后再试。合作方请在 X-API-Key 请求头中带上 API 密钥。"
