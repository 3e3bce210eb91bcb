"""What readers see, in a fixed number of queries per page: issues, pages, articles, lists, search."""

from __future__ import annotations

import calendar
import datetime
import json
import zoneinfo
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles import search
from articles.models import Article, Byline, SearchDocument, Section
from articles.text import excerpt, plain_text
from issues.models import Issue, Page, Placement, PublishedPage

from . import rows
from .cache import remembered
from .jinja2 import url


def published_issues() -> QuerySet[Issue]:
    return Issue.objects.published().select_related("publication").order_by("-date", "publication_id")


@dataclass(frozen=True)
class IssueNavigation:
    """Every published date of a paper (往期回顾) and the issues either side of one."""

    dates: tuple[datetime.date, ...]
    previous: datetime.date | None
    next: datetime.date | None

    def month(self, day: datetime.date) -> list[list[tuple[int, datetime.date | None]]]:
        """The calendar of the day's month: weeks of (day, its date if an issue came out), 0 for padding."""
        published = {d.day: d for d in self.dates if (d.year, d.month) == (day.year, day.month)}
        weeks = calendar.Calendar().monthdayscalendar(day.year, day.month)
        return [[(d, published.get(d)) for d in week] for week in weeks]


def issue_navigation(*, publication_id: int, day: datetime.date) -> IssueNavigation:
    """The paper's published dates around this day; read once per process until the site
    changes (no query on most requests, one otherwise)."""

    def build() -> tuple[datetime.date, ...]:
        published = Issue.objects.published().filter(publication=publication_id)
        return tuple(sorted(published.values_list("date", flat=True)))

    dates = remembered(("issue-dates", publication_id), build)
    before = [d for d in dates if d < day]
    after = [d for d in dates if d > day]
    return IssueNavigation(dates, before[-1] if before else None, after[0] if after else None)


def front_page() -> dict | None:
    """The latest issue's first visible page (the site's front page): its row, in one query."""
    row = PublishedPage.objects.order_by("-date", "publication_id", "number").values_list("data", flat=True).first()
    if row is not None:
        return json.loads(row)
    latest = published_issues().first()  # rows not written yet: from the tables
    pages = rows.issue_live(issue_id=latest.pk) if latest else []
    return pages[0] if pages else None


def page_for_reader(day: datetime.date, code: str) -> dict | None:
    """The e-paper page: its row, in one query. A visible page whose row is not written yet
    (data from before the rows existed) is built from the tables."""
    row = (
        PublishedPage.objects.filter(date=day, code=code)
        .order_by("publication_id")
        .values_list("data", flat=True)
        .first()
    )
    if row is not None:
        return json.loads(row)
    page = (
        Page.objects.filter(issue__in=published_issues().filter(date=day)[:1], code=code)
        .select_related("issue__publication")
        .first()
    )
    return rows.page_live(page=page) if page else None


def issue_for_reader(day: datetime.date) -> list[dict]:
    """The issue's visible pages (版面导航 with their headlines), from their rows; one query."""
    pages = [json.loads(data) for data in PublishedPage.objects.filter(date=day).values_list("data", flat=True)]
    if not pages:
        issue = published_issues().filter(date=day).first()  # rows not written yet: from the tables
        return rows.issue_live(issue_id=issue.pk) if issue else []
    first = min(p["publication_id"] for p in pages)
    return sorted((p for p in pages if p["publication_id"] == first), key=lambda p: p["number"])


