"""Layouts: a page laid out by issues/layout from its articles, its thumbnail drawn, both stored."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from articles import outbox
from articles.changes import announce_change
from issues import selectors
from issues.models import Page
from issues.proofs import MissingFonts, thumbnail_png

logger = logging.getLogger(__name__)


def page_layout_build(*, page_id: int) -> dict:
    """Lay the page out from its articles, draw its thumbnail, and store both on the page.

    Safe to run twice: the same articles give the same layout.
    """
    page = Page.objects.select_related("issue__publication").get(pk=page_id)
    layout, titles = selectors.page_layout(page=page)
    name = f"layouts/{page.issue.date:%Y/%m%d}/{page.code}-{page.pk}.png"
    if default_storage.exists(name):
        default_storage.delete(name)
    try:
        picture = thumbnail_png(layout, titles)
    except MissingFonts:
        logger.exception("page %s laid out without its thumbnail", page_id)  # manage.py check says why
        picture = None
    if picture is not None:
        layout["thumbnail"] = default_storage.url(default_storage.save(name, ContentFile(picture)))
    with transaction.atomic():
        Page.objects.filter(pk=page.pk).update(layout=layout)
        announce_change(pages=[page.pk])
    return layout


def page_layout_schedule(*, page_id: int) -> None:
    """Lay the page out again once the current transaction commits."""
    outbox.enqueue("issues.tasks.build_page_layout", page_id)
