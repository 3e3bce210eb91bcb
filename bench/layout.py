"""What the eye sees on the proof, measured from the rendered PDF itself, and the layout's speed.

For each page: the page is laid out (build_layout, with the articles' text), its PDF proof rendered
(issues.proofs.proof_pdf), and the PDF read back:

- ink: the type area cut into a grid of 2 mm × 2 mm cells; a cell holds ink when any pixel in it is
  darker than 235/255 in a 254 dpi rendering (pypdfium2), or when its centre lies inside the box a
  character of type occupies (pypdfium2's loose char box: the font's ascent to descent by the
  character's advance), so that a line of type counts as the one grey band the eye sees, its leading
  included. ink = inked cells / all cells of the type area. Text, rules, headlines and picture slots
  count; gutters, paragraph ends, white around headlines and any hole do not. The figure from dark
  pixels alone is printed beside it (a 2 mm cell can fall between two lines of 9-10 pt type).
  holes: cells of 10 mm × 10 mm in the type area without one dark pixel.
- text: the share of each article's characters found in the PDF's own text (pypdfium2), counted
  in runs of 8 characters; characters the layout reports as jumped (下转) count as present only in
  "text or jump".
- the page's shape: block widths used, and whether any article but the lead spans the full width.

Targets (issue 12): ink >= 0.85 on the sample page and the development pages, median >= 0.85 over
generated pages of 3-15 articles; 100% of the text (or a reported jump); on a page of five or more
articles no non-lead block across the full width and at least three block widths; layout p95 <= 50 ms
(measured as CPU time, time.process_time, since the machine is shared; wall time is printed beside it).

    .venv/bin/python bench/layout.py [--pages 40] [--dev 25] [--png DIR]
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

import pypdfium2 as pdfium  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from issues.layout import LayoutArticle, PageGeometry, build_layout  # noqa: E402
from issues.parsing import parse_bytes  # noqa: E402
from issues.proofs import MARGIN_MM, MASTHEAD_MM, proof_pdf  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "zhuzhou-daily-page-a01.txt"
DEV = Path("/work/shared/eval/dev/pages")  # measured in place; © 人民日报社, never copied
CELL_MM, HOLE_MM, DPI, WHITE = 2.0, 10.0, 254, 235
RUN = 8

# An invented pool of characters for generated text: common words of a city paper, no real sentences.
HANZI = (
    "市委政府会议工作发展建设推进项目企业产业创新服务群众社区农村城市经济科技教育文化卫生交通"
    "安全环境生态治理改革开放合作投资质量平台基层干部党员组织学习精神部署要求重点任务全面加快"
    "持续提升优化完善落实强化保障机制体系能力水平规模效益增长年度计划目标考核督查调研座谈活动"
    "志愿者居民学生老人家庭医院学校公园道路桥梁园区工厂车间设备技术人才资金市场消费就业收入"
)


def invented_text(rng: random.Random, chars: int) -> str:
    out, since = [], 0
    while len(out) < chars:
        roll = rng.random()
        if roll < 0.02:
            out.extend(f"{rng.randint(2, 2030)}年")
        elif roll < 0.03:
            out.extend(f"{rng.randint(1, 99)}.{rng.randint(1, 9)}%")
        elif roll < 0.035:
            out.extend("“" + "".join(rng.choice(HANZI) for _ in range(rng.randint(2, 6))) + "”")
        else:
            out.append(rng.choice(HANZI))
        since += 1
        if since > rng.randint(6, 16):
            out.append("，" if rng.random() < 0.7 else "、")
            since = 0
    return "".join(out[:chars]).rstrip("，、") + "。"


def invented_paragraphs(rng: random.Random, chars: int) -> tuple[str, ...]:
    paragraphs, left = [], chars
    while left > 0:
        size = min(left, max(40, int(rng.lognormvariate(5.0, 0.4))))
        paragraphs.append(invented_text(rng, size))
        left -= size
    return tuple(paragraphs)


# What a page's articles hold together: the 25 development pages (人民日报 broadsheets, 8 columns)
# carry 4,549-7,720 characters of body text, median 5,661 (counted by this script's dev_text_chars(),
# printed with the figures), beside their headlines and pictures (which the crawl did not keep). A desk
# picks a page's stories to about fill it, so a generated page draws its text from that range and
# adds up to three pictures (an assumption: the dev pages' text does not say how many they had).
PAGE_TEXT_CHARS = (4500, 7500)
MAX_PICTURES = 3


def generated_page(rng: random.Random) -> list[LayoutArticle]:
    """3-15 articles as an editor plans a page: 4,500-7,500 characters of text in all, shared out
    log-normally (a few long pieces, more short ones), 0-3 pictures on articles drawn at random,
    headlines of 8-26 characters, invented text."""
    count = rng.randint(3, 15)
    budget = rng.uniform(*PAGE_TEXT_CHARS)
    pictured = set(rng.sample(range(count), min(count, rng.randint(0, MAX_PICTURES))))
    weights = [rng.lognormvariate(0, 0.7) for _ in range(count)]
    articles = []
    for n, weight in enumerate(weights, start=1):
        chars = max(80, int(budget * weight / sum(weights)))
        photos = (rng.choice((1.5, 1.33, 0.75, 1.78)),) if n - 1 in pictured else ()
        articles.append(
            LayoutArticle(
                id=n,
                title=invented_text(rng, rng.randint(8, 26)).rstrip("。“"),
                body=invented_paragraphs(rng, chars),
                photos=photos,
                captions=tuple(invented_text(rng, rng.randint(20, 45)) for _ in photos),
                byline="本报记者 " + "".join(rng.choice(HANZI) for _ in range(2)) if rng.random() < 0.5 else "",
                position=n,
            )
        )
    return articles


def dev_text_chars(paths: list[Path]) -> list[int]:
    """Each development page's body characters, blanks left out (counted, never copied)."""
    return [sum(len("".join(p.split())) for a in parse_bytes(path.read_bytes()).articles for p in a.paragraphs)
            for path in paths]  # fmt: skip


