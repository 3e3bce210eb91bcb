"""The write path for content: every change to articles and reporters goes through here."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F

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
    """The reporter with this name at this organisation, created when new."""
    existing = Reporter.objects.filter(name=name, organisation=organisation).order_by("id").first()
    if existing:
        return existing
    return Reporter.objects.create(name=name, organisation=organisation, kind=kind, slug=reporter_slug(name=name))


@transaction.atomic
def article_create(*, title: str, body: str = "", created_by: AbstractBaseUser | None = None, **fields) -> Article:
    """Create an article with its body sanitised and its words counted."""
    body = clean_html(body)
    article = Article(title=title, body=body, word_count=count_words(body), created_by=created_by, **fields)
    article.full_clean(exclude=["created_by", "section"])
    article.save()
    return article


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


@transaction.atomic
def article_set_bylines(*, article: Article, people: list[tuple[Reporter, str]]) -> None:
    """Replace the article's bylines with these (reporter, role) pairs, in order."""
    article.bylines.all().delete()
    seen: set[tuple[int, str]] = set()
    rows = []
    for order, (reporter, role) in enumerate(people):
        if (reporter.pk, role) in seen:
            continue
        seen.add((reporter.pk, role))
        rows.append(Byline(article=article, reporter=reporter, role=role, order=order))
    Byline.objects.bulk_create(rows)


@transaction.atomic
def article_set_captions(*, article: Article, captions: list[str], credit: str = "") -> None:
    """Replace the captions that have no picture yet; photos already uploaded are kept."""
    article.photos.filter(image="").delete()
    start = article.photos.count()
    Photo.objects.bulk_create(
        Photo(article=article, caption=caption, credit=credit, order=start + i) for i, caption in enumerate(captions)
    )
