"""The boundary rules: each clue fires on its own invented case, and the weighed sum reads
in-body headings and new stories apart on whole invented pages."""

import json

import pytest

from issues.parsing import boundaries, explain_page, parse_page
from issues.parsing import lines as L
from issues.parsing.rules import Rule, weigh

ABOVE = (
    "新修的步道沿河而建，全长三公里，居民傍晚都来散步。",
    "步道两旁种了柳树和桂花，每隔一段还设有座椅，散步累了可以歇一歇。",
)


def line(text: str, kind: str = L.TEXT, photo: bool = False) -> L.Line:
    return L.Line(no=1, text=text, gap=1, kind=kind, photo=photo)


def candidate(run=("河畔夜色",), after=("傍晚的步道上，散步的居民越来越多。",), **changes) -> boundaries.Candidate:
    fields = {
        "run": tuple(run),
        "after": tuple(a if isinstance(a, L.Line) else line(a) for a in after),
        "above_paragraphs": ABOVE,
        "above_subheads": (),
        "above_title": "河畔步道开放",
        "above_last": "text",
        "next_heading": "",
        "next_heading_has_byline": False,
    }
    fields.update(changes)
    return boundaries.Candidate(**fields)


CASES = {
    "dateline-follows": candidate(after=(line("本报讯（记者 王立）5月3日，新操场建成。", L.DATELINE),)),
    "deck-then-dateline": candidate(
        after=("■今年计划造林两万亩，已完成一万二千亩", line("本报讯（记者 罗青）全市造林进度过半。", L.DATELINE))
    ),
    "byline-follows": candidate(after=(line("本报记者  王  立", L.CREDIT), "山区小学的操场建成了。")),
    "column-name-in-brackets": candidate(run=("让公园装满笑声（城事快评）",)),
    "picture-column": candidate(run=("图片报道",)),
    "picture-follows": candidate(after=("5月3日，游客在湖边拍照。", line("孙  雨摄", L.CREDIT, photo=True))),
    "story-above-closed": candidate(above_last="closing"),
    "story-above-closed-earlier": candidate(above_closed=True),
    "kicker-with-dash": candidate(run=("乡村教师林秀——", "把山里娃送出大山")),
    "news-lead-follows": candidate(after=("3月2日，新建的图书馆开馆。",)),
    "long-story-above-without-subheads": candidate(above_paragraphs=ABOVE * 3),
    "intro-above": candidate(above_paragraphs=ABOVE[:1]),
    "news-story-above": candidate(above_dateline=True, above_byline=True),
    "labelled-or-numbered": candidate(run=("二、让老街重新热闹起来",)),
    "box-bullet": candidate(run=("●夜市亮起来，小店忙起来",)),
    "open-quotation": candidate(run=("“我站在桥上看风景",)),
    "quoted-sentence": candidate(run=("“今年的日子好过了！”",)),
    "same-shape-as-subhead-above": candidate(run=("从跑腿到上网",), above_subheads=("从排队到刷脸",)),
    "same-shape-as-next-heading": candidate(run=("从排队到刷脸",), next_heading="从跑腿到上网"),
    "story-above-unfinished": candidate(above_paragraphs=("步道两旁种了柳树，居民们纷纷",)),
    "new-subject": candidate(after=("港口的货轮排成长队，码头工人连夜装卸集装箱。",)),
    "heading-words-new": candidate(run=("港口夜班",)),
    "same-subject": candidate(after=("步道沿河而建，居民傍晚来散步，柳树和桂花都开了。",)),
    "heading-words-above": candidate(run=("步道沿河而建",)),
}


def test_every_boundary_rule_has_its_case_here():
    assert {rule.name for rule in boundaries.BOUNDARY_RULES} == set(CASES)


@pytest.mark.parametrize("rule", boundaries.BOUNDARY_RULES, ids=lambda r: r.name)
def test_each_boundary_rule_fires_on_its_case(rule):
    assert rule.test(CASES[rule.name])
    assert rule.recognises and rule.example and rule.weight


@pytest.mark.parametrize("rule", boundaries.BOUNDARY_RULES, ids=lambda r: r.name)
def test_each_boundary_rule_stays_quiet_on_a_plain_subhead(rule):
    """A heading with nothing around it that says anything: only the subject clues may speak."""
    plain = candidate(
        run=("柳树下的座椅",),
        after=("柳树下的座椅是社区居民一起出钱添置的，散步累了可以歇一歇。",),
        above_paragraphs=ABOVE * 2,
    )
    if rule.name not in {"same-subject", "heading-words-above", "new-subject", "heading-words-new"}:
        assert not rule.test(plain)


