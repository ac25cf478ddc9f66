"""The illustrated how-to (issue 19): its steps, and where each step's picture is.

One list read by the how-to page, the home page's "How it works" strip, the script that
takes the pictures (scripts/screenshots.py, `make screenshots`) and the test that fails when
a picture is missing or older than the templates it shows (tests/portal/test_howto.py).

A picture is ``static/howto/<language>/<step>.webp``; ``static/howto/manifest.json``,
written by the script, records per step the templates the page rendered (with a hash of
each one's content) and per language the picture's size.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

HOWTO_DIR = Path(settings.BASE_DIR) / "static" / "howto"
MANIFEST = HOWTO_DIR / "manifest.json"


@dataclass(frozen=True)
class Step:
    slug: str
    heading: str
    text: str
    # Says what the picture shows and what to press; %(button)s is the control's label.
    alt: str
    # The label of the control outlined in the picture, as the page shows it.
    button: str = ""
    # Part of the booking ("book") or one of the other tasks ("other").
    group: str = "book"
    # Shown in the home page's strip.
    strip: bool = False

    def alt_text(self) -> str:
        if self.button:
            return str(self.alt) % {"button": str(self.button)}
        return str(self.alt)


STEPS = [
    Step(
        "language",
        _("Choose your language"),
        _("On the first page, press the name of your language."),
        _(
            "Picture of the first page with the list of languages. Your language is outlined: press it."
        ),
    ),
    Step(
        "sign_in",
        _("Sign in"),
        _(
            "Type the Subject ID, choose the country of birth, and show that you are a person "
            "(not a robot). Then press Sign in."
        ),
        _(
            "Picture of the sign-in page with the Subject ID and the country of birth filled in. "
            "The button “%(button)s” is outlined: press it."
        ),
        button=_("Sign in"),
        strip=True,
    ),
    Step(
        "office",
        _("Find an office near you"),
        _(
            "Type your address, city, state or ZIP code and press Search. You will see the "
            "three closest offices. Choose one."
        ),
        _(
            "Picture of the office search: a ZIP code typed in, and the nearest offices. "
            "The button “%(button)s” of the first office is outlined: press it."
        ),
        button=_("See times at this office"),
        strip=True,
    ),
    Step(
        "time",
        _("Choose a time"),
        _(
            "The earliest times are at the top. Choose the earliest one you can go to. This "
            "meets your release conditions, even if it is later than the date on your papers."
        ),
        _(
            "Picture of the free times, earliest first. The first time is outlined: press the time you want."
        ),
        strip=True,
    ),
    Step(
        "review",
        _("Check and confirm"),
        _(
            "Read the office, date and time. Press Confirm to book it, or Back to choose "
            "another time."
        ),
        _(
            "Picture of the page to check the office, date and time. "
            "The button “%(button)s” is outlined: press it."
        ),
        button=_("Confirm"),
    ),
    Step(
        "confirmation",
        _("Keep your confirmation number"),
        _(
            "You will see a confirmation number. Print it, send it to your email or phone, add "
            "it to your calendar, or write it down. Keep it where you can find it."
        ),
        _("Picture of the booked appointment. The confirmation number is outlined: keep it."),
        strip=True,
    ),
    Step(
        "record",
        _("Keep a record"),
        _(
            "Lower on the same page you can print it, add it to your calendar, or send it to "
            "your phone or email."
        ),
        _(
            "Picture of your appointment page. The button “%(button)s” is outlined: "
            "press it to print your appointment."
        ),
        button=_("Print"),
    ),
    Step(
        "end_session",
        _("End your session"),
        _("Press End Session when you finish, most of all on a shared phone or computer."),
        _(
            "Picture of the top of the page. The button “%(button)s” is outlined: "
            "press it when you finish."
        ),
        button=_("End Session"),
    ),
    Step(
        "address",
        _("Send your new address"),
        _(
            "If you move: sign in, open New address, type your new address and press "
            "Continue. You will get a receipt number."
        ),
        _(
            "Picture of the form for your new address. Fill it in, then press the outlined "
            "button “%(button)s”."
        ),
        button=_("Continue"),
        group="other",
    ),
    Step(
        "hearing",
        _("Court hearing"),
        _("Sign in and open Court hearing to see the date, time and place of your hearing."),
        _(
            "Picture of your court hearing page: date, time and court. The button "
            "“%(button)s” is outlined: press it to save the hearing in your calendar."
        ),
        button=_("Add to my calendar"),
        group="other",
    ),
]


def image_name(language: str, slug: str, *, small: bool = False) -> str:
    """The picture's name under the static files (``small``: the strip's half-size copy)."""
    return f"howto/{language}/{slug}{'-small' if small else ''}.webp"


@cache
def manifest() -> dict:
    """The script's record of the pictures (read once per process); empty when missing."""
    try:
        return json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def pictures(*, language: str | None = None, strip_only: bool = False) -> list[dict]:
    """Each step with its picture in ``language`` (default: the active one): URL, width,
    height and alt text; ``strip_only``: the strip's steps, with their half-size pictures.
    A step without a picture comes with ``image`` None, so the page still shows its words."""
    language = language or get_language() or settings.LANGUAGE_CODE
    steps = manifest().get("steps", {})
    rows = []
    for step in STEPS:
        if strip_only and not step.strip:
            continue
        size = steps.get(step.slug, {}).get("images", {}).get(language)
        if size and strip_only:
            size = size.get("small")
        rows.append(
            {
                "step": step,
                "image": static(image_name(language, step.slug, small=strip_only))
                if size
                else None,
                "width": size["width"] if size else None,
                "height": size["height"] if size else None,
                "alt": step.alt_text(),
            }
        )
    return rows
