"""The write path for content: every change to articles and reporters goes through here."""

import datetime
import logging

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchVector
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Q, Value
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from . import search, selectors, terms, workflow
from .changes import announce_change, announce_edit, announce_withdrawal
from .diffs import revision_diff_html
from .models import Article, Byline, Photo, Reporter, SearchDocument, Transition
from .outbox import enqueue
from .sanitize import clean_html
from .text import count_words, pinyin_slug, plain_text

logger = logging.getLogger(__name__)


class EditConflict(Exception):
    """Someone else saved the article since this editor opened it."""

    def __init__(self, article: Article, diff_html: str):
        super().__init__(f"稿件《{article.title}》已被他人修改(当前第 {article.version} 版)")
        self.article = article
        self.diff_html = diff_html


def reporter_slug(*, name: str) -> str:
    """A unique slug from the name's pinyin: zhang-wei, zhang-wei-2, …"""
    base = pinyin_slug(name)
    slug, n = base, 1
    while Reporter.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def reporter_get_or_create(*, name: str, organisation: str = "", kind: str = Reporter.Kind.REPORTER) -> Reporter:
    """The reporter with this name at this organisation, created when new.

    Names are not unique (two people may share one), so concurrent imports take a
    transaction-scoped advisory lock on the name instead of relying on a constraint.
    """
    existing = Reporter.objects.filter(name=name, organisation=organisation).order_by("id").first()
    if existing:
        return existing
    if connection.vendor == "postgresql":
        # Only a new name takes the lock (held to commit), and then looks again.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"reporter:{organisation}:{name}"])
        existing = Reporter.objects.filter(name=name, organisation=organisation).order_by("id").first()
        if existing:
            return existing
    for _ in range(5):
        try:
            with transaction.atomic():
                return Reporter.objects.create(
                    name=name, organisation=organisation, kind=kind, slug=reporter_slug(name=name)
                )
        except IntegrityError:
            continue  # another import took the same pinyin slug meanwhile
    raise IntegrityError(f"no free slug for reporter {name}")


@transaction.atomic
def article_create(*, title: str, body: str = "", created_by: AbstractBaseUser | None = None, **fields) -> Article:
    """Create an article with its body sanitised and its words counted."""
    body = clean_html(body)
    return Article.objects.create(title=title, body=body, word_count=count_words(body), created_by=created_by, **fields)


@transaction.atomic
def article_update(*, article: Article, by: AbstractBaseUser | None = None, **fields) -> Article:
    """Change an article's fields from code; saved like an edit (sanitised, a new version)."""
    for name, value in fields.items():
        setattr(article, name, value)
    return article_save(article=article, by=by)


# The fields that make an article's text: a change to any of them is an edit review must see.
TEXT_FIELDS = ("kicker", "title", "subtitle", "rubric", "byline", "dateline", "summary", "body", "section_id")


@transaction.atomic
def article_save(*, article: Article, by: AbstractBaseUser | None = None, based_on: int | None = None) -> Article:
    """Save an article edited in a form: sanitise the body, count words, bump the version.

    Only someone who may make the next review move may change the text (workflow.EDIT_ROLES;
    `by=None` is the system). A change to signed-off text sends it back to 终审, and a change
    to published text is recorded as 修改后重新签发: nothing changes unreviewed. `based_on` is
    the version the editor started from; if someone saved since, nothing is written and
    EditConflict says what they changed.
    """
    article.body = clean_html(article.body)
    article.word_count = count_words(article.body)
    if article.pk is None:
        article.created_by = article.created_by or by
        article.save()
        return article
    current = Article.objects.select_for_update().get(pk=article.pk)
    if by is not None:
        workflow.check_edit(current.status, roles=selectors.user_roles(by), own=selectors.is_own(current, by))
    if based_on is not None and current.version != based_on:
        raise EditConflict(current, revision_diff_html(article=current, since_version=based_on))
    article.status, article.published_at, article.scheduled_at = (
        current.status,
        current.published_at,
        current.scheduled_at,
    )
    edited = any(getattr(article, f) != getattr(current, f) for f in TEXT_FIELDS)
    back_to = workflow.EDIT_SENDS_BACK.get(current.status)
    if edited and back_to:
        article.status, article.scheduled_at = back_to, None
        article._change_reason = workflow.EDIT_MOVE_LABELS[workflow.EDIT_RESUBMIT]
        Transition.objects.create(
            article=current, move=workflow.EDIT_RESUBMIT, from_status=current.status, to_status=back_to, by=by
        )
    elif edited and current.status == workflow.PUBLISHED:
        article._change_reason = workflow.EDIT_MOVE_LABELS[workflow.EDIT_REVISE_PUBLISHED]
        Transition.objects.create(
            article=current, move=workflow.EDIT_REVISE_PUBLISHED, from_status=current.status,
            to_status=current.status, by=by,
        )  # fmt: skip
    article.version = current.version + 1
    article.save()
    if article.status == Article.Status.PUBLISHED:
        search_document_refresh(article=article)
    if edited:
        announce_edit(articles=[article.pk], by=by)
    else:
        announce_change(articles=[article.pk])
    return article


