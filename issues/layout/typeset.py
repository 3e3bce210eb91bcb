"""Setting Chinese text into lines: character widths, 避头尾 (no line starts with 。，、）」 and the like,
none ends with （“《), a two-character first-line indent, and headlines broken into balanced lines.

Widths are in em of the body face (Noto Serif CJK SC): every ideograph and full-width mark is one em;
half-width characters take the face's own advance (the table below, read from the font once). The
renderer justifies each line to its column exactly, so a small error here only changes the spacing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

# Advance widths of printable ASCII in Noto Serif CJK SC, in em (U+0020 .. U+007E).
_ASCII_EM = (
    0.256, 0.308, 0.376, 0.574, 0.55, 0.923, 0.779, 0.196, 0.364, 0.364, 0.478, 0.58, 0.327, 0.346, 0.327, 0.352,
    0.557, 0.471, 0.558, 0.557, 0.555, 0.558, 0.558, 0.549, 0.558, 0.562, 0.327, 0.327, 0.58, 0.58, 0.58, 0.432,
    0.912, 0.718, 0.67, 0.691, 0.77, 0.652, 0.629, 0.741, 0.853, 0.405, 0.402, 0.731, 0.625, 0.975, 0.796, 0.767,
    0.641, 0.767, 0.715, 0.567, 0.659, 0.797, 0.714, 1.053, 0.7, 0.687, 0.605, 0.344, 0.352, 0.344, 0.58, 0.563,
    0.435, 0.557, 0.638, 0.538, 0.629, 0.546, 0.388, 0.566, 0.663, 0.332, 0.311, 0.607, 0.334, 0.974, 0.661, 0.596,
    0.638, 0.607, 0.462, 0.473, 0.367, 0.653, 0.548, 0.838, 0.564, 0.552, 0.498, 0.374, 0.316, 0.374, 0.58,
)  # fmt: skip
_OTHER_EM = {"·": 0.327, "—": 0.89, "–": 0.5, "°": 0.4}

# 避头尾: marks that may not open a line, and marks that may not close one.
NO_LINE_START = frozenset("。，、；：？！）」』】〕》〉”’…—·%％,.;:?!)]}")
NO_LINE_END = frozenset("（「『【〔《〈“‘([{")
INDENT_EM = 2.0

# A run of half-width letters, digits and their joiners is one unit: 1.3MW, 2025年 stays 2025 on one line.
_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:%/+\-_']*[A-Za-z0-9%]|[A-Za-z0-9]|.", re.S)


def char_em(char: str) -> float:
    code = ord(char)
    if 0x20 <= code <= 0x7E:
        return _ASCII_EM[code - 0x20]
    return _OTHER_EM.get(char, 1.0)


@lru_cache(maxsize=4096)
def text_em(text: str) -> float:
    return sum(char_em(c) for c in text)


@dataclass(frozen=True)
class Line:
    """One set line: its text, where it starts in the article's text, its indent, and whether it is
    justified to the full measure (every line but a paragraph's last)."""

    text: str
    start: int  # offset of its first character in the article's joined text (paragraphs joined by "\n")
    indent_em: float
    justify: bool


def _units(text: str) -> list[str]:
    return _UNIT.findall(text)


def break_paragraph(text: str, measure_em: float, start: int = 0, indent_em: float = INDENT_EM) -> list[Line]:
    """The paragraph set greedily into lines of `measure_em`, with 避头尾: a closing mark that would
    open a line is squeezed onto the line before (the justification compresses it); where several
    would, the last character is carried down with them; an opening mark that would end a line is
    carried down."""
    units: list[str] = []
    for unit in _units(text):
        while len(unit) > 1 and text_em(unit) > measure_em - indent_em:  # a half-width run longer than a line
            take = max(1, _fit_chars(unit, measure_em - indent_em))
            while take < len(unit) - 1 and unit[take] in NO_LINE_START:  # 1.3 is not cut before its point
                take += 1
            units.append(unit[:take])
            unit = unit[take:]
        units.append(unit)
    lines: list[Line] = []
    current: list[str] = []
    width = indent_em
    i = 0
    while i < len(units):
        unit = units[i]
        w = text_em(unit)
        if not current or width + w <= measure_em + 1e-6:
            current.append(unit)
            width += w
            i += 1
            continue
        carried: list[str] = []
        if unit in NO_LINE_START:
            end = i
            while end < len(units) and units[end] in NO_LINE_START:
                end += 1
            body = len(current) - next(
                (k for k, u in enumerate(reversed(current)) if u not in NO_LINE_START), len(current)
            )
            if end - i == 1 or body <= 1:
                current.extend(units[i:end])  # squeezed onto the full line; the justification compresses it
                i = end
            else:  # a run of marks: the last character goes down with them
                while current and current[-1] in NO_LINE_START:
                    carried.insert(0, current.pop())
                carried.insert(0, current.pop())
        while len(current) > 1 and current[-1] in NO_LINE_END:
            carried.insert(0, current.pop())
        if len(current) == 1 and current[0] in NO_LINE_END and not carried:
            current.append(unit)  # an opening mark alone before an unbreakable run: they stay together
            width += w
            i += 1
            continue
        line = "".join(current)
        lines.append(Line(line, start, indent_em if not lines else 0.0, True))
        start += len(line)
        current = carried
        width = text_em("".join(carried))
    if current:
        line = "".join(current)
        lines.append(Line(line, start, indent_em if not lines else 0.0, False))
    elif lines:  # the paragraph ended on a squeezed mark: its last line is still its last
        last = lines[-1]
        lines[-1] = Line(last.text, last.start, last.indent_em, False)
    return lines


def _fit_chars(unit: str, room: float) -> int:
    total, count = 0.0, 0
    for char in unit:
        total += char_em(char)
        if total > room + 1e-6:
            break
        count += 1
    return count


def set_paragraphs(paragraphs: tuple[str, ...], measure_em: float) -> tuple[Line, ...]:
    """Every paragraph set at the column's measure; offsets count the article's text joined by newlines."""
    lines: list[Line] = []
    start = 0
    for paragraph in paragraphs:
        lines.extend(break_paragraph(paragraph, measure_em, start))
        start += len(paragraph) + 1
    return tuple(lines)


def headline_lines(text: str, measure_em: float) -> list[str]:
    """A headline broken into the fewest lines that hold it, the lines as even as 避头尾 allows."""
    if not text:
        return []
    units = _units(text)
    total = text_em(text)
    count = max(1, math.ceil(total / max(measure_em, 1.0) - 1e-9))
    while True:
        target = total / count
        lines, current, width = [], [], 0.0
        for unit in units:
            w = text_em(unit)
            if current and width + w > target + 0.5 and unit not in NO_LINE_START and len(lines) < count - 1:
                lines.append("".join(current))
                current, width = [], 0.0
            current.append(unit)
            width += w
        lines.append("".join(current))
        if all(text_em(line) <= measure_em + 1e-6 for line in lines) or count > len(units):
            return lines
        count += 1
