"""A laid-out page -> the text the parser reads, a hint per line, and each article's region.

The text carries the layout by itself: page furniture first, one line each; then per article
its headline lines (kicker, title, subtitle, each on its own line), a blank line, and its
paragraphs separated by blank lines, hard-wrapped lines and column breaks joined; a blank
line between articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Article, Block, PageLayout
from .lines import Line
from .model import Box, LineHint, Rect, Region, Role
from .normalise import is_cjk

INDENT = 1.5  # ems from the column's left edge: a paragraph's first line (set with a 2-character indent)
SHORT = 1.0  # ems short of the column's right edge: a paragraph's last line
SNAP = 2.5  # ems a block's edge may sit inside the page's column edge it belongs to
TITLE_SIZE = 0.95  # share of the largest headline size that is still the title
PARAGRAPH_ENDS = "。！？…”’」』）)：:!?；;—"  # what a paragraph's last line ends with
PARAGRAPH_GAP = 0.8  # body ems of extra space between two lines of one column that part paragraphs


@dataclass(slots=True)
class _Out:
    lines: list[str] = field(default_factory=list)
    hints: list[LineHint] = field(default_factory=list)

    def add(self, text: str, role: Role, size: float, box: Box) -> int:
        self.lines.append(text)
        self.hints.append(LineHint(len(self.lines), role, round(size, 2), box))
        return len(self.lines)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")


@dataclass(slots=True)
class _Paragraph:
    parts: list[str]
    role: Role
    size: float
    box: Box  # its first printed line
    ended: bool = False


def emit(layout: PageLayout, width: float, height: float) -> tuple[str, tuple[LineHint, ...], tuple[Region, ...]]:
    out = _Out()
    for line in layout.furniture:
        out.add(line.text, Role.FURNITURE, line.size, line.box)
    out.blank()
    regions: list[Region] = []
    for article in layout.articles:
        first = len(out.lines) + 1
        headline = _emit_headline(article, out)
        _emit_body(article, layout, out)
        out.blank()
        rects = tuple(_fraction(block.box, width, height) for block in article.blocks)
        if any(hint.line >= first for hint in out.hints):
            regions.append(Region(len(regions), headline, first, rects))
    text = "\n".join(out.lines).rstrip("\n") + "\n"
    return text, tuple(out.hints), tuple(regions)


def _fraction(box: Box, width: float, height: float) -> Rect:
    def clamp(value: float) -> float:
        return round(min(1.0, max(0.0, value)), 4)

    return Rect(clamp(box.x0 / width), clamp(box.top / height), clamp(box.x1 / width), clamp(box.bottom / height))


def headline_lines(article: Article) -> list[tuple[Line, Role]]:
    """The headline lines before the text, named by size: the largest the title, smaller above it kickers, below subtitles."""
    lines: list[Line] = []
    for block in article.blocks:
        if block.role == Role.TITLE:
            lines.extend(block.lines)
        elif block.lines:
            break
    if not lines:
        return []
    largest = max(line.size for line in lines)
    named: list[tuple[Line, Role]] = []
    seen_title = False
    for line in lines:
        if line.size >= TITLE_SIZE * largest:
            seen_title = True
            named.append((line, Role.TITLE))
        else:
            named.append((line, Role.SUBTITLE if seen_title else Role.KICKER))
    return named


def _emit_headline(article: Article, out: _Out) -> str:
    named = headline_lines(article)
    merged: list[tuple[str, Role, float, Box]] = []
    for i, (line, role) in enumerate(named):
        previous = named[i - 1] if i else None
        if previous is not None and previous[1] == role and abs(previous[0].size - line.size) <= 0.05 * line.size:
            text, _, size, box = merged[-1]
            merged[-1] = (text + _headline_joint(previous[0], line, named) + line.text, role, size, box)
        else:
            merged.append((line.text, role, line.size, line.box))
    for text, role, size, box in merged:
        out.add(text, role, size, box)
    if merged:
        out.blank()
    return " ".join(text for text, *_ in merged)


def _headline_joint(upper: Line, lower: Line, named: list[tuple[Line, Role]]) -> str:
    """A title run on to a second line reads on without a space; one set as two short phrases keeps one."""
    widest = max(line.box.width for line, _ in named if abs(line.size - upper.size) <= 0.05 * upper.size)
    if is_cjk(upper.text[-1]) and is_cjk(lower.text[0]) and upper.box.width >= widest - 1.5 * upper.size:
        return ""
    return " "


def _emit_body(article: Article, layout: PageLayout, out: _Out) -> None:
    heads = {id(line) for line, _ in headline_lines(article)}
    paragraph: _Paragraph | None = None
    for block in article.blocks:
        if block.picture:
            continue
        lines = [line for line in block.lines if id(line) not in heads]
        if not lines:
            continue
        left, right = _edges(block, layout)
        previous: Line | None = None
        for line in lines:
            role = Role.SMALL if block.role == Role.SMALL else Role.BODY
            indented = line.first_x - left >= INDENT * line.size
            spaced = (
                previous is not None
                and line.box.top - previous.box.bottom > layout.line_gap + PARAGRAPH_GAP * layout.body_size
            )
            joins = (
                paragraph is not None
                and not paragraph.ended
                and not indented
                and not spaced
                and paragraph.role == role
                and abs(paragraph.size - line.size) <= 0.1 * line.size
            )
            if joins:
                paragraph.parts.append(_joint(paragraph.parts[-1], line.text))
                paragraph.parts.append(line.text)
            else:
                _flush(paragraph, out)
                paragraph = _Paragraph([line.text], role, line.size, line.box)
            # A line that stops short ends its paragraph when it ends a sentence; one that stops short mid-sentence
            # was only broken early (a quotation kept whole), and the next line carries on unless it is indented.
            paragraph.ended = right - line.box.x1 >= SHORT * line.size and (
                line.text[-1] in PARAGRAPH_ENDS or (len(paragraph.parts) == 1 and not indented)
            )
            previous = line
    _flush(paragraph, out)


def _flush(paragraph: _Paragraph | None, out: _Out) -> None:
    if paragraph is None:
        return
    out.blank()
    out.add("".join(paragraph.parts), paragraph.role, paragraph.size, paragraph.box)


def _joint(before: str, after: str) -> str:
    """Hard-wrapped lines join without a space, except two Latin words."""
    if before[-1:].isascii() and before[-1:].isalpha() and after[:1].isascii() and after[:1].isalpha():
        return " "
    return ""


def _edges(block: Block, layout: PageLayout) -> tuple[float, float]:
    """The left and right edges of the column the block stands in, from the page's column grid."""
    size = layout.body_size
    left = min(line.box.x0 for line in block.lines)
    right = max(line.box.x1 for line in block.lines)
    lefts = [x for x in layout.column_lefts if left - SNAP * size <= x <= left + 0.3 * size]
    rights = [x for x in layout.column_rights if right - 0.3 * size <= x <= right + SNAP * size]
    return (max(lefts) if lefts else left), (min(rights) if rights else right)
