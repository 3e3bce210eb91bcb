"""The read API (/api/v1/): what programs see of the published paper, in how many queries, how
often, and never anything readers may not see."""

import base64
import hashlib
import json

import pytest
from django.core.cache import cache

from articles import services as article_services
from articles.models import Article, SearchDocument
from issues.models import ApiKey, Page, PublishedArticle
from issues.reading import cache as page_cache
from issues.reading import rows as reader_rows
from issues.reading import selectors
from issues.reading.cache import bump_site_generation
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PageFactory,
    PhotoFactory,
    PlacementFactory,
    ReporterFactory,
    SectionFactory,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"
DAY = "2025-06-04"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """No answer or rate counter of an earlier test: the counters go, and a generation above any
    before it leaves earlier answers behind."""
    cache.clear()
    bump_site_generation()


def _get(client, path, **headers):
    response = client.get(path if path.startswith("http") else API + path, **headers)
    return response, (response.json() if response.status_code != 304 else None)


def _publish(article, by, capture):
    article.status = Article.Status.APPROVED
    article.save(update_fields=["status"])
    with capture(execute=True):  # what readers see is written when the change commits
        article_services.article_transition(article=article, move="publish", by=by)
    article.refresh_from_db()
    return article


# -- the documents ---------------------------------------------------------------------


def test_the_schema_and_the_docs_are_served(client):
    response, schema = _get(client, "/openapi.json")
    assert response.status_code == 200
    paths = set(schema["paths"])
    for path in (
        "/api/v1/articles/{pk}",
        "/api/v1/latest",
        "/api/v1/sections",
        "/api/v1/sections/{slug}/articles",
        "/api/v1/reporters/{slug}",
        "/api/v1/reporters/{slug}/articles",
        "/api/v1/search",
        "/api/v1/publications",
        "/api/v1/issues",
        "/api/v1/issues/{publication}/{date}",
        "/api/v1/issues/{publication}/{date}/pages/{code}",
    ):
        assert path in paths
    assert schema["components"]["securitySchemes"]["PartnerKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
    }
    assert {"region", "id", "title"} <= set(schema["components"]["schemas"]["PageArticle"]["properties"])
    docs = client.get(f"{API}/docs")
    assert docs.status_code == 200 and b"openapi.json" in docs.content


# -- what each resource shows ------------------------------------------------------------


def test_an_article_has_its_headline_bylines_body_photos_section_and_place_in_print(
    client, paper, superuser, django_capture_on_commit_callbacks
):
    article = ArticleFactory(
        kicker="引题示例",
        title="示例标题",
        subtitle="副题示例",
        rubric="一线见闻",
        dateline="本报讯",
        byline="（记者 甲乙 通讯员 丙丁）",
        body="<p>第一段&amp;正文。</p><h2>小标题</h2><p>第二段。</p>",
        section=SectionFactory(name="社会"),
    )
    writer, helper = ReporterFactory(name="甲乙", slug="jiayi"), ReporterFactory(name="丙丁", slug="bingding")
    BylineFactory(article=article, reporter=writer, role="reporter", order=0)
    BylineFactory(article=article, reporter=helper, role="correspondent", order=1)
    PhotoFactory(article=article, caption="图为示例现场。", credit="甲乙 摄", order=0)
    PlacementFactory(article=article, page=paper["page"], position=20)
    _publish(article, superuser, django_capture_on_commit_callbacks)

    response, data = _get(client, f"/articles/{article.pk}")
    assert response.status_code == 200
    assert (data["kicker"], data["title"], data["subtitle"], data["rubric"]) == (
        "引题示例",
        "示例标题",
        "副题示例",
        "一线见闻",
    )
    assert data["dateline"] == "本报讯" and data["byline"] == "（记者 甲乙 通讯员 丙丁）"
    assert data["body_html"] == article.body
    assert "第一段&正文。" in data["body_text"] and "<" not in data["body_text"]
    assert data["url"] == f"http://testserver/articles/{article.pk}/"
    assert data["api_url"] == f"http://testserver{API}/articles/{article.pk}"
    assert [(b["name"], b["role"], b["role_label"]) for b in data["bylines"]] == [
        ("甲乙", "reporter", "记者"),
        ("丙丁", "correspondent", "通讯员"),
    ]
    assert data["bylines"][0]["url"] == "http://testserver/reporters/jiayi/"
    assert data["bylines"][0]["api_url"] == f"http://testserver{API}/reporters/jiayi"
    assert data["photos"] == [{"image": None, "caption": "图为示例现场。", "credit": "甲乙 摄"}]
    assert data["section"]["name"] == "社会"
    assert data["placements"] == [
        {
            "publication": "zzrb",
            "paper": "株洲日报",
            "date": DAY,
            "code": "A01",
            "label": "第A01版",
            "url": f"http://testserver/epaper/{DAY}/A01/",
            "api_url": f"http://testserver{API}/issues/zzrb/{DAY}/pages/A01",
        }
    ]
    assert data["previous"]["id"] == paper["articles"][-1].pk and data["next"] is None


