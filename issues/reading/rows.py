"""The reading site's rows: what an article page and an e-paper page show, one row each.

Derived from the tables, never edited: rewritten when a change readers see commits
(receivers.py hears of it from articles/changes.py), and rebuilt whole by
`manage.py refresh_reader_rows`. Writing a row again is always safe.

- Article rows (issues.PublishedArticle): the article page's JSON, built by one
  INSERT…SELECT from the tables (the same SQL serves an article that has no row yet).
- Page rows (issues.PublishedPage): the e-paper page's JSON with links, labels and
  areas resolved, for every visible page of a published issue. A page is visible once
  it has a published article; an empty page has no row and readers get a 404.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Q

from articles.models import Article
from articles.text import excerpt, plain_text
from issues.models import Issue, Page, Placement, PublishedArticle, PublishedPage

from .jinja2 import cn_date, url

# Everything the article page shows, as one JSON object per article: read live by the
# page when an article has no reader row yet, and stored as its row by
# articles_refresh below. {nest} keeps SQLite's nested JSON as JSON.
_PAYLOAD = """{obj}(
    'id', a.id, 'kicker', a.kicker, 'title', a.title, 'subtitle', a.subtitle, 'dateline', a.dateline,
    'byline', a.byline, 'body', a.body, 'summary', a.summary,
    'published_at', a.published_at, 'updated_at', a.updated_at,
    'section', CASE WHEN s.id IS NOT NULL THEN {nest}({obj}('name', s.name, 'slug', s.slug)) END,
    'print_page', CASE WHEN i.status = 'published'
                       THEN {nest}({obj}('code', pg.code, 'date', i.date, 'publication', pub.name)) END,
    'bylines', {nest}((SELECT {agg}({obj}('name', r.name, 'slug', r.slug, 'role', b.role, 'order', b."order"))
                         FROM articles_byline b JOIN articles_reporter r ON r.id = b.reporter_id
                        WHERE b.article_id = a.id)),
    'photos', {nest}((SELECT {agg}({obj}('image', p.image, 'caption', p.caption, 'credit', p.credit,
                                         'order', p."order"))
                        FROM articles_photo p WHERE p.article_id = a.id)),
    'previous', CASE WHEN i.status = 'published' THEN {nest}((
        SELECT {obj}('id', a2.id, 'title', a2.title) FROM issues_placement p2
          JOIN articles_article a2 ON a2.id = p2.article_id
         WHERE p2.page_id = pl.page_id AND a2.status = 'published' AND p2.position < pl.position
         ORDER BY p2.position DESC LIMIT 1)) END,
    'next', CASE WHEN i.status = 'published' THEN {nest}((
        SELECT {obj}('id', a2.id, 'title', a2.title) FROM issues_placement p2
          JOIN articles_article a2 ON a2.id = p2.article_id
         WHERE p2.page_id = pl.page_id AND a2.status = 'published' AND p2.position > pl.position
         ORDER BY p2.position ASC LIMIT 1)) END
)"""
_PAYLOAD_FROM = """
  FROM articles_article a
  LEFT JOIN articles_section s ON s.id = a.section_id
  LEFT JOIN issues_placement pl ON pl.article_id = a.id
  LEFT JOIN issues_page pg ON pg.id = pl.page_id
  LEFT JOIN issues_issue i ON i.id = pg.issue_id
  LEFT JOIN issues_publication pub ON pub.id = i.publication_id
 WHERE a.status = 'published'
"""
_JSON = {
    "postgresql": {"agg": "json_agg", "obj": "json_build_object", "nest": ""},
    "sqlite": {"agg": "json_group_array", "obj": "json_object", "nest": "json"},
}
# The page's own read: the stored row (an article leaving print loses it in the same
# transaction, so a row is always a published article's).
ARTICLE_ROW_SQL = "SELECT data FROM issues_publishedarticle WHERE article_id = %s"


def payload_sql(where: str, also: str = "NULL") -> str:
    """SELECT a.id, <the article page's JSON>, <also> for the published articles matching `where`."""
    return f"SELECT a.id, {_PAYLOAD.format(**_JSON[connection.vendor])}, {also} {_PAYLOAD_FROM} AND {where}"


REFRESH_CHUNK = 500


