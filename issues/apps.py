from django.apps import AppConfig


class IssuesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "issues"
    verbose_name = "报纸与版面"

    def ready(self):
        # The reading site keeps its rows and page cache current on content changes;
        # the tasks are registered by name for services.enqueue.
        from . import checks, tasks  # noqa: F401
        from .reading import receivers  # noqa: F401
