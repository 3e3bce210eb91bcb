"""Work for Celery, kept in the database until the broker has it: `enqueue` writes the message in
the caller's transaction and sends it once it commits; `outbox_send` (beat, every minute) sends
what the broker refused. Tasks are named, not imported: a task calls its service, and no
service imports a task back."""

import datetime
import logging

from celery import current_app
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import KombuError

from .models import OutboxMessage

logger = logging.getLogger(__name__)

# What a broker that is down or hung raises on publishing (kombu wraps Redis's errors in its own).
BROKER_ERRORS = (KombuError, OSError)
# A message this young is still being sent by the process that wrote it; the sweep leaves it alone.
OUTBOX_GRACE_SECONDS = 30
OUTBOX_KEEP_DAYS = 1


def enqueue(task: str, *args) -> None:
    """Hand work to a Celery worker once the current transaction commits. Tasks are named, not
    imported: a task calls its service, and the service never imports the task back.

    The work is written to the outbox in the caller's transaction, so it is never lost: when
    the broker cannot take it after the commit (Redis down or hung), the caller carries on and
    `outbox_send` sends it once the broker is back.
    """
    message = OutboxMessage.objects.create(task=task, args=list(args))
    # Robust: a broker or database failure after the commit is logged, never the caller's 500.
    # Tasks run in-process (make run, unit tests) keep raising their errors to the caller.
    transaction.on_commit(lambda: _outbox_send_one(message), robust=not current_app.conf.task_always_eager)


def _outbox_send_one(message: OutboxMessage) -> bool | None:
    """Hand one message to the broker and mark it sent (True); False when the broker refused it,
    None when no task has its name (renamed since): both stay, with the reason, unsent."""
    task = current_app.tasks.get(message.task)
    if task is None:
        logger.error("outbox message %s names no task: %s", message.pk, message.task)
        OutboxMessage.objects.filter(pk=message.pk).update(error=f"没有名为 {message.task} 的任务")
        return None
    try:
        # No publishing retries: a message the broker refuses is kept, not waited on.
        task.apply_async(args=message.args, retry=False)
    except BROKER_ERRORS as exc:
        logger.warning("broker refused %s%s, kept in the outbox: %s", message.task, message.args, exc)
        OutboxMessage.objects.filter(pk=message.pk).update(attempts=F("attempts") + 1, error=str(exc)[:500])
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(sent_at=timezone.now(), attempts=F("attempts") + 1, error="")
    return True


def outbox_send(*, older_than: float = OUTBOX_GRACE_SECONDS, limit: int = 1000) -> int:
    """Send what the broker refused (Celery beat, every minute); return how many went out.

    Messages younger than `older_than` seconds are left to the process that wrote them. Each
    sweep locks the rows it takes, so two sweeps never send one message twice; it stops at the
    first refusal, since the broker is still down. Sent messages are kept a day (the import
    reconciler reads when a job was last handed over), then deleted.
    """
    now = timezone.now()
    OutboxMessage.objects.filter(sent_at__lt=now - datetime.timedelta(days=OUTBOX_KEEP_DAYS)).delete()
    sent, settled = 0, now - datetime.timedelta(seconds=older_than)
    with transaction.atomic():
        pending = (
            OutboxMessage.objects.filter(sent_at__isnull=True, created_at__lt=settled)
            .order_by("id")
            .select_for_update(skip_locked=True)[:limit]
        )
        for message in pending:
            outcome = _outbox_send_one(message)
            if outcome is False:
                break
            sent += outcome is True
    return sent
