"""An editor's corrections to a parsed page: merge an article into the one before, split one at a
paragraph, move a paragraph or a caption to another article, mark a paragraph as page furniture.

Corrections are plain values, kept with the import job and applied again, in order, to a
fresh parse of the same text. Each keeps every character: a merged article's headline
becomes an in-body heading of the article it joins; a split's first paragraph may become
the new article's title.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from .model import ParsedArticle, ParsedPage

MERGE, SPLIT, MOVE, MOVE_CAPTION, FURNITURE = "merge", "split", "move", "move_caption", "furniture"


class CorrectionError(ValueError):
    """The correction does not fit the page (no such article or paragraph)."""


@dataclass(frozen=True)
class Correction:
    # merge: article `article` joins the one before; split: it is cut before paragraph `paragraph`;
    # move / move_caption: its paragraph (caption) `paragraph` goes to the end of article `to`;
    # furniture: its paragraph `paragraph` is page furniture, not the story's text.
    kind: str
    article: int  # 0-based index in the page's articles
    paragraph: int = 0
    title_from_first_line: bool = False  # split: the new article's first paragraph is its title
    to: int = 0

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Correction:
        return cls(**{f.name: data[f.name] for f in dataclasses.fields(cls) if f.name in data})


def apply(page: ParsedPage, corrections: Iterable[Correction]) -> ParsedPage:
    """The page with the corrections applied in order; CorrectionError when one does not fit."""
    articles, furniture = list(page.articles), list(page.masthead)
    for correction in corrections:
        if correction.kind == MERGE:
            articles = _merge(articles, correction.article)
        elif correction.kind == SPLIT:
            articles = _split(articles, correction.article, correction.paragraph, correction.title_from_first_line)
        elif correction.kind == MOVE:
            articles = _move(articles, correction.article, correction.paragraph, correction.to)
        elif correction.kind == MOVE_CAPTION:
            articles = _move_caption(articles, correction.article, correction.paragraph, correction.to)
        elif correction.kind == FURNITURE:
            articles, text = _take(articles, correction.article, correction.paragraph)
            furniture.append(text)
        else:
            raise CorrectionError(f"未知的更正类型：{correction.kind}")
    return dataclasses.replace(page, articles=tuple(articles), masthead=tuple(furniture))


def _take(articles: list[ParsedArticle], i: int, k: int) -> tuple[list[ParsedArticle], str]:
    """Article i without its paragraph k (its subheads kept in place), and that paragraph."""
    if not 0 <= i < len(articles) or not 0 <= k < len(articles[i].paragraphs):
        raise CorrectionError(f"第 {i + 1} 篇稿件没有第 {k + 1} 段")
    article = articles[i]
    shifted = tuple(at - 1 if at > k else at for at in article.subhead_at)
    rest = dataclasses.replace(
        article, paragraphs=article.paragraphs[:k] + article.paragraphs[k + 1 :], subhead_at=shifted
    )
    return [*articles[:i], rest, *articles[i + 1 :]], article.paragraphs[k]


def _move(articles: list[ParsedArticle], i: int, k: int, to: int) -> list[ParsedArticle]:
    if not 0 <= to < len(articles) or to == i:
        raise CorrectionError(f"没有可以移入的第 {to + 1} 篇稿件")
    articles, text = _take(articles, i, k)
    target = articles[to]
    articles[to] = dataclasses.replace(target, paragraphs=(*target.paragraphs, text))
    return articles


def _move_caption(articles: list[ParsedArticle], i: int, k: int, to: int) -> list[ParsedArticle]:
    if not 0 <= i < len(articles) or not 0 <= k < len(articles[i].captions):
        raise CorrectionError(f"第 {i + 1} 篇稿件没有第 {k + 1} 条图片说明")
    if not 0 <= to < len(articles) or to == i:
        raise CorrectionError(f"没有可以移入的第 {to + 1} 篇稿件")
    article, target = articles[i], articles[to]
    caption = article.captions[k]
    articles = list(articles)
    articles[i] = dataclasses.replace(article, captions=article.captions[:k] + article.captions[k + 1 :])
    articles[to] = dataclasses.replace(target, captions=(*target.captions, caption))
    return articles


def _merge(articles: list[ParsedArticle], i: int) -> list[ParsedArticle]:
    if not 0 < i < len(articles):
        raise CorrectionError(f"第 {i + 1} 篇稿件之前没有稿件可以合并")
    above, below = articles[i - 1], articles[i]
    heads = [h for h in (below.headline,) if h]
    subheads = list(above.subheads) + heads + list(below.subheads)
    at = len(above.paragraphs)
    subhead_at = list(above.subhead_at) + [at] * len(heads) + [at + n for n in below.subhead_at]
    merged = dataclasses.replace(
        above,
        byline=" ".join(b for b in (above.byline, below.byline) if b),
        reporters=_union(above.reporters, below.reporters),
        correspondents=_union(above.correspondents, below.correspondents),
        photographers=_union(above.photographers, below.photographers),
        paragraphs=above.paragraphs + below.paragraphs,
        subheads=tuple(subheads),
        subhead_at=tuple(subhead_at),
        captions=above.captions + below.captions,
        rubric=" ".join(r for r in (above.rubric, below.rubric) if r),
        continues=below.continues,
        last_line=below.last_line,
    )
    return [*articles[: i - 1], merged, *articles[i + 1 :]]


def _split(articles: list[ParsedArticle], i: int, k: int, title_from_first_line: bool) -> list[ParsedArticle]:
    if not 0 <= i < len(articles) or not 0 < k < len(articles[i].paragraphs):
        raise CorrectionError(f"第 {i + 1} 篇稿件不能在第 {k + 1} 段处拆分")
    article = articles[i]
    heads = list(zip(article.subhead_at, article.subheads, strict=True))
    first = dataclasses.replace(
        article,
        paragraphs=article.paragraphs[:k],
        subheads=tuple(text for at, text in heads if at < k),
        subhead_at=tuple(at for at, _ in heads if at < k),
        continues=False,
    )
    paragraphs = article.paragraphs[k:]
    title = ""
    if title_from_first_line and len(paragraphs) > 1:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    shift = k + (1 if title else 0)
    second = ParsedArticle(
        title=title,
        paragraphs=paragraphs,
        subheads=tuple(text for at, text in heads if at >= k),
        subhead_at=tuple(max(at - shift, 0) for at, _ in heads if at >= k),
        section=article.section,
        continues=article.continues,
        last_line=article.last_line,
    )
    return [*articles[:i], first, second, *articles[i + 1 :]]


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a + b))
