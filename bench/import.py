"""Pages per second of full imports into PostgreSQL through Celery workers (target: >= 50).

The workers here take the import queue only; the layouts each import asks for wait in
their own queue (`layouts`), as they would for a layout worker of their own.

Creates a scratch database, starts a Celery worker on Redis, queues N page
imports (the sample page under N different page codes, so every one writes its
articles, reporters, bylines and captions) and times them until all are done.

    .venv/bin/python bench/import.py [--pages 200] [--concurrency 2]
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": DB_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "0",  # as in production: no query log
        "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    _recreate_database()
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)

    import django

    django.setup()
    import datetime

    import redis

    from issues.models import ImportJob
    from issues.services import imports, papers

    redis.Redis.from_url(REDIS_URL).flushdb()
    publication = papers.publication_get_or_create(name="株洲日报", code="zzrb")
    data = (ROOT / "tests" / "fixtures" / "zhuzhou-daily-page-a01.txt").read_bytes()
    # Upload every page first (each job is queued on Redis as it commits), then let
    # the workers loose, so that the figure is the workers' alone.
    start = time.perf_counter()
    for n in range(args.pages):
        imports.import_job_create(
            publication=publication,
            issue_date=datetime.date(2025, 6, 4) + datetime.timedelta(days=n // 50),
            page_code=f"B{n % 50 + 1:02d}",
            data=data,
        )
    uploaded = time.perf_counter() - start
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "-l", "WARNING",
         "--concurrency", str(args.concurrency), "--pool", "prefork"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        while ImportJob.objects.filter(status__in=["queued", "running"]).exists():
            time.sleep(0.05)
        elapsed = time.perf_counter() - start
    finally:
        worker.terminate()
        worker.wait(30)
    failed = ImportJob.objects.filter(status="failed").count()
    from django.db.models import Max, Min

    from articles.models import Article

    span = ImportJob.objects.aggregate(first=Min("started_at"), last=Max("finished_at"))
    busy = (span["last"] - span["first"]).total_seconds()
    print(
        f"import: {args.pages} pages ({Article.objects.count()} articles), {failed} failed, "
        f"{args.concurrency} worker processes on {os.cpu_count()} cores\n"
        f"  workers busy {busy:.2f} s = {args.pages / busy:.1f} pages/s (first job started to last finished; "
        f"target >= 50)\n"
        f"  uploads {uploaded:.2f} s = {args.pages / uploaded:.0f} pages/s; upload to done, with worker start-up, "
        f"{elapsed:.2f} s"
    )


def _recreate_database() -> None:
    import psycopg

    name = DB_URL.rsplit("/", 1)[1]
    with psycopg.connect(DB_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
