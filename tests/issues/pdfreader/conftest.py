"""Test pages are printed once per session: by WeasyPrint, and by Chromium through Playwright."""

import os
from pathlib import Path

import pytest

from .pages import Broadsheet, chromium_pdf, weasyprint_pdf

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium prints the second kind of test PDF: apt-get install chromium ({CHROMIUM} not found)")
    return CHROMIUM


@pytest.fixture(scope="session")
def weasyprint_page() -> bytes:
    return weasyprint_pdf(Broadsheet())


@pytest.fixture(scope="session")
def chromium_page(chromium) -> bytes:
    return chromium_pdf(chromium, Broadsheet())


@pytest.fixture(scope="session", params=["weasyprint", "chromium"])
def broadsheet(request) -> bytes:
    """The same invented page from each producer, so that the reader is tuned to neither."""
    return request.getfixturevalue(f"{request.param}_page")
