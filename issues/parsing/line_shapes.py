"""The shapes a line of a page can have, each judged from the line alone: furniture, jump and end
markers, captions, headings, kickers, notes, signatures, numbered items. lines.py's table of line
kinds (LINE_KINDS) is built from these."""

from __future__ import annotations

import re

import rjieba

from . import bylines
from .text import MID_SENTENCE, ends_sentence, ends_with_colon, squeeze

HEADING_MAX = 40
AUTHOR_UNDER_TITLE_MIN = 6  # a headline an author's name stands under is at least this long
BLANKLESS_GAPS = 2  # a page with no more blank lines than this has none between its paragraphs
INDENTED_PAGE_LINES = 3  # indented lines before a page counts as indenting its paragraphs
FURNITURE_MAX = 60

# The page's staff, a name after each role: 主编:刘  强 值班:陈  敏.
_STAFF = re.compile(
    r"(主编|副主编|总编辑|首席编辑|值班|编辑|美编|校对|版式|设计|照排|排版|一审|二审|三审|终审|签发)(?:\s*[:：]|\s+)"
)
# Page furniture: mastheads, page headers and footers, promos, URL and hotline lines.
_FURNITURE = [
    re.compile(p)
    for p in (
        r"(?i:www\.|https?://|\.com\b|\.cn\b|\.net\b)",
        r"(?:电话|手机|传真)\s*[:：]?\s*\d[\d-]{6,}",
        r"(?:热线|服务电话|新闻热线|投稿邮箱|电子邮箱|E-?mail|广告许可证|发行|邮发代号|定价|零售价|印刷厂|社址|邮编)",
        r"(?:国内统一连续出版物号|国内统一刊号|CN\s*\d{2}\s*[-－]\s*\d{4})",
        r"^第?\s*[A-Za-z]?\s*\d{1,3}\s*版",
        # a page header without 版: A05 城事, B02·要闻, A3 | 国际
        r"^[A-Za-z]{1,2}\s*\d{1,2}(?:\s+|\s*[·|｜:：]\s*)[\u4e00-\u9fff]{2,8}$",
        r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]",
        r"^(?:星期|周)[一二三四五六日天]",
        r"^(?:农历|乙巳|甲辰|丙午|丁未)[^。]{0,20}$",
        r"(?:责任编辑|责编|编辑[:：]|版式|美编|校对|组版|审读|值班编委|值班主任|视觉设计|制图)",
        r"(?:主管|主办|报社出版|社出版)",
        r"^(?:广\s*告|分类广告|广告专版)$",
        # a page number however it is dressed (０２, —3—, · 2 ·, 第2页), or with the page's name (2 要闻)
        r"^[－—\-·•\s]*[0-9０-９]{1,3}[－—\-·•\s]*$",
        r"^第\s*[0-9０-９]{1,3}\s*页$",
        r"^(?:[0-9０-９]{1,2}\s+[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,4}\s+[0-9０-９]{1,2})$",
        # a row of a table (积分榜, 行情): a rank, a name, a figure
        r"^\d{1,3}[.、\s]\s*[\u4e00-\u9fffA-Za-z·]{2,12}(?:\s+[\d:.\-+%]+\s*[分场胜负平球%元点]?)+$",
        # a rule or a bullet standing alone: the page's decoration, drawn as text
        r"^[\s■□▲△▼▽●○◆◇★☆◎※—–\-_·•…=~*#]+$",
        r"^本版(?:图片|稿件|照片)",  # 本版图片除署名外均由新华社发: a note on the whole page
        r"(?:地址|社址)\s*[:：]",
        r"(?:视频号|公众号|客户端|扫码|二维码|抖音号|微信号|微博)",
        r"(?:总第\s*\d+\s*期|第\s*\d+\s*期|今日\s*\d+\s*版)",
        r"^[A-Za-z0-9 .,:&'/-]+$",
        r"^[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|商报|时报|都市报)$",
        r"^《\s*[^》]{2,12}\s*》\s*[（(].{0,40}版\s*[)）]$",
        # the front page's index (导读) and its entries pointing at other pages
        r"^(?:今日|本期|要闻|新闻)?导读$",
        r"^[▶►▷→●■◆]\s*.{2,40}?\s*(?:第?\s*[A-Za-z]?\d{1,2}\s*版|[A-Za-z]\d{1,2})$",
        # a web e-paper's own furniture: print and font buttons, page links, time stamps
        r"^[【\[]?\s*(?:字号|打印本页|关闭窗口|返回目录|返回首页|放大|缩小|默认|上一篇|下一篇|上一版|下一版|分享到|发布时间)(?=[\s:：】\]]|$)",
        r"^\d{4}[-/.年]\s*\d{1,2}[-/.月]\s*\d{1,2}日?$",
        r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,12}第\s*[A-Za-z]?\d{1,3}\s*版",
        # the weather box
        r"(?:天气|气温|多云|晴|阴|雨|雪).{0,30}-?\d{1,2}\s*(?:℃|°C)?\s*[~～至—－-]\s*-?\d{1,2}\s*(?:℃|°C)",
    )
]
# One pass instead of one per pattern: every line of a page is tried.
_FURNITURE_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in _FURNITURE))
_JUMP = (
    r"(?P<dir>上接|下转|下接|接|转|紧接|续|续接)\s*(?:第\s*)?[A-Za-z]?\s*[0-9０-９一二三四五六七八九十]+\s*版"
    r"(?:\s*[·・]?\s*[\u4e00-\u9fff]{1,6})?"  # 下转2版·要闻, 下转第3版左下
)
# Jumps that say the story goes on elsewhere (the others say where it came from).
FORWARD_JUMPS = {"下转", "下接", "转"}
JUMP_MARK = re.compile(rf"[(（]\s*{_JUMP}\s*[)）]")
# The wire services' end of story: (完), （全文完）, 【完】.
END_MARK = re.compile(r"[(（【]\s*(?:全文)?完\s*[)）】]")
# A jump standing on its own line needs no brackets: 下转第3版, ▶下转A3版.
JUMP_LINE = re.compile(rf"[(（]?\s*[▶►→>]?\s*{_JUMP}\s*[)）]?")
_CAPTION_START = re.compile(
    r"^(?:图\s*[0-9一二三四五六七八九十①-⑩]+$|图为|图\s*[:：]|[上下左右中]图|图片[:：]|题图|图[一二三四五六七八九十①-⑩\d]\s*[:：为]|[▲△▼▽◀▶])"
)
# Where someone stands in the picture: (右), （左一）, (中)
_IN_PICTURE = re.compile(r"[(（](?:左|右|中|前排|后排)[一二三四五六七八九\d]?(?:起)?[)）]")
CAPTION_MARKED_MAX = 60
_CAPTION_END = re.compile(r"(?:(?<!拍)摄|供图|资料图片|图片由[^。]{1,20}提供|新华社发)\s*[)）]?$")
_PICTURE_SOURCE = re.compile(
    r"^[(（]?(?:(?:图|图片|摄影|照片)(?:来源|提供)?[/／:：][^，。,]{2,20}?"
    r"|(?:本版)?图片(?:均)?由[^，。,]{1,20}提供|资料图片?|新华社发|[^，。,\s]{1,12}供图)[)）]?$"
)
_BRIEF = re.compile(r"^(?P<title>【[^【】]{4,30}】)\s*(?P<text>\S.{9,})$")
# 编者按: / 【编者按】 opening an editor's note: the note's text, not a headline.
_EDITORS_NOTE = re.compile(r"^[【\[]?(?:编者按|编者的话|编后|编后语|核心提示|阅读提示)[】\]]?[:：]?")
_AUTHOR_NOTE = re.compile(r"^[(（](?:作者|本文作者|作者单位)")
# ——编者: the editors sign their note; the story goes on under it.
_EDITORS_SIGNATURE = re.compile(r"^[—－-]{1,2}(?:编者|本报编辑部|编辑部)$")
# An interview's turns (记者:…? / 问:… / 主持人:…) are text, however short.
_DIALOGUE = re.compile(r"^(?:本报记者|记者|主持人|问|答|Q|A)[:：]")
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．]|[■●◆▲◎★☆□◇]|【)"
)


