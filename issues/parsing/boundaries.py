"""Does a new story start at this heading, or is it a heading inside the story above?

A run of heading lines standing inside an open story is either the next story's headline
or an in-body heading (a feature's subhead, a box's label, a poem's part). Each rule
below is one clue with a weight: positive says a new story starts, negative says the
heading belongs to the story above. The sum decides; `--explain` prints it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from . import lines as L
from .drafts import DECK_MAX, Draft, is_deck
from .rules import Rule, Verdict, totals, weigh
from .text import CJK, ends_sentence, squeeze

DECISIVE = 50.0  # a clue that settles the question alone
BIAS = -0.5  # with no clue either way, a heading inside a story stays in it
SUBJECT_ABOVE_CHARS = 800  # the story above, as far back as its subject is compared
SUBJECT_BELOW_CHARS = 160  # the text under the heading that is compared with it
SAME_SUBJECT, NEW_SUBJECT = 0.15, 0.05  # shares of the text's word pairs seen above
AFTER_LINES = 8  # lines under a heading that its clues read
SIBLING_LINES = 40  # how far ahead a heading of the same shape is looked for
SIBLING_SIZE = 3  # headings this close in length are of one series (从A到B, 从C到D)
PICTURE_CAPTION_LINES = 2  # a picture's caption under its title is this many paragraphs at most

_COLUMN_NAME = re.compile(r"[（(][^()（）]{2,24}[)）](?:——)?$")
_PICTURE_COLUMN = re.compile(r"^(?:图片报道|图片新闻|新闻图片|图说[\u4e00-\u9fff]{0,6}|视觉[\u4e00-\u9fff]{0,4})$")
INTRO_MAX = 3  # paragraphs of a feature's intro before its first subhead, at most
LONG_STORY = 6  # paragraphs read before the first in-body heading of a story is unlikely
_NOT_CJK = re.compile(f"[^{CJK}]+")
_BOX_BULLET = "●■◆▲★□◇◎"
_NEWS_LEAD = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|近日|日前|今年|去年|当地时间|[一二三四五六七八九十]{1,3}日)"
)


@dataclass(frozen=True)
class Candidate:
    """A run of heading lines inside an open story, with what stands around it."""

    run: tuple[str, ...]  # the heading lines, as printed
    after: tuple[L.Line, ...]  # the lines under it, up to the next heading
    above_paragraphs: tuple[str, ...]
    above_subheads: tuple[str, ...]
    above_title: str
    above_last: str  # what the story above read last: text, closing, caption, byline …
    next_heading: str  # the next heading line further down, "" if none near
    next_heading_has_byline: bool
    above_dateline: bool = False  # the story above opened on a dateline
    above_byline: bool = False  # the story above has a byline (a dateline's, or a line of its own)
    above_captions: int = 0  # captions the story above holds
    above_closed: bool = False  # a closing line (closing dateline, note) was read in the story above

    @cached_property
    def heading(self) -> str:
        return squeeze("".join(self.run))

    @cached_property
    def column_name(self) -> bool:
        """A line of the run ends with its column's name in brackets (（城事快评）)."""
        return any(_COLUMN_NAME.search(text) for text in self.run)

    @cached_property
    def first_text(self) -> str:
        return next((line.text for line in self.after if line.kind == L.TEXT), "")

    @cached_property
    def subject_above(self) -> set[str]:
        text = self.above_title
        for paragraph in reversed(self.above_paragraphs):
            text += paragraph
            if len(text) >= SUBJECT_ABOVE_CHARS:
                break
        return bigrams(text)

    @cached_property
    def subject_below(self) -> float:
        """The share of the text's word pairs under the heading already seen in the story above."""
        below = ""
        for line in self.after:
            if line.kind == L.TEXT:
                below += line.text
                if len(below) >= SUBJECT_BELOW_CHARS:
                    break
        pairs = bigrams(below[:SUBJECT_BELOW_CHARS])
        return len(pairs & self.subject_above) / len(pairs) if pairs else 0.0

    @cached_property
    def heading_above(self) -> float:
        pairs = bigrams(self.heading)
        return len(pairs & self.subject_above) / len(pairs) if pairs else 0.0


def candidate_at(lines: list[L.Line], run: list[L.Line], j: int, draft: Draft) -> Candidate:
    """The heading run ending before lines[j] inside the story `draft`, with what stands around it."""
    end = j
    while end < len(lines) and end - j < SIBLING_LINES and lines[end].kind != L.HEADING:
        end += 1
    next_heading, has_byline = "", False
    if end < len(lines) and end - j < SIBLING_LINES:
        next_heading = lines[end].text
        below = lines[end + 1] if end + 1 < len(lines) else None
        has_byline = below is not None and below.kind in {L.DATELINE, L.CREDIT}
    return Candidate(
        run=tuple(line.text for line in run),
        after=tuple(lines[j : min(end, j + AFTER_LINES)]),
        above_paragraphs=tuple(draft.paragraphs),
        above_subheads=tuple(draft.subheads),
        above_title=draft.kicker + draft.title + draft.subtitle,
        above_last=draft.last,
        next_heading=next_heading,
        next_heading_has_byline=has_byline,
        above_dateline=bool(draft.dateline),
        above_byline=bool(draft.byline),
        above_captions=len(draft.captions),
        above_closed=bool(draft.closed_by),
    )


