"""Load 株洲日报 and its issue of 2025-06-04 with the sample page A01 要闻. Safe to run twice."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from articles import services as article_services
from articles import workflow
from articles.models import Article
from issues.models import ImportJob
from issues.services import imports, inbox, layouts, papers, signoff

SIGN_OFF = ("approve_first", "approve_second", "approve_final")

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample"


class Command(BaseCommand):
    help = "创建示例报纸“株洲日报”并导入 2025-06-04 第A01版(可重复运行)"

    def handle(self, *args, **options):
        publication = papers.publication_get_or_create(
            name="株洲日报", code="zzrb", masthead="中共株洲市委主管、主办\n株洲日报社出版"
        )
        for path in sorted(SAMPLE_DIR.glob("*/*.txt")):
            page_file = inbox.page_file_from_path(path)
            job = imports.import_job_create(
                publication=publication,
                issue_date=page_file.issue_date,
                page_code=page_file.page_code,
                page_name=page_file.page_name,
                data=path.read_bytes(),
                source_name=f"sample/{path.parent.name}/{path.name}",
                enqueue=False,
            )
            job = imports.import_job_run(job_id=job.pk)
            if job.status != ImportJob.Status.SUCCEEDED:
                self.stderr.write(self.style.ERROR(f"示例版面导入失败:{job.error}"))
                continue
            published = self._publish(job)
            self.stdout.write(
                self.style.SUCCESS(
                    f"示例数据就绪:{publication} {page_file.issue_date} 第{page_file.page_code}版 "
                    f"{job.articles.count()} 篇稿件(新建 {job.created_count},本次发布 {published})"
                )
            )

    def _publish(self, job: ImportJob) -> int:
        """Take the sample's articles through 三审 and publish the issue, so the site has a paper."""
        signer, _ = get_user_model().objects.get_or_create(
            username="sample-desk", defaults={"first_name": "示例数据", "is_active": False}
        )
        signer.groups.add(Group.objects.get(name=workflow.ROLE_GROUPS[workflow.CHIEF]))
        for article in Article.objects.filter(pk__in=job.articles.values("pk"), status=Article.Status.SUBMITTED):
            for move in SIGN_OFF:
                article_services.article_transition(article=article, move=move, by=signer, note="示例数据自动签发")
        layouts.page_layout_build(page_id=job.page_id)
        signoff.page_sign(page=job.page, by=signer)  # 签版, from the page's proof
        return papers.issue_publish(issue=job.page.issue, by=signer)  # lays its pages out again
