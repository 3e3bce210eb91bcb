"""Bylines and datelines as Chinese papers print them.

Recognised, with full-width or ASCII punctuation and any paper's name:
``XX日报讯(全媒体记者/A 通讯员/B C)``, ``本报讯(记者 A)``, ``新华社北京6月3日电(记者 A B)``,
``本报长沙6月3日电  （记者张明）`` at the start of a paragraph; and credit lines standing
alone: ``XX日报全媒体记者/A`` over ``通讯员/B``, ``本报记者  王  芳摄影报道``, ``文/图 A``,
``记者 A 摄``, ``本报评论员 A``. Padded names become plain (王  芳 -> 王芳).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import CJK, squeeze

REPORTER, CORRESPONDENT, PHOTOGRAPHER = "reporter", "correspondent", "photographer"

# Longest first, so that 全媒体记者 wins over 记者.
_ROLE_WORDS = {
    "全媒体记者": REPORTER,
    "融媒体记者": REPORTER,
    "首席记者": REPORTER,
    "特约记者": REPORTER,
    "见习记者": REPORTER,
    "实习记者": REPORTER,
    "驻站记者": REPORTER,
    "摄影记者": PHOTOGRAPHER,
    "记者": REPORTER,
    "特约通讯员": CORRESPONDENT,
    "通讯员": CORRESPONDENT,
    "特约评论员": REPORTER,
    "评论员": REPORTER,
    "实习生": REPORTER,
    "特派记者": REPORTER,
    "撰文": REPORTER,
    "撰稿": REPORTER,
    "采写": REPORTER,
    "执笔": REPORTER,
    "作者": REPORTER,
    "文字": REPORTER,
    "摄影": PHOTOGRAPHER,
    "摄像": PHOTOGRAPHER,
    "视频": PHOTOGRAPHER,
    "漫画": PHOTOGRAPHER,
}
# 驻京记者, 驻湘记者, 驻长沙记者: a resident correspondent is a reporter.
_RESIDENT = rf"驻[{CJK}]{{1,4}}?记者"
_WRITER_AND_PHOTO = r"(?:文\s*[/／·•]\s*图\s*[/／]?|图\s*[/／·•]\s*文\s*[/／]?|图文|文\s*[/／]\s*摄\s*[/／]?)"
_PHOTO_ONLY = r"(?:图\s*[/／·•]|摄\s*[/／])"
_WRITER_ONLY = r"(?:文\s*[/／·•])"
# The paper or agency before a role: 本报, 新华社, 株洲日报, 晚报 (记者), 湖南广播电视台 …
_ORG = rf"(?:本报|本刊|新华社|中新社|[{CJK}]{{0,6}}?(?:日报|晚报|早报|商报|时报|报社|融媒体中心|新闻网|电视台|报))"
_ROLE = re.compile(
    rf"(?P<org>{_ORG})?\s*(?:(?P<both>{_WRITER_AND_PHOTO})|(?P<photo>{_PHOTO_ONLY})|(?P<writer>{_WRITER_ONLY})"
    rf"|(?P<role>{_RESIDENT}|{'|'.join(sorted(_ROLE_WORDS, key=len, reverse=True))}))"
)
# Bullets that papers set before a byline or a source line.
_BULLETS = "■●◆◎▲△□◇★☆"
_SIGNATURE_MARKS = "□◎"  # of those, the ones that stand before a bare name
# A character that every role word above contains (记者, 通讯员, 摄影, 文/图, 视频, 作者, 漫画, 实习生 …).
_ROLE_CHARS = re.compile("[记员摄文图视漫作生写稿笔]")
_FILED_FROM = re.compile(rf"\s+(?:发自(?P<sent_from>[{CJK}]{{2,8}})|(?P<at>(?:(?!摄)[{CJK}]){{2,4}})报道)$")
# 张三/文 李四/图: the role after the name, turned round before reading (文/张三 图/李四).
_PADDED_BEFORE_ROLE = re.compile(
    rf"(?<![{CJK}])([{CJK}])[ \u3000]+((?![文图摄]\s*[/／])[{CJK}])(?=\s*[/／]\s*(?:文|图|摄))"
)
_ROLE_AFTER_NAME = re.compile(rf"([{CJK}·•]{{2,5}})\s*[/／]\s*(文|图|摄)(?=[\s\u3000]|$)")
_PHOTO_SUFFIX = re.compile(r"\s*(?:摄影报道|摄影|摄|供图|报道|整理|采写|撰文|执笔|编译)\s*$")
_NAME_SPLIT = re.compile(r"[\s\u3000、,，/／:：;；]+")
# A transliterated name, its parts joined by a middle dot: 阿卜杜拉·艾力, 古丽娜尔·吐尔逊.
_DOTTED = rf"[{CJK}]{{1,6}}(?:[·•][{CJK}]{{1,6}}){{1,3}}"
_DOTTED_NAME = re.compile(_DOTTED)
_NOT_A_NAME = re.compile("记者|通讯员|评论员|编辑|摄影|实习|本报")
_NAME = re.compile(rf"{_DOTTED}|[{CJK}][{CJK}·•]{{1,5}}")

# A dateline: 本报讯, 株洲日报讯, 新华社北京6月3日电, 本报长沙6月3日电, 中新网上海6月3日电 …
_DATELINE = (
    rf"(?:据)?(?:本报|[{CJK}A-Za-z]{{0,12}}?(?:日报|晚报|早报|报|社|网|台|客户端|新闻))"
    rf"(?:[{CJK}]{{0,8}}?\d{{1,2}}月\d{{1,2}}日)?(?:综合)?(?:讯|电|消息)"
)
_DATELINE_CREDITS = re.compile(
    rf"^\s*(?P<byline>(?P<dateline>{_DATELINE})\s*[(（](?P<credits>[^()（）\n]{{1,80}})[)）])\s*(?P<rest>.*)$",
    re.S,
)
# 新华社北京6月3日电国家统计局…: a dated dateline needs no space before the text.
_DATED_DATELINE = re.compile(
    rf"^\s*(?P<byline>(?P<dateline>(?:据)?(?:本报|[{CJK}A-Za-z]{{0,12}}?(?:日报|晚报|早报|报|社|网|台|客户端|新闻))"
    rf"[{CJK}]{{0,8}}?\d{{1,2}}月\d{{1,2}}日(?:讯|电)))(?P<rest>\S.*)$",
    re.S,
)
_INLINE_CREDITS = re.compile(r"^(?P<credits>[^:：,，。;；]{3,40}?报道)\s*[:：]\s*(?P<rest>\S.*)$", re.S)
# 央视网消息（新闻联播）：正文 — a dateline with the programme or source it came from.
_DATELINE_SOURCE = re.compile(
    rf"^\s*(?P<byline>(?P<dateline>{_DATELINE})\s*[(（][^()（）\n]{{1,20}}[)）]\s*[:：])\s*(?P<rest>\S.*)$", re.S
)
_DATELINE_ALONE = re.compile(rf"^\s*(?P<byline>(?P<dateline>{_DATELINE}))(?:[\s\u3000]+|[:：])(?P<rest>\S.*)$", re.S)

# Common surnames: a credit line's names must start with one (keeps 记者节里的… out).
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
    "夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟"
    "邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣"
    "晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉"
    "冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "买努迪吐帕热依"  # the first characters of Uyghur and other transliterated names (买买提, 努尔)
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "尉迟",
    "公孙",
    "长孙",
    "夏侯",
    "端木",
)


@dataclass(frozen=True)
class Credits:
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.reporters or self.correspondents or self.photographers)

    def __add__(self, other: Credits) -> Credits:
        return Credits(
            _unique(self.reporters + other.reporters),
            _unique(self.correspondents + other.correspondents),
            _unique(self.photographers + other.photographers),
        )


@dataclass(frozen=True)
class LeadingByline:
    """A byline at the start of a paragraph, and the text that follows it."""

    byline: str
    dateline: str
    credits: Credits
    rest: str


def _unique(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def looks_like_name(name: str) -> bool:
    if _NOT_A_NAME.search(name):
        return False  # 全媒体记者: a role, though 全 is a surname
    if _DOTTED_NAME.fullmatch(name):
        return True
    return bool(_NAME.fullmatch(name)) and (name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES))


def split_names(text: str) -> list[str]:
    """Names from a run like '王  磊 陈  静' or '康菊平 黄文亮'; padded names are rejoined."""
    tokens = [t for t in _NAME_SPLIT.split(text.strip()) if t]
    names: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        # A one-character token is half of a padded two-character name (王  芳).
        if len(token) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
            token += tokens[i + 1]
            i += 1
        names.append(token)
        i += 1
    return names


def parse_credits(text: str) -> tuple[Credits, list[str]]:
    """Split a credit text into names by role; also return the tokens that were not names."""
    matches = list(_ROLE.finditer(text))
    if not matches:
        return Credits(), [text] if squeeze(text) else []
    roles: dict[str, list[str]] = {REPORTER: [], CORRESPONDENT: [], PHOTOGRAPHER: []}
    leftovers: list[str] = []
    head = text[: matches[0].start()]
    pending: set[str] = set()
    if squeeze(head):
        last = matches[-1]
        head_names = split_names(head)
        if (
            len(matches) == 1
            and not last.group("role")
            and not squeeze(text[last.end() :])
            and all(looks_like_name(n) for n in head_names)
        ):
            # 张三 文/图: the names stand before the role.
            text = text[: last.end()] + " " + head
        else:
            leftovers.append(head)
    for i, match in enumerate(matches):
        segment = text[match.end() : matches[i + 1].start() if i + 1 < len(matches) else len(text)]
        if match.group("both"):
            kinds = {REPORTER, PHOTOGRAPHER}
        elif match.group("photo"):
            kinds = {PHOTOGRAPHER}
        elif match.group("writer"):
            kinds = {REPORTER}
        else:
            kinds = {_ROLE_WORDS.get(match.group("role"), REPORTER)}
        photo_suffix = _PHOTO_SUFFIX.search(segment)
        if photo_suffix:
            segment = segment[: photo_suffix.start()]
        names = split_names(segment)
        if not names:
            # 文/图 本报记者 何琳: the first role carries over to the names of the next.
            pending |= kinds
            continue
        kinds |= pending
        pending = set()
        if photo_suffix and "摄" in photo_suffix.group(0):
            kinds = (kinds - {REPORTER}) | {PHOTOGRAPHER} if kinds != {CORRESPONDENT} else kinds | {PHOTOGRAPHER}
        for name in names:
            if _NAME.fullmatch(name):
                for kind in kinds:
                    roles[kind].append(name)
            else:
                leftovers.append(name)
    return Credits(
        _unique(tuple(roles[REPORTER])), _unique(tuple(roles[CORRESPONDENT])), _unique(tuple(roles[PHOTOGRAPHER]))
    ), leftovers


BARE_NAMES_MAX = 4


def bare_names(text: str) -> Credits:
    """The reporters of a dateline's parenthesis that names them with no 记者 before them (王立、赵明); none else."""
    names = split_names(text)
    if 0 < len(names) <= BARE_NAMES_MAX and all(2 <= len(n) <= 4 and looks_like_name(n) for n in names):
        return Credits(reporters=tuple(names))
    return Credits()


