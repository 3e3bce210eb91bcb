"""What each line of a page is, judged from the line alone (and the line before it)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import rjieba

from . import bylines, closings
from .text import MID_SENTENCE, ends_sentence, ends_with_colon, squeeze
from .wrapping import RawLine, line_width, unwrap, width

FURNITURE, JUMP, END, DATELINE, CREDIT, SOURCE, BRIEF, CAPTION, HEADING, TEXT, CLOSING = (
    "furniture", "jump", "end", "dateline", "credit", "source", "brief", "caption", "heading", "text", "closing",
)  # fmt: skip

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


@dataclass
class Line:
    no: int  # 1-based line number in the input
    text: str  # stripped of surrounding whitespace
    gap: int  # blank lines before it
    kind: str = TEXT
    photo: bool = False  # a credit line for a picture
    indented: bool = False  # opens with a paragraph indent (　　)
    # What classification found: a LeadingByline for DATELINE, Credits for CREDIT, the dateline for SOURCE,
    # (title, text) for BRIEF, the closing rule's name for CLOSING.
    found: object = None
    rule: str = ""  # the name of the rule that gave the line its kind (LINE_KINDS, or a pass of split_lines)


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


@dataclass(frozen=True)
class LineRule:
    """One row of the line-kind table: `read(text, squeezed)` gives (photo, found) when the rule
    recognises the line, None when it does not."""

    name: str
    kind: str
    recognises: str
    example: str
    read: Callable[[str, str], tuple[bool, object] | None] = field(repr=False)
    longest: int = 0  # no line longer than this (squeezed) can match: not tried on one; 0 for any length
    needs: str = ""  # a character every line it matches holds: not tried on a line without it
    opens: str = ""  # the characters a line it matches can open with: not tried on others


_PLAIN = (False, None)  # recognised, with nothing found to hand on


def _jump(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if JUMP_LINE.fullmatch(s) else None


def _end(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if END_MARK.fullmatch(s) else None


def _closing(t: str, s: str) -> tuple[bool, object] | None:
    rule = closings.closing_rule(t)
    return None if rule is None else (False, rule.name)


def _brief(text: str, s: str) -> tuple[bool, object] | None:
    brief = _BRIEF.match(text)
    if brief and bylines.trailing_credit(brief.group("text")):
        return False, (brief.group("title"), brief.group("text"))
    return None


def _leading(t: str, s: str) -> tuple[bool, object] | None:
    lead = bylines.leading_byline(t)
    return None if lead is None else (False, lead)


def _credit(text: str, s: str) -> tuple[bool, object] | None:
    credits = bylines.credit_line(text)
    return None if credits is None else (bylines.is_photo_credit(text), credits)


def _picture_credit(t: str, s: str) -> tuple[bool, object] | None:
    credits = closings.picture_credit(t)
    return None if credits is None else (True, credits)


def _picture_source(t: str, s: str) -> tuple[bool, object] | None:
    return (True, bylines.Credits()) if _PICTURE_SOURCE.match(s) else None


def _source(t: str, s: str) -> tuple[bool, object] | None:
    source = bylines.source_line(t)
    return None if source is None else (False, source)


def _note_or_turn(t: str, s: str) -> tuple[bool, object] | None:
    matched = _AUTHOR_NOTE.match(s) or _DIALOGUE.match(s) or _EDITORS_NOTE.match(s) or _EDITORS_SIGNATURE.match(s)
    return _PLAIN if matched else None


def _furniture(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if is_furniture(t, s) else None


def _caption(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if is_caption(t, s) else None


def _heading(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN if is_heading(t, s) else None


def _anything(t: str, s: str) -> tuple[bool, object] | None:
    return _PLAIN


# The kind of a line judged on its own, first match wins.
LINE_KINDS: tuple[LineRule, ...] = (
    LineRule("jump-line", JUMP, "a jump to or from another page, alone on its line", "下转第3版", _jump, 40, needs="版"),
    LineRule("end-mark", END, "the wire services' end of story", "（完）", _end, 10, needs="完"),
    LineRule("closing-line", CLOSING, "a closing dateline, note or credit (closings.CLOSING_LINES)", "（本报开罗3月2日电）",
             _closing, 90, opens=closings.CLOSING_OPENERS),
    LineRule("brief-item", BRIEF, "one item of a 简讯 column: 【title】 text (记者 name)",
             "【河畔步道开放】5月3日，新修的步道开放。（记者 王立）", _brief, opens="【"),
    LineRule("leading-byline", DATELINE, "a dateline or credits opening a paragraph",
             "本报讯（记者 王立）5月3日，新修的步道开放。", _leading),
    LineRule("credit-line", CREDIT, "a line that is nothing but a byline or a picture credit", "本报记者  王  立摄", _credit, 80),
    LineRule("picture-credit", CREDIT, "a picture credit the byline readings do not know (closings.PICTURE_CREDITS)",
             "孙  雨摄（图片社）", _picture_credit, 40),
    LineRule("picture-source", CREDIT, "a picture credited to an agency", "图/视觉中国", _picture_source, 40),
    LineRule("source-line", SOURCE, "where the story comes from, 据… or 来源：…", "（据新华社）", _source, 60),
    LineRule("note-or-turn", TEXT, "an author's note, an interview's turn, an editors' note or its signature",
             "记者：这条步道修了多久？", _note_or_turn),
    LineRule("furniture", FURNITURE, "the page's furniture: mastheads, headers, promos, staff", "责任编辑：王立",
             _furniture, FURNITURE_MAX),
    LineRule("caption", CAPTION, "a picture's caption", "图为新修的步道。", _caption),
    LineRule("heading-shape", HEADING, "short, and not ended mid-sentence or with a full stop", "河畔步道开放", _heading, HEADING_MAX),
    LineRule("running-text", TEXT, "anything else: text", "新修的步道沿河而建。", _anything),
)  # fmt: skip


# The table as the loop below reads it: no attribute looked up per line and rule.
_KINDS = tuple((rule.longest or 1 << 30, rule.needs, rule.opens, rule.read, rule) for rule in LINE_KINDS)


def classify(text: str) -> tuple[LineRule, bool, object]:
    """The line-kind rule that recognises the line on its own, whether it credits a picture, and what it found."""
    s = squeeze(text)
    size = len(s)
    first = s[:1]
    for longest, needs, opens, read, rule in _KINDS:
        if size > longest or (needs and needs not in s) or (opens and first not in opens):
            continue
        reading = read(text, s)
        if reading is not None:
            return rule, reading[0], reading[1]
    raise AssertionError("running-text recognises every line")


def classify_line(text: str) -> tuple[str, bool, object]:
    """The kind of a line on its own, whether it credits a picture, and the byline found in it."""
    rule, photo, found = classify(text)
    return rule.kind, photo, found


def author_names(text: str) -> tuple[str, ...]:
    """The names of a line that is nothing but one to three names (王建国, 王  芳, 王建国 李明); else ()."""
    squeezed = squeeze(text)
    if 2 <= len(squeezed) <= 3 and bylines.looks_like_name(squeezed):
        return (squeezed,)  # a name padded to the width of three (王  芳)
    names = bylines.split_names(text)
    if 1 < len(names) <= 3 and all(2 <= len(n) <= 4 and bylines.looks_like_name(n) for n in names):
        return tuple(names)
    return ()


def _heads_what_follows(lines: list[Line], i: int) -> bool:
    """A labelled or numbered subhead (技术攻关:三年啃下“硬骨头”), or the title of a picture whose
    caption and credit follow (老街换新颜 / 6月4日,… / 本报记者 王  芳 摄)."""
    if is_subhead_label(squeeze(lines[i].text)):
        return True
    after = lines[i + 1 : i + 3]
    return len(after) == 2 and after[0].kind == TEXT and after[1].kind == CREDIT and after[1].photo


# A subhead's label (现场直击:, 技术攻关:三年啃下…) or its number (一、, (二)).
_SUBHEAD_LABEL = re.compile(r"^[^:：]{1,10}[:：]")


def is_subhead_label(squeezed: str) -> bool:
    return bool(_SUBHEAD_LABEL.match(squeezed)) or is_numbered(squeezed)


def has_no_blank_lines(lines: list[Line]) -> bool:
    """Text copied without blank lines (some e-papers): a column break is a plain line break."""
    return sum(1 for line in lines if line.gap) <= BLANKLESS_GAPS


def headline_before_dateline(text: str) -> str:
    """The headline when a line holds a headline, a space, then a story opening with its dateline
    (extraction put them side by side); "" otherwise."""
    front = text[: HEADING_MAX + 2]
    if (" " not in front and "\u3000" not in front) or ("讯" not in text[:60] and "电" not in text[:60]):
        return ""
    for space in re.finditer(r"[ \u3000]+", front):
        head = text[: space.start()]
        if not is_heading(head) or bylines.opens_with_dateline(head):
            continue
        lead = bylines.leading_byline(text[space.end() :])
        if lead and lead.dateline and squeeze(lead.rest):
            return head
    return ""


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their numbers, the blank lines before each, and their kinds."""
    rows: list[RawLine] = []
    gap = 0
    trailing_space = False
    for no, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            gap += 1
            continue
        indent = raw[: len(raw) - len(raw.lstrip())]
        rows.append(
            RawLine(
                no=no, text=stripped, gap=gap, indent=width(indent), width=line_width(raw),
                spaced=trailing_space or bool(indent),
            )
        )  # fmt: skip
        trailing_space = raw != raw.rstrip()
        gap = 0
    lines: list[Line] = []
    for row in unwrap(rows):
        head = headline_before_dateline(row.text)
        if head:
            # 市委常委会召开会议 本报讯(记者 张三)6月3日,… — headline and story on one extracted line
            lines.append(Line(no=row.no, text=head, gap=row.gap, kind=HEADING, rule="headline-beside-dateline"))
            row.text, row.gap = row.text[len(head) :].strip(), 0
        rule, photo, found = classify(row.text)
        lines.append(
            Line(no=row.no, text=row.text, gap=row.gap, kind=rule.kind, photo=photo, found=found,
                 indented=row.indent >= 1, rule=rule.name)
        )  # fmt: skip
    # A name alone under a headline, over the text (theory pages and commentaries sign so: 王建国):
    # the author's byline, not a headline line.
    for i in range(1, len(lines) - 1):
        line, before, after = lines[i], lines[i - 1], lines[i + 1]
        # Not under a short line (时代楷模 / 张桂梅): there the name is the title of a profile.
        headline_above = before.kind == HEADING and len(squeeze(before.text)) >= AUTHOR_UNDER_TITLE_MIN
        if line.kind == HEADING and headline_above and (after.kind == TEXT or is_numbered(after.text)):
            names = author_names(line.text)
            if names:
                line.kind, line.found, line.rule = CREDIT, bylines.Credits(reporters=names), "author-under-headline"
    # A heading-shaped line between two stretches of text whose last characters make one word with
    # the next line's first ones (在当 / 地兴起, 才能成 / 为): a paragraph's head cut at a column break.
    for before, line, after in zip(lines, lines[1:], lines[2:], strict=False):
        between_text = line.kind == HEADING and before.kind == TEXT and after.kind == TEXT and after.gap
        if between_text and cut_inside_a_word(line.text, after.text):
            line.kind, line.rule = TEXT, "cut-inside-a-word"
    # A headline's second line too long for a heading (two parts set apart by spaces), straight under
    # its first line and over a blank line and the story's dateline or its ■ deck: still the headline.
    for above, line, below in zip(lines, lines[1:], lines[2:], strict=False):
        if (
            line.kind == TEXT
            and not line.gap
            and above.kind == HEADING
            and below.gap
            and (below.kind in {DATELINE, CREDIT} or below.text[:1] in "■●◆▲")
            and is_kicker(line.text)
        ):
            line.kind, line.rule = HEADING, "headline-second-line"
    # An official notice signed by its issuer and dated (市人民政府办公室 / 2026年3月1日) under its text.
    for above, issuer, date in zip(lines, lines[1:], lines[2:], strict=False):
        if (
            above.kind == TEXT
            and issuer.kind == HEADING
            and len(squeeze(issuer.text)) <= ISSUER_MAX
            and _DATE_ALONE.fullmatch(squeeze(date.text))
        ):
            issuer.kind, issuer.rule = CLOSING, "document-signature"
            date.kind, date.rule = CLOSING, "document-signature"
            issuer.found = date.found = "document-signature"
    # A long kicker (…，洪森首相称赞—— / 2016年至2018年，…) set off by a blank line above and
    # standing over a headline line with none between: the first line of the headline block.
    for i, (line, below, after) in enumerate(zip(lines, lines[1:], [*lines[2:], None], strict=False)):
        if (
            line.kind == TEXT
            and (i == 0 or line.gap)
            and below.kind == HEADING
            and not below.gap
            and (after is None or after.gap or after.kind in {DATELINE, CREDIT})
            and is_kicker(line.text)
        ):
            line.kind, line.rule = HEADING, "long-kicker"
    # Where paragraphs open with an indent (e-paper text), a line without one is no paragraph's start.
    indented_page = sum(line.indented for line in lines) >= INDENTED_PAGE_LINES
    # Text copied with no blank lines and no indents: only the punctuation says where a paragraph ends.
    blankless = not indented_page and has_no_blank_lines(lines)
    # A short line straight after body text, with no blank line between, is the
    # start of a paragraph (cut by a column break), not a heading, unless a byline
    # follows it: e-paper text runs articles on without blank lines.
    for i in range(1, len(lines)):
        line = lines[i]
        if indented_page and not line.indented:
            continue
        if line.kind == HEADING and line.gap == 0 and lines[i - 1].kind in {TEXT, DATELINE}:
            if blankless and ends_sentence(lines[i - 1].text) and _heads_what_follows(lines, i):
                continue  # the text above is finished and this line heads a part or a picture
            j = i + 1
            # The headline's other lines follow without a blank line; past a blank line the
            # line is alone: the end of a paragraph cut at a column break.
            while j < len(lines) and lines[j].kind == HEADING and lines[j].gap == 0:
                j += 1
            if j == len(lines) or lines[j].kind not in {DATELINE, CREDIT, JUMP}:
                line.kind, line.rule = TEXT, "short-line-after-text"
    _read_verse(lines)
    return lines


