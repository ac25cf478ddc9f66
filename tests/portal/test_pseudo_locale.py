"""Every word a person can read is translatable: each page is rendered under a pseudo
translation that wraps every translated message in ⟦…⟧, and any text with letters left
outside the markers is a string nobody marked for translation.

The pseudo translation replaces one shipped language's catalogue for the test's duration
(``trans_real._translations``), so URLs, the language cookie, formats and plurals behave
exactly as for a real language. What may legitimately stay outside the markers is listed
in ``allowed_texts``: data this test put in the database, codes and numbers, settings
(portal, agency, help line) and the language names the chooser shows in their own script.
"""

import datetime
import gettext
import itertools
import re
import zoneinfo
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.template import Context, Template, loader
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.translation import trans_real
from django_countries import countries

from appointments.models import AppointmentStatus, Closure
from checkin_portal import clock
from checkin_portal import views as portal_views
from checkin_portal.places.states import MAIL_STATE_CHOICES
from hearings.models import HearingFormat, HearingStatus, HearingType, OperatingStatus
from offices.selectors import forget_office_points
from subjects import demo_data
from subjects.release_forms import ReleaseForm
from subjects.session import SESSION_LAST_SEEN_KEY, SESSION_SUBJECT_KEY
from tests.addresses.factories import AddressChangeFactory
from tests.appointments.factories import AppointmentFactory, SlotFactory, days_from_now
from tests.hearings.factories import HearingFactory, ImmigrationCourtFactory
from tests.helpers import subject_sign_in
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db

PSEUDO = "tr"  # a shipped language whose date formats hold no words of their own
OPEN, CLOSE = "⟦", "⟧"


class PseudoTranslation(gettext.NullTranslations):
    """Every message, translated or not, comes back as ⟦message⟧ (placeholders intact).
    Django's pgettext/npgettext ask for "context\\x04message": the context is dropped."""

    def __init__(self, code: str):
        super().__init__()
        self._code = code

    def gettext(self, message):
        return OPEN + message.rsplit(trans_real.CONTEXT_SEPARATOR, 1)[-1] + CLOSE

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)

    def language(self):
        return self._code

    def to_language(self):
        return self._code


@pytest.fixture
def pseudo_locale():
    previous = trans_real._translations.get(PSEUDO)
    del countries.countries  # django-countries caches translated names per language
    trans_real._translations[PSEUDO] = PseudoTranslation(PSEUDO)
    yield PSEUDO
    if previous is None:
        trans_real._translations.pop(PSEUDO, None)
    else:
        trans_real._translations[PSEUDO] = previous
    del countries.countries
    translation.activate(settings.LANGUAGE_CODE)


# --- Finding the text nobody marked -------------------------------------------------

VISIBLE_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "label"}
# Words a script shows later: the sign-in combo box's placeholder, labels and messages.
VISIBLE_ATTRIBUTES |= {
    "data-placeholder",
    "data-clear-label",
    "data-toggle-label",
    "data-no-results",
    "data-results-found",
}
BUTTON_INPUTS = {"submit", "button", "reset"}
LETTER = re.compile(r"[^\W\d_]")
# Codes that stay as printed: anything with a digit (I-862, AB123456, 30303, EOIR-33/IC),
# short capitals (time zones, states, agency acronyms), web addresses and e-mail addresses.
CODES = re.compile(
    r"(?<!\w)(?:[\w/.-]*\d[\w/.-]*|[A-Z]{2,5}|[A-Z][a-z][A-Z]{2})(?!\w)"
    r"|https?://\S+|(?<!\w)[\w.-]+\.(?:gov|com|org|invalid)(?:/\S*)?|\S+@\S+"
)