DESCRIPTION_LENGTH = 120
_ROLE_LABELS = dict(Byline.Role.choices)
_LOCAL = zoneinfo.ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class ReaderArticle:
    """Everything the article page shows, read in one query."""

    id: int
    kicker: str
    title: str
    subtitle: str
    dateline: str
    byline: str
    body: str
    summary: str
    published_at: datetime.datetime
    updated_at: datetime.datetime
    section: dict | None  # name, slug, url
    print_page: dict | None  # code, date, publication, url: only once the issue is out
    bylines: list[dict]  # name, slug, role (display), url
    photos: list[dict]  # url, caption, credit
    previous: dict | None  # id, title, url: 上一篇 on the same page
    next: dict | None

    @cached_property
    def published_local(self) -> datetime.datetime:
        return self.published_at.astimezone(_LOCAL)

    @property
    def published_iso(self) -> str:
        return self.published_local.isoformat()  # what the template filter date:"c" gives

    @property
    def published_display(self) -> str:
        when = self.published_local
        return f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}"

    @property
    def description(self) -> str:
        """The summary, or the body's opening words: the page's meta description."""
        # The body's head is enough for 120 characters; a long article is not stripped whole.
        return excerpt(self.summary or plain_text(self.body[:2000]), DESCRIPTION_LENGTH)


def article_for_reader(pk: int) -> ReaderArticle | None:
    """A published article with its section, bylines, photos, place in print and neighbours; one query.

    Hand-written SQL on purpose: this is the site's hottest page. It reads the article's
    reader row (one index lookup); an article without one yet (published before the rows
    existed, or its row being rewritten) is read live from the tables, in one query too.
    """
    with connection.cursor() as cursor:
        cursor.execute(rows.ARTICLE_ROW_SQL, [pk])
        row = cursor.fetchone()
        if row is None:
            cursor.execute(rows.payload_sql("a.id = %s"), [pk])
            row = cursor.fetchone()
            row = row and row[1:2]
    if row is None:
        return None
    return reader_article(_json(row[0]))


def reader_article(data: dict) -> ReaderArticle:
    """The article page's dataclass from its JSON (a reader row, or the live query's)."""
    bylines, photos = data["bylines"] or [], data["photos"] or []
    section, print_page, previous, following = data["section"], data["print_page"], data["previous"], data["next"]
    # Each link is resolved here, once per process (url() remembers), not by the template.
    if section:
        section["url"] = url("site:section", section["slug"])
    if print_page:
        print_page["date"] = _date(print_page["date"])
        print_page["url"] = url("site:page", print_page["date"].isoformat(), print_page["code"])
    for neighbour in (previous, following):
        if neighbour:
            neighbour["url"] = url("site:article", neighbour["id"])
    return ReaderArticle(
        id=data["id"], kicker=data["kicker"], title=data["title"], subtitle=data["subtitle"],
        dateline=data["dateline"], byline=data["byline"], body=data["body"], summary=data["summary"],
        published_at=_aware(data["published_at"]), updated_at=_aware(data["updated_at"]),
        section=section, print_page=print_page,
        bylines=[
            {**b, "role": _ROLE_LABELS.get(b["role"], b["role"]), "url": url("site:reporter", b["slug"])}
            for b in sorted(bylines, key=_order)
        ],
        photos=[
            {**p, "url": default_storage.url(p["image"]) if p["image"] else ""} for p in sorted(photos, key=_order)
        ],
        previous=previous, next=following,
    )  # fmt: skip


def _order(item: dict) -> int:
    return item["order"]


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def _aware(value):
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    return value if value is None or timezone.is_aware(value) else timezone.make_aware(value, datetime.UTC)


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


# A list item's names (王娜、邓伟勇), joined in the list's own query.
_BYLINE_NAMES = {
    "postgresql": """(SELECT string_agg(r.name, '、' ORDER BY b."order") FROM articles_byline b
                      JOIN articles_reporter r ON r.id = b.reporter_id WHERE b.article_id = articles_article.id)""",
    "sqlite": """(SELECT group_concat(r.name, '、') FROM articles_byline b
                  JOIN articles_reporter r ON r.id = b.reporter_id WHERE b.article_id = articles_article.id)""",
}


# Where a list item stood in print: its published issue's date and its page's code (else NULL).
_PRINTED = """(SELECT {column} FROM issues_placement pl JOIN issues_page pg ON pg.id = pl.page_id
               JOIN issues_issue i ON i.id = pg.issue_id
              WHERE pl.article_id = {article} AND i.status = 'published')"""


