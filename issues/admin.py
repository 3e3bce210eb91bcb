from django.contrib import admin, messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html

from articles.admin import ArticleAdmin, ReaderVisibleAdmin
from articles.changes import announce_change
from articles.models import Article
from articles.paginator import EstimatedCountPaginator
from articles.workflow import WorkflowError

from . import (
    import_admin,  # noqa: F401 (registers ImportJobAdmin)
    selectors,
    tasks,
)
from .models import ApiKey, Issue, Page, Placement, Publication
from .proofs import MissingFonts, proof_pdf
from .services import layouts, papers, signoff


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
    readonly_fields = ["thumbnail", "layout_metrics", "proof_link", "signature"]
    exclude = ["layout"]
    inlines = [PlacementInline]
    actions = ["lay_out", "sign"]

    @admin.display(description="签版")
    def signature(self, obj):
        current = obj.signoffs.filter(cleared_at__isnull=True).select_related("by").first() if obj.pk else None
        if current is None:
            last = obj.signoffs.exclude(cleared_at=None).first() if obj.pk else None
            if last is not None:
                return f"未签版(上次签版已于 {last.cleared_at:%m-%d %H:%M} 因“{last.cleared_reason}”失效)"
            return "未签版"
        who = current.by.get_full_name() or current.by.get_username()
        return f"{who} 于 {current.at:%Y-%m-%d %H:%M} 签版(清样指纹 {current.proof_sha256[:12]})"

    @admin.action(description="签版(依当前清样)")
    def sign(self, request, queryset):
        for page in queryset.select_related("issue__publication"):
            try:
                signoff.page_sign(page=page, by=request.user)
            except WorkflowError as exc:
                self.message_user(request, f"{page}:{exc}", messages.ERROR)
                return
            self.message_user(request, f"{page.issue} {page}:已签版。", messages.SUCCESS)

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
        if form.has_changed() or any(formset.has_changed() for formset in formsets):
            signoff.pages_unsign(page_ids=[form.instance.pk], by=request.user, reason="版面改动")
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

    def save_model(self, request, obj, form, change):
        before = Placement.objects.filter(pk=obj.pk).values_list("page_id", flat=True).first()
        super().save_model(request, obj, form, change)
        signoff.pages_unsign(page_ids=[p for p in (before, obj.page_id) if p], by=request.user, reason="版面位置改动")

    def delete_model(self, request, obj):
        signoff.pages_unsign(page_ids=[obj.page_id], by=request.user, reason="稿件撤下版面")
        super().delete_model(request, obj)


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
        before = list(Placement.objects.filter(article=form.instance).values_list("page_id", flat=True))
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):  # moved, or taken off a page
            after = Placement.objects.filter(article=form.instance).values_list("page_id", flat=True)
            signoff.pages_unsign(page_ids=[*before, *after], by=request.user, reason="版面位置改动")
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


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ["partner", "prefix", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["partner", "prefix"]
    readonly_fields = ["prefix", "created_at"]
    actions = ["renew_keys"]

    def save_model(self, request, obj, form, change):
        key = None if change else obj.new_key()
        super().save_model(request, obj, form, change)
        if key:
            self._show_key(request, obj, key)

    @admin.action(description="重新生成所选合作方的密钥（旧密钥立即失效）")
    def renew_keys(self, request, queryset):
        for api_key in queryset:
            key = api_key.new_key()
            api_key.save(update_fields=["prefix", "digest"])
            self._show_key(request, api_key, key)

    def _show_key(self, request, obj, key):
        self.message_user(
            request, f"{obj.partner} 的 API 密钥：{key}（只显示这一次，请复制后交给合作方）", messages.WARNING
        )
