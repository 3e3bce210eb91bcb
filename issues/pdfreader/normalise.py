"""Text layers lie in known ways; each way is a named rule here, with an invented example.

/ActualText needs no rule: PDFium already hands the marked span's actual text instead of
its glyphs' codes. Spaces are decided from the glyphs' geometry in lines.py, not here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# CJK Radicals Supplement (U+2E80–U+2EFF): a font that draws 民 with the radical's glyph
# often maps it to the radical. NFKC maps only two of these; the rest, where the radical
# is the whole ideograph (mostly the simplified-form radicals), are listed here.
RADICAL_IDEOGRAPHS = {
    "⺁": "厂", "⺇": "几", "⺊": "卜", "⺎": "兀", "⺏": "尣", "⺐": "尢", "⺓": "幺", "⺗": "心",
    "⺛": "旡", "⺝": "月", "⺟": "母", "⺠": "民", "⺢": "水", "⺦": "丬", "⺧": "牛", "⺩": "王",
    "⺬": "示", "⺯": "糸", "⺰": "纟", "⺶": "羊", "⺷": "羊", "⺹": "耂", "⺻": "聿", "⺼": "肉",
    "⺽": "臼", "⻁": "虎", "⻂": "衤", "⻄": "西", "⻅": "见", "⻆": "角", "⻈": "讠", "⻉": "贝",
    "⻊": "足", "⻋": "车", "⻏": "阝", "⻐": "钅", "⻑": "長", "⻓": "长", "⻔": "门", "⻖": "阝",
    "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻟": "飠",
    "⻠": "饣", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦",
    "⻩": "黄", "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
}  # fmt: skip

# Dashes a text layer gives for the Chinese dash (破折号 ——, two em dashes).
DASHES = {"―": "—", "─": "—", "━": "—"}


def _nfkc_blocks(ch: str) -> str | None:
    """Kangxi Radicals and CJK compatibility ideographs: NFKC gives the unified ideograph."""
    code = ord(ch)
    if 0x2F00 <= code <= 0x2FDF or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F:
        mapped = unicodedata.normalize("NFKC", ch)
        return mapped if mapped != ch else None
    return None


def _radical(ch: str) -> str | None:
    return RADICAL_IDEOGRAPHS.get(ch)


def _dash(ch: str) -> str | None:
    return DASHES.get(ch)


def _space(ch: str) -> str | None:
    """Every kind of space (NBSP, ideographic space, thin space) is a plain space: lines.py decides which are kept."""
    return " " if ch != " " and ch.isspace() else None


def _control(ch: str) -> str | None:
    """Soft hyphens, zero-width characters and controls carry nothing a reader sees."""
    return "" if unicodedata.category(ch) in {"Cc", "Cf"} and not ch.isspace() else None


@dataclass(frozen=True, slots=True)
class CharRule:
    name: str
    does: str
    example: tuple[str, str]  # (as the text layer has it, as read)
    apply: Callable[[str], str | None]


CHAR_RULES: tuple[CharRule, ...] = (
    CharRule(
        "kangxi-radical",
        "a Kangxi radical or compatibility ideograph for the ideograph",
        ("⼈⺠", "人民"),
        _nfkc_blocks,
    ),
    CharRule("cjk-radical", "a CJK radical (supplement) for the ideograph", ("⺠生", "民生"), _radical),
    CharRule("dash", "a horizontal bar or box line for the dash", ("――", "——"), _dash),
    CharRule("space", "any space character as a plain space", ("本\u3000报", "本 报"), _space),
    CharRule("control", "invisible controls dropped", ("新\u00ad闻", "新闻"), _control),
)


def normalise_char(ch: str) -> str:
    """One text-layer character as read: the first rule that knows it decides."""
    for rule in CHAR_RULES:
        mapped = rule.apply(ch)
        if mapped is not None:
            return mapped
    return ch


def normalise_text(text: str) -> str:
    return "".join(normalise_char(ch) for ch in text)


def is_cjk(ch: str) -> bool:
    """An ideograph, kana/hangul, or full-width punctuation: text set without word spaces."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
        or ch in "—…·“”‘’"
    )


def is_common(ch: str) -> bool:
    """A character a Chinese newspaper prints every day: GB2312 (6,763 hanzi and the usual signs) or ASCII."""
    if ch.isascii():
        return ch.isprintable()
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
