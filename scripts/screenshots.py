"""Take the how-to's pictures (issue 19): every step, in every language, at phone width.

    make screenshots                      (or: .venv/bin/python scripts/screenshots.py)
    .venv/bin/python scripts/screenshots.py --languages en ar --steps sign_in time

Builds a fresh demo database (SQLite under var/howto/, the demo data), serves the portal
from this process on a free port (so that it can see which templates each page renders),
and drives Debian's Chromium (/usr/bin/chromium) through the task as a person would:
choose the language, sign in, find an office, choose a time, check and confirm, keep the
confirmation number and a record, send a new address, see the court hearing, End Session.

* The control to use is outlined by a box this script draws over the page (the page
  itself has no such style). The demo banner is off and the CAPTCHA is the reCAPTCHA box
  (a local stand-in, ticked: no request leaves the machine; the server's check is
  patched to say yes).
* Each picture is WebP from Chromium's own encoder (DevTools ``Page.captureScreenshot``),
  a crop of the 360 px wide phone page around the control: no image library needed.
* ``static/howto/manifest.json`` records per step the project templates the page rendered
  with the SHA-256 of each one's content, and per language the picture's size in pixels
  and bytes. tests/portal/test_howto.py compares those hashes with the templates as they
  are now: a changed template means "run this again".

The steps, their words and alt texts: checkin_portal/howto.py.
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from base64 import b64decode
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = ROOT / "var" / "howto"
DATABASE = WORK / "screenshots.sqlite3"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
VIEWPORT = {"width": 360, "height": 740}
# The tallest crop (CSS px) and WebP quality: small files, text still readable.
MAX_HEIGHT = 560
QUALITY = 60
# The home page's strip shows its pictures at half size (a quarter of the bytes' pixels).
SMALL_SCALE = 0.5
SUBJECT_ID = "DEMO-1005"  # Haiti: books now, and has a court hearing (subjects/demo_data.py)
COUNTRY = "HT"
SEARCH = "07102"  # Newark, NJ

os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "checkin_portal.settings.local",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "CACHE_URL": "locmemcache://",
        "DEMO_MODE": "True",
        "DEMO_SLOT_DAYS": "21",
        "CAPTCHA_PROVIDER": "recaptcha",
        "EMAIL_URL": "consolemail://",
        "LOG_LEVEL": "WARNING",
        # Playwright's sync API keeps an event loop in this thread; the database calls made
        # here (between languages) never run while a page is loading.
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
    }
)

# Draws a box over an element (page coordinates), outside the page's own markup and CSS.
OUTLINE_JS = """(el) => {
  el.scrollIntoView({block: "center", inline: "nearest"});
  const box = el.getBoundingClientRect();
  const mark = document.createElement("div");
  mark.id = "howto-outline";
  const pad = 5;
  Object.assign(mark.style, {
    position: "absolute", zIndex: 2147483647, pointerEvents: "none", boxSizing: "border-box",
    left: (box.left + window.scrollX - pad) + "px", top: (box.top + window.scrollY - pad) + "px",
    width: (box.width + 2 * pad) + "px", height: (box.height + 2 * pad) + "px",
    border: "4px solid #e41d3d", borderRadius: "8px",
    boxShadow: "0 0 0 3px #fff, 0 0 0 5px #e41d3d",
  });
  document.body.appendChild(mark);
  return {top: box.top + window.scrollY - pad - 6, bottom: box.bottom + window.scrollY + pad + 6};
}"""

# Where the crop starts: the page's heading (or the top for the header), else the control.
CROP_JS = """([target, fromTop, maxHeight]) => {
  const heading = document.querySelector("main h1");
  const start = fromTop || !heading ? 0 : heading.getBoundingClientRect().top + window.scrollY - 12;
  const pageHeight = document.documentElement.scrollHeight;
  let top = Math.max(0, start);
  if (target.bottom - top > maxHeight) top = target.bottom + 24 - maxHeight;
  const bottom = Math.min(pageHeight, Math.max(target.bottom + 24, top + Math.min(maxHeight, 420)));
  return {x: 0, y: Math.round(top), width: window.innerWidth,
          height: Math.round(Math.min(maxHeight, bottom - top))};
}"""

# A stand-in for Google's reCAPTCHA v2 box, ticked (no request leaves the machine).
RECAPTCHA_STUB = """(() => {
  for (const holder of document.querySelectorAll(".g-recaptcha")) {
    const box = document.createElement("div");
    Object.assign(box.style, {width: "302px", height: "76px", border: "1px solid #d3d3d3",
      borderRadius: "3px", background: "#f9f9f9", display: "flex", alignItems: "center",
      gap: "12px", padding: "0 12px", boxSizing: "border-box", fontFamily: "Roboto, sans-serif",
      boxShadow: "0 0 4px 1px rgba(0,0,0,.08)", direction: "ltr"});
    const tick = document.createElement("div");
    tick.textContent = "\\u2714";
    Object.assign(tick.style, {fontSize: "28px", color: "#009e55", width: "28px"});
    const name = document.createElement("div");
    name.textContent = "reCAPTCHA";
    Object.assign(name.style, {marginInlineStart: "auto", fontSize: "10px", color: "#555"});
    box.append(tick, name);
    holder.appendChild(box);
    const answer = document.createElement("textarea");
    answer.name = "g-recaptcha-response";
    answer.hidden = true;
    answer.value = "howto-stand-in";
    holder.appendChild(answer);
  }
})();"""


class Recorder:
    """Which project templates the server rendered since the last ``take()``."""

    def __init__(self):
        self.lock = threading.Lock()
        self.names: set[str] = set()

    def __call__(self, sender, **kwargs):
        origin = getattr(sender, "origin", None)
        path = Path(getattr(origin, "name", "") or "")
        if origin is None or not path.is_file():
            return
        try:
            path.resolve().relative_to(ROOT)
        except ValueError:
            return  # Django's or a library's own template
        if ".venv" in path.parts:
            return
        with self.lock:
            self.names.add(origin.template_name)

    def take(self) -> set[str]:
        with self.lock:
            names, self.names = self.names, set()
        return names


# Scripts the pictures need a font for (fontconfig language codes): without one Chromium
# draws empty boxes. Debian: apt-get install fonts-noto-core fonts-noto-cjk.
FONT_LANGUAGES = {"zh-hans": "zh-cn", "ar": "ar", "fa": "fa", "hi": "hi", "pa": "pa", "ru": "ru"}
FONTS_HINT = "apt-get install fonts-noto-core fonts-noto-cjk"


def check_fonts(languages: list[str]) -> None:
    """Every language's script needs a font, or its pictures show empty boxes. The
    language chooser shows all twelve names, so every run needs every font."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        raise SystemExit(f"fc-list (fontconfig) is needed to check the fonts: {FONTS_HINT}")
    missing = []
    for language, fc_lang in FONT_LANGUAGES.items():
        found = subprocess.run(
            [fc_list, f":lang={fc_lang}", "family"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if not found:
            missing.append(language)
    if missing and languages:
        raise SystemExit(f"no font for {', '.join(missing)} here: {FONTS_HINT}")


def prepare_database() -> None:
    from django.core.management import call_command

    WORK.mkdir(parents=True, exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_data", stdout=open(os.devnull, "w"))  # noqa: SIM115


def start_server():
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(StaticFilesHandler(get_wsgi_application()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def template_hashes(names: set[str]) -> dict[str, str]:
    from django.template.loader import get_template

    return {
        name: hashlib.sha256(Path(get_template(name).origin.name).read_bytes()).hexdigest()
        for name in sorted(names)
    }


class Walk:
    """One language's run through every step."""

    def __init__(self, browser, base: str, language: str, recorder: Recorder, wanted: set[str]):
        self.base, self.language, self.recorder, self.wanted = base, language, recorder, wanted
        self.context = browser.new_context(
            viewport=VIEWPORT, locale=language, device_scale_factor=1, reduced_motion="reduce"
        )
        self.context.route("https://www.google.com/recaptcha/**", self._recaptcha)
        self.page = self.context.new_page()
        # Never a picture of an error page: a server error stops the run.
        self.failed: list[str] = []
        self.page.on("response", lambda r: r.status >= 500 and self.failed.append(r.url))
        self.cdp = self.context.new_cdp_session(self.page)
        self.results: dict[str, dict] = {}
        from checkin_portal.howto import STEPS

        self.small = {step.slug for step in STEPS if step.strip}

    @staticmethod
    def _recaptcha(route):
        route.fulfill(status=200, content_type="text/javascript", body=RECAPTCHA_STUB)

    def url(self, path: str) -> str:
        return f"{self.base}/{self.language}{path}"

    def shoot(self, slug: str, target, *, from_top: bool = False, same_as: str = "") -> None:
        templates = self.recorder.take()
        if same_as:  # another part of the page already pictured
            templates = self.results.get(same_as, {}).get("templates", set())
        if slug not in self.wanted:
            return
        page = self.page
        page.wait_for_load_state("load")
        if self.failed:
            raise SystemExit(f"{self.language} {slug}: server error at {self.failed}; fix it first")
        target.wait_for(state="visible", timeout=10_000)
        page.evaluate("() => document.activeElement?.blur()")  # no focus ring in the picture
        box = target.evaluate(OUTLINE_JS)
        clip = page.evaluate(CROP_JS, [box, from_top, MAX_HEIGHT])
        image = self._capture(slug, clip, scale=1)
        if slug in self.small:  # the home page's strip: the same picture at half size
            image["small"] = self._capture(f"{slug}-small", clip, scale=SMALL_SCALE)
        page.evaluate("() => document.getElementById('howto-outline')?.remove()")
        self.results[slug] = {"templates": templates, "image": image}

    def _capture(self, name: str, clip: dict, *, scale: float) -> dict:
        shot = self.cdp.send(
            "Page.captureScreenshot",
            {
                "format": "webp",
                "quality": QUALITY,
                "clip": {**clip, "scale": scale},
                "captureBeyondViewport": True,
            },
        )
        data = b64decode(shot["data"])
        out = ROOT / "static" / "howto" / self.language / f"{name}.webp"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        return {
            "width": round(clip["width"] * scale),
            "height": round(clip["height"] * scale),
            "bytes": len(data),
        }

    def run(self) -> dict[str, dict]:
        from django.utils import translation
        from django_countries import countries

        with translation.override(self.language):
            country = str(dict(countries)[COUNTRY])
        page, rec = self.page, self.recorder

        rec.take()
        page.goto(f"{self.base}/language/")
        self.shoot("language", page.locator(f"button[name=language][value={self.language}]"))
        with page.expect_navigation():
            page.locator(f"button[name=language][value={self.language}]").click()

        rec.take()
        page.goto(self.url("/sign-in/"))
        page.locator("input[name=subject_id]").fill(SUBJECT_ID)
        combo = page.locator(".portal-country-combo input.usa-combo-box__input")
        combo.fill(country[:4])
        page.locator(".usa-combo-box__list-option", has_text=country).first.click()
        page.locator(".g-recaptcha textarea").wait_for(state="attached")
        self.shoot("sign_in", page.locator("form.portal-sign-in button[type=submit]"))
        page.locator("form.portal-sign-in button[type=submit]").click()
        page.wait_for_url(self.url("/my-check-in/"))

        rec.take()
        page.goto(self.url("/book/"))
        page.locator("input[name=q]").fill(SEARCH)
        page.locator("input[name=q]").press("Enter")
        page.wait_for_load_state("load")
        see_times = page.locator("form[action$='/book/times/'] button[type=submit]").first
        self.shoot("office", see_times)
        see_times.click()

        page.wait_for_url("**/book/times/**")
        slot = page.locator("button[name=slot]").first
        self.shoot("time", slot)
        slot.click()

        page.wait_for_url("**/book/review/**")
        confirm = page.locator("form[action$='/book/confirm/'] button[type=submit]")
        self.shoot("review", confirm)
        confirm.click()

        page.wait_for_url(self.url("/my-appointment/"))
        self.shoot("confirmation", page.locator(".portal-confirmation-number").first)
        print_link = page.locator(f"main a[href='/{self.language}/my-appointment/print/']")
        self.shoot("record", print_link, same_as="confirmation")

        rec.take()
        page.goto(self.url("/new-address/send/"))
        self.shoot("address", page.locator("main form button[type=submit]").last)

        rec.take()
        page.goto(self.url("/my-hearing/"))
        self.shoot("hearing", page.locator(".portal-hearing__actions a").first)

        rec.take()
        page.goto(self.url("/my-check-in/"))
        self.shoot("end_session", page.locator(".portal-header__end-session button"), from_top=True)
        page.locator(".portal-header__end-session button").click()
        page.wait_for_url("**/session-ended/**")
        self.context.close()
        return self.results


def reset_demo_people() -> None:
    """Between languages: the demo person's booking and address change go (as
    ``load_demo_data --reset`` does), so that each language books from the start."""
    from addresses import demo_data as addresses_demo
    from appointments import demo_data as appointments_demo

    quiet = open(os.devnull, "w")  # noqa: SIM115
    appointments_demo.reset(quiet)
    addresses_demo.reset(quiet)


def main() -> int:
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", nargs="*", help="default: all twelve")
    parser.add_argument("--steps", nargs="*", help="default: every step")
    args = parser.parse_args()

    django.setup()
    from django.conf import settings
    from django.test.signals import template_rendered
    from django.test.utils import setup_test_environment
    from django_recaptcha.client import RecaptchaResponse
    from playwright.sync_api import sync_playwright

    from checkin_portal import howto

    languages = args.languages or [code for code, _name in settings.LANGUAGES]
    wanted = set(args.steps or [step.slug for step in howto.STEPS])
    check_fonts(languages)
    started = time.monotonic()
    prepare_database()
    print(f"demo database ready in {time.monotonic() - started:.1f} s")

    # Renders send template_rendered (what the manifest records); the demo banner is off.
    setup_test_environment(debug=True)
    settings.DEMO_MODE = False
    recorder = Recorder()
    template_rendered.connect(recorder)
    server, base = start_server()

    old = json.loads(howto.MANIFEST.read_text()) if howto.MANIFEST.exists() else {}
    steps = old.get("steps", {})
    shown: dict[str, set[str]] = {}
    verified = mock.patch(
        "django_recaptcha.fields.client.submit", return_value=RecaptchaResponse(is_valid=True)
    )
    try:
        with verified, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            )
            for language in languages:
                began = time.monotonic()
                results = Walk(browser, base, language, recorder, wanted).run()
                reset_demo_people()
                total = 0
                for slug, result in results.items():
                    shown.setdefault(slug, set()).update(result["templates"])
                    entry = steps.setdefault(slug, {"templates": {}, "images": {}})
                    entry["images"][language] = result["image"]
                    total += result["image"]["bytes"]
                print(
                    f"{language}: {len(results)} pictures, {total / 1024:.1f} KB, "
                    f"{time.monotonic() - began:.1f} s"
                )
            browser.close()
    finally:
        server.shutdown()
    # A step's templates are recorded only when every language was pictured again: after a
    # partial run the older hashes stay, and the test still asks for a full one.
    if set(languages) >= {code for code, _name in settings.LANGUAGES}:
        for slug, names in shown.items():
            steps[slug]["templates"] = template_hashes(names)
    manifest = {
        "about": "Written by scripts/screenshots.py (make screenshots). Do not edit.",
        "viewport": VIEWPORT,
        "steps": {step.slug: steps[step.slug] for step in howto.STEPS if step.slug in steps},
    }
    howto.MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    sizes = [
        image["bytes"] for entry in manifest["steps"].values() for image in entry["images"].values()
    ]
    print(
        f"{len(sizes)} pictures, {sum(sizes) / 1024:.0f} KB in all, "
        f"largest {max(sizes, default=0) / 1024:.1f} KB; {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