def leading_byline(line: str) -> LeadingByline | None:
    """A dateline with its credits at the start of a paragraph: 本报讯(记者 A)正文… or 新华社…电 正文…"""
    inline = _INLINE_CREDITS.match(line)
    if inline and (credits := credit_line(inline.group("credits"))):
        # 记者 张三 报道:正文… — credits with no dateline before them
        return LeadingByline(line[: inline.start("rest")].strip(), "", credits, inline.group("rest"))
    lead = _spaced_credits(line)
    if lead:
        return lead
    head = line[:40]
    if "讯" not in head and "电" not in head and "消息" not in head:
        return None
    match = _DATELINE_CREDITS.match(line)
    if match:
        credits, leftovers = parse_credits(match.group("credits"))
        if not credits:
            credits, leftovers = bare_names(match.group("credits")), []  # 本报郑州2月11日电 （王立、赵明）
        if credits and not leftovers:
            return LeadingByline(match.group("byline").strip(), match.group("dateline").strip(), credits,
                                 match.group("rest"))  # fmt: skip
    match = _DATELINE_SOURCE.match(line) or _DATELINE_ALONE.match(line) or _DATED_DATELINE.match(line)
    if match and len(squeeze(match.group("dateline"))) <= 20:
        byline, dateline, rest = match.group("byline").strip(), match.group("dateline").strip(), match.group("rest")
        inline = _INLINE_CREDITS.match(rest)
        if inline:
            credits = credit_line(inline.group("credits"))
            if credits:
                # 本报讯 记者张三报道:正文…
                return LeadingByline(line[: match.start("rest") + inline.start("rest")].strip(), dateline, credits,
                                     inline.group("rest"))  # fmt: skip
        return LeadingByline(byline, dateline, Credits(), rest)
    return None


