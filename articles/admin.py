from django import forms
from django.contrib import admin
from django_ckeditor_5.widgets import CKEditor5Widget

from newsroom.paginator import EstimatedCountPaginator

from . import services
from .models import Article, Byline, Photo, Reporter, Section


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Reporter)
class ReporterAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organisation", "slug", "user"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation", "slug"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    autocomplete_fields = ["reporter"]


class PhotoInline(admin.StackedInline):
    model = Photo
    extra = 0


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["kicker", "title", "subtitle", "rubric", "section", "byline", "dateline", "summary", "body", "source"]
        widgets = {"body": CKEditor5Widget(config_name="default")}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    list_display = ["title", "kicker", "section", "status", "source", "word_count", "byline", "updated_at"]
    list_filter = ["status", "source", "section"]
    search_fields = ["title", "kicker", "subtitle", "byline"]
    list_select_related = ["section"]
    readonly_fields = ["status", "published_at", "word_count", "version", "created_by", "created_at", "updated_at"]
    inlines = [BylineInline, PhotoInline]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["kicker", "title", "subtitle", "rubric", "section"]}),
        ("署名与电头", {"fields": ["byline", "dateline"]}),
        ("正文", {"fields": ["summary", "body"]}),
        ("状态", {"fields": [*readonly_fields, "source"]}),
    ]

    def save_model(self, request, obj, form, change):
        services.article_save(article=obj, by=request.user)
