from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "稿件"

    def ready(self):
        # Services hand work to tasks by name (articles.outbox.enqueue); every process that
        # enqueues, not only workers, must know the names.
        from . import tasks  # noqa: F401