class _TextCollector(HTMLParser):
    """Walks the page in order, tracking the ⟦…⟧ depth across tags (a translated
    message may hold markup), and keeps what is outside every marker."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.depth = 0
        self.outside: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.skipping += 1
            return
        attrs = dict(attrs)
        shown = [value for name, value in attrs.items() if name in VISIBLE_ATTRIBUTES and value]
        if tag == "input" and attrs.get("type") in BUTTON_INPUTS and attrs.get("value"):
            shown.append(attrs["value"])
        if self.depth == 0:  # else the attribute is part of a translated message
            self.outside.extend(_strip_markers(value) for value in shown)

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self.skipping = max(0, self.skipping - 1)

    def handle_data(self, data):
        if self.skipping:
            return
        kept = []
        for char in data:
            if char == OPEN:
                self.depth += 1
                kept.append(" ")
            elif char == CLOSE:
                self.depth = max(0, self.depth - 1)
                kept.append(" ")
            elif self.depth == 0:
                kept.append(char)
        self.outside.append("".join(kept))


def _strip_markers(text: str) -> str:
    inner = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
    while True:
        stripped = inner.sub(" ", text)
        if stripped == text:
            return text
        text = stripped


def untranslated_texts(html: str, allowed: set[str]) -> list[str]:
    """Each visible text (text node or user-visible attribute) with letters outside the
    ⟦…⟧ markers once the allowed texts and codes are taken out; in page order, once each."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    known = sorted((text for text in allowed if text.strip()), key=len, reverse=True)
    allowed_re = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(text) for text in known) + r")(?!\w)"
        if known
        else r"(?!)"
    )
    found: list[str] = []
    for text in collector.outside:
        text = " ".join(text.split())
        rest = CODES.sub(" ", allowed_re.sub(" ", text))
        if LETTER.search(rest) and text not in found:
            found.append(text)
    return found


# Kept in English on purpose: USPS place names (checkin_portal/places/states.py says why), examples of
# what to type in the office search, and the address this test types, as USPS writes it.
KEPT_AS_PRINTED = {
    *dict(MAIL_STATE_CHOICES).values(),
    "Houston, TX",
    "100 Main Street, Dallas, TX",
    "180 TED TURNER DR SW STE 522",
    "ATLANTA GA 30303",
    ".ics",  # the calendar file's type, a file name ending, never translated
}


def allowed_texts() -> set[str]:
    """What may show untranslated: every text value in the database (made by this test
    or seeded: names, offices, courts, FAQ in each language), settings, language names."""
    texts = {
        settings.PORTAL_NAME,
        settings.AGENCY_NAME,
        settings.AGENCY_SHORT_NAME,
        *dict(settings.LANGUAGES).values(),
        *KEPT_AS_PRINTED,
    }
    for app in ("subjects", "offices", "appointments", "hearings", "addresses", "checkin_portal"):
        for model in apps.get_app_config(app).get_models():
            fields = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField) and not f.choices
            ]
            for row in model.objects.values_list(*fields) if fields else ():
                for value in row:
                    texts.update(line.strip() for line in str(value or "").splitlines())
    return {text for text in texts if LETTER.search(text)}


def test_the_pseudo_locale_wraps_every_kind_of_message(pseudo_locale):
    from django.utils.translation import gettext_lazy, npgettext, pgettext

    lazy = gettext_lazy("Lazy form label")
    with translation.override(PSEUDO):
        rendered = Template(
            "{% load i18n %}{% translate 'Plain' %}|"
            "{% blocktranslate trimmed with name=who %}Hello {{ name }}{% endblocktranslate %}|"
            "{% blocktranslate count n=2 %}{{ n }} day{% plural %}{{ n }} days"
            "{% endblocktranslate %}|{% translate 'May' context 'month name' %}"
        ).render(Context({"who": "Ana"}))
        assert rendered == "⟦Plain⟧|⟦Hello Ana⟧|⟦2 days⟧|⟦May⟧"
        assert str(lazy) == "⟦Lazy form label⟧"
        assert pgettext("month name", "May") == "⟦May⟧"
        assert npgettext("unit", "%(n)s mile", "%(n)s miles", 1) % {"n": 1} == "⟦1 mile⟧"
        assert translation.get_language() == PSEUDO


