"""The import jobs in the admin: upload, the job's page (what the parser made, repaired and could
not place), retry, and the editor's corrections beside the raw text. Registered from admin.py."""

from django.contrib import admin, messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.paginator import EstimatedCountPaginator

from .forms import PageUploadForm
from .models import ImportJob
from .parsing.corrections import Correction, CorrectionError
from .services import imports, inbox


def _correction_label(correction: dict) -> str:
    n, k, to = correction.get("article", 0) + 1, correction.get("paragraph", 0) + 1, correction.get("to", 0) + 1
    return {
        "merge": f"第 {n} 篇并入上一篇",
        "split": f"第 {n} 篇自第 {k} 段起拆为新稿",
        "move": f"第 {n} 篇第 {k} 段移入第 {to} 篇",
        "move_caption": f"第 {n} 篇第 {k} 条图片说明移入第 {to} 篇",
        "furniture": f"第 {n} 篇第 {k} 段标为版面杂项",
    }.get(correction.get("kind"), str(correction.get("kind")))


# What the parser changed beyond joining lines, as the desk reads it (issues/parsing: Repair.kind).
REPAIR_LABELS = {
    "duplicate-at-break": "删去分栏处重复的字",
    "jump-marker": "转版标记",
    "end-marker": "稿件结束标记",
    "byte-order-mark": "删去文件开头的字节顺序标记",
    "resumed-after-story": "被其他稿件隔开的后文已接回原稿",
    "full-width-punctuation": "半角标点改为全角",
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
        "repair_list", "corrections_link",
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
            (
                r.get("line", ""),
                REPAIR_LABELS.get(r.get("kind"), r.get("kind")),
                r.get("dropped") or r.get("changed") or "",
            )
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

    @admin.display(description="人工更正")
    def corrections_link(self, obj):
        if not obj.pk or not obj.result:
            return "—"
        done = "".join(f"{c.get('at', '')[:16]} {c.get('by', '')}:{_correction_label(c)};" for c in obj.corrections)
        link = reverse("admin:issues_importjob_corrections", args=[obj.pk])
        return format_html('{}<a href="{}">对照原文合并或拆分稿件</a>', done, link)

    def get_urls(self):
        view = self.admin_site.admin_view(self.corrections_view)
        return [path("<int:pk>/corrections/", view, name="issues_importjob_corrections"), *super().get_urls()]

    def corrections_view(self, request, pk):
        """The raw text beside the articles the parser made, with merge and split: the editor fixes
        what the parser got wrong; the corrections are kept with the job and applied on every run."""
        job = get_object_or_404(ImportJob, pk=pk)
        if request.method == "POST" and self.has_view_permission(request, job):
            kind = request.POST.get("kind", "")
            try:
                article = int(request.POST.get("article", "0")) - 1
                paragraph = int(request.POST.get("paragraph", "0") or 0) - 1
                to = int(request.POST.get("to", "0") or 0) - 1
                correction = Correction(
                    kind=kind, article=article, paragraph=max(paragraph, 0), to=max(to, 0),
                    title_from_first_line=bool(request.POST.get("title_from_first_line")),
                )  # fmt: skip
                imports.import_job_correct(job=job, correction=correction, by=request.user)
            except (ValueError, CorrectionError) as exc:
                self.message_user(request, f"未能更正:{exc}", messages.ERROR)
            else:
                self.message_user(request, f"已更正:{_correction_label(correction.to_dict())};本版正在重新导入。")
            return redirect("admin:issues_importjob_corrections", pk=pk)
        articles = (job.result or {}).get("articles") or []
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": job,
            "title": f"人工更正:{job}",
            "job": job,
            "articles": articles,
        }
        return TemplateResponse(request, "admin/issues/importjob/corrections.html", context)

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


# -- the read API's partners ------------------------------------------------------------
