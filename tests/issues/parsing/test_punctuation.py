"""ASCII punctuation inside Chinese text becomes full-width on import; numbers, times, Latin and URLs keep theirs."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from issues.parsing import parse_page
from issues.parsing.punctuation import CHANGE, MARK_RULES, full_width, full_width_lines, rule_for

from .helpers import lost_and_invented


@pytest.mark.parametrize(("rule", "verdict"), MARK_RULES, ids=lambda r: getattr(r, "name", r))
def test_each_rule_decides_its_example(rule, verdict):
    at = next(i for i, ch in enumerate(rule.example) if ch in ",:;?!()")
    assert rule_for(rule.example, at) == rule.name
    changed = full_width(rule.example)[0][at] != rule.example[at]
    assert changed == (verdict == CHANGE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6月3日,市委召开会议:会议要求;抓好落实!", "6月3日，市委召开会议：会议要求；抓好落实！"),
        ("本报讯(记者 王立)比分3:2,10:30开赛", "本报讯（记者 王立）比分3:2,10:30开赛"),  # 2,10: a number's comma?
        ("详见www.example.cn/a,b或(GDP)增长6.1%,人均1,000元?", "详见www.example.cn/a,b或(GDP)增长6.1%，人均1,000元？"),
        ("他用英语说Hello, world!大家都笑了。", "他用英语说Hello, world!大家都笑了。"),
    ],
)
def test_marks_inside_chinese_text_become_full_width_and_others_stay(text, expected):
    assert full_width(text)[0] == expected


def test_a_page_made_full_width_line_by_line_parses_and_loses_nothing():
    raw = "老街换了新模样\n\n本报讯(记者 王立)5月3日,老街改造完工:青石板路干干净净。\n"
    text, changes = full_width_lines(raw)
    assert [(no, f"{c.old}→{c.new}") for no, c in changes] == [(3, "(→（"), (3, ")→）"), (3, ",→，"), (3, ":→：")]
    page = parse_page(text)
    assert page.articles[0].byline == "本报讯（记者 王立）"
    assert page.articles[0].paragraphs == ("5月3日，老街改造完工：青石板路干干净净。",)
    assert lost_and_invented(raw, page.to_dict()) == (0, 0)


@given(st.text(alphabet="街巷老新,:;?!()12345 abcXY.。“”", max_size=60))
def test_full_width_keeps_every_character_read_as_nfkc(text):
    out, changes = full_width(text)
    assert unicodedata.normalize("NFKC", out) == unicodedata.normalize("NFKC", text)
    assert len(changes) == sum(a != b for a, b in zip(text, out, strict=True))
