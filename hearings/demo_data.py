"""Demo data: every court from the project's data file, and made-up hearings for some
of the demo people (see subjects/demo_data.py). Idempotent: courts are matched by code,
and a person who already has any hearing is left alone. The other demo people have no
hearing on record, so the demo shows that page too."""

import datetime
from pathlib import Path

from checkin_portal import clock
from checkin_portal.places.zones import aware_local

from .models import Hearing, HearingFormat, HearingStatus, HearingType, ImmigrationCourt
from .services import courts_import

COURT_FILE = Path(__file__).resolve().parent / "data" / "immigration_courts.csv"

# Subject ID -> hearings as (court code, days from today at the court, local time, type,
# format, judge, status). Judges' names are made up.
DEMO_HEARINGS = {
    "DEMO1001": [
        ("chicago", 60, "09:00", HearingType.MASTER_CALENDAR, HearingFormat.IN_PERSON, "", None),
    ],
    "DEMO1002": [
        (
            "honolulu",
            35,
            "08:30",
            HearingType.MASTER_CALENDAR,
            HearingFormat.PHONE,
            "R. Example (demo)",
            None,
        ),
    ],
    "DEMO1005": [
        (
            "newark",
            -30,
            "09:00",
            HearingType.MASTER_CALENDAR,
            HearingFormat.IN_PERSON,
            "A. Sample (demo)",
            HearingStatus.COMPLETED,
        ),
        (
            "newark",
            14,
            "13:00",
            HearingType.INDIVIDUAL,
            HearingFormat.IN_PERSON,
            "A. Sample (demo)",
            HearingStatus.RESCHEDULED,
        ),
        (
            "newark",
            75,
            "13:00",
            HearingType.INDIVIDUAL,
            HearingFormat.IN_PERSON,
            "A. Sample (demo)",
            None,
        ),
    ],
}


def load(stdout) -> None:
    from subjects.models import Subject

    report = courts_import(text=COURT_FILE.read_text(encoding="utf-8"))
    stdout.write(
        f"Courts: {len(report.created)} created, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped."
    )
    courts = {court.code: court for court in ImmigrationCourt.objects.all()}
    subjects = Subject.objects.filter(subject_id__in=DEMO_HEARINGS).in_bulk(field_name="subject_id")
    with_hearings = set(
        Hearing.objects.filter(subject__in=subjects.values()).values_list(
            "subject__subject_id", flat=True
        )
    )
    created = 0
    for subject_id, plan in DEMO_HEARINGS.items():
        subject = subjects.get(subject_id)
        if subject is None or subject_id in with_hearings:
            continue
        for code, days, time, hearing_type, hearing_format, judge, status in plan:
            court = courts[code]
            day = clock.today_in(court.zone) + datetime.timedelta(days=days)
            while day.weekday() >= 5:  # courts sit on weekdays
                day += datetime.timedelta(days=1 if days >= 0 else -1)
            Hearing.objects.create(
                subject=subject,
                court=court,
                starts_at=aware_local(day, datetime.time.fromisoformat(time), court.time_zone),
                hearing_type=hearing_type,
                hearing_format=hearing_format,
                judge=judge,
                status=status or HearingStatus.SCHEDULED,
            )
            created += 1
    stdout.write(f"Hearings: {created} created.")
