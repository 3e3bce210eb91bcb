"""The import upload in the admin, and a job's page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from issues.models import ImportJob
from issues.services import imports
from tests.factories import PublicationFactory

from .test_import_services import FIXTURES

pytestmark = pytest.mark.django_db


def test_uploading_several_files_queues_one_job_each(admin_client_logged, django_capture_on_commit_callbacks):
    publication = PublicationFactory()
    raw = (FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes()
    files = [SimpleUploadedFile("A02-要闻.txt", raw), SimpleUploadedFile("A03-时政.txt", raw)]
    with django_capture_on_commit_callbacks() as callbacks:
        response = admin_client_logged.post(
            reverse("admin:issues_importjob_add"),
            {"publication": publication.pk, "issue_date": "2025-06-05", "files": files},
        )
    assert response.status_code == 302
    jobs = ImportJob.objects.order_by("page_code")
    assert [(j.page_code, j.page_name, j.status) for j in jobs] == [
        ("A02", "要闻", ImportJob.Status.QUEUED),
        ("A03", "时政", ImportJob.Status.QUEUED),
    ]
    assert bytes(jobs[0].raw) == raw
    assert len(callbacks) == 2  # each job is handed to a worker once the upload commits


def test_pasted_text_needs_a_page_code(admin_client_logged):
    publication = PublicationFactory()
    response = admin_client_logged.post(
        reverse("admin:issues_importjob_add"),
        {"publication": publication.pk, "issue_date": "2025-06-05", "text": "标题\n\n本报讯(记者 张伟)正文。"},
    )
    assert response.status_code == 200
    assert "粘贴文本时请填写版号" in response.text
    assert not ImportJob.objects.exists()


def test_job_page_shows_progress_warnings_and_article_links(admin_client_logged):
    job = imports.import_job_create(
        publication=PublicationFactory(),
        issue_date=datetime.date(2025, 6, 4),
        page_code="A01",
        data=(FIXTURES / "zhuzhou-daily-page-a01.txt").read_bytes(),
        enqueue=False,
    )
    job = imports.import_job_run(job_id=job.pk)
    response = admin_client_logged.get(reverse("admin:issues_importjob_change", args=[job.pk]))
    assert response.status_code == 200
    assert '<progress max="100" value="100"' in response.text
    assert "第 31 行:稿件在句中结束" in response.text
    first = job.articles.order_by("placement__position").first()
    assert reverse("admin:articles_article_change", args=[first.pk]) in response.text


def test_job_page_shows_the_parsers_repairs_and_the_text_it_could_not_place(admin_client_logged):
    job = imports.import_job_create(
        publication=PublicationFactory(),
        issue_date=datetime.date(2025, 6, 4),
        page_code="A01",
        data="接自上一版的一段话。\n\n市委常委会召开会议\n\n本报讯(记者 张三)会议指出,要做好\n\n好防汛工作。\n".encode(),
        enqueue=False,
    )
    job = imports.import_job_run(job_id=job.pk)
    response = admin_client_logged.get(reverse("admin:issues_importjob_change", args=[job.pk]))
    assert "接自上一版的一段话。" in response.text  # unassigned, shown, not lost
    assert "第 7 行:删去分栏处重复的字 <code>好</code>" in response.text


def test_every_repair_the_parser_makes_has_a_label():
    import re
    from pathlib import Path

    from issues.import_admin import REPAIR_LABELS

    issues = Path(__file__).resolve().parents[2] / "issues"
    files = [*(issues / "parsing").glob("*.py"), *(issues / "services").glob("*.py")]  # the parser's and the import's
    source = "".join(p.read_text(encoding="utf-8") for p in files)
    assert set(re.findall(r'Repair\("([a-z-]+)"', source)) == set(REPAIR_LABELS)
