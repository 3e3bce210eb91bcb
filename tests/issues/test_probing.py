"""Holes found by probing the running site as an attacker and as each role (issue 14): each gets a
clear 4xx or message, and nothing that is not published shows in public."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles import workflow
from articles.models import Photo, Reporter
from issues.models import ImportJob
from issues.services import imports, inbox
from tests.factories import ArticleFactory, BylineFactory, PublicationFactory, ReporterFactory

from .test_import_services import FIXTURES

pytestmark = pytest.mark.django_db


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


def test_a_page_number_past_the_archive_is_404_not_500(client, paper):
    assert client.get("/search/", {"q": "株洲", "page": "99999999999999999999"}).status_code == 404
    assert client.get("/sections/chanye/", {"page": "99999999999999999999"}).status_code == 404


def test_a_nul_byte_in_a_query_is_400(admin_client_logged):
    response = admin_client_logged.get("/admin/articles/article/", {"status__exact": "\x00"})
    assert response.status_code == 400
    assert admin_client_logged.get("/search/", {"q": "株\x00洲"}).status_code == 400


def test_a_page_with_a_nul_byte_fails_clearly_and_the_inbox_goes_on(tmp_path, monkeypatch):
    publication = PublicationFactory()
    job = imports.import_job_create(
        publication=publication, issue_date="2025-06-05", page_code="A01", data=b"abc\x00def", enqueue=False
    )
    assert job.status == ImportJob.Status.FAILED and "空字符" in job.error and bytes(job.raw) == b"abc\x00def"
    monkeypatch.setattr(inbox, "INBOX_SETTLE_SECONDS", 0)
    folder = tmp_path / "2025-06-05"
    folder.mkdir()
    (folder / "A01-坏.txt").write_bytes(b"abc\x00def")
    (folder / "A02-要闻.txt").write_bytes((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    jobs = inbox.inbox_scan(inbox=tmp_path, publication=publication)
    assert sorted(j.status for j in jobs) == [ImportJob.Status.FAILED, ImportJob.Status.SUCCEEDED]
    assert not list(folder.iterdir())  # both moved on: done/ and failed/


def test_a_decompression_bomb_is_refused_by_the_editor_and_the_desk(client, admin_client_logged, django_user_model):
    bomb = _png(30000, 30000)
    response = admin_client_logged.post(
        reverse("ck_editor_5_upload_file"), {"upload": SimpleUploadedFile("bomb.png", bomb, "image/png")}
    )
    assert response.status_code == 400 and "图片尺寸过大" in response.json()["error"]["message"]
    reporter = django_user_model.objects.create_user("jizhe", password="pw")
    article = ArticleFactory(created_by=reporter, status=workflow.DRAFT)
    client.force_login(reporter)
    client.post(
        reverse("desk:photo", args=[article.pk]),
        {"image": SimpleUploadedFile("bomb.png", bomb, "image/png"), "caption": "图"},
    )
    assert not Photo.objects.filter(article=article).exists()


def test_the_revisions_page_without_a_valid_revision_says_so(admin_client_logged):
    article = ArticleFactory(status=workflow.SUBMITTED)
    url = reverse("admin:articles_article_revisions", args=[article.pk])
    for data in ({}, {"history_id": "x"}, {"history_id": "999999"}):
        response = admin_client_logged.post(url, data, follow=True)
        assert response.status_code == 200 and "没有这个修订版本" in response.text


def test_only_people_with_published_work_are_public(client, paper):
    nobody = ReporterFactory(name="未发稿者")
    BylineFactory(reporter=nobody, article=ArticleFactory(status=workflow.SUBMITTED))
    assert client.get(f"/reporters/{nobody.slug}/").status_code == 404
    assert "未发稿者" not in client.get("/search/").text
    published = Reporter.objects.filter(bylines__article__status="published").first()
    assert client.get(f"/reporters/{published.slug}/").status_code == 200


def test_cached_pages_go_out_with_x_frame_options(client, paper):
    client.get("/epaper/2025-06-04/")
    cached = client.get("/epaper/2025-06-04/")
    assert cached["X-Frame-Options"] == "DENY"


def test_a_public_thumbnail_never_draws_unpublished_headlines(paper):
    from issues import selectors as issue_selectors
    from tests.factories import IssueFactory, PageFactory, PlacementFactory

    waiting = ArticleFactory(title="审核中的稿件", status=workflow.REVIEW2)
    PlacementFactory(page=paper["page"], article=waiting, position=50)
    _, _, titles = issue_selectors.layout_input(page=paper["page"])
    assert "审核中的稿件" not in titles.values() and len(titles) == len(paper["articles"])
    unpublished = PageFactory(issue=IssueFactory(publication=paper["issue"].publication))
    from django.utils import timezone

    article = ArticleFactory(title="未出版期的稿件", status=workflow.PUBLISHED, published_at=timezone.now())
    PlacementFactory(page=unpublished, article=article)
    assert issue_selectors.layout_input(page=unpublished)[2] == {}