def parsed_articles(path: Path) -> list[LayoutArticle]:
    page = parse_bytes(path.read_bytes())
    return [
        LayoutArticle(id=n, title=a.title, kicker=a.kicker, subtitle=a.subtitle, body=tuple(a.paragraphs),
                      photos=tuple(1.5 for _ in a.captions), captions=tuple(str(c) for c in a.captions), position=n)
        for n, a in enumerate(page.articles, start=1)
    ]  # fmt: skip


def proof_pages(layout, articles, *, masthead: bool, code: str) -> list[dict]:
    def photos(a):
        return [{"aspect": aspect, "caption": a.captions[i] if i < len(a.captions) else ""}
                for i, aspect in enumerate(a.photos)]  # fmt: skip

    page = {
        "title": f"第{code}版",
        "layout": layout.to_dict(),
        "articles": {
            a.id: {
                "title": a.title,
                "kicker": a.kicker,
                "subtitle": a.subtitle,
                "body": list(a.body),
                "byline": a.byline,
                "photos": photos(a),
            }
            for a in articles
        },
        "header": {"paper": "株洲日报", "date": "2025年6月4日 星期三", "code": code, "name": "要闻", "editor": "李编"},
    }
    if masthead:
        page["masthead"] = {"name": "株洲日报", "date": "2025年6月4日", "number": "12345", "total": "23456"}
    return [page]


