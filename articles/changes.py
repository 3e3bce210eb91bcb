"""Changes readers will see, announced by whoever writes them; acted on by whoever listens.

Every write path that changes something readers see (a service, an admin save or
delete, in this app or in `issues`) calls `announce_change` with what it touched.
Content does not know who cares: the reading site (issues/reading/receivers.py)
connects to these signals in its AppConfig.ready() and rewrites its rows and
invalidates its page cache; search, feeds and the API read what it wrote.

- `content_changed` is sent once per transaction, after it commits, with every
  article and page the transaction touched (however many changes it made). A
  rolled-back transaction sends nothing: its callbacks are dropped with it.
- `content_withdrawn` is sent inside the writer's transaction when articles leave
  the public (撤稿): a listener removes what shows them before the commit, so no
  reader sees them once it commits. A `content_changed` follows after the commit.
- `content_edited` is sent inside the writer's transaction when articles' text,
  pictures or bylines change (print clears the 签版 of their pages).
"""

import threading
from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal

# kwargs: articles (set of ids), pages (set of ids), site (bool: beyond those, e.g. a section's name)
content_changed = Signal()
# kwargs: articles (list of ids)
content_withdrawn = Signal()
# kwargs: articles (list of ids), by (the user or None): their text, pictures or bylines changed,
# sent inside the writer's transaction (print clears the signatures of their pages).
content_edited = Signal()

_state = threading.local()


def announce_change(*, articles: Iterable[int] = (), pages: Iterable[int] = (), site: bool = False) -> None:
    """Note that these articles and pages (ids) changed for readers; `site` for changes beyond
    them (a section's name, a paper's name) that every cached page may show."""
    pending = _state.__dict__.setdefault("pending", {"articles": set(), "pages": set(), "site": False})
    pending["articles"].update(articles)
    pending["pages"].update(pages)
    pending["site"] = pending["site"] or site
    # The first callback to run after the commit sends everything noted before it; those
    # after it find nothing left. A rolled-back change may leave ids behind: sending them
    # again with the next change is harmless, since what listeners write is derived.
    # robust: the change has committed; a failing listener is logged and does not fail the request.
    transaction.on_commit(_send, robust=True)


def announce_withdrawal(*, articles: Iterable[int]) -> None:
    """These articles left the public (withdrawn): listeners drop them now, in the writer's
    transaction, and every cached page goes once it commits."""
    ids = list(articles)
    content_withdrawn.send(sender=None, articles=ids)
    announce_change(articles=ids, site=True)


def announce_edit(*, articles: Iterable[int], by=None) -> None:
    """These articles' text, pictures or bylines changed: listeners act now, in the writer's
    transaction, and readers see the change once it commits."""
    ids = list(articles)
    content_edited.send(sender=None, articles=ids, by=by)
    announce_change(articles=ids)


def _send() -> None:
    pending = _state.__dict__.pop("pending", None)
    if pending is None:
        return
    content_changed.send(sender=None, **pending)
