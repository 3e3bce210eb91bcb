"""Hard-wrapped column text: lines cut at the column's width are joined back into paragraphs.

Text taken line by line from a page PDF (pdftotext and the like) breaks every
column line: a paragraph arrives as a run of lines of the same printed width
and a shorter last line. Such a page is recognised by its widths alone: many
lines of one width (give or take a character: punctuation is set half-width,
Latin letters and digits take half a character) that do not end a sentence and
run straight on into the next line. A line of that width runs on into the next;
a shorter line ends its paragraph. Where the page indents paragraph openings,
an indented line starts a paragraph whatever the width of the line above it.
Pages whose lines are whole paragraphs (e-paper text, or PDF text whose lines
were already joined) show no such width and pass through untouched.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from . import bylines
from .text import ends_sentence, ends_with_colon

MIN_WIDTH, MAX_WIDTH = 10, 40  # a column line is this many characters wide (verse, at 5 or 7, is not wrapped)
MIN_FULL_LINES = 6  # lines of one width before a page counts as wrapped
# A full line's width may fall short of the column's by this much (half-width digits and
# Latin letters, squeezed punctuation) or exceed it by the other.
SHORT_BY, LONG_BY = 1.5, 2.0
LABEL_MAX = 8  # a subhead's label (现场直击:) is this wide at most


_HALF_WIDTH = re.compile(r"[A-Za-z0-9 \t]")


@dataclass
class RawLine:
    no: int  # 1-based line number of its first line in the input
    text: str  # stripped
    gap: int  # blank lines before it
    indent: float = 0.0  # width of the leading whitespace
    width: float = 0.0  # printed width in characters, indent and trailing spaces included
    open: bool = False  # runs on into the next line
    spaced: bool = False  # whitespace stood where it meets the line before (王 / 磊 陈 静)


def width(text: str) -> float:
    """Printed width in characters: Latin letters, digits and spaces count ½, everything else 1.

    Punctuation counts whole even when extracted as ASCII (, : ;): it is set full-width in print.
    """
    return len(text) - 0.5 * len(_HALF_WIDTH.findall(text))


def line_width(raw: str) -> float:
    """The width of a raw line; a line too long to be a column line is not measured closely."""
    return width(raw) if len(raw) <= 2 * (MAX_WIDTH + LONG_BY) else float(len(raw))


def column_widths(lines: list[RawLine]) -> list[float]:
    """The widths that wrapped column lines share on this page; empty when its lines are not wrapped."""
    runs_on = Counter()
    for line, following in pairwise(lines):
        if (
            following.gap == 0
            and MIN_WIDTH <= line.width <= MAX_WIDTH
            and following.width <= line.width + LONG_BY  # a paragraph's next line, not one set wider
            and not ends_sentence(line.text)
        ):
            runs_on[round(line.width)] += 1
    found: list[float] = []
    while runs_on:
        best = max(range(MIN_WIDTH, MAX_WIDTH + 1), key=lambda w: runs_on[w - 1] + runs_on[w] + runs_on[w + 1])
        support = runs_on[best - 1] + runs_on[best] + runs_on[best + 1]
        if support < MIN_FULL_LINES:
            break
        found.append(best)
        for w in (best - 1, best, best + 1):
            runs_on.pop(w, None)
    return found


def unwrap(lines: list[RawLine]) -> list[RawLine]:
    """Join the lines of each wrapped paragraph; a page that is not wrapped comes back as it was."""
    widths = column_widths(lines)
    if not widths:
        return lines
    indents = sum(1 for line in lines if line.indent >= 1)
    uses_indent = indents >= MIN_FULL_LINES // 2
    ends_paragraph = (lambda text: False) if uses_indent else ends_sentence

    def full(line: RawLine) -> bool:
        return any(w - SHORT_BY <= line.width <= w + LONG_BY for w in widths)

    joined: list[RawLine] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and line.gap == 0
            and previous.open
            and not (uses_indent and line.indent >= 1)
            and (_unclosed_bracket(previous.text) or not _opens_a_story(line.text))
            and (full(previous) or not _is_byline(previous.text))  # a byline short of the column is whole
        ):
            previous.text += f" {line.text}" if line.spaced else line.text
            previous.open = (full(line) or _unclosed_bracket(previous.text)) and not ends_paragraph(line.text)
            continue
        line.open = (full(line) or _unclosed_bracket(line.text)) and not ends_paragraph(line.text)
        line.open = line.open and not _after_label(previous)
        joined.append(line)
    return joined


def _is_byline(text: str) -> bool:
    """A line that is nothing but a byline is complete: the text below it is the story's."""
    return bylines.credit_line(text) is not None


def _unclosed_bracket(text: str) -> bool:
    """A bracket opened and not closed (a byline wrapped inside its names): the line runs on."""
    return sum(text.count(c) for c in "(（") > sum(text.count(c) for c in ")）")


def _after_label(previous: RawLine | None) -> bool:
    """The line above is a short label ending in a colon (现场直击:): this line completes a subhead."""
    return previous is not None and previous.width <= LABEL_MAX and ends_with_colon(previous.text)


def _opens_a_story(text: str) -> bool:
    """A dateline or a byline starts something new: the line above (a headline as wide as the column) is not cut."""
    return bylines.opens_with_dateline(text) or bylines.credit_line(text) is not None
