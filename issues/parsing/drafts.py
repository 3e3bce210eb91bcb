"""An article being read, and the ParsedArticle it becomes when the next one opens."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import bylines
from .headlines import DECK_BULLETS
from .model import ParsedArticle
from .sections import BODY_CHARS, classify
from .text import ends_sentence

PHOTO_CAPTION_MAX = 240
DECK_MAX = 2  # deck lines between a headline and its dateline
DECK_LINE_MAX = 30  # a deck line without a bullet is this short


def is_deck(text: str) -> bool:
    """A deck line: a bulleted summary (■ 提要), or a short line that does not end a sentence."""
    text = text.strip()
    return text[:1] in DECK_BULLETS or (len(text) <= DECK_LINE_MAX and not ends_sentence(text))


@dataclass
class Draft:
    """An article being read; frozen into a ParsedArticle when the next one opens."""

    first_line: int
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    rubric: str = ""
    byline: str = ""
    dateline: str = ""
    credits: bylines.Credits = field(default_factory=bylines.Credits)
    paragraphs: list[str] = field(default_factory=list)
    subheads: list[str] = field(default_factory=list)
    subhead_at: list[int] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    continues: bool = False
    continued_from: bool = False
    last: str = ""  # what was added last: heading, byline, text, subhead, caption
    last_line: int = 0
    byline_after_text: bool = False
    photo_credit: bool = False  # the byline credits a picture (…摄)
    captions_since_text: int = 0  # captions read after its last paragraph (a picture below it)
    in_parts: bool = False  # its text comes in titled parts (诗二首: 山居, 听雨)
    ended: bool = False  # an end marker (完) closed it
    closed_by: str = ""  # the closing-line rule that read its last paragraph (closings.py)
    opened_by: str = ""  # what opened it: the first headline, the boundary rules, a dateline, a brief item
    paragraph_gaps: list[int] = field(default_factory=list)  # blank lines before each paragraph

    def caption_blocks(self) -> list[str]:
        """The text as a picture's caption: lines with no blank line between them are one block
        (a caption cut where a wrapped line happened to end on 。)."""
        blocks: list[str] = []
        for text, gap in zip(self.paragraphs, self.paragraph_gaps, strict=True):
            if blocks and not gap:
                blocks[-1] += text
            else:
                blocks.append(text)
        return blocks

    def is_photo_item(self) -> bool:
        """A picture with its credit above a line or two of text, and no dateline."""
        return (
            self.photo_credit
            and not self.dateline
            and not self.subheads
            and 0 < len(self.paragraphs) <= 2
            and sum(len(p) for p in self.paragraphs) <= PHOTO_CAPTION_MAX
        )

    def make_photo_item(self) -> None:
        """The text of a photo item is its picture's caption."""
        self.captions[:0] = self.caption_blocks()
        self.paragraphs, self.paragraph_gaps = [], []

    def has_deck_only(self) -> bool:
        """Under its headline, only deck lines so far: one or two ■ 提要 paragraphs or short lines."""
        return (
            bool(self.title)
            and not self.subheads
            and 0 < len(self.paragraphs) <= DECK_MAX
            and all(is_deck(p) for p in self.paragraphs)
        )

    def make_deck(self) -> None:
        """The deck lines stand between the headline and the dateline: in-body headings before the text."""
        self.subheads[:0] = self.paragraphs
        self.subhead_at[:0] = [0] * len(self.paragraphs)
        self.paragraphs, self.paragraph_gaps = [], []

    def freeze(self, page: str) -> ParsedArticle:
        """The finished article; `page` is the section the page's name gives."""
        credits = self.credits
        headline = " ".join(p for p in (self.kicker, self.title, self.subtitle) if p)
        return ParsedArticle(
            kicker=self.kicker,
            title=self.title,
            subtitle=self.subtitle,
            rubric=self.rubric,
            byline=self.byline,
            dateline=self.dateline,
            reporters=credits.reporters,
            correspondents=credits.correspondents,
            photographers=credits.photographers,
            paragraphs=tuple(self.paragraphs),
            subheads=tuple(self.subheads),
            subhead_at=tuple(self.subhead_at),
            captions=tuple(self.captions),
            section=classify(
                headline=headline,
                body=_lead_text(self.paragraphs + self.captions),
                rubric=self.rubric,
                byline=self.byline,
                page=page,
            ),
            continues=self.continues,
            continued_from=self.continued_from,
            first_line=self.first_line,
            last_line=self.last_line,
        )


def _lead_text(blocks: list[str]) -> str:
    """The first BODY_CHARS characters of a story: all that the section weights read."""
    text = ""
    for block in blocks:
        text += block
        if len(text) >= BODY_CHARS:
            break
    return text