def _printed(article: str) -> dict:
    """print_date and print_code annotations for rows whose article id is the column `article`."""
    return {
        "print_date": RawSQL(_PRINTED.format(column="i.date", article=article), ()),
        "print_code": RawSQL(_PRINTED.format(column="pg.code", article=article), ()),
    }


def reader_list(queryset: QuerySet[Article]) -> QuerySet[Article]:
    """Published articles, newest first, with what a list item shows (section, names, the issue
    date and page it was printed on); one query."""
    return (
        queryset.published()
        .select_related("section")
        .annotate(byline_names=RawSQL(_BYLINE_NAMES[connection.vendor], ()), **_printed("articles_article.id"))
        .order_by("-published_at", "-id")
    )


def section_by_slug(slug: str) -> Section | None:
    """A section by its slug, from every section read once per process until the site changes."""
    return remembered("sections", lambda: {s.slug: s for s in Section.objects.all()}).get(slug)


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
    printed = newest.annotate(**_printed("articles_searchdocument.article_id"))
    return printed.select_related("article", "article__section").defer("text", "vector"), terms


# -- the read API (issues/reading/api/): issues and pages by the paper's code, articles -------


def paper_issues() -> QuerySet[Issue]:
    """Published issues with at least one visible page (a published article placed), newest first."""
    shown = Placement.objects.filter(page__issue=OuterRef("pk"), article__status=Article.Status.PUBLISHED)
    return published_issues().filter(Exists(shown))


def paper_issue_pages(*, publication: str, day: datetime.date) -> list[dict]:
    """A paper's issue's visible pages in order, from their rows; one query (built from the tables
    when the rows are not written yet)."""
    found = PublishedPage.objects.filter(date=day, publication__code=publication).order_by("number")
    pages = [json.loads(data) for data in found.values_list("data", flat=True)]
    if not pages:
        issue = published_issues().filter(date=day, publication__code=publication).first()
        return rows.issue_live(issue_id=issue.pk) if issue else []
    return pages


def paper_page(*, publication: str, day: datetime.date, code: str) -> tuple[dict, dict] | None:
    """A visible page's row and its layout (the areas in page fractions); one query."""
    found = PublishedPage.objects.filter(date=day, code=code, publication__code=publication)
    row = found.values_list("data", "page__layout").first()
    if row is not None:
        return json.loads(row[0]), row[1] or {}
    page = (
        Page.objects.filter(issue__in=published_issues().filter(date=day, publication__code=publication), code=code)
        .select_related("issue__publication")
        .first()
    )
    data = rows.page_live(page=page) if page else None
    return (data, page.layout or {}) if data else None


# The reader row with what it does not carry: the rubric and the paper's code.
_API_ARTICLE_SQL = """SELECT pa.data, a.rubric, pub.code FROM issues_publishedarticle pa
  JOIN articles_article a ON a.id = pa.article_id
  LEFT JOIN issues_placement pl ON pl.article_id = a.id
  LEFT JOIN issues_page pg ON pg.id = pl.page_id
  LEFT JOIN issues_issue i ON i.id = pg.issue_id
  LEFT JOIN issues_publication pub ON pub.id = i.publication_id
 WHERE pa.article_id = %s"""


def article_for_api(pk: int) -> tuple[ReaderArticle, dict] | None:
    """The article page's data, and its rubric and paper's code: one query from its reader row
    (three for an article without one yet, read live as the article page does)."""
    with connection.cursor() as cursor:
        cursor.execute(_API_ARTICLE_SQL, [pk])
        row = cursor.fetchone()
        if row is not None:
            return reader_article(_json(row[0])), {"rubric": row[1], "publication": row[2]}
        cursor.execute(rows.payload_sql("a.id = %s"), [pk])
        live = cursor.fetchone()
    if live is None:
        return None
    found = Article.objects.published().filter(pk=pk)
    extras = found.values("rubric", publication=F("placement__page__issue__publication__code")).first() or {}
    return reader_article(_json(live[1])), extras