def test_an_article_without_a_reader_row_is_read_live(client, paper, settings, django_assert_num_queries):
    settings.PAGE_CACHE = False
    article = paper["articles"][0]
    Article.objects.filter(pk=article.pk).update(rubric="栏目标识示例")
    PublishedArticle.objects.all().delete()
    with django_assert_num_queries(3):  # the missing row, the live read, its rubric and paper's code
        response, data = _get(client, f"/articles/{article.pk}")
    assert response.status_code == 200 and data["title"] == article.title and data["rubric"] == "栏目标识示例"
    assert data["placements"][0]["label"] == "第A01版" and data["placements"][0]["publication"] == "zzrb"


def test_the_body_is_the_sanitised_html_the_services_keep(client, paper, django_capture_on_commit_callbacks):
    article = paper["articles"][0]
    with django_capture_on_commit_callbacks(execute=True):
        article.body = '<p onclick="steal()">正文<script>alert(1)</script></p>'
        article_services.article_save(article=article)
    _, data = _get(client, f"/articles/{article.pk}")
    assert "正文" in data["body_html"] and data["body_text"] == "正文"
    assert "<script" not in data["body_html"] and "onclick" not in data["body_html"]


def test_an_issue_lists_its_visible_pages_in_order_with_their_headlines(
    client, paper, superuser, django_capture_on_commit_callbacks
):
    second = PageFactory(issue=paper["issue"], code="A02", name="综合", number=2)
    PageFactory(issue=paper["issue"], code="A03", name="空版", number=3)  # nothing published on it
    article = ArticleFactory(title="二版稿件")
    PlacementFactory(article=article, page=second, position=1)
    _publish(article, superuser, django_capture_on_commit_callbacks)

    response, data = _get(client, f"/issues/zzrb/{DAY}")
    assert response.status_code == 200
    assert [(p["code"], p["label"]) for p in data["pages"]] == [("A01", "第A01版 要闻"), ("A02", "第A02版 综合")]
    assert [h["id"] for h in data["pages"][0]["headlines"]] == [a.pk for a in paper["articles"]]
    assert data["pages"][1]["headlines"][0]["title"] == "二版稿件"
    assert data["pages"][0]["api_url"] == f"http://testserver{API}/issues/zzrb/{DAY}/pages/A01"

    _, issues = _get(client, "/issues?publication=zzrb")
    assert [(i["publication"], i["date"]) for i in issues["items"]] == [("zzrb", DAY)]
    _, papers = _get(client, "/publications")
    assert papers == [
        {"code": "zzrb", "name": "株洲日报", "issues_api_url": f"http://testserver{API}/issues?publication=zzrb"}
    ]


def test_a_page_gives_each_article_its_region_in_fractions_of_the_page(client, paper):
    response, data = _get(client, f"/issues/zzrb/{DAY}/pages/a01")
    assert response.status_code == 200
    assert (data["code"], data["label"]) == ("A01", "第A01版 要闻")
    assert data["image"].startswith("http://testserver/media/layouts/")
    layout = Page.objects.get(pk=paper["page"].pk).layout
    assert (data["width_mm"], data["height_mm"]) == (layout["width_mm"], layout["height_mm"])
    blocks = {b["article"]: b for b in layout["blocks"]}
    assert [a["id"] for a in data["articles"]] == [a.pk for a in paper["articles"]]
    for article in data["articles"]:
        region, block = article["region"], blocks[article["id"]]
        assert region == {side: round(block[side], 4) for side in ("left", "top", "width", "height")}
        assert region["left"] >= 0 and region["left"] + region["width"] <= 1.0001
        assert region["top"] >= 0 and region["top"] + region["height"] <= 1.0001


