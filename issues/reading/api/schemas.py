"""The read API's answers (issues/reading/api.py), as typed schemas: the OpenAPI document at
/api/v1/openapi.json is made from them. Every link is absolute: `url` is the reading site's
page, `api_url` the same thing in the API."""

from __future__ import annotations

import datetime

from ninja import Schema
from pydantic import Field


class SectionOut(Schema):
    name: str
    slug: str
    url: str
    articles_api_url: str


class Byline(Schema):
    name: str
    slug: str
    role: str = Field(description="reporter, correspondent or photographer")
    role_label: str = Field(description="记者、通讯员、摄影")
    url: str
    api_url: str


class Photo(Schema):
    image: str | None = Field(description="None for a caption whose picture is not uploaded yet")
    caption: str
    credit: str


class Placement(Schema):
    """Where the article stands in print: 第A01版 of a dated issue."""

    publication: str = Field(description="the paper's code")
    paper: str
    date: datetime.date
    code: str
    label: str = Field(description="第A01版")
    url: str
    api_url: str


class Neighbour(Schema):
    id: int
    title: str
    url: str
    api_url: str


class ArticleOut(Schema):
    id: int
    url: str
    api_url: str
    kicker: str = Field(description="引题")
    title: str
    subtitle: str = Field(description="副题")
    rubric: str = Field(description="栏目标识 printed above the headline")
    dateline: str = Field(description="电头")
    byline: str = Field(description="the byline as printed")
    summary: str
    description: str = Field(description="the summary, or the body's opening words")
    body_html: str = Field(description="sanitised HTML")
    body_text: str
    published_at: datetime.datetime
    updated_at: datetime.datetime
    section: SectionOut | None
    bylines: list[Byline]
    photos: list[Photo]
    placements: list[Placement]
    previous: Neighbour | None = Field(description="上一篇 on the same page")
    next: Neighbour | None = Field(description="下一篇 on the same page")


class PrintedOn(Schema):
    date: datetime.date
    code: str
    label: str = Field(description="第A01版")


class ArticleItem(Schema):
    id: int
    url: str
    api_url: str
    kicker: str
    title: str
    subtitle: str
    section: SectionOut | None
    published_at: datetime.datetime
    printed: PrintedOn | None = Field(description="the issue and page it was printed on, once the issue is out")
    excerpt: str


class ArticleList(Schema):
    items: list[ArticleItem]
    next_cursor: str | None = Field(description="pass as ?cursor= for the next page; None on the last")
    next_url: str | None


class SearchOut(ArticleList):
    query: str
    terms: list[str] = Field(description="the query's words as the index segments them")


class PublicationOut(Schema):
    code: str
    name: str
    issues_api_url: str


class IssueItem(Schema):
    publication: str
    paper: str
    date: datetime.date
    number: int | None = Field(description="第N期")
    running_number: int | None = Field(description="总第N期")
    url: str
    api_url: str


class IssueList(Schema):
    items: list[IssueItem]
    next_cursor: str | None
    next_url: str | None


class Headline(Schema):
    id: int
    title: str
    url: str
    api_url: str


class PageItem(Schema):
    code: str
    number: int
    name: str
    label: str = Field(description="第A01版 要闻")
    url: str
    api_url: str
    image: str | None = Field(description="the drawn page, when there is one")
    headlines: list[Headline]


class IssueOut(Schema):
    publication: str
    paper: str
    date: datetime.date
    url: str
    api_url: str
    pages: list[PageItem]


class Region(Schema):
    """An article's area on the page, in fractions of the page (0..1) from its top left corner."""

    left: float
    top: float
    width: float
    height: float


class PageArticle(Schema):
    id: int
    kicker: str
    title: str
    url: str
    api_url: str
    region: Region | None = Field(description="None while the page has no layout")


class PageOut(Schema):
    publication: str
    paper: str
    date: datetime.date
    code: str
    number: int
    name: str
    label: str
    url: str
    api_url: str
    issue_api_url: str
    image: str | None = Field(description="the drawn page, when there is one")
    width_mm: float | None = Field(description="the type area the regions are fractions of")
    height_mm: float | None
    articles: list[PageArticle] = Field(description="in their order on the page, the lead first")


class ReporterOut(Schema):
    name: str
    slug: str
    kind: str
    kind_label: str
    organisation: str
    url: str
    api_url: str
    articles_api_url: str


class Problem(Schema):
    detail: str
