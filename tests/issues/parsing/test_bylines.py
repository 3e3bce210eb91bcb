import pytest

from issues.parsing.bylines import (
    Credits,
    credit_line,
    leading_byline,
    photo_credit_names,
    source_line,
    split_names,
    trailing_credit,
)

from .helpers import only_article


@pytest.mark.parametrize(
    ("line", "byline", "dateline", "reporters", "correspondents", "rest"),
    [
        ("株洲日报讯(全媒体记者陈正明)6月3日,会议召开。", "株洲日报讯(全媒体记者陈正明)", "株洲日报讯", ("陈正明",), (), "6月3日"),
        ("株洲日报讯(全媒体记者/高晓燕 通讯员/康菊平 黄文亮)5月28日", "株洲日报讯(全媒体记者/高晓燕 通讯员/康菊平 黄文亮)",
         "株洲日报讯", ("高晓燕",), ("康菊平", "黄文亮"), "5月28日"),
        ("本报讯（记者 张  伟）6月4日,", "本报讯（记者 张  伟）", "本报讯", ("张伟",), (), "6月4日"),
        ("新华社北京6月4日电(记者 王  磊 陈  静)记者4日从", "新华社北京6月4日电(记者 王  磊 陈  静)",
         "新华社北京6月4日电", ("王磊", "陈静"), (), "记者4日"),
        ("本报长沙6月4日电  （记者 赵  敏  通讯员 孙立）今天上午", "本报长沙6月4日电  （记者 赵  敏  通讯员 孙立）",
         "本报长沙6月4日电", ("赵敏",), ("孙立",), "今天上午"),
        ("江城晚报讯(见习记者 欧阳娜娜)昨日,", "江城晚报讯(见习记者 欧阳娜娜)", "江城晚报讯", ("欧阳娜娜",), (), "昨日"),
        ("新华社北京6月2日电　国务院总理主持召开", "新华社北京6月2日电", "新华社北京6月2日电", (), (), "国务院"),
        ("本报讯 记者张三 李四报道:市里召开会议。", "本报讯 记者张三 李四报道:", "本报讯", ("张三", "李四"), (), "市里"),
        ("本报讯 据报道:市里召开会议。", "本报讯", "本报讯", (), (), "据报道"),
        ("央视网消息（新闻联播）：今天,会议召开。", "央视网消息（新闻联播）：", "央视网消息", (), (), "今天"),
        ("本报综合消息 近日,各地夜经济升温。", "本报综合消息", "本报综合消息", (), (), "近日"),
        ("记者 张三 报道：近日,各地夜经济升温。", "记者 张三 报道：", "", ("张三",), (), "近日"),
    ],
)  # fmt: skip
def test_leading_bylines_with_datelines(line, byline, dateline, reporters, correspondents, rest):
    lead = leading_byline(line)
    assert (lead.byline, lead.dateline) == (byline, dateline)
    assert (lead.credits.reporters, lead.credits.correspondents) == (reporters, correspondents)
    assert lead.rest.startswith(rest)