def _spaced_credits(line: str) -> LeadingByline | None:
    """本报记者 张三 通讯员 李四 近日,… — credits set off from the text by a space, no dateline."""
    head = line[:60]
    if (" " not in head and "\u3000" not in head) or not _ROLE_CHARS.search(line[:12]):
        return None
    cuts = [m.start() for m in re.finditer(r"[ \u3000]+", head)]
    for cut in reversed(cuts):
        head, rest = line[:cut].strip(), line[cut:].strip()
        if len(rest) < SPACED_REST_MIN or not re.search(r"[，,。；;：:]", rest[:30]):
            continue
        credits = credit_line(head)
        if credits:
            return LeadingByline(head, "", credits, rest)
    return None


SPACED_REST_MIN = 6  # the text after spaced credits: at least a clause

# A byline with no name: 本报评论员, 新华社评论员, 本报编辑部, 本报调查组 …
_NAMELESS = re.compile(
    rf"^(?:{_ORG})?(?:特约评论员|评论员|评论部|编辑部|调查组|采访组|报道组|记者组|联合调查组|课题组)$"
)
# Where a story comes from, closing it: （新华社北京6月9日电）, （据新华社）, 据《人民日报》, （来源:央视新闻）
_MEDIUM = rf"(?:《[^《》]{{2,16}}》|[{CJK}A-Za-z·]{{1,12}}?(?:社|报|网|台|新闻|客户端|频道|杂志|周刊))"
_SOURCE = re.compile(
    rf"^[(（]?\s*(?:(?P<dateline>{_DATELINE})|(?:据|来源\s*[:：]|稿件来源\s*[:：]|转自|摘自|综合)\s*"
    rf"{_MEDIUM}(?:[{CJK}]{{0,8}}?\d{{1,2}}月\d{{1,2}}日)?(?:电|讯|报道|消息)?(?:\s*[、,，]\s*{_MEDIUM})*)"
    rf"\s*[)）]?$"
)


