"""Print reads with a fixed number of queries: what a page's layout and proof are made from,
and which articles a change to pages shows differently."""

from __future__ import annotations

from collections.abc import Iterable

from articles.models import Article
from articles.text import plain_text
from issues.layout import LayoutArticle, PageGeometry, build_layout
from issues.models import Issue, Page, Placement


def layout_input(*, page: Page) -> tuple[list[LayoutArticle], PageGeometry, dict[int, str]]:
    """The page's articles as the layout core takes them, its geometry, and the titles a public
    picture of it may show (published articles of a published issue only); two queries."""
    placements = list(
        page.placements.select_related("article").prefetch_related("article__photos").order_by("position")
    )
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
            body_chars=p.article.word_count,
            paragraphs=max(1, p.article.body.count("<p")),
            photos=tuple(_aspect(photo) for photo in p.article.photos.all()),
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


def _aspect(photo) -> float:
    """A photo's width / height; 3:2 until the picture itself is there."""
    try:
        if photo.image and photo.image.width and photo.image.height:
            return photo.image.width / photo.image.height
    except (OSError, ValueError):
        pass
    return 1.5


def proof_pages(*, pages: list[Page]) -> list[dict]:
    """What proofs.proof_pdf needs for these pages; a page not laid out yet is laid out here, in
    memory (nothing is stored: the layout task stores it)."""
    result = []
    for page in pages:
        layout = page.layout
        if layout.get("blocks") is None:
            articles, geometry, _ = layout_input(page=page)
            layout = build_layout(articles, geometry).to_dict()
        articles = {
            p.article_id: {
                "title": p.article.title,
                "kicker": p.article.kicker,
                "subtitle": p.article.subtitle,
                "body": plain_text(p.article.body),
            }
            for p in page.placements.select_related("article")
        }
        result.append({"title": f"{page.issue} 第{page.code}版 {page.name}", "layout": layout, "articles": articles})
    return result


def articles_on_pages(*, pages: Iterable[int]) -> list[int]:
    """The ids of the articles on these pages: what a change to the pages shows differently."""
    return list(Placement.objects.filter(page__in=list(pages)).values_list("article_id", flat=True))
