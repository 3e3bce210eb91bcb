"""Pages per second of reading page PDFs into parser text (and with the parse, and a 150 dpi render beside it).

.venv/bin/python bench/pdf.py [--seconds 3] [PAGE.pdf ...]

Without files it prints an invented broadsheet page with WeasyPrint first (the test suite's page).
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from issues.parsing import parse_page  # noqa: E402
from issues.pdfreader import read_pdf  # noqa: E402


def rate(label: str, work, pages_per_call: int, seconds: float) -> float:
    work()  # warm up
    pages, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        work()
        pages += pages_per_call
    print(f"{label}: {pages} pages in {elapsed:.2f} s = {pages / elapsed:.1f} pages/s on one core")
    return pages / elapsed


def render(data: bytes) -> None:
    document = pdfium.PdfDocument(data)
    try:
        for page in document:
            page.render(scale=150 / 72).to_pil().convert("RGB")
            page.close()
    finally:
        document.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    if args.files:
        files = [path.read_bytes() for path in args.files]
    else:
        from tests.issues.pdfreader.pages import Broadsheet, weasyprint_pdf

        files = [weasyprint_pdf(Broadsheet())]
    count = sum(len(read_pdf(data)) for data in files)
    chars = sum(len(page.text) for data in files for page in read_pdf(data))
    print(f"{len(files)} file(s), {count} page(s), {chars / count:.0f} characters of text a page")

    def read_all():
        for data in files:
            read_pdf(data)

    def read_and_parse():
        for data in files:
            for page in read_pdf(data):
                parse_page(page.text)

    def render_all():
        for data in files:
            render(data)

    read = rate("PDF -> text", read_all, count, args.seconds)
    rate("PDF -> text -> parsed page", read_and_parse, count, args.seconds)
    shown = rate("page image at 150 dpi", render_all, count, args.seconds)
    print(f"a 24-page issue: about {24 / read + 24 / shown:.1f} s to read and render on one worker")


if __name__ == "__main__":
    main()
