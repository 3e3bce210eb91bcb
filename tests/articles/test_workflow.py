"""三审: the service agrees with the workflow table for every role, move and ownership."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from articles import diffs, services, workflow
from articles.models import Article, Transition
from articles.workflow import WorkflowError
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def make_user(django_user_model):
    counter = itertools.count()

    def make(role: str | None = None, **extra):
        user = django_user_model.objects.create_user(
            f"user{next(counter)}", email=f"u{next(counter)}@example.com", **extra
        )
        if role:
            user.groups.add(Group.objects.get(name=workflow.ROLE_GROUPS[role]))
        return user

    return make


def _article_in(state: str, author) -> Article:
    extra = {}
    if state == workflow.PUBLISHED:
        extra["published_at"] = timezone.now()
    if state == workflow.SCHEDULED:
        extra["scheduled_at"] = timezone.now() + datetime.timedelta(hours=1)
    return ArticleFactory(status=state, created_by=author, **extra)


CASES = [
    (role, move, own)
    for role in workflow.ROLE_GROUPS
    for move in workflow.MOVES
    for own in (True, False)
]  # fmt: skip


@pytest.mark.parametrize(("role", "move", "own"), CASES, ids=lambda v: getattr(v, "name", str(v)))
def test_every_role_and_move_follows_the_table(make_user, role, move, own):
    user, other = make_user(role), make_user(workflow.REPORTER)
    article = _article_in(sorted(move.sources)[0], user if own else other)
    allowed = workflow.may(move, roles={role}, own=own)
    kwargs = {"note": "意见"}
    if move.name == "schedule":
        kwargs["when"] = timezone.now() + datetime.timedelta(hours=2)
    if allowed:
        services.article_transition(article=article, move=move.name, by=user, **kwargs)
        article.refresh_from_db()
        assert article.status == move.target
        audit = Transition.objects.get(article=article)
        assert (audit.move, audit.to_status, audit.by) == (move.name, move.target, user)
    else:
        with pytest.raises(WorkflowError):
            services.article_transition(article=article, move=move.name, by=user, **kwargs)
        assert not Transition.objects.filter(article=article).exists()


def test_reporter_cannot_publish(make_user):
    reporter = make_user(workflow.REPORTER)
    article = _article_in(workflow.APPROVED, reporter)
    with pytest.raises(WorkflowError, match="没有权限"):
        services.article_transition(article=article, move="publish", by=reporter)


def test_reporter_submits_only_their_own_draft(make_user):
    reporter, other = make_user(workflow.REPORTER), make_user(workflow.REPORTER)
    mine, theirs = _article_in(workflow.DRAFT, reporter), _article_in(workflow.DRAFT, other)
    services.article_transition(article=mine, move="submit", by=reporter)
    with pytest.raises(WorkflowError):
        services.article_transition(article=theirs, move="submit", by=reporter)


def test_three_levels_then_publish(make_user):
    reporter = make_user(workflow.REPORTER)
    editor, desk, chief = make_user(workflow.EDITOR), make_user(workflow.DESK_HEAD), make_user(workflow.CHIEF)
    article = _article_in(workflow.DRAFT, reporter)
    for move, by in [("submit", reporter), ("approve_first", editor), ("approve_second", desk),
                     ("approve_final", chief), ("publish", editor)]:  # fmt: skip
        services.article_transition(article=article, move=move, by=by)
    article.refresh_from_db()
    assert article.status == workflow.PUBLISHED and article.published_at is not None
    assert list(article.transitions.order_by("at", "id").values_list("to_status", flat=True)) == [
        workflow.SUBMITTED, workflow.REVIEW2, workflow.REVIEW3, workflow.APPROVED, workflow.PUBLISHED,
    ]  # fmt: skip


def test_a_move_from_the_wrong_state_is_refused(make_user):
    chief = make_user(workflow.CHIEF)
    article = _article_in(workflow.DRAFT, chief)
    with pytest.raises(WorkflowError, match="不能"):
        services.article_transition(article=article, move="approve_final", by=chief)


def test_returning_needs_a_note(make_user):
    editor = make_user(workflow.EDITOR)
    article = _article_in(workflow.SUBMITTED, make_user(workflow.REPORTER))
    with pytest.raises(WorkflowError, match="意见"):
        services.article_transition(article=article, move="return_submitted", by=editor, note=" ")


def test_return_and_publish_email_the_reporter(make_user, eager_tasks, django_capture_on_commit_callbacks):
    reporter, editor = make_user(workflow.REPORTER), make_user(workflow.EDITOR)
    article = _article_in(workflow.SUBMITTED, reporter)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_transition(article=article, move="return_submitted", by=editor, note="导语太长,请压缩。")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [reporter.email]
    assert "导语太长,请压缩。" in mail.outbox[0].body
    assert "退回修改" in mail.outbox[0].subject


def test_scheduled_articles_are_published_when_due_and_only_once(make_user):
    editor = make_user(workflow.EDITOR)
    due, later = _article_in(workflow.APPROVED, editor), _article_in(workflow.APPROVED, editor)
    now = timezone.now()
    services.article_transition(article=due, move="schedule", by=editor, when=now - datetime.timedelta(minutes=1))
    services.article_transition(article=later, move="schedule", by=editor, when=now + datetime.timedelta(hours=1))
    assert services.publish_due(now=now) == 1
    assert services.publish_due(now=now) == 0
    due.refresh_from_db()
    later.refresh_from_db()
    assert (due.status, later.status) == (workflow.PUBLISHED, workflow.SCHEDULED)
    assert due.transitions.get(move="publish").by is None  # the system did it


def test_every_save_keeps_a_revision_with_who(make_user):
    editor = make_user(workflow.EDITOR)
    article = services.article_create(title="初稿标题", body="<p>第一版。</p>", created_by=editor)
    article.body = "<p>第二版。</p>"
    services.article_save(article=article, by=editor, based_on=1)
    assert article.history.count() == 2
    assert list(article.history.values_list("version", flat=True)) == [2, 1]


def test_second_save_from_an_old_version_is_refused_with_what_changed(make_user):
    first, second = make_user(workflow.EDITOR), make_user(workflow.EDITOR)
    article = services.article_create(title="标题", body="<p>株洲日报讯 会议召开。</p>")
    mine = Article.objects.get(pk=article.pk)
    theirs = Article.objects.get(pk=article.pk)
    theirs.body = "<p>株洲日报讯 市委会议召开。</p>"
    services.article_save(article=theirs, by=second, based_on=1)
    mine.title = "我的新标题"
    with pytest.raises(services.EditConflict) as conflict:
        services.article_save(article=mine, by=first, based_on=1)
    assert "<ins>市委</ins>" in conflict.value.diff_html
    article.refresh_from_db()
    assert (article.title, article.version) == ("标题", 2)


def test_character_diff_reads_well_for_chinese():
    assert diffs.char_diff_html("市委常委会召开", "市政府常务会召开") == (
        "市<del>委</del><ins>政府</ins>常<del>委</del><ins>务</ins>会召开"
    )


def test_restoring_an_old_revision(make_user):
    editor = make_user(workflow.EDITOR)
    article = services.article_create(title="原标题", body="<p>原文。</p>")
    article.title = "改坏的标题"
    services.article_save(article=article, by=editor)
    first = article.history.get(version=1)
    restored = services.article_restore(article=article, history_id=first.history_id, by=editor)
    assert (restored.title, restored.version) == ("原标题", 3)


@pytest.mark.parametrize(
    ("state", "move", "role", "note", "error"),
    [
        (workflow.DRAFT, "withdraw", workflow.CHIEF, "说明", workflow.WrongState),
        (workflow.SUBMITTED, "approve_second", workflow.EDITOR, "", workflow.WrongState),
        (workflow.REVIEW2, "approve_second", workflow.EDITOR, "", workflow.NotAllowed),
        (workflow.SUBMITTED, "return_submitted", workflow.EDITOR, "  ", workflow.NoteMissing),
        (workflow.APPROVED, "schedule", workflow.EDITOR, "", workflow.TimeMissing),
        (workflow.APPROVED, "no_such_move", workflow.CHIEF, "", workflow.UnknownMove),
    ],
)
def test_a_refused_move_says_why_by_its_type(make_user, state, move, role, note, error):
    article = _article_in(state, make_user())
    with pytest.raises(error) as refused:
        services.article_transition(article=article, move=move, by=make_user(role), note=note)
    assert isinstance(refused.value, WorkflowError) and str(refused.value)
    assert Article.objects.get(pk=article.pk).status == state


def test_what_a_move_sets_off_is_read_from_the_table(make_user, monkeypatch, django_capture_on_commit_callbacks):
    calls = []
    monkeypatch.setattr(services, "search_document_refresh", lambda article: calls.append(("index", article.pk)))
    monkeypatch.setattr(services, "announce_change", lambda articles: calls.append(("readers", *articles)))
    monkeypatch.setattr(services, "announce_withdrawal", lambda articles: calls.append(("withdraw", *articles)))
    monkeypatch.setattr(services, "enqueue", lambda task, *args: calls.append(("notify", args[0])))
    effects = {workflow.INDEX: "index", workflow.READERS: "readers", workflow.WITHDRAW: "withdraw"}
    effects[workflow.NOTIFY] = "notify"
    chief = make_user(workflow.CHIEF)
    for move in workflow.MOVES:
        state = sorted(move.sources)[0]
        author = make_user(workflow.REPORTER)
        article = _article_in(state, author)
        calls.clear()
        when = timezone.now() + datetime.timedelta(hours=1)
        by = author if move.name == "submit" else chief  # a draft is submitted by its author alone
        services.article_transition(article=article, move=move.name, by=by, note="意见", when=when)
        assert sorted(kind for kind, _ in calls) == sorted(effects[e] for e in move.effects), move.name
        assert move.publishes == (move.target == workflow.PUBLISHED)
