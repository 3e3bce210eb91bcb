"""Each reading of a run of heading lines (runs.HEADING_RUNS) is the one chosen on its own invented page."""

import dataclasses

import pytest

from issues.parsing import parse_page
from issues.parsing import runs as P

PAGES = {
    "rest-of-open-paragraph": (
        "老街换了新模样\n\n本报讯（记者 王立）会议指出，要准确理解和把握\n\n发展逻辑\n\n"
        "抢抓机遇，推动各项工作落实落细，为全年目标打下坚实的基础。\n\n"
        "会议强调，要持续深化改革，切实增强群众的获得感，建设幸福美丽\n\n的新家园。\n"  # a certain break
    ),
    "brief-column-name": "本地简讯\n【河畔步道开放】5月3日，新修的步道对市民开放。（记者 王立）\n",
    "closing-quotation": "码头上的除夕\n\n除夕夜，码头工人老马还在岗位上。\n\n“过年好，家里都好！”\n",
    "no-text-follows": "城市周刊\n第6版\n\n城西新建两座口袋公园\n\n本报讯（记者 何  平）两座口袋公园已经建成开放。\n",
    "part-title": "诗二首\n\n◎ 赵  刚\n\n山居\n\n山中无历日，寒尽不知年。\n",
    "lead-line": "让公园装满笑声（城事快评）\n\n一座城市的温度，往往藏在街角巷尾\n\n去年以来，城里建起了二十多座口袋公园。\n",
    "deck-lines": "全市春季造林进度过半\n\n■今年计划造林两万亩，目前已完成一万二千亩\n\n本报讯（记者 罗  青）全市春季造林进度过半。\n",
    "first-headline": "城西新建两座口袋公园\n\n本报讯（记者 何  平）两座口袋公园已经建成开放。\n",
    "boundary-rules": (
        "老街换了新模样\n\n本报讯（记者 王立）老街改造完工已经一年。\n\n"
        "山区小学有了新操场\n\n本报讯（记者 赵明）新操场建成了。\n"
    ),
}


def test_every_heading_run_reading_has_its_page_here():
    assert [r.name for r in P.HEADING_RUNS] == list(PAGES)
    assert all(r.recognises and r.example for r in P.HEADING_RUNS)


@pytest.mark.parametrize("name", list(PAGES))
def test_each_reading_is_chosen_on_its_page(name, monkeypatch):
    chosen: list[str] = []

    def recording(reading):
        def act(reader, run, j):
            chosen.append(reading.name)
            reading.act(reader, run, j)

        return dataclasses.replace(reading, act=act)

    monkeypatch.setattr(P, "HEADING_RUNS", tuple(recording(r) for r in P.HEADING_RUNS))
    page = parse_page(PAGES[name])
    assert name in chosen
    assert page.articles  # and the page still reads into stories
