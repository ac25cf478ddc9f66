"""The appointment lifecycle (appointments/lifecycle.py): each transition allowed and
refused, the day rule for staff marks, the person's check-in record, and that no other
module writes an appointment's status."""

import ast
import datetime
import pathlib

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from appointments import lifecycle
from appointments.lifecycle import TRANSITIONS, Transition, TransitionRefused
from appointments.models import Appointment, AppointmentStatus, Closure
from appointments.policy import appointment_day
from checkin_portal import clock
from tests.subjects.factories import SubjectFactory

from .factories import AppointmentFactory, SlotFactory, days_from_now

pytestmark = pytest.mark.django_db

S = AppointmentStatus
ALL_STATES = set(S)


def on_the_day(slot, minutes=10):
    """Travel to ``minutes`` after the slot starts (the same local day)."""
    return time_machine.travel(slot.starts_at + datetime.timedelta(minutes=minutes), tick=False)


def booked(**kwargs):
    """An appointment two days ahead at midday (US time): ten minutes either side of it are
    the same local day, whatever the factory's sequence would have made the time."""
    kwargs.setdefault("slot", SlotFactory(starts_at=days_from_now(2, hour=17), booked=1))
    return AppointmentFactory(**kwargs)


def in_state(status, **kwargs):
    appointment = booked(**kwargs)
    Appointment.objects.filter(pk=appointment.pk).update(status=status)
    appointment.refresh_from_db()
    return appointment


def staff(django_user_model):
    return django_user_model.objects.create_user("desk", password="x" * 16, is_staff=True)


@pytest.fixture
def admin_on_the_day(admin_user):
    """An admin client signed in at the time travelled to (a staff session does not
    survive a jump of days)."""
    from django.test import Client

    def _client():
        client = Client()
        client.force_login(admin_user)
        return client

    return _client


def test_the_table_names_every_state_and_only_known_ones():
    targets = {rule.target for rule in TRANSITIONS.values()}
    sources = set().union(*(rule.sources for rule in TRANSITIONS.values()))
    assert targets | sources == ALL_STATES
    assert set(TRANSITIONS) == set(Transition)


# --- every staff transition is refused from every state the table does not allow

STAFF_MOVES = {
    Transition.CHECK_IN: lifecycle.appointment_check_in,
    Transition.UNDO_CHECK_IN: lifecycle.appointment_undo_check_in,
    Transition.NO_SHOW: lifecycle.appointment_mark_no_show,
}


@pytest.mark.parametrize(
    ("transition", "status"),
    [
        (transition, status)
        for transition in STAFF_MOVES
        for status in sorted(ALL_STATES - TRANSITIONS[transition].sources)
    ],
)
def test_staff_moves_from_a_state_the_table_does_not_allow_are_refused(
    transition, status, django_user_model
):
    appointment = in_state(status)
    with on_the_day(appointment.slot), pytest.raises(TransitionRefused):
        STAFF_MOVES[transition](appointment_id=appointment.pk, by=staff(django_user_model))
    appointment.refresh_from_db()
    assert appointment.status == status


# --- check in


def test_check_in_on_the_day_completes_the_persons_check_in(django_user_model):
    appointment = booked()
    user = staff(django_user_model)
    with on_the_day(appointment.slot):
        lifecycle.appointment_check_in(appointment_id=appointment.pk, by=user)
    appointment.refresh_from_db()
    appointment.subject.refresh_from_db()
    assert appointment.status == S.CHECKED_IN
    assert appointment.handled_by == user
    assert appointment.subject.checkin_completed_on == appointment_day(appointment.slot)
    assert appointment.history.first().status == S.CHECKED_IN
    appointment.slot.refresh_from_db()
    assert appointment.slot.booked == 1  # the seat was used


def test_check_in_days_ahead_is_refused(django_user_model):
    appointment = booked()  # two days from now
    with pytest.raises(TransitionRefused) as refused:
        lifecycle.appointment_check_in(appointment_id=appointment.pk, by=staff(django_user_model))
    assert "not today" in str(refused.value.message)
    appointment.refresh_from_db()
    appointment.subject.refresh_from_db()
    assert appointment.status == S.BOOKED
    assert appointment.subject.checkin_completed_on is None


def test_check_in_the_day_after_is_refused(django_user_model):
    appointment = booked()
    with (
        time_machine.travel(appointment.slot.starts_at + datetime.timedelta(days=1), tick=False),
        pytest.raises(TransitionRefused),
    ):
        lifecycle.appointment_check_in(appointment_id=appointment.pk, by=staff(django_user_model))


