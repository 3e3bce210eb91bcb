"""Small text helpers shared by services and migrations: slugs and word counts."""

import re

from django.utils.text import slugify
from pypinyin import lazy_pinyin

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*")
_TAG = re.compile(r"<[^>]+>")


def pinyin_slug(name: str) -> str:
    """时政 -> shizheng; falls back to 'x' for names with nothing to spell."""
    return slugify("".join(lazy_pinyin(name))) or "x"


def count_words(text: str) -> int:
    """Chinese word count as newsrooms count it: one per Han character, one per Latin word."""
    plain = _TAG.sub(" ", text)
    return len(_CJK.findall(plain)) + len(_LATIN_WORD.findall(plain))
