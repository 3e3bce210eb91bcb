"""Page imports: a page's bytes kept verbatim as a job, parsed by issues/parsing and written as
articles, bylines and captions in one transaction; safe to run twice."""

from __future__ import annotations

import datetime
import hashlib
import logging
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from articles import outbox, workflow
from articles import services as article_services
from articles.models import Article, Byline, OutboxMessage, Reporter, Section
from issues.importing import article_fields
from issues.models import ImportJob, Page, Placement, Publication
from issues.parsing import ParsedArticle, ParseError, Repair, corrections, decode, parse_page
from issues.parsing.corrections import Correction, CorrectionError
from issues.parsing.punctuation import full_width_lines
from issues.pdfreader import PdfReadError, is_pdf, read_pdf

from . import layouts, papers

logger = logging.getLogger(__name__)

WIRE_AGENCIES = ("新华社", "中新社", "人民日报", "央视")


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
        job.text = _text(data)
    except ParseError as exc:
        job.status, job.error, job.finished_at = ImportJob.Status.FAILED, str(exc), timezone.now()
    job.save()
    if enqueue and job.status == ImportJob.Status.QUEUED:
        outbox.enqueue("issues.tasks.run_import_job", job.pk)
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
        # ASCII punctuation of a PDF extraction becomes the full-width marks Chinese is printed
        # with, before parsing; the job keeps the text as it came, and lists each change.
        text, marks = full_width_lines(job.text)
        parsed = corrections.apply(parse_page(text), [Correction.from_dict(c) for c in job.corrections])
        # The issue and page are looked up (or made) first, in their own short
        # transactions, so that imports of different pages run side by side.
        page = (
            Page.objects.filter(issue__publication=job.publication, issue__date=job.issue_date, code=job.page_code)
            .select_related("issue")
            .first()
        )
        if page is None or (job.page_name and page.name != job.page_name):
            issue = papers.issue_get_or_create(publication=job.publication, date=job.issue_date)
            page = papers.page_get_or_create(issue=issue, code=job.page_code, name=job.page_name)
        with transaction.atomic():
            job = ImportJob.objects.select_related("publication").select_for_update(of=("self",)).get(pk=job_id)
            if job.status == ImportJob.Status.SUCCEEDED:
                return job  # a second delivery of the task finished it meanwhile
            outcome = _write_page(job=job, page=page, parsed_articles=list(parsed.articles))
            job.page = outcome.page
            job.result = parsed.to_dict()
            job.result["repairs"] = job.result.get("repairs", []) + [
                Repair("full-width-punctuation", line, "", f"{mark.old}→{mark.new}").to_dict() for line, mark in marks
            ]
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
            layouts.page_layout_schedule(page_id=page.pk)
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


IMPORT_TASK = "issues.tasks.run_import_job"
# A job queued or running this long after it was last handed to a worker has lost its message:
# longer than any task may run (CELERY_TASK_TIME_LIMIT), so a running one is certainly dead.
STUCK_AFTER_SECONDS = 180
# A job started this many times without finishing fails instead of being sent again.
MAX_ATTEMPTS = 3


@transaction.atomic
def import_job_retry(*, job: ImportJob) -> ImportJob:
    """Run a job again: a failed one is queued again with the bytes it kept; a queued or running
    one (its message lost with Redis's data, or its worker killed) is handed to a worker again.

    Safe on a job that is in fact still running: the second run waits for the first one's
    transaction and finds the job done, and an import yields each article once anyway.
    A job that succeeded is left alone.
    """
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING):
        outbox.enqueue(IMPORT_TASK, job.pk)
        return job
    if job.status != ImportJob.Status.FAILED:
        return job
    try:
        job.text = _text(bytes(job.raw))
    except ParseError as exc:
        job.error = str(exc)
        job.save(update_fields=["error"])
        return job
    job.status, job.error, job.progress, job.finished_at = ImportJob.Status.QUEUED, "", 0, None
    job.save(update_fields=["status", "error", "progress", "finished_at", "text"])
    outbox.enqueue(IMPORT_TASK, job.pk)
    return job