def test_a_page_without_a_layout_lists_its_articles_without_regions(client, paper):
    Page.objects.filter(pk=paper["page"].pk).update(layout={})
    reader_rows.pages_refresh(issue_ids=[paper["issue"].pk])
    _, data = _get(client, f"/issues/zzrb/{DAY}/pages/A01")
    assert data["image"] is None and data["width_mm"] is None
    assert len(data["articles"]) == 8 and {a["region"] for a in data["articles"]} == {None}


def test_sections_reporters_and_latest(client, paper):
    _, sections = _get(client, "/sections")
    assert "时政" in [s["name"] for s in sections]
    shizheng = next(s for s in sections if s["name"] == "时政")
    _, listed = _get(client, shizheng["articles_api_url"])
    expected = list(Article.objects.published().filter(section__slug=shizheng["slug"]).order_by("-published_at", "-id"))
    assert [i["id"] for i in listed["items"]] == [a.pk for a in expected]

    reporter = paper["articles"][3].bylines.first().reporter
    response, profile = _get(client, f"/reporters/{reporter.slug}")
    assert response.status_code == 200
    assert (profile["name"], profile["kind_label"]) == (reporter.name, reporter.get_kind_display())
    _, work = _get(client, profile["articles_api_url"])
    assert paper["articles"][3].pk in [i["id"] for i in work["items"]]

    _, latest = _get(client, "/latest?limit=3")
    newest = Article.objects.published().order_by("-published_at", "-id")[:3]
    assert [i["id"] for i in latest["items"]] == [a.pk for a in newest]
    assert latest["items"][0]["excerpt"] and latest["next_cursor"]


def test_list_items_say_where_they_were_printed(client, paper, superuser, django_capture_on_commit_callbacks):
    online = _publish(ArticleFactory(title="只在网上发布的稿件"), superuser, django_capture_on_commit_callbacks)
    _, latest = _get(client, "/latest?limit=100")
    printed = {i["id"]: i["printed"] for i in latest["items"]}
    assert printed[online.pk] is None
    assert printed[paper["articles"][0].pk] == {"date": DAY, "code": "A01", "label": "第A01版"}
    _, found = _get(client, "/search?q=光伏")
    assert found["items"][0]["printed"]["label"] == "第A01版"


# -- keyset pages --------------------------------------------------------------------------


def test_pages_of_a_list_stay_put_when_articles_are_published_meanwhile(
    client, paper, superuser, django_capture_on_commit_callbacks
):
    _, page = _get(client, "/latest?limit=3")
    seen = [i["id"] for i in page["items"]]
    fresh = _publish(ArticleFactory(title="翻页时新发的稿件"), superuser, django_capture_on_commit_callbacks)
    while page["next_url"]:
        _, page = _get(client, page["next_url"])
        seen += [i["id"] for i in page["items"]]
    assert sorted(seen) == sorted(a.pk for a in paper["articles"])  # each once, none skipped
    assert fresh.pk not in seen
    _, top = _get(client, "/latest?limit=3")
    assert top["items"][0]["id"] == fresh.pk


def test_page_size_is_bounded_and_a_bad_cursor_is_refused(client, paper):
    assert client.get(f"{API}/latest?limit=101").status_code == 422
    assert client.get(f"{API}/latest?limit=0").status_code == 422
    for cursor in ("not-a-cursor", _cursor(["2025-06-04T00:00:00", 1]), _cursor(["2025-06-04T00:00:00+08:00", 2**70])):
        response, data = _get(client, f"/latest?cursor={cursor}")
        assert response.status_code == 400 and "cursor" in data["detail"]


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


# -- search ------------------------------------------------------------------------------


