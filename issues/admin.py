from django.contrib import admin

from articles.admin import ArticleAdmin
from articles.models import Article
from newsroom.paginator import EstimatedCountPaginator

from .models import Issue, Page, Placement, Publication


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "columns", "type_width_mm", "type_height_mm"]
    search_fields = ["name", "code"]


class PageInline(admin.TabularInline):
    model = Page
    extra = 0
    fields = ["number", "code", "name", "editor"]
    show_change_link = True


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["date", "publication", "number", "running_number", "status", "published_at"]
    list_filter = ["status", "publication"]
    search_fields = ["publication__name"]
    date_hierarchy = "date"
    list_select_related = ["publication"]
    readonly_fields = ["status", "published_at"]
    inlines = [PageInline]


class PlacementInline(admin.TabularInline):
    model = Placement
    extra = 0
    autocomplete_fields = ["article"]


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "issue", "editor", "number"]
    list_filter = ["issue__publication", "issue__date"]
    search_fields = ["code", "name", "editor"]
    list_select_related = ["issue__publication"]
    readonly_fields = ["layout"]
    inlines = [PlacementInline]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["article", "page", "position"]
    list_select_related = ["article", "page__issue__publication"]
    autocomplete_fields = ["article", "page"]
    search_fields = ["article__title", "page__code"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False


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


admin.site.unregister(Article)
admin.site.register(Article, PrintArticleAdmin)
