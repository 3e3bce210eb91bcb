"""Import jobs whose message was lost (Redis lost its data, a worker was killed) are found in the
database and run again, once; the admin's retry does what it says on stuck jobs too."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, OutboxMessage
from issues import tasks
from issues.models import ImportJob
from issues.services import imports
from tests.factories import PublicationFactory

from .test_import_services import FIXTURES

LONG_AGO = datetime.timedelta(minutes=10)


def _job(publication, page_code: str, fixture: str, **state) -> ImportJob:
    """A job whose message never reached a worker (enqueue=False: as if Redis had lost it)."""
    job = imports.import_job_create(
        publication=publication,
        issue_date=datetime.date(2025, 6, 4),
        page_code=page_code,
        data=(FIXTURES / fixture).read_bytes(),
        source_name=fixture,
        enqueue=False,
    )
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - LONG_AGO, **state)
    return job


def _wait_for_all(jobs, timeout: float = 60.0) -> list[ImportJob]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = ImportJob.objects.filter(pk__in=[j.pk for j in jobs]).order_by("pk")
        if all(j.status in {ImportJob.Status.SUCCEEDED, ImportJob.Status.FAILED} for j in done):
            return list(done)
        time.sleep(0.2)
    raise AssertionError(f"jobs still not done after {timeout} s")


@pytest.mark.django_db(transaction=True)
def test_jobs_lost_by_the_broker_are_sent_again_by_the_periodic_task_and_imported_once(celery_worker):
    publication = PublicationFactory()
    queued_a01 = _job(publication, "A01", "zhuzhou-daily-page-a01.txt")
    queued_a02 = _job(publication, "A02", "yunchuan-daily-page-a02.txt")
    # Its worker was killed mid-import: 'running' since long ago, nothing written.
    died = _job(
        publication, "A01", "zhuzhou-daily-page-a01.txt",
        status=ImportJob.Status.RUNNING, started_at=timezone.now() - LONG_AGO, attempts=1,
    )  # fmt: skip
    tasks.reconcile_import_jobs.delay()
    jobs = _wait_for_all([queued_a01, queued_a02, died])
    assert [(j.status, j.error) for j in jobs] == [(ImportJob.Status.SUCCEEDED, "")] * 3
    assert Article.objects.count() == 16  # A01's eight articles once, though two jobs imported it
    assert imports.import_jobs_reconcile() == {"sent": [], "failed": []}


@pytest.mark.django_db
def test_a_job_handed_over_recently_is_left_alone():
    publication = PublicationFactory()
    fresh = imports.import_job_create(
        publication=publication, issue_date=datetime.date(2025, 6, 4), page_code="A01", data="一行字。".encode()
    )
    stuck = _job(publication, "A02", "yunchuan-daily-page-a02.txt")
    # Sent again a minute ago by an earlier sweep, and still queued behind other work.
    resent = _job(publication, "A03", "yunchuan-daily-page-a02.txt")
    OutboxMessage.objects.create(task="issues.tasks.run_import_job", args=[resent.pk])
    assert imports.import_jobs_reconcile() == {"sent": [stuck.pk], "failed": []}
    assert list(OutboxMessage.objects.filter(args=[stuck.pk]).values_list("task", flat=True)) == [
        "issues.tasks.run_import_job"
    ]
    fresh.refresh_from_db()
    assert fresh.status == ImportJob.Status.QUEUED


@pytest.mark.django_db
def test_a_job_that_never_finishes_fails_with_the_reason_instead_of_running_forever():
    poison = _job(
        PublicationFactory(), "A01", "zhuzhou-daily-page-a01.txt",
        status=ImportJob.Status.RUNNING, started_at=timezone.now() - LONG_AGO, attempts=imports.MAX_ATTEMPTS,
    )  # fmt: skip
    assert imports.import_jobs_reconcile() == {"sent": [], "failed": [poison.pk]}
    poison.refresh_from_db()
    assert poison.status == ImportJob.Status.FAILED
    assert f"已执行 {imports.MAX_ATTEMPTS} 次" in poison.error
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_admin_retry_runs_a_stuck_job_and_says_what_it_did(
    admin_client_logged, eager_tasks, django_capture_on_commit_callbacks
):
    publication = PublicationFactory()
    stuck = _job(
        publication, "A01", "zhuzhou-daily-page-a01.txt",
        status=ImportJob.Status.RUNNING, started_at=timezone.now() - LONG_AGO, attempts=1,
    )  # fmt: skip
    failed = _job(publication, "A02", "yunchuan-daily-page-a02.txt", status=ImportJob.Status.FAILED, error="工人被终止")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_logged.post(
            reverse("admin:issues_importjob_changelist"),
            {"action": "retry", "_selected_action": [stuck.pk, failed.pk]},
            follow=True,
        )
    said = [str(m) for m in response.context["messages"]]
    stuck.refresh_from_db()
    failed.refresh_from_db()
    assert (stuck.status, failed.status) == (ImportJob.Status.SUCCEEDED, ImportJob.Status.SUCCEEDED)
    assert len(said) == 1
    assert "1 个失败的任务已重新排队" in said[0]
    assert "1 个排队中或处理中的任务已重新交给后台处理" in said[0]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_logged.post(
            reverse("admin:issues_importjob_changelist"),
            {"action": "retry", "_selected_action": [stuck.pk]},
            follow=True,
        )
    assert [str(m) for m in response.context["messages"]] == ["1 个已成功的任务未作处理。"]