def test_search_is_the_sites_search_with_its_filters(client, paper):
    _, data = _get(client, "/search?q=光伏")
    documents, terms = selectors.search_documents(query="光伏", documents=SearchDocument.objects.all())
    assert [i["id"] for i in data["items"]] == [d.article_id for d in documents] and data["items"]
    assert data["terms"] == terms and "光伏" in data["items"][0]["excerpt"]
    section = paper["articles"][6].section
    _, filtered = _get(client, f"/search?q=光伏&section={section.slug}")
    assert filtered["items"] and {i["section"]["slug"] for i in filtered["items"]} == {section.slug}
    _, elsewhere = _get(client, "/search?q=光伏&section=shehui&start=2000-01-01")
    assert all(i["section"]["slug"] == "shehui" for i in elsewhere["items"])
    response, problem = _get(client, "/search?q=光伏&section=no-such-section")
    assert response.status_code == 400 and "section" in problem["detail"]
    assert client.get(f"{API}/search?q=光伏&sort=random").status_code == 422


def test_ranked_search_pages_by_keyset_without_repeats(client, paper, superuser, django_capture_on_commit_callbacks):
    for n in range(5):
        body = "<p>" + "梧桐树" * (n + 1) + "长在江边。</p>"
        _publish(ArticleFactory(title=f"江边第{n}篇", body=body), superuser, django_capture_on_commit_callbacks)
    _, page = _get(client, "/search?q=梧桐树&sort=rank&limit=2")
    seen = [i["id"] for i in page["items"]]
    while page["next_url"]:
        _, page = _get(client, page["next_url"])
        seen += [i["id"] for i in page["items"]]
    ranked, _ = selectors.search_documents(query="梧桐树", documents=SearchDocument.objects.all(), ranked=True)
    assert len(seen) == 5 and sorted(seen) == sorted(d.article_id for d in ranked)
    assert seen == [d.article_id for d in ranked.order_by("-rank", "-published_at", "-article_id")]


# -- nothing that is not published --------------------------------------------------------


@pytest.fixture
def hidden(paper, superuser, django_capture_on_commit_callbacks):
    """On the published page, each with a reporter of its own, a shared section and a word no other
    article has: a draft, an approved article and a withdrawn one; and a published one to compare."""
    section = SectionFactory(name="测试栏目", slug="ceshi")
    made = {}
    for n, state in enumerate(["published", "draft", "approved", "withdrawn"]):
        first = state if state in ("draft", "approved") else "draft"
        article = ArticleFactory(title=f"{state} 稿件", body="<p>鸿雁传书的故事。</p>", section=section, status=first)
        reporter = ReporterFactory(name=f"记者{state}", slug=f"reporter-{state}")
        BylineFactory(article=article, reporter=reporter)
        PlacementFactory(article=article, page=paper["page"], position=30 + n)
        if state in ("published", "withdrawn"):
            _publish(article, superuser, django_capture_on_commit_callbacks)
        if state == "withdrawn":
            with django_capture_on_commit_callbacks(execute=True):
                article_services.article_transition(article=article, move="withdraw", by=superuser, note="撤稿说明")
        made[state] = article
    return made


def _ids(data) -> set[int]:
    return {i["id"] for i in data["items"]}


@pytest.mark.parametrize("state", ["draft", "approved", "withdrawn"])
def test_an_unpublished_article_is_404_and_in_no_list(client, hidden, state):
    article, shown = hidden[state], hidden["published"]
    assert Article.objects.get(pk=article.pk).status == state
    response, data = _get(client, f"/articles/{article.pk}")
    assert response.status_code == 404 and data["detail"]
    assert _get(client, f"/articles/{shown.pk}")[0].status_code == 200

    for path in ("/latest?limit=100", "/sections/ceshi/articles", "/search?q=鸿雁"):
        _, data = _get(client, path)
        assert shown.pk in _ids(data) and article.pk not in _ids(data), path

    response, data = _get(client, f"/reporters/reporter-{state}")
    assert response.status_code == 404 and data["detail"]
    assert _get(client, f"/reporters/reporter-{state}/articles")[0].status_code == 404
    assert _get(client, "/reporters/reporter-published")[0].status_code == 200

    _, issue = _get(client, f"/issues/zzrb/{DAY}")
    headlines = {h["id"] for p in issue["pages"] for h in p["headlines"]}
    assert shown.pk in headlines and article.pk not in headlines
    _, page = _get(client, f"/issues/zzrb/{DAY}/pages/A01")
    assert shown.pk in {a["id"] for a in page["articles"]} and article.pk not in {a["id"] for a in page["articles"]}


