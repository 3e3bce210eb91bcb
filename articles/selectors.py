"""Reads with a fixed number of queries: queues, a reporter's desk, an article's history."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from . import workflow
from .models import Article


def queue_counts() -> list[tuple[str, str, int]]:
    """(state, label, count) for each review queue, in order; one query."""
    counts = dict(
        Article.objects.filter(status__in=workflow.QUEUES).values_list("status").annotate(n=Count("id")).order_by()
    )
    return [(state, workflow.STATE_LABELS[state], counts.get(state, 0)) for state in workflow.QUEUES]


def desk_articles(*, user: AbstractBaseUser) -> QuerySet[Article]:
    """The articles a reporter wrote: created by them or bylined to their reporter record."""
    return (
        Article.objects.filter(Q(created_by=user) | Q(bylines__reporter__user=user))
        .distinct()
        .select_related("section")
        .order_by("-updated_at")
    )


def article_history(*, article: Article) -> dict:
    """The workflow trail with its notes, and the revisions, newest first."""
    return {
        "transitions": list(article.transitions.select_related("by").order_by("-at", "-id")),
        "revisions": list(article.history.select_related("history_user").order_by("-history_date")),
    }
