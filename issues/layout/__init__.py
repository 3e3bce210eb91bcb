"""Articles + page geometry -> PageLayout. Pure Python: no Django, no Celery."""

from .builder import build_layout, count_overlaps, needed_mm
from .geometry import PageGeometry
from .model import Block, LayoutArticle, PageLayout

__all__ = ["Block", "LayoutArticle", "PageGeometry", "PageLayout", "build_layout", "count_overlaps", "needed_mm"]
