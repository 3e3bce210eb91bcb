"""Furniture, headlines, rubrics, captions, jumps and orphans."""

import pytest

from issues.parsing import parse_page

from .helpers import lost_and_invented, only_article


def test_page_furniture_goes_to_the_masthead():
    page = parse_page(
        "云川日报\n2025年6月5日 星期四\n第A02版 要闻\n责任编辑:李  明  版式:周芸\n\n"
        "标题一则新闻\n\n本报讯(记者 张伟)正文。\n\n新闻热线:12345678  www.example.cn\n"
    )
    assert page.masthead == (
        "云川日报",
        "2025年6月5日 星期四",
        "第A02版 要闻",
        "责任编辑:李  明  版式:周芸",
        "新闻热线:12345678  www.example.cn",
    )
    assert len(page.articles) == 1


def test_kicker_and_title_on_one_line():
    article = only_article("陈恢清在有关专题会议上强调 推动政务数据共享应用 走在全省前列\n\n本报讯(记者 张伟)正文。\n")
    assert (article.kicker, article.title) == ("陈恢清在有关专题会议上强调", "推动政务数据共享应用 走在全省前列")


def test_subtitle_opening_with_dashes():
    article = only_article("奋力谱写新篇章\n——写在大会召开一周年之际\n本报记者 刘军\n\n一年来,成绩显著。\n")
    assert (article.title, article.subtitle) == ("奋力谱写新篇章", "——写在大会召开一周年之际")


def test_stacked_column_logo_between_headline_and_byline_is_the_rubric():
    article = only_article("市委督导组完成进驻\n\n锲而不舍落实\n中央八项规定精神\n\n本报讯(记者 张伟)正文。\n")
    assert article.title == "市委督导组完成进驻"
    assert article.rubric == "锲而不舍落实 中央八项规定精神"


def test_named_column_is_the_rubric():
    article = only_article("让口袋公园装满幸福感\n\n云川时评\n\n本报评论员 钱  江\n\n这两年,公园多了。\n")
    assert (article.title, article.rubric, article.section) == ("让口袋公园装满幸福感", "云川时评", "评论")


def test_caption_attaches_to_the_article_above():
    page = parse_page("光伏项目并网\n\n本报讯(记者 潘东晓)项目并网发电。\n\n\n图为光伏发电项目,受访企业供图\n")
    assert page.articles[0].captions == ("图为光伏发电项目,受访企业供图",)


def test_photo_item_text_above_its_credit_is_the_caption():
    article = only_article("老街换新颜\n\n6月4日,市民在老街上休闲漫步。\n\n本报记者 王  芳 摄\n")
    assert article.captions == ("6月4日,市民在老街上休闲漫步。",)
    assert article.paragraphs == ()
    assert article.photographers == ("王芳",)


def test_jump_markers_set_continues_and_continued_from():
    page = parse_page(
        "新增两所学校\n\n本报讯(记者 何琳)办好每一所(下转第3版)\n\n"
        "城市更新让老街区焕发新活力\n\n(上接第1版)\n\n在改造过程中,坚持留改拆。\n"
    )
    first, second = page.articles
    assert (first.continues, first.continued_from) == (True, False)
    assert (second.continues, second.continued_from) == (False, True)
    assert first.paragraphs == ("办好每一所",)
    assert second.paragraphs == ("在改造过程中,坚持留改拆。",)
    assert [r.dropped for r in page.repairs] == ["(下转第3版)", "(上接第1版)"]


@pytest.mark.parametrize(
    "forward, backward",
    [("（下转2版·要闻）", "（上接A01版）"), ("（下接第6版）", "(紧接1版)"), ("（下转第3版左下）", "（续第一版）")],
)
def test_jump_markers_with_a_page_name_or_another_verb(forward, backward):
    page = parse_page(
        f"新增两所学校\n\n本报讯(记者 何琳)办好每一所{forward}\n\n"
        f"城市更新让老街区焕发新活力\n\n{backward}\n\n在改造过程中,坚持留改拆。\n"
    )
    first, second = page.articles
    assert (first.continues, first.continued_from, second.continues, second.continued_from) == (
        True,
        False,
        False,
        True,
    )
    assert first.paragraphs == ("办好每一所",)
    assert [r.dropped for r in page.repairs] == [forward, backward]


def test_text_before_any_article_is_unassigned_with_a_warning():
    page = parse_page(
        "云川日报\n\n这段文字接自上一版,讲完了最后一件事,然后结束了。\n\n标题一则新闻\n\n本报讯(记者 张伟)正文。\n"
    )
    assert page.unassigned == ("这段文字接自上一版,讲完了最后一件事,然后结束了。",)
    assert page.warnings[0].line == 3


def test_orphan_fragment_after_an_article_stays_with_it():
    article = only_article("标题一则新闻\n\n本报讯(记者 张伟)正文一段。\n\n员组成7个项目组,走访居民。\n")
    assert article.paragraphs == ("正文一段。", "员组成7个项目组,走访居民。")