def test_check_in_erases_the_stored_contact(django_user_model):
    appointment = booked(wants_reminder=True, reminder_phone="+12025550123")
    with on_the_day(appointment.slot):
        lifecycle.appointment_check_in(appointment_id=appointment.pk, by=staff(django_user_model))
    appointment.refresh_from_db()
    assert (appointment.wants_reminder, appointment.reminder_phone) == (False, "")


# --- undo check-in


def test_undo_check_in_restores_the_booking_and_the_persons_record(django_user_model):
    appointment = booked()
    user = staff(django_user_model)
    with on_the_day(appointment.slot):
        lifecycle.appointment_check_in(appointment_id=appointment.pk, by=user)
        lifecycle.appointment_undo_check_in(appointment_id=appointment.pk, by=user)
    appointment.refresh_from_db()
    appointment.subject.refresh_from_db()
    assert appointment.status == S.BOOKED
    assert appointment.subject.checkin_completed_on is None
    # Both steps are in the history, newest first.
    assert [h.status for h in appointment.history.all()[:3]] == [S.BOOKED, S.CHECKED_IN, S.BOOKED]


def test_undo_keeps_a_check_in_recorded_on_another_day(django_user_model):
    earlier = datetime.date(2020, 1, 2)
    appointment = in_state(S.CHECKED_IN, subject=SubjectFactory(checkin_completed_on=earlier))
    with on_the_day(appointment.slot):
        lifecycle.appointment_undo_check_in(
            appointment_id=appointment.pk, by=staff(django_user_model)
        )
    appointment.subject.refresh_from_db()
    assert appointment.subject.checkin_completed_on == earlier


def test_undo_on_another_day_is_refused(django_user_model):
    appointment = in_state(S.CHECKED_IN)
    with pytest.raises(TransitionRefused):
        lifecycle.appointment_undo_check_in(
            appointment_id=appointment.pk, by=staff(django_user_model)
        )


# --- did not come


def test_no_show_after_the_time_on_the_day(django_user_model):
    appointment = booked()
    with on_the_day(appointment.slot):
        lifecycle.appointment_mark_no_show(
            appointment_id=appointment.pk, by=staff(django_user_model)
        )
    appointment.refresh_from_db()
    assert appointment.status == S.NO_SHOW
    appointment.subject.refresh_from_db()
    assert appointment.subject.checkin_completed_on is None


def test_no_show_before_the_time_is_refused(django_user_model):
    appointment = booked()
    with on_the_day(appointment.slot, minutes=-5), pytest.raises(TransitionRefused) as refused:
        lifecycle.appointment_mark_no_show(
            appointment_id=appointment.pk, by=staff(django_user_model)
        )
    assert "not started" in str(refused.value.message)


# --- cancel (by the person) and cancel by the office


def test_cancel_only_from_booked():
    appointment = in_state(S.CHECKED_IN)
    assert lifecycle.appointment_cancel(subject=appointment.subject) is None
    appointment.refresh_from_db()
    assert appointment.status == S.CHECKED_IN


def test_cancel_by_office_gives_the_seat_back_and_links_the_closure():
    appointment = booked()
    closure = Closure.objects.create(
        starts_on=clock.now().date(), ends_on=clock.now().date(), reason_kind="weather"
    )
    told = lifecycle.appointment_cancel_by_office(appointment_id=appointment.pk, closure=closure)
    assert told is False  # no contact left
    appointment.refresh_from_db()
    assert appointment.status == S.CANCELLED_BY_OFFICE
    assert appointment.cancelled_by_closure == closure
    appointment.slot.refresh_from_db()
    assert appointment.slot.booked == 0


@pytest.mark.parametrize("status", sorted(ALL_STATES - {S.BOOKED}))
def test_cancel_by_office_leaves_other_states_alone(status):
    appointment = in_state(status)
    assert lifecycle.appointment_cancel_by_office(appointment_id=appointment.pk) is False
    appointment.refresh_from_db()
    assert appointment.status == status


def test_move_is_refused_from_a_checked_in_person():
    appointment = booked()
    lifecycle_subject = appointment.subject
    lifecycle_subject.checkin_completed_on = datetime.date(2020, 1, 2)
    with pytest.raises(lifecycle.NotEligible):
        lifecycle.appointment_book(
            subject=lifecycle_subject, slot_id=SlotFactory().pk, language="en"
        )


