"""One article set in a block: how tall it wants to be at a width (measure), and every element placed
in a block of a given height (compose): headline zone, photos with captions under them, the text in
columns on the body grid, and a 下转 line where the text is cut. The builder sizes blocks with
measure(); the proof and the drawn page draw what compose() returns, so they set the same lines."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from .geometry import PT_MM, PageGeometry
from .model import LayoutArticle
from .typeset import Line, headline_lines, set_paragraphs, text_em

# Headline sizes by rank (position on the page), capped by the block's width; the lead's is the largest.
RANK_PT = ((1, 40.0), (2, 28.0), (3, 24.0), (5, 22.0), (8, 20.0))
OTHER_PT = 18.0
WIDTH_CAP_PT = {1: 16.0, 2: 22.0, 3: 28.0, 4: 34.0}
MIN_PT, MIN_PT_ONE_COLUMN = 16.0, 13.0
TITLE_STEP_PT = 2.0
TITLE_PITCH, SMALL_HEAD_PITCH = 1.15, 1.3
CAPTION_PT, CAPTION_PITCH = 8.0, 1.35
GAP_LINES = 0.5  # white under a block, above the next one's rule (with the last line's half-leading, ~3 mm)
MAX_LEADING_GROWTH = 1.2  # a block taller than its text opens its leading this far, no further
HEAD_GROWTH_LINES = 3  # and its headline zone this many lines (a larger headline)
HEAD_GROWTH = 1.4  # the largest a headline grows over its size by rank
# The headline zone is sized to the headline: this much white over and under it, in body lines.
HEAD_TOP_LINES, HEAD_FOOT_LINES = 0.2, 0.35
MAX_PHOTO_SHARE = 0.4  # of the page height
JUMP_TEXT = "（下转第{}版）"


def rank_pt(position: int) -> float:
    for last, pt in RANK_PT:
        if position <= last:
            return pt
    return OTHER_PT


def headline_pt(article: LayoutArticle, columns: int, geometry: PageGeometry, *, lead: bool,
                cap: float | None = None) -> float:  # fmt: skip
    """The headline's size: by rank, no larger than the block's width allows or than the lead's
    (`cap`), stepped down until the title takes at most two lines (three in one column)."""
    pt = rank_pt(1 if lead else max(2, article.position))
    pt = min(pt, WIDTH_CAP_PT.get(columns, 48.0))
    if cap is not None and not lead:
        pt = min(pt, cap - TITLE_STEP_PT)
    floor_pt = MIN_PT_ONE_COLUMN if columns == 1 else MIN_PT
    max_lines = 3 if columns == 1 else 2
    width = geometry.span_mm(columns)
    while pt - TITLE_STEP_PT >= floor_pt and len(headline_lines(article.title, width / (pt * PT_MM))) > max_lines:
        pt -= TITLE_STEP_PT
    return pt


def small_pt(pt: float) -> float:
    """引题 and 副题: about half the title, never below 10.5 pt."""
    return max(10.5, round(pt * 0.45 * 2) / 2)


def head_mm(article: LayoutArticle, width_mm: float, pt: float, geometry: PageGeometry) -> float:
    """The headline zone: kicker, title, subtitle, byline, with a little air above and below."""
    line = geometry.line_mm
    small = small_pt(pt)
    height = HEAD_TOP_LINES * line
    height += len(headline_lines(article.kicker, width_mm / (small * PT_MM))) * small * PT_MM * SMALL_HEAD_PITCH
    height += len(headline_lines(article.title, width_mm / (pt * PT_MM))) * pt * PT_MM * TITLE_PITCH
    height += len(headline_lines(article.subtitle, width_mm / (small * PT_MM))) * small * PT_MM * SMALL_HEAD_PITCH
    if article.byline:
        height += line
    return height + HEAD_FOOT_LINES * line


def photo_columns(
    columns: int, aspects: tuple[float, ...], geometry: PageGeometry, text_lines: int | None = None
) -> int:
    """Photos span the whole of a narrow block and about half of a wide one (text runs beside them);
    fewer columns where the picture would otherwise stand taller than the page allows. Given the
    body's lines, the span widens until the text fills the columns beside the picture: a picture with
    little text spans the block rather than stand beside empty columns."""
    if not aspects:
        return 0
    span = columns if columns <= 3 else max(2, (columns + 1) // 2)
    tallest = min(aspects)

    def too_tall(s: int) -> bool:
        return geometry.span_mm(s) / max(tallest, 0.3) > MAX_PHOTO_SHARE * geometry.height_mm

    while span > 1 and too_tall(span):
        span -= 1
    if text_lines is None or span >= columns:
        return span
    for s in range(span, columns):  # the narrowest span whose columns beside the picture the text fills
        if s > span and too_tall(s):
            return s - 1
        photo = photo_lines(aspects, (), s, geometry)
        if text_lines >= (columns - s) * (photo - 1):
            return s
    return span if too_tall(columns) else columns


def photo_lines(aspects: tuple[float, ...], captions: tuple[str, ...], span: int, geometry: PageGeometry) -> int:
    """Body lines the photos and their captions take in their columns."""
    line = geometry.line_mm
    total = 0
    for n, aspect in enumerate(aspects):
        caption = captions[n] if n < len(captions) else ""
        picture, under = photo_mm(aspect, caption, span, geometry)
        total += math.ceil((picture + under + 0.5 * line) / line - 1e-6)
    return total


def photo_mm(aspect: float, caption: str, span: int, geometry: PageGeometry) -> tuple[float, float]:
    """The picture's height at its aspect ratio, and its caption's height under it."""
    width = geometry.span_mm(span)
    picture = min(width / max(aspect, 0.3), MAX_PHOTO_SHARE * geometry.height_mm)
    caption_lines = len(caption_lines_of(caption, width)) if caption else 0
    return picture, caption_lines * CAPTION_PT * PT_MM * CAPTION_PITCH + (1.5 if caption else 0.0)


def caption_lines_of(caption: str, width_mm: float) -> list[Line]:
    return [line for line in set_paragraphs((caption,), width_mm / (CAPTION_PT * PT_MM))]


@lru_cache(maxsize=2048)
def body_lines(body: tuple[str, ...], measure_em: float) -> tuple[Line, ...]:
    return set_paragraphs(body, measure_em)


def measure_em(geometry: PageGeometry) -> float:
    """A column's measure in body ems (the renderer justifies each line to the column exactly)."""
    return geometry.column_mm / geometry.char_mm