def test_section_is_suggested_from_the_text():
    page = parse_page(
        "市青少年游泳锦标赛开赛\n\n本报讯(通讯员 罗平)460余名运动员参赛。\n\n"
        "两所新学校秋季开学\n\n本报讯(记者 何琳)新增学位4200个,学生就近入学。\n"
    )
    assert [a.section for a in page.articles] == ["体育", "教育"]


@pytest.mark.parametrize(
    "header, section",
    [("第8版 体育新闻", "体育"), ("B02 文化周刊", "文化"), ("第3版·经济", "产业"), ("第A02版 要闻", "社会")],
)
def test_the_pages_name_leans_the_section_of_its_stories(header, section):
    page = parse_page(f"江城晚报\n{header}\n\n他的五十岁\n\n本报讯(记者 何琳)张师傅今年五十岁。\n")
    assert page.articles[0].section == section


def test_a_stories_own_words_outweigh_the_pages_name():
    page = parse_page("第8版 体育新闻\n\n市委常委会召开会议\n\n本报讯(记者 何琳)市委书记主持会议,部署督导工作。\n")
    assert page.articles[0].section == "时政"


def test_e_paper_text_without_blank_lines_between_articles():
    page = parse_page(
        "第04版：经济\n全省一季度外贸进出口增长6.2%\n本报记者　陈　晨\n"
        "　　4月20日，一季度全省外贸进出口总值达1500亿元。\n　　其中，出口900亿元。\n"
        "新能源汽车下乡活动启动\n　　本报讯（通讯员　王　强）4月19日，活动在我市启动。\n"
    )
    assert [a.title for a in page.articles] == ["全省一季度外贸进出口增长6.2%", "新能源汽车下乡活动启动"]
    assert page.articles[0].paragraphs == ("4月20日，一季度全省外贸进出口总值达1500亿元。", "其中，出口900亿元。")
    assert page.articles[1].correspondents == ("王强",)
    assert page.masthead == ("第04版：经济",)


def test_e_paper_citation_line_is_furniture():
    page = parse_page("标题一则新闻\n\n本报讯(记者 张伟)正文。\n\n《 江城晚报 》（ 2025年06月03日   第 A03 版）\n")
    assert page.masthead == ("《 江城晚报 》（ 2025年06月03日   第 A03 版）",)
    assert page.unassigned == ()


def test_photo_item_with_its_credit_above_the_caption():
    article = only_article("老街换新颜\n\n本报记者 王  芳 摄\n\n6月4日,市民在改造后的老街上休闲漫步。\n")
    assert article.captions == ("6月4日,市民在改造后的老街上休闲漫步。",)
    assert article.paragraphs == ()


def test_dated_dateline_runs_straight_into_the_text():
    article = only_article("全国夏粮收获进度过半\n\n新华社北京6月4日电记者4日从农业农村部了解到,收获进度过半。\n")
    assert (article.dateline, article.paragraphs[0]) == (
        "新华社北京6月4日电",
        "记者4日从农业农村部了解到,收获进度过半。",
    )


def test_closing_dateline_is_the_last_paragraph_not_the_next_headline():
    page = parse_page(
        "加快建设全国统一大市场\n本报评论员\n\n建设全国统一大市场,是构建新发展格局的基础支撑。\n"
        "（新华社北京6月9日电）\n\n量子计算取得新突破\n\n"
        "新华社合肥6月9日电(记者 徐海涛)记者9日获悉,研究团队构建了新的原型机。\n"
    )
    first, second = page.articles
    assert first.byline == "本报评论员"
    assert first.paragraphs == ("建设全国统一大市场,是构建新发展格局的基础支撑。", "（新华社北京6月9日电）")
    assert not first.continues
    assert (second.kicker, second.title) == ("", "量子计算取得新突破")


def test_author_note_closing_a_commentary_stays_in_its_body():
    page = parse_page(
        "让口袋公园装满幸福感\n\n李  明\n\n口袋公园面积不大,却让居民出门见绿。\n"
        "（作者系湖南大学教授）\n\n市青少年游泳锦标赛开赛\n\n本报讯(通讯员 罗平)6月4日,比赛开赛。\n"
    )
    assert page.articles[0].paragraphs[-1] == "（作者系湖南大学教授）"
    assert page.articles[1].title == "市青少年游泳锦标赛开赛"


def test_page_header_without_ban_is_furniture():
    page = parse_page("江南都市报\nA05 城事\n\n让城市更有温度\n\n本报讯(记者 程明)7月1日,城市更新工作会召开。\n")
    assert page.masthead == ("江南都市报", "A05 城事")
    assert page.articles[0].title == "让城市更有温度"


def test_interview_turns_are_paragraphs_not_subheads():
    article = only_article(
        "让城市更有温度\n——访市住建局局长王建国\n\n本报记者 程  明\n\n"
        "记者:今年我市在城市更新方面有哪些新举措?\n\n王建国:今年我们重点推进三件事。\n\n"
        "记者:加装电梯进展如何?\n\n王建国:全市已完成加装电梯186台。\n"
    )
    assert article.subheads == ()
    assert [p[:3] for p in article.paragraphs] == ["记者:", "王建国", "记者:", "王建国"]


