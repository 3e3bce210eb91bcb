"""Scheduled publishing through a real Celery worker on Redis and PostgreSQL."""

import datetime
import time

import pytest
from django.utils import timezone

from articles import tasks, workflow
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_beat_task_publishes_due_articles_on_the_worker(celery_worker):
    now = timezone.now()
    due = ArticleFactory(status=workflow.SCHEDULED, scheduled_at=now - datetime.timedelta(minutes=1))
    later = ArticleFactory(status=workflow.SCHEDULED, scheduled_at=now + datetime.timedelta(hours=1))
    tasks.publish_due_articles.delay()
    tasks.publish_due_articles.delay()  # beat may fire twice; the second finds nothing to do
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        due.refresh_from_db()
        if due.status == workflow.PUBLISHED:
            break
        time.sleep(0.1)
    later.refresh_from_db()
    assert (due.status, later.status) == (workflow.PUBLISHED, workflow.SCHEDULED)
    time.sleep(0.5)
    assert due.transitions.filter(move="publish").count() == 1