@transaction.atomic
def articles_refresh(*, article_ids: Iterable[int]) -> bool:
    """Write again the rows of these articles and of their neighbours on the page; True if
    readers see a difference (a row written or removed). An article no longer published
    loses its row."""
    ids = set(article_ids)
    if not ids:
        return False
    # 上一篇 / 下一篇 show the titles of the published articles either side on the page.
    # (In chunks, as below: PostgreSQL takes at most 65,535 parameters a query.)
    given = sorted(ids)
    for start in range(0, len(given), REFRESH_CHUNK):
        on_their_pages = Placement.objects.filter(page__placements__article__in=given[start : start + REFRESH_CHUNK])
        ids.update(on_their_pages.values_list("article_id", flat=True))
    changed = 0
    ordered = sorted(ids)
    with connection.cursor() as cursor:
        for start in range(0, len(ordered), REFRESH_CHUNK):
            chunk = ordered[start : start + REFRESH_CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            # Upserted, not deleted and inserted: two refreshes of one article may run at once.
            cursor.execute(
                "INSERT INTO issues_publishedarticle (article_id, data, refreshed_at) "
                + payload_sql(f"a.id IN ({marks})", also="CURRENT_TIMESTAMP")
                + " ON CONFLICT (article_id) DO UPDATE SET data = excluded.data, refreshed_at = excluded.refreshed_at",
                chunk,
            )
            changed += cursor.rowcount
            cursor.execute(
                f"DELETE FROM issues_publishedarticle WHERE article_id IN ({marks}) AND article_id NOT IN "
                f"(SELECT id FROM articles_article WHERE id IN ({marks}) AND status = 'published')",
                chunk + chunk,
            )
            changed += cursor.rowcount
    return changed > 0


def rebuild() -> tuple[int, int]:
    """Write every row again (after a deploy, or to check): (articles, issues)."""
    ids = list(Article.objects.published().values_list("pk", flat=True))
    articles_refresh(article_ids=ids)
    return len(ids), pages_rebuild()


def articles_drop(*, article_ids: Iterable[int]) -> None:
    """Remove these articles' rows now (they left the public), in the caller's transaction."""
    PublishedArticle.objects.filter(article_id__in=list(article_ids)).delete()


# -- page rows ---------------------------------------------------------------------

EXCERPT_CHARS = 900


def issues_of(*, article_ids: Iterable[int] = (), page_ids: Iterable[int] = ()) -> set[int]:
    """The issues whose pages show these articles or are these pages; one query."""
    articles, pages = list(article_ids), list(page_ids)
    if not articles and not pages:
        return set()
    return set(
        Page.objects.filter(Q(pk__in=pages) | Q(placements__article__in=articles)).values_list("issue_id", flat=True)
    )


@transaction.atomic
def pages_refresh(*, issue_ids: Iterable[int]) -> bool:
    """Write again the page rows of every page of these issues (a page names its issue's other
    pages, so they go together); pages no longer visible lose their rows. A fixed number of
    queries, whatever the number of pages. True if anything was written or removed."""
    ids = sorted(set(issue_ids))
    if not ids:
        return False
    rows = [
        PublishedPage(
            page_id=pk,
            date=data["date"],
            code=data["code"],
            number=data["number"],
            publication_id=data["publication_id"],
            data=json.dumps(data, ensure_ascii=False),
        )
        for pk, data in _page_rows(issue_ids=ids).items()
    ]
    fields = ["date", "code", "number", "publication", "data"]
    PublishedPage.objects.bulk_create(rows, update_conflicts=True, unique_fields=["page"], update_fields=fields)
    gone = PublishedPage.objects.filter(page__issue__in=ids).exclude(page__in=[row.page_id for row in rows])
    removed, _ = gone.delete()
    return bool(rows) or removed > 0


def pages_rebuild() -> int:
    """Write every page row again; the number of issues."""
    ids = list(Issue.objects.published().values_list("pk", flat=True))
    for start in range(0, len(ids), REFRESH_CHUNK):
        pages_refresh(issue_ids=ids[start : start + REFRESH_CHUNK])
    return len(ids)


def page_live(*, page: Page) -> dict | None:
    """A page row's data built from the tables, for a page whose row is not written yet."""
    return _page_rows(issue_ids=[page.issue_id]).get(page.pk)


def issue_live(*, issue_id: int) -> list[dict]:
    """The rows' data of an issue's visible pages, in order, built from the tables."""
    return sorted(_page_rows(issue_ids=[issue_id]).values(), key=lambda data: data["number"])


def _page_rows(*, issue_ids: list[int]) -> dict[int, dict]:
    """{page id: its row's data} for the visible pages of these published issues; two queries."""
    pages = list(
        Page.objects.filter(issue__in=issue_ids, issue__status=Issue.Status.PUBLISHED)
        .select_related("issue__publication")
        .order_by("issue_id", "number")
    )
    placed: dict[int, list[Placement]] = defaultdict(list)
    for placement in (
        Placement.objects.filter(page__in=[p.pk for p in pages], article__status=Article.Status.PUBLISHED)
        .select_related("article")
        .only("page_id", "position", "article__id", "article__title", "article__kicker", "article__body")
        .order_by("position")
    ):
        placed[placement.page_id].append(placement)
    by_issue: dict[int, list[Page]] = defaultdict(list)
    for page in pages:
        if placed[page.pk]:  # an empty page is never public
            by_issue[page.issue_id].append(page)
    result = {}
    for visible in by_issue.values():
        for index, page in enumerate(visible):
            result[page.pk] = _page_data(page=page, visible=visible, index=index, placements=placed[page.pk])
    return result


def _page_data(*, page: Page, visible: list[Page], index: int, placements: list[Placement]) -> dict:
    """Everything the e-paper page shows, links and labels resolved: the template only prints it."""
    issue = page.issue
    day = issue.date.isoformat()
    layout = page.layout or {}
    by_article = {p.article_id: p.article for p in placements}
    zones = [
        {
            "id": block["article"],
            "url": url("site:article", block["article"]),
            "kicker": by_article[block["article"]].kicker,
            "title": by_article[block["article"]].title,
            # Blocks stand in page fractions (0..1).
            "style": "left:{:.3f}%;top:{:.3f}%;width:{:.3f}%;height:{:.3f}%".format(
                100 * block["left"], 100 * block["top"], 100 * block["width"], 100 * block["height"]
            ),
            "title_style": f"font-size:{round(block.get('headline_pt', 28) / 28, 2)}em",
            "columns": block.get("columns", 1),
            "excerpt": excerpt(plain_text(by_article[block["article"]].body), EXCERPT_CHARS),
        }
        for block in layout.get("blocks", [])
        if block.get("article") in by_article
    ]  # fmt: skip

    def link(other: Page) -> dict:
        return {"url": url("site:page", day, other.code), "label": f"第{other.code}版 {other.name}".strip()}

    paper = issue.publication.name
    return {
        "paper": paper,
        "publication_id": issue.publication_id,
        "date": day,
        "code": page.code,
        "number": page.number,
        "name": page.name,
        "url": url("site:page", day, page.code),
        "title": f"第{page.code}版 {page.name} · {paper} {cn_date(issue.date)}",
        "og_title": f"{paper} {cn_date(issue.date)} 第{page.code}版",
        "heading": f"第{page.code}版 · {page.name}" if page.name else f"第{page.code}版",
        "date_display": cn_date(issue.date, weekday=True),
        "issue_url": url("site:issue", day),
        "thumbnail": layout.get("thumbnail", ""),
        "previous": link(visible[index - 1]) if index else None,
        "next": link(visible[index + 1]) if index + 1 < len(visible) else None,
        "sheet": f"aspect-ratio: {layout['width_mm']} / {layout['height_mm']}" if zones else "",
        "masthead": _masthead(issue, layout) if zones else None,
        "zones": zones,
        "headlines": [
            {"id": p.article_id, "url": url("site:article", p.article_id), "title": p.article.title} for p in placements
        ],
        "pages": [{**link(other), "current": other.pk == page.pk} for other in visible],
    }


def _masthead(issue: Issue, layout: dict) -> dict | None:
    """A01's 报头 where the layout kept its band: the paper's name, the date, 期号 and 总期号."""
    height = layout.get("masthead_mm") or 0
    if not height:
        return None
    width = layout.get("masthead_width_mm") or layout["width_mm"]
    numbers = "  ".join(
        text for text in (f"第{issue.number}期" if issue.number else "", f"总第{issue.running_number}期"
                          if issue.running_number else "") if text
    )  # fmt: skip
    return {
        "name": issue.publication.name,
        "date": cn_date(issue.date, weekday=True),
        "numbers": numbers,
        "style": f"left:0;top:0;width:{100 * width / layout['width_mm']:.3f}%;"
        f"height:{100 * height / layout['height_mm']:.3f}%",
    }
