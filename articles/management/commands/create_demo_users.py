"""Create (or reset) the demo editor and demo reporter and print their passwords."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand

from articles import services
from articles.models import Reporter

EDITOR_APPS = ["articles", "issues", "django_celery_beat"]


class Command(BaseCommand):
    help = "创建演示编辑和演示记者账号,并打印密码"

    def handle(self, *args, **options):
        User = get_user_model()
        editor, _ = User.objects.get_or_create(username="editor", defaults={"first_name": "演示编辑"})
        editor.is_staff = True
        editor_password = secrets.token_urlsafe(9)
        editor.set_password(editor_password)
        editor.save()
        editor.user_permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))

        reporter_user, _ = User.objects.get_or_create(username="reporter", defaults={"first_name": "演示记者"})
        reporter_password = secrets.token_urlsafe(9)
        reporter_user.set_password(reporter_password)
        reporter_user.save()
        if not Reporter.objects.filter(user=reporter_user).exists():
            reporter = services.reporter_get_or_create(name="演示记者", organisation="株洲日报")
            reporter.user = reporter_user
            reporter.save(update_fields=["user"])

        self.stdout.write(self.style.SUCCESS("演示账号(每次运行都会重置密码):"))
        self.stdout.write(f"  编辑  用户名 editor    密码 {editor_password}")
        self.stdout.write(f"  记者  用户名 reporter  密码 {reporter_password}")
