"""The e-paper and the article page: what readers see, in how many queries."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles import services as article_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def test_home_is_the_latest_issue_at_its_first_page(client, paper):
    response = client.get("/")
    assert response.status_code == 200
    assert "第A01版" in response.text and response.text.count('class="zone"') == 8
    page = client.get("/epaper/2025-06-04/A01/").text
    assert page[page.index("<main") :] == response.text[response.text.index("<main") :]


def test_issue_lists_its_pages_and_headlines(client, paper):
    response = client.get("/epaper/2025-06-04/")
    assert response.status_code == 200
    assert "版面导航" in response.text and "第A01版" in response.text
    assert "株硬集团超细碳化钨粉智能生产线投产" in response.text


def test_page_shows_areas_headlines_navigation_and_calendar(client, paper):
    response = client.get("/epaper/2025-06-04/A01/")
    assert response.status_code == 200
    text = response.text
    assert text.count('class="zone"') == 8
    assert "本版标题" in text and "往期回顾" in text
    assert '<a href="/epaper/2025-06-04/">4</a>' in text
    first = paper["articles"][0]
    assert f'href="/articles/{first.pk}/"' in text


def test_article_page_has_everything_a_reader_needs(client, paper):
    article = paper["articles"][3]  # 株硬集团…: two correspondents
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>株硬集团超细碳化钨粉智能生产线投产</h1>" in text
    assert 'href="/reporters/' in text and "康菊平" in text
    assert "刊于第A01版" in text and 'href="/epaper/2025-06-04/A01/"' in text
    assert "上一篇" in text and "下一篇" in text
    assert '<html lang="zh-CN">' in text and 'property="og:title"' in text
    assert response["Last-Modified"]


def test_photo_captions_appear_on_the_article_page(client, paper):
    article = paper["articles"][6]
    response = client.get(f"/articles/{article.pk}/")
    assert "<figcaption>图为株洲市二中初中部1MW分布式光伏发电项目,受访企业供图" in response.text


def test_article_page_queries_are_fixed(client, paper, django_assert_max_num_queries):
    for article in paper["articles"]:
        cache.clear()
        with django_assert_max_num_queries(8):
            assert client.get(f"/articles/{article.pk}/").status_code == 200


def test_epaper_page_queries_are_fixed(client, paper, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get("/epaper/2025-06-04/A01/").status_code == 200


def test_anonymous_pages_come_from_the_cache_until_something_is_published(
    client, paper, django_assert_num_queries, django_capture_on_commit_callbacks
):
    article = paper["articles"][0]
    url = f"/articles/{article.pk}/"
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # the change is acted on when it commits
        article.title = "改过的标题"
        article_services.article_save(article=article)
    assert "改过的标题" in client.get(url).text


def test_conditional_get_answers_304(client, paper):
    url = f"/articles/{paper['articles'][0].pk}/"
    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    "url",
    ["/epaper/2025-06-05/", "/epaper/2025-06-05/A01/", "/epaper/2025-06-04/B09/", "/epaper/not-a-date/"],
)
def test_unpublished_issues_and_missing_pages_are_404(client, unpublished, url):
    assert client.get(url).status_code == 404


def test_an_unpublished_article_is_404_and_absent_from_the_page(client, unpublished):
    draft = unpublished["draft"]
    assert client.get(f"/articles/{draft.pk}/").status_code == 404
    assert "尚未发布的草稿" not in client.get("/epaper/2025-06-04/A01/").text
    assert "尚未发布的草稿" not in client.get("/epaper/2025-06-04/").text


def test_sitemap_and_robots(client, unpublished):
    sitemap = client.get(reverse("site:sitemap")).content.decode()
    assert "/epaper/2025-06-04/A01/" in sitemap
    assert "/epaper/2025-06-05/" not in sitemap
    assert f"/articles/{unpublished['draft'].pk}/" not in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots


def test_a_missing_page_says_so_in_chinese(client, paper, settings):
    settings.DEBUG = False
    response = client.get("/articles/999999/")
    assert response.status_code == 404
    assert "页面不存在" in response.text and 'lang="zh-CN"' in response.text


def test_the_article_page_keeps_heading_order(client, paper):
    import re
    from itertools import pairwise

    article = next(a for a in paper["articles"] if "<h2>" in a.body)  # an imported story with subheads
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", client.get(f"/articles/{article.pk}/").text)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in pairwise(levels))


def test_a_printed_article_shows_its_issue_date_and_page_everywhere(client, paper, superuser):
    """Published by the CMS today, printed in the issue of 2025-06-04: readers see the issue's date."""
    from articles.models import Reporter

    article = paper["articles"][3]
    page = client.get(f"/articles/{article.pk}/").text
    assert '<time datetime="2025-06-04">2025年6月4日</time>' in page and "刊于第A01版" in page
    reporter = Reporter.objects.filter(bylines__article=article).first()
    for url in (f"/sections/{article.section.slug}/", f"/reporters/{reporter.slug}/", "/search/?q=碳化钨"):
        assert "2025年6月4日 第A01版" in client.get(url).text, url
    feed = client.get("/feeds/latest/").content.decode()
    assert "<pubDate>Wed, 04 Jun 2025 00:00:00 +0800</pubDate>" in feed


def test_a_web_only_article_shows_its_publication_time(client, paper, superuser):
    from tests.factories import ArticleFactory

    web = ArticleFactory(title="网络首发稿件", status="approved", section=paper["articles"][0].section)
    article_services.article_transition(article=web, move="publish", by=superuser)
    page = client.get(f"/articles/{web.pk}/").text
    web.refresh_from_db()
    assert f"{web.published_at.astimezone().year}年" in page and "刊于" not in page


@pytest.mark.parametrize("payload", ['<img src=x onerror="alert(1)">', "&lt;img src=x onerror=alert(1)&gt;"])
def test_the_feed_never_carries_live_markup(client, paper, superuser, payload):
    from tests.articles.test_sanitize import XSS_PAYLOADS
    from tests.factories import ArticleFactory

    for n, text in enumerate([payload, *XSS_PAYLOADS]):
        bad = ArticleFactory(title=f"标题{n}{text}"[:150], summary=text, status="approved")
        article_services.article_transition(article=bad, move="publish", by=superuser)
    feed = client.get("/feeds/latest/").content.decode()
    import re

    for field in re.findall(r"<(?:description|title)>(.*?)</(?:description|title)>", feed, re.S):
        from html import unescape

        once = unescape(field)  # what the XML gives a feed reader, which renders it as HTML
        assert "<" not in once, field
