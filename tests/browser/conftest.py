"""Playwright on Debian's Chromium against pytest-django's live_server.

On a developer's machine without /usr/bin/chromium these tests skip with a visible
reason; in CI (REQUIRE_BROWSER_TESTS=1, set by .ci/run) a missing browser fails the run.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; our test code only touches
# the database between page actions, never concurrently with them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
MOBILE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if "browser" in item.keywords]
    if CHROMIUM.exists() or not browser_items:
        return
    if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
        pytest.exit(f"Browser tests are required here, but {CHROMIUM} is missing.", returncode=1)
    skip = pytest.mark.skip(reason=f"browser tests need {CHROMIUM} (apt-get install chromium)")
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def block_other_hosts(page, live_server):
    """Fail the test if a page asks any host but ours for anything."""
    foreign: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(live_server.url) or url.startswith("data:"):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    page.route("**/*", guard)
    yield foreign
    assert not foreign, f"requests to other hosts: {foreign}"
