"""Print listens to content changes (articles/changes.py): an edited article's pages lose their
签版. Connected in IssuesConfig.ready()."""

from django.dispatch import receiver

from articles.changes import content_edited

from .services import signoff


@receiver(content_edited, dispatch_uid="print-unsign-edited")
def unsign_edited(sender, *, articles, by=None, **kwargs) -> None:
    signoff.pages_of_articles_unsign(article_ids=articles, by=by, reason="稿件修改")
