"""The reading site's addresses (namespace `site`)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import feeds, views
from .cache import cached_page
from .sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("epaper/<str:date>/", views.epaper_issue, name="issue"),
    path("epaper/<str:date>/<str:code>/", views.epaper_page, name="page"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("reporters/<slug:slug>/", views.reporter_detail, name="reporter"),
    path("search/", views.search_view, name="search"),
    path("feeds/latest/", feeds.LatestFeed(), name="feed"),
    path("feeds/sections/<slug:slug>/", feeds.SectionFeed(), name="section_feed"),
    path("sitemap.xml", cached_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]
