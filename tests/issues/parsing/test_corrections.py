"""An editor's merge and split corrections, applied to a parsed page: nothing lost, nothing invented."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from issues.parsing import parse_page
from issues.parsing.corrections import FURNITURE, MERGE, MOVE, MOVE_CAPTION, SPLIT, Correction, CorrectionError, apply

from .helpers import lost_and_invented

PAGE = (
    "老街换了新模样\n\n本报记者  王  立\n\n老街改造完工已经一年。\n\n两旁的店铺重新开了张。\n\n"
    "游客越来越多\n\n本报讯（记者 赵明）周末的老街上，游客和居民挤得满满当当。\n\n开茶馆的老板说，好多客人成了老街坊。\n"
)


def test_merging_an_article_into_the_one_before_keeps_its_headline_as_an_in_body_heading():
    page = parse_page(PAGE)
    assert len(page.articles) == 2
    (merged,) = apply(page, [Correction(MERGE, 1)]).articles
    assert merged.title == "老街换了新模样"
    assert merged.subheads == ("游客越来越多",) and merged.subhead_at == (2,)
    assert merged.paragraphs[2].startswith("周末的老街上")
    assert merged.reporters == ("王立", "赵明")
    assert lost_and_invented(PAGE, apply(page, [Correction(MERGE, 1)]).to_dict()) == (0, 0)


def test_splitting_an_article_at_a_paragraph_makes_its_first_line_the_title_when_asked():
    page = parse_page(PAGE)
    first, new, second = apply(page, [Correction(SPLIT, 0, paragraph=1, title_from_first_line=False)]).articles
    assert first.paragraphs == ("老街改造完工已经一年。",)
    assert new.paragraphs == ("两旁的店铺重新开了张。",) and new.title == ""
    assert second.title == "游客越来越多"
    split = apply(page, [Correction(SPLIT, 1, paragraph=1, title_from_first_line=True)])
    assert split.articles[2].title == "" and split.articles[2].paragraphs == ("开茶馆的老板说，好多客人成了老街坊。",)
    assert lost_and_invented(PAGE, split.to_dict()) == (0, 0)  # one paragraph left: it is not taken for a title


def test_a_split_taking_a_title_carries_the_in_body_headings_below_the_cut():
    page = apply(
        parse_page(PAGE), [Correction(MERGE, 1), Correction(SPLIT, 0, paragraph=2, title_from_first_line=True)]
    )
    first, second = page.articles
    assert first.subheads == () and first.paragraphs[-1] == "两旁的店铺重新开了张。"
    assert second.title.startswith("周末的老街上") and second.paragraphs == ("开茶馆的老板说，好多客人成了老街坊。",)
    assert second.subheads == ("游客越来越多",) and second.subhead_at == (0,)
    assert lost_and_invented(PAGE, page.to_dict()) == (0, 0)


def test_a_split_then_a_merge_gives_the_page_back():
    page = parse_page(PAGE)
    round_trip = apply(page, [Correction(SPLIT, 0, paragraph=1), Correction(MERGE, 1)])
    assert round_trip.articles[0].paragraphs == page.articles[0].paragraphs


@pytest.mark.parametrize(
    "correction", [Correction(MERGE, 0), Correction(MERGE, 5), Correction(SPLIT, 0, paragraph=0), Correction("x", 0)]
)
def test_a_correction_that_does_not_fit_the_page_is_refused(correction):
    with pytest.raises(CorrectionError):
        apply(parse_page(PAGE), [correction])


def test_corrections_are_plain_data_for_the_import_job():
    correction = Correction(SPLIT, 1, paragraph=2, title_from_first_line=True)
    assert Correction.from_dict(correction.to_dict()) == correction


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 3), st.integers(1, 3), st.booleans()), max_size=4))
def test_any_corrections_that_fit_lose_nothing(steps):
    page = parse_page(PAGE)
    for merge, article, paragraph, title in steps:
        correction = Correction(MERGE if merge else SPLIT, article, paragraph, title)
        try:
            page = apply(page, [correction])
        except CorrectionError:
            continue
    assert lost_and_invented(PAGE, page.to_dict()) == (0, 0)


def test_a_paragraph_moves_to_the_article_it_belongs_to_and_nothing_is_lost():
    page = parse_page(PAGE)
    moved = apply(page, [Correction(MOVE, 0, paragraph=1, to=1)])
    first, second = moved.articles
    assert first.paragraphs == ("老街改造完工已经一年。",)
    assert second.paragraphs[-1] == "两旁的店铺重新开了张。"
    assert lost_and_invented(PAGE, moved.to_dict()) == (0, 0)
    with pytest.raises(CorrectionError):
        apply(page, [Correction(MOVE, 0, paragraph=1, to=0)])


def test_a_paragraph_marked_as_furniture_leaves_the_story_and_stays_on_the_page():
    page = parse_page(PAGE)
    marked = apply(page, [Correction(FURNITURE, 1, paragraph=1)])
    assert "开茶馆的老板说，好多客人成了老街坊。" in marked.masthead
    assert "开茶馆的老板说，好多客人成了老街坊。" not in marked.articles[1].paragraphs
    assert lost_and_invented(PAGE, marked.to_dict()) == (0, 0)
    with pytest.raises(CorrectionError):
        apply(page, [Correction(FURNITURE, 1, paragraph=9)])


def test_a_caption_moves_to_the_story_its_picture_belongs_to():
    text = PAGE + "\n图为老街上的茶馆。  李  林摄\n"
    page = parse_page(text)
    owner = next(i for i, a in enumerate(page.articles) if a.captions)
    other = 1 - owner
    moved = apply(page, [Correction(MOVE_CAPTION, owner, paragraph=0, to=other)])
    assert moved.articles[other].captions and not moved.articles[owner].captions
    assert lost_and_invented(text, moved.to_dict()) == (0, 0)
