"""Print reads with a fixed number of queries: what a page's layout and proof are made from,
and which articles a change to pages shows differently."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from articles.models import Article
from articles.text import plain_text
from issues.layout import LayoutArticle, PageGeometry, build_layout
from issues.models import Issue, Page, Placement
from issues.proofs import MASTHEAD_MM

WEEKDAYS = "一二三四五六日"


def _placements(page: Page) -> list[Placement]:
    return list(page.placements.select_related("article").prefetch_related("article__photos").order_by("position"))


def is_front_page(page: Page) -> bool:
    """The issue's first page carries the 报头."""
    return page.number == min(page.issue.pages.values_list("number", flat=True), default=page.number)


def layout_input(*, page: Page) -> tuple[list[LayoutArticle], PageGeometry, dict[int, str]]:
    """The page's articles as the layout core takes them (their text, to be set), its geometry,
    and the titles a public picture of it may show (published articles of a published issue
    only); three queries."""
    placements = _placements(page)
    publication = page.issue.publication
    geometry = PageGeometry(
        width_mm=publication.type_width_mm,
        height_mm=publication.type_height_mm,
        columns=publication.columns,
        body_pt=float(publication.body_font_pt),
    )
    articles = [
        LayoutArticle(
            id=p.article_id,
            title=p.article.title,
            kicker=p.article.kicker,
            subtitle=p.article.subtitle,
            body=plain_text(p.article.body),
            byline=p.article.byline,
            photos=tuple(_aspect(photo) for photo in p.article.photos.all()),
            captions=tuple(photo.caption for photo in p.article.photos.all()),
            position=p.position,
            pin_column=p.pin_column - 1 if p.pin_column else None,
            pin_columns=p.pin_columns,
        )
        for p in placements
    ]
    public = page.issue.status == Issue.Status.PUBLISHED
    titles = {
        p.article_id: p.article.title for p in placements if public and p.article.status == Article.Status.PUBLISHED
    }
    return articles, geometry, titles


def page_layout(*, page: Page) -> tuple[dict, dict[int, str]]:
    """The page laid out by the layout core (A01 with room for its 报头), as stored on the page,
    and the titles its public thumbnail may show."""
    articles, geometry, titles = layout_input(page=page)
    masthead_mm = MASTHEAD_MM if is_front_page(page) else 0.0
    return build_layout(articles, geometry, masthead_mm=masthead_mm).to_dict(), titles


def _aspect(photo) -> float:
    """A photo's width / height; 3:2 until the picture itself is there."""
    try:
        if photo.image and photo.image.width and photo.image.height:
            return photo.image.width / photo.image.height
    except (OSError, ValueError):
        pass
    return 1.5


def chinese_date(date) -> str:
    return f"{date.year}年{date.month}月{date.day}日 星期{WEEKDAYS[date.weekday()]}"


def proof_pages(*, pages: list[Page]) -> list[dict]:
    """What proofs.proof_pdf needs for these pages, as the admin and `manage.py proof` serve it:
    each page's layout (laid out here, in memory, where none is stored yet), its articles with
    their text, bylines and photos, its 报眉, and A01's 报头."""
    result = []
    for page in pages:
        issue = page.issue
        layout = page.layout if page.layout.get("blocks") is not None else page_layout(page=page)[0]
        articles = {
            p.article_id: {
                "title": p.article.title,
                "kicker": p.article.kicker,
                "subtitle": p.article.subtitle,
                "byline": p.article.byline,
                "body": plain_text(p.article.body),
                "photos": [
                    {"url": _file_url(photo), "aspect": _aspect(photo), "caption": photo.caption}
                    for photo in p.article.photos.all()
                ],
            }
            for p in _placements(page)
        }
        sheet = {
            "title": f"{issue} 第{page.code}版 {page.name}",
            "layout": layout,
            "articles": articles,
            "header": {
                "paper": issue.publication.name,
                "date": chinese_date(issue.date),
                "code": page.code,
                "name": page.name,
                "editor": page.editor,
            },
        }
        if is_front_page(page):
            sheet["masthead"] = {
                "name": issue.publication.name,
                "date": chinese_date(issue.date),
                "number": issue.number or "",
                "total": issue.running_number or "",
            }
        result.append(sheet)
    return result


def _file_url(photo) -> str | None:
    """A picture on local storage as a file:// address the proof renderer reads; None to draw its 图位."""
    if not photo.image:
        return None
    try:
        return Path(photo.image.path).as_uri()
    except (NotImplementedError, ValueError):
        return None


def articles_on_pages(*, pages: Iterable[int]) -> list[int]:
    """The ids of the articles on these pages: what a change to the pages shows differently."""
    return list(Placement.objects.filter(page__in=list(pages)).values_list("article_id", flat=True))
