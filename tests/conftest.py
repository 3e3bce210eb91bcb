"""Suite-wide fixtures. The suite runs on PostgreSQL and Redis and refuses to run without them;
the pure cores' tests (tests/issues/parsing, tests/issues/layout) touch neither and run anywhere."""

import importlib
import os

import hypothesis
import psycopg
import pytest
import redis
from django.conf import settings
from django.db import connection

pytest_plugins = ("celery.contrib.pytest", "tests.site_fixtures")

# The same examples on every run (CI included): a property test fails for a reason, not for a draw.
# HYPOTHESIS_PROFILE=explore draws new examples, to hunt for more.
hypothesis.settings.register_profile("suite", derandomize=True, print_blob=True)
hypothesis.settings.register_profile("explore", derandomize=False, max_examples=2000)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

START_HINT = {
    "PostgreSQL": "pg_ctlcluster --skip-systemctl-redirect 15 main start",
    "Redis": 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
}


def _fail(service: str, detail: str) -> None:
    pytest.exit(
        f"{service} is needed by the test suite and could not be reached ({detail}).\n"
        f"Start it with: {START_HINT[service]}\nthen run `make test` again.",
        returncode=3,
    )


def _require_services() -> None:
    if connection.vendor != "postgresql":
        _fail("PostgreSQL", f"DATABASE_URL points at {connection.vendor}; run the suite with `make test`")
    db = settings.DATABASES["default"]
    try:
        # The server, not the test database (pytest-django creates that), must be up.
        psycopg.connect(
            host=db["HOST"] or None, port=db["PORT"] or None, user=db["USER"], dbname="postgres", connect_timeout=3
        ).close()
    except psycopg.Error as exc:
        _fail("PostgreSQL", str(exc).strip().splitlines()[0])
    if not settings.REDIS_URL:
        _fail("Redis", "REDIS_URL is not set; run the suite with `make test`")
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        _fail("Redis", str(exc))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database (on PostgreSQL: _services_checked). At the end, threads that served tests (the Celery worker, the live server) may still hold a connection
    to it; they are closed, so that it can be dropped."""
    yield
    if not connection.settings_dict["NAME"].startswith("test_"):
        return  # the test database is gone already
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="session", autouse=True)
def _services_checked(request):
    """Any test that needs the database or a worker gets PostgreSQL and Redis, or a clear message."""
    needs = {"django_db_setup", "celery_app", "celery_worker", "live_server"}
    for item in request.session.items:
        if item.get_closest_marker("django_db") or needs & set(getattr(item, "fixturenames", ())):
            _require_services()
            return


@pytest.fixture(scope="session")
def celery_app():
    """Our own Celery app, on the Redis broker, for `celery_worker`."""
    from newsroom.celery import app

    app.conf.task_always_eager = False
    app.loader.import_module("celery.contrib.testing.tasks")
    return app


@pytest.fixture(scope="session")
def celery_worker_parameters():
    return {"queues": ("celery", "layouts"), "perform_ping_check": True, "shutdown_timeout": 30}


@pytest.fixture
def eager_tasks(settings):
    """Run tasks in-process: for unit tests only; integration tests use `celery_worker`."""
    from newsroom.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.com", "pw-for-tests")


@pytest.fixture
def admin_client_logged(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture(autouse=True)
def _migration_data(request):
    """Transactional tests flush every table after they run, taking the data that
    migrations made (sections, roles, schedules) with them; make it again for them."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker and marker.kwargs.get("transaction")) or "live_server" in request.fixturenames
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    for app_label, module in (
        ("articles", "0002_default_sections"),
        ("articles", "0004_roles"),
        ("articles", "0005_publish_schedule"),
        ("issues", "0003_inbox_schedule"),
    ):
        migration = importlib.import_module(f"{app_label}.migrations.{module}")
        for operation in migration.Migration.operations:
            operation.code(apps, None)


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Pages cached by an earlier test (with its row ids) must not be served to this one."""
    from issues.reading.cache import bump_site_generation

    bump_site_generation()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
