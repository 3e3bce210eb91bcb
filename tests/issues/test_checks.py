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
