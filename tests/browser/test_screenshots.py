"""Full-page screenshots for people to look at; only when BROWSER_SCREENSHOTS names a folder.

BROWSER_SCREENSHOTS=/tmp/screens .venv/bin/pytest tests/browser/test_screenshots.py
"""

import os
from pathlib import Path

import pytest

from tests.browser.conftest import url

SCREENSHOTS = os.environ.get("BROWSER_SCREENSHOTS", "")
PAGES = {
    "home": "/",
    "bite": "/knowledge-bites/social-workers-social-media/",
    "sign-in": "/accounts/sign-in/",
}

pytestmark = pytest.mark.skipif(not SCREENSHOTS, reason="set BROWSER_SCREENSHOTS to a folder")


def test_screenshots_of_the_main_pages_are_saved(page, live_server, demo):
    folder = Path(SCREENSHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in PAGES.items():
        page.goto(url(live_server, path))
        page.screenshot(path=folder / f"{name}.png", full_page=True)
        assert (folder / f"{name}.png").stat().st_size > 0
