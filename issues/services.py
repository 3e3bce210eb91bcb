"""The write path for print: publications, issues, pages and page imports."""

from __future__ import annotations

import datetime
import hashlib
import logging
import re
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from articles import services as article_services
from articles.models import Article, Byline, Reporter, Section
from articles.search import plain_text
from newsroom.changes import readers_see_change

from . import selectors
from .importing import article_fields
from .layout import LayoutArticle, PageGeometry, build_layout
from .models import ImportJob, Issue, Page, Placement, Publication
from .parsing import ParsedArticle, ParseError, decode, parse_page
from .proofs import thumbnail_png

logger = logging.getLogger(__name__)

WIRE_AGENCIES = ("新华社", "中新社", "人民日报", "央视")
PAGE_FILE = re.compile(r"^(?P<code>[A-Za-z]{0,2}\d{1,3})(?:[-_ ](?P<name>[^.]+))?\.txt$")
INBOX_SETTLE_SECONDS = 10
# An import may rewrite an article only while it waits for 初审 (or was sent back).
IMPORT_MAY_UPDATE = {Article.Status.DRAFT, Article.Status.SUBMITTED, Article.Status.RETURNED}


@transaction.atomic
def publication_get_or_create(*, name: str, code: str, masthead: str = "") -> Publication:
    """The publication with this code, created with these values when new."""
    publication, _ = Publication.objects.get_or_create(code=code, defaults={"name": name, "masthead": masthead})
    return publication


@transaction.atomic
def issue_get_or_create(*, publication: Publication, date: datetime.date) -> Issue:
    """The publication's issue of that date, created in planning when new."""
    issue, _ = Issue.objects.get_or_create(publication=publication, date=date)
    return issue


@transaction.atomic
def page_get_or_create(*, issue: Issue, code: str, name: str = "") -> Page:
    """The issue's page with this code (A01), created after the last page when new.

    Safe under concurrent imports: a lost race for the code or the number is retried.
    """
    for _ in range(10):
        page = Page.objects.filter(issue=issue, code=code).first()
        if page is not None:
            break
        last = issue.pages.order_by("-number").values_list("number", flat=True).first() or 0
        try:
            with transaction.atomic():
                page = Page.objects.create(issue=issue, code=code, name=name, number=last + 1)
            break
        except IntegrityError:
            continue
    else:
        raise IntegrityError(f"could not create page {code} of {issue}")
    if name and page.name != name:
        page.name = name
        page.save(update_fields=["name"])
    return page


@transaction.atomic
def issue_publish(*, issue: Issue, by: AbstractBaseUser | None) -> int:
    """Publish an issue: its approved (or scheduled) articles through the workflow, then the issue.

    Safe to run twice: what is already published is left as it is.
    """
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    published = 0
    ready = Article.objects.filter(
        placement__page__issue=issue, status__in=[Article.Status.APPROVED, Article.Status.SCHEDULED]
    )
    for article in ready:
        article_services.article_transition(article=article, move="publish", by=by)
        published += 1
    if issue.status != Issue.Status.PUBLISHED:
        issue.status, issue.published_at = Issue.Status.PUBLISHED, timezone.now()
        issue.save(update_fields=["status", "published_at"])
        # Its articles' pages show where they stand in print once the issue is out.
        readers_see_change(articles=articles_on_pages(pages=issue.pages.values_list("pk", flat=True)), site=True)
    return published


# -- imports -------------------------------------------------------------------


