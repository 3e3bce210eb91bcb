"""Lines that close the story above them: they stay its last paragraph or its picture's credit.

A closing dateline, a contributors' note, an author's note or a series credit standing
alone under a story is never the next story's kicker or byline; what comes after it is
more likely a new story (boundaries.py weighs that).
"""

from __future__ import annotations

import re

from . import bylines
from .rules import Rule, first_match
from .text import CJK, squeeze

_DATELINE_IN_BRACKETS = re.compile(
    rf"^[(（]\s*(?:本报|新华社|中新社|[{CJK}]{{1,8}}?(?:日报|晚报|报|社|网|台))[{CJK}、，,]{{0,16}}?"
    rf"(?:\d{{1,2}}月\d{{1,2}}日)?电(?:[\s\u3000]*(?:记者|[(（]记者)[^()（）]{{1,30}}[)）]?)?\s*[)）]$"
)
_CONTRIBUTORS = re.compile(r"^[(（]\s*(?:参与记者|参与采写|参与采访|执笔|整理|采写)\s*[:：][^()（）]{2,40}[)）]$")
_TAKEN_DOWN = re.compile(r"^[(（][^()（）]{2,30}(?:整理|参与采写|参与采访|采写|执笔)\s*[)）]$")
_AUTHOR_NOTE = re.compile(r"^[(（]\s*(?:作者|本文作者|作者单位)[^()（）]{1,80}[)）]$")
_SERIES_CREDIT = re.compile(r"^(?:本期统筹|本版统筹|本期策划|本版策划|统筹|策划)\s*[:：]\s*\S.{0,20}$")
_BARE_SIGNATURE = re.compile(r"^[(（]\s*([^()（）]{2,12})\s*[)）]$")
# 宋  文摄（影像中国）: a photographer's credit with the agency that sold the picture.
_PHOTO_AGENCY = re.compile(r"^(?P<credit>(?P<names>.{2,30}?)(?:摄影报道|摄影|摄))\s*[(（][^()（）]{2,10}[)）]$")
# 张  三图  李  四文: the picture by one, the words by the other.
_PICTURE_AND_WORDS = re.compile(
    rf"^(?P<pic>[{CJK}·\s\u3000]{{2,12}}?)图[\s\u3000]+(?P<words>[{CJK}·\s\u3000]{{2,12}}?)文$"
)

_PLACE_IN_PICTURE = re.compile(r"^(?:左|右|中|前排|后排)[一二三四五六七八九\d]*起?$")

CLOSING_OPENERS = "(（本统策"


def _bare_signature(text: str) -> bool:
    match = _BARE_SIGNATURE.match(text)
    if not match:
        return False
    if _PLACE_IN_PICTURE.match(squeeze(match.group(1))):
        return False  # （左一）: where someone stands in a picture
    names = bylines.split_names(match.group(1))
    return 0 < len(names) <= 3 and all(bylines.looks_like_name(n) for n in names)


def _agency_credit(text: str) -> bylines.Credits | None:
    match = _PHOTO_AGENCY.match(text)
    if not match:
        return None
    credits = bylines.credit_line(match.group("credit"))
    if credits:
        return credits
    names = bylines.split_names(match.group("names"))  # 高  强  徐  瑾摄影报道: two padded names
    if 0 < len(names) <= 3 and all(bylines.looks_like_name(n) for n in names):
        return bylines.Credits(photographers=tuple(names))
    return None


# Lines that stay the last paragraph of the story above, first match wins.
CLOSING_LINES: tuple[Rule[str], ...] = (
    Rule(
        "closing-dateline",
        "where a wire or a correspondent filed the story, in brackets on its own line under it",
        "（本报开罗3月2日电）",
        lambda t: bool(_DATELINE_IN_BRACKETS.match(t)),
    ),
    Rule(
        "contributors-note",
        "the reporters who helped, or who wrote it down, in a closing bracket",
        "（参与记者：周明、吴敏）",
        lambda t: bool(_CONTRIBUTORS.match(t) or _TAKEN_DOWN.match(t)),
    ),
    Rule(
        "author-note",
        "who the author is, in a closing bracket",
        "（作者为某大学教授）",
        lambda t: bool(_AUTHOR_NOTE.match(t)),
    ),
    Rule(
        "series-credit",
        "the editor who put a series or a page together",
        "本期统筹：赵一鸣",
        lambda t: bool(_SERIES_CREDIT.match(squeeze(t)) and len(squeeze(t)) <= 16),
    ),
    Rule(
        "bare-signature",
        "a name alone in brackets under the text: the writer signs",
        "（钱  江）",
        _bare_signature,
    ),
)

# Credit lines of a picture that the byline readings do not know, first match wins.
PICTURE_CREDITS: tuple[Rule[str], ...] = (
    Rule(
        "photo-credit-with-agency",
        "a photographer's credit followed by the picture agency in brackets",
        "孙  雨摄（图片社）",
        lambda t: _agency_credit(t) is not None,
    ),
    Rule(
        "picture-and-words",
        "one name for the picture, one for the words",
        "周  云图  马  林文",
        lambda t: bool(_PICTURE_AND_WORDS.match(t)),
    ),
)


def closing_rule(text: str) -> Rule[str] | None:
    """The closing-line rule that recognises this line, or None."""
    text = text.strip()
    if len(text) > 90 or text[:1] not in CLOSING_OPENERS:
        return None  # every closing line opens on a bracket or a series credit's first word
    return first_match(CLOSING_LINES, text)


def picture_credit(text: str) -> bylines.Credits | None:
    """The names of a picture credit that only the table above recognises, or None."""
    text = text.strip()
    if len(text) > 40 or not (text.endswith("文") or text.endswith(("）", ")"))):
        return None
    credits = _agency_credit(text)
    if credits is not None:
        return credits
    match = _PICTURE_AND_WORDS.match(text)
    if match:
        pic, words = squeeze(match.group("pic")), squeeze(match.group("words"))
        if bylines.looks_like_name(pic) and bylines.looks_like_name(words):
            return bylines.Credits(reporters=(words,), photographers=(pic,))
    return None
