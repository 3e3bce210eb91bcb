import pytest

from issues.parsing import ParseError, parse_bytes, parse_page

PAGE = "标题一则新闻\n\n本报讯(记者 张伟)正文。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_decode_to_the_same_page(encoding):
    assert parse_bytes(PAGE.encode(encoding)) == parse_page(PAGE)


def test_utf8_bom_is_recorded_not_lost():
    page = parse_bytes(b"\xef\xbb\xbf" + PAGE.encode())
    assert page.articles == parse_page(PAGE).articles
    assert page.repairs[0].dropped == "\ufeff"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends(newline):
    assert parse_bytes(PAGE.replace("\n", newline).encode()).articles == parse_page(PAGE).articles


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x00\x01\x02\x03\xff\xfe\xfd" * 50, b"\x81"])
def test_undecodable_bytes_are_a_clear_parse_error(data):
    with pytest.raises(ParseError, match="编码"):
        parse_bytes(data)


def test_empty_input_is_an_empty_page():
    assert parse_bytes(b"").articles == ()
