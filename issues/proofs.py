"""A page's layout drawn as a PDF proof (清样, WeasyPrint, fonts embedded) and as a PNG thumbnail
(Pillow); Noto CJK from Debian's fonts-noto-cjk.

The proof draws what the layout core set (issues.layout.compose_page): every line at its place, each
justified to its column by letter-spacing (两端对齐, 避头尾 already decided by the core), a paragraph's
first line indented two characters, headlines in Noto Sans CJK, the body in Noto Serif CJK; photos at
their aspect ratio with the caption under them (a grey 图位 where the picture is not uploaded yet);
rules between articles; A01's 报头 and every page's 报眉."""

from __future__ import annotations

import io
from functools import lru_cache

from django.template.loader import render_to_string

from .layout import LayoutArticle, PageGeometry, build_layout, compose_page, paragraphs_of
from .layout.geometry import PT_MM

SANS_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
THUMBNAIL_WIDTH = 240
MARGIN_MM = {"top": 24.0, "right": 15.0, "bottom": 15.0, "left": 15.0}
MASTHEAD_MM = 48.0  # A01's 报头 over the lead, when the page is given a masthead


def proof_html(pages: list[dict]) -> str:
    """pages: [{
        "title": "…第A01版 要闻",
        "layout": PageLayout.to_dict(),
        "articles": {id: {"title", "kicker", "subtitle", "body" (paragraphs, or text with a paragraph
                     on each line), optional "byline", "photos": [{"url", "aspect", "caption"}], "jump_page"}},
        optional "header": {"paper", "date", "code", "name", "editor"}   -> the 报眉 line
        optional "masthead": {"name", "date", "number", "total", "note"}  -> A01's 报头
    }]"""
    prepared = [_prepare(page) for page in pages]
    sheet = prepared[0]["sheet"] if prepared else {"width": 380, "height": 530}
    return render_to_string("issues/proof.html", {"pages": prepared, "sheet": sheet, "margin": MARGIN_MM})


class MissingFonts(RuntimeError):
    """No CJK font to draw with: a proof or thumbnail would show tofu (□) for every character."""


def require_cjk_fonts() -> None:
    from .checks import missing_cjk_fonts

    missing = missing_cjk_fonts()
    if missing:
        raise MissingFonts(f"缺少中文字体({'、'.join(missing)}),无法生成校样或缩略图;请安装 fonts-noto-cjk")


def proof_pdf(pages: list[dict]) -> bytes:
    """The PDF proof of one page or a whole issue, fonts embedded."""
    import weasyprint  # loaded on first use: it is heavy and only proofs need it

    require_cjk_fonts()
    return weasyprint.HTML(string=proof_html(pages)).write_pdf()


def layout_articles(articles: dict, order: list[int] | None = None) -> dict[int, LayoutArticle]:
    """The proof's article dicts as the layout core's articles (positions in `order`, the lead first)."""
    order = order or list(articles)
    result = {}
    for key, data in articles.items():
        article_id = int(key)
        photos = data.get("photos") or []
        position = order.index(article_id) + 1 if article_id in order else len(order) + 1
        result[article_id] = LayoutArticle(
            id=article_id,
            title=data.get("title", ""),
            kicker=data.get("kicker", ""),
            subtitle=data.get("subtitle", ""),
            body=paragraphs_of(data.get("body") or ""),
            byline=data.get("byline", ""),
            photos=tuple(float(p.get("aspect") or 1.5) for p in photos),
            captions=tuple(p.get("caption", "") for p in photos),
            position=position,
            jump_page=data.get("jump_page", ""),
        )
    return result


def _geometry(layout: dict) -> PageGeometry:
    extra = layout.get("geometry") or {}
    return PageGeometry(
        width_mm=layout["width_mm"],
        height_mm=layout["height_mm"],
        columns=layout["columns"],
        gutter_mm=extra.get("gutter_mm"),  # none stored: the whole-character grid
        body_pt=extra.get("body_pt", PageGeometry.body_pt),
        leading=extra.get("leading", PageGeometry.leading),
    )


