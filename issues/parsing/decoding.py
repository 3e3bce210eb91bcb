"""Bytes to text: UTF-8 (with or without BOM), UTF-16 or GB18030/GBK; any line ends."""

import codecs
import re

from .model import ParseError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Control characters, surrogates and private-use code points: what a wrong decoding yields.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _looks_like_text(text: str) -> bool:
    """Reject decodings full of control characters or private-use code points."""
    return len(_NOT_TEXT.findall(text)) <= max(2, len(text) // 1000)


def decode(data: bytes) -> str:
    """Decode a page file; raise ParseError (never crash) when it is not text."""
    candidates: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            candidates = [encoding]
            break
    else:
        # Only UTF-16 (here, without a BOM) puts NUL bytes in text: ASCII is XX 00 or 00 XX.
        if len(data) % 2 == 0 and 0 in data:
            candidates = ["utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"]
        else:
            candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return normalise_newlines(text)
    raise ParseError(
        f"无法识别文件编码:请提供 UTF-8、GB18030/GBK 或 UTF-16 编码的纯文本。(tried {', '.join(candidates)})"
    )


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF (a BOM is left for the parser to record)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