def text_line_count(article: LayoutArticle, geometry: PageGeometry) -> int:
    """The body's lines at the column measure: set from the text, or estimated from the counts."""
    if article.body:
        return len(body_lines(article.body, measure_em(geometry)))
    if not article.body_chars:
        return 0
    per_line = geometry.chars_per_line
    return math.ceil((article.body_chars + 2 * article.paragraphs) / per_line) + article.paragraphs // 2


@dataclass(frozen=True)
class Measure:
    """An article at a width, in body lines: what it needs, and how much more it can take up."""

    head: int
    photo: int  # lines the photos and captions take in their columns
    photo_columns: int
    text: int  # body lines
    per_column: int  # lines per column once set
    lines: int  # the whole block, gap included
    absorb: int  # extra lines the block can take by opening its headline zone and leading
    minimum: int  # headline and a few lines of text: less and the article is not on the page


def measure(article: LayoutArticle, columns: int, geometry: PageGeometry, *, lead: bool,
            pt: float | None = None) -> Measure:  # fmt: skip
    line = geometry.line_mm
    pt = pt or headline_pt(article, columns, geometry, lead=lead)
    # The headline zone and the gap under the block share their rounding to whole lines.
    head = math.ceil(head_mm(article, geometry.span_mm(columns), pt, geometry) / line + GAP_LINES - 1e-6)
    text = text_line_count(article, geometry)
    span = photo_columns(columns, article.photos, geometry, text)
    photo = photo_lines(article.photos, article.captions, span, geometry) if span else 0
    per_column = max(photo, math.ceil((text + span * photo) / columns)) if (text or photo) else 0
    absorb = HEAD_GROWTH_LINES + math.floor((per_column - photo) * (MAX_LEADING_GROWTH - 1))
    minimum = head + min(per_column, 3 + photo)
    return Measure(head, photo, span, text, per_column, head + per_column, absorb, minimum)


