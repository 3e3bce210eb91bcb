"""签版: the duty chief signs each page from its proof; any change clears it; no unsigned page goes out."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles import services as article_services
from articles import workflow
from issues.models import PageSignoff
from issues.services import papers, signoff
from tests.factories import ArticleFactory, IssueFactory, PageFactory, PlacementFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(django_user_model):
    def make(name, group):
        user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        return user

    return {"chief": make("zongbian", "总编辑"), "editor": make("bianji", "编辑"), "head": make("zhuren", "部门主任")}


@pytest.fixture
def issue():
    publication = PublicationFactory(requires_signoff=True)
    issue = IssueFactory(publication=publication)
    for number, code in enumerate(("A01", "A02"), start=1):
        page = PageFactory(issue=issue, code=code, number=number)
        PlacementFactory(page=page, article=ArticleFactory(status=workflow.APPROVED, title=f"{code}的稿件"))
    return issue


def test_an_issue_with_an_unsigned_page_cannot_be_published(issue, people):
    a01, a02 = issue.pages.order_by("number")
    signoff.page_sign(page=a01, by=people["chief"])
    with pytest.raises(signoff.SignoffMissing, match="第A02版"):
        papers.issue_publish(issue=issue, by=people["chief"])
    issue.refresh_from_db()
    assert issue.status != "published"
    signoff.page_sign(page=a02, by=people["chief"])
    assert papers.issue_publish(issue=issue, by=people["chief"]) == 2


def test_only_a_chief_signs_and_the_signature_names_its_proof(issue, people):
    page = issue.pages.get(code="A01")
    for who in ("editor", "head"):
        with pytest.raises(workflow.NotAllowed):
            signoff.page_sign(page=page, by=people[who])
    signed = signoff.page_sign(page=page, by=people["chief"])
    assert len(signed.proof_sha256) == 64 and signed.proof_sha256 == signoff.proof_fingerprint(page=page)
    assert signoff.page_sign(page=page, by=people["chief"]).pk == signed.pk  # the same proof, the same signature


def test_editing_an_article_on_a_signed_page_clears_its_signature(issue, people):
    page = issue.pages.get(code="A01")
    signoff.page_sign(page=page, by=people["chief"])
    article = page.placements.get().article
    article_services.article_update(article=article, by=people["chief"], title="签版后改了标题")
    cleared = PageSignoff.objects.get(page=page)
    assert cleared.cleared_at and cleared.cleared_reason == "稿件修改" and cleared.cleared_by == people["chief"]
    assert signoff.unsigned_pages(issue=issue) == list(issue.pages.order_by("number"))
    # A new signature is on a new proof.
    again = signoff.page_sign(page=page, by=people["chief"])
    assert again.proof_sha256 != cleared.proof_sha256


def test_moving_an_article_in_the_admin_clears_the_pages_it_left_and_joined(issue, people, client):
    a01, a02 = issue.pages.order_by("number")
    for page in (a01, a02):
        signoff.page_sign(page=page, by=people["chief"])
    placement = a01.placements.get()
    client.force_login(people["chief"])
    url = reverse("admin:issues_placement_change", args=[placement.pk])
    response = client.post(url, {"article": placement.article_id, "page": a02.pk, "position": 5})
    assert response.status_code == 302
    assert not PageSignoff.objects.filter(cleared_at__isnull=True).exists()  # both pages lost their signature
    assert set(PageSignoff.objects.values_list("cleared_reason", flat=True)) == {"版面位置改动"}


def test_the_admin_signs_pages_and_refuses_to_publish_with_a_reason(issue, people, client):
    client.force_login(people["chief"])
    response = client.post(
        reverse("admin:issues_issue_changelist"), {"action": "publish", "_selected_action": [issue.pk]}, follow=True
    )
    assert "尚未签版" in response.text
    pages = list(issue.pages.values_list("pk", flat=True))
    client.post(reverse("admin:issues_page_changelist"), {"action": "sign", "_selected_action": pages}, follow=True)
    change = client.get(reverse("admin:issues_page_change", args=[pages[0]])).text
    assert "签版(清样指纹" in change
    client.post(reverse("admin:issues_issue_changelist"), {"action": "publish", "_selected_action": [issue.pk]})
    issue.refresh_from_db()
    assert issue.status == "published"
