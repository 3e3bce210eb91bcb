"""敏感词与规范表述: blocking words stop 终审 and 签版 unless a chief overrides with a note; wrong forms
and leaders' titles are shown to the reviewer."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles import services, terms, workflow
from articles.models import Term, Transition
from tests.factories import ArticleFactory, IssueFactory, PageFactory, PlacementFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lists():
    Term.objects.create(kind=Term.Kind.BLOCK, text="禁用样词", note="测试用")
    Term.objects.create(kind=Term.Kind.CORRECT, text="一代一路", standard="一带一路")
    Term.objects.create(kind=Term.Kind.TITLE, text="张某某", standard="市长")


@pytest.fixture
def chief(django_user_model):
    user = django_user_model.objects.create_user("zongbian", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="总编辑"))
    return user


def test_the_lists_find_each_kind_with_its_context(lists):
    text = "会议研究了一代一路合作。张某某讲话。市长张某某强调。文中出现禁用样词。"
    hits = terms.current_lists().scan(text)
    assert [(h.kind, h.text) for h in hits] == [("correct", "一代一路"), ("title", "张某某"), ("block", "禁用样词")]
    assert "应为“一带一路”" in hits[0].message and "一代一路" in hits[0].context
    assert [h.blocking for h in hits] == [False, False, True]


def test_a_blocking_word_stops_final_review_until_a_chief_overrides_with_a_note(lists, chief):
    article = ArticleFactory(status=workflow.REVIEW3, body="<p>正文里有禁用样词。</p>")
    with pytest.raises(workflow.TermsBlocked, match="禁用样词"):
        services.article_transition(article=article, move="approve_final", by=chief)
    with pytest.raises(workflow.TermsBlocked):  # an override needs a note
        services.article_transition(article=article, move="approve_final", by=chief, override_terms=True)
    services.article_transition(article=article, move="approve_final", by=chief, note="经核实可用", override_terms=True)
    article.refresh_from_db()
    assert article.status == workflow.APPROVED
    assert Transition.objects.get(article=article).note == "【放行禁用词:禁用样词】经核实可用"


def test_a_page_with_a_blocking_word_cannot_be_signed(lists, chief):
    from issues.services import signoff

    page = PageFactory(issue=IssueFactory(publication=PublicationFactory()))
    PlacementFactory(page=page, article=ArticleFactory(title="含禁用样词的标题", status=workflow.APPROVED))
    with pytest.raises(workflow.TermsBlocked, match="不能签版"):
        signoff.page_sign(page=page, by=chief)


def test_the_reviewer_sees_the_hits_beside_the_text(lists, chief, client):
    article = ArticleFactory(status=workflow.REVIEW3, body="<p>推进一代一路建设。</p>")
    client.force_login(chief)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert "“一代一路”应为“一带一路”" in page


def test_a_change_to_the_lists_is_seen_at_once(lists):
    assert not terms.current_lists().scan("新出现的词")
    Term.objects.create(kind=Term.Kind.BLOCK, text="新出现的词")
    assert [h.text for h in terms.current_lists().scan("新出现的词")] == ["新出现的词"]
