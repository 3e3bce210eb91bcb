"""Page imports through the service layer: one transaction per page, idempotent, nothing lost."""

import datetime
from pathlib import Path

import pytest

from articles import services as article_services
from articles.models import Article, Byline, Photo, Reporter
from issues.models import ImportJob, Placement
from issues.services import imports, inbox, papers
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DATE = datetime.date(2025, 6, 4)


def _import(data: bytes, **kwargs) -> ImportJob:
    job = imports.import_job_create(
        publication=kwargs.pop("publication", None) or PublicationFactory(),
        issue_date=DATE,
        page_code="A01",
        page_name="要闻",
        data=data,
        enqueue=False,
        **kwargs,
    )
    return imports.import_job_run(job_id=job.pk)


def test_sample_page_becomes_articles_bylines_and_captions():
    data = (FIXTURES / "zhuzhou-daily-page-a01.txt").read_bytes()
    job = _import(data)
    assert job.status == ImportJob.Status.SUCCEEDED
    assert (job.created_count, job.progress, job.attempts) == (8, 100, 1)
    assert bytes(job.raw) == data
    assert job.text == data.decode()
    assert len(job.checksum) == 64
    assert job.warnings == [{"line": 31, "message": "稿件在句中结束,应转至其他版面"}]
    articles = Article.objects.filter(placement__page=job.page).order_by("placement__position")
    assert articles.count() == 8
    # Imported articles wait for 初审; an import never publishes.
    assert all(a.source == Article.Source.IMPORTED and a.status == Article.Status.SUBMITTED for a in articles)
    assert all(a.history.count() == 1 for a in articles)
    first = articles[0]
    assert first.title == "市委常委会召开会议 曹慧泉主持并讲话"
    assert first.byline == "株洲日报讯（全媒体记者陈正明）"  # full-width, as Chinese is printed
    assert first.section.name == "时政"
    assert first.body.startswith("<p>6月3日，市委常委会召开会议")
    assert first.word_count > 300
    tungsten = articles[3]
    assert list(tungsten.bylines.values_list("reporter__name", "role")) == [
        ("高晓燕", Byline.Role.REPORTER),
        ("康菊平", Byline.Role.CORRESPONDENT),
        ("黄文亮", Byline.Role.CORRESPONDENT),
    ]
    assert Reporter.objects.get(name="邓伟勇").organisation == "株洲日报"
    assert Photo.objects.get().caption == "图为株洲市二中初中部1MW分布式光伏发电项目，受访企业供图"
    assert "<h2>现场直击：社区难题变身“流量剧本”</h2>" in articles[7].body
    assert set(job.articles.all()) == set(articles)


def test_same_page_twice_updates_and_never_duplicates():
    data = (FIXTURES / "zhuzhou-daily-page-a01.txt").read_bytes()
    publication = PublicationFactory()
    _import(data, publication=publication)
    again = _import(data, publication=publication)
    assert again.status == ImportJob.Status.SUCCEEDED
    assert (again.created_count, again.updated_count) == (0, 0)
    assert Article.objects.count() == 8
    assert Reporter.objects.count() == 10  # 邓伟勇 wrote two of the eight
    assert Byline.objects.count() == 11
    assert Photo.objects.count() == 1


