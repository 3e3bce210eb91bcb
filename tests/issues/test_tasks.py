"""Imports through a real Celery worker on Redis, against PostgreSQL."""

import datetime
import time

import pytest
from django.test import override_settings

from articles.models import Article
from issues import tasks
from issues.models import ImportJob
from issues.services import imports, inbox
from tests.factories import PublicationFactory

from .test_import_services import FIXTURES

pytestmark = pytest.mark.django_db(transaction=True)


def _wait_for(job: ImportJob, timeout: float = 30.0) -> ImportJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in {ImportJob.Status.SUCCEEDED, ImportJob.Status.FAILED}:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job.pk} still {job.status} after {timeout} s")


def _upload(data: bytes) -> ImportJob:
    return imports.import_job_create(
        publication=PublicationFactory(),
        issue_date=datetime.date(2025, 6, 4),
        page_code="A01",
        page_name="要闻",
        data=data,
        source_name="upload.txt",
    )


def test_upload_becomes_a_job_and_articles_through_the_worker(celery_worker):
    job = _wait_for(_upload((FIXTURES / "zhuzhou-daily-page-a01.txt").read_bytes()))
    assert job.status == ImportJob.Status.SUCCEEDED, job.error
    assert job.articles.count() == 8
    assert Article.objects.filter(source=Article.Source.IMPORTED).count() == 8


def test_the_same_page_twice_through_the_worker_makes_no_duplicates(celery_worker):
    data = (FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes()
    first = _wait_for(_upload(data))
    second = _wait_for(_upload(data))
    assert (first.status, second.status) == (ImportJob.Status.SUCCEEDED, ImportJob.Status.SUCCEEDED)
    assert Article.objects.count() == 8


def test_a_task_delivered_twice_still_yields_each_article_once(celery_worker):
    job = _wait_for(_upload((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes()))
    # As if the worker had died after writing: the job is still 'running' and the task comes again.
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    tasks.run_import_job.delay(job.pk)
    job = _wait_for(job)
    assert (job.status, job.attempts) == (ImportJob.Status.SUCCEEDED, 2)
    assert Article.objects.count() == 8


def test_a_bad_file_fails_with_a_clear_message_and_writes_nothing(celery_worker):
    job = _upload(b"\xff\xfe\x00\xd8" * 3)
    assert job.status == ImportJob.Status.FAILED
    assert "编码" in job.error
    assert Article.objects.count() == 0


def test_inbox_scan_task_on_the_worker(celery_worker, tmp_path, monkeypatch):
    PublicationFactory()
    monkeypatch.setattr(inbox, "INBOX_SETTLE_SECONDS", 0)
    folder = tmp_path / "2025-06-05"
    folder.mkdir()
    (folder / "A02-要闻.txt").write_bytes((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes())
    with override_settings(INBOX_DIR=tmp_path):
        assert tasks.scan_inbox.delay().get(timeout=30) == 1
    assert ImportJob.objects.get().status == ImportJob.Status.SUCCEEDED
    assert len(list((tmp_path / "done" / "2025-06-05").iterdir())) == 1
