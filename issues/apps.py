from django.apps import AppConfig


class IssuesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "issues"
    verbose_name = "报纸与版面"

    def ready(self):
        # Listeners to content changes: print (签版) and the reading site (rows, page cache);
        # the system checks; the tasks, registered by name for articles.outbox.enqueue.
        from . import checks, receivers, tasks  # noqa: F401
        from .reading import receivers as reading_receivers  # noqa: F401
