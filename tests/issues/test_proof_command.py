"""manage.py proof: the 清样 of one page or a whole issue, written to a file."""

import pypdfium2
import pytest
from django.core.management import CommandError, call_command

from articles.text import plain_text

pytestmark = pytest.mark.django_db


def _pages_text(path) -> list[str]:
    document = pypdfium2.PdfDocument(path.read_bytes())
    try:
        return ["".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def test_the_proof_of_a_page_carries_its_masthead_running_head_and_every_article(paper, tmp_path):
    issue, page = paper["issue"], paper["page"]
    page.editor = "王编辑"
    page.save(update_fields=["editor"])
    out = tmp_path / "a01.pdf"
    call_command("proof", f"{issue.date}", "--page", "a01", "--out", str(out), verbosity=0)
    (text,) = _pages_text(out)
    assert issue.publication.name in text and "第A01版" in text and "责任编辑：王编辑" in text
    assert f"{issue.date.year}年{issue.date.month}月{issue.date.day}日" in text
    for placement in page.placements.select_related("article"):
        assert "".join(plain_text(placement.article.body).split()) in text


def test_the_whole_issue_is_one_proof_page_per_page(paper, tmp_path):
    out = tmp_path / "issue.pdf"
    call_command("proof", f"{paper['issue'].date}", "--out", str(out), verbosity=0)
    assert len(_pages_text(out)) == paper["issue"].pages.count()


def test_an_unknown_page_or_date_is_an_error_not_an_empty_file(paper, tmp_path):
    with pytest.raises(CommandError, match="没有第B09版"):
        call_command("proof", f"{paper['issue'].date}", "--page", "B09", "--out", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="没有报纸出版"):
        call_command("proof", "1999-01-01", "--out", str(tmp_path / "y.pdf"))
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()
