"""Character classes and small predicates shared by the parser's modules."""

import re

CJK = "\u3400-\u9fff\uf900-\ufaff"
# A sentence or paragraph can end on these (after any closing quotes or brackets).
SENTENCE_END = "。！？!?…"
CLOSERS = "”’」』)）】》\"'"
OPENERS = "“‘「『(（【《\"'"
# A line ending on these is certainly cut mid-sentence.
MID_SENTENCE = "，,、；;—-·"

_CJK_CHAR = re.compile(f"[{CJK}]")


def squeeze(text: str) -> str:
    """Text without any whitespace: how lengths and patterns are judged."""
    return "".join(text.split())


def is_cjk(ch: str) -> bool:
    return bool(_CJK_CHAR.fullmatch(ch))


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence: 。!? or …, possibly inside closing quotes."""
    core = text.rstrip().rstrip(CLOSERS)
    return bool(core) and core[-1] in SENTENCE_END


def ends_with_colon(text: str) -> bool:
    return text.rstrip().endswith((":", "："))
