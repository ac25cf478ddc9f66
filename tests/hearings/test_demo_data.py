import io

import pytest

from hearings import demo_data
from hearings.models import Hearing, ImmigrationCourt
from tests.subjects.factories import SubjectFactory

pytestmark = pytest.mark.django_db


def test_demo_data_loads_courts_and_hearings_and_is_idempotent():
    for subject_id in demo_data.DEMO_HEARINGS:
        SubjectFactory(subject_id=subject_id)
    out = io.StringIO()
    demo_data.load(out)
    assert ImmigrationCourt.objects.count() == 86
    expected = sum(len(plan) for plan in demo_data.DEMO_HEARINGS.values())
    assert Hearing.objects.count() == expected
    assert "Courts: 86 created" in out.getvalue()

    again = io.StringIO()
    demo_data.load(again)
    assert ImmigrationCourt.objects.count() == 86
    assert Hearing.objects.count() == expected
    assert "86 unchanged" in again.getvalue() and "Hearings: 0 created." in again.getvalue()


def test_demo_data_skips_people_who_are_not_there():
    demo_data.load(io.StringIO())
    assert not Hearing.objects.exists()


def test_demo_1005_moved_date_is_an_old_date_not_a_date_to_attend():
    """Issue 14: DEMO-1005's moved date (two weeks away) came before the real next
    hearing in "Other upcoming dates"."""
    from hearings.models import HearingStatus
    from hearings.selectors import hearing_overview

    subject = SubjectFactory(subject_id="DEMO1005")
    demo_data.load(io.StringIO())
    overview = hearing_overview(subject_id=subject.pk)
    assert overview.next_hearing.status == HearingStatus.SCHEDULED
    assert overview.upcoming == []
    assert [hearing.status for hearing in overview.old_dates] == [HearingStatus.RESCHEDULED]
    assert overview.old_dates[0].starts_at < overview.next_hearing.starts_at
