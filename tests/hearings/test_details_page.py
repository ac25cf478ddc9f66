"""The signed-in hearing details page, its printable view and the calendar file."""

import datetime
import re

import icalendar
import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from hearings.models import HearingFormat, HearingStatus, HearingType, OperatingStatus
from tests.subjects.factories import SubjectFactory

from .conftest import sign_in
from .factories import HearingFactory, ImmigrationCourtFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
# "Now" for these tests: Monday 2026-03-02 17:00 UTC.
NOW = datetime.datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def _text(response) -> str:
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _court(**kwargs):
    defaults = {
        "honolulu": {"zip_code": "96850", "city": "Honolulu", "state": "HI"},
        "guam": {"zip_code": "96910", "city": "Hagatna", "state": "GU"},
        "puerto_rico": {"zip_code": "00968-4605", "city": "Guaynabo", "state": "PR"},
        "chicago": {"zip_code": "60603", "city": "Chicago", "state": "IL"},
    }
    place = kwargs.pop("place", "chicago")
    return ImmigrationCourtFactory(**{**defaults[place], **kwargs})


# --- who may see what


def test_signed_out_visitor_is_sent_to_sign_in(client):
    for name in ("hearings:detail", "hearings:print", "hearings:calendar"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("subjects:sign_in"))


def test_urls_carry_no_ids():
    assert reverse("hearings:detail") == "/en/my-hearing/"
    assert reverse("hearings:print") == "/en/my-hearing/print/"
    assert reverse("hearings:calendar") == "/en/my-hearing/court-hearing.ics"


def test_another_persons_hearings_are_unreachable(client):
    mine = SubjectFactory()
    theirs = SubjectFactory(a_number="123456789")
    HearingFactory(subject=mine, court=_court(name="My Court"), judge="Judge Mine")
    other = HearingFactory(
        subject=theirs,
        court=_court(name="Their Court", code="their-court"),
        judge="Judge Theirs",
        starts_at=NOW + datetime.timedelta(days=2),  # sooner than mine
    )
    sign_in(client, mine)
    pages = [
        client.get(reverse("hearings:detail")),
        client.get(reverse("hearings:print")),
        client.get(reverse("hearings:calendar")),
        # Tampering: ids in the query string are ignored, id paths do not exist.
        client.get(reverse("hearings:detail"), {"subject": theirs.pk, "hearing": other.pk}),
        client.get(reverse("hearings:calendar"), {"subject": theirs.pk, "uid": str(other.uid)}),
    ]
    for response in pages:
        assert response.status_code == 200
        body = response.content.decode()
        assert "Their Court" not in body and "Judge Theirs" not in body
        assert "My Court" in body
    for path in (f"/en/my-hearing/{other.pk}/", f"/en/my-hearing/{other.uid}/"):
        assert client.get(path).status_code == 404


def test_pages_are_private_and_get_only(client):
    subject = SubjectFactory()
    HearingFactory(subject=subject)
    sign_in(client, subject)
    for name in ("hearings:detail", "hearings:print", "hearings:calendar"):
        response = client.get(reverse(name))
        assert "no-store" in response["Cache-Control"]
        assert client.post(reverse(name)).status_code == 405


# --- the next hearing first, in the court's own zone