@pytest.mark.parametrize(
    ("line", "reporters", "correspondents", "photographers"),
    [
        ("株洲日报全媒体记者/邓伟勇", ("邓伟勇",), (), ()),
        ("通讯员/黄江泉", (), ("黄江泉",), ()),
        ("文/图 本报记者 何  琳", ("何琳",), (), ("何琳",)),
        ("本报评论员 钱  江", ("钱江",), (), ()),
        ("本报记者 王  芳 摄", (), (), ("王芳",)),
        ("记者 张明 摄", (), (), ("张明",)),
        ("本报记者　刘　军　王小明", ("刘军", "王小明"), (), ()),
        ("（记者 李明）", ("李明",), (), ()),
        ("张  三 文/图", ("张三",), (), ("张三",)),
        ("本报记者 张三/文 李四/图", ("张三",), (), ("李四",)),
        ("文·图/本报记者 张三", ("张三",), (), ("张三",)),
        ("本报驻京记者 张三", ("张三",), (), ()),
        ("本报特派记者 张三", ("张三",), (), ()),
        ("撰文 张三 摄影 李四", ("张三",), (), ("李四",)),
        ("记者 张三 视频 李四", ("张三",), (), ("李四",)),
        ("——本报记者 张三", ("张三",), (), ()),
        ("本报记者 张三 李四 发自乌鲁木齐", ("张三", "李四"), (), ()),
        ("本报特派记者 张三 北京报道", ("张三",), (), ()),
        ("本报记者 张三 李四报道", ("张三", "李四"), (), ()),
        ("（本报记者 张伟 整理）", ("张伟",), (), ()),
        ("张三 文/摄", ("张三",), (), ("张三",)),
        ("文·张三", ("张三",), (), ()),
        ("文·张三 图·李四", ("张三",), (), ("李四",)),
        ("采写：张三 李四", ("张三", "李四"), (), ()),
        ("执笔：张三", ("张三",), (), ()),
        ("李安 摄", (), (), ("李安",)),
        ("(李安 王芳 摄影)", (), (), ("李安", "王芳")),
        ("本报全媒体记者 张三 通讯员 李四 王五 实习生 赵六", ("张三", "赵六"), ("李四", "王五"), ()),
    ],
)
def test_credit_lines_standing_alone(line, reporters, correspondents, photographers):
    credits = credit_line(line)
    assert (credits.reporters, credits.correspondents, credits.photographers) == (
        reporters,
        correspondents,
        photographers,
    )


@pytest.mark.parametrize("line", ["记者节里的记者们", "记者从市教育局获悉,新校将开学。", "市委常委会召开会议"])
def test_lines_that_only_mention_reporters_are_not_bylines(line):
    assert credit_line(line) is None


def test_padded_names_become_plain():
    assert split_names("王  磊 陈  静") == ["王磊", "陈静"]
    assert split_names("王　芳") == ["王芳"]
    assert split_names("康菊平 黄文亮") == ["康菊平", "黄文亮"]


def test_photo_report_credit_keeps_the_name():
    article = only_article("老街新貌\n\n本报记者  王  芳摄影报道\n\n6月4日,老街改造完工。\n")
    assert article.byline == "本报记者  王  芳摄影报道"
    assert set(article.reporters + article.photographers) == {"王芳"}


def test_byline_in_brackets_closing_the_article():
    text, byline, credits = trailing_credit("全市将开展消防安全检查。（记者　张伟）")
    assert (text, byline, credits.reporters) == ("全市将开展消防安全检查。", "（记者　张伟）", ("张伟",))


def test_two_line_byline_block_is_one_byline():
    article = only_article("标题在这里\n\n株洲日报全媒体记者/邓伟勇\n通讯员/黄江泉\n\n5月28日,会议审议通过决定。\n")
    assert article.byline == "株洲日报全媒体记者/邓伟勇 通讯员/黄江泉"
    assert (article.reporters, article.correspondents) == (("邓伟勇",), ("黄江泉",))


def test_an_evening_papers_own_bylines():
    lead = leading_byline("晚报讯（通讯员 黄  磊 记者 李  娜）6日,城市书房开放。")
    assert (lead.byline, lead.dateline) == ("晚报讯（通讯员 黄  磊 记者 李  娜）", "晚报讯")
    assert (lead.credits.reporters, lead.credits.correspondents) == (("李娜",), ("黄磊",))
    credits = credit_line("晚报记者 刘  洋 通讯员 陈思思")
    assert (credits.reporters, credits.correspondents) == (("刘洋",), ("陈思思",))


@pytest.mark.parametrize("line", ["本报评论员", "新华社评论员", "■本报特约评论员", "本报调查组"])
def test_nameless_bylines_are_bylines_without_names(line):
    assert credit_line(line) == Credits()


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("（新华社北京6月9日电）", "新华社北京6月9日电"),
        ("(据新华社)", ""),
        ("据新华社电", "据新华社电"),
        ("（据《人民日报》）", ""),
        ("来源:央视新闻客户端", ""),
        ("综合新华社、中新网", ""),
        ("新华社北京6月9日电", "新华社北京6月9日电"),
    ],
)
def test_source_lines_give_their_dateline(line, dateline):
    assert source_line(line) == dateline


