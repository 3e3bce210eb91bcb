"""The reading site's speed, as ratios to a bare Django view served in the same run.

gunicorn (2 sync workers) on 127.0.0.1 against PostgreSQL and Redis, loaded by wrk
(-t2 -c16) from a second process: the article page's requests per second over those
of /healthz (a bare view through the same middleware), with the page cache off
(targets >= 0.5) and on (>= 0.9); then search latency over 100,000 articles (p95
target <= 50 ms). Needs Debian's wrk.

    .venv/bin/python bench/site.py [--seconds 10] [--articles 100000] [--runs 3]
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench_site")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
PORT = 8077
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
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="bare/page pairs per mode; the median ratio is the figure")
    args = parser.parse_args()
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    _recreate_database()
    _manage("migrate", "-v0")
    _manage("collectstatic", "--noinput", "-v0")
    _manage("load_sample", "-v0")

    import django

    django.setup()
    import redis

    from articles.models import Article

    redis.Redis.from_url(REDIS_URL).flushdb()
    article = Article.objects.published().order_by("placement__position")[3]
    words = _fill_search_index(args.articles)
    url = f"/articles/{article.pk}/"
    from issues.models import PublishedArticle

    if not PublishedArticle.objects.filter(article=article).exists():
        raise RuntimeError("the article has no reader row: the figure would measure the live fallback")

    print(
        f"site: gunicorn 2 sync workers, wrk -t2 -c16 for {args.seconds} s a run, {args.runs} bare/page pairs"
        f" a mode, {os.cpu_count()} cores"
    )
    for cache_on in (False, True):
        with _server(page_cache=cache_on):
            label, target = ("cached", 0.9) if cache_on else ("uncached", 0.5)
            ratios = []
            for _ in range(args.runs):  # bare and page alternate, so drift hits both alike
                bare = _wrk("/healthz", args.seconds)
                page = _wrk(url, args.seconds)
                ratios.append(page / bare)
                print(f"    {label}: {page:.0f} req/s vs bare view {bare:.0f} req/s = {page / bare:.2f}x")
            print(
                f"  article page {label}: median {statistics.median(ratios):.2f}x of the bare view"
                f" (runs {min(ratios):.2f}-{max(ratios):.2f}x; target >= {target})"
            )
            if not cache_on:
                latencies = _search_latencies(words, 200)
    print(
        f"  search over {Article.objects.count()} articles, uncached, one client: "
        f"p50 {statistics.median(latencies):.1f} ms, p95 {_p95(latencies):.1f} ms (target p95 <= 50 ms)"
    )


def _manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


def _recreate_database() -> None:
    import psycopg

    name = DB_URL.rsplit("/", 1)[1]
    with psycopg.connect(DB_URL.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def _fill_search_index(total: int) -> list[str]:
    """Published articles with segmented search documents, their words drawn from the sample page."""
    import psycopg

    from articles import search

    sample = (ROOT / "tests" / "fixtures" / "zhuzhou-daily-page-a01.txt").read_text(encoding="utf-8")
    vocabulary = search.segment_for_index(sample).split()
    rng = random.Random(7)
    started = time.perf_counter()
    with psycopg.connect(DB_URL) as conn, conn.cursor() as cur:
        cur.execute("SELECT coalesce(max(id), 0) FROM articles_article")
        first = cur.fetchone()[0] + 1
        with cur.copy(
            "COPY articles_article (id, kicker, title, subtitle, rubric, dateline, byline, body, summary, status,"
            " published_at, source, word_count, created_at, updated_at, version) FROM STDIN"
        ) as copy:
            for n in range(total):
                title = "".join(rng.choices(vocabulary, k=6))
                body = "<p>" + "".join(rng.choices(vocabulary, k=150)) + "</p>"
                when = "2020-01-01 00:00:00+00:00"
                copy.write_row((first + n, "", title, "", "", "", "", body, "", "published", when, "entered",
                                300, when, when, 1))  # fmt: skip
        cur.execute("SELECT setval(pg_get_serial_sequence('articles_article', 'id'), max(id)) FROM articles_article")
        with cur.copy("COPY articles_searchdocument (article_id, text, published_at) FROM STDIN") as copy:
            for n in range(total):
                copy.write_row((first + n, " ".join(rng.choices(vocabulary, k=160)), "2020-01-01 00:00:00+00:00"))
        cur.execute("UPDATE articles_searchdocument SET vector = to_tsvector('simple', text) WHERE vector IS NULL")
        cur.execute("ANALYZE")
    print(f"  (made {total} searchable articles in {time.perf_counter() - started:.0f} s)")
    return sorted({w for w in vocabulary if len(w) == 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)})


class _server:
    def __init__(self, *, page_cache: bool):
        self.env = {**ENV, "PAGE_CACHE": "1" if page_cache else "0"}

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{PORT}",
             "--log-level", "warning"],
            cwd=ROOT, env=self.env,
        )  # fmt: skip
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(10)


def _wrk(path: str, seconds: int) -> float:
    url = f"http://127.0.0.1:{PORT}{path}"
    urllib.request.urlopen(url).read()  # warm
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    ).stdout
    if "Non-2xx" in out:
        raise RuntimeError(f"{path} answered errors under load:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def _search_latencies(words: list[str], n: int) -> list[float]:
    rng = random.Random(11)
    latencies = []
    for _ in range(n):
        query = urllib.parse.urlencode({"q": rng.choice(words)})
        started = time.perf_counter()
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}/search/?{query}").read()
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def _p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


if __name__ == "__main__":
    main()
