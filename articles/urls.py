from django.urls import path

from . import views

app_name = "desk"

urlpatterns = [
    path("", views.desk_home, name="home"),
    path("new/", views.desk_new, name="new"),
    path("<int:pk>/", views.desk_detail, name="detail"),
    path("<int:pk>/edit/", views.desk_edit, name="edit"),
    path("<int:pk>/photo/", views.desk_photo, name="photo"),
    path("<int:pk>/submit/", views.desk_submit, name="submit"),
]