def test_weighing_stops_once_the_sign_is_settled():
    calls = []
    table = (
        Rule("heavy", "", "", lambda s: calls.append("heavy") or True, 10.0),
        Rule("light", "", "", lambda s: calls.append("light") or True, -1.0),
    )
    verdict = weigh(table, None, bias=-0.5)
    assert calls == ["heavy"] and verdict.score == 9.5 and verdict.fired == (("heavy", 10.0),)


FEATURE = (
    "老街换了新模样\n\n本报记者  王  立\n\n"
    "老街改造完工已经一年。走进老街，青石板路干干净净，两旁的店铺重新开了张。\n\n"
    "从拆到留\n\n改造之初，有人主张拆掉老房子。街道反复征求居民意见，最后决定把老房子留下来，修旧如旧。\n\n"
    "从冷清到热闹\n\n老房子修好了，老街的人气也回来了。周末的老街上，游客和居民挤得满满当当。\n\n"
    "从游客到街坊\n\n不少游客来过一次，又带着家人再来。开茶馆的老板说，好多客人已经成了老街坊。\n\n"
    "山区小学有了新操场\n\n本报讯（记者 赵明）5月3日，青禾市山区小学的新操场建成，孩子们在上面奔跑。\n"
)


def test_a_feature_keeps_its_subheads_and_the_story_below_opens():
    first, second = parse_page(FEATURE).articles
    assert first.subheads == ("从拆到留", "从冷清到热闹", "从游客到街坊")
    assert first.paragraphs[-1].startswith("不少游客来过一次")
    assert second.title == "山区小学有了新操场"


def test_explain_page_names_the_rules_behind_each_decision():
    page, explanation = explain_page(FEATURE)
    json.dumps(explanation, ensure_ascii=False)  # it is plain data
    decisions = {d["text"]: d for d in explanation["decisions"]}
    assert decisions["老街换了新模样"]["by"] == "first-headline"
    kept = decisions["从冷清到热闹"]
    assert kept["reading"] == "in-body-heading" and kept["score"] < 0
    assert "same-shape-as-subhead-above" in {r["rule"] for r in kept["rules"]}
    opened = decisions["山区小学有了新操场"]
    assert opened["reading"] == "new-story" and opened["rules"][0]["rule"] == "dateline-follows"
    kinds = {row["text"][:6]: (row["kind"], row["rule"]) for row in explanation["lines"]}
    assert kinds["本报记者  "] == ("credit", "credit-line")
    assert [a["opened_by"] for a in explanation["articles"]] == ["first-headline", "boundary-rules"]
    first, second = explanation["articles"]
    assert [d["text"] for d in first["kept_inside"]] == ["从拆到留", "从冷清到热闹", "从游客到街坊"]
    assert second["opening"]["rules"][0]["rule"] == "dateline-follows" and not second["kept_inside"]
    assert [row["article"] for row in explanation["lines"]][-1] == len(page.articles)


def test_an_essay_page_opens_a_story_at_each_essay_without_byline():
    page = parse_page(
        "河边的柳树（大地漫笔）\n\n"
        + "\n\n".join(f"柳树在河边站了许多年，春天发芽，秋天落叶，第{n}次看它，还是那样安静。" for n in range(7))
        + "\n\n山里的茶园\n\n采茶的季节到了，山坡上的茶园里满是背着竹篓的茶农，空气里都是茶叶的清香。\n"
    )
    assert [a.title for a in page.articles] == ["河边的柳树（大地漫笔）", "山里的茶园"]


def test_a_quoted_sentence_inside_a_story_is_a_paragraph_of_it():
    page = parse_page(
        "山村里的新年\n\n本报记者  周  明\n\n腊月二十八，山村里已经有了年味，家家户户忙着贴春联。\n\n"
        "村支书老杨站在村委会门口，笑着和路过的村民打招呼。\n\n“今年大家的日子都好过了！”\n\n"
        "老杨说，今年村里的茶叶卖了好价钱，不少年轻人也回来了。\n"
    )
    (article,) = page.articles
    assert article.paragraphs[2] == "“今年大家的日子都好过了！”" and not article.subheads
