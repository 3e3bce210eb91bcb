"""Print: publications, issues (期), pages (版) and where each article stands on a page."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

from articles.models import Article


class Publication(models.Model):
    name = models.CharField("报纸名称", max_length=100, unique=True)
    code = models.SlugField("简称代码", max_length=30, unique=True)
    masthead = models.TextField("报头文字", blank=True, help_text="每行一条,如“中共株洲市委主管、主办”。")
    # Default page geometry: a 对开 broadsheet type area.
    type_width_mm = models.PositiveSmallIntegerField("版心宽(毫米)", default=350)
    type_height_mm = models.PositiveSmallIntegerField("版心高(毫米)", default=490)
    columns = models.PositiveSmallIntegerField("栏数", default=8)
    body_font_pt = models.DecimalField("正文字号(磅)", max_digits=4, decimal_places=1, default=9)
    requires_signoff = models.BooleanField(
        "出版前须签版", default=True, help_text="每一版须由值班总编依清样签版后,本期方可出版。"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "报纸"
        verbose_name_plural = "报纸"
        constraints = [
            models.CheckConstraint(condition=Q(columns__gte=1), name="publication_columns_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def masthead_lines(self) -> list[str]:
        return [line.strip() for line in self.masthead.splitlines() if line.strip()]


class IssueQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Issue.Status.PUBLISHED)


class Issue(models.Model):
    class Status(models.TextChoices):
        PLANNING = "planning", "策划中"
        PRODUCTION = "production", "制作中"
        PUBLISHED = "published", "已出版"

    publication = models.ForeignKey(Publication, verbose_name="报纸", on_delete=models.PROTECT, related_name="issues")
    date = models.DateField("出版日期")
    number = models.PositiveIntegerField("期号", null=True, blank=True, help_text="第N期")
    running_number = models.PositiveIntegerField("总期号", null=True, blank=True, help_text="总第N期")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.PLANNING)
    published_at = models.DateTimeField("出版时间", null=True, blank=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "publication"]
        verbose_name = "期"
        verbose_name_plural = "期"
        constraints = [
            models.UniqueConstraint(fields=["publication", "date"], name="issue_one_per_publication_date"),
            models.CheckConstraint(
                condition=Q(status="published", published_at__isnull=False)
                | (~Q(status="published") & Q(published_at__isnull=True)),
                name="issue_published_at_iff_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.publication} {self.date:%Y-%m-%d}"


class Page(models.Model):
    issue = models.ForeignKey(Issue, verbose_name="期", on_delete=models.CASCADE, related_name="pages")
    number = models.PositiveSmallIntegerField("版序")
    code = models.CharField("版号", max_length=10, help_text="如 A01")
    name = models.CharField("版名", max_length=50, blank=True, help_text="如 要闻、时政、产业")
    editor = models.CharField("责任编辑", max_length=50, blank=True)
    # Filled by the layout builder.
    layout = models.JSONField("版式", default=dict, blank=True)

    class Meta:
        ordering = ["issue", "number"]
        verbose_name = "版"
        verbose_name_plural = "版"
        constraints = [
            models.UniqueConstraint(fields=["issue", "code"], name="page_code_unique_in_issue"),
            models.UniqueConstraint(fields=["issue", "number"], name="page_number_unique_in_issue"),
            models.CheckConstraint(condition=~Q(code=""), name="page_code_not_empty"),
        ]

    def __str__(self) -> str:
        return f"第{self.code}版 {self.name}".strip()


class Placement(models.Model):
    """Where an article stands in print: its page and position (1 = lead)."""

    article = models.OneToOneField(Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="placement")
    page = models.ForeignKey(Page, verbose_name="版", on_delete=models.CASCADE, related_name="placements")
    position = models.PositiveSmallIntegerField("版面位置", default=1)
    # An editor's pin for the layout builder: the block's first column (1-based) and width in columns.
    pin_column = models.PositiveSmallIntegerField("固定起始栏", null=True, blank=True)
    pin_columns = models.PositiveSmallIntegerField("固定栏宽", null=True, blank=True)
    # The article's version when an import last wrote it; a newer version means an editor changed it.
    imported_version = models.PositiveIntegerField("导入时版本", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["page", "position"]
        verbose_name = "见报位置"
        verbose_name_plural = "见报位置"
        constraints = [
            models.UniqueConstraint(fields=["page", "position"], name="placement_position_unique_on_page"),
            models.CheckConstraint(condition=Q(position__gte=1), name="placement_position_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.page} #{self.position}"


class ImportJob(models.Model):
    """One page of raw text brought in: its input kept verbatim, what came of it, who and when."""

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "处理中"
        SUCCEEDED = "succeeded", "成功"
        FAILED = "failed", "失败"

    publication = models.ForeignKey(Publication, verbose_name="报纸", on_delete=models.PROTECT, related_name="+")
    issue_date = models.DateField("出版日期")
    page_code = models.CharField("版号", max_length=10)
    page_name = models.CharField("版名", max_length=50, blank=True)
    page = models.ForeignKey(
        Page, verbose_name="版", null=True, blank=True, on_delete=models.SET_NULL, related_name="import_jobs"
    )
    source_name = models.CharField("来源文件", max_length=255, blank=True)
    raw = models.BinaryField("原始字节")
    text = models.TextField("解码文本", blank=True)
    checksum = models.CharField("SHA-256", max_length=64, db_index=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField("进度(%)", default=0)
    warnings = models.JSONField("警告", default=list, blank=True)
    conflicts = models.JSONField("冲突", default=list, blank=True)
    # The editor's corrections to the parse (merge, split), in order, with who and when: applied
    # again to every run of this job (issues/parsing/corrections.py).
    corrections = models.JSONField("人工更正", default=list, blank=True)
    error = models.TextField("错误", blank=True)
    result = models.JSONField("解析结果", null=True, blank=True)
    articles = models.ManyToManyField(Article, verbose_name="生成的稿件", blank=True, related_name="import_jobs")
    created_count = models.PositiveIntegerField("新建稿件数", default=0)
    updated_count = models.PositiveIntegerField("更新稿件数", default=0)
    attempts = models.PositiveSmallIntegerField("执行次数", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提交人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "导入任务"
        verbose_name_plural = "导入任务"
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="import_job_progress_percent"),
            models.CheckConstraint(
                condition=~Q(status="failed") | ~Q(error=""), name="import_job_failure_has_a_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.publication} {self.issue_date:%Y-%m-%d} {self.page_code} #{self.pk}"


class PublishedArticle(models.Model):
    """What the article page shows of a published article (its text, section, bylines, photos,
    page in print and neighbours on the page), in one row: the page reads it with one
    index lookup instead of joining seven tables.

    Derived data: written by the reading site (issues/reading/rows.py) whenever a change
    to any of those tables commits (articles/changes.py announces it), never edited; an
    article leaving the public loses its row in the same transaction.
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="+")
    # JSON as text, not jsonb: the page reads it whole on every request, and PostgreSQL
    # would otherwise rebuild the text from jsonb each time.
    data = models.TextField("JSON")
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "读者稿件"
        verbose_name_plural = "读者稿件"

    def __str__(self) -> str:
        return str(self.article_id)


