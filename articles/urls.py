"""The reporters' desk, under /desk/."""

from django.urls import path

from . import desk

urlpatterns = [
    path("", desk.desk_home, name="home"),
    path("new/", desk.desk_new, name="new"),
    path("<int:pk>/", desk.desk_detail, name="detail"),
    path("<int:pk>/edit/", desk.desk_edit, name="edit"),
    path("<int:pk>/photo/", desk.desk_photo, name="photo"),
    path("<int:pk>/submit/", desk.desk_submit, name="submit"),
]
