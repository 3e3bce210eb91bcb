import pytest
from django.core.management import call_command

from issues.models import Issue, Page, Publication

pytestmark = pytest.mark.django_db


def test_load_sample_is_safe_to_run_twice():
    call_command("load_sample")
    call_command("load_sample")
    publication = Publication.objects.get()
    assert publication.name == "株洲日报"
    assert publication.masthead_lines == ["中共株洲市委主管、主办", "株洲日报社出版"]
    issue = Issue.objects.get()
    assert str(issue.date) == "2025-06-04"
    assert list(Page.objects.values_list("code", "name")) == [("A01", "要闻")]