@pytest.mark.parametrize(
    ("place", "starts_at", "english", "spanish"),
    [
        # 19:00 UTC is 9 a.m. in Honolulu (UTC-10, no daylight saving time).
        (
            "honolulu",
            datetime.datetime(2026, 3, 9, 19, 0, tzinfo=UTC),
            "Monday, March 9, 2026 at 9 a.m. HST",
            "lunes, 9 de marzo de 2026 a las 09:00 HST",
        ),
        # 23:00 UTC on the 9th is already 9 a.m. on the 10th in Guam (UTC+10).
        (
            "guam",
            datetime.datetime(2026, 3, 9, 23, 0, tzinfo=UTC),
            "Tuesday, March 10, 2026 at 9 a.m. ChST",
            "martes, 10 de marzo de 2026 a las 09:00 ChST",
        ),
        # Puerto Rico keeps Atlantic Standard Time all year (UTC-4).
        (
            "puerto_rico",
            datetime.datetime(2026, 3, 9, 13, 30, tzinfo=UTC),
            "Monday, March 9, 2026 at 9:30 a.m. AST",
            "lunes, 9 de marzo de 2026 a las 09:30 AST",
        ),
        # Chicago on the day daylight saving time starts (2026-03-08): 9 a.m. is UTC-5.
        (
            "chicago",
            datetime.datetime(2026, 3, 8, 14, 0, tzinfo=UTC),
            "Sunday, March 8, 2026 at 9 a.m. CDT",
            "domingo, 8 de marzo de 2026 a las 09:00 CDT",
        ),
        # ...and the day before, still standard time (UTC-6).
        (
            "chicago",
            datetime.datetime(2026, 3, 7, 15, 0, tzinfo=UTC),
            "Saturday, March 7, 2026 at 9 a.m. CST",
            "sábado, 7 de marzo de 2026 a las 09:00 CST",
        ),
    ],
)
def test_next_hearing_shows_in_the_courts_zone(client, place, starts_at, english, spanish):
    subject = SubjectFactory()
    HearingFactory(subject=subject, court=_court(place=place), starts_at=starts_at)
    sign_in(client, subject)
    assert english in _text(client.get("/en/my-hearing/"))
    assert spanish in _text(client.get("/es/my-hearing/"))


def test_page_shows_every_detail_of_the_next_hearing(client):
    subject = SubjectFactory()
    court = _court(
        name="Chicago Immigration Court",
        street="55 E. Monroe St., Suite 1500",
        phone="+13125550123",
    )
    HearingFactory(
        subject=subject,
        court=court,
        judge="Jane Roe",
        hearing_type=HearingType.INDIVIDUAL,
        hearing_format=HearingFormat.VIDEO,
    )
    sign_in(client, subject)
    text = _text(client.get(reverse("hearings:detail")))
    for expected in (
        "Your next hearing",
        "Chicago Immigration Court",
        "55 E. Monroe St., Suite 1500",
        "Chicago, IL 60603",
        "(312) 555-0123",
        "Jane Roe",
        "Individual hearing.",
        "A longer hearing about your case only.",
        "By video.",
        "The judge sees and hears you by video.",
        "What to bring",
        "If you miss your hearing",
        "the immigration judge may order you removed (deported)",
        "“in absentia”",
        "Add to my calendar",
        "Printable version",
    ):
        assert expected in text, expected
    html = client.get(reverse("hearings:detail")).content.decode()
    assert 'href="tel:+13125550123"' in html


def test_missing_phone_and_judge_are_said_plainly(client):
    subject = SubjectFactory()
    HearingFactory(subject=subject, court=_court(phone=""), judge="")
    sign_in(client, subject)
    text = _text(client.get(reverse("hearings:detail")))
    assert text.count("Not on record") == 2


@pytest.mark.parametrize(
    ("hearing_type", "words"),
    [
        (HearingType.MASTER_CALENDAR, "A short hearing, often with other people"),
        (HearingType.OTHER, "A hearing of another kind."),
    ],
)
def test_each_hearing_type_is_explained(client, hearing_type, words):
    subject = SubjectFactory()
    HearingFactory(subject=subject, hearing_type=hearing_type)
    sign_in(client, subject)
    assert words in _text(client.get(reverse("hearings:detail")))


@pytest.mark.parametrize(
    ("hearing_format", "words"),
    [
        (HearingFormat.IN_PERSON, "You go to the court building"),
        (HearingFormat.PHONE, "The hearing is by telephone."),
    ],
)
def test_each_format_is_explained(client, hearing_format, words):
    subject = SubjectFactory()
    HearingFactory(subject=subject, hearing_format=hearing_format)
    sign_in(client, subject)
    assert words in _text(client.get(reverse("hearings:detail")))


