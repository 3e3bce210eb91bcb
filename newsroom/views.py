"""Project-level views: robots.txt, a bare liveness check (the baseline for bench/site.py) and readiness."""

import time

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from redis.backoff import NoBackoff
from redis.retry import Retry

# A load balancer asks often: each service gets this long to answer.
READY_TIMEOUT_SECONDS = 1.0


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /desk/",
        "Disallow: /accounts/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('site:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def healthz(request):
    """Liveness: the process answers. Touches no service (readiness is /readyz)."""
    return HttpResponse("ok", content_type="text/plain")


def readyz(request):
    """Readiness, for a load balancer: 200 when PostgreSQL and Redis answer, else 503 saying which is down.

    Readers are still served from PostgreSQL with Redis down, so a balancer may keep such a
    server in rotation; without PostgreSQL it should not.
    """
    checks = {"postgresql": _check_postgresql, "redis": _check_redis}
    report, ready = {}, True
    for name, check in checks.items():
        started = time.monotonic()
        try:
            detail = check()
        except Exception as exc:  # whatever the client raises, the answer is "down, because …"
            report[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
            ready = False
        else:
            report[name] = {"ok": True, "detail": detail, "ms": round((time.monotonic() - started) * 1000, 1)}
    status = 200 if ready else 503
    return JsonResponse({"ready": ready, **report}, status=status, json_dumps_params={"ensure_ascii": False})


def _check_postgresql() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


_redis_clients: dict[str, redis.Redis] = {}


def _check_redis() -> str:
    if not settings.REDIS_URL:
        return "not configured (tasks run in-process, cache in memory)"
    client = _redis_clients.get(settings.REDIS_URL)
    if client is None:
        client = _redis_clients[settings.REDIS_URL] = redis.Redis.from_url(
            settings.REDIS_URL,
            socket_connect_timeout=READY_TIMEOUT_SECONDS,
            socket_timeout=READY_TIMEOUT_SECONDS,
            retry=Retry(NoBackoff(), 0),  # one try: the answer is "down", not a wait with backoff
        )
    client.ping()
    return "pong"
