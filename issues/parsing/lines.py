"""What each line of a page is, judged from the line alone (and the line before it)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import bylines, closings
from .line_shapes import (  # the page reader reads these as lines.X too
    _AUTHOR_NOTE,
    _BRIEF,
    _BULLET_START,
    _DATE_ALONE,
    _DIALOGUE,
    _EDITORS_NOTE,
    _EDITORS_SIGNATURE,
    _PICTURE_SOURCE,
    AUTHOR_UNDER_TITLE_MIN,
    BLANKLESS_GAPS,
    FURNITURE_MAX,
    HEADING_MAX,
    INDENTED_PAGE_LINES,
    ISSUER_MAX,
    is_caption,
    is_furniture,
    is_heading,
    is_kicker,
)
from .line_shapes import (
    END_MARK as END_MARK,
)
from .line_shapes import (
    FORWARD_JUMPS as FORWARD_JUMPS,
)
from .line_shapes import (
    JUMP_LINE as JUMP_LINE,
)
from .line_shapes import (
    JUMP_MARK as JUMP_MARK,
)
from .line_shapes import (
    cut_inside_a_word as cut_inside_a_word,
)
from .line_shapes import (
    is_note_label as is_note_label,
)
from .line_shapes import (
    is_numbered as is_numbered,
)
from .line_shapes import (
    is_signature as is_signature,
)
from .text import ends_sentence, squeeze
from .wrapping import RawLine, line_width, unwrap, width

FURNITURE, JUMP, END, DATELINE, CREDIT, SOURCE, BRIEF, CAPTION, HEADING, TEXT, CLOSING = (
    "furniture", "jump", "end", "dateline", "credit", "source", "brief", "caption", "heading", "text", "closing",
)  # fmt: skip


@dataclass
class Line:
    no: int  # 1-based line number in the input
    text: str  # stripped of surrounding whitespace
    gap: int  # blank lines before it
    kind: str = TEXT
    photo: bool = False  # a credit line for a picture
    indented: bool = False  # opens with a paragraph indent (　　)
    # What classification found: a LeadingByline for DATELINE, Credits for CREDIT, the dateline for SOURCE,
    # (title, text) for BRIEF, the closing rule's name for CLOSING.
    found: object = None
    rule: str = ""  # the name of the rule that gave the line its kind (LINE_KINDS, or a pass of split_lines)


@dataclass(frozen=True)
class LineRule:
    """One row of the line-kind table: `read(text, squeezed)` gives (photo, found) when the rule
    recognises the line, None when it does not."""

    name: str
    kind: str
    recognises: str
    example: str
    read: Callable[[str, str], tuple[bool, object] | None] = field(repr=False)
    longest: int = 0  # no line longer than this (squeezed) can match: not tried on one; 0 for any length
    needs: str = ""  # a character every line it matches holds: not tried on a line without it
    opens: str = ""  # the characters a line it matches can open with: not tried on others


_PLAIN = (False, None)  # recognised, with nothing found to hand on


def _jump(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if JUMP_LINE.fullmatch(s) else None


def _end(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if END_MARK.fullmatch(s) else None


def _closing(t: str, s: str) -> tuple[bool, object] | None:
    rule = closings.closing_rule(t)
    return None if rule is None else (False, rule.name)


def _brief(text: str, s: str) -> tuple[bool, object] | None:
    brief = _BRIEF.match(text)
    if brief and bylines.trailing_credit(brief.group("text")):
        return False, (brief.group("title"), brief.group("text"))
    return None


def _leading(t: str, s: str) -> tuple[bool, object] | None:
    lead = bylines.leading_byline(t)
    return None if lead is None else (False, lead)


def _credit(text: str, s: str) -> tuple[bool, object] | None:
    credits = bylines.credit_line(text)
    return None if credits is None else (bylines.is_photo_credit(text), credits)


def _picture_credit(t: str, s: str) -> tuple[bool, object] | None:
    credits = closings.picture_credit(t)
    return None if credits is None else (True, credits)


def _picture_source(t: str, s: str) -> tuple[bool, object] | None:
    return (True, bylines.Credits()) if _PICTURE_SOURCE.match(s) else None


def _source(t: str, s: str) -> tuple[bool, object] | None:
    source = bylines.source_line(t)
    return None if source is None else (False, source)


def _note_or_turn(t: str, s: str) -> tuple[bool, object] | None:
    matched = _AUTHOR_NOTE.match(s) or _DIALOGUE.match(s) or _EDITORS_NOTE.match(s) or _EDITORS_SIGNATURE.match(s)
    return _PLAIN if matched else None


def _furniture(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if is_furniture(t, s) else None


def _caption(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if is_caption(t, s) else None


def _heading(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if is_heading(t, s) else None


def _anything(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN


# The kind of a line judged on its own, first match wins.
LINE_KINDS: tuple[LineRule, ...] = (
    LineRule("jump-line", JUMP, "a jump to or from another page, alone on its line", "下转第3版", _jump, 40, needs="版"),
    LineRule("end-mark", END, "the wire services' end of story", "（完）", _end, 10, needs="完"),
    LineRule("closing-line", CLOSING, "a closing dateline, note or credit (closings.CLOSING_LINES)", "（本报开罗3月2日电）",
             _closing, 90, opens=closings.CLOSING_OPENERS),
    LineRule("brief-item", BRIEF, "one item of a 简讯 column: 【title】 text (记者 name)",
             "【河畔步道开放】5月3日，新修的步道开放。（记者 王立）", _brief, opens="【"),
    LineRule("leading-byline", DATELINE, "a dateline or credits opening a paragraph",
             "本报讯（记者 王立）5月3日，新修的步道开放。", _leading),
    LineRule("credit-line", CREDIT, "a line that is nothing but a byline or a picture credit", "本报记者  王  立摄", _credit, 80),
    LineRule("picture-credit", CREDIT, "a picture credit the byline readings do not know (closings.PICTURE_CREDITS)",
             "孙  雨摄（图片社）", _picture_credit, 40),
    LineRule("picture-source", CREDIT, "a picture credited to an agency", "图/视觉中国", _picture_source, 40),
    LineRule("source-line", SOURCE, "where the story comes from, 据… or 来源：…", "（据新华社）", _source, 60),
    LineRule("note-or-turn", TEXT, "an author's note, an interview's turn, an editors' note or its signature",
             "记者：这条步道修了多久？", _note_or_turn),
    LineRule("furniture", FURNITURE, "the page's furniture: mastheads, headers, promos, staff", "责任编辑：王立",
             _furniture, FURNITURE_MAX),
    LineRule("caption", CAPTION, "a picture's caption", "图为新修的步道。", _caption),
    LineRule("heading-shape", HEADING, "short, and not ended mid-sentence or with a full stop", "河畔步道开放", _heading, HEADING_MAX),
    LineRule("running-text", TEXT, "anything else: text", "新修的步道沿河而建。", _anything),
)  # fmt: skip


# The table as the loop below reads it: no attribute looked up per line and rule.
_KINDS = tuple((rule.longest or 1 << 30, rule.needs, rule.opens, rule.read, rule) for rule in LINE_KINDS)


def classify(text: str) -> tuple[LineRule, bool, object]:
    """The line-kind rule that recognises the line on its own, whether it credits a picture, and what it found."""
    s = squeeze(text)
    size = len(s)
    first = s[:1]
    for longest, needs, opens, read, rule in _KINDS:
        if size > longest or (needs and needs not in s) or (opens and first not in opens):
            continue
        reading = read(text, s)
        if reading is not None:
            return rule, reading[0], reading[1]
    raise AssertionError("running-text recognises every line")


def classify_line(text: str) -> tuple[str, bool, object]:
    """The kind of a line on its own, whether it credits a picture, and the byline found in it."""
    rule, photo, found = classify(text)
    return rule.kind, photo, found


def author_names(text: str) -> tuple[str, ...]:
    """The names of a line that is nothing but one to three names (王建国, 王  芳, 王建国 李明); else ()."""
    squeezed = squeeze(text)
    if 2 <= len(squeezed) <= 3 and bylines.looks_like_name(squeezed):
        return (squeezed,)  # a name padded to the width of three (王  芳)
    names = bylines.split_names(text)
    if 1 < len(names) <= 3 and all(2 <= len(n) <= 4 and bylines.looks_like_name(n) for n in names):
        return tuple(names)
    return ()


def _heads_what_follows(lines: list[Line], i: int) -> bool:
    """A labelled or numbered subhead (技术攻关:三年啃下“硬骨头”), or the title of a picture whose
    caption and credit follow (老街换新颜 / 6月4日,… / 本报记者 王  芳 摄)."""
    if is_subhead_label(squeeze(lines[i].text)):
        return True
    after = lines[i + 1 : i + 3]
    return len(after) == 2 and after[0].kind == TEXT and after[1].kind == CREDIT and after[1].photo


# A subhead's label (现场直击:, 技术攻关:三年啃下…) or its number (一、, (二)).
_SUBHEAD_LABEL = re.compile(r"^[^:：]{1,10}[:：]")


def is_subhead_label(squeezed: str) -> bool:
    return bool(_SUBHEAD_LABEL.match(squeezed)) or is_numbered(squeezed)


def has_no_blank_lines(lines: list[Line]) -> bool:
    """Text copied without blank lines (some e-papers): a column break is a plain line break."""
    return sum(1 for line in lines if line.gap) <= BLANKLESS_GAPS


def headline_before_dateline(text: str) -> str:
    """The headline when a line holds a headline, a space, then a story opening with its dateline
    (extraction put them side by side); "" otherwise."""
    front = text[: HEADING_MAX + 2]
    if (" " not in front and "\u3000" not in front) or ("讯" not in text[:60] and "电" not in text[:60]):
        return ""
    for space in re.finditer(r"[ \u3000]+", front):
        head = text[: space.start()]
        if not is_heading(head) or bylines.opens_with_dateline(head):
            continue
        lead = bylines.leading_byline(text[space.end() :])
        if lead and lead.dateline and squeeze(lead.rest):
            return head
    return ""


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their numbers, the blank lines before each, and their kinds."""
    rows: list[RawLine] = []
    gap = 0
    trailing_space = False
    for no, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        indent = raw[: len(raw) - len(raw.lstrip())]
        rows.append(
            RawLine(
                no=no, text=stripped, gap=gap, indent=width(indent), width=line_width(raw),
                spaced=trailing_space or bool(indent),
            )
        )  # fmt: skip
        trailing_space = raw != raw.rstrip()
        gap = 0
    lines: list[Line] = []
    for row in unwrap(rows):
        head = headline_before_dateline(row.text)
        if head:
            # 市委常委会召开会议 本报讯(记者 张三)6月3日,… — headline and story on one extracted line
            lines.append(Line(no=row.no, text=head, gap=row.gap, kind=HEADING, rule="headline-beside-dateline"))
            row.text, row.gap = row.text[len(head) :].strip(), 0
        rule, photo, found = classify(row.text)
        lines.append(
            Line(no=row.no, text=row.text, gap=row.gap, kind=rule.kind, photo=photo, found=found,
                 indented=row.indent >= 1, rule=rule.name)
        )  # fmt: skip
    # A name alone under a headline, over the text (theory pages and commentaries sign so: 王建国):
    # the author's byline, not a headline line.
    for i in range(1, len(lines) - 1):
        line, before, after = lines[i], lines[i - 1], lines[i + 1]
        # Not under a short line (时代楷模 / 张桂梅): there the name is the title of a profile.
        headline_above = before.kind == HEADING and len(squeeze(before.text)) >= AUTHOR_UNDER_TITLE_MIN
        if line.kind == HEADING and headline_above and (after.kind == TEXT or is_numbered(after.text)):
            names = author_names(line.text)
            if names:
                line.kind, line.found, line.rule = CREDIT, bylines.Credits(reporters=names), "author-under-headline"
    # A heading-shaped line between two stretches of text whose last characters make one word with
    # the next line's first ones (在当 / 地兴起, 才能成 / 为): a paragraph's head cut at a column break.
    for before, line, after in zip(lines, lines[1:], lines[2:], strict=False):
        between_text = line.kind == HEADING and before.kind == TEXT and after.kind == TEXT and after.gap
        if between_text and cut_inside_a_word(line.text, after.text):
            line.kind, line.rule = TEXT, "cut-inside-a-word"
    # A headline's second line too long for a heading (two parts set apart by spaces), straight under
    # its first line and over a blank line and the story's dateline or its ■ deck: still the headline.
    for above, line, below in zip(lines, lines[1:], lines[2:], strict=False):
        if (
            line.kind == TEXT
            and not line.gap
            and above.kind == HEADING
            and below.gap
            and (below.kind in {DATELINE, CREDIT} or below.text[:1] in "■●◆▲")
            and is_kicker(line.text)
        ):
            line.kind, line.rule = HEADING, "headline-second-line"
    # An official notice signed by its issuer and dated (市人民政府办公室 / 2026年3月1日) under its text.
    for above, issuer, date in zip(lines, lines[1:], lines[2:], strict=False):
        if (
            above.kind == TEXT
            and issuer.kind == HEADING
            and len(squeeze(issuer.text)) <= ISSUER_MAX
            and _DATE_ALONE.fullmatch(squeeze(date.text))
        ):
            issuer.kind, issuer.rule = CLOSING, "document-signature"
            date.kind, date.rule = CLOSING, "document-signature"
            issuer.found = date.found = "document-signature"
    # A long kicker (…，洪森首相称赞—— / 2016年至2018年，…) set off by a blank line above and
    # standing over a headline line with none between: the first line of the headline block.
    for i, (line, below, after) in enumerate(zip(lines, lines[1:], [*lines[2:], None], strict=False)):
        if (
            line.kind == TEXT
            and (i == 0 or line.gap)
            and below.kind == HEADING
            and not below.gap
            and (after is None or after.gap or after.kind in {DATELINE, CREDIT})
            and is_kicker(line.text)
        ):
            line.kind, line.rule = HEADING, "long-kicker"
    # Where paragraphs open with an indent (e-paper text), a line without one is no paragraph's start.
    indented_page = sum(line.indented for line in lines) >= INDENTED_PAGE_LINES
    # Text copied with no blank lines and no indents: only the punctuation says where a paragraph ends.
    blankless = not indented_page and has_no_blank_lines(lines)
    # A short line straight after body text, with no blank line between, is the
    # start of a paragraph (cut by a column break), not a heading, unless a byline
    # follows it: e-paper text runs articles on without blank lines.
    for i in range(1, len(lines)):
        line = lines[i]
        if indented_page and not line.indented:
            continue
        if line.kind == HEADING and line.gap == 0 and lines[i - 1].kind in {TEXT, DATELINE}:
            if blankless and ends_sentence(lines[i - 1].text) and _heads_what_follows(lines, i):
                continue  # the text above is finished and this line heads a part or a picture
            j = i + 1
            # The headline's other lines follow without a blank line; past a blank line the
            # line is alone: the end of a paragraph cut at a column break.
            while j < len(lines) and lines[j].kind == HEADING and lines[j].gap == 0:
                j += 1
            if j == len(lines) or lines[j].kind not in {DATELINE, CREDIT, JUMP}:
                line.kind, line.rule = TEXT, "short-line-after-text"
    _read_verse(lines)
    return lines


