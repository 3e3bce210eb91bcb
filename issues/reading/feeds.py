"""RSS: the latest published articles, and one feed per section."""

import datetime
import zoneinfo
from html import escape

from django.conf import settings
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

    # RSS readers render a title and description as HTML: both go out as escaped text, so that
    # markup in an article (or its escaped form, unescaped by plain_text) is shown, never run.
    def item_title(self, item):
        return escape(item.title)

    def item_description(self, item):
        return escape(excerpt(plain_text(item.summary or item.body), 200))

    def item_pubdate(self, item):
        """The issue's date for an article printed in one (as the paper dates it), else its publication."""
        if item.print_date:
            day = (
                item.print_date
                if isinstance(item.print_date, datetime.date)
                else datetime.date.fromisoformat(item.print_date)
            )
            return datetime.datetime.combine(day, datetime.time(), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
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
