"""Lines and pictures -> blocks in reading order, grouped into articles.

The page is cut recursively (XY-cut): across at every empty band (or drawn rule) that runs the
whole width of the region, else down at every empty gutter that runs its whole height. Cutting
across first reads the articles of a page top to bottom and, inside an article, the headline
before the body; cutting down reads side-by-side articles and an article's columns left to
right. What cannot be cut is a block: a column of one article, a headline line, a picture.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from .lines import Line
from .model import Box, Role

HEADLINE_RATIO = 1.2  # a line set this much larger than the body is a headline line
DECK_RATIO = 1.04  # a kicker or subtitle may be set only this much larger than the body (or bold) ...
DECK_LINES = 2  # ... in one or two lines ...
DECK_GAP = 1.5  # ... standing within this many title ems of the title
SMALL_RATIO = 0.92  # a line set this much smaller is a caption, a credit or a note
ACROSS_GAP = 0.9  # body ems of empty band, beyond the usual line gap, that part two blocks
SOFT_GAP = 0.25  # body ems beyond the line gap that part two blocks where the type changes
DOWN_GAP = 0.8  # body ems of empty gutter that part two columns
RULE_SPAN = 0.5  # a drawn rule that runs this share of a region's width (height) cuts it
FENCE_SLACK = 1.0  # body ems: a rule that runs all of a region's length but this much fences articles apart
WIDEST_SHARE = 0.8  # without rules, a region is cut at its widest gaps first (between rows before under headlines)
FURNITURE_LINES = 8  # at most this many lines fenced off as furniture
FURNITURE_BAND = 0.2  # of the page height, at the top (half of it at the foot): where a rule fences page furniture


@dataclass(frozen=True, slots=True)
class Atom:
    box: Box
    line: Line | None = None  # a text line, or None for a picture


@dataclass(slots=True)
class Block:
    atoms: list[Atom]
    box: Box
    role: Role = Role.BODY
    lines: list[Line] = field(default_factory=list)

    @property
    def picture(self) -> bool:
        return not self.lines


@dataclass(slots=True)
class Article:
    blocks: list[Block] = field(default_factory=list)

    @property
    def headline_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.role in (Role.KICKER, Role.TITLE, Role.SUBTITLE)]

    @property
    def has_text(self) -> bool:
        return any(b.lines and b.role in (Role.BODY, Role.SMALL) for b in self.blocks)


@dataclass(frozen=True, slots=True)
class PageLayout:
    body_size: float
    line_gap: float  # the usual empty band between two body lines, points
    furniture: list[Line]
    articles: list[Article]
    column_lefts: tuple[float, ...]  # x where many body lines start
    column_rights: tuple[float, ...]


def body_size(lines: list[Line]) -> float:
    """The size most characters of the page are set in."""
    counts: Counter[float] = Counter()
    for line in lines:
        counts[round(line.size * 2) / 2] += line.chars
    return counts.most_common(1)[0][0] if counts else 10.0


def line_role(line: Line, body: float) -> Role:
    if line.size >= HEADLINE_RATIO * body:
        return Role.TITLE  # which headline line it is (kicker, title, subtitle) is decided per article
    if line.size <= SMALL_RATIO * body:
        return Role.SMALL
    return Role.BODY


def typical_line_gap(lines: list[Line], body: float) -> float:
    """The empty band between two body lines of one column (the leading less the type)."""
    gaps: list[float] = []
    body_lines = sorted(
        (line for line in lines if abs(line.size - body) < 0.05 * body), key=lambda ln: (ln.box.x0, ln.box.top)
    )
    for upper, lower in pairwise(body_lines):
        if abs(upper.box.x0 - lower.box.x0) < 3 * body or abs(upper.box.x1 - lower.box.x1) < body:
            gap = lower.box.top - upper.box.bottom
            if 0 <= gap < 2 * body:
                gaps.append(gap)
    if not gaps:
        return 0.4 * body
    gaps.sort()
    return gaps[len(gaps) // 2]


def lay_out(
    lines: list[Line], pictures: tuple[Box, ...], rules: tuple[Box, ...], width: float, height: float
) -> PageLayout:
    body = body_size(lines)
    gap = typical_line_gap(lines, body)
    furniture, lines = _furniture(lines, rules, width, height)
    atoms = [Atom(line.box, line) for line in lines]
    atoms += [Atom(box) for box in pictures if not any(box.contains_point(*_centre(a.box)) for a in atoms)]
    horizontal = [r for r in rules if r.width >= r.height]
    vertical = [r for r in rules if r.height > r.width]
    leaves: list[list[Atom]] = []
    across = _Cut(gap + ACROSS_GAP * body, gap + SOFT_GAP * body, body)
    down = _Cut(DOWN_GAP * body, DOWN_GAP * body, body)
    _xy_cut(atoms, leaves, across=across, down=down, horizontal=horizontal, vertical=vertical)
    blocks = [block for leaf in leaves if leaf for block in _blocks(leaf, body)]
    lefts, rights = _column_edges(lines, body)
    return PageLayout(body, gap, furniture, _articles(blocks, body), lefts, rights)


def _centre(box: Box) -> tuple[float, float]:
    return (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2


def _furniture(lines: list[Line], rules: tuple[Box, ...], width: float, height: float) -> tuple[list[Line], list[Line]]:
    """Lines fenced off by a long rule near the top (masthead, 报眉) or the foot of the page."""
    if not lines:
        return [], lines
    text_width = max(ln.box.x1 for ln in lines) - min(ln.box.x0 for ln in lines)
    long_rules = [r for r in rules if r.width >= 0.6 * text_width and r.width >= r.height]
    # The first long rule from the top (the last from the foot) fences the furniture; it holds a few lines, not stories.
    top_fence = min((r.bottom for r in long_rules if r.bottom <= FURNITURE_BAND * height), default=None)
    foot_fence = max((r.top for r in long_rules if r.top >= (1 - FURNITURE_BAND / 2) * height), default=None)
    if top_fence is not None and sum(ln.box.bottom <= top_fence + 1 for ln in lines) > FURNITURE_LINES:
        top_fence = None
    if foot_fence is not None and sum(ln.box.top >= foot_fence - 1 for ln in lines) > FURNITURE_LINES:
        foot_fence = None
    furniture, rest = [], []
    for line in lines:
        above = top_fence is not None and line.box.bottom <= top_fence + 1
        below = foot_fence is not None and line.box.top >= foot_fence - 1
        (furniture if above or below else rest).append(line)
    return _by_bands(furniture), rest


def _by_bands(lines: list[Line]) -> list[Line]:
    """Lines in bands that share some height (a masthead row of different sizes), top to bottom, each left to right."""
    bands: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.box.top):
        if bands and line.box.top < max(ln.box.bottom for ln in bands[-1]):
            bands[-1].append(line)
        else:
            bands.append([line])
    return [line for band in bands for line in sorted(band, key=lambda ln: ln.box.x0)]


def _xy_cut(
    atoms: list[Atom], out: list[list[Atom]], *, across: _Cut, down: _Cut, horizontal: list[Box], vertical: list[Box]
) -> None:
    if len(atoms) <= 1:
        out.append(atoms)
        return
    region = atoms[0].box
    for atom in atoms[1:]:
        region = region.union(atom.box)
    # Rules drawn (nearly) the whole width or height of the region part articles: cut there first, across before
    # down. Then the widest empty gaps: across first (an article's headline before its columns), then down.
    for fenced_only in (True, False):
        for parts in (
            _split(atoms, region, across, horizontal, axis="y", fenced_only=fenced_only),
            _split(atoms, region, down, vertical, axis="x", fenced_only=fenced_only),
        ):
            if len(parts) > 1:
                for part in parts:
                    _xy_cut(part, out, across=across, down=down, horizontal=horizontal, vertical=vertical)
                return
    pictures = [a for a in atoms if a.line is None]
    if pictures and len(pictures) < len(atoms):
        # A picture set close above (or beside) the columns blocks every cut: read it first, then cut the text alone.
        out.extend([picture] for picture in pictures)
        _xy_cut(
            [a for a in atoms if a.line is not None],
            out,
            across=across,
            down=down,
            horizontal=horizontal,
            vertical=vertical,
        )
        return
    out.append(sorted(atoms, key=lambda a: (a.box.top, a.box.x0)))


def _split(
    atoms: list[Atom], region: Box, cut: _Cut, rules: list[Box], *, axis: str, fenced_only: bool
) -> list[list[Atom]]:
    """The atoms in bands (axis y) or columns (axis x), parted where a rule runs (nearly) the region's whole
    length (fenced_only), or else at the widest empty gaps of at least the cut's minimum, at a narrower gap
    where the type changes (a caption over the text, a headline over its columns), and at rules over half of it."""

    def span(box: Box) -> tuple[float, float]:
        return (box.top, box.bottom) if axis == "y" else (box.x0, box.x1)

    ordered = sorted(atoms, key=lambda a: span(a.box)[0])
    gaps: list[tuple[int, float, float]] = []  # (index of the atom after the gap, gap, rule share)
    reach, last = span(ordered[0].box)[1], ordered[0]
    for i, atom in enumerate(ordered[1:], start=1):
        start, end = span(atom.box)
        if start > reach:
            gap = start - reach
            if gap < cut.minimum and gap >= cut.soft and _kind(last, cut.body) != _kind(atom, cut.body):
                gap = cut.minimum  # as good as a wide gap
            gaps.append((i, gap, _ruled(reach, start, region, rules, axis)))
        if end > reach:
            reach, last = end, atom
    if fenced_only:
        length = region.width if axis == "y" else region.height  # the length a rule in the gap runs along
        cuts = {i for i, _, share in gaps if (1 - share) * length <= FENCE_SLACK * cut.body}
    else:
        widest = max((gap for _, gap, _ in gaps if gap >= cut.minimum), default=0.0)
        cuts = {
            i for i, gap, share in gaps if (gap >= cut.minimum and gap >= WIDEST_SHARE * widest) or share >= RULE_SPAN
        }
    groups: list[list[Atom]] = [[]]
    for i, atom in enumerate(ordered):
        if i in cuts:
            groups.append([])
        groups[-1].append(atom)
    return groups


@dataclass(frozen=True, slots=True)
class _Cut:
    minimum: float  # an empty gap this wide parts two groups
    soft: float  # a narrower one parts them where the kind of type changes
    body: float


def _kind(atom: Atom, body: float) -> Role | None:
    return None if atom.line is None else line_role(atom.line, body)


def _ruled(low: float, high: float, region: Box, rules: list[Box], axis: str) -> float:
    """The longest share of the region's length run by a rule lying in the gap between low and high."""
    best = 0.0
    for rule in rules:
        if axis == "y" and low - 1 <= (rule.top + rule.bottom) / 2 <= high + 1:
            overlap = min(rule.x1, region.x1) - max(rule.x0, region.x0)
            best = max(best, overlap / max(region.width, 1.0))
        elif axis == "x" and low - 1 <= (rule.x0 + rule.x1) / 2 <= high + 1:
            overlap = min(rule.bottom, region.bottom) - max(rule.top, region.top)
            best = max(best, overlap / max(region.height, 1.0))
    return best