@transaction.atomic
def import_job_create(
    *,
    publication: Publication,
    issue_date: datetime.date,
    page_code: str,
    data: bytes,
    page_name: str = "",
    source_name: str = "",
    by: AbstractBaseUser | None = None,
    enqueue: bool = True,
) -> ImportJob:
    """Record a page's bytes verbatim as a queued job and, on commit, hand it to a worker.

    Input that cannot be decoded still becomes a job: failed, with the reason and the bytes kept.
    """
    job = ImportJob(
        publication=publication,
        issue_date=issue_date,
        page_code=page_code.strip().upper(),
        page_name=page_name.strip(),
        source_name=source_name[:255],
        raw=data,
        checksum=hashlib.sha256(data).hexdigest(),
        created_by=by,
    )
    try:
        job.text = decode(data)
    except ParseError as exc:
        job.status, job.error, job.finished_at = ImportJob.Status.FAILED, str(exc), timezone.now()
    job.save()
    if enqueue and job.status == ImportJob.Status.QUEUED:
        from .tasks import run_import_job

        transaction.on_commit(lambda: run_import_job.delay(job.pk))
    return job


def import_job_run(*, job_id: int) -> ImportJob:
    """Parse the job's page and write its articles in one transaction; safe to run twice.

    A job that already succeeded is left alone; one whose worker died (still 'running')
    runs again and updates the same articles, so each article exists once.
    """
    runnable = [ImportJob.Status.QUEUED, ImportJob.Status.RUNNING]
    ImportJob.objects.filter(pk=job_id, status__in=runnable).update(
        status=ImportJob.Status.RUNNING, progress=10, started_at=timezone.now(), attempts=F("attempts") + 1
    )
    job = ImportJob.objects.select_related("publication").get(pk=job_id)
    if job.status != ImportJob.Status.RUNNING:
        return job  # done already, or failed and kept for a retry
    try:
        parsed = parse_page(job.text)
        # The issue and page are looked up (or made) first, in their own short
        # transactions, so that imports of different pages run side by side.
        page = (
            Page.objects.filter(issue__publication=job.publication, issue__date=job.issue_date, code=job.page_code)
            .select_related("issue")
            .first()
        )
        if page is None or (job.page_name and page.name != job.page_name):
            issue = issue_get_or_create(publication=job.publication, date=job.issue_date)
            page = page_get_or_create(issue=issue, code=job.page_code, name=job.page_name)
        with transaction.atomic():
            job = ImportJob.objects.select_related("publication").select_for_update(of=("self",)).get(pk=job_id)
            if job.status == ImportJob.Status.SUCCEEDED:
                return job  # a second delivery of the task finished it meanwhile
            outcome = _write_page(job=job, page=page, parsed_articles=list(parsed.articles))
            job.page = outcome.page
            job.result = parsed.to_dict()
            job.warnings = [w.to_dict() for w in parsed.warnings]
            job.conflicts = outcome.conflicts
            job.created_count, job.updated_count = outcome.created, outcome.updated
            job.status, job.progress, job.finished_at = ImportJob.Status.SUCCEEDED, 100, timezone.now()
            # Not the raw bytes and text again: they were stored on upload and never change.
            job.save(update_fields=[
                "page", "result", "warnings", "conflicts", "created_count", "updated_count",
                "status", "progress", "finished_at",
            ])  # fmt: skip
            # A job's articles are written once, on its only successful run: no diff needed.
            page_layout_schedule(page_id=page.pk)
            ImportJob.articles.through.objects.bulk_create(
                [ImportJob.articles.through(importjob=job, article=a) for a in outcome.articles], ignore_conflicts=True
            )
        return job
    except Exception as exc:
        logger.exception("import job %s failed", job_id)
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJob.Status.FAILED,
            error=f"导入失败,未写入任何稿件:{type(exc).__name__}: {exc}",
            finished_at=timezone.now(),
        )
        return ImportJob.objects.get(pk=job_id)


