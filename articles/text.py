"""Text helpers with one home each: slugs, word counts, a body's plain text and its excerpt."""

import re
from html import unescape

from django.utils.text import slugify
from pypinyin import lazy_pinyin

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*")
_TAG = re.compile(r"<[^>]+>")


def pinyin_slug(name: str) -> str:
    """时政 -> shizheng; falls back to 'x' for names with nothing to spell."""
    return slugify("".join(lazy_pinyin(name))) or "x"


def plain_text(html: str) -> str:
    """The text of an HTML body: tags out, entities decoded (feeds, search, excerpts, proofs)."""
    return unescape(_TAG.sub(" ", html or ""))


def count_words(html: str) -> int:
    """Chinese word count as newsrooms count it: one per Han character, one per Latin word."""
    plain = _TAG.sub(" ", html)
    return len(_CJK.findall(plain)) + len(_LATIN_WORD.findall(plain))


def excerpt(text: str, length: int) -> str:
    """The text with its whitespace squeezed, cut to `length` characters with an ellipsis
    (a page's description, a feed item, an e-paper area)."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