def test_column_logo_above_a_short_two_line_headline():
    article = only_article(
        "三夏一线\n\n抢晴收割忙\n颗粒要归仓\n\n本报记者 刘  勇\n\n连日来,鼎城区抢抓晴好天气收割小麦。\n"
    )
    assert article.rubric == "三夏一线"
    assert article.headline.replace(" ", "") == "抢晴收割忙颗粒要归仓"


def test_front_page_index_and_weather_box_are_furniture():
    page = parse_page(
        "湘江晚报\n\n今日导读\n▶ 长沙出台新政支持首套房 A03\n▶ 暑期游火爆 景区限流 第6版\n\n"
        "天气 今天 晴转多云 27℃～36℃ 南风2级\n\n长沙首套房公积金贷款额度提高\n\n"
        "晚报讯(全媒体记者 张扬)8月11日,长沙市住房公积金管理中心发布通知。\n"
    )
    assert page.masthead[1:] == (
        "今日导读",
        "▶ 长沙出台新政支持首套房 A03",
        "▶ 暑期游火爆 景区限流 第6版",
        "天气 今天 晴转多云 27℃～36℃ 南风2级",
    )
    assert [a.title for a in page.articles] == ["长沙首套房公积金贷款额度提高"]


def test_commentator_byline_above_the_headline_opens_the_next_article():
    page = parse_page(
        "暑期游持续升温\n\n晚报记者 王  璐\n\n进入8月,长沙各大景区迎来客流高峰。\n\n"
        "晚报评论员 刘  新\n\n全民健身不能只在“朋友圈”\n\n近日,某小区业主自发组织的夜跑活动刷屏。\n"
    )
    first, second = page.articles
    assert (first.byline, first.reporters) == ("晚报记者 王  璐", ("王璐",))
    assert (second.title, second.byline, second.reporters) == (
        "全民健身不能只在“朋友圈”",
        "晚报评论员 刘  新",
        ("刘新",),
    )


def test_credit_line_above_a_subhead_stays_with_its_article():
    text = (
        "暑期游持续升温\n\n晚报记者 王  璐\n\n进入8月,长沙各大景区迎来客流高峰。\n\n"
        "通讯员 刘  新\n\n现场直击:夜跑刷屏\n\n近日,某小区业主自发组织的夜跑活动刷屏。\n"
    )
    article = only_article(text)
    assert article.byline == "晚报记者 王  璐 通讯员 刘  新"
    assert article.subheads == ("现场直击:夜跑刷屏",)
    assert lost_and_invented(text, parse_page(text).to_dict()) == (0, 0)


def test_three_headline_lines_over_a_subtitle_keep_every_line():
    article = only_article(
        "稳外贸\n拓市场 强信心\n我省前5月进出口增长8.2%\n——来自长沙海关的报告\n\n长沙海关今天发布数据。\n"
    )
    assert (article.kicker, article.title, article.subtitle) == (
        "稳外贸",
        "拓市场 强信心 我省前5月进出口增长8.2%",
        "——来自长沙海关的报告",
    )


def test_picture_credited_to_an_agency_makes_a_photo_item():
    page = parse_page(
        "老街换新颜\n\n6月4日,市民在改造后的青石老街上休闲漫步。\n\n图/视觉中国\n\n"
        "市青少年游泳锦标赛开赛\n\n本报讯(通讯员 罗平)6月4日,比赛开赛。\n"
    )
    photo, story = page.articles
    assert (photo.byline, photo.captions, photo.paragraphs) == (
        "图/视觉中国",
        ("6月4日,市民在改造后的青石老街上休闲漫步。",),
        (),
    )
    assert story.title == "市青少年游泳锦标赛开赛"


def test_web_e_paper_chrome_is_furniture_and_its_author_line_a_byline():
    page = parse_page(
        "株洲日报 2025年06月04日 第A01版\n【字号 大 中 小】 打印本页 关闭窗口\n\n市委常委会召开会议\n\n"
        "作者:陈正明\n发布时间:2025-06-04 08:00\n\n6月3日,市委常委会召开会议。\n\n上一篇 下一篇\n"
    )
    assert page.masthead == (
        "株洲日报 2025年06月04日 第A01版",
        "【字号 大 中 小】 打印本页 关闭窗口",
        "发布时间:2025-06-04 08:00",
        "上一篇 下一篇",
    )
    article = page.articles[0]
    assert (article.title, article.byline, article.reporters) == ("市委常委会召开会议", "作者:陈正明", ("陈正明",))
    assert article.paragraphs == ("6月3日,市委常委会召开会议。",)


def test_jump_lines_without_brackets():
    page = parse_page(
        "城市更新让老街区焕发新活力\n\n上接第1版\n\n在改造过程中,我市保留老街原有的青石路面。\n\n"
        "老旧小区加装电梯提速\n\n本报讯(记者 孙静)今年我市将为老旧小区加装电梯300台,目前\n▶下转A3版\n"
    )
    first, second = page.articles
    assert (first.continued_from, first.continues) == (True, False)
    assert (second.continued_from, second.continues) == (False, True)
    assert [r.dropped for r in page.repairs] == ["上接第1版", "▶下转A3版"]


