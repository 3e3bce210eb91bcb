"""sitemap.xml: published issues, their pages and published articles only."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article
from issues.models import Issue, Page


class ArticleSitemap(Sitemap):
    changefreq = "never"
    limit = 5000

    def items(self):
        return Article.objects.published().only("id", "updated_at").order_by("-published_at", "-id")

    def lastmod(self, item):
        return item.updated_at


class IssueSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Issue.objects.published().order_by("-date")

    def location(self, item):
        return reverse("site:issue", args=[item.date.isoformat()])

    def lastmod(self, item):
        return item.published_at


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return (
            Page.objects.filter(issue__status=Issue.Status.PUBLISHED)
            .select_related("issue")
            .order_by("-issue__date", "number")
        )

    def location(self, item):
        return reverse("site:page", args=[item.issue.date.isoformat(), item.code])


SITEMAPS = {"articles": ArticleSitemap, "issues": IssueSitemap, "pages": PageSitemap}