def test_the_helper_finds_an_unmarked_string_and_nothing_else():
    html = (
        "<html><head><title>⟦Sign in⟧ — Check-In Portal</title><script>var x='Leak';</script>"
        '</head><body><p>⟦Read <a href="/">the guide</a> first.⟧</p><p>Ana López</p>'
        '<p>⟦Code⟧: AB12-CD34 (CST)</p><input type="submit" value="Send now">'
        '<img alt="Office photo" src="x.png"><p>Forgotten words</p><input value="typed"></body>'
    )
    assert untranslated_texts(html, {"Ana López", "Check-In Portal"}) == [
        "Send now",
        "Office photo",
        "Forgotten words",
    ]


# --- The pages -----------------------------------------------------------------------


@dataclass
class World:
    subjects: dict = field(default_factory=dict)
    office: object = None
    slot: object = None


@pytest.fixture
def world(db):
    forget_office_points()
    today = clock.now().date()
    world = World()
    for values in demo_data._subjects(today):
        world.subjects[values["subject_id"]] = SubjectFactory(**values)
    world.office = OfficeFactory(
        code="ATLANTA-GA",
        name="Atlanta Field Office",
        street="180 Ted Turner Drive SW",
        zip="30303",
        hours="Tuesday-Thursday, 8 a.m.-3 p.m.",
        instructions="Check in via main entrance.",
    )
    OfficeFactory(
        code="GADSDEN-AL",
        name="Gadsden Sub-Office",
        city="Gadsden",
        state="AL",
        zip="35901",
        latitude=34.0143,
        longitude=-86.0066,
        accepts_online_booking=False,
        phone="",
        hours="",
    )
    world.slot = SlotFactory(office=world.office, starts_at=days_from_now(3))
    SlotFactory(office=world.office, starts_at=days_from_now(4))
    AppointmentFactory(
        subject=world.subjects["DEMO1007"],
        slot=SlotFactory(office=world.office, starts_at=days_from_now(5), booked=1),
        wants_reminder=True,
        reminder_phone="+12025550123",
    )
    # Booked, then the office closed that day: "My check-in" asks to book again.
    closed = SubjectFactory(
        subject_id="CLOSED01",
        given_names="Rosa",
        release_form=ReleaseForm.NOTICE_TO_REPORT,
        report_by=today + datetime.timedelta(days=20),
    )
    world.subjects["CLOSED01"] = closed
    cancelled = AppointmentFactory(
        subject=closed,
        slot=SlotFactory(office=world.office, starts_at=days_from_now(6)),
        status=AppointmentStatus.CANCELLED_BY_OFFICE,
    )
    day = cancelled.slot.starts_at.date()
    Closure.objects.create(office=world.office, starts_on=day, ends_on=day, reason="Water leak")
    # Hearings: one upcoming; one at a court closed that day, after a past and a moved one.
    HearingFactory(subject=world.subjects["DEMO1001"], judge="R. Example")
    HearingFactory(
        subject=world.subjects["DEMO1004"],
        hearing_type=HearingType.INDIVIDUAL,
        hearing_format=HearingFormat.VIDEO,
    )
    soon = clock.now() + datetime.timedelta(days=9)
    closed_court = ImmigrationCourtFactory(
        name="Newark Immigration Court",
        city="Newark",
        state="NJ",
        zip_code="07102",
        time_zone="America/New_York",
        operating_status=OperatingStatus.CLOSED_ON_DATE,
        closed_on=soon.astimezone(zoneinfo.ZoneInfo("America/New_York")).date(),
        status_notice="Closed for repairs.",
    )
    HearingFactory(
        subject=world.subjects["DEMO1005"],
        court=closed_court,
        starts_at=clock.now() - datetime.timedelta(days=30),
        status=HearingStatus.COMPLETED,
    )
    HearingFactory(
        subject=world.subjects["DEMO1005"],
        court=closed_court,
        starts_at=soon - datetime.timedelta(days=2),
        status=HearingStatus.RESCHEDULED,
    )
    HearingFactory(subject=world.subjects["DEMO1005"], court=closed_court, starts_at=soon)
    AddressChangeFactory(subject=world.subjects["DEMO1002"])
    yield world
    forget_office_points()


def _today() -> datetime.date:
    return clock.now().date()


