"""Issue 16, points 4 and 5: the staff capacity page (scoped to the staff member's offices;
superusers see all), its figures, SVG charts with tables, CSV exports, and the extra
session form (one-off times whose seats the waiting list is offered first)."""

import csv
import datetime
import io
import re

import pytest
import time_machine
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from appointments.availability import office_zone, slots_generate
from appointments.models import (
    Appointment,
    Closure,
    Offer,
    OfficeStaff,
    ScheduleRule,
    Slot,
)
from appointments.selectors import offices_with_soonest
from appointments.waitlist.services import entry_join
from checkin_portal import clock
from tests.offices.factories import OfficeFactory
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now
from .test_admin import staff_for as clerk_of

pytestmark = pytest.mark.django_db

CAPACITY = "admin:offices_office_capacity"


def url():
    return reverse(CAPACITY)


def staff_for(*offices, may_add=True):
    """test_admin's office clerk, who may also see offices (the capacity page's permission)
    and, unless ``may_add`` is False, add opening rules (extra sessions)."""
    client = clerk_of(*offices)
    user = User.objects.get(username="clerk")
    user.user_permissions.add(Permission.objects.get(codename="view_office"))
    if not may_add:
        user.user_permissions.remove(Permission.objects.get(codename="add_schedulerule"))
    return client


@pytest.fixture
def root():
    client = Client()
    client.force_login(User.objects.create_superuser(username="root", password="x" * 16))
    return client


@pytest.fixture
def offices():
    # zip 30303: America/New_York; zip 60601: America/Chicago.
    return {
        "soon": OfficeFactory(code="SOON-GA", name="Soon office"),
        "late": OfficeFactory(code="LATE-IL", name="Late office", zip="60601"),
        "none": OfficeFactory(code="NONE-GA", name="=HYPERLINK(1)"),
        "off": OfficeFactory(code="OFF-GA", accepts_online_booking=False),
    }


def _rows(html, table_id):
    import re

    table = html.split(f'id="{table_id}"')[1].split("</table>")[0]
    return [
        " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S)
    ]


def _local_date(office, days):
    return clock.today_in(office_zone(office)) + datetime.timedelta(days=days)


# --- the overview ------------------------------------------------------------------------


def test_overview_lists_every_office_longest_wait_first(root, offices):
    SlotFactory(office=offices["soon"], starts_at=days_from_now(2))
    SlotFactory(office=offices["late"], starts_at=days_from_now(90))
    html = root.get(url()).content.decode()
    rows = _rows(html, "capacity-overview")
    assert [row.split()[0] for row in rows] == ["NONE-GA", "LATE-IL", "SOON-GA"]
    assert "No times open online" in rows[0]
    assert rows[1].split("Late office")[1].split()[0] in {
        "89",
        "90",
        "91",
    }  # days, in the office's own calendar
    # The chart is an SVG image with a title; the table carries the same figures.
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert "OFF-GA" not in html  # takes no online bookings: no waits to show


