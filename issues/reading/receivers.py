"""The reading site listens to content changes (articles/changes.py) and keeps its rows and its
page cache current. Connected in IssuesConfig.ready()."""

import logging

from django.dispatch import receiver

from articles.changes import content_changed, content_withdrawn

from . import rows
from .cache import bump_site_generation

logger = logging.getLogger(__name__)


@receiver(content_withdrawn, dispatch_uid="reading-drop-withdrawn")
def drop_withdrawn(sender, *, articles, **kwargs) -> None:
    """Inside the writer's transaction: the withdrawn articles' rows go before it commits."""
    rows.articles_drop(article_ids=articles)


@receiver(content_changed, dispatch_uid="reading-refresh")
def refresh(sender, *, articles, pages, site, **kwargs) -> None:
    """After the commit: the changed articles' rows, the rows of their issues' pages, and the
    page cache (once, however many changes the transaction made)."""
    changed = rows.articles_refresh(article_ids=articles) if articles else False
    issues = rows.issues_of(article_ids=articles, page_ids=pages)
    changed = rows.pages_refresh(issue_ids=issues) or changed
    if changed or site:
        bump_site_generation()
