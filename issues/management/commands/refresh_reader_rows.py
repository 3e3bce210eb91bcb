"""Write every published article's reader row again (after a deploy that added them, or to heal)."""

import time

from django.core.management.base import BaseCommand

from issues import services


class Command(BaseCommand):
    help = "重建全部已发布稿件的读者数据行(文章页读取用)"

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = services.published_articles_rebuild()
        self.stdout.write(f"已重建 {count} 篇稿件的读者数据行,用时 {time.perf_counter() - started:.1f} 秒")
