"""Celery tasks for content: thin wrappers around services."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail

from . import outbox, selectors, services, workflow
from .models import Article


@shared_task(ignore_result=True)
def publish_due_articles() -> int:
    """Publish the scheduled articles whose time has come (Celery beat, every minute)."""
    return services.publish_due()


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_author(article_id: int, state: str, note: str = "") -> int:
    """E-mail the reporters when their article is returned or published."""
    article = Article.objects.select_related("created_by").filter(pk=article_id).first()
    if article is None:
        return 0
    recipients = selectors.notification_recipients(article)
    if not recipients:
        return 0
    label = workflow.STATE_LABELS[state]
    body = f"您的稿件《{article.title}》状态已变为:{label}。"
    if note:
        body += f"\n\n意见:{note}"
    if state == workflow.RETURNED:
        body += "\n\n请登录记者工作台修改后重新提交。"
    return send_mail(f"稿件{label}:{article.title}", body, settings.DEFAULT_FROM_EMAIL, recipients)


@shared_task(ignore_result=True)
def send_outbox() -> int:
    """Send the work the broker refused while it was down (Celery beat, every minute)."""
    return outbox.outbox_send()
