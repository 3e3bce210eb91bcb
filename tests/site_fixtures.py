"""A published sample paper, and things readers must not see, for the site's tests."""

import datetime

import pytest
from django.core.management import call_command

from articles.models import Article
from issues.models import Issue, Page
from tests.factories import ArticleFactory, IssueFactory, PageFactory, PlacementFactory


@pytest.fixture
def paper(db):
    """株洲日报 of 2025-06-04, imported and published by load_sample."""
    call_command("load_sample", verbosity=0)
    issue = Issue.objects.get()
    return {
        "issue": issue,
        "page": Page.objects.get(issue=issue, code="A01"),
        "articles": list(Article.objects.published().order_by("placement__position")),
    }


@pytest.fixture
def unpublished(paper):
    """A draft on the published page, and a page of an issue still in production."""
    draft = ArticleFactory(title="尚未发布的草稿", status="submitted")
    PlacementFactory(article=draft, page=paper["page"], position=99)
    issue = IssueFactory(publication=paper["issue"].publication, date=datetime.date(2025, 6, 5))
    page = PageFactory(issue=issue, code="A01", number=1)
    return {"draft": draft, "issue": issue, "page": page}