def test_overview_csv_has_the_figures_and_escapes_formulae(root, offices):
    SlotFactory(office=offices["soon"], starts_at=days_from_now(2), capacity=4, booked=1)
    response = root.get(url(), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_code = {row["office"]: row for row in rows}
    assert by_code["SOON-GA"]["open_seats_next_12_weeks"] == "3"
    assert by_code["SOON-GA"]["booked_next_12_weeks"] == "1"
    assert by_code["NONE-GA"]["name"] == "'=HYPERLINK(1)"
    assert by_code["NONE-GA"]["days_to_soonest"] == ""


def test_overview_query_count_does_not_grow_with_offices(root, offices):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert root.get(url()).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for i in range(25):
        office = OfficeFactory(code=f"MORE-{i:02d}")
        SlotFactory(office=office, starts_at=days_from_now(3 + i))
        AppointmentFactory(slot=SlotFactory(office=office, starts_at=days_from_now(40), booked=1))
    assert count() == few
    assert few <= 12, few


# --- one office --------------------------------------------------------------------------


def test_office_page_weeks_no_shows_and_waiting_list(root, offices):
    office = offices["soon"]
    SlotFactory(office=office, starts_at=days_from_now(1), capacity=3, booked=0)
    SlotFactory(office=office, starts_at=days_from_now(8), capacity=2, booked=0)
    SlotFactory(office=office, starts_at=days_from_now(8, hour=16), capacity=5, is_blocked=True)
    booked = AppointmentFactory(
        slot=SlotFactory(office=office, starts_at=days_from_now(20), capacity=2, booked=1)
    )
    for status, days in [
        ("checked_in", -3),
        ("checked_in", -4),
        ("checked_in", -5),
        ("no_show", -6),
    ]:
        past = AppointmentFactory(slot=SlotFactory(office=office, starts_at=days_from_now(days)))
        Appointment.objects.filter(pk=past.pk).update(status=status)
    # A person waiting for an earlier time at this office, and an expired offer here.
    entry = entry_join(
        subject=booked.subject, office_ids=[office.pk], channel="email", destination="a@example.org"
    )
    Offer.objects.filter(entry=entry).delete()  # the engine may have offered a seat: start clean
    Offer.objects.create(
        entry=entry,
        slot=SlotFactory(office=office, starts_at=days_from_now(30)),
        token_digest="x" * 64,
        expires_at=clock.now(),
        state="expired",
    )
    response = root.get(url(), {"office": office.code})
    html = response.content.decode()
    assert response.status_code == 200
    weeks = _rows(html, "capacity-weeks")
    assert len(weeks) == 12
    opens = [int(row.split()[-2]) for row in weeks]
    bookings = [int(row.split()[-1]) for row in weeks]
    assert sum(bookings) == 1
    assert opens[0] == 3 and opens[1] == 2  # the blocked time has no open seats
    assert "25% (1 / 4)" in html
    facts = " ".join(html.split('class="capacity-facts"')[1].split("</dl>")[0].split())
    facts = re.sub(r"<a [^>]*>|</a>", "", facts)  # the figures link to the lists
    assert "Waiting list</dt> <dd> 1 </dd>" in facts
    assert "0 / 1" in facts  # offers accepted / expired
    assert 'aria-labelledby="weeks-chart-title"' in html


def test_office_csv_is_week_by_week(root, offices):
    office = offices["late"]
    SlotFactory(office=office, starts_at=days_from_now(1), capacity=3)
    rows = list(
        csv.reader(
            io.StringIO(root.get(url(), {"office": office.code, "format": "csv"}).content.decode())
        )
    )
    assert rows[0] == ["week_starts", "week_ends", "open_seats", "booked"]
    assert len(rows) == 13
    assert rows[1][0] == _local_date(office, 0).isoformat()


# --- scoping -----------------------------------------------------------------------------


def test_staff_see_and_change_only_their_offices(offices):
    clerk = staff_for(offices["soon"])
    html = clerk.get(url()).content.decode()
    assert "SOON-GA" in html and "LATE-IL" not in html
    assert clerk.get(url(), {"office": "LATE-IL"}).status_code == 404
    assert clerk.get(url(), {"office": "LATE-IL", "format": "csv"}).status_code == 404
    response = clerk.post(url(), {"office": "LATE-IL", **_session(offices["late"])})
    assert response.status_code == 404
    assert not Slot.objects.filter(office=offices["late"]).exists()
    assert not ScheduleRule.objects.exists()


def test_without_the_rule_permission_staff_see_but_cannot_add(offices):
    clerk = staff_for(offices["soon"], may_add=False)
    page = clerk.get(url(), {"office": "SOON-GA"})
    assert page.status_code == 200
    assert "Add the session" not in page.content.decode()
    assert clerk.post(url(), {"office": "SOON-GA", **_session(offices["soon"])}).status_code == 403
    assert not Slot.objects.exists()


def test_staff_without_office_view_permission_are_refused(offices):
    loner = User.objects.create_user(username="loner", password="x" * 16, is_staff=True)
    OfficeStaff.objects.create(office=offices["soon"], user=loner)
    client = Client()
    client.force_login(loner)
    assert client.get(url()).status_code == 403


def test_admin_office_pages_link_to_the_capacity_page(root, offices):
    changelist = root.get(reverse("admin:offices_office_changelist")).content.decode()
    assert f'href="{url()}"' in changelist
    change = root.get(reverse("admin:offices_office_change", args=[offices["soon"].pk]))
    assert f'href="{url()}?office=SOON-GA"' in change.content.decode()


# --- extra sessions ----------------------------------------------------------------------


def _session(office, days=10, **overrides):
    day = _local_date(office, days)
    while day.weekday() >= 5:  # any weekday will do
        day += datetime.timedelta(days=1)
    data = {
        "day": day.isoformat(),
        "opens": "17:00",
        "closes": "19:00",
        "slot_minutes": "30",
        "capacity": "2",
    }
    data.update(overrides)
    return data


def test_an_extra_session_makes_times_in_the_offices_zone(root, offices):
    office = offices["late"]  # Chicago
    data = _session(office)
    response = root.post(url(), {"office": office.code, **data})
    assert response.status_code == 302
    slots = list(Slot.objects.filter(office=office).order_by("starts_at"))
    assert len(slots) == 4
    local = [slot.starts_at.astimezone(office_zone(office)) for slot in slots]
    assert [t.strftime("%H:%M") for t in local] == ["17:00", "17:30", "18:00", "18:30"]
    assert {t.date().isoformat() for t in local} == {data["day"]}
    assert {slot.capacity for slot in slots} == {2}
    page = root.get(response["Location"]).content.decode()
    assert "4 times added. People on the waiting list are offered them first." in page
    # A one-day opening rule: generating times again keeps them.
    rule = ScheduleRule.objects.get(office=office)
    assert rule.valid_from == rule.valid_to == datetime.date.fromisoformat(data["day"])
    slots_generate(office=office)
    assert Slot.objects.filter(office=office).count() == 4


def test_the_waiting_list_is_offered_the_new_seats_first(
    root, offices, django_capture_on_commit_callbacks
):
    office = offices["soon"]
    waiting = AppointmentFactory(
        slot=SlotFactory(office=office, starts_at=days_from_now(60), booked=1)
    )
    entry_join(
        subject=waiting.subject,
        office_ids=[office.pk],
        channel="email",
        destination="w@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = root.post(url(), {"office": office.code, **_session(office, capacity="1")})
    assert response.status_code == 302
    offer = Offer.objects.get(entry__appointment=waiting)
    assert offer.state == "held"
    assert offer.slot.starts_at < waiting.slot.starts_at
    assert offer.slot.booked == 1  # held for them: not open to anyone else meanwhile


def test_new_seats_are_for_the_waiting_list_only_then_for_everyone(
    root, offices, sign_in_as, settings, django_capture_on_commit_callbacks
):
    office = offices["soon"]
    waiting = AppointmentFactory(
        slot=SlotFactory(office=office, starts_at=days_from_now(60), booked=1, capacity=1)
    )
    entry_join(
        subject=waiting.subject, office_ids=[office.pk], channel="email", destination="w@x.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        root.post(url(), {"office": office.code, **_session(office, capacity="1")})
    new = list(
        Slot.objects.filter(office=office, waitlist_only_until__isnull=False).order_by("starts_at")
    )
    assert len(new) == 4
    until = new[0].waitlist_only_until
    assert settings.EXTRA_SESSION_WAITLIST_HOURS == settings.WAITLIST_OFFER_HOURS
    hours = (until - clock.now()).total_seconds() / 3600
    assert settings.WAITLIST_OFFER_HOURS - 0.1 < hours <= settings.WAITLIST_OFFER_HOURS
    # The waiting person is offered the first one.
    assert Offer.objects.get(entry__appointment=waiting).slot == new[0]
    free = new[1]

    def try_to_book(slot):
        """Another person's times page, the review and a Confirm posting the slot's id."""
        client = Client()
        other = sign_in_as(SubjectFactory(), on=client)
        times = client.get(reverse("appointments:times"), {"office": office.code})
        listed = f'value="{slot.pk}"' in times.content.decode()
        reviewed = client.get(reverse("appointments:review"), {"slot": slot.pk})
        soonest = offices_with_soonest(office_ids=[office.pk]).get().soonest_starts_at
        client.post(reverse("appointments:confirm"), {"slot": slot.pk})
        booked = Appointment.objects.filter(subject=other, slot=slot).exists()
        return listed, reviewed.status_code, soonest, booked

    listed, status, soonest, booked = try_to_book(free)
    assert (listed, status, soonest, booked) == (False, 302, None, False)
    assert Slot.objects.get(pk=free.pk).booked == 0
    # After the window anyone can book what is left.
    with time_machine.travel(until + datetime.timedelta(minutes=1), tick=False):
        listed, status, soonest, booked = try_to_book(free)
    assert (listed, status, soonest, booked) == (True, 200, free.starts_at, True)


def test_no_window_when_nobody_waits_at_the_office(root, offices):
    office = offices["soon"]
    root.post(url(), {"office": office.code, **_session(office)})
    assert Slot.objects.filter(office=office).count() == 4
    assert not Slot.objects.filter(office=office, waitlist_only_until__isnull=False).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"closes": "16:00"}, "The end time must be after the start time."),
        ({"day": "2020-01-06"}, "Choose today or a later day."),
        ({"day": "2099-01-05"}, "That day is too far ahead."),
        ({"day": "not a day"}, "Enter a valid date."),
        ({"opens": "25:00"}, "Enter a valid time."),
        ({"slot_minutes": "0"}, "greater than or equal to 5"),
        ({"slot_minutes": "500"}, "less than or equal to 240"),
        ({"capacity": "0"}, "greater than or equal to 1"),
        ({"capacity": ""}, "This field is required."),
        ({"slot_minutes": "180"}, "No appointment fits between these times."),
    ],
)
def test_bad_session_input_is_refused_and_nothing_is_made(root, offices, overrides, message):
    office = offices["soon"]
    response = root.post(url(), {"office": office.code, **_session(office, **overrides)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Slot.objects.exists() and not ScheduleRule.objects.exists()


def test_a_session_on_a_closed_day_a_holiday_or_over_existing_times_is_refused(root, offices):
    office = offices["soon"]
    data = _session(office)
    day = datetime.date.fromisoformat(data["day"])
    Closure.objects.create(
        office=office, starts_on=day, ends_on=day, reason_kind="other", reason_en="Flood"
    )
    response = root.post(url(), {"office": office.code, **data})
    assert "The office is closed on that day." in response.content.decode()
    Closure.objects.all().delete()

    zone = office_zone(office)
    existing = datetime.datetime.combine(day, datetime.time(18), tzinfo=zone)
    SlotFactory(office=office, starts_at=existing)
    response = root.post(url(), {"office": office.code, **data})
    assert response.status_code == 400
    assert "The office already has times then." in response.content.decode()
    assert Slot.objects.count() == 1

    year = clock.now().year + 1
    holiday = {"day": f"{year}-07-04"}
    response = root.post(url(), {"office": office.code, **_session(office, **holiday)})
    assert "That day is a federal holiday." in response.content.decode()
    assert Slot.objects.count() == 1 and not ScheduleRule.objects.exists()


def test_no_session_for_an_office_without_online_booking_or_without_an_office(root, offices):
    response = root.post(url(), {"office": "OFF-GA", **_session(offices["off"])})
    assert response.status_code == 400
    assert "This office does not take online bookings." in response.content.decode()
    assert root.post(url(), _session(offices["soon"])).status_code == 400
    assert root.post(url(), {"office": "NOPE", **_session(offices["soon"])}).status_code == 404
    assert not Slot.objects.exists()


# --- the waiting list's admin lists --------------------------------------------------------


def test_waiting_list_and_offers_admin_lists_are_scoped_masked_and_zoned(root, offices):
    mine, other = offices["late"], offices["soon"]
    entries = {}
    for office, email in ((mine, "mine@example.org"), (other, "other@example.org")):
        booked = AppointmentFactory(
            slot=SlotFactory(office=office, starts_at=days_from_now(60), capacity=1, booked=1)
        )
        entries[office.code] = entry_join(
            subject=booked.subject, office_ids=[office.pk], channel="email", destination=email
        )
        Offer.objects.create(
            entry=entries[office.code],
            slot=SlotFactory(office=office, starts_at=days_from_now(5), capacity=1, booked=1),
            token_digest=office.code.ljust(64, "x"),
            expires_at=days_from_now(1),
        )
    clerk = staff_for(mine)
    user = User.objects.get(username="clerk")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_waitlistentry", "view_offer"])
    )
    for name in ("waitlistentry", "offer"):
        page = clerk.get(reverse(f"admin:appointments_{name}_changelist")).content.decode()
        assert mine.code in page and other.code not in page
        assert "mine@example.org" not in page
        if name == "waitlistentry":
            assert "m•••@e•••.org" in page  # masked
        assert " CST" in page or " CDT" in page  # Chicago times with their zone
        everything = root.get(reverse(f"admin:appointments_{name}_changelist")).content.decode()
        assert mine.code in everything and other.code in everything
    out_of_scope = reverse("admin:appointments_waitlistentry_change", args=[entries["SOON-GA"].pk])
    assert clerk.get(out_of_scope).status_code in (302, 403, 404)
    # The capacity page links its waiting-list figures to these lists.
    page = root.get(url(), {"office": mine.code}).content.decode()
    assert reverse("admin:appointments_waitlistentry_changelist") in page
    assert reverse("admin:appointments_offer_changelist") in page
