"""Parse one page of raw text and print it; writes nothing to the database."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from issues.parsing import ParseError, parse_bytes, parse_page
from issues.pdfreader import PdfReadError, is_pdf, read_pdf


class Command(BaseCommand):
    help = "解析一版原始文本并输出结果(--json 输出评分用的 JSON);不写入数据库"

    def add_arguments(self, parser):
        parser.add_argument("path", help="版面文本文件")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args, path, json: bool, **options):
        try:
            pages = _parse(Path(path).read_bytes())
        except OSError as exc:
            raise CommandError(f"无法读取文件 {path}: {exc.strerror}") from exc
        except (ParseError, PdfReadError) as exc:
            raise CommandError(str(exc)) from exc
        if len(pages) > 1 and json:
            sys.stdout.write(_dumps([page.to_dict() for page in pages]) + "\n")  # a PDF of several 版: one per page
            return
        if len(pages) > 1:
            self.stdout.write(f"PDF 共 {len(pages)} 版,下面是第 1 版;--json 输出每一版")
        page = pages[0]
        if json:
            sys.stdout.write(_dumps(page.to_dict()) + "\n")
            return
        self.stdout.write(f"报头/版面信息:{len(page.masthead)} 行")
        for n, article in enumerate(page.articles, start=1):
            names = "、".join(article.reporters + article.correspondents + article.photographers)
            flags = "".join(["(转下版)" if article.continues else "", "(接上版)" if article.continued_from else ""])
            self.stdout.write(f"{n}. [{article.section}] {article.headline}{flags}")
            self.stdout.write(f"   署名:{article.byline or '—'}  记者:{names or '—'}")
            self.stdout.write(
                f"   段落 {len(article.paragraphs)}  小标题 {len(article.subheads)}  图片说明 {len(article.captions)}"
            )
        for warning in page.warnings:
            self.stdout.write(self.style.WARNING(f"第 {warning.line} 行:{warning.message}"))
        if page.unassigned:
            self.stdout.write(self.style.WARNING(f"未归属文字 {len(page.unassigned)} 段"))


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _parse(data: bytes) -> list:
    """A page of text, or a page PDF (told by its %PDF- header, whatever the file is called): one parsed page per 版."""
    if is_pdf(data):
        return [parse_page(pdf_page.text) for pdf_page in read_pdf(data)]
    return [parse_bytes(data)]
