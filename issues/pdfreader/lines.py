"""Glyphs -> lines: glyphs on one baseline, cut where a column gap or a rule runs between them.

A line's spaces come from the text layer and the geometry together: a gap of about one em is a
printed space (after a dateline, between the two halves of a title); a gap clearly wider than
the line's usual gap between characters is a space the producer set without a space character
(one producer writes them, another does not); and a run of single characters parted by thin
spaces (本 报 北 京) is a word spread out to justify its line, set solid again."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from .model import Box, Glyph
from .normalise import is_cjk

SAME_BASELINE = 0.25  # ems two glyphs' baselines may differ by and stand on one line
COLUMN_GAP = 1.2  # ems of empty space (no glyph, no space character) that part two columns
NARROW_GUTTER = 0.25  # ems of gap that part two columns where the second starts on the page's column grid
COLUMN_ROWS = 6  # rows that start text at one x make it a column's left edge
SPACED_GAP = 2.5  # ems that part two columns even when the text layer writes a space in between
PRINTED_SPACE = 0.75  # ems of gap between two CJK characters that is a printed space
SPACE_OVER_TRACKING = 0.15  # ems wider than the line's usual gap between CJK characters: a space
LATIN_SPACE = 0.2  # ems of gap between two Latin characters that is a word space


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line inside one column: text, box, type size, weight."""

    text: str
    box: Box
    size: float  # the size most of its glyphs are set in
    bold: bool
    first_x: float  # where its first visible glyph starts (the indent)

    @property
    def chars(self) -> int:
        return sum(1 for ch in self.text if not ch.isspace())


def build_lines(glyphs: tuple[Glyph, ...], rules: tuple[Box, ...]) -> list[Line]:
    """Every line segment of the page, top to bottom, then left to right."""
    rows = [sorted(row, key=lambda g: g.box.x0) for row in _rows(glyphs)]
    vertical_rules = [rule for rule in rules if rule.height > rule.width]
    lefts = _column_lefts(rows)
    lines: list[Line] = []
    for row in rows:
        for piece in _cut(row, vertical_rules, lefts):
            line = _line(piece)
            if line is not None:
                lines.append(line)
    lines.sort(key=lambda line: (round(line.box.top, 1), line.box.x0))
    return lines


def _rows(glyphs: tuple[Glyph, ...]) -> list[list[Glyph]]:
    """Glyphs grouped by baseline; a row may still run across several columns."""
    open_rows: list[tuple[float, float, list[Glyph]]] = []  # (baseline, lowest bottom, glyphs)
    done: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.box.bottom, g.box.x0)):
        done.extend(row[2] for row in open_rows if row[1] < glyph.box.top)  # rows wholly above: closed
        open_rows = [row for row in open_rows if row[1] >= glyph.box.top]
        for k, (base, bottom, members) in enumerate(open_rows):
            if abs(base - glyph.box.bottom) <= SAME_BASELINE * min(glyph.size, members[0].size):
                members.append(glyph)
                open_rows[k] = (base, max(bottom, glyph.box.bottom), members)
                break
        else:
            open_rows.append((glyph.box.bottom, glyph.box.bottom, [glyph]))
    done.extend(row[2] for row in open_rows)
    return done


def _column_lefts(rows: list[list[Glyph]]) -> dict[int, int]:
    """The x (whole points) where many rows start a run of text after a gap, the left edges of the columns, each
    with the body size set there.
    A gutter too narrow to tell from a justified line's spacing is still a cut where a column starts."""
    starts: Counter[int] = Counter()
    sizes: Counter[int] = Counter()
    for row in rows:
        previous: Glyph | None = None
        for glyph in row:
            if glyph.is_space:
                continue
            if previous is None or glyph.box.x0 - previous.box.x1 >= NARROW_GUTTER * glyph.size:
                starts[round(glyph.box.x0)] += 1
                sizes[round(glyph.size)] += 1
            previous = glyph
    frequent = {x for x in starts if starts[x] + starts.get(x - 1, 0) + starts.get(x + 1, 0) >= COLUMN_ROWS}
    body = sizes.most_common(1)[0][0] if sizes else 10
    lefts = {}
    for x in frequent:
        if not any(x - 2 * body + d in frequent for d in (-1, 0, 1)):  # a paragraph's indent, not a column's edge
            lefts.update(dict.fromkeys((x - 1, x, x + 1), body))
    return lefts


