"""签版: the duty chief editor signs each page from its proof before the issue goes out; any change
to a signed page clears its signature, and an issue with an unsigned page cannot be published."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from articles import selectors as article_selectors
from articles import terms, workflow
from issues import selectors
from issues.models import Issue, Page, PageSignoff, Placement


class SignoffMissing(workflow.WorkflowError):
    """An issue with unsigned pages cannot be published."""


def proof_fingerprint(*, page: Page) -> str:
    """The SHA-256 of everything the page's proof shows: the same proof, the same fingerprint."""
    (proof,) = selectors.proof_pages(pages=[page])
    # Not what changes without the page changing: the thumbnail's address, the layout's timings.
    proof["layout"] = {k: v for k, v in proof["layout"].items() if k not in {"thumbnail", "metrics"}}
    return hashlib.sha256(json.dumps(proof, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


@transaction.atomic
def page_sign(*, page: Page, by: AbstractBaseUser) -> PageSignoff:
    """Sign the page's current proof; only a chief editor (总编辑, 值班总编) may."""
    if not workflow.CHIEF_UP & article_selectors.user_roles(by):
        raise workflow.NotAllowed("只有值班总编(总编辑)可以签版")
    page = Page.objects.select_for_update().select_related("issue__publication").get(pk=page.pk)
    lists = terms.current_lists()
    for placement in page.placements.select_related("article"):
        blocking = [hit.text for hit in terms.check_article(placement.article, lists) if hit.blocking]
        if blocking:
            words = "、".join(dict.fromkeys(blocking))
            raise workflow.TermsBlocked(f"《{placement.article.title}》含禁用词({words}),本版不能签版")
    current = PageSignoff.objects.filter(page=page, cleared_at__isnull=True).first()
    fingerprint = proof_fingerprint(page=page)
    if current is not None and current.proof_sha256 == fingerprint:
        return current  # signed already, on this very proof
    if current is not None:
        _clear([current.pk], by=by, reason="重新签版")
    return PageSignoff.objects.create(page=page, by=by, proof_sha256=fingerprint)


def pages_unsign(*, page_ids: Iterable[int], by: AbstractBaseUser | None, reason: str) -> int:
    """Clear the standing signatures of these pages (something on them changed); the count."""
    ids = list(
        PageSignoff.objects.filter(page__in=list(page_ids), cleared_at__isnull=True).values_list("pk", flat=True)
    )
    return _clear(ids, by=by, reason=reason)


def pages_of_articles_unsign(*, article_ids: Iterable[int], by: AbstractBaseUser | None, reason: str) -> int:
    pages = Placement.objects.filter(article__in=list(article_ids)).values_list("page_id", flat=True)
    return pages_unsign(page_ids=pages, by=by, reason=reason)


def _clear(ids: list[int], *, by: AbstractBaseUser | None, reason: str) -> int:
    if not ids:
        return 0
    return PageSignoff.objects.filter(pk__in=ids).update(
        cleared_at=timezone.now(), cleared_by=by if by is not None and by.pk else None, cleared_reason=reason[:200]
    )


def unsigned_pages(*, issue: Issue) -> list[Page]:
    """The issue's pages that carry articles and have no standing signature, in order."""
    return list(
        issue.pages.filter(placements__isnull=False)
        .exclude(pk__in=PageSignoff.objects.filter(cleared_at__isnull=True).values("page_id"))
        .distinct()
        .order_by("number")
    )


def check_signed(*, issue: Issue) -> None:
    """Raise SignoffMissing, naming the pages, if the paper requires 签版 and a page lacks it."""
    if not issue.publication.requires_signoff:
        return
    missing = unsigned_pages(issue=issue)
    if missing:
        names = "、".join(f"第{page.code}版" for page in missing)
        raise SignoffMissing(f"{names}尚未签版(或签版后又有改动),本期不能出版")
