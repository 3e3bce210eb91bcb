"""`manage.py check` warns when proofs and thumbnails would have no CJK font to draw with."""

from pathlib import Path

from django.core import checks

# Debian's fonts-noto-cjk; proofs (issues/proofs.py) draw Chinese with these.
CJK_FONT_DIR = Path("/usr/share/fonts/opentype/noto")
CJK_FONT_FILES = ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", "NotoSerifCJK-Regular.ttc")


def missing_cjk_fonts() -> list[str]:
    return [name for name in CJK_FONT_FILES if not (CJK_FONT_DIR / name).is_file()]


@checks.register()
def cjk_fonts(app_configs=None, **kwargs):
    missing = missing_cjk_fonts()
    if not missing:
        return []
    return [
        checks.Warning(
            f"CJK fonts missing ({', '.join(missing)}): PDF proofs and page thumbnails cannot be drawn.",
            hint="Install Debian's fonts-noto-cjk: sudo apt-get install fonts-noto-cjk",
            id="issues.W001",
        )
    ]
