"""Every phone number a person reads goes through the one filter (``phone_display``): the
national form, isolated left to right. Rendered in Arabic, an unisolated "(833) 383-1465"
reads "383-1465 (833)". Each page that shows a phone (the help line in the footer and in
advice, an office's, a court's, an agency's, the automated case line) is scanned: no digit
run that looks like a phone number outside a ``<bdi>`` or ``dir="ltr"`` element, and no
E.164 ("+1...") anywhere a person reads.

Only a number with spaces or parentheses scrambles: "202-555-0123" is one left-to-right run
for the bidi algorithm (a hyphen between digits joins them), "(202) 555 0123" is not."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from tests.appointments.factories import AppointmentFactory
from tests.hearings.conftest import sign_in
from tests.hearings.factories import HearingFactory
from tests.helpers import superuser_client
from tests.offices.factories import OfficeFactory, office_at
from tests.offices.pages import bay_area_offices, fresh_office_points  # noqa: F401 - fixtures
from tests.subjects.factories import SubjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_office_points")]

# Ten or more digits with the punctuation of a phone number: "(833) 383-1465",
# "+1-833-383-1465", "8333831465". Dates, times, ZIPs and A-numbers have fewer.
PHONE_LIKE = re.compile(r"\+?\(?\d[\d\s().\-\u00a0]{8,}\d")
E164_LIKE = re.compile(r"\+1[\s\-(]?\d")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Texts(HTMLParser):
    """The text a person reads, each piece with whether it sits inside an isolated
    left-to-right element (``<bdi>`` or any element with ``dir="ltr"``)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.pieces: list[tuple[str, bool]] = []

    def _isolated(self) -> bool:
        return any(isolated for _tag, isolated in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        isolated = tag == "bdi" or dict(attrs).get("dir") == "ltr"
        self.stack.append((tag, isolated))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if any(tag in ("script", "style", "title") for tag, _i in self.stack):
            return
        if data.strip():
            self.pieces.append((data, self._isolated()))


def phone_problems(html: str) -> list[str]:
    """Phone-like numbers a person would read scrambled or in E.164."""
    parser = _Texts()
    # The <html dir="..."> root is not an isolation of a number: skip it.
    parser.feed(re.sub(r"<html[^>]*>", "<html>", html, count=1))
    problems = []
    for text, isolated in parser.pieces:
        for match in PHONE_LIKE.finditer(text):
            number = match.group()
            scrambles = any(ch in number for ch in " ()\u00a0")
            if sum(ch.isdigit() for ch in number) >= 10 and scrambles and not isolated:
                problems.append(f"not isolated: {number!r}")
        if E164_LIKE.search(text):
            problems.append(f"E.164 shown: {text.strip()!r}")
    return problems


@pytest.fixture(autouse=True)
def _english_after():
    """A request in Arabic leaves Arabic active in this thread: give English back."""
    yield
    translation.activate("en")


def _ar(name: str) -> str:
    with translation.override("ar"):
        return reverse(name)


def _page(client: Client, url: str, data=None) -> str:
    response = client.get(url, data or {})
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_scanner_finds_a_scrambled_or_e164_number():
    assert phone_problems("<p>Call (833) 383-1465.</p>") == ["not isolated: '(833) 383-1465'"]
    assert phone_problems('<p>Call <bdi dir="ltr">(833) 383-1465</bdi>.</p>') == []
    assert (
        phone_problems('<p>Call <a dir="ltr" href="tel:+18333831465">(833) 383-1465</a></p>') == []
    )
    assert phone_problems('<p><bdi dir="ltr">+1-833-383-1465</bdi></p>') == [
        "E.164 shown: '+1-833-383-1465'"
    ]
    assert phone_problems("<p>مثلًا 202 555 0123</p>") == ["not isolated: '202 555 0123'"]
    # One left-to-right run already; dates and ZIPs are not phone numbers.
    assert phone_problems("<p>مثلًا 202-555-0123</p>") == []
    assert phone_problems("<p>2026-12-05, 30303-1234, 9:30</p>") == []


def test_home_page_footer_help_line(client):
    html = _page(client, "/ar/")
    assert '<bdi class="portal-phone" dir="ltr">(833) 383-1465</bdi>' in html
    assert phone_problems(html) == []


def test_finder_office_without_online_booking(client, bay_area):
    html = _page(client, "/ar/offices/", {"q": "95112"})
    assert "(408) 555-1234" in html
    assert phone_problems(html) == []


def test_finder_office_without_online_booking_or_phone_points_to_the_help_line(client, bay_area):
    bay_area["san_jose"].phone = ""
    bay_area["san_jose"].save()
    html = _page(client, "/ar/offices/", {"q": "95112"})
    assert html.count("(833) 383-1465") >= 2  # the advice and the footer
    assert phone_problems(html) == []


def test_finder_with_no_bookable_office_names_the_help_line(client):
    OfficeFactory(code="WALK-IN-GA", accepts_online_booking=False)
    html = _page(client, "/ar/offices/", {"q": "30303"})
    assert html.count("(833) 383-1465") >= 2
    assert phone_problems(html) == []


def test_finder_from_a_territory_names_the_help_line(client):
    office_at("MIAMI-FL", "Miami", "FL", "33166", 25.8207, -80.3352)
    html = _page(client, "/ar/offices/", {"q": "00918"})
    assert 'id="office-far-heading"' in html
    assert html.count("(833) 383-1465") >= 2
    assert phone_problems(html) == []


def test_hearing_page_court_and_case_line(client):
    subject = SubjectFactory()
    HearingFactory(subject=subject)
    sign_in(client, subject)
    html = _page(client, _ar("hearings:detail"))
    assert '<bdi class="portal-phone" dir="ltr">(312) 555-0100</bdi>' in html
    assert '<bdi class="portal-phone" dir="ltr">(800) 898-7180</bdi>' in html
    assert phone_problems(html) == []


def test_my_check_in_with_an_appointment_shows_the_office_phone(client):
    appointment = AppointmentFactory()
    sign_in(client, appointment.subject)
    html = _page(client, _ar("appointments:mine"))
    assert '<bdi class="portal-phone" dir="ltr">(404) 893-1290</bdi>' in html
    assert phone_problems(html) == []


def test_address_guidance_agency_phones(client):
    html = _page(
        client,
        "/ar/new-address/",
        {"release_form": "nta", "credible_fear": "yes", "work_permit": "yes"},
    )
    assert '<bdi class="portal-phone" dir="ltr">(800) 898-7180</bdi>' in html
    assert phone_problems(html) == []


def test_address_guidance_not_sure_of_the_form_names_the_help_line(client):
    html = _page(
        client,
        "/ar/new-address/",
        {"release_form": "other", "credible_fear": "not_sure", "work_permit": "no"},
    )
    assert html.count('<bdi class="portal-phone" dir="ltr">(833) 383-1465</bdi>') >= 3
    assert phone_problems(html) == []


@override_settings(SIGN_IN_MAX_FAILURES_PER_ID=1, SIGN_IN_LOCKOUT_SECONDS=900)
def test_sign_in_lockout_names_the_help_line(client):
    SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    data = {"subject_id": "AB123456", "country_of_birth": "MX"}
    client.post(_ar("subjects:sign_in"), data)
    response = client.post(_ar("subjects:sign_in"), data)
    assert response.status_code == 429
    html = response.content.decode()
    assert '<bdi class="portal-phone" dir="ltr">(833) 383-1465</bdi>' in html
    assert phone_problems(html) == []


# --- Staff read phones in the national form; exports keep E.164 (machine data).


@pytest.fixture
def root():
    return superuser_client()


def test_staff_office_and_court_lists_show_national_phones(root):
    from tests.hearings.factories import ImmigrationCourtFactory

    OfficeFactory(code="ATL-PHONE")
    ImmigrationCourtFactory()
    for name, shown in (
        ("admin:offices_office_changelist", "(404) 893-1290"),
        ("admin:hearings_immigrationcourt_changelist", "(312) 555-0100"),
    ):
        html = root.get(reverse(name)).content.decode()
        assert f'<td class="field-phone_shown">{shown}</td>' in html, name
        assert "+14048931290" not in html and "+13125550100" not in html


def test_staff_address_change_shows_a_national_phone_and_exports_e164(root):
    from addresses.admin import AddressChangeResource
    from tests.addresses.factories import AddressChangeFactory

    change = AddressChangeFactory(phone="+14045550100")
    html = root.get(reverse("admin:addresses_addresschange_change", args=[change.pk])).content
    assert "(404) 555-0100" in html.decode()
    assert "+14045550100" not in html.decode()
    exported = AddressChangeResource().export().dict[0]
    assert exported["phone"] == "+14045550100"


def test_earlier_times_page_shows_the_persons_own_number_readably(client):
    from appointments.waitlist import services as waitlist

    appointment = AppointmentFactory()
    waitlist.entry_join(
        subject=appointment.subject,
        office_ids=[appointment.slot.office_id],
        channel="sms",
        destination="202 555 0123",
    )
    sign_in(client, appointment.subject)
    html = _page(client, _ar("appointments:earlier"))
    assert 'value="(202) 555-0123"' in html
    assert "+12025550123" not in html
    assert phone_problems(html) == []
