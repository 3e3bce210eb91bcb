import datetime

import factory
from django.utils import timezone

from articles.models import Article, Byline, Photo, Reporter, Section
from issues.models import ImportJob, Issue, Page, Placement, Publication


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class ReporterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reporter

    name = factory.Sequence(lambda n: f"记者{n}")
    organisation = "株洲日报"
    slug = factory.Sequence(lambda n: f"reporter-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"标题{n}")
    body = "<p>正文。</p>"
    word_count = 2


class PublishedArticleFactory(ArticleFactory):
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    reporter = factory.SubFactory(ReporterFactory)


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    article = factory.SubFactory(ArticleFactory)
    caption = "图为示例。"


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication
        django_get_or_create = ["code"]

    name = "株洲日报"
    code = "zzrb"
    # 签版 has its own tests (tests/issues/test_signoff.py); elsewhere an issue publishes without it.
    requires_signoff = False


class IssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issue

    publication = factory.SubFactory(PublicationFactory)
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    issue = factory.SubFactory(IssueFactory)
    number = factory.Sequence(lambda n: n + 1)
    code = factory.Sequence(lambda n: f"A{n + 1:02d}")
    name = "要闻"


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    article = factory.SubFactory(ArticleFactory)
    page = factory.SubFactory(PageFactory)
    position = factory.Sequence(lambda n: n + 1)


class ImportJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportJob

    publication = factory.SubFactory(PublicationFactory)
    issue_date = datetime.date(2025, 6, 4)
    page_code = "A01"
    raw = b"\xe6\xa0\x87\xe9\xa2\x98"
    text = "标题"
    checksum = "0" * 64