_OPENS_WITH_DATELINE = re.compile(rf"^\s*(?:{_DATELINE})")


def opens_with_dateline(line: str) -> bool:
    """The line starts with a dateline (本报讯, 新华社北京6月3日电 …), however it goes on."""
    return bool(_OPENS_WITH_DATELINE.match(line))


def source_line(line: str) -> str | None:
    """The dateline of a line that only says where the story comes from, or "" when it names no dateline.

    None for any other line: a line that names a medium must open with 据, 来源 or the like.
    """
    if len(line) > 60:
        return None
    text = line.strip().strip(_BULLETS)
    match = _SOURCE.match(text)
    if not match:
        return None
    return (match.group("dateline") or "").strip()


def credit_line(line: str) -> Credits | None:
    """The credits of a line that is nothing but a byline (株洲日报全媒体记者/A, 本报记者 王  芳 摄, …)."""
    if len(line) > 80:
        return None
    text = line.strip().strip(_BULLETS).lstrip("—－-").strip()
    inner = text
    if text[:1] in "(（" and text[-1:] in ")）":
        inner = text[1:-1]
    squeezed = squeeze(inner)
    if not inner or len(squeezed) > 40 or re.search(r"[。，,！？!?；;“”\"]", inner):
        return None
    if _NAMELESS.match(squeezed):
        return Credits()
    if not _ROLE_CHARS.search(inner):
        if line.strip()[:1] in _SIGNATURE_MARKS:
            # □ 张三: a signature under a bullet, as commentaries and features print it
            names = split_names(inner)
            if 0 < len(names) <= 3 and all(looks_like_name(n) for n in names):
                return Credits(reporters=tuple(names))
        return None  # no role word can be in it: most headlines stop here
    bare = _BARE_PHOTO_CREDIT.fullmatch(inner.strip())
    if bare and not _ROLE.search(bare.group("names")):
        # 李安 摄: a picture credited by name alone, as captions end
        names = split_names(bare.group("names"))
        if 0 < len(names) <= 3 and all(looks_like_name(n) for n in names):
            return Credits(photographers=tuple(names))
    place = _FILED_FROM.search(inner)
    if place and (place.group("sent_from") or not looks_like_name(place.group("at"))):
        inner = inner[: place.start()]  # 发自北京, 长沙报道: where the story was filed, not a name
    inner = _PADDED_BEFORE_ROLE.sub(r"\1\2", inner)  # 马  丽/文: a padded name, then its role
    credits, leftovers = parse_credits(_ROLE_AFTER_NAME.sub(r"\2/\1", inner))
    if not credits or leftovers:
        return None
    names = credits.reporters + credits.correspondents + credits.photographers
    if not all(looks_like_name(n) for n in names):
        return None
    return credits