def test_an_unpublished_issue_and_its_pages_are_404(client, unpublished, superuser, django_capture_on_commit_callbacks):
    article = ArticleFactory(title="未出版报纸上的稿件")
    PlacementFactory(article=article, page=unpublished["page"], position=1)
    _publish(article, superuser, django_capture_on_commit_callbacks)

    assert _get(client, "/issues/zzrb/2025-06-05")[0].status_code == 404
    assert _get(client, "/issues/zzrb/2025-06-05/pages/A01")[0].status_code == 404
    _, issues = _get(client, "/issues")
    assert "2025-06-05" not in {i["date"] for i in issues["items"]}
    _, data = _get(client, f"/articles/{article.pk}")
    assert data["placements"] == []  # published online, its paper not out yet


def test_a_page_with_nothing_published_on_it_and_unknown_addresses_are_404(client, paper, unpublished):
    PageFactory(issue=paper["issue"], code="A09", number=9)
    for path in (
        f"/issues/zzrb/{DAY}/pages/A09",
        f"/issues/zzrb/{DAY}/pages/B01",
        f"/issues/other/{DAY}",
        "/issues/zzrb/not-a-date",
        "/sections/no-such-section/articles",
        "/articles/999999",
    ):
        response, data = _get(client, path)
        assert response.status_code == 404 and data["detail"], path


# -- caching, 304 and the same invalidation as the site --------------------------------------


