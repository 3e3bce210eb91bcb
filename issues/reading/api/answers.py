"""The read API's answers: JSON cached under the site's generation, with ETag and Last-Modified;
and the links in them."""

from __future__ import annotations

import datetime
import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from ninja.errors import HttpError
from pydantic import BaseModel

from issues.reading.cache import PAGE_TTL, site_generation

LOCAL_ANSWERS = 256


class _Recent:
    """This process's most recent answers, in front of Redis, as the site keeps its pages
    (cache.py): a hot answer costs no round trip. Keys carry the generation, so a change
    leaves the old answers to age out."""

    def __init__(self, size: int) -> None:
        self.size, self.entries = size, OrderedDict()

    def get(self, key: str) -> tuple | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: str, entry: tuple) -> None:
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


_recent = _Recent(LOCAL_ANSWERS)


def answer(request: HttpRequest, build: Callable[[], BaseModel]) -> HttpResponse:
    """The answer's JSON, from the cache when the site has not changed since it was built; 304 when
    the client has it already. `build` raises HttpError (404) for what readers may not see."""
    key = f"api:{site_generation()}:{request.get_host()}{request.get_full_path()}"
    entry = None
    if settings.PAGE_CACHE:
        entry = _recent.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                _recent.put(key, entry)
    if entry is None:
        body = build().model_dump_json().encode()
        etag = quote_etag(hashlib.md5(body, usedforsecurity=False).hexdigest())
        # Built now, under this generation: nothing it shows changed after this moment.
        entry = (body, etag, int(time.time()))
        if settings.PAGE_CACHE:
            cache.set(key, entry, PAGE_TTL)
            _recent.put(key, entry)
    body, etag, built = entry
    response = get_conditional_response(request, etag=etag, last_modified=built)
    if response is None:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(built)
    # Clients and proxies may keep it but ask again each time (a 304 costs nothing): a change is seen at once.
    patch_cache_control(response, public=True, no_cache=True)
    return response


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def api_link(request: HttpRequest, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", args=[str(a) for a in args]))


def day_or_404(date: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(date)
    except ValueError as exc:
        raise HttpError(404, "日期格式应为 YYYY-MM-DD。") from exc
