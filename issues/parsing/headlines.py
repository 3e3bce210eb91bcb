"""Headline blocks: kicker (引题), title and subtitle (副题); rubrics (栏目标识) beside them."""

from __future__ import annotations

import re

from .text import squeeze

RUBRIC_LINE_MAX = 12
STACKED_LOGO_MAX = 12  # each line of a column logo stacked under a headline is this short
_RUBRIC_WORDS = re.compile(
    r"(时评|评论|社论|快评|短评|观察|视点|专栏|聚焦|关注|特稿|深读|一线|纪实|走基层|手记|札记|随笔|声音"
    # a series' name: 乡村振兴看湖湘, 民生实事进行时, 高质量发展调研行, 代表委员面对面
    r"|看[\u4e00-\u9fff]{1,3}$|进行时|调研行|系列报道|大家谈|面对面|蹲点|探访)"
)
# Words that name an opinion column outright, whatever stands around them.
_COLUMN_WORDS = re.compile(r"(时评|评论|社论|快评|短评|专栏|手记|札记|随笔)$")
_SUBTITLE_MARK = re.compile(r"^[—－-]{1,2}")
_PARTS = re.compile(r"\s+")


def is_rubric_block(lines: list[str]) -> bool:
    """Column logos are stacked short lines, a very short line, or a named column."""
    sizes = [len(squeeze(line)) for line in lines]
    if len(lines) >= 2 and max(sizes) <= RUBRIC_LINE_MAX:
        return True
    return len(lines) == 1 and (sizes[0] <= 6 or (bool(_RUBRIC_WORDS.search(lines[0])) and sizes[0] <= 10))


def rubric_line(lines: list[str]) -> int | None:
    """In a headline block with no blank line to set it off, the index of a named column's line
    (云川时评) standing last, under the headline, or None. A short line above the title is left
    alone: that is where kickers (聚焦开学季) stand."""
    if len(lines) < 2:
        return None
    last = lines[-1]
    if len(squeeze(last)) <= RUBRIC_LINE_MAX - 2 and _COLUMN_WORDS.search(last) and not _SUBTITLE_MARK.match(last):
        return len(lines) - 1
    return None


def split_headline(lines: list[str]) -> tuple[str, str, str]:
    """(kicker, title, subtitle) from the headline's lines, as printed."""
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        return "", "", ""
    subtitle = ""
    if len(lines) >= 2 and _SUBTITLE_MARK.match(lines[-1]):
        subtitle = lines.pop()
    if len(lines) == 1:
        parts = _PARTS.split(lines[0])
        if len(parts) >= 3:
            return parts[0], " ".join(parts[1:]), subtitle
        if len(parts) == 2 and not subtitle and len(parts[0]) > 1.3 * len(parts[1]):
            return parts[0], parts[1], ""
        return "", lines[0], subtitle
    if len(lines) == 2:
        first, second = lines
        if subtitle or len(squeeze(first)) < len(squeeze(second)):
            return first, second, subtitle
        return "", first, second
    if subtitle:
        return lines[0], " ".join(lines[1:]), subtitle
    return lines[0], " ".join(lines[1:-1]), lines[-1]


_COLUMN_NAME = re.compile(r"[（(][^()（）]{2,24}[)）]$")


def lead_lines_at(run: list) -> int:
    """Where the lead line of a commentary starts in a run of heading lines, or 0 for none.

    A line set off by a blank line under a headline that ends with its column's name
    (进一步擦亮城市名片（城事快评） / 只要久久为功，…) and written as a clause (a comma in it,
    no subtitle dash) is the text's first paragraph, not a line of the headline.
    """
    for i in range(1, len(run)):
        text = squeeze(run[i].text)
        if run[i].gap and _COLUMN_NAME.search(squeeze(run[i - 1].text)) and ("，" in text or "," in text):
            return i if not _SUBTITLE_MARK.match(text) else 0
    return 0


DECK_BULLETS = "■●◆▲"


def deck_lines_at(run: list) -> int:
    """Where deck lines start in a run of heading lines (a ■ summary set off under the headline), or 0."""
    for i in range(1, len(run)):
        if run[i].gap and run[i].text[:1] in DECK_BULLETS:
            return i
    return 0


def read_headline(lines: list[tuple[str, int]], blankless: bool = False) -> tuple[str, str, str, str]:
    """(kicker, title, subtitle, rubric) from a headline's lines, each with the blank lines before it.

    Lines with no blank line between them are one block; a block that reads as a column logo
    (short stacked lines, a named column) is the rubric, the rest the headline.
    """
    blocks: list[list[str]] = []
    for text, gap in lines:
        if not text:
            continue
        if gap or not blocks:
            blocks.append([])
        blocks[-1].append(text)
    if len(blocks) == 1 and (i := rubric_line(blocks[0])) is not None:
        blocks = [b for b in (blocks[0][:i], [blocks[0][i]], blocks[0][i + 1 :]) if b]
    elif len(blocks) == 1 and blankless and (k := _stacked_logo_under(blocks[0])):
        # No blank lines to set it off: short lines stacked under a long headline are a logo.
        blocks = [blocks[0][:-k], blocks[0][-k:]]
    # When every block could be a column logo, the largest is the headline.
    heads = ([b for b in blocks if not is_rubric_block(b)] or [max(blocks, key=_block_size)]) if blocks else []
    rubrics = [b for b in blocks if not any(b is h for h in heads)]
    kicker, title, subtitle = split_headline([text for block in heads for text in block])
    return kicker, title, subtitle, " ".join(" ".join(block) for block in rubrics)


def _stacked_logo_under(lines: list[str]) -> int:
    """How many short lines (锲而不舍落实 / 中央八项规定精神) stand stacked under a headline at least
    twice as long as any of them: a column logo; 0 when none do."""
    sizes = [len(squeeze(line)) for line in lines]
    k = 0
    while k < len(sizes) - 1 and sizes[-1 - k] <= STACKED_LOGO_MAX:
        k += 1
    if k < 2 or max(sizes[:-k]) < 2 * max(sizes[-k:]):
        return 0
    return k


def _block_size(block: list[str]) -> int:
    return sum(len(squeeze(line)) for line in block)