def test_article_edited_since_import_is_not_overwritten_but_reported():
    data = (FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes()
    publication = PublicationFactory()
    _import(data, publication=publication)
    edited = Article.objects.get(title="全国夏粮收获进度过半")
    article_services.article_update(article=edited, body="<p>编辑改过的正文。</p>")
    job = _import(data, publication=publication)
    assert job.status == ImportJob.Status.SUCCEEDED
    assert job.conflicts == [
        {"article": edited.pk, "title": edited.title, "message": "编辑已修改此稿件,本次导入未覆盖"}
    ]
    edited.refresh_from_db()
    assert edited.body == "<p>编辑改过的正文。</p>"
    assert Article.objects.count() == 8


def test_undecodable_file_is_a_failed_job_that_keeps_its_bytes():
    data = bytes(range(256)) * 4
    job = _import(data)
    assert job.status == ImportJob.Status.FAILED
    assert "编码" in job.error
    assert bytes(job.raw) == data
    assert Article.objects.count() == 0


def test_failure_while_writing_leaves_nothing_half_written(monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("disk full")

    # The captions are written last: articles, placements, reporters and bylines came before.
    monkeypatch.setattr(imports.article_services, "articles_replace_captions", fail)
    job = _import((FIXTURES / "zhuzhou-daily-page-a01.txt").read_bytes())
    assert job.status == ImportJob.Status.FAILED
    assert "disk full" in job.error
    assert (Article.objects.count(), Placement.objects.count(), Reporter.objects.count()) == (0, 0, 0)
    assert job.text  # the input is kept for a retry


def test_running_a_finished_job_again_changes_nothing():
    job = _import((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    again = imports.import_job_run(job_id=job.pk)
    assert (again.status, again.attempts) == (ImportJob.Status.SUCCEEDED, 1)
    assert Article.objects.count() == 8


def test_job_whose_worker_died_runs_again_and_yields_each_article_once():
    job = _import((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    again = imports.import_job_run(job_id=job.pk)
    assert (again.status, again.attempts) == (ImportJob.Status.SUCCEEDED, 2)
    assert Article.objects.count() == 8


def test_inbox_scan_imports_settled_files_and_moves_them(tmp_path, monkeypatch):
    monkeypatch.setattr(inbox, "INBOX_SETTLE_SECONDS", 0)
    folder = tmp_path / "2025-06-05"
    folder.mkdir()
    (folder / "A02-要闻.txt").write_bytes((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    (folder / "A03-时政.txt").write_bytes(b"\xff\xfe\x00\xd8" * 3)
    (folder / ".A04.txt.part").write_bytes(b"partial")
    jobs = inbox.inbox_scan(inbox=tmp_path, publication=PublicationFactory())
    ok, bad = sorted(jobs, key=lambda j: j.page_code)
    assert (ok.status, bad.status) == (ImportJob.Status.SUCCEEDED, ImportJob.Status.FAILED)
    assert (tmp_path / "done" / "2025-06-05" / f"{ok.pk}-A02-要闻.txt").exists()
    assert (tmp_path / "failed" / "2025-06-05" / f"{bad.pk}-A03-时政.txt").exists()
    assert (folder / ".A04.txt.part").exists()
    assert ok.page.name == "要闻"
    assert inbox.inbox_scan(inbox=tmp_path, publication=ok.publication) == []


def test_inbox_leaves_a_file_still_being_written(tmp_path):
    folder = tmp_path / "2025-06-05"
    folder.mkdir()
    (folder / "A02-要闻.txt").write_bytes((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    assert inbox.inbox_scan(inbox=tmp_path, publication=PublicationFactory()) == []
    assert (folder / "A02-要闻.txt").exists()


def _queries_to_import(text: str, code: str, publication) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    job = imports.import_job_create(
        publication=publication, issue_date=DATE, page_code=code, data=text.encode(), enqueue=False
    )
    with CaptureQueriesContext(connection) as ctx:
        assert imports.import_job_run(job_id=job.pk).status == ImportJob.Status.SUCCEEDED
    return len(ctx.captured_queries)


def test_a_page_imports_in_a_fixed_number_of_queries():
    publication = PublicationFactory()
    # Warm: sections, reporters and the issue exist, as on a working day.
    big = (FIXTURES / "zhuzhou-daily-page-a01.txt").read_text(encoding="utf-8")
    _import(big.encode(), publication=publication)
    small = "标题一则新闻\n\n株洲日报讯(全媒体记者/邓伟勇)正文一段。\n\n图为现场。\n\n另一则新闻\n\n株洲日报讯(全媒体记者/王娜)正文。\n"
    few, many = _queries_to_import(small, "A05", publication), _queries_to_import(big, "A06", publication)
    assert few == many
    assert many <= 40


def test_publishing_an_issue_publishes_its_approved_articles_once(django_user_model):
    from django.contrib.auth.models import Group

    chief = django_user_model.objects.create_user("chief")
    chief.groups.add(Group.objects.get(name="总编辑"))
    job = _import((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    articles = list(Article.objects.filter(placement__page=job.page).order_by("placement__position"))
    for article in articles[:3]:
        for move in ("approve_first", "approve_second", "approve_final"):
            article_services.article_transition(article=article, move=move, by=chief)
    issue = job.page.issue
    assert papers.issue_publish(issue=issue, by=chief) == 3
    assert papers.issue_publish(issue=issue, by=chief) == 0
    issue.refresh_from_db()
    assert issue.status == issue.Status.PUBLISHED and issue.published_at is not None
    assert Article.objects.published().count() == 3


def test_ascii_punctuation_of_a_pdf_extraction_is_imported_full_width_and_listed():
    text = (
        "市政府召开专题会议\n\n本报讯(记者 王小明)6月3日,市政府召开专题会议:研究部署1.3MW光伏项目,"
        "会议时间10:30;网址www.example.com不变.\n"
    )
    job = _import(text.encode())
    article = Article.objects.get()
    assert "6月3日，市政府召开专题会议：研究部署1.3MW光伏项目，会议时间10:30；网址www.example.com" in article.body
    changed = [r["changed"] for r in job.result["repairs"] if r["kind"] == "full-width-punctuation"]
    assert ",→，" in changed and ":→：" in changed and len(changed) >= 4
    assert job.text == text  # the job keeps the page as it came


def test_an_editors_merge_and_split_are_kept_with_the_job_and_applied_again(admin_client_logged, superuser):
    from django.urls import reverse

    from issues.parsing.corrections import Correction, CorrectionError

    job = _import((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    assert Article.objects.count() == 8
    second = job.page.placements.get(position=2).article
    imports.import_job_correct(job=job, correction=Correction(kind="merge", article=2), by=superuser)
    job = imports.import_job_run(job_id=job.pk)
    assert job.status == ImportJob.Status.SUCCEEDED and len(job.result["articles"]) == 7
    assert Article.objects.count() == 7  # the merged story is one article now, nothing else lost
    assert Article.objects.filter(pk=second.pk).exists()
    assert job.corrections[0]["kind"] == "merge" and job.corrections[0]["by"]
    again = imports.import_job_run(job_id=job.pk)  # a second delivery changes nothing
    assert Article.objects.count() == 7 and again.status == ImportJob.Status.SUCCEEDED
    with pytest.raises(CorrectionError):
        imports.import_job_correct(job=job, correction=Correction(kind="merge", article=0), by=superuser)
    page = admin_client_logged.get(reverse("admin:issues_importjob_corrections", args=[job.pk]))
    assert (
        page.status_code == 200
        and "原文" in page.text
        and "第 3 篇并入上一篇" in admin_client_logged.get(reverse("admin:issues_importjob_change", args=[job.pk])).text
    )


def test_an_article_the_editor_changed_is_never_deleted_by_a_merge(superuser):
    from issues.parsing.corrections import Correction

    job = _import((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    third = job.page.placements.get(position=3).article
    article_services.article_update(article=third, by=superuser, title="编辑改过的标题")
    imports.import_job_correct(job=job, correction=Correction(kind="merge", article=2), by=superuser)
    job = imports.import_job_run(job_id=job.pk)
    assert Article.objects.filter(pk=third.pk, title="编辑改过的标题").exists()
    assert any(c["title"] == "编辑改过的标题" for c in job.conflicts)


def test_the_editor_moves_a_paragraph_and_marks_furniture_from_the_job_page(admin_client_logged):
    from django.urls import reverse

    job = _import((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    first_paragraphs = job.result["articles"][0]["paragraphs"]
    assert len(first_paragraphs) >= 3
    url = reverse("admin:issues_importjob_corrections", args=[job.pk])
    response = admin_client_logged.post(url, {"kind": "move", "article": 1, "paragraph": 2, "to": 2}, follow=True)
    assert "已更正:第 1 篇第 2 段移入第 2 篇" in response.text
    job = imports.import_job_run(job_id=job.pk)
    assert job.result["articles"][1]["paragraphs"][-1] == first_paragraphs[1]
    assert first_paragraphs[1] not in job.result["articles"][0]["paragraphs"]
    admin_client_logged.post(url, {"kind": "furniture", "article": 1, "paragraph": 1}, follow=True)
    job = imports.import_job_run(job_id=job.pk)
    assert job.status == ImportJob.Status.SUCCEEDED
    assert first_paragraphs[0] in job.result["masthead"]
    assert [c["kind"] for c in job.corrections] == ["move", "furniture"]
    bad = admin_client_logged.post(url, {"kind": "move", "article": 1, "paragraph": 99, "to": 2}, follow=True)
    assert "未能更正" in bad.text and len(ImportJob.objects.get(pk=job.pk).corrections) == 2


def test_the_inbox_takes_only_complete_pages_claims_each_once_and_says_why_it_refuses_one(tmp_path, monkeypatch):
    publication = PublicationFactory()
    page = (FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes()
    folder = tmp_path / "2025-06-05"
    folder.mkdir()
    (folder / "A02-要闻.txt").write_bytes(page)  # just written: not quiet yet, no marker
    (folder / "A03-社会.txt.tmp").write_bytes(page)  # still being written under a temporary name
    (folder / "A04-文化.txt").write_bytes(page)
    (folder / "A04-文化.txt.done").write_bytes(b"")  # the sender says it is complete
    (folder / "要闻.txt").write_bytes(page)  # no page code
    (tmp_path / "notadate").mkdir()
    (tmp_path / "notadate" / "A01.txt").write_bytes(page)
    (folder / "A05-空白.txt").write_bytes(b"   \n\n")
    (folder / "A05-空白.txt.done").write_bytes(b"")
    import os

    for quiet in (folder / "要闻.txt", tmp_path / "notadate" / "A01.txt"):  # written a minute ago
        os.utime(quiet, (quiet.stat().st_atime - 60, quiet.stat().st_mtime - 60))
    jobs = inbox.inbox_scan(inbox=tmp_path, publication=publication)
    assert sorted((j.page_code, j.status) for j in jobs) == [("A04", "succeeded"), ("A05", "failed")]
    assert "空白" in ImportJob.objects.get(page_code="A05").error
    assert (folder / "A02-要闻.txt").exists() and (folder / "A03-社会.txt.tmp").exists()
    failed = tmp_path / "failed"
    assert "日期文件夹" in (failed / "2025-06-05" / "要闻.txt.reason.txt").read_text()
    assert (failed / "notadate" / "A01.txt").exists()
    assert not (folder / "A04-文化.txt.done").exists() and not list((tmp_path / "processing").rglob("*.txt"))
    monkeypatch.setattr(inbox, "INBOX_SETTLE_SECONDS", 0)
    assert [j.page_code for j in inbox.inbox_scan(inbox=tmp_path, publication=publication)] == ["A02"]


def test_a_page_pdf_is_imported_through_the_same_path(tmp_path):
    from tests.issues.pdfreader.pages import Broadsheet, weasyprint_pdf

    job = _import(weasyprint_pdf(Broadsheet()))
    assert job.status == ImportJob.Status.SUCCEEDED and job.created_count >= 3