def test_telephone_lines_are_furniture():
    page = parse_page(
        "云川日报\n新闻热线:0731-28829110\n咨询电话 0731-88888888\n\n市长主持会议\n\n本报讯 6月4日,会议召开。\n"
    )
    assert page.masthead == ("云川日报", "新闻热线:0731-28829110", "咨询电话 0731-88888888")


@pytest.mark.parametrize(
    "credit", ["（图片由受访者提供）", "（资料图片）", "新华社发", "受访者供图", "本版图片均由市文旅局提供"]
)
def test_picture_credits_without_names_close_the_caption_they_follow(credit):
    page = parse_page(
        f"老街焕新颜\n\n本报讯(记者 张伟)6月4日,老街改造完工。\n\n图为改造后的青石老街。\n{credit}\n\n"
        "市青少年游泳锦标赛开赛\n\n本报讯(通讯员 罗平)6月4日,比赛开赛。\n"
    )
    first, second = page.articles
    assert first.captions == (f"图为改造后的青石老街。 {credit}",)
    assert second.title == "市青少年游泳锦标赛开赛"


def test_each_item_of_a_news_briefs_column_is_a_story():
    page = parse_page(
        "简讯\n\n【汉口江滩举办灯光秀】9月2日晚,汉口江滩举办灯光秀,吸引市民驻足观看。(记者 王  敏)\n\n"
        "【地铁12号线新增站点开通】9月2日,地铁12号线新增的两座车站开通运营。(通讯员 刘  波)\n\n"
        "【延伸阅读】近三年来,武汉累计新增中小学学位超过10万个。\n"
    )
    first, second = page.articles
    assert (first.rubric, first.title, first.byline, first.reporters) == (
        "简讯",
        "【汉口江滩举办灯光秀】",
        "(记者 王  敏)",
        ("王敏",),
    )
    assert first.paragraphs == ("9月2日晚,汉口江滩举办灯光秀,吸引市民驻足观看。",)
    assert (second.rubric, second.title, second.correspondents) == ("", "【地铁12号线新增站点开通】", ("刘波",))
    # a bracketed lead-in without a byline of its own stays in the story it stands in
    assert second.paragraphs[-1].startswith("【延伸阅读】")


@pytest.mark.parametrize("end", ["(完)", "\n（完）", "\n【完】"])
def test_wire_end_marker_closes_the_story_without_a_jump(end):
    page = parse_page(
        "全国夏粮收获进度过半\n\n新华社北京6月4日电(记者 王磊)麦收正由南向北推进。"
        f"{end}\n\n市青少年游泳锦标赛开赛\n\n本报讯(通讯员 罗平)6月4日,比赛开赛。\n"
    )
    first, second = page.articles
    assert first.paragraphs == ("麦收正由南向北推进。",)
    assert not first.continues and page.warnings == ()
    assert [(r.kind, r.dropped) for r in page.repairs] == [("end-marker", end.strip())]
    assert second.title == "市青少年游泳锦标赛开赛"


def test_a_headline_naming_one_temperature_is_not_the_weather_box():
    article = only_article("高温天气持续 最高气温达40℃\n\n本报讯(记者 张伟)连日来,我市持续高温。\n")
    assert article.headline.replace(" ", "") == "高温天气持续最高气温达40℃"


def test_a_picture_above_the_first_story_goes_with_it():
    page = parse_page(
        "株洲日报\n\n图为6月3日,市民在神农公园赏花。\n记者 张三 摄\n\n市委常委会召开会议\n\n"
        "本报讯(记者 陈正明)6月3日,会议召开。\n"
    )
    (article,) = page.articles
    assert article.captions == ("图为6月3日,市民在神农公园赏花。 记者 张三 摄",)
    assert (page.unassigned, page.warnings) == ((), ())


def test_a_caption_on_a_page_without_stories_is_unassigned_with_a_warning():
    page = parse_page("图为6月3日,市民在神农公园赏花。\n")
    assert page.unassigned == ("图为6月3日,市民在神农公园赏花。",)
    assert [w.line for w in page.warnings] == [1]


def test_e_paper_headline_right_after_an_indented_paragraph_opens_a_story():
    page = parse_page(
        "让“口袋公园”装满群众的幸福感\n云川时评\n本报评论员 钱  江\n"
        "\u3000\u3000这两年,一个个“口袋公园”在城市的边角空地上冒了出来。\n"
        "\u3000\u3000把群众的期盼一件件落到实处,小空间才能承载大民生。\n"
        "城市更新让老街区焕发新活力\n"
        "\u3000\u3000在改造过程中,我市坚持“留改拆”并举。\n"
    )
    first, second = page.articles
    assert (first.title, first.rubric, first.byline) == (
        "让“口袋公园”装满群众的幸福感",
        "云川时评",
        "本报评论员 钱  江",
    )
    assert len(first.paragraphs) == 2
    assert (second.title, second.paragraphs) == ("城市更新让老街区焕发新活力", ("在改造过程中,我市坚持“留改拆”并举。",))


