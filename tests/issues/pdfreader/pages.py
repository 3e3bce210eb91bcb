"""Broadsheet test pages made at test time from invented text, printed by two producers (WeasyPrint, Chromium).

A page: a masthead row fenced by a rule; a lead story across the page (kicker, title, subtitle,
a picture with its caption, the body in columns); under it two stories side by side, parted by a
rule, one with a printed byline. Every place, name and event here is made up.
"""

from __future__ import annotations

import html
import subprocess
import sys
from dataclasses import dataclass, field

MASTHEAD = ("衡州晚报", "2031年6月4日  星期三", "第A03版  城事")


@dataclass(frozen=True)
class Story:
    kicker: str
    title: str
    subtitle: str
    paragraphs: tuple[str, ...]
    units: int  # of the page's six columns
    byline: str = ""
    caption: str = ""
    columns: int = 0  # body columns; 0: one per unit

    @property
    def headline(self) -> tuple[str, ...]:
        return tuple(line for line in (self.kicker, self.title, self.subtitle) if line)


def sentences(place: str, topic: str, count: int, seed: int) -> list[str]:
    """Invented news sentences, each different (numbers vary), so a paragraph can be found once."""
    shapes = (
        "{place}今年新建{topic}{n}处，附近居民步行十分钟就能走到。",
        "据{place}有关部门介绍，第{n}批{topic}项目已经完成验收，参与施工的工人共有{m}名。",
        "家住{place}北街的一位老人说，过去办这件事要跑{n}趟，现在在家门口就能办好。",
        "为了让{topic}运转得更顺畅，{place}还组建了{m}人的志愿服务队，每周轮流值班。",
        "下一步，{place}将把{topic}的经验推广到周边{n}个乡镇，让更多群众受益。",
    )
    return [
        shapes[(seed + i) % len(shapes)].format(place=place, topic=topic, n=seed * 3 + i + 2, m=seed * 11 + i * 7 + 20)
        for i in range(count)
    ]


def paragraphs(place: str, topic: str, sizes: tuple[int, ...], seed: int) -> tuple[str, ...]:
    out, k = [], seed
    for size in sizes:
        out.append("".join(sentences(place, topic, size, k)))
        k += size
    return tuple(out)


LEAD = Story(
    kicker="惠⺠工程加快落地",
    title="衡州新区社区食堂开到家门口",
    subtitle="――全区三十六个社区实现助餐服务全覆盖",
    paragraphs=(
        "本 报 衡 州 电  " + "".join(sentences("衡州新区", "社区食堂", 3, 1)),
        *paragraphs("衡州新区", "社区食堂", (5, 4, 6, 3, 5, 4), 4),
    ),
    units=6,
    caption="图为新区一家社区食堂里，老人们正在用餐。  本报记者  周  岚摄",
)
SIDE = Story(
    kicker="",
    title="江边步道今夏全线贯通",
    subtitle="",
    paragraphs=paragraphs("滨江街道", "亲水步道", (4, 5, 3, 5, 4), 30),
    units=4,
    byline="本报记者  林  川",
)
BRIEF = Story(
    kicker="",
    title="老城区新增停车位八百个",
    subtitle="",
    # A brief opens on its dateline, as briefs do (its sentences share the invented shapes of the
    # story above, so nothing else in the text would tell it from a subhead of that story).
    paragraphs=tuple(
        ("本报讯  " + p) if i == 0 else p for i, p in enumerate(paragraphs("老城区", "停车位", (3, 4, 3), 60))
    ),
    units=2,
    columns=1,
)
STORIES = (LEAD, SIDE, BRIEF)


@dataclass(frozen=True)
class Broadsheet:
    stories: tuple[Story, ...] = STORIES
    masthead: tuple[str, ...] = MASTHEAD
    rows: tuple[tuple[int, ...], ...] = ((0,), (1, 2))  # story indexes per row
    pages: int = 1  # the same page repeated, for a file of several pages
    extra_css: str = ""
    notes: list[str] = field(default_factory=list)

    def html(self) -> str:
        body = []
        for page in range(self.pages):
            body.append(f'<section class="page" style="{"break-before: page" if page else ""}">')
            body.append(
                '<div class="mast">' + "".join(f"<div>{html.escape(m)}</div>" for m in self.masthead) + "</div>"
            )
            for row in self.rows:
                body.append('<div class="row">' + "".join(_story_html(self.stories[i]) for i in row) + "</div>")
            body.append("</section>")
        return f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}{self.extra_css}</style></head><body>{''.join(body)}</body></html>"


def _story_html(story: Story) -> str:
    head = "".join(
        f'<div class="{cls}">{html.escape(text)}</div>'
        for cls, text in (("kicker", story.kicker), ("title", story.title), ("subtitle", story.subtitle))
        if text
    )
    picture = ""
    if story.caption:
        picture = f'<div class="picture"></div><p class="caption">{html.escape(story.caption)}</p>'
    byline = f'<p class="byline">{html.escape(story.byline)}</p>' if story.byline else ""
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    columns = story.columns or story.units
    return (
        f'<div class="story" style="flex: {story.units} 1 0"><div class="head">{head}</div>{picture}'
        f'<div class="body" style="columns: {columns}">{byline}{paras}</div></div>'
    )


CSS = """
@page { size: 330mm 470mm; margin: 12mm; }
body { margin: 0; font-family: 'Noto Serif CJK SC', serif; font-size: 9pt; line-height: 1.5; }
.mast { display: flex; justify-content: space-between; font-size: 10pt; padding-bottom: 2mm; border-bottom: 1.5pt solid #000; margin-bottom: 4mm; }
.mast div:first-child { font-size: 18pt; font-weight: bold; }
.row { display: flex; border-bottom: 1pt solid #000; padding: 4mm 0; }
.story { padding: 0 3mm; border-left: 0.6pt solid #000; }
.story:first-child { border-left: none; padding-left: 0; }
.head { text-align: center; margin-bottom: 4mm; }
.kicker, .subtitle { font-family: 'Noto Sans CJK SC', sans-serif; font-size: 13pt; }
.title { font-size: 24pt; font-weight: bold; margin: 1mm 0; }
.picture { height: 45mm; width: 60%; background: #8a8a8a; margin: 0 auto 1.5mm; }
.caption { font-size: 7pt; text-align: center; margin: 0 0 3mm; white-space: pre-wrap; }
.body { column-gap: 4.5mm; column-rule: 0.4pt solid #000; }
.body p { margin: 0; text-indent: 2em; text-align: justify; }
.body p.byline { text-indent: 0; font-family: 'Noto Sans CJK SC', sans-serif; white-space: pre-wrap; }
"""


def weasyprint_pdf(page: Broadsheet) -> bytes:
    from weasyprint import HTML

    return HTML(string=page.html()).write_pdf()


CHROMIUM_PRINT = """
import sys
from playwright.sync_api import sync_playwright

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=sys.argv[1], args=["--no-sandbox", "--disable-gpu"])
    tab = browser.new_page()
    tab.set_content(sys.stdin.read())
    sys.stdout.buffer.write(tab.pdf(prefer_css_page_size=True, print_background=True))
    browser.close()
"""


def chromium_pdf(chromium: str, page: Broadsheet) -> bytes:
    """Printed by Chromium through Playwright, in a process of its own: the browser tests keep a Playwright
    event loop running in this one."""
    done = subprocess.run(
        [sys.executable, "-c", CHROMIUM_PRINT, chromium],
        input=page.html().encode(),
        capture_output=True,
        check=True,
        timeout=120,
    )
    return done.stdout
