"""What readers see of print, in a fixed number of queries per page."""

from __future__ import annotations

import calendar
import datetime
import json
from dataclasses import dataclass
from functools import cached_property

from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from articles.models import Article, Byline
from articles.search import plain_text

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
    section: dict | None  # name, slug
    print_page: dict | None  # code, date, publication: only once the issue is out
    bylines: list[dict]  # name, slug, role (display)
    photos: list[dict]  # url, caption, credit
    previous: dict | None  # id, title: 上一篇 on the same page
    next: dict | None

    @cached_property
    def published_local(self) -> datetime.datetime:
        return timezone.localtime(self.published_at)

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
        text = " ".join((self.summary or plain_text(self.body)).split())
        return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1] + "…"


_ARTICLE_SQL = """
SELECT a.id, a.kicker, a.title, a.subtitle, a.dateline, a.byline, a.body, a.summary, a.published_at, a.updated_at,
       s.name, s.slug, pg.code, i.date, i.status, pub.name,
       (SELECT {agg}({obj}('name', r.name, 'slug', r.slug, 'role', b.role, 'order', b."order"))
          FROM articles_byline b JOIN articles_reporter r ON r.id = b.reporter_id WHERE b.article_id = a.id),
       (SELECT {agg}({obj}('image', p.image, 'caption', p.caption, 'credit', p.credit, 'order', p."order"))
          FROM articles_photo p WHERE p.article_id = a.id),
       (SELECT {obj}('id', a2.id, 'title', a2.title) FROM issues_placement p2
          JOIN articles_article a2 ON a2.id = p2.article_id
         WHERE p2.page_id = pl.page_id AND a2.status = 'published' AND p2.position < pl.position
         ORDER BY p2.position DESC LIMIT 1),
       (SELECT {obj}('id', a2.id, 'title', a2.title) FROM issues_placement p2
          JOIN articles_article a2 ON a2.id = p2.article_id
         WHERE p2.page_id = pl.page_id AND a2.status = 'published' AND p2.position > pl.position
         ORDER BY p2.position ASC LIMIT 1)
  FROM articles_article a
  LEFT JOIN articles_section s ON s.id = a.section_id
  LEFT JOIN issues_placement pl ON pl.article_id = a.id
  LEFT JOIN issues_page pg ON pg.id = pl.page_id
  LEFT JOIN issues_issue i ON i.id = pg.issue_id
  LEFT JOIN issues_publication pub ON pub.id = i.publication_id
 WHERE a.id = %s AND a.status = 'published'
"""
_JSON = {
    "postgresql": {"agg": "json_agg", "obj": "json_build_object"},
    "sqlite": {"agg": "json_group_array", "obj": "json_object"},
}
_ROLE_LABELS = dict(Byline.Role.choices)


def article_for_reader(pk: int) -> ReaderArticle | None:
    """A published article with its section, bylines, photos, place in print and neighbours; one query.

    Hand-written SQL on purpose: this is the site's hottest page, and one round trip
    with the bylines and photos folded in as JSON costs a fraction of the ORM's four.
    """
    sql = _ARTICLE_SQL.format(**_JSON[connection.vendor])
    with connection.cursor() as cursor:
        cursor.execute(sql, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    (id_, kicker, title, subtitle, dateline, byline, body, summary, published_at, updated_at,
     section_name, section_slug, page_code, issue_date, issue_status, publication,
     bylines, photos, previous, following) = row  # fmt: skip
    bylines, photos, previous, following = (_json(v) for v in (bylines, photos, previous, following))
    published_at, updated_at = _aware(published_at), _aware(updated_at)
    return ReaderArticle(
        id=id_, kicker=kicker, title=title, subtitle=subtitle, dateline=dateline, byline=byline, body=body,
        summary=summary, published_at=published_at, updated_at=updated_at,
        section={"name": section_name, "slug": section_slug} if section_slug else None,
        print_page=(
            {"code": page_code, "date": _date(issue_date), "publication": publication}
            if issue_status == Issue.Status.PUBLISHED else None
        ),
        bylines=[{**b, "role": _ROLE_LABELS.get(b["role"], b["role"])} for b in sorted(bylines or [], key=_order)],
        photos=[
            {**p, "url": default_storage.url(p["image"]) if p["image"] else ""}
            for p in sorted(photos or [], key=_order)
        ],
        previous=previous if issue_status == Issue.Status.PUBLISHED else None,
        next=following if issue_status == Issue.Status.PUBLISHED else None,
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
