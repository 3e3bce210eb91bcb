"""The layout core's input and output: frozen dataclasses, plain values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*|\s{2,}")


def paragraphs_of(body) -> tuple[str, ...]:
    """A body given as paragraphs, or as one string with paragraphs on their own lines (or, as
    plain text drawn from HTML, split by runs of blanks), as a tuple of non-empty paragraphs."""
    if isinstance(body, str):
        body = _PARAGRAPH_BREAK.split(body)
    return tuple(p.strip() for p in body if p and p.strip())


@dataclass(frozen=True)
class LayoutArticle:
    """One article to lay out. Give `body` (the paragraphs) and the layout sets the text itself;
    with `body_chars` and `paragraphs` alone it can only estimate the lines (the old callers)."""

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
    body: tuple[str, ...] = ()  # the paragraphs; a str is split into paragraphs
    byline: str = ""  # 本报记者 张三, set on its own line under the headline
    captions: tuple[str, ...] = ()  # one per photo
    jump_page: str = ""  # the page a cut story continues on (A03); 下转第X版 until the editor names it

    def __post_init__(self):
        body = paragraphs_of(self.body)
        object.__setattr__(self, "body", body)
        if body and not self.body_chars:
            object.__setattr__(self, "body_chars", sum(len(p) for p in body))
            object.__setattr__(self, "paragraphs", len(body))


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
    needed_mm: float  # the height its content asks for at this width, set at the body's leading
    overflow_chars: int  # body text that does not fit: the part to jump (下转)
    # The same box as fractions of the type area, for e-paper hot zones.
    left: float
    top: float
    width: float
    height: float
    # How the block is set, so that the proof and the drawn page set it the same way (compose()).
    lead: bool = False
    head_mm: float = 0.0  # headline zone: kicker, title, subtitle, byline
    leading_mm: float = 0.0  # the body's line pitch in this block
    photo_columns: int = 0  # photos span this many of the block's columns, top left of the text
    set_chars: int = 0  # body characters set in the block
    jump: str = ""  # 下转第X版 when the text is cut

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
    masthead_mm: float = 0.0  # A1's 报头: its height, over the lead
    gutter_mm: float = 2.825
    body_pt: float = 9.0
    leading: float = 1.5
    typeset: bool = False  # True when every block was set from its text, not estimated from counts
    masthead_width_mm: float = 0.0  # the 报头 sits over the lead's columns, top left

    def to_dict(self) -> dict:
        return {
            "width_mm": self.width_mm,
            "height_mm": self.height_mm,
            "columns": self.columns,
            "blocks": [b.to_dict() for b in self.blocks],
            "overflow": list(self.overflow),
            "metrics": dict(self.metrics),
            "masthead_mm": self.masthead_mm,
            "masthead_width_mm": self.masthead_width_mm,
            "geometry": {"gutter_mm": self.gutter_mm, "body_pt": self.body_pt, "leading": self.leading},
            "typeset": self.typeset,
        }
