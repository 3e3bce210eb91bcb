"""Page PDF -> text for the parser, a hint per line and each article's region. Pure Python: no Django, no Celery."""

from .model import Box, LineHint, PdfPage, PdfReadError, Rect, Region, Role
from .normalise import normalise_text
from .reader import is_pdf, read_pdf

__all__ = [
    "Box",
    "LineHint",
    "PdfPage",
    "PdfReadError",
    "Rect",
    "Region",
    "Role",
    "is_pdf",
    "normalise_text",
    "read_pdf",
]
