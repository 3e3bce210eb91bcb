"""Keyset pages for the read API's lists: a cursor names the last item given (its sort columns), so
the next page starts after it whatever was published meanwhile, and the index seeks to it."""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpRequest
from ninja import Query
from ninja.errors import HttpError

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@dataclass(frozen=True)
class Key:
    """One column of a list's order (always descending): its name and how a cursor's value is read back."""

    name: str
    read: Callable[[object], object]
    cast: Callable[[object], object] = lambda value: value


def _when(value) -> datetime.datetime:
    when = datetime.datetime.fromisoformat(str(value))
    if when.tzinfo is None:
        raise ValueError(value)
    return when


def _id(value) -> int:
    if not isinstance(value, int) or not 0 < value < 2**63:
        raise ValueError(value)
    return value


def _real(value) -> RawSQL:
    # ts_rank is a float4: compared as one, a rank read back from a cursor equals itself.
    return RawSQL("%s::real", (value,))


NEWEST = (Key("published_at", _when), Key("id", _id))
NEWEST_DOCUMENTS = (Key("published_at", _when), Key("article_id", _id))
RANKED_DOCUMENTS = (Key("rank", float, _real), Key("published_at", _when), Key("article_id", _id))
ISSUES = (Key("date", lambda value: datetime.date.fromisoformat(str(value))), Key("id", _id))


def _encode(values: list) -> str:
    plain = [v.isoformat() if isinstance(v, datetime.date | datetime.datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(cursor: str, keys: Sequence[Key]) -> list:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != len(keys):
            raise ValueError(cursor)
        return [key.cast(key.read(value)) for key, value in zip(keys, values, strict=True)]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise HttpError(400, "cursor 无效：请使用上一页给出的 next_cursor。") from exc


def keyset_page(
    request: HttpRequest, queryset: QuerySet, keys: Sequence[Key], cursor: str | None, limit: int
) -> tuple[list, str | None, str | None]:
    """One page of the list after the cursor: (rows, the next page's cursor, its URL); one query."""
    rows = queryset.order_by(*(f"-{key.name}" for key in keys))
    if cursor:
        after = _decode(cursor, keys)
        before = Q()
        for index, key in enumerate(keys):  # (a, b, c) < (x, y, z), column by column
            equal = Q(**{keys[i].name: after[i] for i in range(index)})
            before |= equal & Q(**{f"{key.name}__lt": after[index]})
        # The first column bounded on its own: the index seeks to the cursor, not past every page before.
        rows = rows.filter(Q(**{f"{keys[0].name}__lte": after[0]}), before)
    found = list(rows[: limit + 1])
    if len(found) <= limit:
        return found, None, None
    found = found[:limit]
    following = _encode([getattr(found[-1], key.name) for key in keys])
    params = request.GET.copy()
    params["cursor"] = following
    return found, following, request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"items per page, at most {MAX_LIMIT}")
Cursor = Query(None, description="next_cursor of the page before")
