"""The Celery application; configuration comes from Django settings (CELERY_*)."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.task_prerun.connect
def _close_old_connections(task=None, **kwargs) -> None:
    """Drop a database connection that broke or outlived CONN_MAX_AGE, as Django does per request.

    Not for a task run eagerly: it runs inside its caller, whose transaction is not ours to end.
    """
    if task is not None and getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()
