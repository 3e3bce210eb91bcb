"""Content reads with a fixed number of queries: queues, a reporter's desk, an article's history,
who may do what, who hears of it."""

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


def user_roles(user: AbstractBaseUser | None) -> frozenset[str]:
    """The workflow roles of a user, from their groups; None is the system."""
    if user is None:
        return frozenset({workflow.SYSTEM})
    if user.is_superuser:
        return frozenset({workflow.ADMIN})
    names = set(user.groups.values_list("name", flat=True))
    return frozenset(role for role, group in workflow.ROLE_GROUPS.items() if group in names)


def is_own(article: Article, user: AbstractBaseUser | None) -> bool:
    """The user wrote it: they created it, or their reporter record is in its byline."""
    if user is None:
        return False
    return article.created_by_id == user.pk or article.bylines.filter(reporter__user=user).exists()


def available_moves(*, article: Article, user: AbstractBaseUser | None) -> list[workflow.Move]:
    return workflow.moves_for(article.status, roles=user_roles(user), own=is_own(article, user))


def notification_recipients(article: Article) -> list[str]:
    """The e-mail addresses of the article's author and bylined reporters with accounts."""
    emails = {
        email
        for email in [
            getattr(article.created_by, "email", ""),
            *article.bylines.filter(reporter__user__isnull=False).values_list("reporter__user__email", flat=True),
        ]
        if email
    }
    return sorted(emails)
