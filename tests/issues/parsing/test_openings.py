"""How a story opens and closes on e-paper text: deck lines, a headline's long second line,
a notice's signature, a quotation closing the page (all invented text)."""

from issues.parsing import parse_page


def test_deck_lines_between_the_headline_and_the_dateline_do_not_open_the_text():
    page = parse_page(
        "老街改造完工\n\n居民一年来的意见都写进了方案，街道用半年时间修旧如旧。\n\n"
        "全市春季造林进度过半\n\n■今年计划造林两万亩，目前已完成一万二千亩\n\n"
        "本报讯（记者 罗  青）记者5日从市林业局获悉，全市春季造林进度过半。\n"
    )
    first, second = page.articles
    assert second.title == "全市春季造林进度过半" and second.byline == "本报讯（记者 罗  青）"
    assert second.paragraphs == ("记者5日从市林业局获悉，全市春季造林进度过半。",)
    assert second.subheads == ("■今年计划造林两万亩，目前已完成一万二千亩",)
    assert first.paragraphs == ("居民一年来的意见都写进了方案，街道用半年时间修旧如旧。",)


def test_a_headlines_long_second_line_under_its_first_stays_in_the_headline():
    article = parse_page(
        "市政府召开常务会议\n研究部署春季农业生产工作  要求抓早抓实各项措施确保粮食面积稳定不减少\n\n"
        "本报讯（记者 王  立）市政府5日召开常务会议，研究部署春季农业生产。\n"
    ).articles[0]
    assert article.headline.startswith("市政府召开常务会议 研究部署春季农业生产工作")
    assert article.paragraphs == ("市政府5日召开常务会议，研究部署春季农业生产。",)


def test_a_notice_signed_by_its_issuer_and_dated_keeps_both_lines_and_the_next_story_opens():
    page = parse_page(
        "关于调整春季作息时间的通知\n\n各单位：\n\n经研究，自3月1日起调整作息时间，请遵照执行。\n\n"
        "市人民政府办公室\n\n2026年2月26日\n\n城西新建两座口袋公园\n\n"
        "本报讯（记者 何  平）城西片区两座口袋公园已经建成开放。\n"
    )
    first, second = page.articles
    assert first.paragraphs[-2:] == ("市人民政府办公室", "2026年2月26日")
    assert second.title == "城西新建两座口袋公园" and not page.masthead


def test_a_quotation_closing_the_page_is_the_last_paragraph_of_its_story():
    page = parse_page(
        "码头上的除夕\n\n除夕夜，码头工人老马还在岗位上。他说，等忙完这一班就给家里打电话。\n\n“过年好，家里都好！”\n"
    )
    (article,) = page.articles
    assert article.paragraphs[-1] == "“过年好，家里都好！”" and not page.unassigned
