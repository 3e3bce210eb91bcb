"""Articles + page geometry -> PageLayout. Pure Python: no Django, no Celery."""

from .builder import build_layout, compose_page, count_overlaps
from .geometry import PageGeometry
from .model import Block, LayoutArticle, PageLayout, paragraphs_of
from .setting import Composition, Element, compose, measure

__all__ = [
    "Block",
    "Composition",
    "Element",
    "LayoutArticle",
    "PageGeometry",
    "PageLayout",
    "build_layout",
    "compose",
    "compose_page",
    "count_overlaps",
    "measure",
    "paragraphs_of",
]
