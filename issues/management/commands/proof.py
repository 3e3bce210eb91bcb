"""Write the PDF proof (清样) of one page or a whole issue, as the admin serves it."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from issues import selectors
from issues.models import Issue
from issues.proofs import proof_pdf


class Command(BaseCommand):
    help = "输出一版或整期的 PDF 清样：manage.py proof 2025-06-04 [--page A01] --out 清样.pdf"

    def add_arguments(self, parser):
        parser.add_argument("date", help="出版日期，如 2025-06-04")
        parser.add_argument("--page", help="版号，如 A01；不给则输出整期")
        parser.add_argument("--publication", help="报纸名称（同一天有几份报纸时必填）")
        parser.add_argument("--out", required=True, help="PDF 文件")

    def handle(self, *args, date: str, page: str | None, publication: str | None, out: str, **options):
        try:
            day = datetime.date.fromisoformat(date)
        except ValueError as exc:
            raise CommandError(f"日期格式应为 YYYY-MM-DD：{date}") from exc
        issues = Issue.objects.filter(date=day).select_related("publication")
        if publication:
            issues = issues.filter(publication__name=publication)
        found = list(issues)
        if not found:
            raise CommandError(f"{day} 没有报纸出版")
        if len(found) > 1:
            names = "、".join(i.publication.name for i in found)
            raise CommandError(f"{day} 有几份报纸（{names}），请用 --publication 指定")
        issue = found[0]
        pages = list(issue.pages.order_by("number"))
        if page:
            pages = [p for p in pages if p.code.upper() == page.upper()]
            if not pages:
                raise CommandError(f"{issue} 没有第{page}版")
        if not pages:
            raise CommandError(f"{issue} 还没有版面")
        proof = selectors.proof_pages(pages=pages)
        Path(out).write_bytes(proof_pdf(proof))
        jumps = sum(len(item.get("layout", {}).get("overflow", [])) for item in proof)
        self.stdout.write(f"已输出 {len(pages)} 版清样：{out}" + (f"（{jumps} 篇需转版）" if jumps else ""))
