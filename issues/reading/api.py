"""The read API (/api/v1/): the published paper for programs (the paper's app, its WeChat account,
partner platforms). Read-only, published content only, read through the reading site's selectors
and rows, so every value has the site's one source. django-ninja: the schemas (schemas.py) give
the OpenAPI document (/api/v1/openapi.json) and the browsable docs (/api/v1/docs).

- Lists page by keyset: a cursor names the last item given, so articles published meanwhile never
  shift a page; `limit` is at most MAX_LIMIT.
- Every answer carries an ETag and Last-Modified and answers 304. Answers are cached under the
  site's generation (cache.py), as the site's pages are: the change that refreshes a web reader's
  page refreshes the API's answer in the same second.
- Anonymous clients get API_ANON_RATE requests per address (then a 429 with Retry-After); a
  partner's key (admin: API 密钥) in the X-API-Key header lifts the limit.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import django_filters
from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from ninja import NinjaAPI, Query
from ninja.errors import HttpError, Throttled
from ninja.security import APIKeyHeader
from ninja.throttling import BaseThrottle
from pydantic import BaseModel, RootModel

from articles import search
from articles.models import Article, Byline, Reporter, SearchDocument, Section
from articles.text import excerpt, plain_text
from issues.models import ApiKey, Publication

from . import schemas, selectors
from .cache import PAGE_TTL, site_generation
from .filters import SearchFilter
from .jinja2 import url

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
LOCAL_ANSWERS = 256
_ROLES = dict(Byline.Role.choices)
_ROLE_CODES = {label: code for code, label in Byline.Role.choices}
_PERIODS = {"s": 1, "sec": 1, "min": 60, "m": 60, "hour": 3600, "h": 3600, "day": 86400, "d": 86400}
_PERIOD_WORDS = {1: "秒", 60: "分钟", 3600: "小时", 86400: "天"}


# -- who is asking, and how often ----------------------------------------------------


class PartnerKey(APIKeyHeader):
    """A partner's API key in X-API-Key; without one the client is anonymous (and rate limited)."""

    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiKey | None:
        if not key:
            return None
        partner = ApiKey.objects.filter(digest=ApiKey.digest_of(key), is_active=True).first()
        if partner is None:
            raise HttpError(401, "API 密钥无效或已停用。")
        return partner


ANONYMOUS = "anonymous"


def anonymous(request: HttpRequest) -> str:
    return ANONYMOUS


def anon_rate() -> tuple[int, int]:
    """API_ANON_RATE ("120/min") as (requests, seconds)."""
    count, _, period = settings.API_ANON_RATE.partition("/")
    return int(count), _PERIODS[period.strip()]


def _count(key: str, ttl: int) -> int:
    """Add one to a counter in Django's cache and return it; the counter lives `ttl` seconds."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if isinstance(backend, RedisCache):
        # One round trip: Django's incr() asks whether the key exists first, and add() then incr()
        # would take three. The key is made as Django makes it, so the cache API reads it too.
        name = backend.make_and_validate_key(key)
        pipe = backend._cache.get_client(name, write=True).pipeline()
        used, _ = pipe.incr(name).expire(name, ttl, nx=True).execute()
        return used
    try:
        return cache.incr(key)
    except ValueError:  # the window's first request
        return 1 if cache.add(key, 1, ttl) else cache.incr(key)


class AnonymousRate(BaseThrottle):
    """A fixed window per client address, counted in Django's cache (Redis: one INCR a request)."""

    def allow_request(self, request: HttpRequest) -> bool:
        if isinstance(getattr(request, "auth", None), ApiKey):
            return True
        count, seconds = anon_rate()
        return _count(f"api:rate:{self.get_ident(request)}:{int(time.time() // seconds)}", seconds + 1) <= count

    def wait(self) -> float:
        _, seconds = anon_rate()
        return seconds - time.time() % seconds


api = NinjaAPI(
    title="Newsroom 读者 API",
    version="1",
    description=__doc__,
    urls_namespace="api",
    auth=[PartnerKey(), anonymous],
    throttle=[AnonymousRate()],
)


@api.exception_handler(Throttled)
def too_many_requests(request: HttpRequest, exc: Throttled) -> HttpResponse:
    count, seconds = anon_rate()
    per = _PERIOD_WORDS.get(seconds, f"{seconds} 秒")
    detail = f"请求过于频繁：匿名访问每{per}最多 {count} 次，请稍后再试。合作方请在 X-API-Key 请求头中带上 API 密钥。"
    return api.create_response(request, {"detail": detail}, status=429)