@transaction.atomic
def import_job_retry(*, job: ImportJob) -> ImportJob:
    """Queue a failed job again with the bytes it kept."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status != ImportJob.Status.FAILED:
        return job
    try:
        job.text = decode(bytes(job.raw))
    except ParseError as exc:
        job.error = str(exc)
        job.save(update_fields=["error"])
        return job
    job.status, job.error, job.progress, job.finished_at = ImportJob.Status.QUEUED, "", 0, None
    job.save(update_fields=["status", "error", "progress", "finished_at", "text"])
    from .tasks import run_import_job

    transaction.on_commit(lambda: run_import_job.delay(job.pk))
    return job


@dataclass
class _Outcome:
    page: Page
    articles: list[Article]
    conflicts: list[dict]
    created: int = 0
    updated: int = 0


def _write_page(*, job: ImportJob, page: Page, parsed_articles: list[ParsedArticle]) -> _Outcome:
    """Write a parsed page's articles in bulk: a fixed number of queries, whatever the article count."""
    # One import of a page at a time: the page row is the lock; its articles are locked too.
    Page.objects.select_for_update().filter(pk=page.pk).first()
    placements = {p.position: p for p in page.placements.select_related("article").select_for_update()}
    by_title = {p.article.title: p for p in placements.values()}
    sections = {s.name: s.pk for s in Section.objects.all()}
    outcome = _Outcome(page=page, articles=[], conflicts=[])

    creates: list[tuple[int, dict, ParsedArticle]] = []
    updates: list[tuple[Placement, dict, ParsedArticle]] = []
    for position, parsed in enumerate(parsed_articles, start=1):
        fields = article_services.article_clean_fields(
            {**article_fields(parsed), "section_id": sections.get(parsed.section)}
        )
        placement = by_title.get(fields["title"]) or placements.get(position)
        if placement is None:
            creates.append((position, fields, parsed))
            continue
        article = placement.article
        outcome.articles.append(article)
        if placement.imported_version is not None and article.version != placement.imported_version:
            outcome.conflicts.append(
                {"article": article.pk, "title": article.title, "message": "编辑已修改此稿件,本次导入未覆盖"}
            )
            continue
        if article.status not in IMPORT_MAY_UPDATE:
            outcome.conflicts.append(
                {"article": article.pk, "title": article.title, "message": "稿件已进入复审或已发布,本次导入未覆盖"}
            )
            continue
        changed = {k: v for k, v in fields.items() if getattr(article, k) != v}
        if changed:
            updates.append((placement, changed, parsed))

    new = article_services.articles_save_imported(
        creates=[fields for _, fields, _ in creates],
        updates=[(placement.article, changed) for placement, changed, _ in updates],
        created_by=job.created_by,
    )
    taken = set(placements)
    new_placements = []
    for article, (position, _, _) in zip(new, creates, strict=True):
        while position in taken:
            position += 1
        taken.add(position)
        new_placements.append(Placement(article=article, page=page, position=position, imported_version=1))
    Placement.objects.bulk_create(new_placements)
    for placement, _, _ in updates:
        placement.imported_version = placement.article.version
    Placement.objects.bulk_update([p for p, _, _ in updates], ["imported_version"])

    written = [(a, parsed) for a, (_, _, parsed) in zip(new, creates, strict=True)]
    written += [(p.article, parsed) for p, _, parsed in updates]
    _write_people(written=written, publication=job.publication)
    # Readers see nothing of this yet: an import writes only articles not yet published
    # (IMPORT_MAY_UPDATE), and an article's neighbours on the page are published ones.
    outcome.articles += new
    outcome.created, outcome.updated = len(new), len(updates)
    return outcome


