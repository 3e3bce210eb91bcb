from issues.pdfreader.lines import build_lines
from issues.pdfreader.model import Box, Glyph

SIZE = 9.0


def glyphs(text: str, x: float, y: float = 100.0, *, advance: float = SIZE, space: float = 3.0) -> list[Glyph]:
    """A line as a text layer gives it: one glyph per character, spaces as narrow glyphs of their own."""
    out = []
    for ch in text:
        width = space if ch == " " else advance
        out.append(Glyph(ch, Box(x, y - 0.88 * SIZE, x + width, y + 0.12 * SIZE), SIZE))
        x += width
    return out


def texts(items, rules=()) -> list[str]:
    return [line.text for line in build_lines(tuple(items), tuple(rules))]


def test_letter_spaced_words_are_closed_up():
    assert texts(glyphs("本 报 北 京 衡州新区", 0)) == ["本报北京衡州新区"]


def test_a_padded_name_keeps_its_space():
    assert texts(glyphs("本报记者 林 川", 0)) == ["本报记者 林 川"]


def test_a_wide_gap_without_a_space_character_is_a_printed_space():
    line = glyphs("本报衡州电", 0) + glyphs("衡州新区", 5 * SIZE + SIZE)
    assert texts(line) == ["本报衡州电 衡州新区"]


def test_solid_set_text_has_no_spaces():
    assert texts(glyphs("衡州新区社区食堂开到家门口", 0, advance=SIZE * 1.05)) == ["衡州新区社区食堂开到家门口"]


def test_a_column_gap_parts_two_lines_on_one_baseline():
    row = glyphs("左栏的一行文字", 0) + glyphs("右栏的一行文字", 7 * SIZE + 1.5 * SIZE)
    assert texts(row) == ["左栏的一行文字", "右栏的一行文字"]


def test_a_rule_in_a_narrow_gap_parts_two_lines():
    row = glyphs("左栏文字", 0) + glyphs("右栏文字", 4 * SIZE + 0.8 * SIZE)
    rule = Box(4 * SIZE + 0.4 * SIZE, 0, 4 * SIZE + 0.5 * SIZE, 200)
    assert texts(row, [rule]) == ["左栏文字", "右栏文字"]
    assert texts(row) == ["左栏文字 右栏文字"]  # without the rule the gap is a printed space


def test_latin_words_keep_their_spaces():
    assert texts(glyphs("New Energy 2031", 0, advance=5.0)) == ["New Energy 2031"]


def test_lines_come_top_to_bottom():
    items = glyphs("第二行", 0, y=120) + glyphs("第一行", 0, y=100)
    assert texts(items) == ["第一行", "第二行"]


def test_spaces_a_producer_sets_without_space_characters_are_read_from_the_gaps():
    """A padded name line with no space glyphs: the gaps a quarter em wider than the solid pairs are spaces."""
    items, x = [], 0.0
    for word in ("李", "亮", "李德忠", "王", "鑫"):
        items += glyphs(word, x)
        x += len(word) * SIZE + 0.25 * SIZE
    assert texts(items) == ["李 亮 李德忠 王 鑫"]


def test_a_line_justified_wide_without_space_characters_stays_solid():
    assert texts(glyphs("衡州新区社区食堂", 0, advance=SIZE * 1.3)) == ["衡州新区社区食堂"]
    assert texts(glyphs("本报衡州电", 0, advance=SIZE * 1.4) + glyphs("衡州", 5 * SIZE * 1.4)) == ["本报衡州电衡州"]


def test_a_gutter_narrower_than_an_em_parts_columns_where_the_page_s_columns_start():
    """Six rows of two columns with a 0.6 em gutter and no rule: the second column starts on the grid, so it is cut."""
    right = 8 * SIZE + 0.6 * SIZE
    rows = []
    for k in range(6):
        rows += glyphs(f"左栏第{'一二三四五六'[k]}行文字", 0, y=100 + 14 * k) + glyphs(
            "右栏文字内容", right, y=100 + 14 * k
        )
    lines = texts(rows)
    assert len(lines) == 12 and lines[:2] == ["左栏第一行文字", "右栏文字内容"]


def test_headline_sized_text_is_not_cut_at_a_column_edge():
    """A title's two halves, a space of one em apart, the second starting where a body column starts: one line."""
    body_rows = []
    for k in range(6):
        body_rows += glyphs("左栏文字内容", 0, y=200 + 14 * k) + glyphs("右栏文字内容", 96, y=200 + 14 * k)
    title = [
        Glyph(ch, Box(x, 100 - 0.88 * 24, x + 24, 100 + 0.12 * 24), 24.0)
        for ch, x in zip("衡州新区见闻", (0, 24, 48, 96, 120, 144), strict=True)
    ]
    assert texts(title + body_rows)[0] == "衡州新 区见闻"
