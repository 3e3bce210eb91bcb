"""The article page's reader rows: written when a change commits, read in one lookup, never stale."""

import dataclasses

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles import services as article_services
from articles.changes import announce_change
from articles.models import Article, Section
from issues.models import Placement, PublishedArticle
from issues.reading import cache as page_cache
from issues.reading import rows as reader_rows
from issues.reading import selectors
from issues.services import papers
from tests.factories import BylineFactory, PhotoFactory, ReporterFactory

pytestmark = pytest.mark.django_db


def _live(pk: int) -> selectors.ReaderArticle | None:
    """The article page's data read from the tables, past any reader row."""
    with connection.cursor() as cursor:
        cursor.execute(reader_rows.payload_sql("a.id = %s"), [pk])
        row = cursor.fetchone()
    return row and selectors.reader_article(selectors._json(row[1]))


def _row(pk: int) -> selectors.ReaderArticle | None:
    row = PublishedArticle.objects.filter(article_id=pk).first()
    return row and selectors.reader_article(selectors._json(row.data))


@pytest.fixture
def rows(paper):
    reader_rows.rebuild()
    return paper


def test_every_published_article_gets_a_row_equal_to_the_live_read(rows):
    articles = rows["articles"]
    assert PublishedArticle.objects.count() == len(articles) == 8
    for article in articles:
        assert _row(article.pk) == _live(article.pk)
    middle = _row(articles[3].pk)
    assert middle.previous == {"id": articles[2].pk, "title": articles[2].title, "url": f"/articles/{articles[2].pk}/"}
    assert middle.next == {"id": articles[4].pk, "title": articles[4].title, "url": f"/articles/{articles[4].pk}/"}
    assert middle.print_page["code"] == "A01" and middle.bylines


def test_the_article_page_reads_its_row_in_one_query(client, rows, settings):
    settings.PAGE_CACHE = False
    article = rows["articles"][3]
    client.get(f"/articles/{rows['articles'][0].pk}/")  # the sections' navigation, built once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    assert len(captured) == 1 and "issues_publishedarticle" in captured[0]["sql"]
    assert article.title in response.text and "刊于第A01版" in response.text


def test_an_article_without_a_row_is_read_live(client, paper, settings, django_assert_num_queries):
    settings.PAGE_CACHE = False
    article = paper["articles"][0]
    assert not PublishedArticle.objects.exists()
    client.get(f"/articles/{paper['articles'][1].pk}/")  # the sections' navigation, built once
    with django_assert_num_queries(2):  # the missing row, then the live read
        response = client.get(f"/articles/{article.pk}/")
    assert article.title in response.text


def test_an_edit_rewrites_the_row_and_its_neighbours_once_it_commits(rows, django_capture_on_commit_callbacks):
    first, second = rows["articles"][:2]
    generation = page_cache.site_generation()
    with django_capture_on_commit_callbacks(execute=True):
        first.title = "改过的标题"
        article_services.article_save(article=first)
        assert _row(first.pk).title != "改过的标题"  # not before the commit
    assert _row(first.pk).title == "改过的标题"
    assert _row(second.pk).previous["title"] == "改过的标题"
    assert page_cache.site_generation() > generation
    assert _row(first.pk) == _live(first.pk)


def test_an_edit_of_a_published_article_is_searchable_at_once(client, rows):
    article = rows["articles"][0]
    article.title = "冬奥冰雪运动进校园"
    article_services.article_save(article=article)
    assert "<mark>冬奥</mark>冰雪运动进校园" in client.get("/search/", {"q": "冬奥"}).text


def test_a_withdrawn_article_loses_its_row_and_leaves_its_neighbours(
    client, rows, superuser, django_capture_on_commit_callbacks
):
    first, second, third = rows["articles"][:3]
    with django_capture_on_commit_callbacks(execute=True):
        article_services.article_transition(article=second, move="withdraw", by=superuser, note="撤稿说明")
    assert not PublishedArticle.objects.filter(article=second).exists()
    assert client.get(f"/articles/{second.pk}/").status_code == 404
    assert _row(first.pk).next["id"] == third.pk
    assert _row(third.pk).previous["id"] == first.pk


def test_withdrawing_removes_the_row_in_the_same_transaction(client, rows, superuser):
    article = rows["articles"][0]
    article_services.article_transition(article=article, move="withdraw", by=superuser, note="撤稿说明")
    # No commit has run (the test's transaction never commits), and the row is gone already.
    assert not PublishedArticle.objects.filter(article=article).exists()
    assert client.get(f"/articles/{article.pk}/").status_code == 404


