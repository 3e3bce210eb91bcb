"""Redis down or hung: readers are served from PostgreSQL, editors edit, publishing goes through,
and the work for Celery waits in the outbox until the broker is back.

Each test runs a Redis of its own on a free port and kills (or stops) it; the shared Redis of
the suite is never touched.
"""

import json
import signal
import socket
import subprocess
import threading
import time

import pytest
import redis
from django.db import transaction
from django.urls import reverse

from articles import outbox, services, workflow
from articles.models import Article, OutboxMessage
from issues.reading import cache as page_cache
from newsroom.celery import app as celery_app
from tests.factories import ArticleFactory

# A request stuck on a hung Redis is given this long before it counts as never answered.
ANSWER_WITHIN_SECONDS = 30


class OwnRedis:
    """A redis-server of the test's own, to be killed, stopped and started again on its port."""

    def __init__(self, workdir):
        self.workdir = workdir
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()

    def hang(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_timeout=2)


def _forget_redis_trouble() -> None:
    """This process's page cache forgets an outage, as it does by itself a few seconds later."""
    page_cache._redis_state.update(down_until=0.0, bump_owed=False)
    page_cache._memo.update(generation=None, at=0.0)
    page_cache._local.clear()


@pytest.fixture
def own_redis(tmp_path):
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.resume()
        server.kill()


@pytest.fixture
def cache_on_own_redis(own_redis, settings):
    """The page cache and the presence notice on the test's own Redis, with the site's cache options."""
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": own_redis.url}}
    _forget_redis_trouble()
    yield own_redis
    _forget_redis_trouble()


@pytest.fixture
def broker_on_own_redis(own_redis):
    """The Celery app publishing to the test's own Redis."""
    shared = celery_app.conf.broker_url
    celery_app.conf.broker_url = own_redis.url
    celery_app._pool, celery_app.amqp._producer_pool = None, None
    yield own_redis
    celery_app.conf.broker_url = shared
    celery_app._pool, celery_app.amqp._producer_pool = None, None


def _get(client, url):
    """GET in a thread: a request that never answers fails the test instead of hanging it."""
    answer = {}
    thread = threading.Thread(target=lambda: answer.update(response=client.get(url)), daemon=True)
    thread.start()
    thread.join(ANSWER_WITHIN_SECONDS)
    assert "response" in answer, f"{url} did not answer with Redis hung"
    return answer["response"]


def _reader_urls(paper) -> list[str]:
    article = paper["articles"][0]
    return ["/", article.get_absolute_url(), reverse("site:sitemap"), "/feeds/latest/"]


@pytest.mark.django_db
def test_readers_are_served_from_postgresql_while_redis_is_dead(client, paper, cache_on_own_redis):
    urls = _reader_urls(paper)
    cache_on_own_redis.kill()
    served = [client.get(url) for _ in range(3) for url in urls]
    assert [response.status_code for response in served] == [200] * len(served)
    assert paper["articles"][0].title in served[1].text
    cache_on_own_redis.start()  # back, empty
    page_cache._redis_state["down_until"] = 0.0  # the pause after a failure has passed
    again = [client.get(url).status_code for url in urls]
    assert again == [200] * len(urls)
    assert cache_on_own_redis.client().keys("*page:*"), "pages are cached in Redis again"


@pytest.mark.django_db(transaction=True)
def test_a_change_made_while_redis_hung_is_seen_once_it_is_back(client, paper, cache_on_own_redis):
    article = Article.objects.get(pk=paper["articles"][0].pk)
    url = article.get_absolute_url()
    assert article.title in client.get(url).text  # now cached in Redis and in this process
    cache_on_own_redis.hang()
    services.article_update(article=article, title="停电期间改过的标题")
    during = _get(client, url)
    assert during.status_code == 200
    assert "停电期间改过的标题" in during.text
    cache_on_own_redis.resume()
    page_cache._redis_state["down_until"] = 0.0  # the pause after a failure has passed
    after = client.get(url)
    assert "停电期间改过的标题" in after.text  # not the page cached before the change


@pytest.mark.django_db
def test_editors_open_articles_while_redis_is_dead(admin_client_logged, cache_on_own_redis):
    article = ArticleFactory(status=workflow.SUBMITTED)
    cache_on_own_redis.kill()
    response = admin_client_logged.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert article.title in response.text


