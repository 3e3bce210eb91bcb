"""The e-paper's page rows: the front page, a page and an issue page each read one prepared row,
written when anything on the page commits; an empty page has none and is never public."""

import pytest

from articles import services as article_services
from issues.models import PublishedPage
from issues.reading import rows as reader_rows
from issues.reading.cache import bump_site_generation
from tests.factories import ArticleFactory, PageFactory, PlacementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def prepared(paper):
    reader_rows.rebuild()
    bump_site_generation()  # pages cached before the rows were written are gone
    return paper


@pytest.mark.parametrize("url", ["/", "/epaper/2025-06-04/A01/", "/epaper/2025-06-04/"])
def test_the_front_page_a_page_and_the_issue_page_are_one_query(
    client, prepared, url, settings, django_assert_num_queries
):
    settings.PAGE_CACHE = False  # what a page costs when it is not cached
    # The paper's published dates and the sections are read once per process until the
    # site changes: the first request reads them, the figure is a warm server's.
    client.get(url)
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["产业", "王娜"])
def test_section_and_reporter_pages_take_at_most_two_queries(
    client, prepared, name, settings, django_assert_max_num_queries
):
    from articles.models import Reporter, Section

    settings.PAGE_CACHE = False
    section = Section.objects.filter(name=name).first()
    url = f"/sections/{section.slug}/" if section else f"/reporters/{Reporter.objects.get(name=name).slug}/"
    client.get(url)
    with django_assert_max_num_queries(2):
        response = client.get(url)
    assert response.status_code == 200 and "article-item" in response.text


def test_the_row_is_what_the_tables_say(prepared):
    page = prepared["page"]
    stored = PublishedPage.objects.get(page=page)
    assert reader_rows.page_live(page=page) == __import__("json").loads(stored.data)


def test_a_change_to_an_article_rewrites_its_page_row(client, prepared, django_capture_on_commit_callbacks):
    article = prepared["articles"][2]
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "换了标题的稿件"
        article_services.article_save(article=article)
    text = client.get("/epaper/2025-06-04/A01/").text
    assert "换了标题的稿件" in text


def test_a_page_with_no_published_article_is_never_public(
    client, prepared, superuser, django_capture_on_commit_callbacks
):
    issue = prepared["issue"]
    empty = PageFactory(issue=issue, code="A02", name="空版", number=2)
    waiting = PageFactory(issue=issue, code="A03", name="待发", number=3)
    PlacementFactory(page=waiting, article=ArticleFactory(title="还在审的稿件", status="review2"), position=1)
    with django_capture_on_commit_callbacks(execute=True):
        reader_rows.pages_refresh(issue_ids=[issue.pk])
    for page in (empty, waiting):
        assert client.get(f"/epaper/2025-06-04/{page.code}/").status_code == 404
    a01 = client.get("/epaper/2025-06-04/A01/").text
    assert "第A02版" not in a01 and "第A03版" not in a01 and 'rel="next"' not in a01
    assert "第A03版" not in client.get("/epaper/2025-06-04/").text


def test_withdrawing_the_last_article_takes_its_page_off_at_once(
    client, prepared, superuser, django_capture_on_commit_callbacks
):
    issue = prepared["issue"]
    page = PageFactory(issue=issue, code="A02", name="专版", number=2)
    article = ArticleFactory(title="一版独篇", status="approved")
    PlacementFactory(page=page, article=article, position=1)
    with django_capture_on_commit_callbacks(execute=True):
        article_services.article_transition(article=article, move="publish", by=superuser)
    assert client.get("/epaper/2025-06-04/A02/").status_code == 200
    assert client.get(f"/articles/{article.pk}/").status_code == 200  # now cached
    with django_capture_on_commit_callbacks(execute=True):
        article_services.article_transition(article=article, move="withdraw", by=superuser, note="撤稿说明")
    assert client.get(f"/articles/{article.pk}/").status_code == 404
    assert client.get("/epaper/2025-06-04/A02/").status_code == 404
    assert "一版独篇" not in client.get("/epaper/2025-06-04/").text
