"""Reads with a fixed number of queries: queues, a reporter's desk, an article's history."""

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet

from . import search, workflow
from .models import Article, Byline, SearchDocument


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


def reader_list(queryset: QuerySet[Article]) -> QuerySet[Article]:
    """Published articles, newest first, with what a list item shows (bylines in one more query)."""
    return (
        queryset.published()
        .select_related("section")
        .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("reporter").order_by("order")))
        .order_by("-published_at", "-id")
    )


RANKED_AMONG = 1000


def search_documents(
    *, query: str, documents: QuerySet[SearchDocument], ranked: bool = False
) -> tuple[QuerySet[SearchDocument], list[str]]:
    """Published articles matching every word of the query, newest first (served by the index),
    or by relevance among the newest RANKED_AMONG matches, so that no query ranks the whole archive.

    PostgreSQL: the segmented query against the GIN-indexed vector. SQLite: every word contained.
    """
    terms = search.query_terms(query)
    if not terms:
        return documents.none(), terms
    if connection.vendor == "postgresql":
        tsquery = SearchQuery(" ".join(terms), config="simple", search_type="plain")
        matches = documents.filter(vector=tsquery)
    else:
        matches = documents
        for term in terms:
            matches = matches.filter(text__contains=term)
    newest = matches.order_by("-published_at", "-article_id")
    if ranked and connection.vendor == "postgresql":
        window = newest.values("pk")[:RANKED_AMONG]
        newest = (
            SearchDocument.objects.filter(pk__in=window)
            .annotate(rank=SearchRank(F("vector"), tsquery))
            .order_by("-rank", "-published_at")
        )
    return newest.select_related("article", "article__section").defer("text", "vector"), terms
