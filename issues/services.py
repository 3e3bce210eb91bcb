"""The write path for print: publications, issues and pages."""

import datetime

from django.db import transaction

from .models import Issue, Page, Publication


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
    """The issue's page with this code (A01), created after the last page when new."""
    page = Page.objects.filter(issue=issue, code=code).first()
    if page is None:
        last = issue.pages.order_by("-number").values_list("number", flat=True).first() or 0
        page = Page.objects.create(issue=issue, code=code, name=name, number=last + 1)
    elif name and page.name != name:
        page.name = name
        page.save(update_fields=["name"])
    return page
