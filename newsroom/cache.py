"""The anonymous reader's page cache, in Redis (or local memory under `make run`).

Pages are cached under a site-wide generation number; anything that changes what
readers see (publishing, withdrawing, editing a published article, publishing an
issue) bumps the generation, so every cached page is invalidated at once, and no
stale page outlives a change. Coarse on purpose: a newspaper changes a few times a
day, and a miss costs one render.
"""

from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

GENERATION_KEY = "site:generation"
PAGE_TTL = 60 * 60


def site_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def bump_site_generation() -> None:
    """Invalidate every cached page (call on commit of a change readers can see)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def cached_page(view):
    """Serve anonymous GETs from the cache; the key holds the generation, the path and the query."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        key = f"page:{site_generation()}:{request.get_full_path()}"
        hit = cache.get(key)
        if hit is not None:
            content, content_type, last_modified = hit
            response = HttpResponse(content, content_type=content_type)
            if last_modified:
                response["Last-Modified"] = last_modified
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response = response.render()
            if response.status_code == 200:
                cache.set(key, (response.content, response["Content-Type"], response.get("Last-Modified")), PAGE_TTL)
        patch_cache_control(response, public=True, max_age=60)
        return response

    return wrapper