def test_e_paper_subheads_and_photo_item_between_indented_paragraphs():
    page = parse_page(
        "云川造储能电池首次出口欧洲\n首批2000套产品装船启运\n"
        "\u3000\u3000本报长沙6月4日电  （记者 赵  敏  通讯员 孙立）今天上午,首批储能电池装船。\n"
        "技术攻关:三年啃下“硬骨头”\n\u3000\u3000欧洲市场对储能电池的安全认证要求严苛。\n"
        "订单:排到了明年三月\n\u3000\u3000“目前海外订单已经排到了明年三月。”公司负责人介绍。\n"
        "老街换新颜\n\u3000\u30006月4日,市民在改造后的青石老街上休闲漫步。\n本报记者 王  芳 摄\n"
    )
    story, photo = page.articles
    assert story.subheads == ("技术攻关:三年啃下“硬骨头”", "订单:排到了明年三月")
    assert len(story.paragraphs) == 3
    assert (photo.title, photo.byline, photo.paragraphs) == ("老街换新颜", "本报记者 王  芳 摄", ())
    assert photo.captions == ("6月4日,市民在改造后的青石老街上休闲漫步。",)


def test_a_bracketed_credit_after_the_text_closes_the_story_above():
    page = parse_page(
        "长沙地铁6号线东延段开通\n\n本报讯 6月9日上午,长沙地铁6号线东延段开通试运营。\n\n(记者 黄婷婷)\n\n"
        "市青少年游泳锦标赛开赛\n\n6月4日,比赛在市奥体中心开赛。\n"
    )
    first, second = page.articles
    assert (first.byline, first.reporters) == ("本报讯 (记者 黄婷婷)", ("黄婷婷",))
    assert (second.byline, second.reporters) == ("", ())


def test_names_after_the_text_of_a_dateline_without_names_are_its_byline():
    page = parse_page(
        "长沙地铁6号线东延段开通\n\n本报讯 6月9日上午,长沙地铁6号线东延段开通试运营。\n\n记者 黄婷婷\n\n"
        "市青少年游泳锦标赛开赛\n\n6月4日,比赛在市奥体中心开赛。\n"
    )
    first, second = page.articles
    assert first.reporters == ("黄婷婷",)
    assert second.reporters == ()


def test_a_jump_printed_beside_the_headline():
    page = parse_page("城市更新让老街区焕发新活力（上接第1版）\n\n在改造过程中,我市坚持留改拆并举。\n")
    (article,) = page.articles
    assert (article.title, article.continued_from) == ("城市更新让老街区焕发新活力", True)
    assert [(r.kind, r.dropped) for r in page.repairs] == [("jump-marker", "（上接第1版）")]


@pytest.mark.parametrize("note", ["(据江城发布)", "（本报记者 常钦 参与采写）", "(来源:人民网)"])
def test_a_bracketed_note_after_the_last_sentence_ends_the_story(note):
    page = parse_page(f"暴雨中的“摆渡人”\n\n本报讯(记者 孙悦)当晚共接驳市民1600余人次。{note}\n")
    article = page.articles[0]
    assert article.paragraphs == (f"当晚共接驳市民1600余人次。{note}",)
    assert not article.continues and page.warnings == ()


@pytest.mark.parametrize(
    "caption",
    [
        "图为农民在收割小麦。 新华社记者  李  安摄",
        "图为农民在收割小麦。\n新华社记者  李  安摄",
        "图为农民在收割小麦。(李安 摄)",
    ],
)
def test_the_credit_closing_a_caption_names_its_photographer(caption):
    article = only_article(f"加快建设农业强国\n\n本报记者  郁静娴\n\n夏粮丰收在望。\n\n{caption}\n")
    assert article.reporters == ("郁静娴",)
    assert article.photographers == ("李安",)
    assert article.captions and article.captions[0].startswith("图为农民在收割小麦。")


def test_a_paragraph_tail_cut_at_a_column_break_is_not_the_next_headline():
    page = parse_page(
        "推动政务数据共享应用\n\n株洲日报讯(记者 邓伟勇)会议召开。会上,陈恢清指出,要提高政治站位。\n"
        "深入贯彻关于数字中国建设的系列重要论述精神,切实把思想和行动统\n\n"
        "市委督导组完成进驻\n\n株洲日报讯(记者 邹家虎)督导组完成进驻工作。\n"
    )
    first, second = page.articles
    assert first.paragraphs[-1].endswith("切实把思想和行动统")
    assert first.continues
    assert second.title == "市委督导组完成进驻" and second.kicker == ""


