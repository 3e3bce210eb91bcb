"""A file the reader cannot read honestly is refused with a reason, never read as nonsense."""

import pytest

from issues.pdfreader import PdfReadError, read_pdf

from .pages import Broadsheet, weasyprint_pdf
from .tinypdf import tiny_pdf, utf16


def refused(data: bytes, **options) -> str:
    with pytest.raises(PdfReadError) as caught:
        read_pdf(data, **options)
    assert str(caught.value)  # a message for the desk
    return caught.value.code


def test_actual_text_replaces_the_glyphs_it_covers():
    span = b"/Span << /ActualText " + utf16("民") + b" >> BDC (x) Tj EMC "
    content = b"BT /F1 12 Tf 20 100 Td " + span + b"(" + b"abcdefghij" * 3 + b") Tj ET"
    (page,) = read_pdf(tiny_pdf(content))
    assert page.text.strip().startswith("民abcdefghij")
    assert "x" not in page.text.split("民")[0]


def test_not_a_pdf():
    assert refused("衡州新区社区食堂开到家门口\n".encode()) == "not-pdf"


def test_encrypted():
    assert refused(tiny_pdf(b"BT /F1 12 Tf 20 100 Td (abc) Tj ET", encrypt=True)) == "encrypted"


def test_broken():
    assert refused(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog\n") == "broken"


def test_a_page_without_a_text_layer():
    scan = Broadsheet(stories=(), rows=(), masthead=(), extra_css=".x{}")
    data = weasyprint_pdf(scan)
    assert refused(data) == "no-text"


def test_fonts_without_a_unicode_map_read_as_garbage():
    garbage = "".join(chr(0xE000 + k) for k in range(40))
    content = (
        b"BT /F1 12 Tf 20 100 Td /Span << /ActualText " + utf16(garbage) + b" >> BDC (" + b"x" * 40 + b") Tj EMC ET"
    )
    assert refused(tiny_pdf(content)) == "garbled"


def test_a_file_of_too_many_pages():
    assert refused(weasyprint_pdf(Broadsheet(pages=3)), max_pages=2) == "too-many-pages"
