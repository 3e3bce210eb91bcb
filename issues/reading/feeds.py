"""RSS: the latest published articles, and one feed per section."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse

from articles.models import Article, Section
from articles.text import excerpt, plain_text

from . import selectors

ITEMS = 30


class LatestFeed(Feed):
    title = "最新稿件"
    description = "最新发布的稿件"

    def link(self):
        return reverse("site:home")

    def items(self):
        return selectors.reader_list(Article.objects.all())[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return excerpt(item.summary or plain_text(item.body), 200)

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.byline_names or None


class SectionFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, obj):
        return f"{obj.name} · 最新稿件"

    def description(self, obj):
        return f"“{obj.name}”栏目最新发布的稿件"

    def link(self, obj):
        return reverse("site:section", args=[obj.slug])

    def items(self, obj):
        return selectors.reader_list(Article.objects.filter(section=obj))[:ITEMS]