def test_text_without_blank_lines_repairs_breaks_and_keeps_bylines_whole():
    page = parse_page(
        "云川日报\n市政府召开常务会议\n本报讯(记者 张伟)6月4日,会议研究部署防汛工作。\n"
        "会议指出,要对山洪\n洪地质灾害隐患点开展排查,确保隐患早发现。\n"
        "社区版“创造营”开演\n株洲日报全媒体记者/杨凌凌\n热热闹闹的千金文化广场,只有夜市调解后的烟火气。\n"
        "市委督导组完成进驻\n株洲日报记者/邹家虎\n督导组完成了进驻工作。\n"
    )
    first, second, third = page.articles
    assert first.paragraphs[-1] == "会议指出,要对山洪地质灾害隐患点开展排查,确保隐患早发现。"
    assert [(r.kind, r.dropped) for r in page.repairs] == [("duplicate-at-break", "洪")]
    assert (second.byline, second.reporters) == ("株洲日报全媒体记者/杨凌凌", ("杨凌凌",))
    assert second.paragraphs == ("热热闹闹的千金文化广场,只有夜市调解后的烟火气。",)
    assert third.reporters == ("邹家虎",)


@pytest.mark.parametrize(
    "author, names", [("王建国", ("王建国",)), ("王  芳", ("王芳",)), ("王建国  李  明", ("王建国", "李明"))]
)
def test_an_author_named_alone_under_the_headline_is_the_byline(author, names):
    page = parse_page(
        f"以新质生产力推动高质量发展\n\n{author}\n\n一、深刻把握新质生产力的内涵\n\n新质生产力是先进生产力质态。\n\n"
        "二、因地制宜发展新质生产力\n\n要坚持从实际出发。\n\n(作者系东海市委党校教授)\n"
    )
    (article,) = page.articles
    assert (article.title, article.byline, article.reporters) == ("以新质生产力推动高质量发展", author, names)
    assert article.subheads == ("一、深刻把握新质生产力的内涵", "二、因地制宜发展新质生产力")
    assert article.paragraphs[-1] == "(作者系东海市委党校教授)"
    assert not article.continues and page.warnings == ()


def test_a_picture_credit_after_the_text_is_a_caption_not_the_byline():
    article = only_article(
        "对话企业家\n\n把螺丝钉做到极致\n\n本报记者 马  骏\n\n记者:您如何看待制造业?\n\n图片由东海精工集团提供\n"
    )
    assert article.byline == "本报记者 马  骏"
    assert article.captions == ("图片由东海精工集团提供",)


@pytest.mark.parametrize(
    "cut, rest, joined",
    [
        ("切实把好事办", "实办好。同时,要创新投融资模式。", "切实把好事办实办好。同时,要创新投融资模式。"),
        ("争当全面发展的", "的好少年。要加快发展。", "争当全面发展的好少年。要加快发展。"),
    ],
)
def test_the_rest_of_a_story_after_a_story_set_into_its_columns_goes_back_to_it(cut, rest, joined):
    page = parse_page(
        f"我市启动新一轮城市更新\n\n本报讯(记者 邵  华)6月3日,推进会召开。\n\n"
        f"会议要求,各区要统筹推进基础设施更新、公共空间提升和历史文化保护,{cut}\n\n"
        "青山湖水质持续改善\n\n本报讯(通讯员 卢  敏)主要污染物浓度同比下降15%。\n\n"
        f"{rest}\n"
    )
    first, second = page.articles
    assert first.paragraphs[-1] == f"会议要求,各区要统筹推进基础设施更新、公共空间提升和历史文化保护,{joined}"
    assert not first.continues and page.warnings == ()
    assert second.paragraphs == ("主要污染物浓度同比下降15%。",)
    assert "resumed-after-story" in [r.kind for r in page.repairs]


def test_a_story_cut_with_no_rest_on_the_page_still_says_so():
    page = parse_page(
        "我市启动新一轮城市更新\n\n本报讯(记者 邵  华)会议要求,切实把好事办\n\n"
        "青山湖水质持续改善\n\n本报讯(通讯员 卢  敏)污染物浓度下降。\n\n目前,全市水质总体良好。\n"
    )
    first, second = page.articles
    assert first.continues and len(page.warnings) == 1
    assert second.paragraphs == ("污染物浓度下降。", "目前,全市水质总体良好。")


def test_a_picture_between_two_stories_goes_to_the_one_its_caption_speaks_of():
    page = parse_page(
        "青山湖水质持续改善\n\n本报讯(通讯员 卢  敏)主要污染物浓度同比下降15%。\n\n"
        "图为市民在龙舟赛现场加油助威。 本报记者 张三 摄\n\n"
        "龙舟赛点燃端午激情\n\n本报讯(记者 李四)6月3日,全市龙舟赛在青山湖举行。\n"
    )
    above, below = page.articles
    assert (above.captions, above.photographers) == ((), ())
    assert below.captions == ("图为市民在龙舟赛现场加油助威。 本报记者 张三 摄",)
    assert (below.reporters, below.photographers) == (("李四",), ("张三",))


def test_a_picture_below_its_own_story_stays_there():
    page = parse_page(
        "12个光伏项目顺利并网\n\n本报讯(记者 潘东晓)12个分布式光伏项目顺利并网发电。\n\n"
        "图为株洲市二中分布式光伏发电项目,受访企业供图\n\n"
        "龙舟赛点燃端午激情\n\n本报讯(记者 李四)6月3日,全市龙舟赛举行。\n"
    )
    above, below = page.articles
    assert above.captions == ("图为株洲市二中分布式光伏发电项目,受访企业供图",)
    assert below.captions == ()


