"""Faults, measured with real services: Redis killed or hung under the reading site, a Celery
worker killed mid-job, and Redis losing every queued message.

A Redis of its own (port 6391, no persistence, so a restart loses its data), gunicorn (2 sync
workers) and Celery workers (one process each) against PostgreSQL. Prints:

- requests: reader pages answered 200 with Redis up, killed, hung and back, and their latency;
- publish: what handing work to Celery costs the caller (an editor's 立即发布) with the broker
  up, killed and hung, and whether the work was kept;
- stranded: seconds from killing a worker (its main process and its pool, mid-job) to the
  job's success on a new worker; the message comes back after the visibility timeout, or is
  sent again by the reconciler, whichever is first;
- lost: import jobs recovered (and articles duplicated) after Redis lost its data.

Beat is played by this script: the outbox sweep and the import reconciler run every 60 s, as
their schedules say.

    .venv/bin/python bench/faults.py [--seconds 15] [--jobs 20] [--only requests|stranded|lost]
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench_faults")
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6391"))
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/0"
PORT = 8079
BEAT_SECONDS = 60
REQUEST_TIMEOUT = 5  # a reader gives up after this long
ENV = {
    **os.environ,
    "DATABASE_URL": DB_URL,
    "REDIS_URL": REDIS_URL,
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "STATIC_ROOT": "/tmp/newsroom-bench-static",
    "LOG_LEVEL": "ERROR",
}
SAMPLE = ROOT / "tests" / "fixtures" / "zhuzhou-daily-page-a01.txt"


class Redis:
    def __init__(self):
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        import redis

        for _ in range(100):
            try:
                redis.Redis(port=REDIS_PORT, socket_connect_timeout=0.2).ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        """Gone, and its data with it (no persistence)."""
        self.process.kill()
        self.process.wait()

    def hang(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15, help="seconds of reader requests a state of Redis")
    parser.add_argument("--jobs", type=int, default=20, help="import jobs queued when Redis loses its data")
    parser.add_argument("--only", choices=["requests", "publish", "stranded", "lost"])
    args = parser.parse_args()
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    redis_server = Redis()
    redis_server.start()
    try:
        _recreate_database()
        _manage("migrate", "-v0")
        _manage("collectstatic", "--noinput", "-v0")
        _manage("load_sample", "-v0")
        import django

        django.setup()
        print(f"faults: {os.cpu_count()} cores; Redis of its own on port {REDIS_PORT}, no persistence")
        if args.only in (None, "requests"):
            _requests(redis_server, args.seconds)
        if args.only in (None, "publish"):
            _publish(redis_server)
        if args.only in (None, "stranded"):
            _stranded(redis_server)
        if args.only in (None, "lost"):
            _lost(redis_server, args.jobs)
    finally:
        if redis_server.process.poll() is None:
            redis_server.resume()
            redis_server.kill()


# Readers ------------------------------------------------------------------------------------


def _requests(redis_server: Redis, seconds: float) -> None:
    """Reader pages fetched one after another for `seconds` in each state of Redis, 20 a second."""
    from articles.models import Article

    urls = ["/", "/sitemap.xml", "/feeds/latest/"]
    urls += [a.get_absolute_url() for a in Article.objects.published().order_by("pk")]
    with _gunicorn():
        for state in ("up", "killed", "hung", "back"):
            if state == "killed":
                redis_server.kill()
            elif state == "hung":
                redis_server.start()
                redis_server.hang()
            elif state == "back":
                redis_server.resume()
            statuses, latencies = [], []
            ends = time.monotonic() + seconds
            while time.monotonic() < ends:
                status, took = _fetch(urls[len(statuses) % len(urls)])
                statuses.append(status)
                latencies.append(took * 1000)
                time.sleep(0.05)
            ready, _ = _fetch("/readyz")
            n, ok = len(statuses), statuses.count(200)
            print(
                f"requests, Redis {state:6}: {ok} of {n} answered 200 ({n - ok} not) in {seconds:g} s;"
                f" latency median {statistics.median(latencies):.1f} ms, max {max(latencies):.0f} ms;"
                f" /readyz {ready}"
            )


def _publish(redis_server: Redis) -> None:
    """services.enqueue outside a transaction: the message is written, then sent at once."""
    from articles import services
    from articles.models import OutboxMessage

    for state in ("up", "killed", "hung"):
        if state == "killed":
            redis_server.kill()
        elif state == "hung":
            redis_server.start()
            redis_server.hang()
        took = []
        for _ in range(3):
            started = time.perf_counter()
            services.enqueue("articles.tasks.send_outbox")
            took.append(time.perf_counter() - started)
        kept = OutboxMessage.objects.order_by("-id")[:3]
        sent = sum(m.sent_at is not None for m in kept)
        print(
            f"publish, broker {state:6}: enqueue took {statistics.median(took) * 1000:.0f} ms (median of 3);"
            f" {sent} of 3 sent, {3 - sent} kept in the outbox"
        )
    redis_server.resume()
    redis_server.kill()
    redis_server.start()


def _fetch(path: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=REQUEST_TIMEOUT) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except OSError:
        status = 0  # no answer at all
    return status, time.perf_counter() - started


class _gunicorn:
    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{PORT}",
             "--log-level", "critical", "--timeout", "120"],
            cwd=ROOT, env=ENV, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            if _fetch("/healthz")[0] == 200:
                return self
            time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(10)


# Workers ------------------------------------------------------------------------------------


class _worker:
    """One Celery worker (its main process and one pool process) in a process group of its own."""

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsroom", "worker", "-Q", "celery,layouts", "-c", "1",
             "--loglevel", "ERROR", "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=ENV, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        return self

    def kill(self) -> None:
        """Killed, mid-job, as a lost machine is: the main process and its pool at once."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def __exit__(self, *exc):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(60)


