"""`manage.py parse_issue PAGE.pdf --json` reads a page PDF (told by its header, not its name) like a text page."""

import json
import re

import pytest
from django.core.management import CommandError, call_command

from .pages import LEAD, SIDE, STORIES, Broadsheet, weasyprint_pdf


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_page_pdf_prints_the_page_json(tmp_path, capsys, weasyprint_page):
    path = tmp_path / "page-a03.bin"  # no .pdf: the %PDF- header tells
    path.write_bytes(weasyprint_page)
    call_command("parse_issue", str(path), json=True)
    parsed = json.loads(capsys.readouterr().out)
    assert [squeeze(a["title"]) for a in parsed["articles"]] == [squeeze(s.title) for s in STORIES]
    assert parsed["masthead"]
    side = parsed["articles"][1]
    assert side["reporters"] == ["林川"] and squeeze(side["paragraphs"][0]) == squeeze(SIDE.paragraphs[0])


def test_a_pdf_of_several_pages_prints_one_object_per_page(tmp_path, capsys):
    path = tmp_path / "issue.pdf"
    path.write_bytes(weasyprint_pdf(Broadsheet(pages=2)))
    call_command("parse_issue", str(path), json=True)
    pages = json.loads(capsys.readouterr().out)
    assert len(pages) == 2 and all(squeeze(p["articles"][0]["title"]) == squeeze(LEAD.title) for p in pages)


def test_a_refused_pdf_is_a_command_error(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really a pdf\n")
    with pytest.raises(CommandError, match="PDF"):
        call_command("parse_issue", str(path), json=True)
