"""Chinese personal names in credit lines: what looks like a name (a common surname, two to
six characters, or a transliterated name joined by a middle dot), and names split from a run
where padding set them apart (王  芳 -> 王芳)."""

from __future__ import annotations

import re

from .text import CJK

_NAME_SPLIT = re.compile(r"[\s\u3000、,，/／:：;；]+")
# A transliterated name, its parts joined by a middle dot: 阿卜杜拉·艾力, 古丽娜尔·吐尔逊.
_DOTTED = rf"[{CJK}]{{1,6}}(?:[·•][{CJK}]{{1,6}}){{1,3}}"
_DOTTED_NAME = re.compile(_DOTTED)
_NOT_A_NAME = re.compile("记者|通讯员|评论员|编辑|摄影|实习|本报")
_NAME = re.compile(rf"{_DOTTED}|[{CJK}][{CJK}·•]{{1,5}}")

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