def _blocks(atoms: list[Atom], body: float) -> list[Block]:
    """A leaf as blocks: its pictures, and its lines cut where their role changes (a subtitle set close above the text)."""
    blocks = [Block([a], a.box) for a in atoms if a.line is None]
    lines = sorted((a.line for a in atoms if a.line is not None), key=lambda ln: (ln.box.top, ln.box.x0))
    run: list[Line] = []
    for line in lines:
        if run and line_role(line, body) != line_role(run[-1], body):
            blocks.append(_text_block(run, body))
            run = []
        run.append(line)
    if run:
        blocks.append(_text_block(run, body))
    return blocks


def _text_block(lines: list[Line], body: float) -> Block:
    box = lines[0].box
    for line in lines[1:]:
        box = box.union(line.box)
    return Block([Atom(line.box, line) for line in lines], box, line_role(lines[0], body), lines)


def _column_edges(lines: list[Line], body: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The x where body lines start and end, seen on at least three lines: the column grid."""
    lefts: Counter[int] = Counter()
    rights: Counter[int] = Counter()
    for line in lines:
        if abs(line.size - body) < 0.1 * body:
            lefts[round(line.box.x0)] += 1
            rights[round(line.box.x1)] += 1
    return (
        tuple(sorted(x for x, n in lefts.items() if n >= 3)),
        tuple(sorted(x for x, n in rights.items() if n >= 3)),
    )


def _mark_decks(blocks: list[Block], body: float) -> None:
    """A kicker or subtitle set barely larger than the body (or bold) is a headline line all the same when it stands
    close above or under a title, over it: one or two short lines, before the text."""
    for k, block in enumerate(blocks):
        if block.role != Role.TITLE or block.picture:
            continue
        for step in (-1, 1):
            n = k + step
            while 0 <= n < len(blocks) and _deck(blocks[n], block, body, above=step < 0):
                blocks[n].role = Role.TITLE
                n += step


def _deck(candidate: Block, title: Block, body: float, *, above: bool) -> bool:
    if candidate.role != Role.BODY or candidate.picture or len(candidate.lines) > DECK_LINES:
        return False
    if not all(line.size >= DECK_RATIO * body or line.bold for line in candidate.lines):
        return False
    size = max(line.size for line in title.lines)
    gap = title.box.top - candidate.box.bottom if above else candidate.box.top - title.box.bottom
    overlap = min(candidate.box.x1, title.box.x1) - max(candidate.box.x0, title.box.x0)
    return -0.2 * size <= gap <= DECK_GAP * size and overlap > 0


def _articles(blocks: list[Block], body: float) -> list[Article]:
    """A run of headline blocks opens an article once the one before has text."""
    _mark_decks(blocks, body)
    articles: list[Article] = []
    current = Article()
    beside: list[Block] = []  # columns read before the headline they stand beside: they follow it
    for block in blocks:
        heading = block.role == Role.TITLE
        if heading and current.has_text:
            moved = _beside_headline(current, block, body)
            if moved:
                del current.blocks[-len(moved) :]
            if current.blocks:
                articles.append(current)
            current, beside = Article(), moved
        if beside and not heading:
            current.blocks.extend(beside)
            beside = []
        current.blocks.append(block)
    current.blocks.extend(beside)
    if current.blocks:
        articles.append(current)
    return articles


def _beside_headline(article: Article, heading: Block, body: float) -> list[Block]:
    """The columns just read that run down beside a headline from its top: the first column of a story whose
    headline spans only its other columns. They belong to the headline's story, not the one above."""
    moved: list[Block] = []
    for block in reversed(article.blocks):
        if block.role == Role.TITLE or not (
            block.box.top <= heading.box.top + body
            and block.box.bottom > heading.box.bottom
            and block.box.x1 <= heading.box.x0
        ):
            break
        moved.append(block)
    if moved and len(moved) == len(article.blocks):
        return moved[::-1]
    if moved and not any(b.lines and b.role != Role.TITLE for b in article.blocks[: -len(moved)]):
        return []  # the story above would keep no text: the columns are its own
    return moved[::-1]
