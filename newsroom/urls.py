from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from articles.uploads import editor_image_upload
from articles.urls import urlpatterns as desk_urlpatterns
from issues.reading.api import api
from issues.reading.urls import urlpatterns as site_urlpatterns

from . import views

admin.site.site_header = "Newsroom 采编系统"
admin.site.site_title = "Newsroom"
admin.site.index_title = "采编管理"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("desk/", include((desk_urlpatterns, "desk"))),
    # The editor's image upload, with our size and pixel limits, ahead of CKEditor 5's own.
    path("ckeditor5/image_upload/", editor_image_upload, name="ck_editor_5_upload_file"),
    path("ckeditor5/", include("django_ckeditor_5.urls")),
    path("robots.txt", views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("readyz", views.readyz, name="readyz"),
    path("", include((site_urlpatterns, "site"))),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
