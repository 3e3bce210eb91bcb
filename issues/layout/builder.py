"""build_layout: a page's articles and geometry -> a PageLayout of rectangular blocks on the grid.

The method is the column-stack guillotine packing of automatic newspaper pagination
(cf. Strecker & Hennig, "Automatic Layouting of Personalized Newspaper Pages", 2009,
and the grid-based layouts of Jacobs et al., SIGGRAPH 2003): the lead article takes
a band across the top with the largest headline; the rest of the page is cut into
vertical stacks of whole columns, and each stack holds a run of articles in reading
order, one above the other, each as wide as its stack. Every way of cutting the
columns into stacks (each at least two columns wide) and every way of dealing the
articles, in order, into those stacks is scored by exhaustive search, with each
stack's height shared out in proportion to what its articles need (headline, byline,
photos at their aspect ratio, text set at the stack's width). The score charges text
that does not fit twice what it charges white space. Then headlines and leading grow
(within limits) to take up what white space is left. Pure Python; no Django.
"""

from __future__ import annotations

import itertools
import math
import time
from functools import cache

from .geometry import PT_MM, PageGeometry
from .model import Block, LayoutArticle, PageLayout

MIN_STACK_COLUMNS = 2
MAX_STACKS = 4
LEAD_BAND_MIN, LEAD_BAND_MAX = 0.18, 0.55  # of the page height
OVERFLOW_WEIGHT = 2.0
HEADLINE_GROWTH, LEADING_GROWTH = 1.5, 1.25
BLOCK_GAP_MM = 3.0
MIN_TEXT_LINES = 4
TITLE_LINES = 2  # a title is fitted to this many lines, down to the smallest size
TITLE_STEP_PT, MIN_HEADLINE_PT = 2.0, 16.0


def headline_pt(columns: int, *, lead: bool) -> float:
    """The headline size a block of this width takes: the lead's is the largest on the page."""
    if lead:
        return 40.0
    return {2: 18.0, 3: 22.0, 4: 26.0, 5: 28.0}.get(columns, 30.0)


def _title_lines(text: str, width_mm: float, pt: float) -> int:
    per_line = max(1, math.floor(width_mm / (pt * PT_MM)))
    return math.ceil(len(text) / per_line)


def _title_height(text: str, width_mm: float, pt: float) -> float:
    if not text:
        return 0.0
    return _title_lines(text, width_mm, pt) * pt * PT_MM * 1.25


def title_pt(article: LayoutArticle, columns: int, geometry: PageGeometry, *, lead: bool) -> float:
    """The block's headline size, stepped down until the title takes at most two lines:
    a long title is set smaller, as a desk would, rather than wrapped onto four."""
    width, pt = geometry.span_mm(columns), headline_pt(columns, lead=lead)
    while pt - TITLE_STEP_PT >= MIN_HEADLINE_PT and _title_lines(article.title, width, pt) > TITLE_LINES:
        pt -= TITLE_STEP_PT
    return pt