def test_bylines_photos_and_moves_show_once_noted(rows, django_capture_on_commit_callbacks):
    first, second = rows["articles"][:2]
    reporter = ReporterFactory(name="新记者", slug="xin")
    with django_capture_on_commit_callbacks(execute=True):
        BylineFactory(article=first, reporter=reporter, role="photographer", order=9)
        PhotoFactory(article=first, caption="新图片说明", order=9)
        Placement.objects.filter(article=second).update(position=50)  # second goes to the bottom of the page
        announce_change(articles=[first.pk, second.pk])
    row = _row(first.pk)
    assert row.bylines[-1] == {"name": "新记者", "slug": "xin", "role": "摄影", "order": 9, "url": "/reporters/xin/"}
    assert row.photos[-1]["caption"] == "新图片说明"
    assert row.next["id"] != second.pk
    assert all(dataclasses.astuple(_row(a.pk)) == dataclasses.astuple(_live(a.pk)) for a in rows["articles"])


def test_publishing_the_issue_puts_its_page_on_every_article(paper, django_capture_on_commit_callbacks):
    issue = paper["issue"]
    type(issue).objects.filter(pk=issue.pk).update(status="draft", published_at=None)
    reader_rows.rebuild()
    article = paper["articles"][0]
    assert _row(article.pk).print_page is None
    with django_capture_on_commit_callbacks(execute=True):
        papers.issue_publish(issue=issue, by=None)
    assert _row(article.pk).print_page["code"] == "A01"


def test_an_admin_rename_of_a_section_reaches_its_articles(
    admin_client_logged, rows, django_capture_on_commit_callbacks
):
    article = next(a for a in rows["articles"] if a.section_id)
    section = Section.objects.get(pk=article.section_id)
    form = {"name": "改名栏目", "slug": section.slug, "order": section.order}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_logged.post(f"/admin/articles/section/{section.pk}/change/", form)
    assert response.status_code == 302
    assert _row(article.pk).section["name"] == "改名栏目"


def test_an_admin_move_to_another_page_rewrites_both_pages(
    admin_client_logged, rows, django_capture_on_commit_callbacks
):
    from tests.factories import PageFactory

    first, second, third = rows["articles"][:3]
    other = PageFactory(issue=rows["issue"], code="A02", number=2)
    placement = Placement.objects.get(article=second)
    form = {"article": second.pk, "page": other.pk, "position": 1, "pin_column": "", "pin_columns": ""}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_logged.post(f"/admin/issues/placement/{placement.pk}/change/", form)
    assert response.status_code == 302, response.text[:2000]
    assert _row(first.pk).next["id"] == third.pk  # the page it left
    assert _row(second.pk).print_page["code"] == "A02" and _row(second.pk).previous is None


def test_one_refresh_per_transaction_and_none_for_a_rollback(rows, monkeypatch, django_capture_on_commit_callbacks):
    first, second = rows["articles"][:2]
    refreshed = []
    monkeypatch.setattr(reader_rows, "articles_refresh", lambda article_ids: refreshed.append(article_ids))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                announce_change(articles=[first.pk])
                raise RuntimeError
        except RuntimeError:
            pass
    assert callbacks == [] and refreshed == []
    with django_capture_on_commit_callbacks(execute=True):
        announce_change(articles=[second.pk])
        announce_change(articles=[second.pk], site=True)
    assert len(refreshed) == 1 and second.pk in refreshed[0]


def test_the_rebuild_command_writes_every_row(paper):
    from django.core.management import call_command

    call_command("refresh_reader_rows", verbosity=0)
    assert PublishedArticle.objects.count() == len(paper["articles"])


def test_a_failed_refresh_is_logged_and_does_not_undo_or_fail_the_change(
    rows, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    article = rows["articles"][0]

    def broken(article_ids):
        raise RuntimeError("database went away")

    monkeypatch.setattr(reader_rows, "articles_refresh", broken)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "改过的标题"
        article_services.article_save(article=article)
    assert Article.objects.get(pk=article.pk).title == "改过的标题"
    assert "database went away" in caplog.text


def test_refreshing_rows_that_exist_rewrites_them_in_place(rows):
    article = rows["articles"][0]
    Article.objects.filter(pk=article.pk).update(title="悄悄改过的标题")
    assert reader_rows.articles_refresh(article_ids=[article.pk])
    assert PublishedArticle.objects.count() == len(rows["articles"])
    assert _row(article.pk).title == "悄悄改过的标题"


def test_a_rebuild_works_in_chunks_whatever_the_count(paper, monkeypatch):
    monkeypatch.setattr(reader_rows, "REFRESH_CHUNK", 3)  # PostgreSQL takes at most 65,535 parameters a query
    assert reader_rows.rebuild()[0] == len(paper["articles"])
    assert PublishedArticle.objects.count() == len(paper["articles"])
    assert all(_row(a.pk) == _live(a.pk) for a in paper["articles"])
