"""A reporter writes and submits a draft, an editor returns it with a note, the reporter sees the note."""

import pytest
from django.contrib.auth.models import Group

from articles.models import Article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(django_user_model):
    reporter = django_user_model.objects.create_user("reporter1", password="report-pw-123", first_name="张伟")
    reporter.groups.add(Group.objects.get(name="记者"))
    editor = django_user_model.objects.create_user("editor1", password="editor-pw-123", is_staff=True)
    editor.groups.add(Group.objects.get(name="编辑"))
    return reporter, editor


def _login(page, url, username, password):
    page.goto(url)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit], input[type=submit]")


def test_reporter_submits_editor_returns_reporter_reads_the_note(page, live_server, people):
    _login(page, f"{live_server.url}/accounts/login/", "reporter1", "report-pw-123")
    page.wait_for_url("**/desk/")
    page.click("text=写新稿")
    page.fill("#id_title", "社区夜市开张")
    editor = page.locator(".ck-editor__editable")
    editor.click()
    page.keyboard.type("昨晚,建设街道夜市正式开张,吸引市民数千人。")
    page.click("text=保存草稿")
    page.wait_for_selector("#submit-article")
    page.click("#submit-article")
    page.wait_for_selector("text=已提交审核。")
    article = Article.objects.get(title="社区夜市开张")
    assert article.status == "submitted"
    assert "夜市正式开张" in article.body

    editor_page = page.context.browser.new_context(locale="zh-CN").new_page()
    _login(editor_page, f"{live_server.url}/admin/login/", "editor1", "editor-pw-123")
    editor_page.goto(f"{live_server.url}/admin/articles/article/")
    editor_page.check(f"input[name=_selected_action][value='{article.pk}']")
    editor_page.select_option("select[name=action]", "move_return_submitted")
    editor_page.fill("input[name=note]", "请补充夜市摊位数量。")
    editor_page.click("button[name=index], input[name=index], .actions button[type=submit]")
    editor_page.wait_for_selector("text=初审退回:1 篇。")
    editor_page.context.close()

    page.goto(f"{live_server.url}/desk/{article.pk}/")
    assert page.locator("#state").inner_text() == "退回修改"
    assert "请补充夜市摊位数量。" in page.locator("#history").inner_text()
