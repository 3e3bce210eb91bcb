"""What readers see of print, in a fixed number of queries per page."""

from __future__ import annotations

import calendar
import datetime
import json
import zoneinfo
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from articles.models import Article, Byline
from articles.search import plain_text
from newsroom.jinja2 import url

from .models import Issue, Page, Placement


def published_issues() -> QuerySet[Issue]:
    return Issue.objects.published().select_related("publication").order_by("-date", "publication_id")


def latest_issue() -> Issue | None:
    return published_issues().first()


@dataclass
class IssueNavigation:
    dates: list[datetime.date]
    previous: datetime.date | None
    next: datetime.date | None

    def month(self, day: datetime.date) -> list[list[tuple[int, datetime.date | None]]]:
        """The calendar of the day's month: weeks of (day, its date if an issue came out), 0 for padding."""
        published = {d.day: d for d in self.dates if (d.year, d.month) == (day.year, day.month)}
        weeks = calendar.Calendar().monthdayscalendar(day.year, day.month)
        return [[(d, published.get(d)) for d in week] for week in weeks]


def issue_navigation(issue: Issue) -> IssueNavigation:
    """Every published date of the paper (往期回顾), and the issues either side; one query."""
    dates = sorted(published_issues().filter(publication=issue.publication_id).values_list("date", flat=True))
    before = [d for d in dates if d < issue.date]
    after = [d for d in dates if d > issue.date]
    return IssueNavigation(dates, before[-1] if before else None, after[0] if after else None)


def issue_for_reader(date: datetime.date) -> Issue | None:
    return published_issues().filter(date=date).first()


def issue_pages(issue: Issue) -> list[Page]:
    """The issue's pages with their published articles' headlines (版面导航); two queries."""
    visible = Placement.objects.filter(article__status=Article.Status.PUBLISHED).select_related("article")
    return list(issue.pages.order_by("number").prefetch_related(Prefetch("placements", queryset=visible)))


def page_placements(page: Page) -> list[Placement]:
    """The page's published articles in position order; one query."""
    return list(
        page.placements.filter(article__status=Article.Status.PUBLISHED).select_related("article").order_by("position")
    )


DESCRIPTION_LENGTH = 120
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
        text = " ".join((self.summary or plain_text(self.body[:2000])).split())
        return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1] + "…"


# Everything the article page shows, as one JSON object per article: read live by the
# page when an article has no reader row yet, and stored as its row by
# issues.services.published_articles_refresh. {nest} keeps SQLite's nested JSON as JSON.
_PAYLOAD = """{obj}(
    'id', a.id, 'kicker', a.kicker, 'title', a.title, 'subtitle', a.subtitle, 'dateline', a.dateline,
    'byline', a.byline, 'body', a.body, 'summary', a.summary,
    'published_at', a.published_at, 'updated_at', a.updated_at,
    'section', CASE WHEN s.id IS NOT NULL THEN {nest}({obj}('name', s.name, 'slug', s.slug)) END,
    'print_page', CASE WHEN i.status = 'published'
                       THEN {nest}({obj}('code', pg.code, 'date', i.date, 'publication', pub.name)) END,
    'bylines', {nest}((SELECT {agg}({obj}('name', r.name, 'slug', r.slug, 'role', b.role, 'order', b."order"))
                         FROM articles_byline b JOIN articles_reporter r ON r.id = b.reporter_id
                        WHERE b.article_id = a.id)),
    'photos', {nest}((SELECT {agg}({obj}('image', p.image, 'caption', p.caption, 'credit', p.credit,
                                         'order', p."order"))
                        FROM articles_photo p WHERE p.article_id = a.id)),
    'previous', CASE WHEN i.status = 'published' THEN {nest}((
        SELECT {obj}('id', a2.id, 'title', a2.title) FROM issues_placement p2
          JOIN articles_article a2 ON a2.id = p2.article_id
         WHERE p2.page_id = pl.page_id AND a2.status = 'published' AND p2.position < pl.position
         ORDER BY p2.position DESC LIMIT 1)) END,
    'next', CASE WHEN i.status = 'published' THEN {nest}((
        SELECT {obj}('id', a2.id, 'title', a2.title) FROM issues_placement p2
          JOIN articles_article a2 ON a2.id = p2.article_id
         WHERE p2.page_id = pl.page_id AND a2.status = 'published' AND p2.position > pl.position
         ORDER BY p2.position ASC LIMIT 1)) END
)"""
_PAYLOAD_FROM = """
  FROM articles_article a
  LEFT JOIN articles_section s ON s.id = a.section_id
  LEFT JOIN issues_placement pl ON pl.article_id = a.id
  LEFT JOIN issues_page pg ON pg.id = pl.page_id
  LEFT JOIN issues_issue i ON i.id = pg.issue_id
  LEFT JOIN issues_publication pub ON pub.id = i.publication_id
 WHERE a.status = 'published'
"""
_JSON = {
    "postgresql": {"agg": "json_agg", "obj": "json_build_object", "nest": ""},
    "sqlite": {"agg": "json_group_array", "obj": "json_object", "nest": "json"},
}
# The page's own read: the stored row (an article leaving print loses it in the same
# transaction, so a row is always a published article's).
_ROW_SQL = "SELECT data FROM issues_publishedarticle WHERE article_id = %s"
_ROLE_LABELS = dict(Byline.Role.choices)


def payload_sql(where: str, also: str = "NULL") -> str:
    """SELECT a.id, <the article page's JSON>, <also> for the published articles matching `where`."""
    return f"SELECT a.id, {_PAYLOAD.format(**_JSON[connection.vendor])}, {also} {_PAYLOAD_FROM} AND {where}"


def article_for_reader(pk: int) -> ReaderArticle | None:
    """A published article with its section, bylines, photos, place in print and neighbours; one query.

    Hand-written SQL on purpose: this is the site's hottest page. It reads the article's
    reader row (one index lookup); an article without one yet (published before the rows
    existed, or its row being rewritten) is read live from the tables, in one query too.
    """
    with connection.cursor() as cursor:
        cursor.execute(_ROW_SQL, [pk])
        row = cursor.fetchone()
        if row is None:
            cursor.execute(payload_sql("a.id = %s"), [pk])
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