@dataclass(frozen=True)
class Element:
    """A placed piece of a block, in mm from the block's top left."""

    kind: str  # kicker, title, subtitle, byline, line, photo, caption, jump
    x: float
    y: float
    w: float
    h: float
    text: str = ""
    pt: float = 0.0
    justify: bool = False
    indent_em: float = 0.0
    natural_em: float = 0.0  # the text's width at its size, for justifying it to `w`
    photo: int = -1  # which of the article's photos


@dataclass(frozen=True)
class Composition:
    elements: tuple[Element, ...]
    head_mm: float
    leading_mm: float
    headline_pt: float
    photo_columns: int
    set_chars: int
    overflow_chars: int
    jump: str
    needed_mm: float


def compose(article: LayoutArticle, columns: int, height_mm: float, geometry: PageGeometry, *, lead: bool,
            pt: float | None = None, cap: float | None = None) -> Composition:  # fmt: skip
    """Every element of the article set in a block `columns` wide and `height_mm` tall.

    Where the block is taller than the article needs, the headline grows a step or two and the
    leading opens (within limits); where it is shorter, the text is cut at a line and ends with
    （下转第X版）: what is not set is counted, never dropped silently."""
    line = geometry.line_mm
    base_pt = pt or headline_pt(article, columns, geometry, lead=lead, cap=cap)
    natural = measure(article, columns, geometry, lead=lead, pt=base_pt)
    spare = math.floor((height_mm + 0.01) / line) - natural.lines
    pt = base_pt
    if spare > 0:  # a larger headline, as long as it takes no more than the lines to spare
        limit = base_pt * HEAD_GROWTH if lead else min(base_pt * HEAD_GROWTH, (cap or 99.0) - TITLE_STEP_PT)
        while pt + TITLE_STEP_PT <= limit:
            grown = measure(article, columns, geometry, lead=lead, pt=pt + TITLE_STEP_PT)
            if grown.head - natural.head > min(spare, HEAD_GROWTH_LINES + 1) or grown.per_column != natural.per_column:
                break
            pt += TITLE_STEP_PT
    width = geometry.span_mm(columns)
    head_lines = math.ceil(head_mm(article, width, pt, geometry) / line + GAP_LINES - 1e-6)
    elements: list[Element] = []
    text_top = (head_lines - GAP_LINES) * line
    _head(elements, article, width, pt, text_top, geometry)
    room = height_mm - text_top - GAP_LINES * line  # for photos and text
    span = natural.photo_columns
    photo_lines = natural.photo
    if (
        span and math.floor((room + 0.01) / line) < photo_lines
    ):  # no room for the picture: it goes, and the editor sees why
        span, photo_lines = 0, 0
    lines = body_lines(article.body, measure_em(geometry)) if article.body else ()
    bottom = text_top + room
    tops = [text_top + photo_lines * line if column < span else text_top for column in range(columns)]

    def capacity(pitch: float) -> int:
        return sum(max(0, math.floor((bottom - top + 0.01) / pitch)) for top in tops)

    leading = line
    wanted = len(lines) if article.body else natural.text
    if capacity(line) >= wanted and wanted:  # open the leading as far as the text still fits
        low, high = line, line * MAX_LEADING_GROWTH
        if capacity(high) >= wanted:
            low = high
        else:
            for _ in range(16):
                middle = (low + high) / 2
                low, high = (middle, high) if capacity(middle) >= wanted else (low, middle)
        leading = low
    room_lines = capacity(leading)
    cut = wanted > room_lines
    set_count = max(0, room_lines - 1) if cut else len(lines)
    # Photos, top left of the text, each with its caption under it.
    y = text_top
    for n, aspect in enumerate(article.photos if span else ()):
        caption = article.captions[n] if n < len(article.captions) else ""
        picture, under = photo_mm(aspect, caption, span, geometry)
        photo_width = min(geometry.span_mm(span), picture * max(aspect, 0.3))
        elements.append(Element("photo", (geometry.span_mm(span) - photo_width) / 2, y, photo_width, picture, photo=n))
        cy = y + picture + 1.0
        for cl in caption_lines_of(caption, geometry.span_mm(span)) if caption else ():
            elements.append(Element("caption", 0.0, cy, geometry.span_mm(span), CAPTION_PT * PT_MM * CAPTION_PITCH,
                                    cl.text, CAPTION_PT, cl.justify, cl.indent_em, text_em(cl.text) + cl.indent_em))  # fmt: skip
            cy += CAPTION_PT * PT_MM * CAPTION_PITCH
        y += math.ceil((picture + under + 0.5 * line) / line - 1e-6) * line
    # The text, column by column, each column filled before the next; the columns under the photos
    # start below them. Balanced: the columns end together, as low as the text needs (white a block
    # cannot take up lies evenly under them, never as one short last column).
    if not cut and wanted:
        bottom = _balanced_bottom(tops, bottom, leading, wanted)
    slots = [
        (column * (geometry.column_mm + geometry.gutter_mm), top + row * leading)
        for column, top in enumerate(tops)
        for row in range(max(0, math.floor((bottom - top + 0.01) / leading)))
    ]
    for (x, y), ln in zip(slots, lines[:set_count], strict=False):
        elements.append(Element("line", x, y, geometry.column_mm, leading, ln.text, geometry.body_pt, ln.justify,
                                ln.indent_em, text_em(ln.text) + ln.indent_em))  # fmt: skip
    jump = ""
    if article.body:
        set_chars = sum(len(ln.text) for ln in lines[:set_count])
        overflow = sum(len(ln.text) for ln in lines) - set_chars
        if cut:
            jump = JUMP_TEXT.format(article.jump_page or "X")
            if set_count < len(slots):
                x, y = slots[set_count]
                elements.append(Element("jump", x, y, geometry.column_mm, leading, jump, geometry.body_pt,
                                        natural_em=text_em(jump)))  # fmt: skip
    else:  # estimated from the counts: nothing is set, and what does not fit is estimated
        missing = max(0, wanted - room_lines)
        overflow = min(article.body_chars, math.ceil(missing * geometry.chars_per_line))
        set_chars = article.body_chars - overflow
        jump = JUMP_TEXT.format(article.jump_page or "X") if overflow else ""
    return Composition(tuple(elements), text_top, leading, pt, span if photo_lines else 0, set_chars,
                       overflow, jump.strip("（）"), natural.lines * line)  # fmt: skip


