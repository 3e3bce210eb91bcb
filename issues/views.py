"""The reader's e-paper: today's issue, its pages drawn from their layouts, and the article page."""

import datetime

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import http_date

from newsroom.cache import cached_page

from . import selectors


@cached_page
def home(request):
    """The latest published issue, its first page."""
    issue = selectors.latest_issue()
    if issue is None:
        return render(request, "site/empty.html", status=200, using="jinja2")
    first = issue.pages.order_by("number").values_list("code", flat=True).first()
    if first is None:
        return redirect("site:issue", date=issue.date.isoformat())
    return redirect("site:page", date=issue.date.isoformat(), code=first)


def _issue_or_404(date: str):
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError as exc:
        raise Http404("日期格式应为 YYYY-MM-DD") from exc
    issue = selectors.issue_for_reader(day)
    if issue is None:
        raise Http404("这一天没有出版的报纸")
    return issue


@cached_page
def epaper_issue(request, date: str):
    issue = _issue_or_404(date)
    context = {
        "issue": issue,
        "pages": selectors.issue_pages(issue),
        "nav": selectors.issue_navigation(issue),
    }
    return render(request, "issues/issue.html", context, using="jinja2")


@cached_page
def epaper_page(request, date: str, code: str):
    issue = _issue_or_404(date)
    pages = list(issue.pages.order_by("number"))
    page = next((p for p in pages if p.code == code.upper()), None)
    if page is None:
        raise Http404("没有这一版")
    index = pages.index(page)
    placements = selectors.page_placements(page)
    layout = page.layout or {}
    by_article = {p.article_id: p.article for p in placements}
    zones = [
        {**block, "article": by_article[block["article"]], "headline_scale": round(block["headline_pt"] / 28, 2)}
        for block in layout.get("blocks", [])
        if block.get("article") in by_article
    ]
    nav = selectors.issue_navigation(issue)
    context = {
        "issue": issue,
        "page": page,
        "pages": pages,
        "previous_page": pages[index - 1] if index else None,
        "next_page": pages[index + 1] if index + 1 < len(pages) else None,
        "placements": placements,
        "zones": zones,
        "layout": layout,
        "nav": nav,
        "calendar": nav.month(issue.date),
    }
    return render(request, "issues/page.html", context, using="jinja2")


@cached_page
def article_detail(request, pk: int):
    article = selectors.article_for_reader(pk)
    if article is None:
        raise Http404("稿件不存在或尚未发布")
    response = render(request, "articles/article.html", {"article": article}, using="jinja2")
    response["Last-Modified"] = http_date(article.updated_at.timestamp())
    return response
