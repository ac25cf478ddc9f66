"""The agency guidance table: pinned as a whole by a golden file, and its key rules spelled
out one by one so a reviewer can read them without opening the JSON.

Regenerate the golden file only on purpose, after checking the facts:
``UPDATE_GOLDEN=1 pytest tests/addresses/test_guidance.py`` and review the diff."""

import datetime
import json
import os
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import translation

from addresses.guidance import (
    AGENCIES,
    Agency,
    Answer,
    agencies_for,
    golden_table,
    guidance_plan,
)
from subjects.release_forms import ReleaseForm

GOLDEN = Path(__file__).parent / "golden" / "guidance.json"


def test_guidance_table_matches_the_golden_file():
    table = golden_table()
    rendered = json.dumps(table, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert GOLDEN.exists(), "run UPDATE_GOLDEN=1 once to create the golden file"
    assert rendered == GOLDEN.read_text(encoding="utf-8"), (
        "The agency guidance changed. If on purpose: UPDATE_GOLDEN=1 and review the diff."
    )


def _codes(release_form, credible_fear="no", work_permit="no"):
    return [
        agency.value
        for agency, _ in agencies_for(
            release_form=release_form, credible_fear=credible_fear, work_permit=work_permit
        )
    ]


@pytest.mark.parametrize(
    ("release_form", "expected"),
    [
        (ReleaseForm.NOTICE_TO_APPEAR, ["ice", "eoir"]),
        (ReleaseForm.EXPEDITED_REMOVAL, ["ice", "uscis"]),
        (ReleaseForm.PAROLE_ATD, ["ice"]),
        (ReleaseForm.NOTICE_TO_REPORT, ["ice"]),
        (ReleaseForm.OTHER, ["ice"]),
    ],
)
def test_agencies_by_release_form(release_form, expected):
    assert _codes(release_form) == expected


def test_parole_adds_uscis_only_with_a_work_permit_application():
    assert _codes(ReleaseForm.PAROLE_ATD, work_permit="yes") == ["ice", "uscis"]
    assert _codes(ReleaseForm.PAROLE_ATD, work_permit="no") == ["ice"]


@pytest.mark.parametrize("release_form", list(ReleaseForm))
def test_credible_fear_adds_uscis_once(release_form):
    codes = _codes(release_form, credible_fear="yes", work_permit="yes")
    assert codes.count("uscis") == 1
    assert codes[0] == "ice"


def test_not_sure_counts_as_yes_and_says_why():
    reasons = dict(
        agencies_for(
            release_form=ReleaseForm.NOTICE_TO_REPORT,
            credible_fear=Answer.NOT_SURE,
            work_permit=Answer.NO,
        )
    )
    assert [r.value for r in reasons[Agency.USCIS]] == ["credible_fear_not_sure"]


def test_unknown_release_form_is_refused():
    with pytest.raises(ValueError):
        agencies_for(release_form="i-94", credible_fear="no", work_permit="no")
    with pytest.raises(ValueError):
        agencies_for(release_form=ReleaseForm.OTHER, credible_fear="maybe", work_permit="no")


def test_deadline_rules_per_agency():
    assert (AGENCIES[Agency.ICE].rule.days, AGENCIES[Agency.ICE].rule.kind) == (5, "business")
    assert (AGENCIES[Agency.EOIR].rule.days, AGENCIES[Agency.EOIR].rule.kind) == (5, "business")
    assert AGENCIES[Agency.EOIR].form_number == "EOIR-33/IC"
    assert (AGENCIES[Agency.USCIS].rule.days, AGENCIES[Agency.USCIS].rule.kind) == (
        10,
        "calendar",
    )
    assert AGENCIES[Agency.USCIS].form_number == "AR-11"


def test_plan_computes_each_due_date_and_finish_by():
    plan = guidance_plan(
        release_form=ReleaseForm.NOTICE_TO_APPEAR,
        credible_fear="yes",
        work_permit="no",
        move_date=datetime.date(2025, 12, 24),
    )
    due = {step.agency.code: step.deadline.due for step in plan.steps}
    assert due == {
        Agency.ICE: datetime.date(2026, 1, 2),
        Agency.EOIR: datetime.date(2026, 1, 2),
        Agency.USCIS: datetime.date(2026, 1, 3),
    }
    assert plan.finish_by == datetime.date(2026, 1, 2)
    assert [s.agency.code for s in plan.without(Agency.ICE)] == [Agency.EOIR, Agency.USCIS]


def test_finish_by_is_never_later_than_any_agency_due_date():
    # Over every move date of two years, the advice "within 5 business days" never
    # points past the USCIS 10 calendar days.
    start = datetime.date(2025, 1, 1)
    for offset in range(730):
        moved = start + datetime.timedelta(days=offset)
        plan = guidance_plan(
            release_form=ReleaseForm.EXPEDITED_REMOVAL,
            credible_fear="no",
            work_permit="no",
            move_date=moved,
        )
        assert all(plan.finish_by <= step.deadline.due for step in plan.steps)


def test_plan_without_a_move_date_has_no_dates():
    plan = guidance_plan(release_form=ReleaseForm.PAROLE_ATD, credible_fear="no", work_permit="no")
    assert plan.finish_by is None
    assert all(step.deadline is None for step in plan.steps)


@override_settings(HELP_LINE_PHONE="+1-555-010-0000")
def test_ice_steps_and_not_sure_advice_use_the_help_line_setting():
    plan = guidance_plan(release_form=ReleaseForm.OTHER, credible_fear="no", work_permit="no")
    assert not plan.release_form_known
    assert "+1-555-010-0000" in plan.not_sure_advice
    assert any("+1-555-010-0000" in text for text in plan.steps[0].steps)


def test_reasons_are_translated():
    with translation.override("es"):
        plan = guidance_plan(
            release_form=ReleaseForm.NOTICE_TO_APPEAR, credible_fear="no", work_permit="no"
        )
        eoir = plan.steps[1]
        assert "Notificación de comparecencia" in eoir.reasons[0] or "I-862" in eoir.reasons[0]
        assert eoir.reasons[0].startswith("Por")