def _write_people(*, written: list[tuple[Article, ParsedArticle]], publication: Publication) -> None:
    """Bylines (reporters matched by name and organisation, made when new) and captions."""
    roles = (
        ("reporters", Byline.Role.REPORTER, Reporter.Kind.REPORTER),
        ("correspondents", Byline.Role.CORRESPONDENT, Reporter.Kind.CORRESPONDENT),
        ("photographers", Byline.Role.PHOTOGRAPHER, Reporter.Kind.PHOTOGRAPHER),
    )
    wanted: list[tuple[Article, list[tuple[str, str, str, str]]]] = []
    for article, parsed in written:
        organisation = next((a for a in WIRE_AGENCIES if parsed.byline.startswith(a)), publication.name)
        wanted.append(
            (
                article,
                [(name, organisation, kind, role) for attr, role, kind in roles for name in getattr(parsed, attr)],
            )
        )
    reporters = article_services.reporters_get_or_create(
        people={(name, org, kind) for _, people in wanted for name, org, kind, _ in people}
    )
    article_services.articles_replace_bylines(
        bylines={article: [(reporters[(n, o)], role) for n, o, _, role in people] for article, people in wanted}
    )
    article_services.articles_replace_captions(
        captions={article: (list(parsed.captions), "、".join(parsed.photographers)) for article, parsed in written}
    )


# -- ways in: files, folders, the inbox ------------------------------------------


@dataclass(frozen=True)
class PageFile:
    path: Path
    issue_date: datetime.date
    page_code: str
    page_name: str


def page_file_from_path(path: Path) -> PageFile | None:
    """A page file inside an issue folder: 2025-06-04/A01-要闻.txt; None if the names don't say."""
    match = PAGE_FILE.match(path.name)
    try:
        issue_date = datetime.date.fromisoformat(path.parent.name)
    except ValueError:
        return None
    if not match:
        return None
    return PageFile(path, issue_date, match.group("code").upper(), (match.group("name") or "").strip())


def inbox_scan(*, inbox: Path, publication: Publication, by: AbstractBaseUser | None = None) -> list[ImportJob]:
    """Import each settled page file under inbox/<date>/ and move it to done/ or failed/ with its job id."""
    jobs: list[ImportJob] = []
    now = time.time()
    for path in sorted(inbox.glob("*/*")):
        if path.parent.name in {"done", "failed"} or not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix != ".txt" or now - path.stat().st_mtime < INBOX_SETTLE_SECONDS:
            continue  # not a page, or still being written
        page_file = page_file_from_path(path)
        if page_file is None:
            continue
        job = import_job_create(
            publication=publication,
            issue_date=page_file.issue_date,
            page_code=page_file.page_code,
            page_name=page_file.page_name,
            data=path.read_bytes(),
            source_name=str(path.relative_to(inbox)),
            by=by,
            enqueue=False,
        )
        job = import_job_run(job_id=job.pk)
        outcome = "done" if job.status == ImportJob.Status.SUCCEEDED else "failed"
        target = inbox / outcome / path.parent.name / f"{job.pk}-{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
        jobs.append(job)
    return jobs


# -- layouts ---------------------------------------------------------------------


def page_layout_build(*, page_id: int) -> dict:
    """Lay the page out from its articles, draw its thumbnail, and store both on the page.

    Safe to run twice: the same articles give the same layout.
    """
    page = Page.objects.select_related("issue__publication").get(pk=page_id)
    placements = list(
        page.placements.select_related("article").prefetch_related("article__photos").order_by("position")
    )
    publication = page.issue.publication
    geometry = PageGeometry(
        width_mm=publication.type_width_mm,
        height_mm=publication.type_height_mm,
        columns=publication.columns,
        body_pt=float(publication.body_font_pt),
    )
    articles = [
        LayoutArticle(
            id=p.article_id,
            title=p.article.title,
            kicker=p.article.kicker,
            subtitle=p.article.subtitle,
            body_chars=p.article.word_count,
            paragraphs=max(1, p.article.body.count("<p")),
            photos=tuple(_aspect(photo) for photo in p.article.photos.all()),
            position=p.position,
            pin_column=p.pin_column - 1 if p.pin_column else None,
            pin_columns=p.pin_columns,
        )
        for p in placements
    ]
    layout = build_layout(articles, geometry).to_dict()
    titles = {p.article_id: p.article.title for p in placements}
    name = f"layouts/{page.issue.date:%Y/%m%d}/{page.code}-{page.pk}.png"
    if default_storage.exists(name):
        default_storage.delete(name)
    layout["thumbnail"] = default_storage.url(default_storage.save(name, ContentFile(thumbnail_png(layout, titles))))
    with transaction.atomic():
        Page.objects.filter(pk=page.pk).update(layout=layout)
        readers_see_change(site=True)
    return layout


