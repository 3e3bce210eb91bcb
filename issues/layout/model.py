"""The layout core's input and output: frozen dataclasses, plain values."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LayoutArticle:
    id: int
    title: str
    kicker: str = ""
    subtitle: str = ""
    body_chars: int = 0
    paragraphs: int = 1
    photos: tuple[float, ...] = ()  # aspect ratios, width / height
    position: int = 1  # 1 = the lead
    pin_column: int | None = None  # an editor's pin: first column (0-based) and width
    pin_columns: int | None = None


@dataclass(frozen=True)
class Block:
    article: int
    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    column: int  # first column, 0-based
    columns: int
    lines: int  # height in body lines (the grid's vertical unit)
    headline_pt: float
    needed_mm: float  # the height its content asks for at this width
    overflow_chars: int  # body text that does not fit: the part to jump (下转)
    # The same box as fractions of the type area, for e-paper hot zones.
    left: float
    top: float
    width: float
    height: float

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class PageLayout:
    width_mm: float
    height_mm: float
    columns: int
    blocks: tuple[Block, ...]
    overflow: tuple[dict, ...] = ()  # articles or parts that do not fit, with a suggested jump
    metrics: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "width_mm": self.width_mm,
            "height_mm": self.height_mm,
            "columns": self.columns,
            "blocks": [b.to_dict() for b in self.blocks],
            "overflow": list(self.overflow),
            "metrics": dict(self.metrics),
        }