P = f"/{PSEUDO}"
ADDRESS = {
    "street": "180 ted turner drive southwest",
    "unit": "suite 522",
    "city": "atlanta",
    "state": "GA",
    "zip_code": "30303",
    "in_care_of": "",
    "phone": "",
    "email": "",
    "confirmation": "",
}


def _address_confirm(client, world):
    move_date = (_today() - datetime.timedelta(days=1)).isoformat()
    response = client.post(f"{P}/new-address/send/", {**ADDRESS, "move_date": move_date})
    assert response.status_code == 302, "the address form did not accept the test address"
    return client.get(f"{P}/new-address/send/check/")


def _timed_out_sign_in(client, world):
    session = client.session
    session[SESSION_SUBJECT_KEY] = world.subjects["DEMO1003"].pk
    session[SESSION_LAST_SEEN_KEY] = clock.now().timestamp() - 24 * 60 * 60
    session.save()
    return client.get(f"{P}/sign-in/")


def _locked_out(client, world):
    wrong = {"subject_id": "DEMO-1001", "country_of_birth": "FR"}
    for _ in range(settings.SIGN_IN_MAX_FAILURES_PER_ID):
        client.post(f"{P}/sign-in/", wrong)
    return client.post(f"{P}/sign-in/", wrong)


def _csrf_failure(client, world):
    strict = Client(enforce_csrf_checks=True)
    strict.cookies[settings.LANGUAGE_COOKIE_NAME] = PSEUDO
    return strict.post(f"{P}/sign-in/", {"subject_id": "X"})


def _guidance_answers(client, world):
    return client.get(
        f"{P}/new-address/",
        {
            "release_form": ReleaseForm.NOTICE_TO_APPEAR,
            "credible_fear": "yes",
            "work_permit": "yes",
            "move_date": (_today() - datetime.timedelta(days=3)).isoformat(),
        },
    )


def _error_page(view):
    """400, 403 and 500 have no URL of their own: call the handler as Django would."""

    def fetch(client, world):
        translation.activate(PSEUDO)  # LocaleMiddleware's work, for a bare request
        return view(RequestFactory().get(f"{P}/anything/"))

    return fetch


def _plain_500(client, world):
    body = loader.get_template("500_plain.html").render({"LANGUAGE_CODE": PSEUDO})
    return HttpResponse(body, status=500)


def _database_away(client, world):
    # The 503 page needs no database: render it as the error handler does.
    return portal_views.service_unavailable(RequestFactory().get(f"{P}/anything/"))


