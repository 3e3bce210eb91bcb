"""The page's type area and its column grid, in millimetres."""

from __future__ import annotations

import math
from dataclasses import dataclass

PT_MM = 0.3528  # one typographic point
GUTTER_MM, MIN_GUTTER_MM, MAX_GUTTER_MM = 2.8, 2.0, 4.0


def whole_character_gutter(width_mm: float, columns: int, body_pt: float) -> float:
    """The gutter that leaves each column a whole number of body characters, nearest to GUTTER_MM."""
    if columns <= 1:
        return GUTTER_MM
    char = body_pt * PT_MM
    chars = round((width_mm - (columns - 1) * GUTTER_MM) / columns / char)
    gutter = (width_mm - columns * chars * char) / (columns - 1)
    gutter = math.floor(gutter * 1000) / 1000  # never a hair under the whole characters
    return gutter if MIN_GUTTER_MM <= gutter <= MAX_GUTTER_MM else GUTTER_MM


@dataclass(frozen=True)
class PageGeometry:
    """A 对开 broadsheet by default: a 350 × 490 mm type area in 8 columns, 9 pt body type.

    Without a gutter given, the grid is drawn as a paper draws it: each column holds a whole number of
    body characters and the gutter is what is left, about 2.5-3 mm (13 characters of 9 pt and 2.83 mm
    on the default sheet), with a hairline rule in it only between articles."""

    width_mm: float = 350.0
    height_mm: float = 490.0
    columns: int = 8
    gutter_mm: float | None = None
    body_pt: float = 9.0
    leading: float = 1.5  # line pitch as a multiple of the body size

    def __post_init__(self):
        if self.gutter_mm is None:
            object.__setattr__(self, "gutter_mm", whole_character_gutter(self.width_mm, self.columns, self.body_pt))

    @property
    def column_mm(self) -> float:
        return (self.width_mm - (self.columns - 1) * self.gutter_mm) / self.columns

    @property
    def char_mm(self) -> float:
        return self.body_pt * PT_MM

    @property
    def line_mm(self) -> float:
        return self.body_pt * PT_MM * self.leading

    @property
    def chars_per_line(self) -> int:
        return max(1, math.floor(self.column_mm / self.char_mm))

    @property
    def lines_per_column(self) -> int:
        return max(1, math.floor(self.height_mm / self.line_mm))

    def span_mm(self, columns: int) -> float:
        """The width of a block `columns` wide, gutters inside it included."""
        return columns * self.column_mm + (columns - 1) * self.gutter_mm

    def x_mm(self, column: int) -> float:
        return column * (self.column_mm + self.gutter_mm)
