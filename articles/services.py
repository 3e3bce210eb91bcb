"""The write path for content: every change to articles and reporters goes through here."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import Article, Byline, Photo, Reporter
from .sanitize import clean_html
from .text import count_words, pinyin_slug


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
def article_update(*, article: Article, **fields) -> Article:
    """Change an article's fields; the body is sanitised and the version bumped."""
    if "body" in fields:
        fields["body"] = clean_html(fields["body"])
        fields["word_count"] = count_words(fields["body"])
    for name, value in fields.items():
        setattr(article, name, value)
    article.version = F("version") + 1
    article.save(update_fields=[*fields, "version", "updated_at"])
    article.refresh_from_db(fields=["version"])
    return article


@transaction.atomic
def article_save(*, article: Article, by: AbstractBaseUser | None = None) -> Article:
    """Save an article edited in a form: sanitise the body, count words, bump the version."""
    article.body = clean_html(article.body)
    article.word_count = count_words(article.body)
    if article.pk is None:
        article.created_by = article.created_by or by
        article.save()
    else:
        article.version = F("version") + 1
        article.save()
        article.refresh_from_db(fields=["version"])
    return article


def article_clean_fields(fields: dict) -> dict:
    """The fields as they will be stored: the body sanitised and its words counted."""
    if "body" not in fields:
        return dict(fields)
    body = clean_html(fields["body"])
    return {**fields, "body": body, "word_count": count_words(body)}


@transaction.atomic
def articles_save_imported(
    *, creates: list[dict], updates: list[tuple[Article, dict]], created_by: AbstractBaseUser | None = None
) -> list[Article]:
    """Create and update imported articles in bulk (fields from article_clean_fields); return the new ones.

    The caller holds the updated rows locked; each update bumps the version.
    """
    new = [Article(source=Article.Source.IMPORTED, created_by=created_by, **fields) for fields in creates]
    Article.objects.bulk_create(new)
    names: set[str] = set()
    now = timezone.now()
    for article, fields in updates:
        for name, value in fields.items():
            setattr(article, name, value)
        names |= set(fields)
        article.version += 1
        article.updated_at = now
    if updates:
        Article.objects.bulk_update([a for a, _ in updates], [*sorted(names), "version", "updated_at"])
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


@transaction.atomic
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


@transaction.atomic
def articles_replace_captions(*, captions: dict[Article, tuple[list[str], str]]) -> None:
    """Replace the captions that have no picture yet with (captions, credit); uploaded photos are kept."""
    Photo.objects.filter(article__in=list(captions), image="").delete()
    Photo.objects.bulk_create(
        Photo(article=article, caption=caption, credit=credit, order=100 + i)
        for article, (texts, credit) in captions.items()
        for i, caption in enumerate(texts)
    )
