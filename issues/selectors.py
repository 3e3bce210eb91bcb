"""What readers see of print, in a fixed number of queries per page."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from articles.models import Article, Byline, Photo

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


def page_for_reader(issue: Issue, code: str) -> Page | None:
    return issue.pages.filter(code=code.upper()).first()


def page_placements(page: Page) -> list[Placement]:
    """The page's published articles in position order; one query."""
    return list(
        page.placements.filter(article__status=Article.Status.PUBLISHED).select_related("article").order_by("position")
    )


def article_for_reader(pk: int) -> Article | None:
    """A published article with its section, bylines, photos and place in print; three queries."""
    return (
        Article.objects.published()
        .select_related("section", "placement__page__issue__publication")
        .prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("reporter").order_by("order")),
            Prefetch("photos", queryset=Photo.objects.order_by("order", "id")),
        )
        .filter(pk=pk)
        .first()
    )


def page_neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """上一篇 / 下一篇 on the same printed page, if the issue is out; one query."""
    placement = getattr(article, "placement", None)
    if placement is None or placement.page.issue.status != Issue.Status.PUBLISHED:
        return None, None
    siblings = list(
        Article.objects.published()
        .filter(placement__page_id=placement.page_id)
        .order_by("placement__position")
        .only("id", "title")
    )
    index = next(i for i, a in enumerate(siblings) if a.pk == article.pk)
    return (siblings[index - 1] if index else None, siblings[index + 1] if index + 1 < len(siblings) else None)
