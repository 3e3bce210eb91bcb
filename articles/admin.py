import logging
import time
from collections.abc import Iterable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.cache import cache
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django_ckeditor_5.widgets import CKEditor5Widget
from redis.exceptions import RedisError

from . import diffs, selectors, services, terms, workflow
from .changes import announce_change, announce_edit
from .models import Article, Byline, Photo, Reporter, Section, Term, Transition
from .paginator import EstimatedCountPaginator

PRESENCE_SECONDS = 300
logger = logging.getLogger(__name__)


class ReaderVisibleAdmin(admin.ModelAdmin):
    """An admin whose saves and deletes readers see: the articles each one shows are noted
    (articles/changes.py) before a change, where it was, and after it, where it is."""

    def articles_shown(self, obj) -> Iterable[int]:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        if change:
            announce_change(articles=self.articles_shown(type(obj).objects.get(pk=obj.pk)), site=True)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        announce_change(articles=self.articles_shown(form.instance), site=True)

    def delete_model(self, request, obj):
        announce_change(articles=self.articles_shown(obj), site=True)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        announce_change(articles=[pk for obj in queryset for pk in self.articles_shown(obj)], site=True)
        super().delete_queryset(request, queryset)


@admin.register(Section)
class SectionAdmin(ReaderVisibleAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def articles_shown(self, obj):
        return Article.objects.filter(section=obj).values_list("pk", flat=True)


@admin.register(Reporter)
class ReporterAdmin(ReaderVisibleAdmin):
    list_display = ["name", "kind", "organisation", "slug", "user"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation", "slug"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]

    def articles_shown(self, obj):
        return Article.objects.filter(bylines__reporter=obj).values_list("pk", flat=True)


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ["reporter"]


class PhotoInline(admin.StackedInline):
    model = Photo
    extra = 0


class ArticleForm(forms.ModelForm):
    # The version the editor started from; a save from an older one is an edit conflict.
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["based_on_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        based_on = data.get("based_on_version")
        if self.instance.pk and based_on is not None:
            current = Article.objects.get(pk=self.instance.pk)
            if current.version != based_on:
                diff = diffs.revision_diff_html(article=current, since_version=based_on)
                raise forms.ValidationError(
                    mark_safe(  # the diff is built from escaped text
                        f"保存失败:在您编辑期间,这篇稿件已被他人修改(现为第 {current.version} 版)。"
                        f"您的修改仍在下方表单中,请对照以下改动后重新打开稿件合并:{diff}"
                    )
                )
        return data

    class Meta:
        model = Article
        fields = ["kicker", "title", "subtitle", "rubric", "section", "byline", "dateline", "summary", "body", "source"]
        widgets = {"body": CKEditor5Widget(config_name="default")}


class WorkflowActionForm(ActionForm):
    note = forms.CharField(label="意见", required=False, widget=forms.TextInput(attrs={"size": 30}))
    when = forms.DateTimeField(
        label="定时", required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    override_terms = forms.BooleanField(label="放行禁用词(总编辑,须填意见)", required=False)


def _workflow_action(move: workflow.Move):
    def action(modeladmin, request, queryset):
        note = request.POST.get("note", "")
        when = WorkflowActionForm(request.POST).fields["when"].clean(request.POST.get("when") or None)
        done, refused = 0, []
        for article in queryset:
            try:
                services.article_transition(
                    article=article, move=move.name, by=request.user, note=note, when=when,
                    override_terms=bool(request.POST.get("override_terms")),
                )  # fmt: skip
                done += 1
            except workflow.WorkflowError as exc:
                refused.append(f"《{article.title}》:{exc}")
        if done:
            modeladmin.message_user(request, f"{move.label}:{done} 篇。", messages.SUCCESS)
        for reason in refused:
            modeladmin.message_user(request, reason, messages.ERROR)

    action.__name__ = f"move_{move.name}"
    return action, f"move_{move.name}", move.label


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    can_delete = False
    fields = ["at", "move_label", "from_status", "to_status", "by", "note"]
    readonly_fields = fields
    verbose_name_plural = "流转记录与审稿意见"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    action_form = WorkflowActionForm
    list_display = ["title", "kicker", "section", "status", "source", "word_count", "byline", "updated_at"]
    list_filter = ["status", "source", "section", ("bylines__reporter", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "kicker", "subtitle", "byline"]
    list_select_related = ["section"]
    readonly_fields = ["status", "published_at", "word_count", "version", "created_by", "created_at", "updated_at"]
    term_fields = ["term_check"]
    inlines = [BylineInline, PhotoInline, TransitionInline]
    paginator = EstimatedCountPaginator
    change_list_template = "admin/articles/article/change_list.html"
    change_form_template = "admin/articles/article/change_form.html"
    show_full_result_count = False
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["kicker", "title", "subtitle", "rubric", "section"]}),
        ("署名与电头", {"fields": ["byline", "dateline"]}),
        # based_on_version: the version this form was loaded at, so a stale save is refused.
        ("正文", {"fields": ["summary", "body", "based_on_version"]}),
        ("敏感词与规范表述", {"fields": ["term_check"]}),
        ("状态", {"fields": [*readonly_fields, "source"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "term_check"]

    @admin.display(description="检查结果")
    def term_check(self, obj):
        hits = terms.check_article(obj) if obj and obj.pk else []
        if not hits:
            return "未发现敏感词或不规范表述。"
        rows = ((("禁用" if h.blocking else "提示"), h.message, h.context) for h in hits)
        return format_html(
            "<ul class='term-hits'>{}</ul>", format_html_join("", "<li><strong>{}</strong> {}:…{}…</li>", rows)
        )

    def get_actions(self, request):
        actions = super().get_actions(request)
        for move in workflow.MOVES:
            func, name, label = _workflow_action(move)
            actions[name] = (func, name, label)
        return actions

    def get_queryset(self, request):
        # A draft belongs to its author until it is submitted: nobody else lists or opens it.
        queryset = super().get_queryset(request)
        return queryset.exclude(Q(status=workflow.DRAFT) & ~Q(created_by=request.user))

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        # The list unfiltered but for the drafts it hides is the whole table as far as its size goes.
        plain = not any(key not in {"o", "p"} for key in request.GET)
        return self.paginator(queryset, per_page, orphans, allow_empty_first_page, whole_table=plain)

    def has_change_permission(self, request, obj=None):
        """The text may be changed only by whoever may make the next review move on it; anyone
        else gets the article read-only, with the moves open to them."""
        if not super().has_change_permission(request, obj):
            return False
        if obj is None:
            return True
        roles, own = selectors.user_roles(request.user), selectors.is_own(obj, request.user)
        return workflow.may_edit(obj.status, roles=roles, own=own)

    def save_model(self, request, obj, form, change):
        services.article_save(article=obj, by=request.user, based_on=form.cleaned_data.get("based_on_version"))
        for hit in terms.check_article(obj):  # checked on every save; 终审 refuses a blocking word
            self.message_user(
                request, f"{hit.message}:…{hit.context}…", messages.ERROR if hit.blocking else messages.WARNING
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):
            announce_edit(articles=[form.instance.pk], by=request.user)  # its bylines and photos
        else:
            announce_change(articles=[form.instance.pk])

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "queues": selectors.queue_counts()}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        others = self._mark_open(object_id, request.user)
        if others and request.method == "GET":
            messages.warning(request, f"{'、'.join(others)} 也正在编辑这篇稿件,保存前请注意协调。")
        return super().change_view(request, object_id, form_url, extra_context)

    @staticmethod
    def _mark_open(object_id, user) -> list[str]:
        """Note that this user has the article open; return who else has (within five minutes).

        The notice is a courtesy kept in Redis: with Redis down or hung it is left out (after a
        short timeout), and the editor edits as usual; saving still refuses a conflicting edit.
        """
        key, now = f"article-open:{object_id}", time.time()
        try:
            viewers = {uid: v for uid, v in (cache.get(key) or {}).items() if now - v[1] < PRESENCE_SECONDS}
            viewers[user.pk] = (user.get_full_name() or user.get_username(), now)
            cache.set(key, viewers, PRESENCE_SECONDS)
        except (RedisError, OSError) as exc:
            logger.warning("presence notice left out, Redis unreachable: %s", exc)
            return []
        return [name for uid, (name, _) in viewers.items() if uid != user.pk]

    def get_urls(self):
        return [
            path(
                "<int:pk>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name="articles_article_revisions",
            ),
            *super().get_urls(),
        ]

    def revisions_view(self, request, pk):
        """Every revision with who and when, each against the one before, character by character."""
        article = get_object_or_404(Article, pk=pk)
        if not self.has_view_permission(request, article):
            return redirect("admin:index")
        if request.method == "POST" and self.has_change_permission(request, article):
            history_id = request.POST.get("history_id", "")
            if not history_id.isdigit() or not article.history.filter(history_id=history_id).exists():
                self.message_user(request, "没有这个修订版本,未作恢复。", messages.ERROR)
                return redirect("admin:articles_article_revisions", pk=pk)
            restored = services.article_restore(article=article, history_id=int(history_id), by=request.user)
            self.message_user(request, f"已恢复,现为第 {restored.version} 版。", messages.SUCCESS)
            return redirect("admin:articles_article_revisions", pk=pk)
        revisions = selectors.article_history(article=article)["revisions"]
        rows = []
        for newer, older in zip(revisions, [*revisions[1:], None], strict=True):
            changes = []
            if older is not None:
                for field in ("kicker", "title", "subtitle", "byline", "summary", "body"):
                    before, after = getattr(older, field), getattr(newer, field)
                    if before != after:
                        label = Article._meta.get_field(field).verbose_name
                        changes.append((label, mark_safe(diffs.char_diff_html(before, after))))
            rows.append({"revision": newer, "changes": changes})
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": f"修订记录:{article.title}",
            "rows": rows,
        }
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "standard", "note", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["text", "standard", "note"]
