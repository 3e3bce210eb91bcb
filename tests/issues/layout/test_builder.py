"""Geometry invariants of the layout builder, and the sample page's layout."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from issues.layout import LayoutArticle, PageGeometry, build_layout, count_overlaps
from issues.parsing import parse_bytes

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "zhuzhou-daily-page-a01.txt"


def sample_articles() -> list[LayoutArticle]:
    page = parse_bytes(SAMPLE.read_bytes())
    return [
        LayoutArticle(
            id=n,
            title=a.title,
            kicker=a.kicker,
            subtitle=a.subtitle,
            body_chars=sum(len(p) for p in a.paragraphs),
            paragraphs=len(a.paragraphs),
            photos=tuple(1.5 for _ in a.captions),
            position=n,
        )
        for n, a in enumerate(page.articles, start=1)
    ]


article = st.builds(
    LayoutArticle,
    id=st.integers(1, 10_000),
    title=st.text(alphabet="株洲日报新闻标题会议产业", min_size=2, max_size=32),
    body_chars=st.integers(0, 5000),
    paragraphs=st.integers(1, 25),
    photos=st.lists(st.floats(0.4, 3.0), max_size=2).map(tuple),
)
pages = st.lists(article, min_size=1, max_size=15, unique_by=lambda a: a.id).map(
    lambda arts: [LayoutArticle(**{**a.__dict__, "position": n}) for n, a in enumerate(arts, start=1)]
)


@settings(max_examples=150, deadline=None)
@given(pages)
def test_blocks_stay_inside_the_type_area_on_the_grid_without_overlapping(articles):
    geometry = PageGeometry()
    layout = build_layout(articles, geometry)
    assert count_overlaps(layout.blocks) == 0 and layout.metrics["overlaps"] == 0
    assert sorted(b.article for b in layout.blocks) == sorted(a.id for a in articles)
    for b in layout.blocks:
        assert b.x_mm >= 0 and b.y_mm >= 0
        assert b.x_mm + b.width_mm <= geometry.width_mm + 0.01
        assert b.y_mm + b.height_mm <= geometry.height_mm + 0.01
        assert b.column >= 0 and b.column + b.columns <= geometry.columns
        assert all(0 <= v <= 1 for v in (b.left, b.top, b.left + b.width, b.top + b.height))
        assert b.height_mm > 0 and b.width_mm > 0
    # Text that does not fit is reported, never dropped silently.
    reported = {o["article"] for o in layout.overflow}
    assert reported == {b.article for b in layout.blocks if b.overflow_chars}


@settings(max_examples=60, deadline=None)
@given(pages)
def test_the_lead_sits_on_top_with_the_largest_headline(articles):
    layout = build_layout(articles)
    lead = next(b for b in layout.blocks if b.article == articles[0].id)
    assert lead.y_mm == 0
    assert lead.headline_pt == max(b.headline_pt for b in layout.blocks)


def test_reading_order_runs_from_the_top_left():
    layout = build_layout(sample_articles())
    positions = [(b.column, b.y_mm) for b in layout.blocks[1:]]
    assert positions == sorted(positions)


def test_the_sample_page_fills_its_type_area():
    layout = build_layout(sample_articles())
    assert layout.metrics["placed"] == 8
    assert layout.metrics["overlaps"] == 0
    assert layout.metrics["fill"] >= 0.95
    assert layout.metrics["content_density"] >= 0.9


def test_an_editors_pin_is_kept():
    articles = sample_articles()
    articles[4] = LayoutArticle(**{**articles[4].__dict__, "pin_column": 0, "pin_columns": 3})
    block = next(b for b in build_layout(articles).blocks if b.article == articles[4].id)
    assert (block.column, block.columns) == (0, 3)


def test_too_much_text_becomes_a_suggested_jump():
    articles = [
        LayoutArticle(id=1, title="头条", body_chars=2000),
        LayoutArticle(id=2, title="长文", body_chars=40_000, position=2),
    ]
    layout = build_layout(articles)
    long_one = next(o for o in layout.overflow if o["article"] == 2)
    assert long_one["chars"] > 30_000 and long_one["jump"] == "下转第X版"


def test_an_empty_page():
    assert build_layout([]).blocks == ()


def test_a_long_title_is_set_smaller_to_fit_two_lines_and_a_short_one_keeps_its_size():
    from issues.layout.builder import TITLE_LINES, _title_lines, headline_pt, title_pt

    geometry = PageGeometry()
    short = LayoutArticle(id=1, title="市委督导组完成进驻", body_chars=600, paragraphs=3)
    long = LayoutArticle(
        id=2, title="株洲为何要在全省率先作出弘扬“三个精神”的决定?深入践行全过程人民民主", body_chars=600, paragraphs=3
    )
    assert title_pt(short, 3, geometry, lead=False) == headline_pt(3, lead=False)
    fitted = title_pt(long, 3, geometry, lead=False)
    assert fitted < headline_pt(3, lead=False)
    assert _title_lines(long.title, geometry.span_mm(3), fitted) <= TITLE_LINES


@settings(max_examples=60, deadline=None)
@given(pages)
def test_no_headline_is_larger_than_the_leads(articles):
    layout = build_layout(articles)
    if layout.blocks:
        assert max(b.headline_pt for b in layout.blocks) == layout.blocks[0].headline_pt
