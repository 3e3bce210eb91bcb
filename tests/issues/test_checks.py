"""System checks: what the project needs from the machine is said before it is needed."""

import pytest

pytestmark = pytest.mark.django_db


def test_check_warns_when_the_cjk_fonts_are_missing(monkeypatch, tmp_path):
    from django.core.management import call_command

    from issues import checks

    assert checks.cjk_fonts() == []
    monkeypatch.setattr(checks, "CJK_FONT_DIR", tmp_path)
    warnings = checks.cjk_fonts()
    assert [w.id for w in warnings] == ["issues.W001"] and "fonts-noto-cjk" in warnings[0].hint
    call_command("check")  # a warning, not an error: the site runs without proofs


def test_without_cjk_fonts_a_proof_fails_clearly_and_the_layout_is_still_stored(
    monkeypatch, tmp_path, paper, admin_client_logged
):
    from django.urls import reverse

    from issues import checks
    from issues.proofs import MissingFonts, thumbnail_png
    from issues.services import layouts

    monkeypatch.setattr(checks, "CJK_FONT_DIR", tmp_path)
    with pytest.raises(MissingFonts, match="fonts-noto-cjk"):
        block = {"article": 1, "left": 0, "top": 0, "width": 1, "height": 1, "headline_pt": 20}
        thumbnail_png({"width_mm": 10, "height_mm": 10, "blocks": [block]}, {1: "标题"})
    layout = layouts.page_layout_build(page_id=paper["page"].pk)
    assert layout["blocks"] and "thumbnail" not in layout
    response = admin_client_logged.get(reverse("admin:issues_page_proof", args=[paper["page"].pk]), follow=True)
    assert "缺少中文字体" in response.text
