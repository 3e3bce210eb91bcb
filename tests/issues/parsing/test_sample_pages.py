"""The fixture pages score 1.000 on every measure of the shared scorer."""

import json
from pathlib import Path

import pytest

from issues.parsing import parse_bytes
from tests.tools.score_parse import score

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGES = [
    "zhuzhou-daily-page-a01",
    "yunchuan-daily-page-a02",
    "hengzhou-daily-page-a01",
    # Invented pages in the e-paper text shape (headline lines, a blank line, paragraphs):
    "qinghe-daily-feature-page",  # a long feature with a box label and unlabelled subheads
    "qinghe-daily-poem-page",  # verse lines each set as a paragraph, between two essays
    "qinghe-daily-commentary-page",  # commentaries with a lead line, a story with deck lines
    "qinghe-daily-wire-page",  # closing datelines and notes, a kicker ending in a dash
]


@pytest.mark.parametrize("name", PAGES)
def test_sample_page_scores_full_marks(name):
    raw_bytes = (FIXTURES / f"{name}.txt").read_bytes()
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    parsed = parse_bytes(raw_bytes).to_dict()
    measures = score(raw_bytes.decode("utf-8"), expected, parsed)
    assert measures == {k: 1.0 for k in measures}


def test_sample_page_mastheads_and_repairs():
    page = parse_bytes((FIXTURES / "zhuzhou-daily-page-a01.txt").read_bytes())
    assert page.masthead == (
        "中共株洲市委主管、主办",
        "株洲日报社出版",
        "知株侠 视频号",
        "ZHIZHU XIA VIDEO",
        "株洲新闻网 www.zznews.gov.cn 日报热线:28829110",
    )
    assert [(r.kind, r.line, r.dropped) for r in page.repairs] == [("duplicate-at-break", 19, "的")]
    assert [w.line for w in page.warnings] == [31]
    assert page.unassigned == ()


def test_parse_issue_command_prints_the_json(capsys):
    from django.core.management import call_command

    call_command("parse_issue", str(FIXTURES / "yunchuan-daily-page-a02.txt"), "--json")
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"masthead", "articles", "unassigned", "repairs", "warnings"}
    assert [a["title"] for a in data["articles"]][1:3] == ["全国夏粮收获进度过半", "云川造储能电池首次出口欧洲"]
    assert data["articles"][2]["subtitle"] == "首批2000套产品装船启运"


@pytest.mark.parametrize(("name", "least"), [("zhuzhou-daily-page-a01", 0.99), ("yunchuan-daily-page-a02", 1.0)])
def test_sample_pages_copied_without_blank_lines_read_almost_as_before(name, least):
    """Some e-papers copy out with no blank line anywhere: column breaks become plain line breaks."""
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    raw = "\n".join(line.strip() for line in text.split("\n") if line.strip()) + "\n"
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    measures = score(raw, expected, parse_bytes(raw.encode("utf-8")).to_dict())
    assert measures["nothing_lost"] == 1.0
    assert sum(measures.values()) / len(measures) >= least


def test_parse_issue_command_explains_its_reading(capsys):
    from django.core.management import call_command

    call_command("parse_issue", str(FIXTURES / "qinghe-daily-feature-page.txt"), "--json", "--explain")
    data = json.loads(capsys.readouterr().out)
    explanation = data.pop("explain")
    assert set(data) == {"masthead", "articles", "unassigned", "repairs", "warnings"}
    assert {row["rule"] for row in explanation["lines"]} >= {
        "furniture",
        "credit-line",
        "leading-byline",
        "running-text",
    }
    kept = [d for d in explanation["decisions"] if d["reading"] == "in-body-heading"]
    assert [d["text"] for d in kept] == [
        "核心阅读",
        "从排队取号到刷脸办事",
        "从多头跑腿到一窗通办",
        "从线下窗口到线上平台",
    ]
    assert all(d["score"] <= 0 for d in kept if "score" in d)
    assert len(explanation["articles"]) == len(data["articles"]) == 3


def test_parse_issue_command_prints_its_explanation(capsys):
    from django.core.management import call_command

    call_command("parse_issue", str(FIXTURES / "qinghe-daily-wire-page.txt"), "--explain")
    out = capsys.readouterr().out
    assert "分稿判断" in out and "closing-line" in out and "dateline-follows" in out