def measure_pdf(pdf: bytes, layout, articles: list[LayoutArticle], png: Path | None = None) -> dict:
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    scale = DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    textpage = page.get_textpage()
    text = "".join(textpage.get_text_range().split())
    # The space each character of type occupies (its font's ascent to descent, its advance): a line of
    # type reads as one grey band, the leading between its glyphs included.
    type_mask = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(type_mask)
    page_height = page.get_height()
    for index in range(textpage.count_chars()):
        left_pt, bottom_pt, right_pt, top_pt = textpage.get_charbox(index, loose=True)
        if right_pt > left_pt and top_pt > bottom_pt:
            draw.rectangle((left_pt * scale, (page_height - top_pt) * scale, right_pt * scale,
                            (page_height - bottom_pt) * scale), fill=255)  # fmt: skip
    textpage.close()
    page.close()
    document.close()
    px = DPI / 25.4
    left, top = MARGIN_MM["left"] * px, MARGIN_MM["top"] * px
    width, height = layout.width_mm, layout.height_mm
    dark = image.point(lambda v: 255 if v < WHITE else 0)

    def cells(mask: Image.Image, cell_mm: float, resample) -> list[bool]:
        cols, rows = int(width // cell_mm), int(height // cell_mm)
        box = (round(left), round(top), round(left + cols * cell_mm * px), round(top + rows * cell_mm * px))
        small = mask.crop(box).resize((cols, rows), resample=resample)
        values = small.get_flattened_data() if hasattr(small, "get_flattened_data") else small.getdata()
        return [v > 0 for v in values]

    pixels = cells(dark, CELL_MM, Image.Resampling.BOX)  # any dark pixel in the cell
    typed = cells(type_mask, CELL_MM, Image.Resampling.NEAREST)  # the cell's centre inside a character's box
    ink = sum(p or t for p, t in zip(pixels, typed, strict=True)) / len(pixels)
    strict = sum(pixels) / len(pixels)
    coarse = cells(dark, HOLE_MM, Image.Resampling.BOX)
    holes = sum(not c for c in coarse)
    # Runs are cut where the layout cut the story: what it set must be in the PDF, what it jumped
    # is counted as jumped (a run across the cut counts its two parts on their sides).
    cuts = {o["article"]: o["from_char"] for o in layout.overflow}
    found = total = jumped = 0
    for a in articles:
        offset, cut = 0, cuts.get(a.id)
        for paragraph in a.body:
            for i in range(0, len(paragraph), RUN):
                raw = paragraph[i : i + RUN]
                kept = raw if cut is None else raw[: max(0, cut - offset - i)]
                piece = "".join(kept.split())
                total += len("".join(raw.split()))
                jumped += len("".join(raw.split())) - len(piece)
                found += len(piece) if piece and piece in text else 0
            offset += len(paragraph)
    if png:
        image.save(png)
    lead = min(layout.blocks, key=lambda b: (b.y_mm, b.x_mm)) if layout.blocks else None
    full = [b for b in layout.blocks if b is not lead and b.columns == layout.columns]
    return {
        "ink": ink,
        "pixels": strict,
        "holes": holes,
        "text": found / total if total else 1.0,
        "text_or_jump": min(1.0, (found + jumped) / total) if total else 1.0,
        "jumped": jumped,
        "widths": len({b.columns for b in layout.blocks}),
        "full_width_nonlead": len(full),
        "articles": len(articles),
    }


def run(articles, *, masthead: bool, code: str, png: Path | None = None):
    geometry = PageGeometry()
    started = time.perf_counter()
    layout = build_layout(articles, geometry, masthead_mm=MASTHEAD_MM if masthead else 0.0)
    took = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    pdf = proof_pdf(proof_pages(layout, articles, masthead=masthead, code=code))
    rendered = time.perf_counter() - started
    figures = measure_pdf(pdf, layout, articles, png)
    return figures, took, rendered, layout


def show(name: str, f: dict, took: float, rendered: float) -> None:
    shape = f"widths {f['widths']}, full-width non-lead {f['full_width_nonlead']}"
    print(f"  {name}: ink {f['ink']:.3f} (dark pixels alone {f['pixels']:.3f}), empty 10 mm cells {f['holes']}, "
          f"text found {f['text']:.1%} "
          f"(with reported jumps {f['text_or_jump']:.1%}, jumped {f['jumped']} chars), {shape}; "
          f"layout {took:.1f} ms, proof {rendered:.2f} s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40, help="generated pages proofed and measured")
    parser.add_argument("--timing-pages", type=int, default=300, help="generated pages only laid out, for timing")
    parser.add_argument("--dev", type=int, default=25, help="development pages measured, if present")
    parser.add_argument("--png", type=Path, help="write each measured page's rendering here")
    args = parser.parse_args()
    if args.png:
        args.png.mkdir(parents=True, exist_ok=True)

    def png(name):
        return args.png / f"{name}.png" if args.png else None

    print(f"ink = share of the type area's {CELL_MM:g} mm cells holding a pixel darker than {WHITE}/255 at {DPI} dpi "
          f"or lying inside a character's box of type; text = share of each page's characters found in the PDF "
          f"text, in runs of {RUN}")  # fmt: skip
    proof_pdf(proof_pages(build_layout([]), [], masthead=False, code="A00"))  # warm: fonts load once
    print("sample page (株洲日报 A01, with its 报头):")
    f, took, rendered, _ = run(parsed_articles(SAMPLE), masthead=True, code="A01", png=png("sample-a01"))
    show("A01", f, took, rendered)

    dev = sorted(DEV.glob("*.txt"))[: args.dev] if DEV.exists() else []
    if dev:
        chars = dev_text_chars(dev)
        print(f"development pages: body text {min(chars):,}-{max(chars):,} characters a page, "
              f"median {statistics.median(chars):,.0f} (the generator draws {PAGE_TEXT_CHARS[0]:,}-"
              f"{PAGE_TEXT_CHARS[1]:,})")  # fmt: skip
        inks, texts = [], []
        for path in dev:
            f, took, rendered, _ = run(parsed_articles(path), masthead=False, code="A02", png=png(path.stem))
            show(path.stem, f, took, rendered)
            inks.append(f["ink"])
            texts.append(f["text_or_jump"])
        print(f"development pages ({len(dev)}): ink median {statistics.median(inks):.3f}, min {min(inks):.3f}; "
              f"pages >= 0.85: {sum(i >= 0.85 for i in inks)}/{len(inks)}; "
              f"text or jump min {min(texts):.1%}")  # fmt: skip

    rng = random.Random(2025)
    inks, texts, shape_fails, renders = [], [], 0, []
    for n in range(args.pages):
        articles = generated_page(rng)
        f, took, rendered, _ = run(
            articles, masthead=False, code="A03", png=png(f"generated-{n:03d}") if n < 6 else None
        )
        inks.append(f["ink"])
        texts.append(f["text_or_jump"])
        renders.append(rendered)
        if f["articles"] >= 5 and (f["widths"] < 3 or f["full_width_nonlead"]):
            shape_fails += 1
    inks.sort()
    if inks:
        print(f"{args.pages} generated pages of 3-15 articles: ink median {statistics.median(inks):.3f}, "
              f"p10 {inks[len(inks) // 10]:.3f}, min {inks[0]:.3f}; text or jump min {min(texts):.1%}; "
              f"pages of 5+ with < 3 widths or a full-width non-lead: {shape_fails}; "
              f"proof median {statistics.median(renders):.2f} s")  # fmt: skip

    rng = random.Random(7)
    times, cpu, jumped_pages = [], [], 0
    for _ in range(args.timing_pages):
        articles = generated_page(rng)
        started, started_cpu = time.perf_counter(), time.process_time()
        layout = build_layout(articles)
        cpu.append((time.process_time() - started_cpu) * 1000)
        times.append((time.perf_counter() - started) * 1000)
        assert layout.metrics["overlaps"] == 0 and layout.metrics["placed"] == len(articles)
        jumped_pages += bool(layout.overflow)
    if times:
        times.sort()
        cpu.sort()

        def p95(values):
            return values[max(0, int(len(values) * 0.95) - 1)]

        # CPU time is this process's own work; wall time also counts waiting for a core on a shared machine.
        print(f"layout time over {args.timing_pages} generated pages: CPU median {statistics.median(cpu):.1f} ms, "
              f"p95 {p95(cpu):.1f} ms, max {cpu[-1]:.1f} ms; wall median {statistics.median(times):.1f} ms, "
              f"p95 {p95(times):.1f} ms (target p95 <= 50 ms); pages with a jump {jumped_pages}")  # fmt: skip


if __name__ == "__main__":
    main()