VERSE_MIN_LINES = 3  # heading-shaped lines in a row, each set off by a blank line, that read as verse
_COLUMN_IN_LINE = re.compile(r"[（(][^()（）]{2,24}[)）]")


def _verse_shaped(line: Line) -> bool:
    return (
        line.kind == HEADING
        and bool(line.gap)
        and not _COLUMN_IN_LINE.search(line.text)
        and line.text[:1] not in _BULLET_START
    )


def _read_verse(lines: list[Line]) -> None:
    """Many short lines in a row, each set off by a blank line, are the lines of a poem (e-paper text
    sets each verse line as a paragraph): text, each line a paragraph of its own. The last of them may
    still be the next piece's headline: it is left for the boundary rules to weigh."""
    if sum(1 for line in lines if line.kind == HEADING and line.gap) < VERSE_MIN_LINES:
        return  # too few heading lines on the page for a poem
    n = len(lines)
    i = 0
    while i < n:
        if lines[i].kind != HEADING or not _verse_shaped(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < n and _verse_shaped(lines[j]):
            j += 1
        # Stopped by a headline with its column's name, the run is all verse; stopped by text, its
        # last line may head that text.
        end = j if j < n and lines[j].kind == HEADING else j - 1
        if end - i >= VERSE_MIN_LINES:
            for line in lines[i:end]:
                line.kind, line.rule = TEXT, "verse-line"
        i = j
