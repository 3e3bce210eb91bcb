from django.urls import path

from . import feeds, views

desk_urlpatterns = [
    path("", views.desk_home, name="home"),
    path("new/", views.desk_new, name="new"),
    path("<int:pk>/", views.desk_detail, name="detail"),
    path("<int:pk>/edit/", views.desk_edit, name="edit"),
    path("<int:pk>/photo/", views.desk_photo, name="photo"),
    path("<int:pk>/submit/", views.desk_submit, name="submit"),
]

site_urlpatterns = [
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("reporters/<slug:slug>/", views.reporter_detail, name="reporter"),
    path("search/", views.search_view, name="search"),
    path("feeds/latest/", feeds.LatestFeed(), name="feed"),
    path("feeds/sections/<slug:slug>/", feeds.SectionFeed(), name="section_feed"),
]
