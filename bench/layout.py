"""Layout quality and speed (targets: the sample fills >= 95% with no overlaps, all placed;
generated pages of 3-15 articles: median fill >= 95%, <= 50 ms a page; a PDF proof <= 2 s).

    .venv/bin/python bench/layout.py [--pages 500]
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

from issues.layout import LayoutArticle, build_layout  # noqa: E402
from issues.parsing import parse_bytes  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "zhuzhou-daily-page-a01.txt"


def sample_articles() -> list[LayoutArticle]:
    page = parse_bytes(SAMPLE.read_bytes())
    return [
        LayoutArticle(id=n, title=a.title, kicker=a.kicker, subtitle=a.subtitle,
                      body_chars=sum(len(p) for p in a.paragraphs), paragraphs=len(a.paragraphs),
                      photos=tuple(1.5 for _ in a.captions), position=n)
        for n, a in enumerate(page.articles, start=1)
    ]  # fmt: skip


PAGE_CHARS = 5500  # the text of a full broadsheet page at 9 pt beside its headlines and photos (A01: 5,000)


def generated_page(rng: random.Random) -> list[LayoutArticle]:
    """3-15 articles as an editor plans a page: together 70-105% of what it holds, shared out
    log-normally (a few long pieces, more short ones), a photo on about a third of them,
    headlines of 8-26 characters."""
    count = rng.randint(3, 15)
    budget = PAGE_CHARS * rng.uniform(0.7, 1.05)
    weights = [rng.lognormvariate(0, 0.7) for _ in range(count)]
    articles = []
    for n, weight in enumerate(weights, start=1):
        chars = max(80, int(budget * weight / sum(weights)))
        photos = tuple(rng.choice((1.5, 1.33, 0.75, 1.78)) for _ in range(rng.random() < 0.33))
        articles.append(
            LayoutArticle(id=n, title="标" * rng.randint(8, 26), body_chars=chars,
                          paragraphs=max(1, chars // 160), photos=photos, position=n)
        )  # fmt: skip
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()

    sample = build_layout(sample_articles())
    m = sample.metrics
    print(f"layout: sample page: fill {m['fill']:.1%}, content density {m['content_density']:.1%}, "
          f"overlaps {m['overlaps']}, placed {m['placed']}/8, overflow {m['overflow_articles']}")  # fmt: skip

    rng = random.Random(2025)
    fills, densities, times, overflowing, jumped = [], [], [], 0, []
    for _ in range(args.pages):
        articles = generated_page(rng)
        started = time.perf_counter()
        layout = build_layout(articles)
        times.append((time.perf_counter() - started) * 1000)
        assert layout.metrics["overlaps"] == 0 and layout.metrics["placed"] == len(articles)
        fills.append(layout.metrics["fill"])
        densities.append(layout.metrics["content_density"])
        overflowing += bool(layout.overflow)
        jumped.append(sum(o["chars"] for o in layout.overflow) / sum(a.body_chars for a in articles))
    times.sort()
    print(f"  {args.pages} generated pages of 3-15 articles: median fill {statistics.median(fills):.1%}, "
          f"median content density {statistics.median(densities):.1%}, pages with a jump {overflowing} "
          f"(median share of text jumped {statistics.median(jumped):.1%}); "
          f"layout time median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * .95) - 1]:.1f} ms, "
          f"max {times[-1]:.1f} ms (target <= 50 ms)")  # fmt: skip
    _pdf_proof(sample)


def _pdf_proof(layout) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()
    from issues.proofs import proof_pdf

    articles = {a.id: a for a in sample_articles()}
    pages = [{"title": "第A01版 要闻", "layout": layout.to_dict(),
              "articles": {n: {"title": a.title, "kicker": a.kicker, "subtitle": a.subtitle,
                               "body": "正文" * (a.body_chars // 2)} for n, a in articles.items()}}]  # fmt: skip
    proof_pdf(pages)  # warm: fonts load once per process
    started = time.perf_counter()
    pdf = proof_pdf(pages)
    print(f"  PDF proof of the sample page: {time.perf_counter() - started:.2f} s, {len(pdf) / 1024:.0f} KiB "
          f"(target <= 2 s)")  # fmt: skip


if __name__ == "__main__":
    main()
