import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from articles import selectors as article_selectors
from articles import workflow

pytestmark = pytest.mark.django_db


def _passwords(out: str) -> dict[str, str]:
    return dict(re.findall(r"用户名 (\w+)\s+密码 (\S+)", out))


def test_demo_logins_work_and_running_again_is_safe(capsys):
    call_command("create_demo_users")
    call_command("create_demo_users")
    passwords = _passwords(capsys.readouterr().out.split("演示账号")[-1])
    request = RequestFactory().post("/accounts/login/")  # the login backends see the request (django-axes)
    editor = authenticate(request, username="editor", password=passwords["editor"])
    reporter = authenticate(request, username="reporter", password=passwords["reporter"])
    assert editor.is_staff and not reporter.is_staff
    assert article_selectors.user_roles(editor) == {workflow.EDITOR, workflow.DESK_HEAD, workflow.CHIEF}
    assert article_selectors.user_roles(reporter) == {workflow.REPORTER}
    assert reporter.reporter.name == "演示记者"
