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


_TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,40}[)）]\s*$")


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence: 。!? or …, possibly inside closing quotes, or a
    finished sentence followed by a bracketed note (据新华社) (记者 张三) (完)."""
    core = text.rstrip().rstrip(CLOSERS)
    if bool(core) and core[-1] in SENTENCE_END:
        return True
    note = _TRAILING_NOTE.search(text)
    if note is None or note.start() == 0:
        return False
    before = text[: note.start()].rstrip().rstrip(CLOSERS)
    return bool(before) and before[-1] in SENTENCE_END


def ends_with_colon(text: str) -> bool:
    return text.rstrip().endswith((":", "："))
