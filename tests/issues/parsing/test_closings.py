"""The closing-line table: each rule's own example is read as a closing line, and stays with the story above."""

import pytest

from issues.parsing import closings, parse_page
from issues.parsing import lines as L


@pytest.mark.parametrize("rule", closings.CLOSING_LINES, ids=lambda r: r.name)
def test_each_closing_rule_recognises_its_example(rule):
    assert closings.closing_rule(rule.example).name == rule.name
    assert L.classify_line(rule.example)[0] == L.CLOSING


@pytest.mark.parametrize("rule", closings.PICTURE_CREDITS, ids=lambda r: r.name)
def test_each_picture_credit_rule_recognises_its_example(rule):
    assert rule.test(rule.example)
    kind, photo, credits = L.classify_line(rule.example)
    assert (kind, photo) == (L.CREDIT, True)
    assert credits.photographers


@pytest.mark.parametrize(
    "text",
    ["（记者 张伟）", "（上接第1版）", "（左一）", "本期看点", "（新华社供图）", "（一）", "（数据来源：统计局）"],
)
def test_lines_that_are_no_closing_line(text):
    assert closings.closing_rule(text) is None


@pytest.mark.parametrize("rule", closings.CLOSING_LINES, ids=lambda r: r.name)
def test_a_closing_line_stays_the_last_paragraph_of_the_story_above(rule):
    page = parse_page(
        f"河畔新修了一条步道\n\n新修的步道沿河而建,居民傍晚都来散步。\n\n{rule.example}\n\n"
        "山区小学有了新操场\n\n本报讯(记者 王立)操场上周建成,孩子们在上面奔跑。\n"
    )
    first, second = page.articles
    assert first.paragraphs[-1] == rule.example
    assert second.title == "山区小学有了新操场"
    assert not second.kicker and not first.continues


def test_a_picture_credit_with_its_agency_closes_the_photo_item_not_the_next_headline():
    page = parse_page(
        "湖面初冰\n\n1月5日,游客在结冰的湖面上拍照。\n\n孙  雨摄（图片社）\n\n"
        "城区新增三处停车场\n\n本报讯(记者 王立)新增的停车场本周投入使用。\n"
    )
    first, second = page.articles
    assert first.title == "湖面初冰" and "孙雨" in first.photographers
    assert (second.kicker, second.title) == ("", "城区新增三处停车场")