def bigrams(text: str) -> set[str]:
    """Pairs of neighbouring Chinese characters (punctuation and Latin letters left out): the words, roughly."""
    chars = _NOT_CJK.sub("", text)
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def _byline_follows(c: Candidate) -> bool:
    first = c.after[0] if c.after else None
    return first is not None and first.kind == L.CREDIT and not first.photo


_QUOTED_SENTENCE = re.compile(r"^“[^“”]*[。！？!?][^“”]{0,2}”$")


def is_quoted_sentence(text: str) -> bool:
    """“今年的日子好过了！”: a sentence in quotation marks, as a story quotes someone (a headline in
    quotes has no full stop, question or exclamation mark inside)."""
    return bool(_QUOTED_SENTENCE.match(squeeze(text)))


def _deck_then_dateline(c: Candidate) -> bool:
    for n, line in enumerate(c.after[: DECK_MAX + 1]):
        if line.kind == L.DATELINE:
            return n > 0
        if line.kind != L.TEXT or not is_deck(line.text):
            return False
    return False


def _picture_follows(c: Candidate) -> bool:
    """Title, one or two caption paragraphs, a picture credit: a photo item."""
    for n, line in enumerate(c.after[: PICTURE_CAPTION_LINES + 1]):
        if line.kind == L.CREDIT and line.photo:
            return n > 0
        if line.kind not in {L.TEXT, L.CAPTION}:
            return False
    return False


def _has_column_name(c: Candidate) -> bool:
    return c.column_name


def _same_shape_as_subhead_above(c: Candidate) -> bool:
    if _has_column_name(c):
        return False
    return bool(c.above_subheads) and abs(len(squeeze(c.above_subheads[-1])) - len(c.heading)) <= SIBLING_SIZE


def _same_shape_as_next_heading(c: Candidate) -> bool:
    if not c.next_heading or c.next_heading_has_byline or _COLUMN_NAME.search(c.next_heading) or _has_column_name(c):
        return False
    if squeeze(c.next_heading).endswith((":", "：")):
        return False  # 这正是：a label, not a sibling
    return abs(len(squeeze(c.next_heading)) - len(c.heading)) <= SIBLING_SIZE and len(c.run) == 1


