"""The page's type area and its column grid, in millimetres."""

from __future__ import annotations

import math
from dataclasses import dataclass

PT_MM = 0.3528  # one typographic point


@dataclass(frozen=True)
class PageGeometry:
    """A 对开 broadsheet by default: a 350 × 490 mm type area in 8 columns, 9 pt body type."""

    width_mm: float = 350.0
    height_mm: float = 490.0
    columns: int = 8
    gutter_mm: float = 4.0
    body_pt: float = 9.0
    leading: float = 1.5  # line pitch as a multiple of the body size

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