def test_next_is_the_soonest_scheduled_then_other_dates_then_past(client):
    subject = SubjectFactory()
    court = _court(name="Chicago Immigration Court")
    day = datetime.timedelta(days=1)
    HearingFactory(
        subject=subject, court=court, starts_at=NOW + 2 * day, status=HearingStatus.CANCELLED
    )
    HearingFactory(
        subject=subject, court=court, starts_at=NOW + 3 * day, status=HearingStatus.RESCHEDULED
    )
    HearingFactory(subject=subject, court=court, starts_at=NOW + 40 * day, judge="Judge Next")
    HearingFactory(subject=subject, court=court, starts_at=NOW + 90 * day, judge="Judge Later")
    HearingFactory(
        subject=subject, court=court, starts_at=NOW - 30 * day, status=HearingStatus.COMPLETED
    )
    HearingFactory(
        subject=subject, court=court, starts_at=NOW - 60 * day, status=HearingStatus.RESCHEDULED
    )
    sign_in(client, subject)
    text = _text(client.get(reverse("hearings:detail")))
    next_part, rest = text.split("Other upcoming dates")
    upcoming, rest = rest.split("Old dates — do not go to court on these days")
    old_dates, past = rest.split("Past hearings")
    assert "Judge Next" in next_part and "Saturday, April 11, 2026" in next_part
    # The dates to attend hold no moved or cancelled date...
    assert "Sunday, May 31, 2026" in upcoming  # the later scheduled hearing
    assert "Cancelled" not in upcoming and "Moved to another date" not in upcoming
    assert "March 4, 2026" not in upcoming and "March 5, 2026" not in upcoming
    # ... those are apart, below, soonest first, each marked "old date".
    assert old_dates.index("Wednesday, March 4, 2026") < old_dates.index("Thursday, March 5, 2026")
    assert "Cancelled: old date — do not go to court on this day." in old_dates
    assert "Moved to another date: old date — do not go to court on this day." in old_dates
    assert "Go on the date of your next hearing, shown above." in old_dates
    assert past.index("Saturday, Jan. 31, 2026") < past.index("Thursday, Jan. 1, 2026")
    assert "Completed" in past


def test_a_moved_date_before_the_next_hearing_never_reads_as_the_next_one(client):
    """DEMO-1005 in issue 14: the moved Dec 18 date came before the real next hearing."""
    subject = SubjectFactory()
    court = _court(name="Newark Immigration Court")
    day = datetime.timedelta(days=1)
    HearingFactory(
        subject=subject, court=court, starts_at=NOW + 14 * day, status=HearingStatus.RESCHEDULED
    )
    HearingFactory(subject=subject, court=court, starts_at=NOW + 75 * day, judge="A. Sample")
    sign_in(client, subject)
    text = _text(client.get(reverse("hearings:detail")))
    moved_day = "Monday, March 16, 2026"
    next_day = "Saturday, May 16, 2026"
    assert text.index("Your next hearing") < text.index(next_day) < text.index(moved_day)
    assert "Other upcoming dates" not in text  # nothing else to attend
    old_dates = text.split("Old dates — do not go to court on these days", 1)[1]
    assert moved_day in old_dates
    assert "Moved to another date: old date — do not go to court on this day." in old_dates


def test_only_old_dates_send_the_person_to_the_court_for_the_new_one(client):
    subject = SubjectFactory()
    HearingFactory(
        subject=subject,
        court=_court(),
        starts_at=NOW + datetime.timedelta(days=10),
        status=HearingStatus.CANCELLED,
    )
    sign_in(client, subject)
    text = _text(client.get(reverse("hearings:detail")))
    assert "Your next hearing" not in text
    assert text.index("No upcoming hearing on record") < text.index("Old dates")
    assert "To learn your new date, check your case with the immigration court" in text
    assert "Cancelled: old date — do not go to court on this day." in text


def test_overview_keeps_old_dates_apart_from_dates_to_attend():
    from hearings.selectors import hearing_overview

    subject = SubjectFactory()
    court = _court()
    day = datetime.timedelta(days=1)
    moved = HearingFactory(
        subject=subject, court=court, starts_at=NOW + day, status=HearingStatus.RESCHEDULED
    )
    cancelled = HearingFactory(
        subject=subject, court=court, starts_at=NOW + 50 * day, status=HearingStatus.CANCELLED
    )
    first = HearingFactory(subject=subject, court=court, starts_at=NOW + 20 * day)
    second = HearingFactory(subject=subject, court=court, starts_at=NOW + 30 * day)
    old_moved = HearingFactory(
        subject=subject, court=court, starts_at=NOW - 9 * day, status=HearingStatus.RESCHEDULED
    )
    overview = hearing_overview(subject_id=subject.pk)
    assert overview.next_hearing == first
    assert overview.upcoming == [second]
    assert overview.old_dates == [moved, cancelled]
    assert overview.past == [old_moved]


