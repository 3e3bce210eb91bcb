from django.contrib import admin, messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.admin import ArticleAdmin, ReaderVisibleAdmin
from articles.changes import announce_change
from articles.models import Article
from articles.paginator import EstimatedCountPaginator
from articles.workflow import WorkflowError

from . import selectors, tasks
from .forms import PageUploadForm
from .models import ImportJob, Issue, Page, Placement, Publication
from .proofs import MissingFonts, proof_pdf
from .services import imports, inbox, layouts, papers


@admin.register(Publication)
class PublicationAdmin(ReaderVisibleAdmin):
    list_display = ["name", "code", "columns", "type_width_mm", "type_height_mm"]
    search_fields = ["name", "code"]

    def articles_shown(self, obj):
        return Placement.objects.filter(page__issue__publication=obj).values_list("article_id", flat=True)


class PageInline(admin.TabularInline):
    model = Page
    extra = 0
    fields = ["number", "code", "name", "editor"]
    show_change_link = True


@admin.register(Issue)
class IssueAdmin(ReaderVisibleAdmin):
    list_display = ["date", "publication", "number", "running_number", "status", "published_at"]
    list_filter = ["status", "publication"]
    search_fields = ["publication__name"]
    date_hierarchy = "date"
    list_select_related = ["publication"]
    readonly_fields = ["status", "published_at", "proof_link"]
    inlines = [PageInline]
    actions = ["publish", "lay_out"]

    def articles_shown(self, obj):
        return Placement.objects.filter(page__issue=obj).values_list("article_id", flat=True)

    @admin.display(description="校样")
    def proof_link(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">下载整期 PDF 校样</a>', reverse("admin:issues_issue_proof", args=[obj.pk]))

    @admin.action(description="重新排版本期各版")
    def lay_out(self, request, queryset):
        for issue in queryset:
            tasks.build_issue_layouts.delay(issue.pk)
        self.message_user(request, "已开始排版。", messages.SUCCESS)

    def get_urls(self):
        proof = self.admin_site.admin_view(self.proof_view)
        return [path("<int:pk>/proof.pdf", proof, name="issues_issue_proof"), *super().get_urls()]

    def proof_view(self, request, pk):
        issue = get_object_or_404(Issue, pk=pk)
        pages = list(issue.pages.order_by("number"))
        return _proof_response(self, request, pages, f"proof-{issue.date}.pdf")

    @admin.action(description="出版本期(发布其中已签发的稿件)")
    def publish(self, request, queryset):
        for issue in queryset:
            try:
                count = papers.issue_publish(issue=issue, by=request.user)
            except WorkflowError as exc:
                self.message_user(request, f"{issue}:未能出版,{exc}", messages.ERROR)
                continue
            self.message_user(request, f"{issue}:已出版,发布稿件 {count} 篇。", messages.SUCCESS)


class PlacementInline(admin.TabularInline):
    model = Placement
    extra = 0
    autocomplete_fields = ["article"]
    fields = ["article", "position", "pin_column", "pin_columns"]


@admin.register(Page)
class PageAdmin(ReaderVisibleAdmin):
    list_display = ["code", "name", "issue", "editor", "number"]
    list_filter = ["issue__publication", "issue__date"]
    search_fields = ["code", "name", "editor"]
    list_select_related = ["issue__publication"]
    readonly_fields = ["thumbnail", "layout_metrics", "proof_link"]
    exclude = ["layout"]
    inlines = [PlacementInline]
    actions = ["lay_out"]

    @admin.display(description="版面缩略图")
    def thumbnail(self, obj):
        url = (obj.layout or {}).get("thumbnail")
        return format_html('<img src="{}" alt="第{}版缩略图" width="240">', url, obj.code) if url else "尚未排版"

    @admin.display(description="排版指标")
    def layout_metrics(self, obj):
        metrics = (obj.layout or {}).get("metrics")
        if not metrics:
            return "尚未排版"
        jumps = len((obj.layout or {}).get("overflow", []))
        return format_html(
            "版面占用 {}%,内容密度 {}%,重叠 {},已排 {} 篇,需转版 {} 篇,排版用时 {} 毫秒",
            round(metrics["fill"] * 100, 1), round(metrics["content_density"] * 100, 1), metrics["overlaps"],
            metrics["placed"], jumps, metrics["milliseconds"],
        )  # fmt: skip

    @admin.display(description="校样")
    def proof_link(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">下载本版 PDF 校样</a>', reverse("admin:issues_page_proof", args=[obj.pk]))

    @admin.action(description="重新排版")
    def lay_out(self, request, queryset):
        for page in queryset:
            tasks.build_page_layout.delay(page.pk)
        self.message_user(request, "已开始排版。", messages.SUCCESS)

    def articles_shown(self, obj):
        return selectors.articles_on_pages(pages=[obj.pk])

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        layouts.page_layout_schedule(page_id=form.instance.pk)

    def get_urls(self):
        proof = self.admin_site.admin_view(self.proof_view)
        return [path("<int:pk>/proof.pdf", proof, name="issues_page_proof"), *super().get_urls()]

    def proof_view(self, request, pk):
        page = get_object_or_404(Page.objects.select_related("issue__publication"), pk=pk)
        return _proof_response(self, request, [page], f"proof-{page.issue.date}-{page.code}.pdf")


def _proof_response(admin_view, request, pages: list[Page], filename: str) -> HttpResponse:
    """The proof PDF of these pages; without CJK fonts, the editor is told why instead."""
    try:
        pdf = proof_pdf(selectors.proof_pages(pages=pages))
    except MissingFonts as exc:
        admin_view.message_user(request, str(exc), messages.ERROR)
        return redirect(request.META.get("HTTP_REFERER") or "admin:index")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@admin.register(Placement)
class PlacementAdmin(ReaderVisibleAdmin):
    list_display = ["article", "page", "position"]
    list_select_related = ["article", "page__issue__publication"]
    autocomplete_fields = ["article", "page"]
    search_fields = ["article__title", "page__code"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False

    def articles_shown(self, obj):
        return [obj.article_id, *selectors.articles_on_pages(pages=[obj.page_id])]


class ArticlePlacementInline(admin.TabularInline):
    model = Placement
    extra = 0
    max_num = 1
    autocomplete_fields = ["page"]
    verbose_name = "见报位置"


# Print placement belongs to `issues`; it joins the article form from here so
# that `articles` never imports `issues`.
class PrintArticleAdmin(ArticleAdmin):
    inlines = [*ArticleAdmin.inlines, ArticlePlacementInline]

    def save_related(self, request, form, formsets, change):
        announce_change(articles=self._neighbours(form.instance))  # where it stood before the change
        super().save_related(request, form, formsets, change)
        page_id = Placement.objects.filter(article=form.instance).values_list("page_id", flat=True).first()
        if page_id:
            layouts.page_layout_schedule(page_id=page_id)  # its page is laid out again

    def delete_model(self, request, obj):
        announce_change(articles=self._neighbours(obj))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        announce_change(articles=[pk for obj in queryset for pk in self._neighbours(obj)])
        super().delete_queryset(request, queryset)

    @staticmethod
    def _neighbours(article) -> list[int]:
        """The articles on this article's page (上一篇 / 下一篇 name it)."""
        return list(Placement.objects.filter(page__placements__article=article).values_list("article_id", flat=True))

    list_filter = [*ArticleAdmin.list_filter, "placement__page__issue__date", "placement__page__code"]


admin.site.unregister(Article)
admin.site.register(Article, PrintArticleAdmin)


# What the parser changed beyond joining lines, as the desk reads it (issues/parsing: Repair.kind).
REPAIR_LABELS = {
    "duplicate-at-break": "删去分栏处重复的字",
    "jump-marker": "转版标记",
    "end-marker": "稿件结束标记",
    "byte-order-mark": "删去文件开头的字节顺序标记",
    "resumed-after-story": "被其他稿件隔开的后文已接回原稿",
}


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["id", "issue_date", "page_code", "page_name", "status", "progress_bar", "created_by", "created_at"]
    list_filter = ["status", "publication", "issue_date"]
    search_fields = ["source_name", "page_code", "checksum"]
    list_select_related = ["created_by"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    actions = ["retry"]
    fields = [
        "publication", "issue_date", "page_code", "page_name", "page", "source_name", "checksum",
        "status", "progress_bar", "error", "warning_list", "conflict_list", "article_links", "unassigned_list",
        "repair_list",
        "created_count", "updated_count", "attempts", "created_by", "created_at", "started_at", "finished_at", "text",
    ]  # fmt: skip
    readonly_fields = fields

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="进度")
    def progress_bar(self, obj):
        return format_html(
            '<progress max="100" value="{}" title="{}%">{}%</progress>', obj.progress, obj.progress, obj.progress
        )

    @admin.display(description="警告")
    def warning_list(self, obj):
        if not obj.warnings:
            return "—"
        rows = ((w.get("line", ""), w.get("message", "")) for w in obj.warnings)
        return format_html("<ul>{}</ul>", format_html_join("", "<li>第 {} 行:{}</li>", rows))

    @admin.display(description="未归入稿件的文字")
    def unassigned_list(self, obj):
        texts = (obj.result or {}).get("unassigned") or []
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((t,) for t in texts))) if texts else "—"

    @admin.display(description="解析修复")
    def repair_list(self, obj):
        repairs = (obj.result or {}).get("repairs") or []
        if not repairs:
            return "—"
        rows = (
            (r.get("line", ""), REPAIR_LABELS.get(r.get("kind"), r.get("kind")), r.get("dropped") or "")
            for r in repairs
        )
        return format_html("<ul>{}</ul>", format_html_join("", "<li>第 {} 行:{} <code>{}</code></li>", rows))

    @admin.display(description="冲突")
    def conflict_list(self, obj):
        if not obj.conflicts:
            return "—"
        rows = (
            (reverse("admin:articles_article_change", args=[c["article"]]), c["title"], c["message"])
            for c in obj.conflicts
        )
        return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a>:{}</li>', rows))

    @admin.display(description="生成的稿件")
    def article_links(self, obj):
        articles = obj.articles.order_by("placement__position").only("id", "title")
        rows = ((reverse("admin:articles_article_change", args=[a.pk]), a.title) for a in articles)
        return (
            format_html("<ol>{}</ol>", format_html_join("", '<li><a href="{}">{}</a></li>', rows)) if articles else "—"
        )

    @admin.action(description="重新导入失败或卡住的任务")
    def retry(self, request, queryset):
        """Failed jobs are queued again; queued or running ones (a lost message, a killed worker) are
        sent to a worker again; each is counted by what was done to it, and nothing is claimed."""
        counts = {"requeued": 0, "resent": 0, "undecodable": 0, "succeeded": 0}
        for job in queryset.select_related(None).only("pk", "status"):
            before = job.status
            after = imports.import_job_retry(job=job).status
            if before == ImportJob.Status.SUCCEEDED:
                counts["succeeded"] += 1
            elif before == ImportJob.Status.FAILED:
                counts["requeued" if after == ImportJob.Status.QUEUED else "undecodable"] += 1
            else:
                counts["resent"] += 1
        said = {
            "requeued": "{} 个失败的任务已重新排队",
            "resent": "{} 个排队中或处理中的任务已重新交给后台处理(同一版面不会重复生成稿件)",
            "undecodable": "{} 个失败的任务仍无法解码,未重新排队",
            "succeeded": "{} 个已成功的任务未作处理",
        }
        parts = [text.format(counts[key]) for key, text in said.items() if counts[key]]
        level = messages.SUCCESS if counts["requeued"] or counts["resent"] else messages.WARNING
        self.message_user(request, ";".join(parts) + "。", level)

    def add_view(self, request, form_url="", extra_context=None):
        """Upload one or several page files, or pasted text; each becomes a queued job."""
        form = PageUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            jobs = self._create_jobs(request, form.cleaned_data)
            if jobs is not None:
                self.message_user(request, f"已提交 {len(jobs)} 个导入任务。", messages.SUCCESS)
                return redirect("admin:issues_importjob_changelist")
        context = {**self.admin_site.each_context(request), "form": form, "opts": self.model._meta, "title": "导入版面"}
        return TemplateResponse(request, "admin/issues/importjob/upload.html", context)

    def _create_jobs(self, request, data):
        common = {"publication": data["publication"], "issue_date": data["issue_date"], "by": request.user}
        pages = []
        for upload in data["files"]:
            code, name = data["page_code"], data["page_name"]
            if len(data["files"]) > 1 or not code:
                match = inbox.PAGE_FILE.match(upload.name)
                if not match:
                    self.message_user(request, f"{upload.name}:文件名应为 A01-要闻.txt 的形式。", messages.ERROR)
                    return None
                code, name = match.group("code"), (match.group("name") or "")
            pages.append((code, name, upload.read(), upload.name))
        if (data["text"] or "").strip():
            pages.append((data["page_code"], data["page_name"], data["text"].encode("utf-8"), "粘贴文本"))
        return [
            imports.import_job_create(page_code=code, page_name=name, data=raw, source_name=source, **common)
            for code, name, raw, source in pages
        ]
