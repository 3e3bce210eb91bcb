"""A page's layout drawn as HTML (the e-paper and the proof), as a PDF proof (WeasyPrint, fonts
embedded) and as a PNG thumbnail (Pillow); Noto CJK from Debian's fonts-noto-cjk."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from django.template.loader import render_to_string

SANS_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
THUMBNAIL_WIDTH = 240


def proof_html(pages: list[dict]) -> str:
    """pages: [{"title", "layout" (PageLayout.to_dict()), "articles": {id: {title, kicker, subtitle, body}}}]"""
    prepared = []
    for page in pages:
        layout = page["layout"]
        boxes = [{**block, "article": page["articles"].get(block["article"], {})} for block in layout["blocks"]]
        prepared.append({"title": page["title"], "layout": layout, "boxes": boxes})
    return render_to_string("issues/proof.html", {"pages": prepared})


def proof_pdf(pages: list[dict]) -> bytes:
    """The PDF proof of one page or a whole issue, fonts embedded."""
    import weasyprint  # loaded on first use: it is heavy and only proofs need it

    return weasyprint.HTML(string=proof_html(pages)).write_pdf()


@lru_cache(maxsize=4)
def _font(size: int):
    from PIL import ImageFont

    for path in SANS_FONTS:
        if Path(path).exists():
            return ImageFont.truetype(path, size, index=2)  # the SC face of the collection
    return ImageFont.load_default()


def thumbnail_png(layout: dict, titles: dict[int, str], width: int = THUMBNAIL_WIDTH) -> bytes:
    """A small picture of the page: each block's box and the start of its headline."""
    from PIL import Image, ImageDraw

    height = round(width * layout["height_mm"] / layout["width_mm"])
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for block in layout["blocks"]:
        box = (
            block["left"] * width + 1,
            block["top"] * height + 1,
            (block["left"] + block["width"]) * width - 2,
            (block["top"] + block["height"]) * height - 2,
        )
        draw.rectangle(box, outline=(176, 23, 31), width=1)
        title = titles.get(block["article"], "")
        size = max(7, min(16, round(block["headline_pt"] * width / 900)))
        chars = max(1, int((box[2] - box[0] - 4) // size))
        draw.text((box[0] + 2, box[1] + 2), title[:chars], fill=(20, 20, 20), font=_font(size))
        for y in range(int(box[1] + size + 6), int(box[3] - 2), 4):
            draw.line((box[0] + 3, y, box[2] - 3, y), fill=(200, 200, 200))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)  # a thumbnail: fast beats small
    return out.getvalue()
