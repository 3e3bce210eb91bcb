"""Hard-wrapped column text (one PDF line per printed line) is joined back into paragraphs."""

import json
from pathlib import Path

import pytest

from issues.parsing import parse_page
from issues.parsing.lines import split_lines
from issues.parsing.wrapping import width
from tests.tools.score_parse import score

from .helpers import only_article

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# Chinese typesetting never opens a line with these (避头尾): they squeeze onto the line above.
NO_LINE_START = "，。、；：？！”’）》,.;:?!)"


def hard_wrap(page: str, columns: int, longer_than: int = 30) -> str:
    """Break every line wider than `longer_than` at `columns` characters, as a PDF's text layer does.

    A paragraph's indent stays at the start of its first line.
    """
    out: list[str] = []
    for raw in page.split("\n"):
        line = raw.rstrip()
        if width(line) <= longer_than:
            out.append(raw)
            continue
        current = ""
        for ch in line:
            if width(current + ch) > columns and ch not in NO_LINE_START:
                out.append(current)
                current = ch
            else:
                current += ch
        out.append(current)
    return "\n".join(out)


def test_wrapped_paragraphs_and_a_byline_cut_across_lines_are_joined():
    article = only_article(
        "老旧小区加装电梯\n今年将完成300台\n\n"
        "本报讯(记者 孙  静 通讯员 刘\n小勇)记者从市住建局获悉,今年\n我市将为老旧小区加装电梯300\n"
        "台,目前已完成立项186台。\n"
        "据介绍,加装电梯实行“一梯一策”,\n由居民自主申请、政府给予补贴\n,每台电梯最高补贴20万元。\n"
        "市住建局相关负责人表示,将进一\n步简化审批流程,让更多居民早日\n实现“上下楼不再难”。\n"
    )
    assert article.byline == "本报讯(记者 孙  静 通讯员 刘小勇)"
    assert (article.reporters, article.correspondents) == (("孙静",), ("刘小勇",))
    assert article.paragraphs == (
        "记者从市住建局获悉,今年我市将为老旧小区加装电梯300台,目前已完成立项186台。",
        "据介绍,加装电梯实行“一梯一策”,由居民自主申请、政府给予补贴,每台电梯最高补贴20万元。",
        "市住建局相关负责人表示,将进一步简化审批流程,让更多居民早日实现“上下楼不再难”。",
    )


def test_indented_paragraph_openings_end_the_paragraph_above():
    paragraphs = [
        # the first line of this one ends on a full stop, and the paragraph goes on
        "连日来天气晴好麦子熟了。十余台收割机在田间来回穿梭,金黄的麦浪翻滚,农机手们抢抓农时。",
        "区农业农村局负责人介绍,全区今年小麦种植面积3.2万亩,预计6月15日前全部收割完毕。",
        "据了解,今年该区还新建了烘干中心两座,日烘干能力达到600吨,确保颗粒归仓不受天气影响。",
        "下一步,该区将组织农技人员下田指导夏种,确保早稻插秧在6月底前全部完成,为全年粮食丰收打牢基础。",
    ]
    body = hard_wrap("\n".join(f"\u3000\u3000{p}" for p in paragraphs), columns=14)
    assert body.split("\n")[0] == "\u3000\u3000连日来天气晴好麦子熟了。"
    article = only_article(f"抢晴收割忙\n\n本报记者 刘  勇\n\n{body}\n")
    assert article.paragraphs == tuple(paragraphs)


@pytest.mark.parametrize("name", ["zhuzhou-daily-page-a01", "yunchuan-daily-page-a02", "hengzhou-daily-page-a01"])
def test_pages_that_are_not_wrapped_keep_their_lines(name):
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    lines = split_lines(text)
    assert len(lines) == sum(1 for raw in text.split("\n") if raw.strip())


@pytest.mark.parametrize("columns", range(11, 25))
@pytest.mark.parametrize("name", ["zhuzhou-daily-page-a01", "yunchuan-daily-page-a02", "hengzhou-daily-page-a01"])
def test_sample_pages_hard_wrapped_at_any_column_width_read_as_before(name, columns):
    raw = hard_wrap((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), columns)
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    measures = score(raw, expected, parse_page(raw).to_dict())
    assert measures == {k: 1.0 for k in measures}


@pytest.mark.parametrize("columns", range(12, 25))
@pytest.mark.parametrize("name", ["zhuzhou-daily-page-a01", "yunchuan-daily-page-a02", "hengzhou-daily-page-a01"])
def test_sample_pages_with_headlines_and_bylines_wrapped_too_read_as_before(name, columns):
    raw = hard_wrap((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), columns, longer_than=columns)
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    measures = score(raw, expected, parse_page(raw).to_dict())
    assert measures == {k: 1.0 for k in measures}


def test_a_headline_as_wide_as_the_column_is_not_joined_to_the_dateline_below():
    page = parse_page(
        "市委常委会召开会议专题研究就业\n本报讯(记者 孙  静 通讯员 刘\n小勇)记者从市住建局获悉,今年\n"
        "我市将为老旧小区加装电梯300\n台,目前已完成立项186台。\n据介绍,加装电梯实行“一梯一策”,\n"
        "由居民自主申请、政府给予补贴\n,每台电梯最高补贴20万元。\n市住建局相关负责人表示,将进一\n"
        "步简化审批流程,让更多居民早日\n实现“上下楼不再难”。\n"
    )
    (article,) = page.articles
    assert (article.title, article.byline) == ("市委常委会召开会议专题研究就业", "本报讯(记者 孙  静 通讯员 刘小勇)")
    assert len(article.paragraphs) == 3


def test_a_subhead_under_its_label_is_not_run_into_the_paragraph_below():
    body = hard_wrap(
        "从垃圾分类到孤老送餐,从停车大战到商圈焕新,7个故事藏着同一密码:让居民从围观者变成主理人。\n\n"
        "高能环节:\n社区书记变身“最强气氛组”\n"
        "“Battle开始!”——活动最燃时刻,7位社区书记冲上舞台开启拉票混战,沿河社区书记高举直播截图。\n"
        "最终,何家坳“邻里合伙人”凭“社区企业+”模式逆袭夺冠,沿河社区斩获二等奖,更获居民全票支持。",
        columns=14,
    )
    article = only_article(f"社区版“创造营”开演\n\n株洲日报全媒体记者/杨凌凌\n\n{body}\n")
    assert article.subheads == ("高能环节:社区书记变身“最强气氛组”",)
    assert [p[:4] for p in article.paragraphs] == ["从垃圾分", "“Bat", "最终,何"]


def test_a_byline_wrapped_inside_its_brackets_is_joined_whole():
    text = (
        "云川造储能电池首次出口欧洲\n\n本报长沙6月4日电  （\n记者 赵  敏  通讯员\n 孙立）今天上午,云川新\n"
        "能科技有限公司生产的首批\n2000套户用储能电池在长沙\n装船,经海铁联运发往德国汉\n堡。这是云川制造的储能产\n"
        "品首次批量进入欧洲市场。\n\n欧洲市场对储能电池的安全认\n证要求严苛。公司组建40人的\n研发团队,历时三年攻克关键\n技术。\n"
    )
    article = only_article(text)
    assert article.byline == "本报长沙6月4日电  （记者 赵  敏  通讯员 孙立）"
    assert (article.reporters, article.correspondents) == (("赵敏",), ("孙立",))
    assert article.paragraphs[0].startswith("今天上午,云川新能科技")