def _balanced_bottom(tops: list[float], bottom: float, leading: float, wanted: int) -> float:
    """The highest foot for the columns at which they still hold `wanted` lines."""
    low = min(tops)
    for rows in range(1, math.floor((bottom - low + 0.01) / leading) + 1):
        foot = low + rows * leading
        if sum(max(0, math.floor((foot - top + 0.01) / leading)) for top in tops) >= wanted:
            return min(bottom, foot)
    return bottom


def _head(elements: list[Element], article: LayoutArticle, width: float, pt: float, zone: float,
          geometry: PageGeometry) -> None:  # fmt: skip
    """Kicker, title, subtitle, byline, centred vertically in their zone."""
    small = small_pt(pt)
    rows = []
    for kind, text, size, pitch in (
        ("kicker", article.kicker, small, SMALL_HEAD_PITCH),
        ("title", article.title, pt, TITLE_PITCH),
        ("subtitle", article.subtitle, small, SMALL_HEAD_PITCH),
    ):
        for part in headline_lines(text, width / (size * PT_MM)):
            rows.append((kind, part, size, size * PT_MM * pitch))
    if article.byline:
        rows.append(("byline", article.byline, geometry.body_pt, geometry.line_mm))
    used = sum(r[3] for r in rows)
    y = max(HEAD_TOP_LINES * geometry.line_mm, (zone - used) / 2)
    for kind, text, size, height in rows:
        elements.append(Element(kind, 0.0, y, width, height, text, size, natural_em=text_em(text)))
        y += height
