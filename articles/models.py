"""The content: sections, reporters, articles, their bylines and photos."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from . import workflow


class Section(models.Model):
    name = models.CharField("名称", max_length=50, unique=True)
    slug = models.SlugField("标识", max_length=60, unique=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "栏目"
        verbose_name_plural = "栏目"

    def __str__(self) -> str:
        return self.name


class Reporter(models.Model):
    class Kind(models.TextChoices):
        MEDIA = "media", "全媒体记者"
        REPORTER = "reporter", "记者"
        CORRESPONDENT = "correspondent", "通讯员"
        PHOTOGRAPHER = "photographer", "摄影记者"
        INTERN = "intern", "实习生"

    name = models.CharField("姓名", max_length=50)
    kind = models.CharField("类别", max_length=20, choices=Kind.choices, default=Kind.REPORTER)
    organisation = models.CharField("单位", max_length=100, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="登录账号",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reporter",
    )
    # Two people may share a name: the slug, not the name, tells them apart.
    slug = models.SlugField("标识", max_length=80, unique=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "记者"
        verbose_name_plural = "记者"
        indexes = [models.Index(fields=["name", "organisation"])]

    def __str__(self) -> str:
        return f"{self.name}({self.organisation})" if self.organisation else self.name


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def due_for_publishing(self, now):
        return self.filter(status=Article.Status.SCHEDULED, scheduled_at__lte=now)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = workflow.DRAFT, workflow.STATE_LABELS[workflow.DRAFT]
        SUBMITTED = workflow.SUBMITTED, workflow.STATE_LABELS[workflow.SUBMITTED]
        REVIEW2 = workflow.REVIEW2, workflow.STATE_LABELS[workflow.REVIEW2]
        REVIEW3 = workflow.REVIEW3, workflow.STATE_LABELS[workflow.REVIEW3]
        APPROVED = workflow.APPROVED, workflow.STATE_LABELS[workflow.APPROVED]
        SCHEDULED = workflow.SCHEDULED, workflow.STATE_LABELS[workflow.SCHEDULED]
        PUBLISHED = workflow.PUBLISHED, workflow.STATE_LABELS[workflow.PUBLISHED]
        RETURNED = workflow.RETURNED, workflow.STATE_LABELS[workflow.RETURNED]
        WITHDRAWN = workflow.WITHDRAWN, workflow.STATE_LABELS[workflow.WITHDRAWN]

    class Source(models.TextChoices):
        IMPORTED = "imported", "导入"
        SUBMITTED = "submitted", "记者投稿"
        ENTERED = "entered", "编辑录入"

    kicker = models.CharField("引题", max_length=200, blank=True)
    title = models.CharField("标题", max_length=200)
    subtitle = models.CharField("副题", max_length=200, blank=True)
    rubric = models.CharField("栏目标识", max_length=100, blank=True)
    dateline = models.CharField("电头", max_length=100, blank=True)
    byline = models.CharField("署名(原文)", max_length=300, blank=True)
    body = models.TextField("正文", blank=True)
    summary = models.TextField("摘要", blank=True)
    section = models.ForeignKey(
        Section, verbose_name="栏目", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    scheduled_at = models.DateTimeField("定时发布时间", null=True, blank=True)
    source = models.CharField("来源", max_length=20, choices=Source.choices, default=Source.ENTERED)
    word_count = models.PositiveIntegerField("字数", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    # Bumped on every save; a save carrying an older version is an edit conflict.
    version = models.PositiveIntegerField("版本", default=1)
    reporters = models.ManyToManyField(Reporter, through="Byline", related_name="articles", verbose_name="记者")

    objects = ArticleQuerySet.as_manager()
    # Every save keeps a revision with who and when (django-simple-history).
    history = HistoricalRecords(verbose_name="稿件修订", excluded_fields=["word_count"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "稿件"
        verbose_name_plural = "稿件"
        constraints = [
            models.CheckConstraint(
                condition=Q(status="published", published_at__isnull=False)
                | (~Q(status="published") & Q(published_at__isnull=True)),
                name="article_published_at_iff_published",
            ),
            models.CheckConstraint(
                condition=Q(status="scheduled", scheduled_at__isnull=False)
                | (~Q(status="scheduled") & Q(scheduled_at__isnull=True)),
                name="article_scheduled_at_iff_scheduled",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="article_version_positive"),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
        ]
        indexes = [models.Index(fields=["-published_at"], name="article_published_desc")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The public page (readers get a 404 until it is published)."""
        return reverse("site:article", args=[self.pk])

    @property
    def headline(self) -> str:
        return " ".join(part for part in (self.kicker, self.title, self.subtitle) if part)