def import_jobs_reconcile(*, stuck_after: float = STUCK_AFTER_SECONDS, max_attempts: int = MAX_ATTEMPTS) -> dict:
    """Hand again to a worker the jobs the broker lost (Celery beat, every minute).

    The database is the truth: a job still queued, or running, `stuck_after` seconds after it
    was last handed to a worker or started has lost its message (Redis lost its data, or its
    worker was killed); it is sent again. A running job has been killed by then, since no task
    outlives its time limit. A job that was started `max_attempts` times without finishing
    fails with the reason instead (a page that kills its worker every time). Idempotent: a
    job sent twice is imported once.
    """
    cutoff = timezone.now() - datetime.timedelta(seconds=stuck_after)
    stuck = ImportJob.objects.filter(
        Q(status=ImportJob.Status.QUEUED, created_at__lt=cutoff)
        | Q(status=ImportJob.Status.RUNNING, started_at__lt=cutoff)
    ).order_by("id")
    stuck = list(stuck.values_list("pk", "attempts")[:500])
    handed = OutboxMessage.objects.filter(task=IMPORT_TASK, created_at__gte=cutoff).values_list("args", flat=True)
    handed_recently = {args[0] for args in handed if args}
    outcome, stuck_states = {"sent": [], "failed": []}, [ImportJob.Status.QUEUED, ImportJob.Status.RUNNING]
    for job_id, attempts in stuck:
        if job_id in handed_recently:
            continue
        with transaction.atomic():
            if attempts >= max_attempts:
                reason = f"导入失败:已执行 {attempts} 次均未完成(进程被终止或超时);原文件已保留,可检查后重新导入"
                ImportJob.objects.filter(pk=job_id, status__in=stuck_states).update(
                    status=ImportJob.Status.FAILED, error=reason, finished_at=timezone.now()
                )
                outcome["failed"].append(job_id)
            else:
                outbox.enqueue(IMPORT_TASK, job_id)
                outcome["sent"].append(job_id)
    if outcome["sent"] or outcome["failed"]:
        logger.warning("import jobs stuck: sent again %s, failed %s", outcome["sent"], outcome["failed"])
    return outcome


def _text(data: bytes) -> str:
    """The page's text, or a ParseError that says why there is none (the bytes are kept either way).
    A page PDF is read by its text layer (issues/pdfreader); one file is one 版."""
    if is_pdf(data):
        try:
            pages = read_pdf(data)
        except PdfReadError as exc:
            raise ParseError(str(exc)) from exc
        if len(pages) != 1:
            raise ParseError(f"这个 PDF 有 {len(pages)} 版;请每版一个文件上传(如 A01-要闻.pdf),原文件已保留")
        return pages[0].text
    text = decode(data)
    if not text.strip():
        raise ParseError("文件是空的(或只有空白),没有可导入的版面文字")
    if "\x00" in text:
        # A NUL byte: a binary file (a PDF, a picture) or a damaged one; PostgreSQL cannot hold it as text.
        raise ParseError("文件中含有空字符(NUL),不是纯文本版面文件;原文件已保留,请检查后重新上传")
    return text


@transaction.atomic
def import_job_correct(*, job: ImportJob, correction: Correction, by: AbstractBaseUser | None) -> ImportJob:
    """Keep an editor's correction (merge an article into the one before, split one at a paragraph)
    with the job and run the job again with all of its corrections; CorrectionError, with its
    reason, when it does not fit the page as the job reads it. Articles an editor has changed
    since the import are never overwritten (the import reports them as conflicts)."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status in {ImportJob.Status.QUEUED, ImportJob.Status.RUNNING}:
        raise CorrectionError("任务正在导入,请稍后再更正")
    kept = [Correction.from_dict(c) for c in job.corrections] + [correction]
    corrections.apply(parse_page(full_width_lines(job.text)[0]), kept)  # fits, or says why
    who = (by.get_full_name() or by.get_username()) if by is not None else "系统"
    job.corrections = [*job.corrections, {**correction.to_dict(), "by": who, "at": timezone.now().isoformat()}]
    job.status, job.progress, job.error, job.finished_at = ImportJob.Status.QUEUED, 0, "", None
    job.save(update_fields=["corrections", "status", "progress", "error", "finished_at"])
    outbox.enqueue("issues.tasks.run_import_job", job.pk)
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
        if article.status not in workflow.IMPORT_MAY_UPDATE:
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

    # Articles this page's import made that its text no longer yields (an editor merged them
    # into another) go, as long as nobody has touched them since; touched ones stay, reported.
    matched = {a.pk for a in outcome.articles}
    for placement in placements.values():
        article = placement.article
        if article.pk in matched:
            continue
        untouched = placement.imported_version == article.version and article.status in workflow.IMPORT_MAY_UPDATE
        if untouched:
            article.delete()
        else:
            outcome.conflicts.append(
                {"article": article.pk, "title": article.title, "message": "本版已不再含有此稿,但它已被修改,未删除"}
            )

    written = [(a, parsed) for a, (_, _, parsed) in zip(new, creates, strict=True)]
    written += [(p.article, parsed) for p, _, parsed in updates]
    _write_people(written=written, publication=job.publication)
    # Readers see nothing of this yet: an import writes only articles not yet published
    # (workflow.IMPORT_MAY_UPDATE), and an article's neighbours on the page are published ones.
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
