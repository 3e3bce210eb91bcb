"""The read API's paper: publications, their issues and the pages of an issue, with each article's region."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError
from pydantic import RootModel

from issues.models import Publication
from issues.reading import selectors
from issues.reading.jinja2 import url

from . import schemas
from .answers import absolute, answer, api_link, day_or_404
from .keyset import ISSUES, Cursor, Limit, keyset_page

router = Router(tags=["paper"])


@router.get("/publications", response=list[schemas.PublicationOut], url_name="publications")
def publications(request: HttpRequest):
    """The papers with published issues."""

    def build():
        papers = Publication.objects.filter(Exists(selectors.paper_issues().filter(publication=OuterRef("pk"))))
        return RootModel[list[schemas.PublicationOut]](
            root=[
                schemas.PublicationOut(
                    code=p.code, name=p.name, issues_api_url=api_link(request, "issues") + f"?publication={p.code}"
                )
                for p in papers
            ]
        )

    return answer(request, build)


PaperCode = Query(None, description="a paper's code")


@router.get("/issues", response=schemas.IssueList, url_name="issues")
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
                url=absolute(request, url("site:issue", i.date.isoformat())),
                api_url=api_link(request, "issue", i.publication.code, i.date.isoformat()),
            )
            for i in rows
        ]
        return schemas.IssueList(items=items, next_cursor=following, next_url=next_url)

    return answer(request, build)


def _headlines(request: HttpRequest, page: dict) -> list[schemas.Headline]:
    return [
        schemas.Headline(
            id=h["id"], title=h["title"], url=absolute(request, h["url"]), api_url=api_link(request, "article", h["id"])
        )
        for h in page["headlines"]
    ]


def _image(request: HttpRequest, page: dict) -> str | None:
    return absolute(request, page["thumbnail"]) if page.get("thumbnail") else None


def _label(page: dict) -> str:
    return f"第{page['code']}版 {page['name']}".strip()


@router.get("/issues/{publication}/{date}", response={200: schemas.IssueOut, 404: schemas.Problem}, url_name="issue")
def issue(request: HttpRequest, publication: str, date: str):
    """A published issue: its visible pages in order, each with its headlines."""

    def build():
        pages = selectors.paper_issue_pages(publication=publication, day=day_or_404(date))
        if not pages:
            raise HttpError(404, "这一天没有出版的报纸。")
        first = pages[0]
        return schemas.IssueOut(
            publication=publication,
            paper=first["paper"],
            date=first["date"],
            url=absolute(request, first["issue_url"]),
            api_url=api_link(request, "issue", publication, first["date"]),
            pages=[
                schemas.PageItem(
                    code=p["code"],
                    number=p["number"],
                    name=p["name"],
                    label=_label(p),
                    url=absolute(request, p["url"]),
                    api_url=api_link(request, "page", publication, p["date"], p["code"]),
                    image=_image(request, p),
                    headlines=_headlines(request, p),
                )
                for p in pages
            ],
        )

    return answer(request, build)


def _region(block: dict | None) -> schemas.Region | None:
    if block is None:
        return None
    return schemas.Region(**{side: round(float(block[side]), 4) for side in ("left", "top", "width", "height")})


@router.get(
    "/issues/{publication}/{date}/pages/{code}", response={200: schemas.PageOut, 404: schemas.Problem}, url_name="page"
)
def page(request: HttpRequest, publication: str, date: str, code: str):
    """A published page (版): its image when drawn, and each article's region on it in fractions of the page."""

    def build():
        found = selectors.paper_page(publication=publication, day=day_or_404(date), code=code.upper())
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
            url=absolute(request, data["url"]),
            api_url=api_link(request, "page", publication, data["date"], data["code"]),
            issue_api_url=api_link(request, "issue", publication, data["date"]),
            image=_image(request, data),
            width_mm=layout.get("width_mm"),
            height_mm=layout.get("height_mm"),
            articles=[
                schemas.PageArticle(
                    id=h["id"],
                    kicker=kickers.get(h["id"], ""),
                    title=h["title"],
                    url=absolute(request, h["url"]),
                    api_url=api_link(request, "article", h["id"]),
                    region=_region(blocks.get(h["id"])),
                )
                for h in data["headlines"]
            ],
        )

    return answer(request, build)