def test_a_hearing_earlier_today_is_still_the_next_one_until_the_day_ends(client):
    subject = SubjectFactory()
    # 08:00 Chicago time on 2026-03-02; now is 11:00 there.
    HearingFactory(
        subject=subject,
        court=_court(),
        starts_at=datetime.datetime(2026, 3, 2, 14, 0, tzinfo=UTC),
    )
    sign_in(client, subject)
    text = _text(client.get(reverse("hearings:detail")))
    assert "Your next hearing" in text and "Monday, March 2, 2026 at 8 a.m. CST" in text


def test_a_completed_hearing_today_is_past(client):
    subject = SubjectFactory()
    HearingFactory(
        subject=subject,
        court=_court(),
        starts_at=datetime.datetime(2026, 3, 2, 14, 0, tzinfo=UTC),
        status=HearingStatus.COMPLETED,
    )
    sign_in(client, subject)
    text = _text(client.get(reverse("hearings:detail")))
    assert "Your next hearing" not in text
    assert "Past hearings" in text


# --- no hearing on record


@override_settings(
    EOIR_CASE_INFO_URL="https://case-info.example/", EOIR_CASE_INFO_PHONE="+1-800-555-0100"
)
def test_no_hearing_says_so_without_guessing_and_points_to_the_courts_own_service(client):
    subject = SubjectFactory()
    sign_in(client, subject)
    response = client.get(reverse("hearings:detail"))
    text = _text(response)
    assert "No upcoming hearing on record" in text
    assert "not every case has a hearing scheduled yet" in text
    assert "Executive Office for Immigration Review" in text
    html = response.content.decode()
    assert 'href="https://case-info.example/"' in html
    assert 'href="tel:+18005550100"' in html
    assert "A-number" in text
    assert "Add to my calendar" not in text and "Your next hearing" not in text


def test_default_case_information_settings():
    from django.conf import settings

    assert settings.EOIR_CASE_INFO_URL == "https://acis.eoir.justice.gov/en/"
    assert settings.EOIR_CASE_INFO_PHONE == "+1-800-898-7180"


def test_calendar_file_without_a_next_hearing_goes_back_to_the_page(client):
    subject = SubjectFactory()
    HearingFactory(subject=subject, status=HearingStatus.CANCELLED)
    sign_in(client, subject)
    response = client.get(reverse("hearings:calendar"), follow=True)
    assert response.redirect_chain == [(reverse("hearings:detail"), 302)]
    assert "there is no calendar file" in _text(response)


# --- the court's status notice


@pytest.mark.parametrize(
    ("status", "closed_on", "heading"),
    [
        (OperatingStatus.CLOSED_ON_DATE, datetime.date(2026, 4, 1), "closed on the day of your"),
        (OperatingStatus.CLOSED_ON_DATE, datetime.date(2026, 3, 2), "The court is closed today"),
        (
            OperatingStatus.CLOSED_ON_DATE,
            datetime.date(2026, 3, 20),
            "The court is closed on March 20, 2026",
        ),
        (OperatingStatus.CLOSED, None, "The court is closed until further notice"),
        (OperatingStatus.MOVED, None, "The court has moved"),
        (OperatingStatus.OPEN, None, "Notice about the court"),
    ],
)
def test_court_status_notice_is_shown_with_the_hearing(client, status, closed_on, heading):
    subject = SubjectFactory()
    court = _court(
        operating_status=status,
        closed_on=closed_on,
        status_notice_en="Use the north entrance.",
        status_notice_es="Use la entrada norte.",
    )
    HearingFactory(
        subject=subject, court=court, starts_at=datetime.datetime(2026, 4, 1, 14, tzinfo=UTC)
    )
    sign_in(client, subject)
    text = _text(client.get("/en/my-hearing/"))
    assert heading in text
    assert "Use the north entrance." in text
    assert "Use la entrada norte." in _text(client.get("/es/my-hearing/"))


