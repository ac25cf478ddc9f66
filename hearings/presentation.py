"""Plain-language explanations shown with a hearing (page, print view and calendar file)."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from checkin_portal import clock

from .models import Hearing, HearingFormat, HearingType, OperatingStatus

TYPE_EXPLANATIONS = {
    HearingType.MASTER_CALENDAR: _(
        "A short hearing, often with other people in the same room. The judge checks the "
        "basic facts of your case and sets the next steps, such as dates to hand in papers."
    ),
    HearingType.INDIVIDUAL: _(
        "A longer hearing about your case only. The judge listens to you and any witnesses, "
        "looks at your evidence, and may decide your case."
    ),
    HearingType.OTHER: _(
        "A hearing of another kind. The notice from the court says what it is for."
    ),
}

FORMAT_EXPLANATIONS = {
    HearingFormat.IN_PERSON: _("You go to the court building at the address shown."),
    HearingFormat.VIDEO: _(
        "The judge sees and hears you by video. The notice from the court says how and where "
        "to join. If you are not sure, call the court."
    ),
    HearingFormat.PHONE: _(
        "The hearing is by telephone. The notice from the court says how to join. If you are "
        "not sure, call the court."
    ),
}


@dataclass(frozen=True)
class CourtNotice:
    """What the page says about the court's operating status for one hearing."""

    status: str  # an OperatingStatus value as the public sees it today
    closed_on: datetime.date | None
    closed_on_hearing_day: bool
    closed_today: bool
    text: str  # staff-written notice in the reader's language ("" if none)

    @property
    def is_warning(self) -> bool:
        return self.status != OperatingStatus.OPEN


def court_notice(hearing: Hearing) -> CourtNotice | None:
    court = hearing.court
    status = court.public_status()
    text = (court.status_notice or "").strip()
    if status == OperatingStatus.OPEN and not text:
        return None
    closed_on = court.closed_on if status == OperatingStatus.CLOSED_ON_DATE else None
    return CourtNotice(
        status=status,
        closed_on=closed_on,
        closed_on_hearing_day=closed_on is not None and closed_on == hearing.local_starts_at.date(),
        closed_today=closed_on is not None and closed_on == clock.today_in(court.zone),
        text=text,
    )
