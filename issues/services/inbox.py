"""The ways page files come in: issue folders (2025-06-04/A01-要闻.txt or .pdf) and the watched inbox.

The inbox convention, for the systems that drop pages into it: put each page in a folder named
for its date, `INBOX_DIR/2025-06-04/A01-要闻.txt` (or `.pdf`). Write it under a temporary name
(`.A01-要闻.txt`, `A01-要闻.txt.tmp` or `.part`) and rename it when it is complete, or drop a
marker `A01-要闻.txt.done` beside it; otherwise a file is taken once its size and time have not
changed across two scans and for INBOX_SETTLE_SECONDS. A file is claimed by moving it into
`processing/` first, so two scans never take one file; it ends in `done/` or `failed/` with its
job's id, and a file that is not a page goes to `failed/` with a `.reason.txt` beside it.
"""

from __future__ import annotations

import datetime
import logging
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser

from issues.models import ImportJob, Publication

from . import imports

logger = logging.getLogger(__name__)

PAGE_FILE = re.compile(r"^(?P<code>[A-Za-z]{0,2}\d{1,3})(?:[-_ ](?P<name>[^.]+))?\.(?:txt|pdf)$", re.IGNORECASE)
INBOX_SETTLE_SECONDS = 10
STILL_WRITING = (".tmp", ".part", ".partial", ".crdownload")
DONE_MARK = ".done"
FOLDERS = {"done", "failed", "processing"}


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
    """Import each complete page file under inbox/<date>/, one by one, and move it to done/ or
    failed/ with its job id; a file that is not a page goes to failed/ with the reason. A bad
    file never stops the scan."""
    jobs: list[ImportJob] = []
    for path in sorted(p for p in inbox.glob("*") if p.is_file()) + sorted(inbox.glob("*/*")):
        if path.parent.name in FOLDERS or not path.is_file() or not _complete(path):
            continue
        page_file = page_file_from_path(path) if path.parent != inbox else None
        if page_file is None:
            _refuse(inbox, path, "文件名或位置不对:应放在日期文件夹中,如 2025-06-04/A01-要闻.txt(或 .pdf)")
            continue
        claimed = _claim(inbox, path)
        if claimed is None:
            continue  # another scan took it first
        job = imports.import_job_create(
            publication=publication,
            issue_date=page_file.issue_date,
            page_code=page_file.page_code,
            page_name=page_file.page_name,
            data=claimed.read_bytes(),
            source_name=str(path.relative_to(inbox)),
            by=by,
            enqueue=False,
        )
        if job.status == ImportJob.Status.QUEUED:
            job = imports.import_job_run(job_id=job.pk)
        outcome = "done" if job.status == ImportJob.Status.SUCCEEDED else "failed"
        target = inbox / outcome / path.parent.name / f"{job.pk}-{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(claimed, target)
        path.with_name(path.name + DONE_MARK).unlink(missing_ok=True)
        jobs.append(job)
    return jobs


def _complete(path: Path) -> bool:
    """Written in full: not a temporary name, and marked done or quiet long enough."""
    name = path.name
    if name.startswith(".") or name.lower().endswith((*STILL_WRITING, DONE_MARK)):
        return False
    if path.with_name(name + DONE_MARK).exists():
        return True
    return time.time() - path.stat().st_mtime >= INBOX_SETTLE_SECONDS


def _claim(inbox: Path, path: Path) -> Path | None:
    """Move the file into processing/ (atomic on one file system); None if it is gone already."""
    target = inbox / "processing" / path.parent.name / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(path, target)
    except FileNotFoundError:
        return None
    return target


def _refuse(inbox: Path, path: Path, reason: str) -> None:
    """Move a file that is not a page to failed/, with a note beside it saying why."""
    folder = inbox / "failed" / ("_" if path.parent == inbox else path.parent.name)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        shutil.move(path, folder / path.name)
    except FileNotFoundError:
        return
    (folder / f"{path.name}.reason.txt").write_text(reason + "\n", encoding="utf-8")
    logger.warning("inbox: %s refused: %s", path, reason)