def _job(code: str, *, enqueue: bool = True):
    import datetime

    from issues.models import Publication
    from issues.services import imports

    return imports.import_job_create(
        publication=Publication.objects.order_by("id").first(),
        issue_date=datetime.date(2025, 7, 1),
        page_code=code,
        data=SAMPLE.read_bytes(),
        source_name=SAMPLE.name,
        enqueue=enqueue,
    )


def _wait(job_ids: list[int], *, timeout: float, beat: bool) -> float | None:
    """Seconds until every job is done (playing beat meanwhile), or None past the timeout."""
    from articles import services
    from issues.models import ImportJob
    from issues.services import imports

    started = next_beat = time.monotonic()
    while time.monotonic() - started < timeout:
        if beat and time.monotonic() >= next_beat:
            imports.import_jobs_reconcile()
            services.outbox_send()
            next_beat += BEAT_SECONDS
        done = ImportJob.objects.filter(pk__in=job_ids, status__in=["succeeded", "failed"]).count()
        if done == len(job_ids):
            return time.monotonic() - started
        time.sleep(0.5)
    return None


def _stranded(redis_server: Redis) -> None:
    """A worker is killed while it holds a job; how long until another worker has done it?"""
    import psycopg
    from django.conf import settings
    from django.db import connection

    from articles import services

    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    with _worker():
        probe = _job("Z01")
        if _wait([probe.pk], timeout=120, beat=False) is None:
            raise RuntimeError("the worker never took a job")
    job = _job("Z02", enqueue=False)
    first = _worker().__enter__()
    with psycopg.connect(DB_URL) as locker:
        # Hold the job's row, so that the worker that takes it is mid-job when it is killed.
        locker.execute("SELECT 1 FROM issues_importjob WHERE id = %s FOR UPDATE", [job.pk])
        services.enqueue("issues.tasks.run_import_job", job.pk)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _someone_waits_on_a_lock(connection):
            time.sleep(0.2)
        first.kill()
    killed_at = time.monotonic()
    with _worker():
        seconds = _wait([job.pk], timeout=visibility * 3, beat=True)
    took = time.monotonic() - killed_at if seconds is not None else None
    job.refresh_from_db()
    print(
        f"stranded: worker killed mid-job; job {job.status} after "
        + (f"{took:.0f} s" if took is not None else f"more than {visibility * 3} s")
        + f" (visibility timeout {visibility} s, reconciler every {BEAT_SECONDS} s; was 3600 s)"
    )


def _someone_waits_on_a_lock(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def _lost(redis_server: Redis, n: int) -> None:
    """Jobs queued while no worker runs; Redis restarts empty; how many are imported, how fast?"""
    from articles.models import Article
    from issues.models import ImportJob

    jobs = [_job(f"L{i:02d}") for i in range(n)]
    before = Article.objects.count()
    redis_server.kill()
    redis_server.start()
    lost_at = time.monotonic()
    with _worker():
        seconds = _wait([j.pk for j in jobs], timeout=900, beat=True)
    done = ImportJob.objects.filter(pk__in=[j.pk for j in jobs], status="succeeded").count()
    made = Article.objects.count() - before
    print(
        f"lost: Redis restarted empty with {n} jobs queued; {done} of {n} imported"
        + (f" within {time.monotonic() - lost_at:.0f} s" if seconds is not None else " (timed out)")
        + f"; {made} articles made, {made / n:g} a page (the page has {_articles_on_the_sample_page()})"
    )


def _articles_on_the_sample_page() -> int:
    from issues.parsing import decode, parse_page

    return len(parse_page(decode(SAMPLE.read_bytes())).articles)


def _manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def _recreate_database() -> None:
    import psycopg

    name = DB_URL.rsplit("/", 1)[1]
    with psycopg.connect(DB_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
