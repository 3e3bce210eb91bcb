"""Layouts in the database: the stored layout, thumbnails, PDF proofs with embedded fonts, the admin."""

import io
import time

import pypdfium2
import pytest
from django.urls import reverse
from pypdf import PdfReader

from articles.text import plain_text
from issues import selectors as issue_selectors
from issues import tasks
from issues.models import Page
from issues.proofs import proof_pdf
from issues.services import layouts

pytestmark = pytest.mark.django_db


def _fonts(pdf: bytes) -> set[str]:
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            if descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                fonts.add(str(font["/BaseFont"]))
    return fonts


def test_laying_out_a_page_stores_blocks_metrics_and_a_thumbnail(paper):
    layout = layouts.page_layout_build(page_id=paper["page"].pk)
    page = Page.objects.get(pk=paper["page"].pk)
    assert page.layout == layout
    assert len(layout["blocks"]) == 8 and layout["metrics"]["overlaps"] == 0
    assert layout["metrics"]["fill"] >= 0.95
    assert layout["thumbnail"].endswith(".png")
    lead = layout["blocks"][0]
    # A01: the lead stands right under the 报头's band, at the left.
    masthead = layout["masthead_mm"] / layout["height_mm"]
    assert masthead > 0 and (lead["top"], lead["left"], lead["lead"]) == (pytest.approx(masthead, abs=0.01), 0.0, True)
    assert 4 <= lead["columns"] <= 6  # a story stands beside it, not under it in a strip
    assert len({b["columns"] for b in layout["blocks"]}) >= 3


def test_the_pdf_proof_embeds_its_cjk_fonts(paper):
    pdf = proof_pdf(issue_selectors.proof_pages(pages=[paper["page"]]))
    assert pdf.startswith(b"%PDF")
    fonts = _fonts(pdf)
    assert any("Noto-Sans-CJK-SC" in f for f in fonts), fonts  # headlines
    assert any("Noto-Serif-CJK-SC" in f for f in fonts), fonts  # body


def _proof_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "".join("".join(page.get_textpage().get_text_range().split()) for page in document)
    finally:
        document.close()


def test_every_articles_text_is_in_its_pages_proof_with_the_running_head(paper):
    page = paper["page"]
    pages = issue_selectors.proof_pages(pages=[page])
    pages[0]["header"] = {
        "paper": "株洲日报",
        "date": "2025年6月4日",
        "code": page.code,
        "name": "要闻",
        "editor": "王编",
    }
    text = _proof_text(proof_pdf(pages))
    assert "第A01版" in text and "责任编辑：王编" in text
    placements = list(page.placements.select_related("article"))
    assert len(placements) == 8
    for placement in placements:
        body = "".join(plain_text(placement.article.body).split())
        assert body and body in text, placement.article.title
        assert "".join(placement.article.title.split()) in text


def test_a_story_too_long_for_its_page_is_cut_at_a_line_and_reported_on_the_proof(paper):
    page = paper["page"]
    pages = issue_selectors.proof_pages(pages=[page])
    first = next(iter(pages[0]["articles"].values()))
    first["body"] = "\n".join(["市委常委会召开会议，研究部署全市重点工作，推进项目建设。" * 6] * 150)
    text = _proof_text(proof_pdf(pages))
    assert "（下转第X版）" in text and "超版：" in text


def test_the_admin_shows_the_proof_and_the_metrics(admin_client_logged, paper):
    layouts.page_layout_build(page_id=paper["page"].pk)
    change = admin_client_logged.get(reverse("admin:issues_page_change", args=[paper["page"].pk]))
    assert "版面占用" in change.text and "下载本版 PDF 校样" in change.text and "版面缩略图" in change.text
    proof = admin_client_logged.get(reverse("admin:issues_page_proof", args=[paper["page"].pk]))
    assert proof["Content-Type"] == "application/pdf" and proof.content.startswith(b"%PDF")
    issue_proof = admin_client_logged.get(reverse("admin:issues_issue_proof", args=[paper["issue"].pk]))
    assert issue_proof.content.startswith(b"%PDF")


def test_an_editor_pins_a_block_and_rebuilds(paper):
    placement = paper["page"].placements.get(position=5)
    placement.pin_column, placement.pin_columns = 1, 3
    placement.save()
    layout = layouts.page_layout_build(page_id=paper["page"].pk)
    block = next(b for b in layout["blocks"] if b["article"] == placement.article_id)
    assert (block["column"], block["columns"]) == (0, 3)


def test_an_import_lays_its_page_out_again_on_commit(paper, django_capture_on_commit_callbacks, monkeypatch):
    from tests.issues.test_import_services import FIXTURES, _import

    queued = []
    monkeypatch.setattr(tasks.build_page_layout, "apply_async", lambda args, **options: queued.extend(args))
    with django_capture_on_commit_callbacks(execute=True):
        job = _import((FIXTURES / "yunchuan-daily-page-a02.txt").read_bytes(), publication=paper["issue"].publication)
    assert queued == [job.page_id]


@pytest.mark.django_db(transaction=True)
def test_the_layout_tasks_run_on_a_real_worker(celery_worker, paper):
    Page.objects.filter(pk=paper["page"].pk).update(layout={})
    tasks.build_issue_layouts.delay(paper["issue"].pk)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not Page.objects.get(pk=paper["page"].pk).layout.get("blocks"):
        time.sleep(0.1)
    assert len(Page.objects.get(pk=paper["page"].pk).layout["blocks"]) == 8
