"""Write every reader row again, articles' and pages' (after a deploy that added them, or to heal)."""

import time

from django.core.management.base import BaseCommand

from issues.reading import rows


class Command(BaseCommand):
    help = "重建全部已发布稿件与版面的读者数据行(文章页与电子版读取用)"

    def handle(self, *args, **options):
        started = time.perf_counter()
        articles, issues = rows.rebuild()
        self.stdout.write(
            f"已重建 {articles} 篇稿件、{issues} 期报纸的读者数据行,用时 {time.perf_counter() - started:.1f} 秒"
        )