def _aspect(photo) -> float:
    """A photo's width / height; 3:2 until the picture itself is there."""
    try:
        if photo.image and photo.image.width and photo.image.height:
            return photo.image.width / photo.image.height
    except (OSError, ValueError):
        pass
    return 1.5


def page_layout_schedule(*, page_id: int) -> None:
    """Lay the page out again once the current transaction commits."""
    from .tasks import build_page_layout

    transaction.on_commit(lambda: build_page_layout.delay(page_id))


def proof_pages(*, pages: list[Page]) -> list[dict]:
    """What proofs.proof_pdf needs for these pages (laid out first where they are not yet)."""
    result = []
    for page in pages:
        layout = page.layout if page.layout.get("blocks") is not None else page_layout_build(page_id=page.pk)
        articles = {
            p.article_id: {
                "title": p.article.title,
                "kicker": p.article.kicker,
                "subtitle": p.article.subtitle,
                "body": plain_text(p.article.body),
            }
            for p in page.placements.select_related("article")
        }
        result.append({"title": f"{page.issue} 第{page.code}版 {page.name}", "layout": layout, "articles": articles})
    return result


# -- the readers' rows -------------------------------------------------------------

REFRESH_CHUNK = 500


@transaction.atomic
def published_articles_refresh(*, article_ids: Iterable[int]) -> bool:
    """Write again the reader rows of these articles and of their neighbours on the page;
    True if readers see a difference (a row written or removed).

    Called once a change commits (newsroom/changes.py). The rows are derived from the
    tables, so writing them again is always safe; an article no longer published
    loses its row.
    """
    ids = set(article_ids)
    if not ids:
        return False
    # 上一篇 / 下一篇 show the titles of the published articles either side on the page.
    # (In chunks, as below: PostgreSQL takes at most 65,535 parameters a query.)
    given = sorted(ids)
    for start in range(0, len(given), REFRESH_CHUNK):
        on_their_pages = Placement.objects.filter(page__placements__article__in=given[start : start + REFRESH_CHUNK])
        ids.update(on_their_pages.values_list("article_id", flat=True))
    changed = 0
    ordered = sorted(ids)
    with connection.cursor() as cursor:
        for start in range(0, len(ordered), REFRESH_CHUNK):
            chunk = ordered[start : start + REFRESH_CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            # Upserted, not deleted and inserted: two refreshes of one article may run at once.
            cursor.execute(
                "INSERT INTO issues_publishedarticle (article_id, data, refreshed_at) "
                + selectors.payload_sql(f"a.id IN ({marks})", also="CURRENT_TIMESTAMP")
                + " ON CONFLICT (article_id) DO UPDATE SET data = excluded.data, refreshed_at = excluded.refreshed_at",
                chunk,
            )
            changed += cursor.rowcount
            cursor.execute(
                f"DELETE FROM issues_publishedarticle WHERE article_id IN ({marks}) AND article_id NOT IN "
                f"(SELECT id FROM articles_article WHERE id IN ({marks}) AND status = 'published')",
                chunk + chunk,
            )
            changed += cursor.rowcount
    return changed > 0


def published_articles_rebuild() -> int:
    """Write every published article's reader row again (after a deploy, or to check); the count."""
    ids = list(Article.objects.published().values_list("pk", flat=True))
    published_articles_refresh(article_ids=ids)
    return len(ids)


def articles_on_pages(*, pages: Iterable[int]) -> list[int]:
    """The ids of the articles on these pages: what a change to the pages shows differently."""
    return list(Placement.objects.filter(page__in=list(pages)).values_list("article_id", flat=True))
