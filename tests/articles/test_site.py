"""Sections, reporters, Chinese search and feeds on the reading site."""

import pytest
from django.core.cache import cache

from articles.models import Reporter, Section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def test_section_lists_published_articles_newest_first(client, unpublished, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/sections/chanye/")
    assert response.status_code == 200
    assert "株硬集团超细碳化钨粉智能生产线投产" in response.text
    assert "尚未发布的草稿" not in response.text
    assert client.get("/sections/no-such-section/").status_code == 404


def test_reporter_page_lists_their_published_articles(client, paper):
    reporter = Reporter.objects.get(name="邓伟勇")
    response = client.get(f"/reporters/{reporter.slug}/")
    assert response.status_code == 200
    assert "推动政务数据共享应用 走在全省前列" in response.text
    assert "株洲为何要在全省率先作出弘扬“三个精神”的决定？" in response.text


@pytest.mark.parametrize(
    ("word", "title"), [("光伏", "株洲新能源建设 12个光伏项目顺利并网"), ("督导", "市委督导组完成进驻")]
)
def test_search_finds_two_character_words_and_highlights_them(client, paper, word, title):
    response = client.get("/search/", {"q": word})
    assert response.status_code == 200
    assert f"<mark>{word}</mark>" in response.text
    assert title.replace(word, f"<mark>{word}</mark>") in response.text


def test_search_ranks_and_filters_by_section_and_reporter(client, paper):
    all_hits = client.get("/search/", {"q": "株洲"}).text
    section = Section.objects.get(name="产业")
    in_section = client.get("/search/", {"q": "株洲", "section": section.pk}).text
    assert "找到 " in all_hits
    assert "市委常委会召开会议" not in in_section
    reporter = Reporter.objects.get(name="王娜")
    by_reporter = client.get("/search/", {"q": "试验", "reporter": reporter.slug}).text
    assert "时代新材首套旋转耐久<mark>试验</mark>装备投用" in by_reporter
    assert "找到 1 篇" in by_reporter


def test_search_does_not_find_unpublished_articles(client, unpublished):
    response = client.get("/search/", {"q": "草稿"})
    assert "找到 0 篇" in response.text


def test_search_date_range(client, paper):
    assert "找到 0 篇" in client.get("/search/", {"q": "光伏", "end": "2000-01-01"}).text


def test_latest_feed_and_section_feed(client, unpublished):
    latest = client.get("/feeds/latest/").content.decode()
    assert "<rss" in latest and "社区版“创造营”开演" in latest and "尚未发布的草稿" not in latest
    section_feed = client.get("/feeds/sections/chanye/").content.decode()
    assert "时代新材首套旋转耐久试验装备投用" in section_feed
    assert "市委常委会召开会议" not in section_feed


def test_search_by_relevance_puts_the_best_match_first(client, paper):
    response = client.get("/search/", {"q": "光伏", "sort": "rank"})
    assert response.status_code == 200
    assert "株洲新能源建设 12个<mark>光伏</mark>项目顺利并网" in response.text
    assert '<option value="rank" selected>' in response.text  # the form keeps the chosen order


def test_search_pages_without_counting_every_match(client, paper, django_assert_max_num_queries):
    with django_assert_max_num_queries(4) as captured:  # results, plus the filters' section and reporter choices
        response = client.get("/search/", {"q": "株洲"})
    assert response.status_code == 200
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


@pytest.mark.parametrize("url", ["/sections/shizheng/", "/reporters/chenzhengming/", "/search/?q=株洲"])
def test_list_pages_keep_heading_order(client, paper, url):
    import re
    from itertools import pairwise

    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", client.get(url).text)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in pairwise(levels))