def test_answers_carry_etag_and_last_modified_and_answer_304(client, paper):
    path = f"{API}/articles/{paper['articles'][0].pk}"
    first = client.get(path)
    assert first["ETag"] and first["Last-Modified"] and "no-cache" in first["Cache-Control"]
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(path, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    listed = client.get(f"{API}/latest")
    assert client.get(f"{API}/latest", HTTP_IF_NONE_MATCH=listed["ETag"]).status_code == 304


def test_a_change_reaches_api_readers_with_the_sites_invalidation(
    client, paper, django_assert_num_queries, django_capture_on_commit_callbacks
):
    article = paper["articles"][0]
    path = f"{API}/articles/{article.pk}"
    first = client.get(path)
    with django_assert_num_queries(0):  # from the cache
        assert client.get(path).content == first.content
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "改过的标题"
        article_services.article_save(article=article)
    changed = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["title"] == "改过的标题"
    assert changed["ETag"] != first["ETag"]
    assert "改过的标题" in client.get(f"{API}/latest").text
    assert "改过的标题" in client.get(f"/articles/{article.pk}/").text  # the site, in the same moment


# -- query counts --------------------------------------------------------------------------


@pytest.fixture
def crowded(paper, superuser, django_capture_on_commit_callbacks):
    """Two published articles on the page: one with a byline and no photo, one with five of each."""
    made = []
    for n, people in enumerate([1, 5]):
        article = ArticleFactory(title=f"计数稿件{n}", body="<p>计数用的正文。</p>")
        for k in range(people):
            BylineFactory(article=article, reporter=ReporterFactory(), order=k)
            if people > 1:
                PhotoFactory(article=article, caption=f"图{k}", order=k)
        PlacementFactory(article=article, page=paper["page"], position=40 + n)
        made.append(_publish(article, superuser, django_capture_on_commit_callbacks))
    return made


QUERIES = [
    ("/articles/{article}", 1),  # its reader row, with its rubric and paper's code
    ("/latest?limit={limit}", 1),
    ("/sections", 1),
    ("/sections/{section}/articles?limit={limit}", 2),  # the sections (once per generation); the list
    ("/reporters/{reporter}", 1),
    ("/reporters/{reporter}/articles?limit={limit}", 2),
    ("/search?q=计数&limit={limit}", 1),
    ("/search?q=计数&sort=rank&limit={limit}", 1),
    ("/search?q=计数&reporter={reporter}&section={section}&limit={limit}", 3),  # each filter's choice is looked up
    ("/publications", 1),
    ("/issues?limit={limit}", 1),
    ("/issues/zzrb/2025-06-04", 1),
    ("/issues/zzrb/2025-06-04/pages/A01", 1),
]


@pytest.mark.parametrize(("path", "queries"), QUERIES)
def test_each_endpoint_takes_a_fixed_number_of_queries(
    client, crowded, settings, django_assert_num_queries, path, queries
):
    settings.PAGE_CACHE = False  # every request builds its answer
    section = SectionFactory(name="计数栏目", slug="jishu")
    Article.objects.filter(pk__in=[a.pk for a in crowded]).update(section=section)
    for article in crowded:
        article_services.search_document_refresh(article=article)
    for article, limit in zip(crowded, (1, 50), strict=True):
        reporter = article.bylines.order_by("order").first().reporter
        url = API + path.format(article=article.pk, limit=limit, reporter=reporter.slug, section=section.slug)
        page_cache._remembered["generation"] = None  # the sections are read again, as after a change
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200, url


# -- who may ask, and how often ------------------------------------------------------------


def test_anonymous_clients_are_limited_with_a_clear_429_and_a_partners_key_lifts_it(client, paper, settings):
    settings.API_ANON_RATE = "3/day"  # a window no test run straddles
    for _ in range(3):
        assert client.get(f"{API}/sections").status_code == 200
    refused = client.get(f"{API}/sections")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "每天最多 3 次" in refused.json()["detail"] and "X-API-Key" in refused.json()["detail"]
    assert client.get(f"{API}/sections", REMOTE_ADDR="10.0.0.9").status_code == 200  # counted per address

    partner = ApiKey(partner="某客户端")
    key = partner.new_key()
    partner.save()
    for _ in range(5):
        assert client.get(f"{API}/sections", HTTP_X_API_KEY=key).status_code == 200

    partner.is_active = False
    partner.save()
    revoked = client.get(f"{API}/sections", HTTP_X_API_KEY=key)
    assert revoked.status_code == 401 and "密钥" in revoked.json()["detail"]
    assert client.get(f"{API}/sections", HTTP_X_API_KEY="nr_guessed").status_code == 401


def test_the_admin_makes_a_partners_key_and_shows_it_once(admin_client_logged):
    response = admin_client_logged.post(
        "/admin/issues/apikey/add/", {"partner": "某合作平台", "is_active": "on", "note": ""}, follow=True
    )
    assert response.status_code == 200
    partner = ApiKey.objects.get()
    key = _shown_key(response)
    assert hashlib.sha256(key.encode()).hexdigest() == partner.digest and key.startswith(partner.prefix)
    assert key not in admin_client_logged.get(f"/admin/issues/apikey/{partner.pk}/change/").text


def test_renewing_a_partners_key_retires_the_old_one(admin_client_logged, client, paper):
    partner = ApiKey(partner="某合作平台")
    old = partner.new_key()
    partner.save()
    response = admin_client_logged.post(
        "/admin/issues/apikey/", {"action": "renew_keys", "_selected_action": [partner.pk]}, follow=True
    )
    new = _shown_key(response)
    assert new != old
    assert client.get(f"{API}/sections", HTTP_X_API_KEY=old).status_code == 401
    assert client.get(f"{API}/sections", HTTP_X_API_KEY=new).status_code == 200


def _shown_key(response) -> str:
    shown = [str(m) for m in response.context["messages"] if "API 密钥" in str(m)]
    return shown[0].split("：", 1)[1].split("（", 1)[0]


def test_cors_only_for_configured_origins(client, paper, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
    allowed = client.get(f"{API}/sections", HTTP_ORIGIN="https://app.example.com")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.com"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    other = client.get(f"{API}/sections", HTTP_ORIGIN="https://elsewhere.example.org")
    assert "Access-Control-Allow-Origin" not in other
    site = client.get("/", HTTP_ORIGIN="https://app.example.com")
    assert "Access-Control-Allow-Origin" not in site  # the site itself is not shared
