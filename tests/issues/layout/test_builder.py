"""Geometry invariants of the layout builder, the setting of text into blocks, and the sample page."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from issues.layout import LayoutArticle, PageGeometry, build_layout, compose_page, count_overlaps
from issues.layout.typeset import NO_LINE_END, NO_LINE_START, break_paragraph
from issues.parsing import parse_bytes

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "zhuzhou-daily-page-a01.txt"
GEOMETRY = PageGeometry()


def sample_articles() -> list[LayoutArticle]:
    page = parse_bytes(SAMPLE.read_bytes())
    return [
        LayoutArticle(
            id=n,
            title=a.title,
            kicker=a.kicker,
            subtitle=a.subtitle,
            body=tuple(a.paragraphs),
            photos=tuple(1.5 for _ in a.captions),
            captions=tuple(a.captions),
            position=n,
        )
        for n, a in enumerate(page.articles, start=1)
    ]


# Invented text: city-paper words, Chinese punctuation in runs, numbers and Latin units.
words = st.sampled_from(["市委", "会议", "产业", "项目", "建设", "群众", "社区", "推进", "1.3MW", "2025年", "12个"])
marks = st.sampled_from(["，", "。", "、", "：", "；", "“", "”", "（", "）", "》", "《", "……", "——"])
# A word, then at most two marks (。” or ”，): a run of four marks with no word between is no one's text.
paragraph = st.lists(
    st.tuples(words, st.lists(marks, max_size=2)).map(lambda t: t[0] + "".join(t[1])), min_size=1, max_size=120
).map("".join)
article = st.builds(
    LayoutArticle,
    id=st.integers(1, 10_000),
    title=st.text(alphabet="株洲日报新闻标题会议产业“”", min_size=2, max_size=32),
    body=st.lists(paragraph, min_size=1, max_size=12).map(tuple),
    photos=st.lists(st.floats(0.4, 3.0), max_size=1).map(tuple),
)
pages = st.lists(article, min_size=1, max_size=15, unique_by=lambda a: a.id).map(
    lambda arts: [LayoutArticle(**{**a.__dict__, "position": n}) for n, a in enumerate(arts, start=1)]
)


@settings(max_examples=80, deadline=None)
@given(pages, st.sampled_from([0.0, 48.0]))
def test_blocks_stay_inside_the_type_area_on_the_grid_without_overlapping(articles, masthead_mm):
    layout = build_layout(articles, GEOMETRY, masthead_mm=masthead_mm)
    geometry = PageGeometry(body_pt=layout.body_pt, gutter_mm=layout.gutter_mm)  # a thin page may be set larger
    assert count_overlaps(layout.blocks) == 0 and layout.metrics["overlaps"] == 0
    assert sorted(b.article for b in layout.blocks) == sorted(a.id for a in articles)
    for b in layout.blocks:
        assert b.x_mm >= 0 and b.y_mm >= 0 and b.height_mm > 0
        assert b.x_mm + b.width_mm <= geometry.width_mm + 0.01
        assert b.y_mm + b.height_mm <= geometry.height_mm + 0.01
        assert b.column >= 0 and b.column + b.columns <= geometry.columns
        assert abs(b.x_mm - geometry.x_mm(b.column)) < 0.01  # on the column grid
        assert abs(b.width_mm - geometry.span_mm(b.columns)) < 0.02
        assert all(0 <= v <= 1.0001 for v in (b.left, b.top, b.left + b.width, b.top + b.height))
        if masthead_mm and b.y_mm < masthead_mm - 0.01:  # nothing under the 报头, over the lead's columns
            assert b.x_mm >= layout.masthead_width_mm - 0.01
    # Text that does not fit is reported with its jump, never dropped silently.
    reported = {o["article"]: o["chars"] for o in layout.overflow}
    assert reported == {b.article: b.overflow_chars for b in layout.blocks if b.overflow_chars}
    for a in articles:
        block = next(b for b in layout.blocks if b.article == a.id)
        assert block.set_chars + block.overflow_chars == sum(len(p) for p in a.body)
        assert bool(block.jump) == bool(block.overflow_chars)


@settings(max_examples=60, deadline=None)
@given(pages)
def test_the_lead_sits_on_top_with_the_largest_headline(articles):
    layout = build_layout(articles)
    lead = next(b for b in layout.blocks if b.article == articles[0].id)
    assert lead.y_mm == 0 and lead.lead
    assert lead.headline_pt == max(b.headline_pt for b in layout.blocks)


@settings(max_examples=40, deadline=None)
@given(pages.filter(lambda arts: len(arts) >= 5))
def test_a_page_of_five_or_more_is_cut_in_three_widths_and_only_the_lead_may_be_wider(articles):
    layout = build_layout(articles)
    assert len({b.columns for b in layout.blocks}) >= 3
    assert not [b for b in layout.blocks if not b.lead and b.columns == layout.columns]
    lead = next(b for b in layout.blocks if b.lead)
    assert 4 <= lead.columns <= 6


@settings(max_examples=200, deadline=None)
@given(paragraph, st.floats(6.0, 30.0))
def test_lines_never_start_with_a_closing_mark_nor_end_with_an_opening_one_and_lose_nothing(text, measure):
    lines = break_paragraph(text, measure)
    assert "".join(line.text for line in lines) == text
    for line in lines[1:]:
        assert line.text[0] not in NO_LINE_START
    for line in lines[:-1]:
        assert line.text[-1] not in NO_LINE_END
    assert lines[0].indent_em == 2.0 and all(line.indent_em == 0 for line in lines[1:])
    assert [line.justify for line in lines] == [True] * (len(lines) - 1) + [False]


def test_every_line_of_every_article_is_set_on_the_sample_page():
    articles = sample_articles()
    layout = build_layout(articles)
    assert layout.typeset and layout.overflow == ()
    by_id = {a.id: a for a in articles}
    for block, composition in compose_page(layout.to_dict(), by_id, GEOMETRY):
        set_text = "".join(e.text for e in composition.elements if e.kind == "line")
        assert set_text == "".join(by_id[block["article"]].body)
        assert composition.overflow_chars == 0


def test_second_story_stands_beside_the_lead_and_the_page_is_not_strips():
    layout = build_layout(sample_articles())
    lead, second = layout.blocks[0], next(b for b in layout.blocks if b.article == 2)
    assert lead.article == 1 and lead.column == 0 and 4 <= lead.columns <= 6
    assert second.y_mm == 0 and second.column == lead.columns
    assert len({b.columns for b in layout.blocks}) >= 3


def test_the_sample_page_places_everything_without_overlap():
    layout = build_layout(sample_articles())
    assert layout.metrics["placed"] == 8
    assert layout.metrics["overlaps"] == 0
    assert layout.metrics["fill"] >= 0.95


def test_an_editors_pin_is_kept():
    articles = sample_articles()
    articles[4] = LayoutArticle(**{**articles[4].__dict__, "pin_column": 0, "pin_columns": 3})
    block = next(b for b in build_layout(articles).blocks if b.article == articles[4].id)
    assert (block.column, block.columns) == (0, 3)


def test_too_much_text_becomes_a_jump_with_the_rest_counted():
    long_text = tuple("株洲日报新闻标题会议产业，项目建设推进群众社区。" * 8 for _ in range(120))
    articles = [
        LayoutArticle(id=1, title="头条", body=("市委常委会召开会议。" * 30,)),
        LayoutArticle(id=2, title="长文", body=long_text, position=2, jump_page="A03"),
    ]
    layout = build_layout(articles)
    long_one = next(o for o in layout.overflow if o["article"] == 2)
    block = next(b for b in layout.blocks if b.article == 2)
    assert long_one["chars"] > 10_000 and long_one["jump"] == "下转第A03版"
    assert long_one["from_char"] == block.set_chars and block.set_chars + long_one["chars"] == 120 * 8 * 24
    composition = dict((b["article"], c) for b, c in compose_page(layout.to_dict(), {a.id: a for a in articles},
                                                                  GEOMETRY))[2]  # fmt: skip
    assert [e.text for e in composition.elements if e.kind == "jump"] == ["（下转第A03版）"]


def test_counts_alone_still_lay_out_for_the_old_callers():
    articles = [
        LayoutArticle(id=n, title="标题" * 5, body_chars=chars, paragraphs=max(1, chars // 160), position=n)
        for n, chars in enumerate((900, 700, 400, 300, 250, 200), start=1)
    ]
    layout = build_layout(articles)
    assert not layout.typeset and layout.metrics["placed"] == 6 and layout.metrics["overlaps"] == 0
    assert {"width_mm", "height_mm", "columns", "blocks", "overflow", "metrics"} <= set(layout.to_dict())


def test_an_empty_page():
    assert build_layout([]).blocks == ()


def test_a_long_title_is_set_smaller_to_fit_two_lines_and_a_short_one_keeps_its_size():
    from issues.layout.geometry import PT_MM
    from issues.layout.setting import headline_pt, rank_pt
    from issues.layout.typeset import headline_lines

    short = LayoutArticle(id=1, title="市委督导组完成进驻", position=3)
    long = LayoutArticle(id=2, title="株洲为何要在全省率先作出弘扬“三个精神”的决定？深入践行全过程人民民主", position=3)
    assert headline_pt(short, 3, GEOMETRY, lead=False) == rank_pt(3)
    fitted = headline_pt(long, 3, GEOMETRY, lead=False)
    assert fitted < rank_pt(3)
    assert len(headline_lines(long.title, GEOMETRY.span_mm(3) / (fitted * PT_MM))) <= 2


@settings(max_examples=60, deadline=None)
@given(pages)
def test_no_headline_is_larger_than_the_leads(articles):
    layout = build_layout(articles)
    if layout.blocks:
        assert max(b.headline_pt for b in layout.blocks) == layout.blocks[0].headline_pt


def test_the_default_grid_holds_whole_characters_with_a_narrow_gutter():
    from issues.layout.typeset import set_paragraphs

    assert 2.0 <= GEOMETRY.gutter_mm <= 3.0
    lines = set_paragraphs(("市" * 130,), GEOMETRY.column_mm / GEOMETRY.char_mm)
    assert [len(line.text) for line in lines] == [11] + [13] * 9 + [2]  # the first line indented two characters


@settings(max_examples=40, deadline=None)
@given(pages)
def test_the_columns_of_a_block_end_together(articles):
    layout = build_layout(articles)
    by_id = {a.id: a for a in articles}
    for _block, composition in compose_page(layout.to_dict(), by_id, GEOMETRY):
        if composition.overflow_chars or composition.photo_columns:
            continue
        feet: dict[float, float] = {}
        for e in composition.elements:
            if e.kind == "line":
                feet[e.x] = max(feet.get(e.x, 0.0), e.y + e.h)
        if len(feet) > 1:  # the last column short by at most the lines that do not share out evenly
            pitch = composition.leading_mm
            assert max(feet.values()) - min(feet.values()) <= (len(feet) - 1) * pitch + 0.01
            assert list(feet.values()) == sorted(feet.values(), reverse=True)  # filled left to right


def test_a_picture_with_little_text_spans_its_block_rather_than_stand_beside_empty_columns():
    from issues.layout.setting import measure

    pictured = LayoutArticle(
        id=1, title="新落成的大桥", body=("大桥今日通车。",), photos=(1.5,), captions=("大桥夜景。",)
    )
    wide = measure(pictured, 5, GEOMETRY, lead=False)
    assert wide.photo_columns == 5
    story = LayoutArticle(id=2, title="大桥通车", body=tuple("市民走上新桥，沿江风景一览无余。" * 6 for _ in range(20)),
                          photos=(1.5,))  # fmt: skip
    assert measure(story, 6, GEOMETRY, lead=False).photo_columns < 6  # a long story runs beside its picture