def _cut(row: list[Glyph], vertical_rules: list[Box], lefts: dict[int, int]) -> list[list[Glyph]]:
    pieces: list[list[Glyph]] = [[row[0]]]
    last_ink = row[0] if not row[0].is_space else None
    spaces_since = False
    for glyph in row[1:]:
        if glyph.is_space:
            spaces_since = True
            pieces[-1].append(glyph)
            continue
        if last_ink is not None:
            gap = glyph.box.x0 - last_ink.box.x1
            em = min(glyph.size, last_ink.size)
            # A space the text layer writes in the gap holds the line together across a justified (widened) space.
            limit = SPACED_GAP if spaces_since else COLUMN_GAP
            ruled = gap > 0 and any(
                last_ink.box.x1 - 1 <= rule.x0 <= glyph.box.x0 + 1
                and rule.top <= glyph.box.bottom
                and rule.bottom >= glyph.box.top
                for rule in vertical_rules
            )
            size_change = abs(glyph.size - last_ink.size) > 0.3 * em and gap > 0.5 * em
            column = lefts.get(round(glyph.box.x0))
            at_column = column is not None and gap >= NARROW_GUTTER * em and glyph.size <= 1.15 * column
            if gap > limit * em or ruled or size_change or at_column:
                pieces.append([])
        pieces[-1].append(glyph)
        last_ink = glyph
        spaces_since = False
    return pieces


def _line(glyphs: list[Glyph]) -> Line | None:
    ink = [g for g in glyphs if not g.is_space]
    if not ink:
        return None
    texts: list[str] = []
    joints: list[str] = []  # joints[i] stands between texts[i] and texts[i + 1]
    layer: list[bool] = []  # whether that joint is a thin space (narrower than a printed one)
    previous: Glyph | None = None
    spaced = False
    tracking = _tracking(ink)
    for glyph in glyphs:
        if glyph.is_space:
            spaced = previous is not None
            continue
        if previous is not None:
            joint = _space_between(previous, glyph, spaced, tracking)
            joints.append(joint)
            layer.append(joint == " " and glyph.box.x0 - previous.box.x1 < PRINTED_SPACE * glyph.size)  # a thin space
        texts.append(glyph.text)
        previous = glyph
        spaced = False
    _close_letter_spacing(texts, joints, layer)
    parts = [texts[0]]
    for joint, text in zip(joints, texts[1:], strict=True):
        parts.append(joint)
        parts.append(text)
    box = ink[0].box
    for glyph in ink[1:]:
        box = box.union(glyph.box)
    sizes: dict[float, int] = {}
    for glyph in ink:
        sizes[glyph.size] = sizes.get(glyph.size, 0) + 1
    size = max(sizes, key=sizes.get)
    bold = sum(g.bold for g in ink) * 2 > len(ink)
    return Line("".join(parts), box, size, bold, ink[0].box.x0)


def _tracking(ink: list[Glyph]) -> float:
    """The usual gap between two CJK characters of the line, in ems: 0 when set solid, more when justified wide."""
    gaps = [
        (right.box.x0 - left.box.x1) / right.size
        for left, right in pairwise(ink)
        if is_cjk(left.text[-1]) and is_cjk(right.text[0])
    ]
    if not gaps:
        return 0.0
    gaps.sort()
    return max(0.0, gaps[len(gaps) // 4])  # the lower quartile: a short line of names is half spaces


def _space_between(left: Glyph, right: Glyph, spaced: bool, tracking: float) -> str:
    gap = right.box.x0 - left.box.x1
    em = median([left.size, right.size])
    if is_cjk(left.text[-1]) or is_cjk(right.text[0]):
        if gap >= 1.6 * em:
            return "  "  # a name padded to three characters' width (王  芳)
        wider = gap >= (tracking + SPACE_OVER_TRACKING) * em  # a space the producer set without a space character
        return " " if gap >= PRINTED_SPACE * em or spaced or wider else ""
    if spaced or gap >= LATIN_SPACE * em:
        return " "
    return ""


def _close_letter_spacing(texts: list[str], joints: list[str], layer: list[bool]) -> None:
    """A run of three or more single CJK characters parted only by thin spaces (本 报 北 京), written in the text
    layer or not, is one word spread out to justify its line: its spaces go. Two (王 芳, a padded name) keep theirs."""
    n = len(joints)
    i = 0
    while i < n:
        if not (layer[i] and is_cjk(texts[i]) and is_cjk(texts[i + 1])):
            i += 1
            continue
        j = i  # joints i .. j-1 are thin spaces between CJK characters texts[i] .. texts[j]
        while j < n and layer[j] and is_cjk(texts[j]) and is_cjk(texts[j + 1]):
            j += 1
        first = i if i == 0 or joints[i - 1] != "" else i + 1  # texts[i] may end a word set solid
        last = j if j == n or joints[j] != "" else j - 1
        if last - first + 1 >= 3:
            for k in range(i, j):
                joints[k] = ""
        i = j + 1
