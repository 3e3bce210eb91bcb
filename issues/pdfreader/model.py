"""What the PDF reader hands on: frozen values, no PDF library objects.

Coordinates inside the reader are PDF points measured from the page's top-left corner
(x to the right, y downwards); regions handed on are page fractions (0..1).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in points, from the page's top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0), min(self.top, other.top), max(self.x1, other.x1), max(self.bottom, other.bottom)
        )

    def contains_point(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.top <= y <= self.bottom


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character of the text layer, already normalised (see normalise.py)."""

    text: str
    box: Box
    size: float
    bold: bool = False

    @property
    def is_space(self) -> bool:
        return self.text.isspace()


class Role(StrEnum):
    """What a line of the page is, guessed from its type size and place."""

    FURNITURE = "furniture"  # masthead, page header (报眉), page number
    KICKER = "kicker"  # 引题: above the title, smaller than it
    TITLE = "title"  # 主标题: the largest type of the article
    SUBTITLE = "subtitle"  # 副题: under the title, smaller than it
    BODY = "body"  # body text, the page's common size
    SMALL = "small"  # smaller than body: a caption, a credit, a note


@dataclass(frozen=True, slots=True)
class LineHint:
    """One line of the emitted text: its number (1-based), role guess, type size (pt), and the box of the
    printed line it starts with (a paragraph runs on through lines and columns from there)."""

    line: int
    role: Role
    size: float
    box: Box


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle in page fractions: 0..1 from the top-left corner."""

    x0: float
    y0: float
    x1: float
    y1: float

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


@dataclass(frozen=True, slots=True)
class Region:
    """Where one article stands on the page: the union of its blocks' rectangles."""

    article: int  # 0-based, in the order the articles come in the text
    headline: str
    first_line: int  # the article's first line in the emitted text (1-based)
    rects: tuple[Rect, ...]

    def contains(self, x: float, y: float) -> bool:
        return any(rect.contains(x, y) for rect in self.rects)


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page read: the text for the parser, a hint per line, the article regions."""

    number: int  # 1-based, in the file's order
    width: float  # points
    height: float
    text: str
    hints: tuple[LineHint, ...]
    regions: tuple[Region, ...]
    body_size: float  # the page's common type size, points


class PdfReadError(ValueError):
    """A file the reader refuses, with the reason in Chinese for the desk and a code for programs."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