def _prepare(page: dict) -> dict:
    layout = page["layout"]
    geometry = _geometry(layout)
    order = [b["article"] for b in layout.get("blocks", [])]
    articles = layout_articles({int(k): v for k, v in page["articles"].items()}, order)
    masthead = page.get("masthead")
    masthead_mm = layout.get("masthead_mm") or (MASTHEAD_MM if masthead else 0.0)
    if not layout.get("typeset") or (masthead and not layout.get("masthead_mm")):
        # A layout estimated from character counts (or without room for the 报头): set it again from
        # the text, so that the proof shows every line the page will carry.
        layout = build_layout(list(articles.values()), geometry, masthead_mm=masthead_mm).to_dict()
    elements, overflow = [], []
    for block, composition in compose_page(layout, articles, geometry):
        article = page["articles"].get(block["article"]) or page["articles"].get(str(block["article"])) or {}
        photos = article.get("photos") or []
        elements.extend(_rules(block, layout, geometry))
        for el in composition.elements:
            elements.append(_element(el, block, geometry, photos))
        if composition.overflow_chars:
            overflow.append({"title": article.get("title", ""), "chars": composition.overflow_chars,
                             "jump": composition.jump})  # fmt: skip
    width, height = layout["width_mm"], layout["height_mm"]
    sheet = {
        "width": round(width + MARGIN_MM["left"] + MARGIN_MM["right"], 2),
        "height": round(height + MARGIN_MM["top"] + MARGIN_MM["bottom"], 2),
    }
    return {
        "title": page.get("title", ""),
        "header": page.get("header"),
        "masthead": masthead,
        "masthead_mm": layout.get("masthead_mm", 0.0),
        "masthead_width_mm": layout.get("masthead_width_mm") or layout["width_mm"],
        "width": width,
        "height": height,
        "elements": elements,
        "overflow": overflow,
        "sheet": sheet,
    }


def _rules(block: dict, layout: dict, geometry: PageGeometry) -> list[dict]:
    """Thin rules between articles: over a block that has one above it, left of one that has one beside it."""
    rules = []
    if block["y_mm"] > 0.5 and not block.get("lead"):  # the lead under the 报头 has the 报头's rule
        rules.append({"cls": "rule", "style": f"left:{block['x_mm']}mm;top:{block['y_mm']}mm;"
                      f"width:{block['width_mm']}mm;height:0.25mm"})  # fmt: skip
    if block["column"] > 0:
        x = round(block["x_mm"] - geometry.gutter_mm / 2, 2)
        rules.append({"cls": "rule", "style": f"left:{x}mm;top:{block['y_mm']}mm;width:0.25mm;"
                      f"height:{block['height_mm']}mm"})  # fmt: skip
    return rules


def _element(el, block: dict, geometry: PageGeometry, photos: list[dict]) -> dict:
    left, top = round(block["x_mm"] + el.x, 2), round(block["y_mm"] + el.y, 2)
    box = f"left:{left}mm;top:{top}mm;width:{round(el.w, 2)}mm;height:{round(el.h, 2)}mm"
    if el.kind == "photo":
        url = photos[el.photo].get("url") if el.photo < len(photos) else None
        return {"cls": "photo", "style": box, "url": url, "text": "" if url else "图位"}
    em = el.pt * PT_MM
    style = f"{box};line-height:{round(el.h, 3)}mm;font-size:{el.pt}pt"
    if el.kind in ("line", "caption"):
        text_width = el.w - el.indent_em * em
        natural = (el.natural_em - el.indent_em) * em
        gaps = max(1, len(el.text) - 1)
        if el.justify or natural > text_width:  # justified, or a squeezed mark compressed into the measure
            style += f";letter-spacing:{round((text_width - natural) / gaps, 4)}mm"
        if el.indent_em:
            style += f";padding-left:{round(el.indent_em * em, 3)}mm"
    return {"cls": el.kind, "style": style, "text": el.text}


@lru_cache(maxsize=4)
def _font(size: int):
    from PIL import ImageFont

    return ImageFont.truetype(SANS_FONTS[0], size, index=2)  # the SC face of the collection


def thumbnail_png(layout: dict, titles: dict[int, str], width: int = THUMBNAIL_WIDTH) -> bytes:
    """A small picture of the page: each block's box and the start of its headline."""
    from PIL import Image, ImageDraw

    require_cjk_fonts()
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
