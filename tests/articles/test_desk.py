"""The reporters' desk with the test client."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles import services, workflow
from articles.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_reporter(django_user_model):
    def make(username: str, name: str):
        user = django_user_model.objects.create_user(username, password="pw", first_name=name)
        user.groups.add(Group.objects.get(name="记者"))
        return user

    return make


@pytest.fixture
def reporter(make_reporter):
    return make_reporter("zhang", "张伟")


@pytest.fixture
def desk(client, reporter):
    client.force_login(reporter)
    return client


def _new(desk, title="社区新闻", body="<p>正文一段。</p>") -> Article:
    response = desk.post(reverse("desk:new"), {"title": title, "body": body})
    assert response.status_code == 302
    return Article.objects.get(title=title)


def test_the_desk_needs_a_login(client):
    response = client.get(reverse("desk:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_login_page_is_chinese(client):
    response = client.get(reverse("login"))
    assert "登录记者工作台" in response.text
    assert '<html lang="zh-CN">' in response.text


def test_reporter_writes_a_draft_bylined_to_them(desk, reporter):
    article = _new(desk, body="<p>正文<script>alert(1)</script></p>")
    assert (article.status, article.source, article.created_by) == (workflow.DRAFT, Article.Source.SUBMITTED, reporter)
    assert article.body == "<p>正文</p>"
    assert list(article.bylines.values_list("reporter__name", flat=True)) == ["张伟"]
    home = desk.get(reverse("desk:home"))
    assert "社区新闻" in home.text and "草稿" in home.text


def test_a_reporter_never_sees_or_edits_anothers_draft(client, make_reporter):
    author, other = make_reporter("a", "甲"), make_reporter("b", "乙")
    client.force_login(author)
    article = _new(client, title="甲的独家")
    client.force_login(other)
    assert "甲的独家" not in client.get(reverse("desk:home")).text
    assert client.get(reverse("desk:detail", args=[article.pk])).status_code == 404
    assert client.get(reverse("desk:edit", args=[article.pk])).status_code == 404
    assert client.post(reverse("desk:edit", args=[article.pk]), {"title": "偷改"}).status_code == 404
    assert client.post(reverse("desk:submit", args=[article.pk])).status_code == 404
    article.refresh_from_db()
    assert (article.title, article.status) == ("甲的独家", workflow.DRAFT)


def test_no_editing_after_submitting_until_it_comes_back(desk, django_user_model):
    article = _new(desk)
    desk.post(reverse("desk:submit", args=[article.pk]))
    article.refresh_from_db()
    assert article.status == workflow.SUBMITTED
    response = desk.post(reverse("desk:edit", args=[article.pk]), {"title": "改标题", "body": "<p>x</p>"}, follow=True)
    assert "退回前不能修改" in response.text
    article.refresh_from_db()
    assert article.title == "社区新闻"

    editor = django_user_model.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="编辑"))
    services.article_transition(article=article, move="return_submitted", by=editor, note="请补充现场细节。")
    detail = desk.get(reverse("desk:detail", args=[article.pk]))
    assert "请补充现场细节。" in detail.text and "退回修改" in detail.text
    response = desk.post(
        reverse("desk:edit", args=[article.pk]),
        {"title": "改标题", "body": "<p>补充了细节。</p>", "based_on_version": article.version},
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "改标题"


def test_the_desk_offers_no_publishing(desk):
    article = _new(desk)
    detail = desk.get(reverse("desk:detail", args=[article.pk]))
    assert "提交审核" in detail.text
    assert "发布" not in detail.text.replace("定时发布", "")


def test_photo_upload_with_caption_and_credit(desk):
    article = _new(desk)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="PNG")
    upload = SimpleUploadedFile("scene.png", buffer.getvalue(), content_type="image/png")
    response = desk.post(
        reverse("desk:photo", args=[article.pk]),
        {"image": upload, "caption": "图为活动现场。", "credit": "张伟 摄"},
    )
    assert response.status_code == 302
    photo = article.photos.get()
    assert (photo.caption, photo.credit) == ("图为活动现场。", "张伟 摄")
    assert photo.image.name.endswith(".png")


def test_a_stale_desk_save_is_refused(desk, reporter):
    article = _new(desk)
    stale = {"title": "我的改动", "body": "<p>甲。</p>", "based_on_version": 1}
    fresh = Article.objects.get(pk=article.pk)
    fresh.body = "<p>别人的改动。</p>"
    services.article_save(article=fresh, by=reporter, based_on=1)
    response = desk.post(reverse("desk:edit", args=[article.pk]), stale)
    assert response.status_code == 200
    assert "已被他人修改" in response.text
    article.refresh_from_db()
    assert article.title == "社区新闻"