class Byline(models.Model):
    class Role(models.TextChoices):
        REPORTER = "reporter", "记者"
        CORRESPONDENT = "correspondent", "通讯员"
        PHOTOGRAPHER = "photographer", "摄影"

    article = models.ForeignKey(Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="bylines")
    reporter = models.ForeignKey(Reporter, verbose_name="记者", on_delete=models.PROTECT, related_name="bylines")
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.REPORTER)
    order = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "署名"
        verbose_name_plural = "署名"
        constraints = [
            models.UniqueConstraint(fields=["article", "reporter", "role"], name="byline_unique_role"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.reporter.name}"


class Photo(models.Model):
    article = models.ForeignKey(Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="photos")
    # Blank for an imported caption whose picture has not been uploaded yet.
    image = models.ImageField("图片", upload_to="photos/%Y/%m/", blank=True)
    caption = models.TextField("图片说明", blank=True)
    credit = models.CharField("摄影/来源", max_length=100, blank=True)
    order = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "图片"
        verbose_name_plural = "图片"
        constraints = [
            models.CheckConstraint(condition=~Q(image="") | ~Q(caption=""), name="photo_image_or_caption"),
        ]

    def __str__(self) -> str:
        return self.caption[:30] or self.image.name


class Transition(models.Model):
    """The audit trail of the workflow: who moved an article from which state to which, when, and why."""

    article = models.ForeignKey(Article, verbose_name="稿件", on_delete=models.CASCADE, related_name="transitions")
    move = models.CharField("操作", max_length=30)
    from_status = models.CharField("原状态", max_length=20, choices=Article.Status.choices)
    to_status = models.CharField("新状态", max_length=20, choices=Article.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="为空表示系统(定时发布)",
    )
    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    note = models.TextField("意见", blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "流转记录"
        verbose_name_plural = "流转记录"

    def __str__(self) -> str:
        return f"{self.article}: {self.get_from_status_display()} → {self.get_to_status_display()}"

    @property
    def move_label(self) -> str:
        return workflow.move_label(self.move)


class SearchDocument(models.Model):
    """A published article's text, segmented into words for full-text search.

    On PostgreSQL `vector` holds to_tsvector('simple', text) under a GIN index (made by
    migration 0007 there only); on SQLite the text is searched with a plain contains.
    """

    article = models.OneToOneField(
        Article, verbose_name="稿件", on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    text = models.TextField("分词文本")
    vector = SearchVectorField(null=True, editable=False)
    published_at = models.DateTimeField("发布时间")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "检索文档"
        verbose_name_plural = "检索文档"
        # Newest first, served by the index: a common word stops after one page of matches.
        indexes = [models.Index(fields=["-published_at", "-article"], name="searchdoc_newest_first")]

    def __str__(self) -> str:
        return str(self.article_id)


class Term(models.Model):
    """A word the paper's lists name (敏感词与规范表述): kept by editors in the admin and checked in
    every article on save and at each review move (articles/terms.py)."""

    class Kind(models.TextChoices):
        BLOCK = "block", "禁用词(不得见报)"
        CORRECT = "correct", "规范表述(错误写法→标准写法)"
        TITLE = "title", "领导人姓名(须带职务)"

    kind = models.CharField("类别", max_length=10, choices=Kind.choices)
    text = models.CharField("词语", max_length=100, help_text="禁用词、错误写法,或领导人姓名")
    standard = models.CharField(
        "标准写法/职务", max_length=100, blank=True, help_text="规范表述的标准写法;领导人须带的职务"
    )
    note = models.CharField("说明", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "text"]
        verbose_name = "敏感词与规范表述"
        verbose_name_plural = "敏感词与规范表述"
        constraints = [
            models.UniqueConstraint(fields=["kind", "text"], name="term_unique_in_kind"),
            models.CheckConstraint(condition=~Q(text=""), name="term_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}:{self.text}"


class OutboxMessage(models.Model):
    """Work for Celery, written in the transaction that calls for it and sent after the commit.

    The database is the record of what must be done: a message the broker refused (Redis down)
    stays unsent and is sent again by `articles.tasks.send_outbox` (Celery beat, every minute)
    once the broker is back. Tasks are safe to run twice, so a message sent twice does no harm.
    """

    task = models.CharField("任务", max_length=200)
    args = models.JSONField("参数", default=list, blank=True)
    created_at = models.DateTimeField("写入时间", auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("发送次数", default=0)
    error = models.TextField("最近一次发送失败的原因", blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "待发任务"
        verbose_name_plural = "待发任务"
        indexes = [
            models.Index(fields=["id"], condition=Q(sent_at__isnull=True), name="outbox_unsent"),
            models.Index(fields=["task", "created_at"], name="outbox_task_created"),
        ]

    def __str__(self) -> str:
        return f"{self.task}{self.args}"
