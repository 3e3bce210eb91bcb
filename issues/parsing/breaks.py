"""Column breaks: is a line the rest of the paragraph above, and what the break repeated.

Text taken from a page cuts paragraphs where columns end. The reader asks these questions
of each line of text before it opens a new paragraph.
"""

from __future__ import annotations

import re
from itertools import pairwise

import rjieba

from . import lines as L
from .rules import Rule, first_match
from .text import OPENERS, ends_sentence, is_cjk

# Characters of reduplicated words (AA) that a column break may split: for these a repeat at
# the break is weighed, not dropped outright.
AA_WORDS = set(
    "天人常渐刚往谢看试慢好个家户处年层步一纷久默悄仅明稍偏轻深多大小高星妈爸哥姐弟妹奶爷宝娃事样条点滴片句声"
    "每时次代辈世重匆冉熊茫浩滔蒸勃欣津井楚彬彬翩"
    "谈想说走聊哈冷恰统亲乐万千暖满稳实牢紧早远静快白区熙攘凉热红绿亮闪飘忙急频连缓"
)
# A paragraph never opens on these: a particle, or punctuation that closes a clause.
NO_PARAGRAPH_START = "的了地得着过们吗呢吧啊，。、；：,.;:)）」』”’"
CONTINUATION_HEAD = 5  # a sentence finished within this many characters: the text is a sentence's end


_DATED_OPENING = re.compile(r"^\d{1,2}月\d{1,2}日[，,]")

# A paragraph that stops without a full stop still ends here when one of these holds, first match wins.
PARAGRAPH_ENDS: tuple[Rule[tuple[str, str]], ...] = (
    Rule(
        "editors-signature",
        "the signature closing an editors' note",
        "——编者",
        lambda pair: L.is_signature(pair[0]),
    ),
    Rule(
        "dash-introduces",
        "a line ending in a dash that introduces the paragraph below (a speaker, a list's heading)",
        "专家们这样看——",
        lambda pair: pair[0].rstrip().endswith("——"),
    ),
    Rule(
        "dash-item",
        "an item of a list opening on a dash, after a colon or semicolon",
        "有这样一组数字： / ——三年，新建步道五十公里；",
        lambda pair: pair[0].rstrip()[-1:] in "：:；;" and pair[1].startswith("——"),
    ),
    Rule(
        "item-after-colon",
        "a quotation or a numbered item after a colon or semicolon",
        "他说： / “步道修好了。”",
        lambda pair: pair[0].rstrip()[-1:] in "：:；;" and (pair[1][0] in OPENERS or L.is_numbered(pair[1])),
    ),
    Rule(
        "dated-opening",
        "the paragraph below opens on a date and a comma, as a new paragraph of news does",
        "1月12日，新馆开馆。",
        lambda pair: bool(_DATED_OPENING.match(pair[1])),
    ),
)


def joins(previous: str, text: str) -> bool:
    """Is `text` the rest of a paragraph that a column break cut?"""
    return not ends_sentence(previous) and first_match(PARAGRAPH_ENDS, (previous, text)) is None


def continues_a_sentence(text: str) -> bool:
    """Text that is the middle of a sentence: it opens on a particle or a clause's closing
    punctuation, or finishes a sentence within its first few characters (实办好。)."""
    if not text or text[0] in OPENERS or L.is_numbered(text):
        return False
    if text[0] in NO_PARAGRAPH_START:
        return True
    head = text[:CONTINUATION_HEAD]
    return any(mark in head for mark in "。！？!?")


def repeated_at_break(before: str, after: str) -> bool:
    """Does the text after a column break repeat the last character before it (的 / 的好少年)?

    Extraction often repeats it. A reduplicated word (好好, 天天, 纷纷) may be cut there too:
    for those characters the reading that segments into fewer lone characters wins, the
    repeat being dropped on a tie (做好 / 好扑救 is 做好扑救; 要好 / 好学习 is 要好好学习;
    进一步 / 步谈判 is 进一步谈判). The words cut by the window's edges are not counted.
    """
    ch = after[:1]
    if not ch or before[-1:] != ch or not is_cjk(ch):
        return False
    if ch not in AA_WORDS:
        return True
    kept, dropped = before[-4:] + after[:4], before[-4:] + after[1:5]
    return lone_characters(dropped) <= lone_characters(kept)


def lone_characters(text: str) -> int:
    """Chinese characters that segment as words of their own, the first and last words left out."""
    words = list(rjieba.cut(text))[1:-1]
    return sum(1 for word in words if len(word) == 1 and is_cjk(word))


_SENTENCE_INSIDE = re.compile(r"[。！？][”’」』）)]?\S")


def _unfinished_after_sentences(text: str) -> bool:
    """Sentences finished inside, the last one not: a paragraph cut, not a bold lead (those are one clause)."""
    return bool(_SENTENCE_INSIDE.search(text.rstrip()))


def page_has_column_breaks(lines: list[L.Line]) -> bool:
    """Does the page show at least one certain column break: a paragraph left unfinished before a
    blank line after finishing sentences inside it, or the text after it opening on a particle,
    repeating the character before the break, or finishing a word the break cut (在当 / 地兴起)? Text copied from an e-paper has none:
    there, a paragraph that ends without a full stop (a bold lead, a list's last item) ends."""
    open_ends = [
        (above, line)
        for above, line in pairwise(lines)
        if line.gap and line.kind == L.TEXT and above.kind in {L.TEXT, L.DATELINE} and not ends_sentence(above.text)
    ]
    for above, line in open_ends:
        if _unfinished_after_sentences(above.text) or continues_a_sentence(line.text):
            return True
        if repeated_at_break(above.text, line.text):
            return True
    return any(L.cut_inside_a_word(above.text, line.text) for above, line in open_ends)  # the dearer test last
