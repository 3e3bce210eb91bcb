"""The parser's output: frozen dataclasses that serialise to the page-parse JSON."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Repair:
    kind: str
    line: int
    dropped: str
    changed: str = ""  # a character replaced by another (",→，"), as punctuation.full_width_lines reports it

    def to_dict(self) -> dict:
        data = {"kind": self.kind, "line": self.line, "dropped": self.dropped}
        if self.changed:
            data["changed"] = self.changed
        return data


@dataclass(frozen=True)
class Warning:
    line: int
    message: str

    def to_dict(self) -> dict:
        return {"line": self.line, "message": self.message}


@dataclass(frozen=True)
class ParsedArticle:
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    rubric: str = ""
    byline: str = ""
    dateline: str = ""
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    subheads: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    section: str = ""
    continues: bool = False
    continued_from: bool = False
    # Where each subhead stands: the number of paragraphs before it. Not part of the JSON.
    subhead_at: tuple[int, ...] = field(default=(), compare=False)
    # Input line numbers (1-based) of the article's first and last lines; not part of the JSON.
    first_line: int = field(default=0, compare=False)
    last_line: int = field(default=0, compare=False)

    @property
    def headline(self) -> str:
        return " ".join(p for p in (self.kicker, self.title, self.subtitle) if p)

    def body_blocks(self) -> list[tuple[str, str]]:
        """Paragraphs and subheads in reading order, as ("p" | "subhead", text)."""
        blocks: list[tuple[str, str]] = []
        heads = sorted(zip(self.subhead_at, self.subheads, strict=False), key=lambda pair: pair[0])
        for i, paragraph in enumerate(self.paragraphs):
            blocks += [("subhead", text) for at, text in heads if at == i]
            blocks.append(("p", paragraph))
        blocks += [("subhead", text) for at, text in heads if at >= len(self.paragraphs)]
        return blocks

    def to_dict(self) -> dict:
        return {
            "kicker": self.kicker,
            "title": self.title,
            "subtitle": self.subtitle,
            "rubric": self.rubric,
            "byline": self.byline,
            "dateline": self.dateline,
            "reporters": list(self.reporters),
            "correspondents": list(self.correspondents),
            "photographers": list(self.photographers),
            "paragraphs": list(self.paragraphs),
            "subheads": list(self.subheads),
            "captions": list(self.captions),
            "section": self.section,
            "continues": self.continues,
            "continued_from": self.continued_from,
        }


@dataclass(frozen=True)
class ParsedPage:
    masthead: tuple[str, ...] = ()
    articles: tuple[ParsedArticle, ...] = ()
    unassigned: tuple[str, ...] = ()
    repairs: tuple[Repair, ...] = ()
    warnings: tuple[Warning, ...] = ()

    def to_dict(self) -> dict:
        return {
            "masthead": list(self.masthead),
            "articles": [a.to_dict() for a in self.articles],
            "unassigned": list(self.unassigned),
            "repairs": [r.to_dict() for r in self.repairs],
            "warnings": [w.to_dict() for w in self.warnings],
        }


class ParseError(ValueError):
    """The input cannot be read as a page of text."""
