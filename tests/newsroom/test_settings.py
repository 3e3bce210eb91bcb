"""The settings module falls back to an embedded set-up and passes the deploy checks in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "from newsroom.celery import app;"
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'],"
    " 'eager': app.conf.task_always_eager, 'cache': settings.CACHES['default']['BACKEND'],"
    " 'lang': settings.LANGUAGE_CODE, 'tz': settings.TIME_ZONE}))"
)


def _clean_env(**extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "LC_ALL"}}
    return {**keep, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **extra}


def test_no_environment_means_sqlite_and_eager_tasks():
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=_clean_env(), capture_output=True, text=True, check=True
    )
    probe = json.loads(out.stdout)
    assert probe == {
        "engine": "django.db.backends.sqlite3",
        "eager": True,
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "lang": "zh-hans",
        "tz": "Asia/Shanghai",
    }


def test_redis_url_switches_to_workers_and_redis_cache():
    env = _clean_env(REDIS_URL="redis://127.0.0.1:6379/15", DATABASE_URL="postgres://postgres@127.0.0.1/x")
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    probe = json.loads(out.stdout)
    assert probe["engine"] == "django.db.backends.postgresql"
    assert probe["eager"] is False
    assert probe["cache"] == "django.core.cache.backends.redis.RedisCache"


def test_debug_off_without_secret_key_is_refused():
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=_clean_env(DEBUG="0"), capture_output=True, text=True
    )
    assert out.returncode != 0
    assert "SECRET_KEY must be set" in out.stderr


def test_production_settings_pass_check_deploy():
    env = _clean_env(
        DEBUG="0",
        SECRET_KEY="x7#kq2!v9-production-like-secret-key-for-the-deploy-check-0123456789",
        ALLOWED_HOSTS="news.example.com",
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "System check identified no issues" in out.stdout