@transaction.atomic
def article_restore(*, article: Article, history_id: int, by: AbstractBaseUser | None = None) -> Article:
    """Bring back an old revision's text as a new revision (the state is not changed)."""
    old = article.history.get(history_id=history_id)
    current = Article.objects.select_for_update().get(pk=article.pk)
    for field in ("kicker", "title", "subtitle", "rubric", "dateline", "byline", "summary", "body", "section_id"):
        setattr(current, field, getattr(old, field))
    current._change_reason = f"恢复到第 {old.version} 版"
    return article_save(article=current, by=by)


# -- the workflow ----------------------------------------------------------------


@transaction.atomic
def article_transition(
    *,
    article: Article,
    move: str,
    by: AbstractBaseUser | None,
    note: str = "",
    when: datetime.datetime | None = None,
    override_terms: bool = False,
) -> Article:
    """Make one workflow move: lock the row, check the table, write the state and an audit row,
    and set off what the table says the move sets off. Raises a workflow.WorkflowError.

    A move that checks the lists (终审) is refused while a blocking word is in the text, unless a
    chief editor overrides it (`override_terms`) with a note, which the audit row keeps."""
    step = workflow.move_named(move)
    locked = Article.objects.select_for_update().get(pk=article.pk)
    own = selectors.is_own(locked, by)
    roles = selectors.user_roles(by)
    workflow.check(step, state=locked.status, roles=roles, own=own, note=note, when=when)
    if step.checks_terms:
        blocking = [hit for hit in terms.check_article(locked) if hit.blocking]
        if blocking and not (override_terms and workflow.CHIEF_UP & roles and note.strip()):
            words = "、".join(dict.fromkeys(hit.text for hit in blocking))
            raise workflow.TermsBlocked(f"正文含禁用词({words}),不能{step.label};总编辑可填写意见后放行")
        if blocking:
            note = f"【放行禁用词:{'、'.join(dict.fromkeys(hit.text for hit in blocking))}】{note}"
    now = timezone.now()
    previous = locked.status
    locked.status = step.target
    locked.published_at = (locked.published_at or now) if step.target == workflow.PUBLISHED else None
    locked.scheduled_at = when if step.target == workflow.SCHEDULED else None
    locked._change_reason = step.label
    locked._history_user = by
    locked.save(update_fields=["status", "published_at", "scheduled_at", "updated_at"])
    Transition.objects.create(article=locked, move=move, from_status=previous, to_status=step.target, by=by, note=note)
    if workflow.INDEX in step.effects:
        search_document_refresh(article=locked)
    if workflow.WITHDRAW in step.effects:
        announce_withdrawal(articles=[locked.pk])
    if workflow.READERS in step.effects:
        announce_change(articles=[locked.pk])
    if workflow.NOTIFY in step.effects:
        enqueue("articles.tasks.notify_author", locked.pk, step.target, note)
    article.status, article.published_at, article.scheduled_at = locked.status, locked.published_at, locked.scheduled_at
    return locked


def search_document_refresh(*, article: Article) -> None:
    """Index a published article's words; an article no longer published leaves the index."""
    if article.status != Article.Status.PUBLISHED:
        SearchDocument.objects.filter(article_id=article.pk).delete()
        return
    names = " ".join(article.bylines.values_list("reporter__name", flat=True))
    text = " ".join([article.kicker, article.title, article.subtitle, names, plain_text(article.body)])
    words = search.segment_for_index(text)
    vector = SearchVector(Value(words), config="simple") if connection.vendor == "postgresql" else None
    SearchDocument.objects.update_or_create(
        article_id=article.pk,
        defaults={
            "text": words,
            "vector": vector,
            "published_at": article.published_at,
            "section_id": article.section_id,
        },
    )


def publish_due(*, now: datetime.datetime | None = None) -> int:
    """Publish every scheduled article whose time has come; safe to run twice."""
    now = now or timezone.now()
    published = 0
    for pk in Article.objects.due_for_publishing(now).values_list("pk", flat=True):
        try:
            article_transition(article=Article(pk=pk), move="publish", by=None)
        except workflow.WorkflowError:
            continue  # published meanwhile, or unscheduled
        published += 1
    return published