@pytest.mark.django_db(transaction=True)
def test_publishing_with_the_broker_dead_goes_through_and_the_notice_waits_in_the_outbox(
    admin_client_logged, broker_on_own_redis
):
    article = ArticleFactory(status=workflow.APPROVED)
    broker_on_own_redis.kill()
    response = admin_client_logged.post(
        reverse("admin:articles_article_changelist"),
        {"action": "move_publish", "_selected_action": [article.pk]},
        follow=True,
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == workflow.PUBLISHED
    waiting = OutboxMessage.objects.get(task="articles.tasks.notify_author")
    assert (waiting.args[0], waiting.sent_at, waiting.attempts) == (article.pk, None, 1)
    assert waiting.error

    assert outbox.outbox_send(older_than=0) == 0  # still down: kept
    broker_on_own_redis.start()  # back, empty: it lost everything it held
    assert outbox.outbox_send(older_than=0) == 1
    assert outbox.outbox_send(older_than=0) == 0  # sent once
    waiting.refresh_from_db()
    assert waiting.sent_at is not None
    [queued] = broker_on_own_redis.client().lrange("celery", 0, -1)
    assert json.loads(queued)["headers"]["task"] == "articles.tasks.notify_author"


@pytest.mark.django_db(transaction=True)
def test_work_is_sent_after_the_commit_and_marked_sent(broker_on_own_redis, superuser):
    article = ArticleFactory(status=workflow.APPROVED)
    services.article_transition(article=article, move="publish", by=superuser)
    message = OutboxMessage.objects.get(task="articles.tasks.notify_author")
    assert message.sent_at is not None
    assert broker_on_own_redis.client().llen("celery") == 1
    assert outbox.outbox_send(older_than=0) == 0


@pytest.mark.django_db
def test_work_rolled_back_is_never_sent(broker_on_own_redis):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.enqueue("articles.tasks.notify_author", 1, workflow.PUBLISHED)
        raise RuntimeError("the caller's transaction fails")
    assert not OutboxMessage.objects.exists()
    assert broker_on_own_redis.client().llen("celery") == 0


@pytest.mark.django_db
def test_readiness_says_which_service_is_down(client, own_redis, settings):
    settings.REDIS_URL = own_redis.url
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["postgresql"]["ok"] and ready.json()["redis"]["ok"]
    own_redis.kill()
    down = client.get("/readyz")
    assert down.status_code == 503
    assert down.json()["postgresql"]["ok"] is True
    assert down.json()["redis"]["ok"] is False
    assert "Error" in down.json()["redis"]["error"]
    liveness = client.get("/healthz")
    assert (liveness.status_code, liveness.text) == (200, "ok")


@pytest.mark.django_db
def test_a_message_naming_no_task_is_kept_with_the_reason_and_holds_up_nothing(broker_on_own_redis):
    renamed = OutboxMessage.objects.create(task="articles.tasks.no_such_task", args=[1])
    waiting = OutboxMessage.objects.create(task="articles.tasks.notify_author", args=[1, workflow.PUBLISHED])
    assert outbox.outbox_send(older_than=0) == 1
    renamed.refresh_from_db()
    waiting.refresh_from_db()
    assert (renamed.sent_at, "articles.tasks.no_such_task" in renamed.error) == (None, True)
    assert waiting.sent_at is not None


def test_no_task_outlives_the_visibility_timeout_nor_the_wait_before_a_job_counts_as_stuck(settings):
    from issues.services import imports

    ours = [task for name, task in celery_app.tasks.items() if name.startswith(("articles.", "issues."))]
    assert len(ours) >= 6
    for task in ours:
        soft = task.soft_time_limit or settings.CELERY_TASK_SOFT_TIME_LIMIT
        hard = task.time_limit or settings.CELERY_TASK_TIME_LIMIT
        assert soft < hard, task.name
        # Else a message is handed to a second worker while the first still runs it.
        assert hard < settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] <= 10 * 60, task.name
        assert hard < imports.STUCK_AFTER_SECONDS <= 10 * 60, task.name
