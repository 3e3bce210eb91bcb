"""Changes readers will see: noted by the writer inside its transaction, acted on once it commits.

Every write path that changes something on the reading site (a service, an admin
save or delete) calls `readers_see_change` with the articles it touched. When the
transaction commits, the articles' reader rows (`issues.PublishedArticle`: what the
article page shows, in one row) are written again from the tables, together with
their neighbours on the page, and the page cache's generation is bumped, once per
transaction however many changes it made. A rolled-back transaction leaves nothing
to do: its callbacks are dropped with it.
"""

import threading
from collections.abc import Iterable

from django.db import transaction

from newsroom.cache import bump_site_generation

_state = threading.local()


def readers_see_change(*, articles: Iterable[int] = (), site: bool = False) -> None:
    """Note that these articles (ids) changed for readers; `site` for changes beyond them
    (a section's name, an issue's pages) that only the page cache needs to hear of."""
    pending = _state.__dict__.setdefault("pending", {"articles": set(), "site": False})
    pending["articles"].update(articles)
    pending["site"] = pending["site"] or site
    # The first callback to run after the commit does the work for every change before it;
    # those after it find nothing left. A rolled-back change may leave ids behind: writing
    # their rows again with the next change is harmless, since rows are derived.
    # robust: the change has committed; a failed refresh is logged, and does not fail the request.
    transaction.on_commit(_flush, robust=True)


def readers_lose(*, articles: Iterable[int]) -> None:
    """These articles left print (withdrawn): their reader rows go now, in the writer's
    transaction, so that no article page shows them once it commits."""
    from issues.models import PublishedArticle

    ids = list(articles)
    PublishedArticle.objects.filter(article_id__in=ids).delete()
    readers_see_change(articles=ids)


def _flush() -> None:
    pending = _state.__dict__.pop("pending", None)
    if pending is None:
        return
    from issues.services import published_articles_refresh

    changed = published_articles_refresh(article_ids=pending["articles"]) if pending["articles"] else False
    if changed or pending["site"]:
        bump_site_generation()
