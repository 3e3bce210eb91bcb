import pytest

from articles import services
from articles.models import Reporter

pytestmark = pytest.mark.django_db


def test_article_create_sanitises_the_body_and_counts_words():
    article = services.article_create(title="标题", body='<p onclick="x()">株洲 news<script>alert(1)</script></p>')
    assert article.body == "<p>株洲 news</p>"
    assert article.word_count == 3


def test_article_update_bumps_the_version():
    article = services.article_create(title="标题")
    services.article_update(article=article, title="新标题")
    assert article.version == 2
    article.refresh_from_db()
    assert (article.title, article.version) == ("新标题", 2)


def test_reporter_slugs_are_unique_for_shared_names():
    first = services.reporter_get_or_create(name="王芳", organisation="株洲日报")
    second = services.reporter_get_or_create(name="王芳", organisation="新华社")
    again = services.reporter_get_or_create(name="王芳", organisation="株洲日报")
    assert (first.slug, second.slug) == ("wangfang", "wangfang-2")
    assert again == first
    assert Reporter.objects.count() == 2