def is_furniture(text: str, s: str | None = None) -> bool:
    s = squeeze(text) if s is None else s
    if not s or len(s) > FURNITURE_MAX or s.endswith(("。", "，", ",")):
        return False
    return bool(_FURNITURE_ANY.search(text)) or is_staff_line(text)


def is_staff_line(text: str) -> bool:
    """主编:刘  强 值班:陈  敏 — nothing but roles, each followed by a person's name."""
    parts = _STAFF.split(text.strip())
    if len(parts) < 3 or squeeze(parts[0]):
        return False
    names = [squeeze(name) for name in parts[2::2]]
    return all(2 <= len(n) <= 4 and bylines.looks_like_name(n) for n in names)


def is_heading(text: str, s: str | None = None) -> bool:
    """Short, and not ended mid-sentence or with a full stop: a headline, rubric or subhead line."""
    s = squeeze(text) if s is None else s
    if not s or len(s) > HEADING_MAX or "。" in s or s[-1] in MID_SENTENCE:
        return False
    if s.count("，") + s.count(",") > 1 or s[0] in "”’」』)）":
        return False
    if ends_sentence(s):
        column = _COLUMN_AFTER.search(s)  # 谁来担？（以案说法）: a question headline with its column's name
        core = s[: column.start()] if column and column.start() else s
        return len(core) <= 30 and core.rstrip("”’」』)）")[-1:] in ("？", "?", "！", "!")
    return not ends_with_colon(s) or len(s) <= 12