@pytest.mark.parametrize("line", ["据介绍,加装电梯实行", "据了解", "据悉", "来源广泛的数据", "综合施策 久久为功"])
def test_lines_opening_with_ju_that_name_no_medium_are_not_sources(line):
    assert source_line(line) is None


def test_every_role_word_passes_the_quick_filter_of_credit_lines():
    from issues.parsing import bylines

    assert all(bylines._ROLE_CHARS.search(word) for word in [*bylines._ROLE_WORDS, "驻京记者", "文/", "图/"])


@pytest.mark.parametrize(("line", "reporters"), [("□ 张三", ("张三",)), ("◎李  四 王五", ("李四", "王五"))])
def test_a_name_under_a_signature_mark_is_a_byline(line, reporters):
    assert credit_line(line).reporters == reporters


@pytest.mark.parametrize("line", ["□ 新闻背景", "◎ 城市更新", "■ 张三"])
def test_a_signature_mark_before_words_that_are_no_name_is_no_byline(line):
    assert credit_line(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("新华社乌鲁木齐6月3日电（记者 阿卜杜拉·艾力 买买提）正文。", ("阿卜杜拉·艾力", "买买提")),
        ("本报讯(记者 古丽娜尔·吐尔逊)正文。", ("古丽娜尔·吐尔逊",)),
    ],
)
def test_transliterated_names_joined_by_a_middle_dot(line, names):
    assert leading_byline(line).credits.reporters == names


@pytest.mark.parametrize(
    "caption",
    [
        "图为农民在收割小麦。新华社发(张三 摄)",
        "图为农民在收割小麦。（新华社发 张三摄）",
        "图为农民在收割小麦。 张三 摄",
    ],
)
def test_an_agencys_picture_credit_names_its_photographer(caption):
    assert photo_credit_names(caption).photographers == ("张三",)


@pytest.mark.parametrize(
    ("line", "byline", "reporters", "correspondents"),
    [
        ("本报记者 张三 通讯员 李四 近日,我市召开会议。", "本报记者 张三 通讯员 李四", ("张三",), ("李四",)),
        ("□本报记者 张三 近日,我市召开会议。", "□本报记者 张三", ("张三",), ()),
        ("记者 张  三　近日,我市召开会议。", "记者 张  三", ("张三",), ()),
    ],
)
def test_credits_set_off_from_the_text_by_a_space(line, byline, reporters, correspondents):
    lead = leading_byline(line)
    assert (lead.byline, lead.dateline, lead.credits.reporters, lead.credits.correspondents) == (
        byline,
        "",
        reporters,
        correspondents,
    )
    assert lead.rest == "近日,我市召开会议。"


@pytest.mark.parametrize("line", ["记者节里 大家都很开心,我市召开会议。", "文化 惠民,我市召开会议。"])
def test_text_with_a_space_is_not_a_byline(line):
    assert leading_byline(line) is None


@pytest.mark.parametrize("credit", ["全媒体记者 邹  敏 摄", "(全媒体记者 邹敏 摄)"])
def test_a_role_word_is_never_taken_for_a_name(credit):
    assert credit_line(credit).photographers == ("邹敏",)
    assert photo_credit_names(f"图为施工现场。 {credit}").photographers == ("邹敏",)


def test_a_datelines_parenthesis_naming_reporters_without_a_role_gives_them_as_reporters():
    lead = leading_byline("本报云川5月3日电  （钱立、孙晓梅）记者3日从市水利局获悉，水库已经完工。")
    assert lead.credits.reporters == ("钱立", "孙晓梅")
    assert lead.rest.startswith("记者3日从市水利局获悉")


def test_a_datelines_parenthesis_of_other_words_gives_no_reporters():
    lead = leading_byline("本报云川5月3日电  （水利局供稿）记者3日获悉，水库已经完工。")
    assert lead is None or not lead.credits