# -- answers: cached under the site's generation, with ETag and Last-Modified ----------


class _Recent:
    """This process's most recent answers, in front of Redis, as the site keeps its pages
    (cache.py): a hot answer costs no round trip. Keys carry the generation, so a change
    leaves the old answers to age out."""

    def __init__(self, size: int) -> None:
        self.size, self.entries = size, OrderedDict()

    def get(self, key: str) -> tuple | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: str, entry: tuple) -> None:
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


_recent = _Recent(LOCAL_ANSWERS)


def _answer(request: HttpRequest, build: Callable[[], BaseModel]) -> HttpResponse:
    """The answer's JSON, from the cache when the site has not changed since it was built; 304 when
    the client has it already. `build` raises HttpError (404) for what readers may not see."""
    key = f"api:{site_generation()}:{request.get_host()}{request.get_full_path()}"
    entry = None
    if settings.PAGE_CACHE:
        entry = _recent.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is not None:
                _recent.put(key, entry)
    if entry is None:
        body = build().model_dump_json().encode()
        etag = quote_etag(hashlib.md5(body, usedforsecurity=False).hexdigest())
        # Built now, under this generation: nothing it shows changed after this moment.
        entry = (body, etag, int(time.time()))
        if settings.PAGE_CACHE:
            cache.set(key, entry, PAGE_TTL)
            _recent.put(key, entry)
    body, etag, built = entry
    response = get_conditional_response(request, etag=etag, last_modified=built)
    if response is None:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(built)
    # Clients and proxies may keep it but ask again each time (a 304 costs nothing): a change is seen at once.
    patch_cache_control(response, public=True, no_cache=True)
    return response


