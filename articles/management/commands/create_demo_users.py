"""Create (or reset) the demo editor and demo reporter and print their passwords."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from articles import services, workflow


class Command(BaseCommand):
    help = "创建演示编辑和演示记者账号,并打印密码(每次运行都会重置密码)"

    def handle(self, *args, **options):
        User = get_user_model()
        # The demo editor holds every review level, so one person can walk an article through 三审.
        editor = self._user(User, "editor", "演示编辑", staff=True)
        editor.groups.set(
            Group.objects.filter(
                name__in=[workflow.ROLE_GROUPS[r] for r in (workflow.EDITOR, workflow.DESK_HEAD, workflow.CHIEF)]
            )
        )
        reporter = self._user(User, "reporter", "演示记者", staff=False)
        reporter.groups.set(Group.objects.filter(name=workflow.ROLE_GROUPS[workflow.REPORTER]))
        services.desk_reporter(user=reporter)

        self.stdout.write(self.style.SUCCESS("演示账号(每次运行都会重置密码):"))
        self.stdout.write(f"  编辑  http://127.0.0.1:8000/admin/  用户名 editor    密码 {editor.demo_password}")
        self.stdout.write(f"  记者  http://127.0.0.1:8000/desk/   用户名 reporter  密码 {reporter.demo_password}")

    @staticmethod
    def _user(User, username: str, name: str, *, staff: bool):
        user, _ = User.objects.get_or_create(username=username, defaults={"first_name": name})
        user.is_staff = staff
        user.demo_password = secrets.token_urlsafe(9)
        user.set_password(user.demo_password)
        user.save()
        return user