def article_clean_fields(fields: dict) -> dict:
    """The fields as they will be stored: the body sanitised and its words counted."""
    if "body" not in fields:
        return dict(fields)
    body = clean_html(fields["body"])
    return {**fields, "body": body, "word_count": count_words(body)}


@transaction.atomic(savepoint=False)  # all or nothing with the caller: no savepoint needed
def articles_save_imported(
    *, creates: list[dict], updates: list[tuple[Article, dict]], created_by: AbstractBaseUser | None = None
) -> list[Article]:
    """Create and update imported articles in bulk (fields from article_clean_fields); return the new ones.

    The caller holds the updated rows locked; each update bumps the version.
    """
    new = [
        Article(source=Article.Source.IMPORTED, status=Article.Status.SUBMITTED, created_by=created_by, **fields)
        for fields in creates
    ]
    bulk_create_with_history(new, Article, default_user=created_by, default_change_reason="导入")
    names: set[str] = set()
    now = timezone.now()
    for article, fields in updates:
        for name, value in fields.items():
            setattr(article, name, value)
        names |= set(fields)
        article.version += 1
        article.updated_at = now
    if updates:
        bulk_update_with_history(
            [a for a, _ in updates],
            Article,
            [*sorted(names), "version", "updated_at"],
            default_user=created_by,
            default_change_reason="重新导入",
        )
    return new


def reporters_get_or_create(*, people: set[tuple[str, str, str]]) -> dict[tuple[str, str], Reporter]:
    """Reporters by (name, organisation) for these (name, organisation, kind); one query when all exist."""
    wanted = {(name, org): kind for name, org, kind in people}
    found: dict[tuple[str, str], Reporter] = {}
    if wanted:
        query = Q()
        for name, org in wanted:
            query |= Q(name=name, organisation=org)
        for reporter in Reporter.objects.filter(query).order_by("-id"):
            found[(reporter.name, reporter.organisation)] = reporter  # the oldest wins
    for (name, org), kind in wanted.items():
        if (name, org) not in found:
            found[(name, org)] = reporter_get_or_create(name=name, organisation=org, kind=kind)
    return found


@transaction.atomic(savepoint=False)  # all or nothing with the caller: no savepoint needed
def articles_replace_bylines(*, bylines: dict[Article, list[tuple[Reporter, str]]]) -> None:
    """Replace the bylines of these articles with (reporter, role) pairs, in order."""
    Byline.objects.filter(article__in=list(bylines)).delete()
    rows = []
    for article, people in bylines.items():
        seen: set[tuple[int, str]] = set()
        for order, (reporter, role) in enumerate(people):
            if (reporter.pk, role) not in seen:
                seen.add((reporter.pk, role))
                rows.append(Byline(article=article, reporter=reporter, role=role, order=order))
    Byline.objects.bulk_create(rows)


@transaction.atomic(savepoint=False)  # all or nothing with the caller: no savepoint needed
def articles_replace_captions(*, captions: dict[Article, tuple[list[str], str]]) -> None:
    """Replace the captions that have no picture yet with (captions, credit); uploaded photos are kept."""
    Photo.objects.filter(article__in=list(captions), image="").delete()
    Photo.objects.bulk_create(
        Photo(article=article, caption=caption, credit=credit, order=100 + i)
        for article, (texts, credit) in captions.items()
        for i, caption in enumerate(texts)
    )


# -- the reporters' desk ---------------------------------------------------------


@transaction.atomic
def desk_reporter(*, user: AbstractBaseUser) -> Reporter:
    """The reporter record of a desk user, made (and linked) on first use."""
    reporter = Reporter.objects.filter(user=user).first()
    if reporter is None:
        name = user.get_full_name() or user.get_username()
        reporter = Reporter.objects.create(name=name, user=user, slug=reporter_slug(name=name))
    return reporter


@transaction.atomic
def desk_article_create(*, article: Article, by: AbstractBaseUser) -> Article:
    """A reporter's new draft, bylined to them."""
    article.source = Article.Source.SUBMITTED
    article.status = Article.Status.DRAFT
    article.created_by = by
    article_save(article=article, by=by)
    Byline.objects.create(article=article, reporter=desk_reporter(user=by), role=Byline.Role.REPORTER)
    return article


@transaction.atomic
def photo_add(*, photo: Photo, article: Article) -> Photo:
    """Attach an uploaded photo with its caption and credit, after the article's other photos."""
    photo.article = article
    photo.order = (article.photos.aggregate(n=Max("order"))["n"] or 0) + 1
    photo.save()
    announce_edit(articles=[article.pk])
    return photo