def _abs(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _api(request: HttpRequest, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(f"api:{name}", args=[str(a) for a in args]))


def _day(date: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(date)
    except ValueError as exc:
        raise HttpError(404, "日期格式应为 YYYY-MM-DD。") from exc


# -- keyset pages --------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One column of a list's order (always descending): its name and how a cursor's value is read back."""

    name: str
    read: Callable[[object], object]
    cast: Callable[[object], object] = lambda value: value


def _when(value) -> datetime.datetime:
    when = datetime.datetime.fromisoformat(str(value))
    if when.tzinfo is None:
        raise ValueError(value)
    return when


def _id(value) -> int:
    if not isinstance(value, int) or not 0 < value < 2**63:
        raise ValueError(value)
    return value


def _real(value) -> RawSQL:
    # ts_rank is a float4: compared as one, a rank read back from a cursor equals itself.
    return RawSQL("%s::real", (value,))


NEWEST = (Key("published_at", _when), Key("id", _id))
NEWEST_DOCUMENTS = (Key("published_at", _when), Key("article_id", _id))
RANKED_DOCUMENTS = (Key("rank", float, _real), Key("published_at", _when), Key("article_id", _id))
ISSUES = (Key("date", lambda value: datetime.date.fromisoformat(str(value))), Key("id", _id))


def _encode(values: list) -> str:
    plain = [v.isoformat() if isinstance(v, datetime.date | datetime.datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _decode(cursor: str, keys: Sequence[Key]) -> list:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != len(keys):
            raise ValueError(cursor)
        return [key.cast(key.read(value)) for key, value in zip(keys, values, strict=True)]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise HttpError(400, "cursor 无效：请使用上一页给出的 next_cursor。") from exc


def keyset_page(
    request: HttpRequest, queryset: QuerySet, keys: Sequence[Key], cursor: str | None, limit: int
) -> tuple[list, str | None, str | None]:
    """One page of the list after the cursor: (rows, the next page's cursor, its URL); one query."""
    rows = queryset.order_by(*(f"-{key.name}" for key in keys))
    if cursor:
        after = _decode(cursor, keys)
        before = Q()
        for index, key in enumerate(keys):  # (a, b, c) < (x, y, z), column by column
            equal = Q(**{keys[i].name: after[i] for i in range(index)})
            before |= equal & Q(**{f"{key.name}__lt": after[index]})
        # The first column bounded on its own: the index seeks to the cursor, not past every page before.
        rows = rows.filter(Q(**{f"{keys[0].name}__lte": after[0]}), before)
    found = list(rows[: limit + 1])
    if len(found) <= limit:
        return found, None, None
    found = found[:limit]
    following = _encode([getattr(found[-1], key.name) for key in keys])
    params = request.GET.copy()
    params["cursor"] = following
    return found, following, request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"items per page, at most {MAX_LIMIT}")
Cursor = Query(None, description="next_cursor of the page before")


# -- articles ------------------------------------------------------------------------


def _section(request: HttpRequest, section: dict | Section | None) -> schemas.SectionOut | None:
    if not section:
        return None
    name, slug = (section["name"], section["slug"]) if isinstance(section, dict) else (section.name, section.slug)
    return schemas.SectionOut(
        name=name,
        slug=slug,
        url=_abs(request, url("site:section", slug)),
        articles_api_url=_api(request, "section_articles", slug),
    )


def _item(request: HttpRequest, article: Article, text: str) -> schemas.ArticleItem:
    return schemas.ArticleItem(
        id=article.pk,
        url=_abs(request, article.get_absolute_url()),
        api_url=_api(request, "article", article.pk),
        kicker=article.kicker,
        title=article.title,
        subtitle=article.subtitle,
        section=_section(request, article.section),
        published_at=article.published_at,
        excerpt=text,
    )


def _description(article: Article) -> str:
    return excerpt(article.summary or plain_text(article.body[:2000]), selectors.DESCRIPTION_LENGTH)


def _article_list(request: HttpRequest, articles: QuerySet[Article], cursor: str | None, limit: int):
    found, following, next_url = keyset_page(request, selectors.reader_list(articles), NEWEST, cursor, limit)
    items = [_item(request, article, _description(article)) for article in found]
    return schemas.ArticleList(items=items, next_cursor=following, next_url=next_url)


@api.get("/articles/{int:pk}", response={200: schemas.ArticleOut, 404: schemas.Problem}, url_name="article")
def article(request: HttpRequest, pk: int):
    """A published article: its headline, bylines, body (HTML and text), photos, section and place in print."""

    def build() -> schemas.ArticleOut:
        found = selectors.article_for_reader(pk)
        if found is None:
            raise HttpError(404, "稿件不存在或尚未发布。")
        extras = selectors.article_print_extras(pk)
        printed = found.print_page
        placements = []
        if printed and extras.get("publication"):
            placements.append(
                schemas.Placement(
                    publication=extras["publication"],
                    paper=printed["publication"],
                    date=printed["date"],
                    code=printed["code"],
                    label=f"第{printed['code']}版",
                    url=_abs(request, printed["url"]),
                    api_url=_api(request, "page", extras["publication"], printed["date"].isoformat(), printed["code"]),
                )
            )

        def neighbour(other: dict | None) -> schemas.Neighbour | None:
            return other and schemas.Neighbour(
                id=other["id"],
                title=other["title"],
                url=_abs(request, other["url"]),
                api_url=_api(request, "article", other["id"]),
            )

        return schemas.ArticleOut(
            id=found.id,
            url=_abs(request, url("site:article", found.id)),
            api_url=_api(request, "article", found.id),
            kicker=found.kicker,
            title=found.title,
            subtitle=found.subtitle,
            rubric=extras.get("rubric", ""),
            dateline=found.dateline,
            byline=found.byline,
            summary=found.summary,
            description=found.description,
            body_html=found.body,
            body_text=plain_text(found.body).strip(),
            published_at=found.published_at,
            updated_at=found.updated_at,
            section=_section(request, found.section),
            bylines=[
                schemas.Byline(
                    name=b["name"],
                    slug=b["slug"],
                    role=_ROLE_CODES.get(b["role"], b["role"]),
                    role_label=b["role"],
                    url=_abs(request, b["url"]),
                    api_url=_api(request, "reporter", b["slug"]),
                )
                for b in found.bylines
            ],
            photos=[
                schemas.Photo(
                    image=_abs(request, p["url"]) if p["url"] else None, caption=p["caption"], credit=p["credit"]
                )
                for p in found.photos
            ],
            placements=placements,
            previous=neighbour(found.previous),
            next=neighbour(found.next),
        )

    return _answer(request, build)


@api.get("/latest", response=schemas.ArticleList, url_name="latest")
def latest(request: HttpRequest, cursor: str | None = Cursor, limit: int = Limit):
    """The newest published articles, newest first."""
    return _answer(request, lambda: _article_list(request, Article.objects.all(), cursor, limit))


# -- sections and reporters ------------------------------------------------------------


@api.get("/sections", response=list[schemas.SectionOut], url_name="sections")
def sections(request: HttpRequest):
    """The paper's sections (栏目), in the site's order."""

    def build():
        return RootModel[list[schemas.SectionOut]](root=[_section(request, s) for s in Section.objects.all()])

    return _answer(request, build)


@api.get(
    "/sections/{slug}/articles", response={200: schemas.ArticleList, 404: schemas.Problem}, url_name="section_articles"
)
def section_articles(request: HttpRequest, slug: str, cursor: str | None = Cursor, limit: int = Limit):
    """A section's published articles, newest first."""

    def build():
        section = selectors.section_by_slug(slug)
        if section is None:
            raise HttpError(404, "没有这个栏目。")
        return _article_list(request, Article.objects.filter(section=section.pk), cursor, limit)

    return _answer(request, build)


def _reporter(slug: str) -> Reporter:
    """A reporter with published work; anyone else is not shown to readers."""
    published = Byline.objects.filter(reporter=OuterRef("pk"), article__status=Article.Status.PUBLISHED)
    found = Reporter.objects.filter(Exists(published), slug=slug).first()
    if found is None:
        raise HttpError(404, "没有这位记者的已发布稿件。")
    return found


@api.get("/reporters/{slug}", response={200: schemas.ReporterOut, 404: schemas.Problem}, url_name="reporter")
def reporter(request: HttpRequest, slug: str):
    """A reporter who has published work."""

    def build():
        found = _reporter(slug)
        return schemas.ReporterOut(
            name=found.name,
            slug=found.slug,
            kind=found.kind,
            kind_label=found.get_kind_display(),
            organisation=found.organisation,
            url=_abs(request, url("site:reporter", found.slug)),
            api_url=_api(request, "reporter", found.slug),
            articles_api_url=_api(request, "reporter_articles", found.slug),
        )

    return _answer(request, build)


@api.get(
    "/reporters/{slug}/articles",
    response={200: schemas.ArticleList, 404: schemas.Problem},
    url_name="reporter_articles",
)
def reporter_articles(request: HttpRequest, slug: str, cursor: str | None = Cursor, limit: int = Limit):
    """A reporter's published articles, newest first."""

    def build():
        found = _reporter(slug)
        return _article_list(request, Article.objects.filter(bylines__reporter=found).distinct(), cursor, limit)

    return _answer(request, build)


# -- search ----------------------------------------------------------------------------


class ApiSearchFilter(SearchFilter):
    """The site's search filters, the section named by its slug as the reporter is."""

    section = django_filters.ModelChoiceFilter(
        queryset=Section.objects.all(), field_name="section", to_field_name="slug"
    )


Words = Query(..., min_length=1, max_length=100, description="words, segmented as the site's search does")
SectionSlug = Query(None, description="a section's slug")
ReporterSlug = Query(None, description="a reporter's slug")
Start = Query(None, description="published on or after")
End = Query(None, description="published on or before")
Sort = Query("newest", pattern="^(newest|rank)$", description="newest first, or by relevance among the newest matches")


@api.get("/search", response={200: schemas.SearchOut, 400: schemas.Problem}, url_name="search")
def search_articles(
    request: HttpRequest,
    q: str = Words,
    section: str | None = SectionSlug,
    reporter: str | None = ReporterSlug,
    start: datetime.date | None = Start,
    end: datetime.date | None = End,
    sort: str = Sort,
    cursor: str | None = Cursor,
    limit: int = Limit,
):
    """The site's search: the same index, words and filters; newest first, or ranked among the newest matches."""

    def build():
        given = {"section": section, "reporter": reporter, "start": start, "end": end}
        filters = ApiSearchFilter({k: v for k, v in given.items() if v}, queryset=SearchDocument.objects.all())
        if not filters.is_valid():
            problems = "；".join(f"{name}：{' '.join(errors)}" for name, errors in filters.errors.items())
            raise HttpError(400, problems)
        ranked = sort == "rank"
        documents, terms = selectors.search_documents(query=q.strip(), documents=filters.qs, ranked=ranked)
        keys = RANKED_DOCUMENTS if ranked and "rank" in documents.query.annotations else NEWEST_DOCUMENTS
        found, following, next_url = keyset_page(request, documents, keys, cursor, limit)
        items = [
            _item(request, doc.article, search.excerpt_around(plain_text(doc.article.body), terms)) for doc in found
        ]
        return schemas.SearchOut(query=q, terms=terms, items=items, next_cursor=following, next_url=next_url)

    return _answer(request, build)


# -- the paper: publications, issues, pages ------------------------------------------------


@api.get("/publications", response=list[schemas.PublicationOut], url_name="publications")
def publications(request: HttpRequest):
    """The papers with published issues."""

    def build():
        papers = Publication.objects.filter(Exists(selectors.paper_issues().filter(publication=OuterRef("pk"))))
        return RootModel[list[schemas.PublicationOut]](
            root=[
                schemas.PublicationOut(
                    code=p.code, name=p.name, issues_api_url=_api(request, "issues") + f"?publication={p.code}"
                )
                for p in papers
            ]
        )

    return _answer(request, build)


PaperCode = Query(None, description="a paper's code")


@api.get("/issues", response=schemas.IssueList, url_name="issues")
def issues(
    request: HttpRequest,
    publication: str | None = PaperCode,
    cursor: str | None = Cursor,
    limit: int = Limit,
):
    """Published issues, newest first."""

    def build():
        found = selectors.paper_issues()
        if publication:
            found = found.filter(publication__code=publication)
        rows, following, next_url = keyset_page(request, found, ISSUES, cursor, limit)
        items = [
            schemas.IssueItem(
                publication=i.publication.code,
                paper=i.publication.name,
                date=i.date,
                number=i.number,
                running_number=i.running_number,
                url=_abs(request, url("site:issue", i.date.isoformat())),
                api_url=_api(request, "issue", i.publication.code, i.date.isoformat()),
            )
            for i in rows
        ]
        return schemas.IssueList(items=items, next_cursor=following, next_url=next_url)

    return _answer(request, build)


def _headlines(request: HttpRequest, page: dict) -> list[schemas.Headline]:
    return [
        schemas.Headline(
            id=h["id"], title=h["title"], url=_abs(request, h["url"]), api_url=_api(request, "article", h["id"])
        )
        for h in page["headlines"]
    ]


def _image(request: HttpRequest, page: dict) -> str | None:
    return _abs(request, page["thumbnail"]) if page.get("thumbnail") else None


def _label(page: dict) -> str:
    return f"第{page['code']}版 {page['name']}".strip()


@api.get("/issues/{publication}/{date}", response={200: schemas.IssueOut, 404: schemas.Problem}, url_name="issue")
def issue(request: HttpRequest, publication: str, date: str):
    """A published issue: its visible pages in order, each with its headlines."""

    def build():
        pages = selectors.paper_issue_pages(publication=publication, day=_day(date))
        if not pages:
            raise HttpError(404, "这一天没有出版的报纸。")
        first = pages[0]
        return schemas.IssueOut(
            publication=publication,
            paper=first["paper"],
            date=first["date"],
            url=_abs(request, first["issue_url"]),
            api_url=_api(request, "issue", publication, first["date"]),
            pages=[
                schemas.PageItem(
                    code=p["code"],
                    number=p["number"],
                    name=p["name"],
                    label=_label(p),
                    url=_abs(request, p["url"]),
                    api_url=_api(request, "page", publication, p["date"], p["code"]),
                    image=_image(request, p),
                    headlines=_headlines(request, p),
                )
                for p in pages
            ],
        )

    return _answer(request, build)


def _region(block: dict | None) -> schemas.Region | None:
    if block is None:
        return None
    return schemas.Region(**{side: round(float(block[side]), 4) for side in ("left", "top", "width", "height")})


@api.get(
    "/issues/{publication}/{date}/pages/{code}", response={200: schemas.PageOut, 404: schemas.Problem}, url_name="page"
)
def page(request: HttpRequest, publication: str, date: str, code: str):
    """A published page (版): its image when drawn, and each article's region on it in fractions of the page."""

    def build():
        found = selectors.paper_page(publication=publication, day=_day(date), code=code.upper())
        if found is None:
            raise HttpError(404, "没有这一版。")
        data, layout = found
        blocks = {block.get("article"): block for block in layout.get("blocks", [])}
        kickers = {zone["id"]: zone["kicker"] for zone in data["zones"]}
        return schemas.PageOut(
            publication=publication,
            paper=data["paper"],
            date=data["date"],
            code=data["code"],
            number=data["number"],
            name=data["name"],
            label=_label(data),
            url=_abs(request, data["url"]),
            api_url=_api(request, "page", publication, data["date"], data["code"]),
            issue_api_url=_api(request, "issue", publication, data["date"]),
            image=_image(request, data),
            width_mm=layout.get("width_mm"),
            height_mm=layout.get("height_mm"),
            articles=[
                schemas.PageArticle(
                    id=h["id"],
                    kicker=kickers.get(h["id"], ""),
                    title=h["title"],
                    url=_abs(request, h["url"]),
                    api_url=_api(request, "article", h["id"]),
                    region=_region(blocks.get(h["id"])),
                )
                for h in data["headlines"]
            ],
        )

    return _answer(request, build)
