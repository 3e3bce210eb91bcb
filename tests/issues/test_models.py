import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from issues.models import Issue, Page
from tests.factories import IssueFactory, PageFactory, PlacementFactory

pytestmark = pytest.mark.django_db


def test_one_issue_per_publication_and_date():
    issue = IssueFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        IssueFactory(publication=issue.publication, date=issue.date)


def test_published_issue_needs_published_at():
    with pytest.raises(IntegrityError), transaction.atomic():
        IssueFactory(status=Issue.Status.PUBLISHED)
    IssueFactory(status=Issue.Status.PUBLISHED, published_at=timezone.now())


def test_one_page_code_per_issue():
    page = PageFactory(code="A01")
    with pytest.raises(IntegrityError), transaction.atomic():
        Page.objects.create(issue=page.issue, code="A01", number=99)


def test_one_article_per_position_on_a_page():
    placement = PlacementFactory(position=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlacementFactory(page=placement.page, position=1)


def test_position_starts_at_one():
    with pytest.raises(IntegrityError), transaction.atomic():
        PlacementFactory(position=0)