# --- admin actions: the rule and a clear message


def test_admin_refuses_a_check_in_days_ahead_and_says_why(admin_client):
    appointment = booked()
    url = reverse("admin:appointments_appointment_changelist")
    response = admin_client.post(
        url, {"action": "mark_checked_in", "_selected_action": [appointment.pk]}, follow=True
    )
    page = response.content.decode()
    assert appointment.display_number in page
    assert "not today" in page
    appointment.refresh_from_db()
    assert appointment.status == S.BOOKED


def test_admin_check_in_then_my_checkin_says_done(admin_on_the_day, client, sign_in_as):
    """Issue 13: staff checked DEMO-1007 in; their My check-in still said "Book"."""
    appointment = booked()
    url = reverse("admin:appointments_appointment_changelist")
    with on_the_day(appointment.slot):
        admin_client = admin_on_the_day()
        admin_client.post(url, {"action": "mark_checked_in", "_selected_action": [appointment.pk]})
        sign_in_as(appointment.subject)
        page = client.get(reverse("subjects:my_checkin")).content.decode()
    assert "You have already checked in" in page
    assert "Book your check-in appointment" not in page


def test_admin_undo_check_in_action(admin_on_the_day):
    appointment = booked()
    url = reverse("admin:appointments_appointment_changelist")
    with on_the_day(appointment.slot):
        admin_client = admin_on_the_day()
        admin_client.post(url, {"action": "mark_checked_in", "_selected_action": [appointment.pk]})
        admin_client.post(url, {"action": "undo_check_in", "_selected_action": [appointment.pk]})
    appointment.refresh_from_db()
    assert appointment.status == S.BOOKED
    assert appointment.handled_by.username == "admin"


# --- only the lifecycle writes an appointment's status

ROOT = pathlib.Path(settings.BASE_DIR)
SKIP = {"migrations", "tests", ".venv", "node_modules", "bench", "var", ".git"}


WRITE_CALLS = ("update", "create", "get_or_create", "update_or_create")


def _about_appointments(node) -> bool:
    return "appointment" in ast.unparse(node).lower()  # also matches AppointmentStatus


def _status_writes(source: str) -> list[int]:
    """Lines where code writes an appointment's status: ``x.status = ...`` where ``x`` or
    the value is about appointments; ``.update/.create(status=...)`` on an Appointment
    queryset or with an AppointmentStatus value; ``Appointment(status=...)``. Statuses
    of other records (address changes, hearings, messages) are not flagged."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr == "status"
                    and (_about_appointments(target.value) or _about_appointments(node.value))
                ):
                    found.append(node.lineno)
        if isinstance(node, ast.Call):
            status = [k.value for k in node.keywords if k.arg == "status"]
            if not status:
                continue
            func = node.func
            if (isinstance(func, ast.Name) and func.id == "Appointment") or (
                isinstance(func, ast.Attribute)
                and func.attr in WRITE_CALLS
                and (_about_appointments(func.value) or _about_appointments(status[0]))
            ):
                found.append(node.lineno)
    return found


def _project_files():
    for path in ROOT.rglob("*.py"):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def test_only_the_lifecycle_module_writes_an_appointments_status():
    writers = {
        f"{path.relative_to(ROOT)}:{line}"
        for path in _project_files()
        if path.relative_to(ROOT) != pathlib.Path("appointments/lifecycle.py")
        for line in _status_writes(path.read_text())
    }
    assert writers == set()


def test_the_status_write_check_sees_the_old_kinds_of_writes():
    old = (
        "appointment.status = AppointmentStatus.CANCELLED\n"
        "active.status = AppointmentStatus.RESCHEDULED\n"
        "Appointment.objects.filter(pk=1).update(status='no_show')\n"
        "queryset.filter(status=AppointmentStatus.BOOKED)\n"
        "for appointment in x:\n    appointment.status = status\n"
        "change.status = AddressChangeStatus.PROCESSED\n"
        "OutboundMessage.objects.filter(pk=1).update(status=MessageStatus.SENT)\n"
        "queryset.update(status=AppointmentStatus.NO_SHOW)\n"
        "Appointment(subject=s, status='booked')\n"
    )
    assert sorted(_status_writes(old)) == [1, 2, 3, 6, 9, 10]
    assert _status_writes((ROOT / "appointments/lifecycle.py").read_text())
