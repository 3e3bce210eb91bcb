import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Byline, Photo, Section
from tests.factories import ArticleFactory, ReporterFactory

pytestmark = pytest.mark.django_db


def test_sections_come_from_the_data_migration_with_pinyin_slugs():
    sections = dict(Section.objects.values_list("name", "slug"))
    assert sections == {
        "时政": "shizheng",
        "产业": "chanye",
        "社会": "shehui",
        "文化": "wenhua",
        "教育": "jiaoyu",
        "体育": "tiyu",
        "评论": "pinglun",
        "副刊": "fukan",
    }
    assert list(Section.objects.values_list("name", flat=True)[:3]) == ["时政", "产业", "社会"]


def test_published_article_needs_published_at():
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)


def test_draft_cannot_carry_published_at():
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(status=Article.Status.DRAFT, published_at=timezone.now())


def test_published_article_with_time_is_accepted():
    article = ArticleFactory(status=Article.Status.PUBLISHED, published_at=timezone.now())
    assert Article.objects.published().get() == article


def test_article_title_cannot_be_empty():
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(title="")


def test_a_reporter_is_bylined_once_per_role():
    article, reporter = ArticleFactory(), ReporterFactory()
    Byline.objects.create(article=article, reporter=reporter, role=Byline.Role.REPORTER)
    Byline.objects.create(article=article, reporter=reporter, role=Byline.Role.PHOTOGRAPHER, order=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Byline.objects.create(article=article, reporter=reporter, role=Byline.Role.REPORTER)


def test_bylines_keep_their_order():
    article = ArticleFactory()
    second, first = ReporterFactory(name="乙"), ReporterFactory(name="甲")
    Byline.objects.create(article=article, reporter=second, order=2)
    Byline.objects.create(article=article, reporter=first, order=1)
    assert [b.reporter.name for b in article.bylines.all()] == ["甲", "乙"]


def test_photo_needs_an_image_or_a_caption():
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.create(article=ArticleFactory(), caption="", image="")


def test_two_reporters_may_share_a_name():
    ReporterFactory(name="王芳", organisation="株洲日报")
    ReporterFactory(name="王芳", organisation="株洲日报")


def test_headline_joins_kicker_title_and_subtitle():
    article = Article(kicker="引", title="题", subtitle="副")
    assert article.headline == "引 题 副"