def needed_mm(article: LayoutArticle, columns: int, geometry: PageGeometry, *, lead: bool = False,
              headline_scale: float = 1.0, leading_scale: float = 1.0) -> float:  # fmt: skip
    """The height the article asks for at this width: headline, byline, photos with captions, text."""
    width = geometry.span_mm(columns)
    pt = title_pt(article, columns, geometry, lead=lead) * headline_scale
    head = _title_height(article.title, width, pt)
    head += _title_height(article.kicker, width, 14.0) + _title_height(article.subtitle, width, 14.0)
    line = geometry.line_mm * leading_scale
    # A photo spans at most half the block (two columns at least); text runs beside it.
    photo_width = geometry.span_mm(min(columns, max(MIN_STACK_COLUMNS, columns // 2)))
    photos = sum((photo_width / max(aspect, 0.2) + 2 * line) * photo_width / width for aspect in article.photos)
    per_line = geometry.chars_per_line
    # Each paragraph opens with a two-character indent and ends on a part line.
    text_lines = math.ceil((article.body_chars + 2 * article.paragraphs) / per_line) + article.paragraphs // 2
    text = math.ceil(text_lines / columns) * line
    return head + line + photos + text + BLOCK_GAP_MM


def _minimum_mm(article: LayoutArticle, columns: int, geometry: PageGeometry, *, lead: bool) -> float:
    pt = title_pt(article, columns, geometry, lead=lead)
    return _title_height(article.title, geometry.span_mm(columns), pt) + MIN_TEXT_LINES * geometry.line_mm


def _compositions(total: int, parts: int, minimum: int):
    """Ways to cut `total` columns into `parts` stacks of at least `minimum`, left to right."""
    if parts == 1:
        if total >= minimum:
            yield (total,)
        return
    for first in range(minimum, total - minimum * (parts - 1) + 1):
        for rest in _compositions(total - first, parts - 1, minimum):
            yield (first, *rest)


def _splits(count: int, parts: int):
    """Ways to deal `count` articles, in order, into `parts` non-empty runs."""
    for cuts in itertools.combinations(range(1, count), parts - 1):
        bounds = (0, *cuts, count)
        yield [(bounds[i], bounds[i + 1]) for i in range(parts)]


def build_layout(articles: list[LayoutArticle], geometry: PageGeometry | None = None) -> PageLayout:
    """Lay out a page; every article is placed, and text that does not fit is reported as overflow."""
    started = time.perf_counter()
    geometry = geometry or PageGeometry()
    ordered = sorted(articles, key=lambda a: (a.position, a.id))
    if not ordered:
        return _finish(geometry, [], started)
    lead, rest = ordered[0], ordered[1:]
    height, columns = geometry.height_mm, geometry.columns

    @cache
    def need(index: int, width: int) -> float:
        return needed_mm(rest[index], width, geometry)

    if not rest:
        band = height
    else:
        lead_need = needed_mm(lead, columns, geometry, lead=True)
        rest_need = sum(need(i, 2) for i in range(len(rest))) / (columns / 2)
        # The lead's band: its share of what the whole page asks for, within limits.
        share = lead_need / (lead_need + rest_need)
        band = _snap(min(max(share, LEAD_BAND_MIN), LEAD_BAND_MAX) * height, geometry)
    below = height - band

    best: tuple[float, list] | None = None
    if rest:
        for stacks in range(1, min(MAX_STACKS, len(rest), columns // MIN_STACK_COLUMNS) + 1):
            for widths in _compositions(columns, stacks, MIN_STACK_COLUMNS):
                starts = [sum(widths[:i]) for i in range(stacks)]
                for split in _splits(len(rest), stacks):
                    if not _respects_pins(rest, split, starts, widths):
                        continue
                    cost, plan = _score(rest, split, widths, starts, below, need, geometry)
                    if best is None or cost < best[0]:
                        best = (cost, plan)
    blocks = [_block(lead, 0, columns, 0.0, band, geometry, lead=True)]
    for index, column, width, y, h in best[1] if best else []:
        block = _block(rest[index], column, width, band + y, h, geometry, lead=False, cap_pt=blocks[0].headline_pt)
        blocks.append(block)
    return _finish(geometry, blocks, started)


def _respects_pins(rest, split, starts, widths) -> bool:
    for stack, (first, last) in enumerate(split):
        for article in rest[first:last]:
            if article.pin_column is not None and article.pin_column != starts[stack]:
                return False
            if article.pin_columns is not None and article.pin_columns != widths[stack]:
                return False
    return True


def _snap(mm: float, geometry: PageGeometry) -> float:
    """Down to whole body lines: the grid's vertical unit."""
    return math.floor(mm / geometry.line_mm) * geometry.line_mm


def _score(rest, split, widths, starts, height, need, geometry) -> tuple[float, list]:
    """Share each stack's height: every article first gets its minimum (headline and a few
    lines), then the rest goes in proportion to what each still wants; the last takes what is left."""
    cost, plan = 0.0, []
    line = geometry.line_mm
    for stack, (first, last) in enumerate(split):
        width = widths[stack]
        indices = range(first, last)
        needs = [need(i, width) for i in indices]
        minimums = [math.ceil(_minimum_mm(rest[i], width, geometry, lead=False) / line) * line for i in indices]
        spare = height - sum(minimums)
        if spare < 0:
            cost += 10 * height * width  # too many articles for this stack
            minimums = [line] * len(needs)
            spare = height - line * len(needs)
        wants = [max(n - m, 0.0) + 1e-6 for n, m in zip(needs, minimums, strict=True)]
        y = 0.0
        for offset, index in enumerate(indices):
            if index == last - 1:
                h = height - y
            else:
                h = minimums[offset] + _snap(spare * wants[offset] / sum(wants), geometry)
            wanted = needs[offset]
            cost += (OVERFLOW_WEIGHT * max(0.0, wanted - h) + max(0.0, h - wanted)) * width
            plan.append((index, starts[stack], width, y, h))
            y += h
    return cost, plan


def _block(article, column, columns, y, h, geometry, *, lead, cap_pt: float | None = None) -> Block:
    """A placed block; headline and leading grow (within limits) to take up white space.

    No headline grows past the lead's (`cap_pt`)."""
    headline_scale = leading_scale = 1.0
    wanted = needed_mm(article, columns, geometry, lead=lead)
    base_pt = title_pt(article, columns, geometry, lead=lead)
    if cap_pt is not None:
        base_pt = min(base_pt, cap_pt)  # the lead's headline stays the page's largest
    for scale in (1.1, 1.2, 1.3, 1.4, HEADLINE_GROWTH):
        if cap_pt is not None and base_pt * scale >= cap_pt:
            break
        if needed_mm(article, columns, geometry, lead=lead, headline_scale=scale) > h:
            break
        headline_scale = scale
    for scale in (1.05, 1.1, 1.15, 1.2, LEADING_GROWTH):
        if needed_mm(article, columns, geometry, lead=lead, headline_scale=headline_scale, leading_scale=scale) > h:
            break
        leading_scale = scale
    if headline_scale > 1 or leading_scale > 1:
        wanted = needed_mm(article, columns, geometry, lead=lead,
                           headline_scale=headline_scale, leading_scale=leading_scale)  # fmt: skip
    overflow_mm = max(0.0, wanted - h)
    chars_per_mm = geometry.chars_per_line * columns / (geometry.line_mm * leading_scale)
    # Edges are rounded, and sizes taken from the rounded edges, so that neighbours meet exactly.
    left_mm, right_mm = round(geometry.x_mm(column), 2), round(geometry.x_mm(column) + geometry.span_mm(columns), 2)
    top_mm, bottom_mm = round(y, 2), round(y + h, 2)
    x, w = left_mm, round(right_mm - left_mm, 2)
    y, h = top_mm, round(bottom_mm - top_mm, 2)
    return Block(
        article=article.id,
        x_mm=x,
        y_mm=y,
        width_mm=w,
        height_mm=h,
        column=column,
        columns=columns,
        lines=round(h / geometry.line_mm),
        headline_pt=round(base_pt * headline_scale, 1),
        needed_mm=round(wanted, 2),
        overflow_chars=min(article.body_chars, math.ceil(overflow_mm * chars_per_mm)),
        left=round(x / geometry.width_mm, 5),
        top=round(y / geometry.height_mm, 5),
        width=round(w / geometry.width_mm, 5),
        height=round(h / geometry.height_mm, 5),
    )


def _finish(geometry: PageGeometry, blocks: list[Block], started: float) -> PageLayout:
    area = geometry.width_mm * geometry.height_mm
    covered = sum(b.width_mm * b.height_mm for b in blocks)
    content = sum(b.width_mm * min(b.height_mm, b.needed_mm) for b in blocks)
    overflow = tuple(
        {"article": b.article, "chars": b.overflow_chars, "jump": "下转第X版"} for b in blocks if b.overflow_chars
    )
    stack_fill: dict[int, float] = {}
    for b in blocks:
        for column in range(b.column, b.column + b.columns):
            stack_fill[column] = stack_fill.get(column, 0.0) + b.height_mm
    heights = list(stack_fill.values()) or [0.0]
    metrics = {
        "fill": round(covered / area, 4),  # the share of the type area under article blocks
        "content_density": round(content / covered, 4) if covered else 0.0,  # set matter within the blocks
        "overlaps": count_overlaps(blocks),
        "placed": len(blocks),
        "overflow_articles": len(overflow),
        "column_balance": round(min(heights) / max(heights), 4) if max(heights) else 0.0,
        "milliseconds": round((time.perf_counter() - started) * 1000, 2),
    }
    return PageLayout(geometry.width_mm, geometry.height_mm, geometry.columns, tuple(blocks), overflow, metrics)


def count_overlaps(blocks) -> int:
    """Pairs of blocks that share area (touching edges do not count)."""
    eps = 0.005  # edges are kept to a hundredth of a millimetre
    return sum(
        1
        for a, b in itertools.combinations(blocks, 2)
        if a.x_mm < b.x_mm + b.width_mm - eps
        and b.x_mm < a.x_mm + a.width_mm - eps
        and a.y_mm < b.y_mm + b.height_mm - eps
        and b.y_mm < a.y_mm + a.height_mm - eps
    )
