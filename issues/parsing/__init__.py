"""Raw page text -> ParsedPage. Pure Python: no Django, no Celery."""

from .decoding import decode
from .explain import explain_page
from .model import ParsedArticle, ParsedPage, ParseError, Repair, Warning
from .page import parse_bytes, parse_page

__all__ = ["ParseError", "ParsedArticle", "ParsedPage", "Repair", "Warning", "decode", "explain_page", "parse_bytes",
           "parse_page"]  # fmt: skip
