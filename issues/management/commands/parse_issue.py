"""Parse one page of raw text and print it; writes nothing to the database."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from issues.parsing import ParseError, decode, explain_page, parse_bytes, parse_page
from issues.pdfreader import PdfReadError, is_pdf, read_pdf


class Command(BaseCommand):
    help = "解析一版原始文本并输出结果(--json 输出评分用的 JSON);不写入数据库"

    def add_arguments(self, parser):
        parser.add_argument("path", help="版面文本文件")
        parser.add_argument("--json", action="store_true", help="输出 JSON")
        parser.add_argument("--explain", action="store_true", help="说明每行的类型及判定规则、每处分稿判断的规则与得分")

    def handle(self, *args, path, json: bool, explain: bool = False, **options):
        try:
            pages, explanation = _parse(Path(path).read_bytes(), explain=explain)
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
            output = page.to_dict()
            if explanation is not None:
                output["explain"] = explanation
            sys.stdout.write(_dumps(output) + "\n")
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
        if explanation is not None:
            self._explain(explanation)
        for warning in page.warnings:
            self.stdout.write(self.style.WARNING(f"第 {warning.line} 行:{warning.message}"))
        if page.unassigned:
            self.stdout.write(self.style.WARNING(f"未归属文字 {len(page.unassigned)} 段"))

    def _explain(self, explanation: dict) -> None:
        self.stdout.write("分稿判断:")
        for decision in explanation["decisions"]:
            reading = "新稿件" if decision["reading"] == "new-story" else "稿内小标题"
            rules = "、".join(f"{r['rule']}({r['weight']:+g})" for r in decision.get("rules", []))
            score = f" 得分 {decision['score']:+g}" if "score" in decision else ""
            where = f"第 {decision['line']} 行 {decision['text'][:20]}"
            self.stdout.write(f"  {where} → {reading} [{decision['by']}]{score} {rules}")
        self.stdout.write("逐行:")
        for line in explanation["lines"]:
            article = line["article"] or "—"
            self.stdout.write(f"  {line['line']:>4} 稿{article} {line['kind']:<9} {line['rule']:<22} {line['text']}")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def _parse(data: bytes, *, explain: bool = False) -> tuple[list, dict | None]:
    """A page of text, or a page PDF (told by its %PDF- header, whatever the file is called): one
    parsed page per 版, and the first page's explanation when asked for."""
    texts = [pdf_page.text for pdf_page in read_pdf(data)] if is_pdf(data) else None
    if explain:
        first, explanation = explain_page(texts[0] if texts else decode(data))
        rest = [parse_page(text) for text in texts[1:]] if texts else []
        return [first, *rest], explanation
    if texts is not None:
        return [parse_page(text) for text in texts], None
    return [parse_bytes(data)], None
