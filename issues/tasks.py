"""Celery tasks for print: thin wrappers that load ids and call one service."""

from celery import group, shared_task
from django.conf import settings
from django.db import OperationalError

from .models import Page, Publication
from .services import imports, inbox, layouts


# The job row is the result; nothing goes to the result backend.
@shared_task(autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5, ignore_result=True)
def run_import_job(job_id: int) -> str:
    """Run one page import; a redelivered or repeated task updates the same articles."""
    return imports.import_job_run(job_id=job_id).status


@shared_task(ignore_result=True)
def reconcile_import_jobs() -> int:
    """Send again the import jobs whose message was lost (Redis lost its data, a worker killed)."""
    outcome = imports.import_jobs_reconcile()
    return len(outcome["sent"]) + len(outcome["failed"])


# The scan imports its files one after another in one task: it may take longer than a single
# import (CELERY_TASK_TIME_LIMIT), but still less than the visibility timeout.
@shared_task(soft_time_limit=150, time_limit=170)
def scan_inbox() -> int:
    """Import the settled page files in INBOX_DIR (scheduled by Celery beat)."""
    publication = Publication.objects.order_by("id").first()
    if publication is None or not settings.INBOX_DIR.is_dir():
        return 0
    return len(inbox.inbox_scan(inbox=settings.INBOX_DIR, publication=publication))


@shared_task(ignore_result=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def build_page_layout(page_id: int) -> None:
    """Lay out one page and draw its thumbnail; safe to run twice."""
    layouts.page_layout_build(page_id=page_id)


@shared_task
def build_issue_layouts(issue_id: int) -> int:
    """Lay out every page of an issue, one task per page (a Celery group)."""
    page_ids = list(Page.objects.filter(issue_id=issue_id).values_list("pk", flat=True))
    group(build_page_layout.s(pk) for pk in page_ids).apply_async()
    return len(page_ids)
