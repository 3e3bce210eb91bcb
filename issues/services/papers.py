"""Publications, issues and pages: made when first named, and published."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles import services as article_services
from articles.changes import announce_change
from articles.models import Article
from issues.models import Issue, Page, Publication

from . import layouts, signoff


@transaction.atomic
def publication_get_or_create(*, name: str, code: str, masthead: str = "") -> Publication:
    """The publication with this code, created with these values when new."""
    publication, _ = Publication.objects.get_or_create(code=code, defaults={"name": name, "masthead": masthead})
    return publication


@transaction.atomic
def issue_get_or_create(*, publication: Publication, date: datetime.date) -> Issue:
    """The publication's issue of that date, created in planning when new."""
    issue, _ = Issue.objects.get_or_create(publication=publication, date=date)
    return issue


@transaction.atomic
def page_get_or_create(*, issue: Issue, code: str, name: str = "") -> Page:
    """The issue's page with this code (A01), created after the last page when new.

    Safe under concurrent imports: a lost race for the code or the number is retried.
    """
    for _ in range(10):
        page = Page.objects.filter(issue=issue, code=code).first()
        if page is not None:
            break
        last = issue.pages.order_by("-number").values_list("number", flat=True).first() or 0
        try:
            with transaction.atomic():
                page = Page.objects.create(issue=issue, code=code, name=name, number=last + 1)
            break
        except IntegrityError:
            continue
    else:
        raise IntegrityError(f"could not create page {code} of {issue}")
    if name and page.name != name:
        page.name = name
        page.save(update_fields=["name"])
    return page


@transaction.atomic
def issue_publish(*, issue: Issue, by: AbstractBaseUser | None) -> int:
    """Publish an issue: its approved (or scheduled) articles through the workflow, then the issue.
    Every page must be signed first (签版), where the paper requires it.

    Safe to run twice: what is already published is left as it is.
    """
    issue = Issue.objects.select_for_update().select_related("publication").get(pk=issue.pk)
    if issue.status != Issue.Status.PUBLISHED:
        signoff.check_signed(issue=issue)
    published = 0
    ready = Article.objects.filter(
        placement__page__issue=issue, status__in=[Article.Status.APPROVED, Article.Status.SCHEDULED]
    )
    for article in ready:
        article_services.article_transition(article=article, move="publish", by=by)
        published += 1
    page_ids = list(issue.pages.values_list("pk", flat=True))
    if issue.status != Issue.Status.PUBLISHED:
        issue.status, issue.published_at = Issue.Status.PUBLISHED, timezone.now()
        issue.save(update_fields=["status", "published_at"])
        # Its articles' pages show where they stand in print once the issue is out.
        announce_change(pages=page_ids, site=True)
    for page_id in page_ids:
        layouts.page_layout_schedule(page_id=page_id)  # its thumbnails now show the published headlines
    return published
