"""Editors in the admin: one action per move with a note, queues, revisions, conflicts, presence."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse

from articles import services, workflow
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("bianji", password="pw", is_staff=True, first_name="李编辑")
    user.groups.add(Group.objects.get(name="编辑"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editor_returns_an_article_with_a_note_through_an_action(editor_client, editor):
    article = ArticleFactory(status=workflow.SUBMITTED)
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "move_return_submitted", "_selected_action": [article.pk], "note": "请补充采访对象。"},
        follow=True,
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == workflow.RETURNED
    assert article.transitions.get().note == "请补充采访对象。"


def test_editor_cannot_sign_off_and_is_told_why(editor_client):
    article = ArticleFactory(status=workflow.REVIEW3)
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "move_approve_final", "_selected_action": [article.pk]},
        follow=True,
    )
    assert "没有权限" in response.text
    article.refresh_from_db()
    assert article.status == workflow.REVIEW3


def test_changelist_shows_the_queues(editor_client):
    ArticleFactory.create_batch(3, status=workflow.SUBMITTED)
    ArticleFactory(status=workflow.REVIEW2)
    response = editor_client.get(reverse("admin:articles_article_changelist"))
    assert "<strong>待初审</strong> 3" in response.text
    assert "<strong>待复审</strong> 1" in response.text


def test_state_cannot_be_edited_in_the_form(editor_client):
    article = ArticleFactory(status=workflow.SUBMITTED)
    response = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert 'name="status"' not in response.text


def _form_data(article: Article, **changes) -> dict:
    data = {
        "kicker": article.kicker, "title": article.title, "subtitle": article.subtitle, "rubric": article.rubric,
        "section": "", "byline": article.byline, "dateline": article.dateline, "summary": article.summary,
        "body": article.body, "source": article.source, "based_on_version": article.version,
    }  # fmt: skip
    for prefix in ("bylines", "photos", "transitions", "placement"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(changes)
    return data


def test_second_save_is_refused_with_what_changed_and_nothing_is_lost(editor_client, editor):
    article = services.article_create(title="原标题", body="<p>会议召开。</p>", status=workflow.SUBMITTED)
    opened = _form_data(article)
    theirs = Article.objects.get(pk=article.pk)
    theirs.body = "<p>市委会议召开。</p>"
    services.article_save(article=theirs, by=editor, based_on=1)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = editor_client.post(url, {**opened, "title": "我的标题"})
    assert response.status_code == 200  # the form again, with the editor's text still in it
    assert "已被他人修改" in response.text
    assert "<ins>市委</ins>" in response.text
    assert 'value="我的标题"' in response.text
    article.refresh_from_db()
    assert (article.title, article.body, article.version) == ("原标题", "<p>市委会议召开。</p>", 2)


def test_a_save_from_the_current_version_goes_through_sanitised(editor_client):
    article = services.article_create(title="原标题", body="<p>会议召开。</p>", status=workflow.SUBMITTED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = editor_client.post(url, _form_data(article, body='<p onclick="x()">新正文</p><script>x</script>'))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.body, article.version) == ("<p>新正文</p>", 2)


def test_revisions_page_shows_a_character_diff_and_restores(editor_client, editor):
    article = services.article_create(title="市委常委会召开", body="<p>正文。</p>")
    article.title = "市政府常务会召开"
    services.article_save(article=article, by=editor)
    url = reverse("admin:articles_article_revisions", args=[article.pk])
    response = editor_client.get(url)
    assert "市<del>委</del><ins>政府</ins>常" in response.text
    first = article.history.get(version=1)
    editor_client.post(url, {"history_id": first.history_id})
    article.refresh_from_db()
    assert (article.title, article.version) == ("市委常委会召开", 3)


def test_the_admin_shows_who_else_has_the_article_open(client, editor, django_user_model):
    cache.clear()
    other = django_user_model.objects.create_user("other", is_staff=True, first_name="王主任")
    other.groups.add(Group.objects.get(name="部门主任"))
    article = ArticleFactory(status=workflow.SUBMITTED)
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.force_login(other)
    client.get(url)
    client.force_login(editor)
    response = client.get(url)
    assert "王主任 也正在编辑这篇稿件" in response.text


def test_the_admin_front_page_is_a_dashboard_of_the_queues(editor_client):
    ArticleFactory.create_batch(2, status=workflow.REVIEW3)
    response = editor_client.get(reverse("admin:index"))
    assert "审稿工作台" in response.text
    assert "待终审</a></th><td>2 篇" in response.text
