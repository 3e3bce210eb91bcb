"""The reader on a broadsheet page printed by two producers (WeasyPrint and Chromium), all text invented."""

import re

import pytest

from issues.parsing import parse_page
from issues.pdfreader import PdfPage, Role, read_pdf

from .pages import BRIEF, LEAD, MASTHEAD, SIDE, STORIES, Broadsheet, weasyprint_pdf


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read(data: bytes) -> PdfPage:
    (page,) = read_pdf(data)
    return page


def lines_of(page: PdfPage) -> list[str]:
    return page.text.split("\n")


def as_read(text: str) -> str:
    """A story's own text as the reader should give it: radicals and bars mapped, letter-spacing closed."""
    return squeeze(text.replace("⺠", "民").replace("―", "—"))


def test_page_furniture_comes_first_then_a_blank_line(broadsheet):
    lines = lines_of(read(broadsheet))
    blank = lines.index("")
    assert [squeeze(line) for line in lines[:blank]] == [squeeze(m) for m in MASTHEAD]  # as a reader reads the row


def test_headline_lines_stand_each_on_its_own_line_then_a_blank(broadsheet):
    page = read(broadsheet)
    lines = lines_of(page)
    start = lines.index(as_read(LEAD.kicker))
    assert [squeeze(line) for line in lines[start : start + 4]] == [as_read(h) for h in LEAD.headline] + [""]
    roles = {hint.line: hint.role for hint in page.hints}
    assert [roles[start + 1 + k] for k in range(3)] == [Role.KICKER, Role.TITLE, Role.SUBTITLE]


def test_text_layer_lies_are_put_right(broadsheet):
    text = read(broadsheet).text
    assert "⺠" not in text and "―" not in text
    assert "惠民工程" in text and "——全区" in text
    assert "本报衡州电" in squeeze(text) and "本 报" not in text


def test_every_paragraph_is_one_line_with_wraps_and_column_breaks_joined(broadsheet):
    lines = {squeeze(line) for line in lines_of(read(broadsheet))}
    for story in STORIES:
        for paragraph in story.paragraphs[1:]:
            assert squeeze(paragraph) in lines, paragraph[:20]


def test_stories_come_in_reading_order(broadsheet):
    text = read(broadsheet).text
    assert text.index(LEAD.title) < text.index(SIDE.title) < text.index(BRIEF.title)
    assert text.index(SIDE.paragraphs[-1][:30]) < text.index(BRIEF.title)


def test_a_printed_byline_is_a_line_of_its_own_under_the_headline(broadsheet):
    lines = [squeeze(line) for line in lines_of(read(broadsheet))]
    at = lines.index(SIDE.title)
    assert lines[at + 1 : at + 4] == ["", squeeze(SIDE.byline), ""]


def test_a_caption_is_marked_small(broadsheet):
    page = read(broadsheet)
    lines = lines_of(page)
    at = next(n for n, line in enumerate(lines, start=1) if squeeze(line) == squeeze(LEAD.caption))
    hint = next(h for h in page.hints if h.line == at)
    assert hint.role == Role.SMALL and hint.size < page.body_size


def test_each_region_holds_its_own_lines_and_no_other_story_s(broadsheet):
    page = read(broadsheet)
    assert [squeeze(r.headline) for r in page.regions] == [as_read("".join(s.headline)) for s in STORIES]
    bounds = [r.first_line for r in page.regions] + [10**9]
    for k, region in enumerate(page.regions):
        own = [h for h in page.hints if bounds[k] <= h.line < bounds[k + 1]]
        assert own
        for hint in own:
            x = (hint.box.x0 + hint.box.x1) / 2 / page.width
            y = (hint.box.top + hint.box.bottom) / 2 / page.height
            assert region.contains(x, y)
            assert not any(other.contains(x, y) for other in page.regions if other is not region)
        for rect in region.rects:
            assert 0 <= rect.x0 < rect.x1 <= 1 and 0 <= rect.y0 < rect.y1 <= 1


