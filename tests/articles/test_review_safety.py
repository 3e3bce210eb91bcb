"""三审 cannot be bypassed: who may change text in each state, stale saves refused, drafts private."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles import services, workflow
from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    def make(name: str, *groups: str):
        user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
        for group in groups:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


def _form(article: Article, **changes) -> dict:
    data = {
        "kicker": article.kicker, "title": article.title, "subtitle": article.subtitle, "rubric": article.rubric,
        "section": article.section_id or "", "byline": article.byline, "dateline": article.dateline,
        "summary": article.summary, "body": article.body, "source": article.source,
        "based_on_version": article.version,
        **{f"{p}-{k}": v for p in ("bylines", "photos", "transitions")
           for k, v in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0), ("MIN_NUM_FORMS", 0), ("MAX_NUM_FORMS", 1000))},
        "placement-TOTAL_FORMS": 0, "placement-INITIAL_FORMS": 0, "placement-MIN_NUM_FORMS": 0,
        "placement-MAX_NUM_FORMS": 1,
    }  # fmt: skip
    data.update(changes)
    return data


@pytest.mark.parametrize("state", [workflow.REVIEW2, workflow.REVIEW3, workflow.APPROVED, workflow.PUBLISHED])
def test_a_first_level_editor_cannot_rewrite_text_past_first_review(client, staff, state):
    editor = staff("bianji", "编辑")
    extra = {"published_at": timezone.now()} if state == workflow.PUBLISHED else {}
    article = ArticleFactory(status=state, title="终审后的标题", **extra)
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="title"' not in page.text  # read-only
    response = client.post(url, _form(article, title="被改过的标题"))
    assert response.status_code == 403
    with pytest.raises(workflow.NotAllowed):
        services.article_update(article=Article.objects.get(pk=article.pk), by=editor, title="被改过的标题")
    assert Article.objects.get(pk=article.pk).title == "终审后的标题"


def test_an_edit_to_signed_off_text_sends_it_back_to_final_review(staff):
    head = staff("zhuren", "部门主任")
    article = ArticleFactory(status=workflow.APPROVED, title="已签发")
    services.article_update(article=article, by=head, title="签发后又改")
    article.refresh_from_db()
    assert article.status == workflow.REVIEW3
    trail = article.transitions.get()
    assert (trail.move, trail.from_status, trail.to_status, trail.by) == (
        workflow.EDIT_RESUBMIT, workflow.APPROVED, workflow.REVIEW3, head,
    )  # fmt: skip
    assert trail.move_label == "修改后重新送审"


def test_published_text_is_revised_only_by_a_chief_as_a_recorded_move(staff):
    chief = staff("zongbian", "总编辑")
    article = ArticleFactory(status=workflow.PUBLISHED, published_at=timezone.now(), title="已发布")
    services.article_update(article=article, by=chief, title="更正后的标题")
    article.refresh_from_db()
    assert (article.status, article.title) == (workflow.PUBLISHED, "更正后的标题")
    assert article.transitions.get().move_label == "修改后重新签发"


def test_saving_unchanged_signed_off_text_keeps_its_state(staff):
    head = staff("zhuren", "部门主任")
    article = ArticleFactory(status=workflow.APPROVED)
    services.article_save(article=article, by=head)
    assert Article.objects.get(pk=article.pk).status == workflow.APPROVED


def test_the_admin_refuses_a_stale_save_and_shows_the_other_change(client, staff):
    first, second = staff("bianji1", "编辑"), staff("bianji2", "编辑")
    article = ArticleFactory(status=workflow.SUBMITTED, title="原标题")
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.force_login(first)
    assert 'name="based_on_version"' in client.get(url).text  # the form carries its version
    loaded = _form(article)
    client.force_login(second)
    assert client.post(url, {**loaded, "title": "第二位编辑的标题"}).status_code == 302
    client.force_login(first)
    response = client.post(url, {**loaded, "title": "第一位编辑的标题"})
    assert response.status_code == 200 and "已被他人修改" in response.text
    assert "第二位编辑的标题" in response.text
    assert Article.objects.get(pk=article.pk).title == "第二位编辑的标题"


def test_a_reporters_draft_is_theirs_until_submitted(client, staff, django_user_model):
    reporter = django_user_model.objects.create_user("jizhe", password="pw")
    reporter.groups.add(Group.objects.get(name="记者"))
    draft = ArticleFactory(status=workflow.DRAFT, title="记者的草稿", created_by=reporter)
    editor = staff("bianji", "编辑")
    client.force_login(editor)
    assert "记者的草稿" not in client.get(reverse("admin:articles_article_changelist")).text
    assert client.get(reverse("admin:articles_article_change", args=[draft.pk])).status_code == 302  # not found
    with pytest.raises(workflow.NotAllowed):
        services.article_transition(article=draft, move="submit", by=editor)
    services.article_transition(article=draft, move="submit", by=reporter)
    assert "记者的草稿" in client.get(reverse("admin:articles_article_changelist")).text
