"""Layouts: a page laid out by issues/layout from its articles, its thumbnail drawn, both stored."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from articles import services as article_services
from articles.changes import announce_change
from issues import selectors
from issues.layout import build_layout
from issues.models import Page
from issues.proofs import thumbnail_png


def page_layout_build(*, page_id: int) -> dict:
    """Lay the page out from its articles, draw its thumbnail, and store both on the page.

    Safe to run twice: the same articles give the same layout.
    """
    page = Page.objects.select_related("issue__publication").get(pk=page_id)
    articles, geometry, titles = selectors.layout_input(page=page)
    layout = build_layout(articles, geometry).to_dict()
    name = f"layouts/{page.issue.date:%Y/%m%d}/{page.code}-{page.pk}.png"
    if default_storage.exists(name):
        default_storage.delete(name)
    layout["thumbnail"] = default_storage.url(default_storage.save(name, ContentFile(thumbnail_png(layout, titles))))
    with transaction.atomic():
        Page.objects.filter(pk=page.pk).update(layout=layout)
        announce_change(pages=[page.pk])
    return layout


def page_layout_schedule(*, page_id: int) -> None:
    """Lay the page out again once the current transaction commits."""
    article_services.enqueue("issues.tasks.build_page_layout", page_id)