def test_the_parser_reads_the_page_text(broadsheet):
    parsed = parse_page(read(broadsheet).text)
    assert [squeeze(a.title) for a in parsed.articles] == [as_read(s.title) for s in STORIES]
    lead, side, _ = parsed.articles
    assert squeeze(lead.kicker) == as_read(LEAD.kicker) and squeeze(lead.subtitle) == as_read(LEAD.subtitle)
    assert list(side.reporters) == ["林川"]
    assert squeeze(side.paragraphs[-1]) == squeeze(SIDE.paragraphs[-1])


def test_a_file_of_several_pages_is_read_page_by_page():
    pages = read_pdf(weasyprint_pdf(Broadsheet(pages=2)))
    assert [page.number for page in pages] == [1, 2]
    assert all(LEAD.title in page.text for page in pages)


@pytest.mark.parametrize("producer", ["weasyprint", "chromium"])
def test_the_two_producers_give_the_same_words(producer, weasyprint_page, chromium_page):
    """Both printers of the same page read to the same text (spacing aside)."""
    data = weasyprint_page if producer == "weasyprint" else chromium_page
    words = squeeze(read(data).text)
    for story in STORIES:
        for paragraph in story.paragraphs[1:]:
            assert squeeze(paragraph) in words


def test_a_rule_under_a_short_first_row_fences_no_story():
    """Only the masthead's rule fences furniture, even when the first row of stories is short and its rule high up."""
    page = read(weasyprint_pdf(Broadsheet(rows=((2,), (1,)))))
    titles = [h.line for h in page.hints if h.role == Role.TITLE]
    lines = lines_of(page)
    assert [squeeze(lines[n - 1]) for n in titles] == [squeeze(BRIEF.title), squeeze(SIDE.title)]
    assert not any(h.role == Role.FURNITURE and BRIEF.title in lines[h.line - 1] for h in page.hints)


def test_a_kicker_and_subtitle_set_near_body_size_stay_headline_lines():
    page = read(weasyprint_pdf(Broadsheet(extra_css=".kicker, .subtitle { font-size: 9.6pt; }")))
    lines = lines_of(page)
    roles = {hint.line: hint.role for hint in page.hints}
    at = lines.index(as_read(LEAD.kicker)) + 1
    assert [roles[at + k] for k in range(3)] == [Role.KICKER, Role.TITLE, Role.SUBTITLE]
    assert lines[at + 2] == ""


BESIDE_CSS = ".first { flex: 1 1 0; padding-right: 3mm; border-right: 0.4pt solid #000; margin-right: 3mm; } .rest { flex: 3 1 0; }"


def beside_html() -> str:
    """A story whose headline spans only its right three columns; its first column runs down beside the headline."""
    first = "".join(f"<p>{p}</p>" for p in SIDE.paragraphs[:2])
    rest = "".join(f"<p>{p}</p>" for p in SIDE.paragraphs[2:])
    story = (
        f'<div class="story" style="display: flex; flex: 6 1 0"><div class="first body">{first}</div>'
        f'<div class="rest"><div class="head"><div class="title">{SIDE.title}</div></div>'
        f'<div class="body" style="columns: 3">{rest}</div></div></div>'
    )
    page = Broadsheet(stories=(BRIEF,), rows=((0,),), extra_css=BESIDE_CSS).html()
    return page.replace("</section>", f'<div class="row">{story}</div></section>')


def test_a_column_beside_a_headline_is_read_after_it_as_the_story_s_own():
    from weasyprint import HTML

    (page,) = read_pdf(HTML(string=beside_html()).write_pdf())
    text = squeeze(page.text)
    at = text.index(squeeze(SIDE.title))
    assert text.index(squeeze(BRIEF.paragraphs[-1])) < at
    assert text.index(squeeze(SIDE.paragraphs[0])) > at
    assert text.index(squeeze(SIDE.paragraphs[0])) < text.index(squeeze(SIDE.paragraphs[2]))
    assert [squeeze(r.headline) for r in page.regions] == [squeeze(BRIEF.title), squeeze(SIDE.title)]
