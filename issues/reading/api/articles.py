"""The read API's articles: one article, the latest, sections, reporters and search."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import RootModel

from articles import search
from articles.models import Article, Byline, Reporter, SearchDocument, Section
from articles.text import excerpt, plain_text
from issues.reading import selectors
from issues.reading.filters import SearchFilter
from issues.reading.jinja2 import url

from . import schemas
from .answers import absolute, answer, api_link
from .keyset import NEWEST, NEWEST_DOCUMENTS, RANKED_DOCUMENTS, Cursor, Limit, keyset_page

router = Router(tags=["articles"])
_ROLE_CODES = {label: code for code, label in Byline.Role.choices}


def _section(request: HttpRequest, section: dict | Section | None) -> schemas.SectionOut | None:
    if not section:
        return None
    name, slug = (section["name"], section["slug"]) if isinstance(section, dict) else (section.name, section.slug)
    return schemas.SectionOut(
        name=name,
        slug=slug,
        url=absolute(request, url("site:section", slug)),
        articles_api_url=api_link(request, "section_articles", slug),
    )


def _item(request: HttpRequest, article: Article, text: str, printed: Article | SearchDocument) -> schemas.ArticleItem:
    """A list item; `printed` carries the list's print_date and print_code (selectors.reader_list, search_documents)."""
    return schemas.ArticleItem(
        id=article.pk,
        url=absolute(request, article.get_absolute_url()),
        api_url=api_link(request, "article", article.pk),
        kicker=article.kicker,
        title=article.title,
        subtitle=article.subtitle,
        section=_section(request, article.section),
        published_at=article.published_at,
        printed=schemas.PrintedOn(date=printed.print_date, code=printed.print_code, label=f"第{printed.print_code}版")
        if printed.print_date
        else None,
        excerpt=text,
    )


def _description(article: Article) -> str:
    return excerpt(article.summary or plain_text(article.body[:2000]), selectors.DESCRIPTION_LENGTH)


def _article_list(request: HttpRequest, articles: QuerySet[Article], cursor: str | None, limit: int):
    found, following, next_url = keyset_page(request, selectors.reader_list(articles), NEWEST, cursor, limit)
    items = [_item(request, article, _description(article), article) for article in found]
    return schemas.ArticleList(items=items, next_cursor=following, next_url=next_url)


@router.get("/articles/{int:pk}", response={200: schemas.ArticleOut, 404: schemas.Problem}, url_name="article")
def article(request: HttpRequest, pk: int):
    """A published article: its headline, bylines, body (HTML and text), photos, section and place in print."""

    def build() -> schemas.ArticleOut:
        read = selectors.article_for_api(pk)
        if read is None:
            raise HttpError(404, "稿件不存在或尚未发布。")
        found, extras = read
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
                    url=absolute(request, printed["url"]),
                    api_url=api_link(
                        request, "page", extras["publication"], printed["date"].isoformat(), printed["code"]
                    ),
                )
            )

        def neighbour(other: dict | None) -> schemas.Neighbour | None:
            return other and schemas.Neighbour(
                id=other["id"],
                title=other["title"],
                url=absolute(request, other["url"]),
                api_url=api_link(request, "article", other["id"]),
            )

        return schemas.ArticleOut(
            id=found.id,
            url=absolute(request, url("site:article", found.id)),
            api_url=api_link(request, "article", found.id),
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
                    url=absolute(request, b["url"]),
                    api_url=api_link(request, "reporter", b["slug"]),
                )
                for b in found.bylines
            ],
            photos=[
                schemas.Photo(
                    image=absolute(request, p["url"]) if p["url"] else None, caption=p["caption"], credit=p["credit"]
                )
                for p in found.photos
            ],
            placements=placements,
            previous=neighbour(found.previous),
            next=neighbour(found.next),
        )

    return answer(request, build)


@router.get("/latest", response=schemas.ArticleList, url_name="latest")
def latest(request: HttpRequest, cursor: str | None = Cursor, limit: int = Limit):
    """The newest published articles, newest first."""
    return answer(request, lambda: _article_list(request, Article.objects.all(), cursor, limit))


# -- sections and reporters ------------------------------------------------------------


@router.get("/sections", response=list[schemas.SectionOut], url_name="sections")
def sections(request: HttpRequest):
    """The paper's sections (栏目), in the site's order."""

    def build():
        return RootModel[list[schemas.SectionOut]](root=[_section(request, s) for s in Section.objects.all()])

    return answer(request, build)


@router.get(
    "/sections/{slug}/articles", response={200: schemas.ArticleList, 404: schemas.Problem}, url_name="section_articles"
)
def section_articles(request: HttpRequest, slug: str, cursor: str | None = Cursor, limit: int = Limit):
    """A section's published articles, newest first."""

    def build():
        section = selectors.section_by_slug(slug)
        if section is None:
            raise HttpError(404, "没有这个栏目。")
        return _article_list(request, Article.objects.filter(section=section.pk), cursor, limit)

    return answer(request, build)


def _reporter(slug: str) -> Reporter:
    """A reporter with published work; anyone else is not shown to readers."""
    published = Byline.objects.filter(reporter=OuterRef("pk"), article__status=Article.Status.PUBLISHED)
    found = Reporter.objects.filter(Exists(published), slug=slug).first()
    if found is None:
        raise HttpError(404, "没有这位记者的已发布稿件。")
    return found


@router.get("/reporters/{slug}", response={200: schemas.ReporterOut, 404: schemas.Problem}, url_name="reporter")
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
            url=absolute(request, url("site:reporter", found.slug)),
            api_url=api_link(request, "reporter", found.slug),
            articles_api_url=api_link(request, "reporter_articles", found.slug),
        )

    return answer(request, build)


@router.get(
    "/reporters/{slug}/articles",
    response={200: schemas.ArticleList, 404: schemas.Problem},
    url_name="reporter_articles",
)
def reporter_articles(request: HttpRequest, slug: str, cursor: str | None = Cursor, limit: int = Limit):
    """A reporter's published articles, newest first."""

    def build():
        found = _reporter(slug)
        return _article_list(request, Article.objects.filter(bylines__reporter=found).distinct(), cursor, limit)

    return answer(request, build)


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


@router.get("/search", response={200: schemas.SearchOut, 400: schemas.Problem}, url_name="search")
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
            _item(request, doc.article, search.excerpt_around(plain_text(doc.article.body), terms), doc)
            for doc in found
        ]
        return schemas.SearchOut(query=q, terms=terms, items=items, next_cursor=following, next_url=next_url)

    return answer(request, build)