# Clues for "a new story starts here" (positive) and "a heading inside the story above" (negative).
BOUNDARY_RULES: tuple[Rule[Candidate], ...] = (
    Rule(
        "dateline-follows",
        "a dateline straight under the heading: a story's first words (its weight outweighs every clue against)",
        "城区新增三处停车场 / 本报讯（记者 王立）…",
        lambda c: bool(c.after) and c.after[0].kind == L.DATELINE,
        DECISIVE,
    ),
    Rule(
        "deck-then-dateline",
        "one or two deck lines (■ 提要, short lines) under the heading, then a dateline",
        "全市造林进度过半 / ■ 今年计划造林两万亩 / 本报讯（记者 罗青）…",
        _deck_then_dateline,
        6.0,
    ),
    Rule(
        "byline-follows",
        "a byline line straight under the heading",
        "山间的灯火 / 本报记者  王  立",
        _byline_follows,
        4.0,
    ),
    Rule(
        "column-name-in-brackets",
        "the headline ends with its column's name in brackets",
        "让公园装满笑声（城事快评）",
        _has_column_name,
        6.0,
    ),
    Rule(
        "picture-column",
        "the heading names a picture column: the item under it is a photo item",
        "图片报道",
        lambda c: bool(_PICTURE_COLUMN.match(c.heading)),
        3.0,
    ),
    Rule(
        "picture-follows",
        "a short caption and a picture credit under the heading: a photo item",
        "湖面初冰 / 1月5日，游客在冰上拍照。 / 孙  雨摄",
        _picture_follows,
        4.0,
    ),
    Rule(
        "story-above-closed",
        "the story above ended on a closing line (a closing dateline, an author's note)",
        "（本报开罗3月2日电） / 新的标题",
        lambda c: c.above_last == "closing",
        3.5,
    ),
    Rule(
        "story-above-closed-earlier",
        "the story above was closed (a closing dateline, a note) before a box under it: what follows the box is new",
        "（本报开罗3月2日电） / ■点评 / …… / 新的标题",
        lambda c: c.above_closed and c.above_last != "closing",
        2.5,
    ),
    Rule(
        "kicker-with-dash",
        "a kicker line ending in a dash over the title: a profile's headline",
        "乡村教师林秀—— / 把山里娃送出大山",
        lambda c: len(c.run) > 1 and any(squeeze(t).endswith("——") for t in c.run[:-1]),
        2.0,
    ),
    Rule(
        "news-lead-follows",
        "the text under it opens on a date, as a news story's first sentence does",
        "3月2日，新建的图书馆开馆。",
        lambda c: bool(_NEWS_LEAD.match(c.first_text)),
        1.0,
    ),
    Rule(
        "long-story-above-without-subheads",
        "the story above ran many paragraphs with no in-body heading: it is unlikely to get its first now",
        "（six paragraphs of an essay, then 又闻桂花香）",
        lambda c: len(c.above_paragraphs) >= LONG_STORY and not c.above_subheads,
        1.0,
    ),
    Rule(
        "labelled-or-numbered",
        "a subhead's label or number: 一、 （二） 现场直击：",
        "二、让老街重新热闹起来",
        lambda c: len(c.run) <= 2 and L.is_subhead_label(squeeze(c.run[0])),
        -5.0,
    ),
    Rule(
        "box-bullet",
        "a bullet before the heading: a box or a subhead inside the story",
        "●夜市亮起来，小店忙起来",
        lambda c: c.run[0][:1] in _BOX_BULLET,
        -4.0,
    ),
    Rule(
        "open-quotation",
        "the heading opens a quotation it does not close: a quoted line of verse or speech",
        "“我站在桥上看风景，",
        lambda c: c.heading.count("“") > c.heading.count("”"),
        -3.0,
    ),
    Rule(
        "quoted-sentence",
        "a whole sentence in quotation marks on its own line: someone speaking in the story above",
        "“今年的日子好过了！”",
        lambda c: len(c.run) == 1 and is_quoted_sentence(c.run[0]),
        -2.5,
    ),
    Rule(
        "same-shape-as-subhead-above",
        "the story above already has a subhead of about this length",
        "从排队到刷脸 … 从跑腿到上网",
        _same_shape_as_subhead_above,
        -3.0,
    ),
    Rule(
        "same-shape-as-next-heading",
        "the next heading down, with no byline of its own, is of about this length: a series of subheads",
        "从排队到刷脸 … 从跑腿到上网",
        _same_shape_as_next_heading,
        -2.0,
    ),
    Rule(
        "story-above-unfinished",
        "the story above stops mid-sentence",
        "……居民们纷纷 / 新的一行",
        lambda c: bool(c.above_paragraphs) and c.above_last == "text" and not ends_sentence(c.above_paragraphs[-1]),
        -1.0,
    ),
    Rule(
        "intro-above",
        "the story above is one to three paragraphs with no dateline, no byline and no picture: a feature's intro before its first subhead",
        "（两段导语之后：从排队到刷脸）",
        lambda c: (
            0 < len(c.above_paragraphs) <= INTRO_MAX
            and not c.above_byline
            and not c.above_captions
            and not c.above_subheads
            and c.above_last == "text"
        ),
        -2.0,
    ),
    Rule(
        "news-story-above",
        "the story above opened on a dateline and has no subhead: news stories seldom get one late",
        "（本报讯……三段消息之后：新的标题）",
        lambda c: c.above_dateline and not c.above_subheads and len(c.above_paragraphs) <= INTRO_MAX + 1,
        1.0,
    ),
    # The subject clues compare words with the story above: the dearest, so tried last.
    Rule(
        "new-subject",
        "the text under it shares almost no word pairs with the story above",
        "（a story on a harbour above, one on a school below）",
        lambda c: c.subject_below <= NEW_SUBJECT,
        1.5,
    ),
    Rule(
        "heading-words-new",
        "no word pair of the heading occurs in the story above",
        "（above: 港口、货轮；heading: 山区小学有了新操场）",
        lambda c: c.heading_above == 0,
        0.5,
    ),
    Rule(
        "same-subject",
        "the text under it goes on with the words of the story above",
        "（above and below: 步道、河岸、居民散步）",
        lambda c: c.subject_below >= SAME_SUBJECT,
        -1.5,
    ),
    Rule(
        "heading-words-above",
        "most word pairs of the heading occur in the story above",
        "（above: 湿地保护条例…; heading: 湿地保护有了条例）",
        lambda c: c.heading_above >= 0.34,
        -1.0,
    ),
)


_TOTALS = totals(BOUNDARY_RULES)


def new_story(candidate: Candidate) -> Verdict:
    """Weigh the clues: a score above zero opens a new story at the heading."""
    return weigh(BOUNDARY_RULES, candidate, BIAS, _TOTALS)