class PublishedPage(models.Model):
    """What the e-paper page shows of a published page (its areas, headlines, the issue's pages
    and the pages either side), in one row, links and labels resolved: the site's front page
    reads it with one index lookup and renders it without further work.

    Derived data, like PublishedArticle: written by issues/reading/rows.py when a change to the
    page, its issue or its articles commits; a page with no published article has no row.
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, primary_key=True, related_name="+")
    date = models.DateField("日期")
    code = models.CharField("版次", max_length=10)
    number = models.PositiveSmallIntegerField("版序")
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="+")
    data = models.TextField("JSON")
    refreshed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "读者版面"
        verbose_name_plural = "读者版面"
        indexes = [models.Index(fields=["date", "code", "publication"], name="published_page_by_url")]

    def __str__(self) -> str:
        return f"{self.date} {self.code}"


class PageSignoff(models.Model):
    """签版: the duty chief editor signs a page from its proof. The row names the proof by a hash of
    everything the proof shows (layout, texts, 报眉, 报头); a change to the page clears the
    signature (cleared_at, with who and why) and the row stays as the record."""

    page = models.ForeignKey(Page, verbose_name="版", on_delete=models.CASCADE, related_name="signoffs")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="签版人", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("签版时间", auto_now_add=True)
    proof_sha256 = models.CharField("清样指纹", max_length=64)
    cleared_at = models.DateTimeField("失效时间", null=True, blank=True)
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="改动人", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    cleared_reason = models.CharField("失效原因", max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "签版记录"
        verbose_name_plural = "签版记录"
        constraints = [
            # At most one standing signature a page.
            models.UniqueConstraint(fields=["page"], condition=Q(cleared_at__isnull=True), name="one_signoff_a_page"),
        ]

    def __str__(self) -> str:
        return f"{self.page} {self.at:%Y-%m-%d %H:%M}"


# -- the read API's partners (issues/reading/api/) -----------------------------------


class ApiKey(models.Model):
    """A partner's key to the read API (/api/v1/): requests that carry it are not rate limited.

    Only the key's SHA-256 is kept; the key itself is shown once, when the admin creates it.
    """

    partner = models.CharField("合作方", max_length=100)
    prefix = models.CharField("密钥开头", max_length=12, editable=False, help_text="用于辨认，不是完整密钥")
    digest = models.CharField("密钥摘要", max_length=64, unique=True, editable=False)
    is_active = models.BooleanField("启用", default=True)
    note = models.TextField("备注", blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        ordering = ["partner", "id"]
        verbose_name = "API 密钥"
        verbose_name_plural = "API 密钥"

    def __str__(self) -> str:
        return f"{self.partner}（{self.prefix}…）"

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    def new_key(self) -> str:
        """Give this row a fresh key (it replaces any earlier one once saved) and return it."""
        key = "nr_" + secrets.token_urlsafe(30)
        self.prefix, self.digest = key[:10], self.digest_of(key)
        return key
