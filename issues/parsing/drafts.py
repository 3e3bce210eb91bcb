"""An article being read, and the ParsedArticle it becomes when the next one opens."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import bylines
from .headlines import DECK_BULLETS
from .model import ParsedArticle
from .sections import BODY_CHARS, classify
from .text import ends_sentence, ends_with_colon

PHOTO_CAPTION_MAX = 240
PHOTO_ITEM_PARAGRAPHS = 2  # a photo item's caption text above its credit is this many paragraphs at most
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

    # -- what a line does to the story -----------------------------------------------
    def add_credit(self, no: int, text: str, credits: bylines.Credits, photo: bool) -> None:
        """A credit line: the byline (or more of it), a picture's credit, or the credit that makes the
        story a photo item (the text above it becomes the picture's caption)."""
        if not self.byline:
            self.byline, self.credits = text, credits + self.credits
            self.byline_after_text = bool(self.paragraphs)
            self.photo_credit = photo
        elif self.last == "byline":
            self.byline = f"{self.byline} {text}"
            self.credits = self.credits + credits
        elif photo and self.captions and self.last == "caption":
            self.captions[-1] = f"{self.captions[-1]} {text}"
            self.credits = self.credits + bylines.photo_credit_names(text)
            return
        elif photo and not credits and self.last == "text":
            # 图片由…提供 after the text: the pictures' credit, with no caption to join.
            self.captions.append(text)
            self.last, self.last_line = "caption", no
            return
        else:
            self.byline = f"{self.byline} {text}"
            self.credits = self.credits + credits
        if photo and self.byline_after_text and not self.subheads and len(self.paragraphs) <= PHOTO_ITEM_PARAGRAPHS:
            # A photo item: the text above its credit is the picture's caption, before any caption read after it.
            at = len(self.captions) - self.captions_since_text
            self.captions[at:at] = self.caption_blocks()
            self.paragraphs.clear()
            self.paragraph_gaps.clear()
        self.last, self.last_line = "byline", no

    def add_source(self, no: int, text: str, dateline: str) -> None:
        """（据新华社） closing the story: part of its byline."""
        self.byline = f"{self.byline} {text}".strip()
        self.dateline = self.dateline or dateline
        self.last, self.last_line = "source", no

    def add_closing(self, no: int, text: str, gap: int, rule: str) -> None:
        """A closing line (closings.py): the story's last paragraph."""
        self.paragraphs.append(text)
        self.paragraph_gaps.append(gap)
        self.closed_by = rule
        self.last, self.last_line = "closing", no

    def add_caption(self, no: int, text: str) -> None:
        self.captions.append(text)
        self.captions_since_text += 1
        self.credits = self.credits + bylines.photo_credit_names(text)
        self.last, self.last_line = "caption", no

    def add_subhead(self, texts: list[str], no: int) -> None:
        """An in-body heading before the next paragraph; a label's lines run together (现场直击：…)."""
        joined = texts[0]
        for text in texts[1:]:
            joined += text if ends_with_colon(joined) else f" {text}"
        self.subheads.append(joined)
        self.subhead_at.append(len(self.paragraphs))
        self.last, self.last_line = "subhead", no

    def add_lead(self, no: int, text: str, gap: int) -> None:
        """A lead or deck line, or a quoted sentence: a paragraph the next text does not run into."""
        self.paragraphs.append(text)
        self.paragraph_gaps.append(gap)
        self.last, self.last_line = "lead", no

    # -- questions about the story -----------------------------------------------------
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
