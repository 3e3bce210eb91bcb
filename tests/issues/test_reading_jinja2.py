import datetime

from django.utils import timezone

from issues.reading.jinja2 import cn_date, cn_month, plain_excerpt, url


def test_cn_date_prints_the_date_as_papers_do_in_local_time():
    assert cn_date(datetime.date(2025, 6, 4)) == "2025年6月4日"
    assert cn_date(datetime.date(2025, 6, 4), weekday=True) == "2025年6月4日 星期三"
    assert cn_date(datetime.date(2025, 6, 8), weekday=True) == "2025年6月8日 星期日"
    late_utc = datetime.datetime(2025, 6, 3, 20, 0, tzinfo=datetime.UTC)  # 04:00 on the 4th in Shanghai
    assert timezone.get_current_timezone_name() == "Asia/Shanghai"
    assert cn_date(late_utc) == "2025年6月4日"
    assert cn_date(None) == ""
    assert cn_month(datetime.date(2025, 6, 4)) == "2025年6月"


def test_plain_excerpt_strips_tags_unescapes_and_cuts():
    html = "<p>株洲&amp;湘潭</p>\n<p>" + "字" * 50 + "</p>"
    assert plain_excerpt(html, 100) == "株洲&湘潭 " + "字" * 50
    assert plain_excerpt(html, 10) == "株洲&湘潭 字字字…"  # ten characters, the ellipsis included


def test_url():
    assert url("site:article", 7) == "/articles/7/"
    assert url("site:page", "2025-06-04", "A01") == "/epaper/2025-06-04/A01/"


def test_the_site_wide_links_resolve_once_and_unknown_ones_fail():
    import pytest

    from issues.reading.jinja2 import _Links

    links = _Links()
    assert links.home == "/" and links.feed == "/feeds/latest/"
    assert "home" in vars(links)  # kept: the next page reads it as a plain attribute
    assert links.css.startswith("/static/site/site")
    with pytest.raises(AttributeError):
        links.nowhere  # noqa: B018


def test_what_is_remembered_until_the_site_changes_is_built_afresh_while_redis_is_down(monkeypatch):
    from issues.reading import cache as page_cache

    built = []

    def build():
        built.append(1)
        return len(built)

    monkeypatch.setattr(page_cache, "site_generation", lambda: 7)
    assert page_cache.remembered("x", build) == page_cache.remembered("x", build) == 1
    monkeypatch.setattr(page_cache, "site_generation", lambda: 8)  # the site changed
    assert page_cache.remembered("x", build) == 2
    monkeypatch.setattr(page_cache, "site_generation", lambda: None)  # Redis unreachable: nothing kept
    assert [page_cache.remembered("x", build) for _ in range(2)] == [3, 4]
