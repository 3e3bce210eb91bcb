"""Load 株洲日报 and its issue of 2025-06-04, the date of the sample page. Safe to run twice."""

import datetime

from django.core.management.base import BaseCommand

from issues import services

SAMPLE_DATE = datetime.date(2025, 6, 4)


class Command(BaseCommand):
    help = "创建示例报纸“株洲日报”及 2025-06-04 一期(可重复运行)"

    def handle(self, *args, **options):
        publication = services.publication_get_or_create(
            name="株洲日报", code="zzrb", masthead="中共株洲市委主管、主办\n株洲日报社出版"
        )
        issue = services.issue_get_or_create(publication=publication, date=SAMPLE_DATE)
        page = services.page_get_or_create(issue=issue, code="A01", name="要闻")
        self.stdout.write(self.style.SUCCESS(f"示例数据就绪:{issue} {page}"))