VERSE_MIN_LINES = 3  # heading-shaped lines in a row, each set off by a blank line, that read as verse
_COLUMN_IN_LINE = re.compile(r"[（(][^()（）]{2,24}[)）]")


def _verse_shaped(line: Line) -> bool:
    return (
        line.kind == HEADING
        and bool(line.gap)
        and not _COLUMN_IN_LINE.search(line.text)
        and line.text[:1] not in _BULLET_START
    )


def _read_verse(lines: list[Line]) -> None:
    """Many short lines in a row, each set off by a blank line, are the lines of a poem (e-paper text
    sets each verse line as a paragraph): text, each line a paragraph of its own. The last of them may
    still be the next piece's headline: it is left for the boundary rules to weigh."""
    if sum(1 for line in lines if line.kind == HEADING and line.gap) < VERSE_MIN_LINES:
        return  # too few heading lines on the page for a poem
    n = len(lines)
    i = 0
    while i < n:
        if lines[i].kind != HEADING or not _verse_shaped(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < n and _verse_shaped(lines[j]):
            j += 1
        # Stopped by a headline with its column's name, the run is all verse; stopped by text, its
        # last line may head that text.
        end = j if j < n and lines[j].kind == HEADING else j - 1
        if end - i >= VERSE_MIN_LINES:
            for line in lines[i:end]:
                line.kind, line.rule = TEXT, "verse-line"
        i = j
