"""The ways page files come in: issue folders (2025-06-04/A01-要闻.txt) and the watched inbox."""

from __future__ import annotations

import datetime
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser

from issues.models import ImportJob, Publication

from . import imports

PAGE_FILE = re.compile(r"^(?P<code>[A-Za-z]{0,2}\d{1,3})(?:[-_ ](?P<name>[^.]+))?\.txt$")
INBOX_SETTLE_SECONDS = 10


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
        job = imports.import_job_create(
            publication=publication,
            issue_date=page_file.issue_date,
            page_code=page_file.page_code,
            page_name=page_file.page_name,
            data=path.read_bytes(),
            source_name=str(path.relative_to(inbox)),
            by=by,
            enqueue=False,
        )
        job = imports.import_job_run(job_id=job.pk)
        outcome = "done" if job.status == ImportJob.Status.SUCCEEDED else "failed"
        target = inbox / outcome / path.parent.name / f"{job.pk}-{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
        jobs.append(job)
    return jobs