_AGENCY_SENT = re.compile(rf"^[{CJK}]{{1,6}}社发\s*")
_BARE_PHOTO_CREDIT = re.compile(rf"(?P<names>[{CJK}·•][{CJK}·•\s\u3000、]{{1,16}}?)\s*(?:摄影|摄)")
_TRAILING_CREDIT = re.compile(r"[(（][^()（）]{2,40}[)）]\s*$")


def trailing_credit(text: str) -> tuple[str, str, Credits] | None:
    """A byline in brackets closing a paragraph, (记者 张伟): (text before, byline, credits)."""
    match = _TRAILING_CREDIT.search(text)
    if not match or match.start() == 0:
        return None
    credits = credit_line(match.group(0))
    if not credits:
        return None
    return text[: match.start()].rstrip(), match.group(0).strip(), credits


def photo_credit_names(text: str) -> Credits:
    """The people credited for a picture at the end of its caption (…现场。 本报记者 陈晓东 摄),
    or in a credit line of its own, as photographers; none if no credit closes the text."""
    tail = re.split(r"[。！？!?”]\s*", text.strip())[-1]
    if not tail or not is_photo_credit(tail):
        return Credits()
    bracket = _TRAILING_CREDIT.search(tail)
    words = tail.split()
    readings = (
        tail,
        bracket.group(0) if bracket else "",  # 新华社发(张三 摄): the agency, then the photographer
        _AGENCY_SENT.sub("", tail.strip("()（） ")),  # (新华社发 张三摄)
        *(" ".join(words[k:]) for k in range(1, len(words) - 1)),  # 全媒体 / 记者 邹敏 摄: cut by a line break
    )
    credits = next((c for c in map(credit_line, readings) if c), None)
    if not credits:
        return Credits()
    return Credits(photographers=_unique(credits.reporters + credits.correspondents + credits.photographers))


def is_photo_credit(line: str) -> bool:
    """A credit line for a picture: it ends in 摄 / 摄影 / 供图 or opens with 图/."""
    text = squeeze(line)
    return bool(re.search(r"(摄|摄影|供图)[)）]?$", text) or re.match(r"^[(（]?(图|摄)[/／]", text))
