"""Paragraphs cut by column breaks are rejoined; real paragraph ends are kept."""

import pytest

from issues.parsing import breaks, parse_page

from .helpers import only_article

HEAD = "示范标题一则\n\n本报讯(记者 张伟)"


def test_paragraph_cut_mid_sentence_is_rejoined():
    article = only_article(f"{HEAD}会议要求,要准确理解和把握\n\n高质量发展逻辑,抢抓机遇。\n")
    assert article.paragraphs == ("会议要求,要准确理解和把握高质量发展逻辑,抢抓机遇。",)


def test_character_repeated_across_the_break_is_dropped_and_reported():
    page = parse_page(f"{HEAD}争当全面发展的\n\n的好少年。\n")
    assert page.articles[0].paragraphs == ("争当全面发展的好少年。",)
    assert [(r.kind, r.line, r.dropped) for r in page.repairs] == [("duplicate-at-break", 5, "的")]


def test_reduplicated_word_across_the_break_is_kept():
    article = only_article(f"{HEAD}居民们天\n\n天都来锻炼。\n")
    assert article.paragraphs == ("居民们天天都来锻炼。",)


def test_sentence_end_before_a_break_is_a_real_paragraph_end():
    article = only_article(f"{HEAD}会议召开。\n\n会议指出,要抓落实。\n")
    assert article.paragraphs == ("会议召开。", "会议指出,要抓落实。")


def test_closing_quote_after_a_sentence_end_is_a_real_end():
    article = only_article(f"{HEAD}他说:“调解比外卖快!”\n\n桥头社区书记上台。\n")
    assert len(article.paragraphs) == 2


def test_colon_before_a_quotation_is_a_real_end():
    article = only_article(f"{HEAD}书记举起手机:\n\n“咱用绣花针穿起商户。”\n")
    assert article.paragraphs == ("书记举起手机:", "“咱用绣花针穿起商户。”")


def test_short_line_after_body_text_is_a_paragraph_not_a_heading():
    article = only_article(f"{HEAD}比赛开始。\n桥头社区书记甩出居民手绘漫\n\n画:“这创意不香吗?”\n")
    assert article.paragraphs == ("比赛开始。", "桥头社区书记甩出居民手绘漫画:“这创意不香吗?”")


def test_subhead_inside_an_article():
    article = only_article(f"{HEAD}开篇一段。\n\n现场直击:\n社区难题变身“流量剧本”\n\n从垃圾分类到孤老送餐。\n")
    assert article.subheads == ("现场直击:社区难题变身“流量剧本”",)
    assert article.paragraphs == ("开篇一段。", "从垃圾分类到孤老送餐。")


def test_numbered_subhead_inside_an_article():
    article = only_article(f"{HEAD}开篇一段。\n\n一、压实责任\n\n各地要压实责任。\n")
    assert article.subheads == ("一、压实责任",)


def test_article_ending_mid_sentence_continues_with_a_warning():
    page = parse_page(f"{HEAD}要切实把思想和行动统\n\n另一篇稿件标题\n\n本报讯(记者 李明)正文。\n")
    assert [a.continues for a in page.articles] == [True, False]
    assert page.warnings[0].line == 3


BOLD_LEAD = (
    "让老街留住烟火气（城事快评）\n\n老街的烟火气，连着百姓的日子\n\n老街改造完工已经一年，青石板路干干净净。\n\n"
)


def test_a_paragraph_left_without_a_full_stop_ends_where_the_page_shows_no_column_break():
    article = only_article(BOLD_LEAD + "两旁的店铺重新开了张，游客和街坊都爱来这里走走。\n")
    assert article.paragraphs[0] == "老街的烟火气，连着百姓的日子"


def test_where_the_page_shows_a_column_break_an_unfinished_paragraph_runs_on():
    article = only_article(
        BOLD_LEAD + "两旁的店铺重新开了张，游客和街坊都爱来这里走\n\n走。到了晚上，街口的小吃摊也热闹起来。\n"
    )
    assert "游客和街坊都爱来这里走走。到了晚上" in article.paragraphs[-1]
    assert article.paragraphs[0] == "老街的烟火气，连着百姓的日子"


@pytest.mark.parametrize("rule", breaks.PARAGRAPH_ENDS, ids=lambda r: r.name)
def test_each_paragraph_end_rule_keeps_its_example_apart(rule):
    """Each rule's example: the part before " / " (or a plain line above) and the part after."""
    above, _, below = rule.example.partition(" / ")
    if not below:
        above, below = (
            (above, "步道修好了，居民都来散步。") if rule.name != "dated-opening" else ("居民都来散步", above)
        )
    assert rule.test((above, below))
    assert not breaks.joins(above, below)


def test_a_paragraph_cut_with_no_such_sign_runs_on():
    assert breaks.joins("两旁的店铺重新开了张，游客和街坊都爱来这里", "走走，到了晚上，小吃摊也热闹起来。")


def test_a_paragraph_cut_after_finishing_sentences_shows_the_page_has_column_breaks():
    article = only_article(
        BOLD_LEAD + "两旁的店铺重新开了张。游客和街坊都爱来这里，到了晚上\n\n街口的小吃摊也热闹起来。\n"
    )
    assert article.paragraphs[-1] == "两旁的店铺重新开了张。游客和街坊都爱来这里，到了晚上街口的小吃摊也热闹起来。"
