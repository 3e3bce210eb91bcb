"""The reading site's pages: the e-paper (front page, issue, page), the article page, sections,
reporters and search. Thin: each reads through selectors and renders a Jinja2 template."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.http import http_date

from articles import search
from articles.models import Article, Reporter, SearchDocument

from . import selectors
from .cache import cached_page
from .filters import SearchFilter

PER_PAGE = 20
MAX_PAGE = 500  # 10,000 items deep: beyond that, readers search or use the archive


@dataclass
class ListPage:
    """One page of a list, without counting every row: a common word in a big archive, or a
    busy section, would otherwise cost a scan of all its rows on every request."""

    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    def __iter__(self):
        return iter(self.object_list)

    @classmethod
    def of(cls, queryset, number: str | None, per_page: int = PER_PAGE) -> ListPage:
        """The page asked for; past MAX_PAGE (or not a number) a reader gets a 404, not a server error."""
        try:
            page = max(1, int(number or 1))
        except ValueError:
            page = 1
        if page > MAX_PAGE:
            raise Http404("没有这一页")
        start = (page - 1) * per_page
        rows = list(queryset[start : start + per_page + 1])
        return cls(rows[:per_page], page, len(rows) > per_page)


def _day_or_404(date: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(date)
    except ValueError as exc:
        raise Http404("日期格式应为 YYYY-MM-DD") from exc


def _page_response(request, page: dict):
    day = datetime.date.fromisoformat(page["date"])
    nav = selectors.issue_navigation(publication_id=page["publication_id"], day=day)
    context = {"page": page, "nav": nav, "calendar": nav.month(day), "month": f"{day.year}年{day.month}月"}
    return render(request, "issues/page.html", context, using="jinja2")


@cached_page
def home(request):
    """The front page: the latest issue's first page, as the e-paper shows it."""
    page = selectors.front_page()
    if page is None:
        return render(request, "site/empty.html", status=200, using="jinja2")
    return _page_response(request, page)


@cached_page
def epaper_issue(request, date: str):
    day = _day_or_404(date)
    pages = selectors.issue_for_reader(day)
    if not pages:
        raise Http404("这一天没有出版的报纸")
    nav = selectors.issue_navigation(publication_id=pages[0]["publication_id"], day=day)
    return render(request, "issues/issue.html", {"first": pages[0], "pages": pages, "nav": nav}, using="jinja2")


@cached_page
def epaper_page(request, date: str, code: str):
    page = selectors.page_for_reader(_day_or_404(date), code.upper())
    if page is None:
        raise Http404("没有这一版")
    return _page_response(request, page)


@cached_page
def article_detail(request, pk: int):
    article = selectors.article_for_reader(pk)
    if article is None:
        raise Http404("稿件不存在或尚未发布")
    response = render(request, "articles/article.html", {"article": article}, using="jinja2")
    response["Last-Modified"] = http_date(article.updated_at.timestamp())
    return response


@cached_page
def section_detail(request, slug: str):
    section = selectors.section_by_slug(slug)
    if section is None:
        raise Http404("没有这个栏目")
    page = ListPage.of(selectors.reader_list(Article.objects.filter(section=section.pk)), request.GET.get("page"))
    return render(request, "articles/section.html", {"section": section, "page_obj": page}, using="jinja2")


@cached_page
def reporter_detail(request, slug: str):
    reporter = get_object_or_404(Reporter, slug=slug)
    articles = selectors.reader_list(Article.objects.filter(bylines__reporter=reporter).distinct())
    page = ListPage.of(articles, request.GET.get("page"))
    if not page.object_list and page.number == 1:
        raise Http404("没有这位作者")  # only people with published work are public
    return render(request, "articles/reporter.html", {"reporter": reporter, "page_obj": page}, using="jinja2")


@cached_page
def search_view(request):
    query = request.GET.get("q", "").strip()[:100]
    filters = SearchFilter(request.GET, queryset=SearchDocument.objects.all())
    ranked = request.GET.get("sort") == "rank"
    documents, terms = selectors.search_documents(query=query, documents=filters.qs, ranked=ranked)
    page = ListPage.of(documents, request.GET.get("page"))
    results = [
        {
            "article": doc.article,
            "title": search.highlight_spans(doc.article.title, terms),
            "excerpt": search.highlight_spans(
                search.excerpt_around(selectors.plain_text(doc.article.body), terms), terms
            ),
            "print_date": doc.print_date,
            "print_code": doc.print_code,
            "published_at": doc.article.published_at,
        }
        for doc in page.object_list
    ]
    keep = request.GET.copy()
    keep.pop("page", None)
    context = {
        "query": query,
        "filters": filters,
        "page_obj": page,
        "results": results,
        "querystring": keep.urlencode(),
        "ranked": ranked,
    }
    return render(request, "articles/search.html", context, using="jinja2")