# page: (who is signed in, how to fetch it, the status expected)
PAGES = {
    "language choice": (None, lambda c, w: c.get("/language/"), 200),
    "home": (None, lambda c, w: c.get(f"{P}/"), 200),
    "help": (None, lambda c, w: c.get(f"{P}/help/"), 200),
    "tutorial": (None, lambda c, w: c.get(f"{P}/help/how-to-book/"), 200),
    "office finder": (None, lambda c, w: c.get(f"{P}/offices/"), 200),
    "office finder, results": (None, lambda c, w: c.get(f"{P}/offices/", {"q": "30303"}), 200),
    "office finder, no match": (None, lambda c, w: c.get(f"{P}/offices/", {"q": "Zzyzx"}), 200),
    "office chosen, then sign in": (
        None,
        lambda c, w: c.post(f"{P}/offices/choose/", {"office": "ATLANTA-GA"}, follow=True),
        200,
    ),
    "address guidance": (None, lambda c, w: c.get(f"{P}/new-address/"), 200),
    "address guidance, answers": (None, _guidance_answers, 200),
    "address guidance, bad answer": (
        None,
        lambda c, w: c.get(f"{P}/new-address/", {"release_form": "x", "credible_fear": "no"}),
        200,
    ),
    "sign-in": (None, lambda c, w: c.get(f"{P}/sign-in/"), 200),
    "sign-in, empty": (None, lambda c, w: c.post(f"{P}/sign-in/", {}), 200),
    "sign-in, no match": (
        None,
        lambda c, w: c.post(f"{P}/sign-in/", {"subject_id": "DEMO-1001", "country_of_birth": "FR"}),
        200,
    ),
    "sign-in, session timed out": (None, _timed_out_sign_in, 200),
    "sign-in, locked out": (None, _locked_out, 429),
    "session ended": (None, lambda c, w: c.get(f"{P}/session-ended/"), 200),
    "404": (None, lambda c, w: c.get(f"{P}/no-such-page/"), 404),
    "403 csrf": (None, _csrf_failure, 403),
    "400": (None, _error_page(portal_views.bad_request), 400),
    "403": (None, _error_page(portal_views.permission_denied), 403),
    "500": (None, _error_page(portal_views.server_error), 500),
    "500, without the database": (None, _plain_500, 500),
    "503, the database away": (None, _database_away, 503),
    "my check-in, appointment on papers": (
        "DEMO1001",
        lambda c, w: c.get(f"{P}/my-check-in/"),
        200,
    ),
    "my check-in, completed": ("DEMO1002", lambda c, w: c.get(f"{P}/my-check-in/"), 200),
    "my check-in, book now": ("DEMO1003", lambda c, w: c.get(f"{P}/my-check-in/"), 200),
    "my check-in, report-by passed": ("DEMO1004", lambda c, w: c.get(f"{P}/my-check-in/"), 200),
    "my check-in, papers passed": ("DEMO1005", lambda c, w: c.get(f"{P}/my-check-in/"), 200),
    "my check-in, other form": ("DEMO1006", lambda c, w: c.get(f"{P}/my-check-in/"), 200),
    "my check-in, booked online": ("DEMO1007", lambda c, w: c.get(f"{P}/my-check-in/"), 200),
    "my check-in, office closed": ("CLOSED01", lambda c, w: c.get(f"{P}/my-check-in/"), 200),
    "book, office": ("DEMO1003", lambda c, w: c.get(f"{P}/book/"), 200),
    "book, office search": ("DEMO1003", lambda c, w: c.get(f"{P}/book/", {"q": "30303"}), 200),
    "book, times": ("DEMO1003", lambda c, w: c.get(f"{P}/book/times/?office=ATLANTA-GA"), 200),
    "book, times, after the report-by date": (
        "DEMO1004",
        lambda c, w: c.get(f"{P}/book/times/?office=ATLANTA-GA"),
        200,
    ),
    "book, office without online booking": (
        "DEMO1003",
        lambda c, w: c.get(f"{P}/book/times/?office=GADSDEN-AL", follow=True),
        200,
    ),
    "my appointment, none booked": (
        "DEMO1003",
        lambda c, w: c.get(f"{P}/my-appointment/", follow=True),
        200,
    ),
    "book, review": ("DEMO1003", lambda c, w: c.get(f"{P}/book/review/?slot={w.slot.pk}"), 200),
    "book, review a move": (
        "DEMO1007",
        lambda c, w: c.get(f"{P}/book/review/?slot={w.slot.pk}"),
        200,
    ),
    "my appointment": ("DEMO1007", lambda c, w: c.get(f"{P}/my-appointment/"), 200),
    "my appointment, send errors": (
        "DEMO1007",
        lambda c, w: c.post(f"{P}/my-appointment/send/", {"channel": "sms", "destination": "1"}),
        400,
    ),
    "my appointment, print": ("DEMO1007", lambda c, w: c.get(f"{P}/my-appointment/print/"), 200),
    "cancel appointment": ("DEMO1007", lambda c, w: c.get(f"{P}/my-appointment/cancel/"), 200),
    "hearing": ("DEMO1001", lambda c, w: c.get(f"{P}/my-hearing/"), 200),
    "hearing, court closed": ("DEMO1005", lambda c, w: c.get(f"{P}/my-hearing/"), 200),
    "hearing, by video": ("DEMO1004", lambda c, w: c.get(f"{P}/my-hearing/"), 200),
    "hearing, none on record": ("DEMO1003", lambda c, w: c.get(f"{P}/my-hearing/"), 200),
    "hearing, print": ("DEMO1005", lambda c, w: c.get(f"{P}/my-hearing/print/"), 200),
    "address guidance, signed in": ("DEMO1004", lambda c, w: c.get(f"{P}/new-address/"), 200),
    "address change": ("DEMO1003", lambda c, w: c.get(f"{P}/new-address/send/"), 200),
    "address change, errors": (
        "DEMO1003",
        lambda c, w: c.post(f"{P}/new-address/send/", {"zip_code": "1"}),
        200,
    ),
    "address change, check": ("DEMO1003", _address_confirm, 200),
    "address change, receipt": (
        "DEMO1002",
        lambda c, w: c.get(f"{P}/new-address/send/receipt/"),
        200,
    ),
}


