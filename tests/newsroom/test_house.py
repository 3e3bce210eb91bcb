"""The house's rules, held against the code: one-way imports, pure cores, rooms of a readable size."""

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400
# Rooms known to be too long, with the work that splits them (empty when none is).
BEING_SPLIT: dict[str, str] = {}


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _sources(folder: str):
    return [p for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts]


def test_content_never_reaches_into_print_or_the_reading_site():
    offenders = {
        str(path.relative_to(ROOT)): sorted(n for n in _imports(path) if n == "issues" or n.startswith("issues."))
        for path in _sources("articles")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_print_never_reaches_into_the_reading_site_nor_the_project_shell():
    reading = ROOT / "issues" / "reading"
    offenders = {}
    for path in _sources("issues") + _sources("articles"):
        names = {n for n in _imports(path) if n.startswith("newsroom")}
        top = path.name == "apps.py" or "management" in path.parts  # the top floor wires rooms together
        if reading not in path.parents and not top:
            names |= {n for n in _imports(path) if n.startswith("issues.reading")}
        if names:
            offenders[str(path.relative_to(ROOT))] = sorted(names)
    assert offenders == {}


def test_the_pure_cores_import_no_django_celery_or_app_code():
    for core in ("issues/parsing", "issues/layout"):
        for path in _sources(core):
            banned = {n for n in _imports(path) if n.split(".")[0] in {"django", "celery", "articles", "issues"}}
            assert not banned, (path, banned)


def test_no_module_is_over_four_hundred_lines():
    long = {
        str(path.relative_to(ROOT)): n
        for folder in ("articles", "issues", "newsroom")
        for path in _sources(folder)
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert set(long) <= set(BEING_SPLIT), long


def test_the_pure_cores_tests_run_without_postgresql_or_redis():
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/issues/layout"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert " passed" in done.stdout
