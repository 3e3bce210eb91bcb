from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("epaper/<str:date>/", views.epaper_issue, name="issue"),
    path("epaper/<str:date>/<str:code>/", views.epaper_page, name="page"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
]
