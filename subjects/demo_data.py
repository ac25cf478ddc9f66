"""Made-up subjects for the demo, one per "My check-in" state. Idempotent: a subject that
already exists is left as it is. The sign-in values are printed and listed in README."""

import datetime
import zoneinfo

from checkin_portal import clock
from checkin_portal.business_days import is_business_day

from .models import Subject
from .release_forms import ReleaseForm

# (typed Subject ID, country code, country name for people, what the demo shows)
DEMO_SIGN_INS = [
    ("DEMO-1001", "MX", "Mexico", "appointment already on the papers"),
    ("DEMO-1002", "GT", "Guatemala", "check-in already completed"),
    ("DEMO-1003", "HN", "Honduras", "book now, report-by date ahead"),
    ("DEMO-1004", "VE", "Venezuela", "Parole/ATD, report-by date passed, parole ending"),
    ("DEMO-1005", "HT", "Haiti", "appointment on the papers has passed: book now"),
    ("DEMO-1006", "CO", "Colombia", "other release form, no dates"),
    ("DEMO-1007", "SV", "El Salvador", "an appointment booked online (see, move, cancel)"),
    ("DEMO-1008", "NI", "Nicaragua", "waiting list: an earlier time is offered"),
]
# As stored (normalised): what the reset removes and recreates.
DEMO_SUBJECT_IDS = [typed.replace("-", "") for typed, *_rest in DEMO_SIGN_INS]


def _working_day(day: datetime.date, step: int = 1) -> datetime.date:
    """``day``, or the nearest weekday that is not a US federal holiday after it (before it
    for ``step=-1``): a demo appointment never falls on Christmas or a Sunday."""
    while not is_business_day(day):
        day += datetime.timedelta(days=step)
    return day


def _subjects(today: datetime.date) -> list[dict]:
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    new_york = zoneinfo.ZoneInfo("America/New_York")
    ahead = _working_day(today + datetime.timedelta(days=21))
    passed = _working_day(today - datetime.timedelta(days=10), step=-1)
    return [
        {
            "subject_id": "DEMO1001",
            "country_of_birth": "MX",
            "given_names": "Lucía",
            "family_names": "Hernández Ruiz",
            "release_form": ReleaseForm.NOTICE_TO_APPEAR,
            "release_date": today - datetime.timedelta(days=14),
            "paperwork_appointment_at": datetime.datetime(
                ahead.year, ahead.month, ahead.day, 9, 0, tzinfo=chicago
            ),
            "paperwork_office_name": "Riverside Field Office (demo)",
            "paperwork_office_address": "100 Example Avenue\nSpringfield, IL 62701",
            "paperwork_office_time_zone": "America/Chicago",
            "preferred_language": "es",
        },
        {
            "subject_id": "DEMO1002",
            "country_of_birth": "GT",
            "given_names": "Mateo",
            "family_names": "Pérez Coj",
            "a_number": "012345678",
            "release_form": ReleaseForm.EXPEDITED_REMOVAL,
            "release_date": today - datetime.timedelta(days=120),
            "checkin_completed_on": today - datetime.timedelta(days=30),
            "credible_fear_filed": True,
        },
        {
            "subject_id": "DEMO1003",
            "country_of_birth": "HN",
            "given_names": "Daniela",
            "family_names": "Mejía",
            "release_form": ReleaseForm.NOTICE_TO_REPORT,
            "release_date": today - datetime.timedelta(days=5),
            "report_by": today + datetime.timedelta(days=55),
        },
        {
            "subject_id": "DEMO1004",
            "country_of_birth": "VE",
            "given_names": "José Antonio",
            "family_names": "Rangel",
            "release_form": ReleaseForm.PAROLE_ATD,
            "release_date": today - datetime.timedelta(days=75),
            "report_by": today - datetime.timedelta(days=15),
            "parole_ends_on": today + datetime.timedelta(days=20),
            "ead_applied": True,
        },
        {
            "subject_id": "DEMO1005",
            "country_of_birth": "HT",
            "given_names": "Marie",
            "family_names": "Joseph",
            "release_form": ReleaseForm.NOTICE_TO_APPEAR,
            "release_date": today - datetime.timedelta(days=40),
            "paperwork_appointment_at": datetime.datetime(
                passed.year, passed.month, passed.day, 10, 30, tzinfo=new_york
            ),
            "paperwork_office_name": "Harbor Sub-Office (demo)",
            "paperwork_office_address": "200 Sample Street\nNewark, NJ 07102",
            "paperwork_office_time_zone": "America/New_York",
        },
        {
            "subject_id": "DEMO1006",
            "country_of_birth": "CO",
            "given_names": "Camila",
            "family_names": "Rojas",
            "release_form": ReleaseForm.OTHER,
            "preferred_language": "es",
        },
        {
            # The appointments demo books a time for this person.
            "subject_id": "DEMO1007",
            "country_of_birth": "SV",
            "given_names": "José",
            "family_names": "Martínez",
            "release_form": ReleaseForm.NOTICE_TO_REPORT,
            "release_date": today - datetime.timedelta(days=3),
        },
        {
            # The appointments demo books a late time and offers this person an earlier one.
            "subject_id": "DEMO1008",
            "country_of_birth": "NI",
            "given_names": "Lucía",
            "family_names": "Herrera",
            "release_form": ReleaseForm.NOTICE_TO_APPEAR,
            "release_date": today - datetime.timedelta(days=2),
            "preferred_language": "es",
        },
    ]


def load(stdout) -> None:
    today = clock.now().date()
    created = 0
    for values in _subjects(today):
        subject_id = values.pop("subject_id")
        _subject, was_created = Subject.objects.get_or_create(
            subject_id=subject_id, defaults=values
        )
        created += was_created
    stdout.write(f"Subjects: {created} created, {len(DEMO_SIGN_INS) - created} already there.")
    stdout.write("  Demo sign-in values (Subject ID / country of birth):")
    for typed_id, _code, country, shows in DEMO_SIGN_INS:
        stdout.write(f"    {typed_id:<10} {country:<10} {shows}")


def reset(stdout) -> None:
    """``load_demo_data --reset``: remove the demo people (their hearings go with them; the
    apps above removed their appointments and address changes first); ``load`` recreates
    them as README lists them."""
    deleted = Subject.objects.filter(subject_id__in=DEMO_SUBJECT_IDS).count()
    Subject.objects.filter(subject_id__in=DEMO_SUBJECT_IDS).delete()
    stdout.write(f"  subjects: {deleted} demo people removed")
