"""Raw page text -> ParsedPage. Pure Python: no Django, no Celery."""

from .decoding import decode
from .model import ParsedArticle, ParsedPage, ParseError, Repair, Warning
from .page import explain_page, parse_bytes, parse_page

__all__ = ["ParseError", "ParsedArticle", "ParsedPage", "Repair", "Warning", "decode", "explain_page", "parse_bytes",
           "parse_page"]  # fmt: skip