def test_a_past_one_date_closure_and_an_open_court_without_notice_say_nothing(client):
    subject = SubjectFactory()
    court = _court(
        operating_status=OperatingStatus.CLOSED_ON_DATE, closed_on=datetime.date(2026, 3, 1)
    )
    HearingFactory(subject=subject, court=court)
    sign_in(client, subject)
    text = _text(client.get(reverse("hearings:detail")))
    assert "closed" not in text.lower().replace("enclosed", "")
    assert "Notice about the court" not in text


# --- printable view


def test_printable_view_has_the_essentials_and_hides_controls_when_printing(client):
    subject = SubjectFactory()
    HearingFactory(subject=subject, court=_court(name="Chicago Immigration Court"))
    sign_in(client, subject)
    response = client.get(reverse("hearings:print"))
    text = _text(response)
    html = response.content.decode()
    assert "Chicago Immigration Court" in text
    assert "What to bring" in text and "If you miss your hearing" in text
    assert "js/print.js" in html and re.search(r"<button[^>]*js-print[^>]*hidden", html)
    assert 'class="portal-no-print portal-back-link"' in html
    assert "<script>" not in html and "style=" not in html  # CSP: no inline code


# --- calendar file


@pytest.mark.parametrize(
    ("place", "zone", "starts_at", "local"),
    [
        (
            "honolulu",
            "Pacific/Honolulu",
            datetime.datetime(2026, 3, 9, 19, 0, tzinfo=UTC),
            "20260309T090000",
        ),
        (
            "guam",
            "Pacific/Guam",
            datetime.datetime(2026, 3, 9, 23, 0, tzinfo=UTC),
            "20260310T090000",
        ),
        (
            "chicago",
            "America/Chicago",
            datetime.datetime(2026, 3, 8, 14, 0, tzinfo=UTC),
            "20260308T090000",
        ),
    ],
)
def test_calendar_file_has_the_court_zone_and_the_right_instant(
    client, place, zone, starts_at, local
):
    subject = SubjectFactory(
        subject_id="SECRET1234", a_number="987654321", given_names="Zoila", family_names="Quispe"
    )
    hearing = HearingFactory(
        subject=subject, court=_court(place=place, name="Island Court"), starts_at=starts_at
    )
    sign_in(client, subject)
    response = client.get(reverse("hearings:calendar"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert (
        disposition
        == f'attachment; filename="court-hearing-{local[:4]}-{local[4:6]}-{local[6:8]}.ics"'
    )
    body = response.content.decode()
    assert f"DTSTART;TZID={zone}:{local}" in body
    assert f"TZID:{zone}" in body  # the VTIMEZONE that defines it
    for secret in ("SECRET1234", "987654321", "Zoila", "Quispe"):
        assert secret not in body
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart").astimezone(UTC) == starts_at
    assert "Island Court" in str(event.get("location"))
    assert str(event.get("uid")).startswith(str(hearing.uid))
    assert event.walk("VALARM")


def test_calendar_file_is_in_the_readers_language(client):
    subject = SubjectFactory()
    HearingFactory(subject=subject)
    sign_in(client, subject)
    body = client.get("/es/my-hearing/court-hearing.ics").content.decode()
    assert "SUMMARY:Audiencia en la corte de inmigración" in body


# --- query budget


@pytest.mark.parametrize("name", ["hearings:detail", "hearings:print", "hearings:calendar"])
def test_query_count_does_not_grow_with_the_number_of_hearings(
    client, django_assert_num_queries, name
):
    subject = SubjectFactory()
    court = _court()
    HearingFactory(subject=subject, court=court)
    sign_in(client, subject)
    client.get(reverse(name))  # warm up (session, translations)
    # The session with the person (one query), hearings with their courts (the session is
    # not saved: nothing in it changed).
    with django_assert_num_queries(2):
        client.get(reverse(name))
    for days in range(2, 40):
        HearingFactory(
            subject=subject,
            court=_court(name=f"Court {days}", code=f"court-x-{days}"),
            starts_at=NOW + datetime.timedelta(days=days * (1 if days % 2 else -1)),
        )
    with django_assert_num_queries(2):
        response = client.get(reverse(name))
    assert response.status_code == 200