KICKER_MAX = 100
ISSUER_MAX = 16  # an office's name signing a notice
_DATE_ALONE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_BULLET_START = "●■◆▲★□◇◎▶►"


def cut_inside_a_word(head: str, rest: str) -> bool:
    """Does a break between `head` and `rest` cut a word (当 / 地, 成 / 为), or repeat the
    character before it (清理 / 理工作), as text extraction does at a column break?"""
    head, rest = head.strip(), rest.strip()
    if not head or not rest or head[0] in _BULLET_START or len(head.split()) > 1:
        return False  # a boxed subhead, or a headline of two parts: set as headings are
    if head[-1] == rest[0] and "\u4e00" <= rest[0] <= "\u9fff":
        return True
    a, b = head[-4:], rest[:4]
    pos = 0
    for word in rjieba.cut(a + b):
        if pos < len(a) < pos + len(word):
            return True
        pos += len(word)
    return False


_COLUMN_AFTER = re.compile(r"[（(][^()（）]{2,24}[)）]$")


def is_kicker(text: str) -> bool:
    """A headline's first line however long: no full stop in it, not ended mid-clause (a dash may end it)."""
    s = squeeze(text)
    return 0 < len(s) <= KICKER_MAX and "。" not in s and s[-1] not in "，,、；;：:" and not ends_sentence(s)


def is_caption(text: str, s: str | None = None) -> bool:
    s = squeeze(text) if s is None else s
    if _CAPTION_START.match(s):
        return True
    if len(s) <= CAPTION_MARKED_MAX and _IN_PICTURE.search(s) and ends_sentence(s):
        return True  # 王师傅(右)在车上帮助老人。: someone placed in the picture
    return bool(_CAPTION_END.search(s)) and len(s) >= 12 and bool(re.search(r"[。，,]", s))


def is_note_label(text: str) -> bool:
    """【编者按】 or 编者按： alone on its line: the label runs into the note's text below it."""
    s = squeeze(text)
    match = _EDITORS_NOTE.match(s)
    return bool(match) and match.end() == len(s)


def is_signature(text: str) -> bool:
    """——编者: the signature closing an editors' note, a paragraph of its own."""
    return bool(_EDITORS_SIGNATURE.match(squeeze(text)))


def is_numbered(text: str) -> bool:
    return bool(_NUMBERED.match(squeeze(text)))
