"""Reads. One query for everything the hearing details page shows, however many
hearings a person has."""

import datetime
from dataclasses import dataclass, field

from checkin_portal import clock

from .models import Hearing, HearingStatus

# Dates the court took back: the person must not go on them.
OLD_DATE_STATUSES = frozenset({HearingStatus.RESCHEDULED, HearingStatus.CANCELLED})


@dataclass(frozen=True)
class HearingOverview:
    next_hearing: Hearing | None = None
    # Scheduled hearings after the next one: dates to attend.
    upcoming: list[Hearing] = field(default_factory=list)
    # Upcoming dates that were moved or cancelled, soonest first: listed apart ("old date,
    # do not go"), never with or above the dates to attend, which they could be taken for.
    old_dates: list[Hearing] = field(default_factory=list)
    # Newest first.
    past: list[Hearing] = field(default_factory=list)


def _is_past(hearing: Hearing, now: datetime.datetime) -> bool:
    """A hearing stays "upcoming" for the whole of its day at the court, so a person who
    looks on the morning of the hearing still sees it first."""
    if hearing.status == HearingStatus.COMPLETED:
        return True
    zone = hearing.court.zone
    return hearing.starts_at.astimezone(zone).date() < now.astimezone(zone).date()


def hearing_overview(*, subject_id: int) -> HearingOverview:
    hearings = list(
        Hearing.objects.filter(subject_id=subject_id)
        .select_related("court")
        .order_by("starts_at", "pk")
    )
    now = clock.now()
    upcoming = [hearing for hearing in hearings if not _is_past(hearing, now)]
    past = [hearing for hearing in reversed(hearings) if _is_past(hearing, now)]
    next_hearing = next(
        (hearing for hearing in upcoming if hearing.status == HearingStatus.SCHEDULED), None
    )
    return HearingOverview(
        next_hearing=next_hearing,
        upcoming=[
            hearing
            for hearing in upcoming
            if hearing is not next_hearing and hearing.status not in OLD_DATE_STATUSES
        ],
        old_dates=[hearing for hearing in upcoming if hearing.status in OLD_DATE_STATUSES],
        past=past,
    )


def next_hearing(*, subject_id: int) -> Hearing | None:
    return hearing_overview(subject_id=subject_id).next_hearing