def rendered_in_pseudo_locale(client, world, page_state) -> str:
    """The page of ``page_state`` in the pseudo locale, signed in as its person if any."""
    who, fetch, status = PAGES[page_state]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = PSEUDO
    if who:
        subject_sign_in(client, world.subjects[who])
    response = fetch(client, world)
    assert response.status_code == status
    return response.content.decode()


# Not "page": that name is pytest-playwright's fixture, which would make this a browser test
# (parametrized by browser and moved in among them).
@pytest.mark.parametrize("page_state", PAGES)
def test_every_visible_text_is_marked_for_translation(client, world, pseudo_locale, page_state):
    html = rendered_in_pseudo_locale(client, world, page_state)
    assert f'<html lang="{PSEUDO}"' in html and OPEN in html, "the pseudo locale is not active"
    leaks = untranslated_texts(html, allowed_texts())
    assert not leaks, f"{page_state}: text not marked for translation:\n" + "\n".join(
        f"  {text!r}" for text in leaks
    )


class _VisibleText(HTMLParser):
    """The body's text in reading order (markers kept): no scripts, styles or <title>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.skipping += tag in {"script", "style", "title"}

    def handle_endtag(self, tag):
        if tag in {"script", "style", "title"}:
            self.skipping = max(0, self.skipping - 1)

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


MESSAGE = re.compile(f"{OPEN}([^{OPEN}{CLOSE}]*){CLOSE}")
NESTED_PARENTHESES = re.compile(r"\([^()]*\(")
E164 = re.compile(r"(?<![\w/])\+\d{10,15}(?!\d)")


def wording_problems(html: str) -> list[str]:
    """Issue 14's slips a reader notices: one message repeating the one before it ("Print
    this page Print this page, take a photo…"), brackets inside brackets, and a phone
    number in E.164 ("+12025550123") where people need one they can read back."""
    collector = _VisibleText()
    collector.feed(html)
    collector.close()
    text = " ".join(" ".join(collector.parts).split())
    problems = []
    messages = [" ".join(m.split()).rstrip(".").casefold() for m in MESSAGE.findall(text)]
    for before, after in itertools.pairwise(messages):
        if len(before.split()) >= 2 and after.startswith(before):
            problems.append(f"repeated: {before!r} then {after!r}")
    plain = text.replace(OPEN, " ").replace(CLOSE, " ")
    problems += [
        f"brackets inside brackets near {m.group()!r}" for m in NESTED_PARENTHESES.finditer(plain)
    ]
    problems += [f"E.164 number shown: {m.group()!r}" for m in E164.finditer(plain)]
    return problems


def test_the_wording_check_finds_each_kind_of_slip():
    page = (
        f"<p><button>{OPEN}Print this page{CLOSE}</button> {OPEN}Print this page, take a photo"
        f"{CLOSE}</p><p>{OPEN}within 10 days (every day counts (weekends too)){CLOSE}</p>"
        f"<dd>+12025550123</dd><a href='tel:+12025550123'>(202) 555-0123</a>"
    )
    problems = wording_problems(page)
    assert len(problems) == 3, problems
    assert not wording_problems(f"<p>{OPEN}Directions{CLOSE} {OPEN}(opens a map){CLOSE}</p>")


@pytest.mark.parametrize("page_state", PAGES)
def test_no_repeated_words_nested_brackets_or_e164_numbers(
    client, world, pseudo_locale, page_state
):
    problems = wording_problems(rendered_in_pseudo_locale(client, world, page_state))
    assert not problems, f"{page_state}:\n" + "\n".join(f"  {p}" for p in problems)