@pytest.mark.parametrize("staff", ["主编:刘  强 值班:陈  敏", "终审 王五 签发 张三", "设计 王芳"])
def test_a_line_of_the_pages_staff_is_furniture(staff):
    page = parse_page(f"湖湘日报\n\n{staff}\n\n省政府常务会议研究部署\n\n本报讯(记者 邓晶)会议召开。\n")
    assert staff in page.masthead
    assert page.articles[0].title == "省政府常务会议研究部署"


@pytest.mark.parametrize("headline", ["基层民警值班:守护万家灯火", "设计师的家", "编辑部的故事"])
def test_headlines_naming_a_staff_role_stay_headlines(headline):
    assert only_article(f"{headline}\n\n本报讯(记者 邓晶)会议召开。\n").title == headline


@pytest.mark.parametrize(
    "before, after, joined",
    [
        ("要做好", "好扑救力量和物资准备。", "要做好扑救力量和物资准备。"),
        ("召开市委常", "常委会会议。", "召开市委常委会会议。"),
        ("我们要好", "好学习。", "我们要好好学习。"),
        ("大家纷", "纷表示支持。", "大家纷纷表示支持。"),
        ("有力", "力保障了颗粒归仓。", "有力保障了颗粒归仓。"),
        ("双方同意进一步", "步加强合作。", "双方同意进一步加强合作。"),
        ("他刚到村里的时", "时候什么都不懂。", "他刚到村里的时候什么都不懂。"),
    ],
)
def test_a_character_repeated_at_a_column_break_is_dropped_unless_it_makes_a_word(before, after, joined):
    article = only_article(f"夏粮丰收在望\n\n本报讯(记者 常钦)会议指出,{before}\n\n{after}\n")
    assert article.paragraphs == (f"会议指出,{joined}",)


def test_an_editors_note_is_text_not_a_headline():
    page = parse_page(
        "编者按:\n今年以来,我市持续推进实践活动。\n\n菜市场变身网红打卡地\n\n本报记者 胡  敏\n\n"
        "【编者按】\n\n菜市场是城市文明的窗口。\n\n走进改造后的农贸市场,让人眼前一亮。\n\n广告\n"
    )
    (article,) = page.articles
    assert article.title == "菜市场变身网红打卡地"
    assert article.paragraphs == ("【编者按】菜市场是城市文明的窗口。", "走进改造后的农贸市场,让人眼前一亮。")
    # Above every story there is no story to give it to: kept, and flagged for the desk.
    assert page.unassigned == ("编者按:", "今年以来,我市持续推进实践活动。") and len(page.warnings) == 2
    assert "广告" in page.masthead


def test_titled_parts_under_one_byline_are_subheads_of_one_story():
    page = parse_page(
        "诗二首\n\n◎ 赵  刚\n\n山居\n\n青山不墨千秋画,\n绿水无弦万古琴。\n\n听雨\n\n夜半听雨声,\n点滴到天明。\n\n"
        "夏日荷塘\n\n文/王  芳\n\n荷塘里的荷花开了。\n"
    )
    poems, essay = page.articles
    assert (poems.title, poems.reporters, poems.subheads) == ("诗二首", ("赵刚",), ("山居", "听雨"))
    assert len(poems.paragraphs) == 2
    assert (essay.title, essay.reporters) == ("夏日荷塘", ("王芳",))


@pytest.mark.parametrize("series", ["乡村振兴看湖湘", "民生实事进行时", "高质量发展调研行"])
def test_a_series_name_standing_above_the_headline_is_the_rubric(series):
    article = only_article(f"{series}\n\n稻田里的“新农人”\n\n本报记者 唐  亚\n\n初夏时节,走进万亩稻田。\n")
    assert (article.rubric, article.kicker, article.title) == (series, "", "稻田里的“新农人”")


@pytest.mark.parametrize("note", ["本版图片除署名外均由新华社发", "株洲日报社 地址:株洲市天元区", "广告"])
def test_notes_on_the_whole_page_are_furniture(note):
    page = parse_page(f"标题一则新闻\n\n本报讯(记者 张伟)正文。\n\n{note}\n")
    assert page.masthead == (note,) and page.articles[0].paragraphs == ("正文。",)


def test_rules_and_bullets_standing_alone_are_decoration_and_a_picture_label_a_caption():
    page = parse_page(
        "市委常委会召开会议\n\n本报讯(记者 张三)会议召开。\n\n■\n\n——\n\n▲\n\n图1\n\n"
        "市政府召开常务会议\n\n本报讯(记者 李四)会议召开。\n"
    )
    first, second = page.articles
    assert page.masthead == ("■", "——", "▲")
    assert (first.paragraphs, first.subheads, first.captions, first.continues) == (("会议召开。",), (), ("图1",), False)
    assert (second.kicker, second.rubric, second.title) == ("", "", "市政府召开常务会议")
    assert page.warnings == ()


