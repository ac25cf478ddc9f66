"""Reads: the sign-in lookup, the "My check-in" decision, and staff status filters."""

import datetime
import enum
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from checkin_portal import clock
from checkin_portal.places.zones import in_zone
from checkin_portal.prepared import Prepared

from .models import Subject
from .release_forms import REPORTING_DOCUMENT, ReleaseForm, ReportingDocument


def subject_for_sign_in(*, subject_id: str, country_of_birth: str) -> Subject | None:
    """One indexed query on both values: a wrong country and an unknown ID cost the same."""
    return _FOR_SIGN_IN.first(subject_id=subject_id, country_of_birth=country_of_birth)


# Every sign-in runs it: compiled once per process (issue 17).
_FOR_SIGN_IN = Prepared(
    lambda subject_id, country_of_birth: Subject.objects.filter(
        subject_id=subject_id, country_of_birth=country_of_birth
    ).order_by("pk")[:1],
    args={"subject_id": str, "country_of_birth": str},
)


class CheckinState(enum.StrEnum):
    ACTIVE_APPOINTMENT = "active_appointment"  # booked online (the appointments app)
    COMPLETED = "completed"  # already checked in: follow what was said there
    PAPERWORK_APPOINTMENT = "paperwork_appointment"  # date and place on the papers
    BOOK_NOW = "book_now"  # nothing yet (or the papers' date has passed): book


@dataclass(frozen=True)
class CheckinStatus:
    state: CheckinState
    can_book_online: bool
    today: datetime.date
    # The appointment on the papers (shown in the office's zone), when there is one.
    paperwork_appointment_at: datetime.datetime | None = None
    paperwork_office_name: str = ""
    paperwork_office_address: str = ""
    paperwork_appointment_passed: bool = False
    checkin_completed_on: datetime.date | None = None
    report_by: datetime.date | None = None
    report_by_passed: bool = False
    reporting_document: ReportingDocument | None = None
    is_parole_atd: bool = False
    parole_ends_on: datetime.date | None = None
    parole_ended: bool = False
    active_appointment: Any = None


def checkin_status(
    subject: Subject,
    *,
    active_appointment: Any = None,
    now: datetime.datetime | None = None,
) -> CheckinStatus:
    """What this person should do about their check-in, following the seed's rules.

    Order: an active online appointment; a completed check-in (no online booking); an
    appointment on the papers that is still ahead (no need to book; any nearby office that
    day); otherwise book now (the soonest slot meets the conditions even when it is later
    than the report-by or parole end date). Pure: no queries, no side effects.
    """
    now = now or clock.now()
    zone = subject.paperwork_office_zone
    local_now = now.astimezone(zone) if zone else now
    today = local_now.date()
    paperwork_at = None
    paperwork_passed = False
    if subject.paperwork_appointment_at and zone:
        # On the office's clock: templates show it as it is (not in the server's zone).
        paperwork_at = in_zone(subject.paperwork_appointment_at, zone)
        # The whole day counts: a later time at the same office that day still meets it.
        paperwork_passed = paperwork_at.date() < today

    if active_appointment is not None:
        state = CheckinState.ACTIVE_APPOINTMENT
    elif subject.checkin_completed_on:
        state = CheckinState.COMPLETED
    elif paperwork_at is not None and not paperwork_passed:
        state = CheckinState.PAPERWORK_APPOINTMENT
    else:
        state = CheckinState.BOOK_NOW

    is_parole = subject.release_form == ReleaseForm.PAROLE_ATD
    return CheckinStatus(
        state=state,
        can_book_online=state in {CheckinState.BOOK_NOW, CheckinState.PAPERWORK_APPOINTMENT},
        today=today,
        paperwork_appointment_at=paperwork_at,
        paperwork_office_name=subject.paperwork_office_name,
        paperwork_office_address=subject.paperwork_office_address,
        paperwork_appointment_passed=paperwork_passed,
        checkin_completed_on=subject.checkin_completed_on,
        report_by=subject.report_by,
        report_by_passed=bool(subject.report_by and subject.report_by < today),
        reporting_document=REPORTING_DOCUMENT.get(subject.release_form),
        is_parole_atd=is_parole,
        parole_ends_on=subject.parole_ends_on if is_parole else None,
        parole_ended=bool(is_parole and subject.parole_ends_on and subject.parole_ends_on < today),
        active_appointment=active_appointment,
    )


class StaffStatus(enum.StrEnum):
    COMPLETED = "completed"
    PAPERWORK_APPOINTMENT = "paperwork"
    TO_BOOK = "to_book"


def subjects_with_status(queryset: QuerySet[Subject], status: str) -> QuerySet[Subject]:
    """Staff filter matching ``checkin_status`` (without online appointments). "Passed" is
    judged in UTC with a day's grace here, not in each office's own zone."""
    now = clock.now()
    upcoming = Q(paperwork_appointment_at__isnull=False) & Q(
        paperwork_appointment_at__gte=now - datetime.timedelta(days=1)
    )
    if status == StaffStatus.COMPLETED:
        return queryset.filter(checkin_completed_on__isnull=False)
    if status == StaffStatus.PAPERWORK_APPOINTMENT:
        return queryset.filter(upcoming, checkin_completed_on__isnull=True)
    if status == StaffStatus.TO_BOOK:
        return queryset.filter(checkin_completed_on__isnull=True).exclude(upcoming)
    return queryset
