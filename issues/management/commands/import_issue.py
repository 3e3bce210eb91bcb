"""Import page files, or issue folders (2025-06-04/A01-要闻.txt …), into the database now."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from issues.models import ImportJob, Publication
from issues.services import imports, inbox


class Command(BaseCommand):
    help = "导入版面文本:文件(需 --date 和 --page)或整期文件夹(2025-06-04/A01-要闻.txt)"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="版面文本文件,或以日期命名的整期文件夹")
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="出版日期 YYYY-MM-DD")
        parser.add_argument("--page", help="版号,如 A01(导入单个文件时必填)")
        parser.add_argument("--page-name", default="", help="版名,如 要闻")
        parser.add_argument("--publication", help="报纸代码(默认:第一家报纸)")

    def handle(self, *args, paths, date, page, page_name, publication, **options):
        pub = self._publication(publication)
        failed = 0
        for page_file in self._page_files([Path(p) for p in paths], date, page, page_name):
            job = imports.import_job_create(
                publication=pub,
                issue_date=page_file.issue_date,
                page_code=page_file.page_code,
                page_name=page_file.page_name,
                data=page_file.path.read_bytes(),
                source_name=str(page_file.path),
                enqueue=False,
            )
            job = imports.import_job_run(job_id=job.pk)
            if job.status == ImportJob.Status.SUCCEEDED:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{page_file.path}: 第{job.page_code}版 新建 {job.created_count} 篇,更新 {job.updated_count} 篇"
                        + (f",冲突 {len(job.conflicts)} 篇" if job.conflicts else "")
                        + (f",警告 {len(job.warnings)} 条" if job.warnings else "")
                    )
                )
            else:
                failed += 1
                self.stderr.write(self.style.ERROR(f"{page_file.path}: 导入失败(任务 #{job.pk}):{job.error}"))
        if failed:
            raise CommandError(f"{failed} 个文件导入失败")

    def _publication(self, code):
        queryset = Publication.objects.order_by("id")
        pub = queryset.filter(code=code).first() if code else queryset.first()
        if pub is None:
            raise CommandError("找不到报纸:先运行 manage.py load_sample 或在后台创建报纸")
        return pub

    def _page_files(self, paths, date, page, page_name):
        for path in paths:
            if path.is_dir():
                found = [
                    inbox.page_file_from_path(p) for p in sorted(path.iterdir()) if p.suffix.lower() in {".txt", ".pdf"}
                ]
                found = [f for f in found if f is not None]
                if not found:
                    raise CommandError(f"{path}: 文件夹名应为日期(YYYY-MM-DD),其中文件名如 A01-要闻.txt")
                yield from found
            elif path.is_file():
                page_file = inbox.page_file_from_path(path)
                if date and page:
                    yield inbox.PageFile(path, date, page.upper(), page_name)
                elif page_file:
                    yield page_file
                else:
                    raise CommandError(f"{path}: 请用 --date 和 --page 指明出版日期和版号")
            else:
                raise CommandError(f"{path}: 文件不存在")
