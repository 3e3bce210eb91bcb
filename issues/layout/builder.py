"""build_layout: a page's articles and geometry -> a PageLayout of blocks on the column grid, each sized
by setting its text.

The page is cut as a 版面编辑 cuts a broadsheet (a guillotine of column stacks, cf. Strecker & Hennig,
"Automatic Layouting of Personalized Newspaper Pages", 2009): the lead takes the top left, four to six
columns wide (the whole width only on a page of few articles); beside it, the right-hand columns run
from the top to the foot in one or two stacks (the second story on top); under the lead, its columns
are cut into one to three stacks. Articles are dealt in reading order: the first ones down the right,
the rest under the lead. Each article's height at a width comes from setting it (setting.measure:
headline zone, photos at their aspect ratio with captions, the text's own lines in columns), so a
stack holds its articles exactly when their heights add up to it. Every cut of the columns and every
deal is scored by dynamic programming over the deals (the cost of a stack is additive), charging
text that must jump three times what it charges white space that no block can take up; a block a
little taller than its text takes the difference by a larger headline and opened leading. Pure
Python; no Django.
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import replace

from .geometry import PageGeometry
from .model import Block, LayoutArticle, PageLayout
from .setting import compose, headline_pt, measure

OVERFLOW_WEIGHT, HOLE_WEIGHT, GROWTH_WEIGHT = 3.0, 1.5, 0.4
JUMP_PENALTY = 6.0  # lines: a story sent to another page costs the reader a turn, however few lines go
MAX_BODY_PT, BODY_STEP_PT = 10.0, 0.5  # a thin page may be set up to 10 pt
LOOSE_PAGE = 0.08
FULL_WIDTH_LEAD_PENALTY = 40.0  # lines × columns: the lead across the page only where nothing else works
FEW_WIDTHS_PENALTY = 10_000.0  # a page of five or more in fewer than three block widths looks like strips
MANY_ARTICLES = 5
LEAD_MAX_SHARE = 0.6  # of the type area's height
MAX_LEFT_STACKS, MAX_RIGHT_STACKS = 3, 2
INFEASIBLE = 1e12


def _compositions(total: int, parts: int, minimum: int):
    """Ways to cut `total` columns into `parts` stacks of at least `minimum`, left to right."""
    if parts == 1:
        if total >= minimum:
            yield (total,)
        return
    for first in range(minimum, total - minimum * (parts - 1) + 1):
        for rest in _compositions(total - first, parts - 1, minimum):
            yield (first, *rest)


def _cuts(total: int, max_parts: int, *, allow_single: bool) -> list[tuple[int, ...]]:
    """Stack widths for a group of columns: parts of two or more; a one-column stack (briefs) only
    where the group is three columns wide."""
    cuts = [c for parts in range(1, max_parts + 1) for c in _compositions(total, parts, 2)]
    if allow_single and total == 3:
        cuts += [(1, 2), (2, 1)]
    return cuts


def page_plans(columns: int, count: int):
    """(lead width, right-hand stack widths, stack widths under the lead) for a page of `count` articles."""
    if count <= 1:
        yield columns, (), ()
        return
    for lead in range(max(2, math.ceil(columns / 2)), columns - 1):
        for right in _cuts(columns - lead, MAX_RIGHT_STACKS, allow_single=True):
            for left in _cuts(lead, MAX_LEFT_STACKS, allow_single=False):
                if len(right) + len(left) <= count - 1:
                    yield lead, right, left
                if len(right) <= count - 1:
                    yield lead, right, ()  # the right-hand stacks only: the lead runs to the foot
    if count < MANY_ARTICLES:  # a page of few: the lead across the top, two or three stacks under it
        for below in _cuts(columns, MAX_LEFT_STACKS, allow_single=False):
            if 2 <= len(below) <= count - 1:
                yield columns, (), below


def build_layout(articles: list[LayoutArticle], geometry: PageGeometry | None = None, *,
                 masthead_mm: float = 0.0, max_body_pt: float = MAX_BODY_PT) -> PageLayout:  # fmt: skip
    """Lay out a page: every article placed and set; text that does not fit is reported as overflow
    with its jump (下转第X版). `masthead_mm` keeps a band over the lead for A1's 报头.

    A page whose text leaves more than LOOSE_PAGE of its blocks white at the publication's body size
    is set again a half point larger at a time (up to `max_body_pt`), as a desk sets a thin page larger
    rather than open its leading; the setting with the lowest cost is kept, and the search stops once
    a larger size costs more or the page is no longer loose."""
    started = time.perf_counter()
    geometry = geometry or PageGeometry()
    ordered = sorted(articles, key=lambda a: (a.position, a.id))
    layout, cost = _build(ordered, geometry, masthead_mm, started)
    trial = layout
    size = geometry.body_pt
    while trial.typeset and trial.blocks and 1 - trial.metrics.get("content_density", 1.0) > LOOSE_PAGE:
        size += BODY_STEP_PT
        if size > max_body_pt + 1e-9:
            break
        trial, trial_cost = _build(ordered, replace(geometry, body_pt=size), masthead_mm, started)
        if trial_cost >= cost:
            break
        layout, cost = trial, trial_cost
    return layout


def _build(ordered: list[LayoutArticle], geometry: PageGeometry, masthead_mm: float,
           started: float) -> tuple[PageLayout, float]:  # fmt: skip
    line = geometry.line_mm
    top_rows = math.ceil(masthead_mm / line - 1e-6) if masthead_mm else 0
    rows = math.floor(geometry.height_mm / line + 1e-6) - top_rows
    if not ordered:
        return _finish(geometry, [], [], started, top_rows * line, typeset=True, masthead_columns=geometry.columns), 0.0
    lead, rest = ordered[0], ordered[1:]
    count, columns = len(ordered), geometry.columns
    caps: dict[int, float] = {}
    needs: dict[tuple[int, int, float], tuple[int, int, int]] = {}

    def cap_for(width: int) -> float:
        if width not in caps:
            caps[width] = headline_pt(lead, width, geometry, lead=True)
        return caps[width]

    def need(index: int, width: int, cap: float) -> tuple[int, int, int]:
        key = (index, width, cap)
        if key not in needs:
            article = rest[index]
            pt = headline_pt(article, width, geometry, lead=False, cap=cap)
            m = measure(article, width, geometry, lead=False, pt=pt)
            needs[key] = (m.lines, m.absorb, m.minimum)
        return needs[key]

    prefixes: dict[tuple[int, float], tuple[list[int], list[int], list[int]]] = {}

    def prefix(width: int, cap: float):
        key = (width, cap)
        if key not in prefixes:
            sums = ([0], [0], [0])
            for i in range(len(rest)):
                for column, value in enumerate(need(i, width, cap)):
                    sums[column].append(sums[column][-1] + value)
            prefixes[key] = sums
        return prefixes[key]

    pinned = [i for i, a in enumerate(rest) if a.pin_column is not None or a.pin_columns is not None]

    def run_cost(width: int, start: int, first: int, last: int, height: int, cap: float) -> float:
        if pinned and any(not _pinned_fits(rest[i], start, width) for i in pinned if first <= i < last):
            return INFEASIBLE
        lines, absorbs, minimums = prefix(width, cap)
        total, absorb = lines[last] - lines[first], absorbs[last] - absorbs[first]
        minimum = minimums[last] - minimums[first]
        if minimum > height:
            return INFEASIBLE / 1000 + (minimum - height) * width
        spare = height - total
        if spare < 0:
            return (OVERFLOW_WEIGHT * -spare + JUMP_PENALTY) * width
        return (GROWTH_WEIGHT * min(spare, absorb) + HOLE_WEIGHT * max(0, spare - absorb)) * width

    deals: dict[tuple, dict] = {}

    def deal(widths: tuple[int, ...], start: int, first: int, height: int, cap: float, *, prefix: bool):
        """Best deals of a run of articles into these stacks: {end or start: (cost, runs)}; plans that
        share a cut of the columns share its deals.

        prefix: the stacks take rest[first:end] for every end; else rest[start:] for every start."""
        key = (widths, start, first, height, cap, prefix)
        if key not in deals:
            deals[key] = _deal(widths, start, first, height, cap, prefix=prefix)
        return deals[key]

    def _deal(widths: tuple[int, ...], start: int, first: int, height: int, cap: float, *, prefix: bool):
        starts = [start + sum(widths[:s]) for s in range(len(widths))]
        m = len(rest)
        if prefix:
            table = {first: (0.0, ())}
            for s, width in enumerate(widths):
                nxt = {}
                for a, (cost, runs) in table.items():
                    for b in range(a + 1, m + 1):
                        c = cost + run_cost(width, starts[s], a, b, height, cap)
                        if b not in nxt or c < nxt[b][0]:
                            nxt[b] = (c, (*runs, (starts[s], width, a, b)))
                table = nxt
            return table
        table = {m: (0.0, ())}
        for s in range(len(widths) - 1, -1, -1):
            width = widths[s]
            nxt = {}
            for b, (cost, runs) in table.items():
                for a in range(0, b):
                    c = cost + run_cost(width, starts[s], a, b, height, cap)
                    if a not in nxt or c < nxt[a][0]:
                        nxt[a] = (c, ((starts[s], width, a, b), *runs))
            table = nxt
        return table

    best: tuple[float, int, int, tuple] | None = None
    for lead_width, right, left in page_plans(columns, count):
        cap = cap_for(lead_width)
        m_lead = measure(lead, lead_width, geometry, lead=True, pt=cap)
        widths = {lead_width, *right, *left}
        plan_cost = FULL_WIDTH_LEAD_PENALTY if (lead_width == columns and count > 1) else 0.0
        if count >= MANY_ARTICLES and len(widths) < 3:
            plan_cost += FEW_WIDTHS_PENALTY
        right_table = deal(right, lead_width, 0, rows + top_rows, cap, prefix=True) if right else {0: (0.0, ())}
        if not left:
            options = [rows]
        else:
            low = max(m_lead.minimum, 1)
            high = math.floor(LEAD_MAX_SHARE * rows)
            base = m_lead.lines
            options = sorted({min(max(h, low), high) for h in (base, base + m_lead.absorb // 2, base + m_lead.absorb)})
        for lead_rows in options:
            spare = lead_rows - m_lead.lines
            lead_cost = (
                (OVERFLOW_WEIGHT * -spare + JUMP_PENALTY) * lead_width
                if spare < 0
                else (GROWTH_WEIGHT * min(spare, m_lead.absorb) + HOLE_WEIGHT * max(0, spare - m_lead.absorb))
                * lead_width
            )
            left_table = deal(left, 0, 0, rows - lead_rows, cap, prefix=False) if left else {len(rest): (0.0, ())}
            for split, (r_cost, r_runs) in right_table.items():
                if split not in left_table:
                    continue
                l_cost, l_runs = left_table[split]
                total = plan_cost + lead_cost + r_cost + l_cost
                if best is None or total < best[0]:
                    best = (total, lead_width, lead_rows, (r_runs, l_runs))
    assert best is not None
    _, lead_width, lead_rows, (right_runs, left_runs) = best
    cap = cap_for(lead_width)
    placed: list[tuple[LayoutArticle, int, int, int, int, bool]] = [(lead, 0, lead_width, 0, lead_rows, True)]
    for start, width, first, last in right_runs:  # the right-hand stacks run from the top: the 报头 is over the lead
        placed += _stack(rest[first:last], [need(i, width, cap) for i in range(first, last)], start, width,
                         -top_rows, rows + top_rows)  # fmt: skip
    for start, width, first, last in left_runs:
        placed += _stack(rest[first:last], [need(i, width, cap) for i in range(first, last)], start, width,
                         lead_rows, rows - lead_rows)  # fmt: skip
    blocks, overflow = [], []
    top_mm = top_rows * line
    foot_mm = geometry.height_mm - top_mm
    for article, column, width, y_rows, h_rows, is_lead in placed:
        y = y_rows * line
        bottom = foot_mm if y_rows + h_rows >= rows else (y_rows + h_rows) * line
        blocks.append(_block(article, column, width, top_mm + y, bottom - y, geometry, lead=is_lead, cap=cap))
    for block, (article, *_rest) in zip(blocks, placed, strict=True):
        if block.overflow_chars:
            overflow.append({"article": article.id, "chars": block.overflow_chars, "jump": block.jump or "下转第X版",
                             "from_char": block.set_chars})  # fmt: skip
    typeset = all(a.body or not a.body_chars for a in ordered)
    masthead_columns = lead_width if top_rows else 0
    layout = _finish(geometry, blocks, overflow, started, top_mm, typeset=typeset, masthead_columns=masthead_columns)
    return layout, best[0] * line  # in column-millimetres, to compare settings at different body sizes


def _pinned_fits(article: LayoutArticle, start: int, width: int) -> bool:
    if article.pin_column is not None and article.pin_column != start:
        return False
    return article.pin_columns is None or article.pin_columns == width


def _stack(articles, needs, column, width, y0, height):
    """A stack's articles one above the other: each at its own height, the spare shared out by what
    each can take up, a shortfall taken from the one with most text above its minimum (it jumps)."""
    heights = [n for n, _a, _m in needs]
    spare = height - sum(heights)
    if spare > 0:
        absorb = [a for _n, a, _m in needs]
        total = sum(absorb) or 1
        for i in range(len(heights)):
            share = min(absorb[i], spare * absorb[i] // total)
            heights[i] += share
        left = height - sum(heights)
        for i in itertools.cycle(range(len(heights))):  # what is left, a line at a time, to whom can take it
            if left <= 0 or all(heights[j] - needs[j][0] >= absorb[j] for j in range(len(heights))):
                break
            if heights[i] - needs[i][0] < absorb[i]:
                heights[i] += 1
                left -= 1
        heights[-1] += height - sum(heights)  # anything still left stays at the foot of the last
    while sum(heights) > height:  # too much: the one with most above its minimum gives way, and jumps
        excess = sum(heights) - height
        i = max(range(len(heights)), key=lambda j: (heights[j] - needs[j][2], j))
        give = min(excess, heights[i] - needs[i][2]) if heights[i] > needs[i][2] else 0
        if give <= 0:
            i = max(range(len(heights)), key=lambda j: heights[j])
            give = min(excess, heights[i] - 1)
            if give <= 0:
                break
        heights[i] -= give
    placed, y = [], y0
    for article, h in zip(articles, heights, strict=True):
        placed.append((article, column, width, y, h, False))
        y += h
    return placed


def _block(article, column, columns, y, h, geometry, *, lead, cap) -> Block:
    left_mm, right_mm = round(geometry.x_mm(column), 2), round(geometry.x_mm(column) + geometry.span_mm(columns), 2)
    top_mm, bottom_mm = round(y, 2), round(y + h, 2)
    x, w = left_mm, round(right_mm - left_mm, 2)
    y, h = top_mm, round(bottom_mm - top_mm, 2)
    composition = compose(article, columns, h, geometry, lead=lead, cap=None if lead else cap)
    return Block(
        article=article.id,
        x_mm=x,
        y_mm=y,
        width_mm=w,
        height_mm=h,
        column=column,
        columns=columns,
        lines=round(h / geometry.line_mm),
        headline_pt=composition.headline_pt,
        needed_mm=round(composition.needed_mm, 2),
        overflow_chars=composition.overflow_chars,
        left=round(x / geometry.width_mm, 5),
        top=round(y / geometry.height_mm, 5),
        width=round(w / geometry.width_mm, 5),
        height=round(h / geometry.height_mm, 5),
        lead=lead,
        head_mm=round(composition.head_mm, 2),
        leading_mm=round(composition.leading_mm, 3),
        photo_columns=composition.photo_columns,
        set_chars=composition.set_chars,
        jump=composition.jump,
    )


def _finish(geometry: PageGeometry, blocks: list[Block], overflow: list[dict], started: float, masthead_mm: float,
            *, typeset: bool, masthead_columns: int) -> PageLayout:  # fmt: skip
    masthead_width = geometry.span_mm(masthead_columns) if masthead_mm else 0.0
    area = geometry.width_mm * geometry.height_mm - masthead_width * masthead_mm
    covered = sum(b.width_mm * b.height_mm for b in blocks)
    content = sum(b.width_mm * min(b.height_mm, b.needed_mm) for b in blocks)
    stack_fill: dict[int, float] = {}
    for b in blocks:
        for column in range(b.column, b.column + b.columns):
            stack_fill[column] = stack_fill.get(column, 0.0) + b.height_mm
    heights = list(stack_fill.values()) or [0.0]
    metrics = {
        "fill": round(covered / area, 4) if area else 0.0,  # the share of the type area under article blocks
        # what the blocks' set matter asks for, over their area: below 1 is white no block could take up
        "content_density": round(content / covered, 4) if covered else 0.0,
        "overlaps": count_overlaps(blocks),
        "placed": len(blocks),
        "overflow_articles": len(overflow),
        "column_balance": round(min(heights) / max(heights), 4) if max(heights) else 0.0,
        "block_widths": len({b.columns for b in blocks}),
        "milliseconds": round((time.perf_counter() - started) * 1000, 2),
    }
    return PageLayout(geometry.width_mm, geometry.height_mm, geometry.columns, tuple(blocks), tuple(overflow),
                      metrics, masthead_mm, geometry.gutter_mm, geometry.body_pt, geometry.leading, typeset,
                      round(masthead_width, 2))  # fmt: skip


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


def compose_page(layout: dict, articles: dict[int, LayoutArticle], geometry: PageGeometry) -> list[tuple[dict, object]]:
    """Each stored block of a layout (PageLayout.to_dict()) with its article set in it exactly as
    build_layout set it: the proof and the drawn page call this, so they show the same lines. The grid
    and body size the layout was set on (its "geometry") win over those of `geometry`."""
    stored = layout.get("geometry") or {}
    geometry = replace(geometry, **{k: stored[k] for k in ("gutter_mm", "body_pt", "leading") if stored.get(k)})
    blocks = layout.get("blocks", [])
    lead_block = next((b for b in blocks if b.get("lead")), blocks[0] if blocks else None)
    cap = None
    if lead_block and lead_block["article"] in articles:
        cap = headline_pt(articles[lead_block["article"]], lead_block["columns"], geometry, lead=True)
    result = []
    for block in blocks:
        article = articles.get(block["article"])
        if article is None:
            continue
        is_lead = block is lead_block
        result.append((block, compose(article, block["columns"], block["height_mm"], geometry, lead=is_lead,
                                      cap=None if is_lead else cap)))  # fmt: skip
    return result