@pytest.mark.parametrize("number", ["０２", "—3—", "· 2 ·", "第 2 页", "2 要闻", "要闻 2"])
def test_a_page_number_however_dressed_is_furniture(number):
    page = parse_page(f"{number}\n\n市委常委会召开会议\n\n本报讯(记者 张三)会议召开。\n\n{number}\n")
    assert page.masthead == (number, number) and page.articles[0].title == "市委常委会召开会议"


def test_a_page_without_blank_lines_keeps_its_logos_subheads_and_picture_titles():
    page = parse_page(
        "深入贯彻中央八项规定精神学习教育 市委督导组完成进驻\n锲而不舍落实\n中央八项规定精神\n"
        "株洲日报讯(全媒体记者/邹家虎)督导组完成了进驻工作。\n"
        "云川造储能电池首次出口欧洲\n本报讯(记者 赵敏)首批储能电池装船。\n"
        "技术攻关:三年啃下“硬骨头”\n公司组建研发团队,攻克关键技术。\n"
        "老街换新颜\n6月4日,市民在改造后的青石老街上休闲漫步。\n本报记者 王  芳 摄\n"
    )
    logo, story, picture = page.articles
    assert (logo.kicker, logo.title) == ("深入贯彻中央八项规定精神学习教育", "市委督导组完成进驻")
    assert logo.rubric == "锲而不舍落实 中央八项规定精神"
    assert story.subheads == ("技术攻关:三年啃下“硬骨头”",)
    assert story.paragraphs == ("首批储能电池装船。", "公司组建研发团队,攻克关键技术。")
    assert (picture.title, picture.captions, picture.photographers) == (
        "老街换新颜",
        ("6月4日,市民在改造后的青石老街上休闲漫步。",),
        ("王芳",),
    )


@pytest.mark.parametrize(
    "line, title, byline",
    [
        ("市委常委会召开会议 本报讯(记者 张三)6月3日,会议召开。", "市委常委会召开会议", "本报讯(记者 张三)"),
        (
            "全国夏粮收获进度过半　新华社北京6月4日电(记者 王磊)收获进度过半。",
            "全国夏粮收获进度过半",
            "新华社北京6月4日电(记者 王磊)",
        ),
    ],
)
def test_a_headline_and_its_story_extracted_onto_one_line_are_told_apart(line, title, byline):
    page = parse_page(f"云川日报\n\n{line}\n")
    (article,) = page.articles
    assert (article.title, article.byline) == (title, byline)
    assert page.unassigned == () and article.paragraphs[0].endswith("。")


@pytest.mark.parametrize("end", ["(完)", "\n\n（完）"])
def test_a_source_line_after_a_story_its_end_marker_closed_heads_the_next_story(end):
    page = parse_page(
        f"联合国秘书长呼吁加强气候行动\n\n据新华社联合国6月2日电 各国必须立即采取行动。{end}\n\n"
        "综合新华社报道\n\n多地发布高温预警\n\n连日来,我国南方多地出现高温天气。\n"
    )
    first, second = page.articles
    assert first.byline == "据新华社联合国6月2日电"
    assert second.byline == "综合新华社报道"


def test_the_rows_of_a_table_are_not_a_headline():
    page = parse_page(
        "湘涛主场2:1力克对手\n\n本报记者 周  扬\n\n湘涛以2:1逆转战胜对手。\n\n积分榜\n1 上海海港 34分\n2 上海申花 32分\n\n"
        "全民健身运动会开幕\n\n本报讯(通讯员 彭  飞)运动会开幕。\n"
    )
    first, second = page.articles
    assert first.paragraphs == ("湘涛以2:1逆转战胜对手。",)
    assert (second.title, second.rubric) == ("全民健身运动会开幕", "")
    assert page.masthead == ("1 上海海港 34分", "2 上海申花 32分") and page.unassigned == ("积分榜",)


def test_writer_and_photographer_each_padded_and_a_caption_placing_someone_in_the_picture():
    article = only_article(
        "为爱心司机点赞\n\n记者 马  丽/文 孙  宁/图\n\n王师傅立即停车,拨打急救电话。\n\n王师傅(右)在车上帮助老人。\n"
    )
    assert (article.reporters, article.photographers) == (("马丽",), ("孙宁",))
    assert article.paragraphs == ("王师傅立即停车,拨打急救电话。",)
    assert article.captions == ("王师傅(右)在车上帮助老人。",)


def test_a_short_headline_after_a_story_that_jumped_opens_a_story_of_its_own():
    page = parse_page(
        "城市更新让老街区焕发新活力\n\n本报记者 张三\n\n(下转第2版)\n\n小巷新颜\n\n走进改造后的小巷,眼前一亮。\n"
    )
    first, second = page.articles
    assert first.continues and first.subheads == ()
    assert (second.title, second.paragraphs) == ("小巷新颜", ("走进改造后的小巷,眼前一亮。",))


def test_a_name_under_a_short_rubric_is_a_profiles_title_not_its_byline():
    article = only_article("时代楷模\n\n张桂梅\n\n她创办了全国第一所全免费女子高中。\n")
    assert (article.byline, article.reporters) == ("", ())
    assert "张桂梅" in (article.title, article.rubric)
