"""First-load weight of public pages, measured in Chromium against the production server.

Starts scripts/serve_production.sh (gunicorn + whitenoise, compressed static files), loads
each page in a fresh browser context (empty cache) and prints what went over the wire
(Performance API transferSize: compressed bodies plus headers). Budget: 150 KB.

    .venv/bin/python bench/page_weight.py [path ...]
"""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PORT = os.environ.get("PORT", "8011")
BASE = f"http://127.0.0.1:{PORT}"
BUDGET = 150 * 1024
PAGES = sys.argv[1:] or ["/language/", "/en/", "/es/", "/en/help/"]


def wait_for_server(proc: subprocess.Popen) -> None:
    for _ in range(120):
        if proc.poll() is not None:
            raise SystemExit("the server stopped; see its output above")
        try:
            with urllib.request.urlopen(f"{BASE}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the server did not answer in time")


def measure(browser, path: str) -> tuple[int, list[tuple[str, int]]]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(BASE + path, wait_until="load")
    entries = page.evaluate(
        """() => [performance.getEntriesByType('navigation')[0],
                  ...performance.getEntriesByType('resource')]
             .map(e => [e.name, e.transferSize])"""
    )
    context.close()
    return sum(size for _, size in entries), entries


def main() -> int:
    env = {**os.environ, "PORT": PORT, "WEB_CONCURRENCY": "1"}
    server = subprocess.Popen(
        [str(ROOT / "scripts" / "serve_production.sh")], cwd=ROOT, env=env, start_new_session=True
    )
    over = False
    try:
        wait_for_server(server)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for path in PAGES:
                total, entries = measure(browser, path)
                over |= total > BUDGET
                print(f"{path}: {total / 1024:.1f} KB over the wire (budget {BUDGET // 1024} KB)")
                for name, size in sorted(entries, key=lambda e: -e[1]):
                    print(f"    {size / 1024:7.1f} KB  {name.replace(BASE, '')}")
            browser.close()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
