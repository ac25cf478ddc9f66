"""The public guidance page: a GET form, results with due dates in the reader's
language, pre-filled for signed-in subjects, robust to tampered query strings."""

import pytest
from django.utils.http import urlencode

from subjects.release_forms import ReleaseForm
from tests.subjects.factories import SubjectFactory

from .conftest import sign_in

pytestmark = pytest.mark.django_db


def _get(client, language="en", **params):
    query = f"?{urlencode(params)}" if params else ""
    return client.get(f"/{language}/new-address/{query}")


def test_blank_page_asks_the_questions_and_shows_no_results(client, frozen_now):
    response = _get(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Who needs your new address" in html
    assert 'method="get"' in html
    assert 'id="results"' not in html
    assert "There is a problem" not in html
    # Help to recognise each release form by its number and title.
    for text in ["Form I-862", "I-860", "I-385", "Notice to Report", "SmartLINK"]:
        assert text in html
    assert "private" not in response.get("Cache-Control", "")


def test_answers_give_agencies_with_due_dates(client, frozen_now):
    html = _get(
        client,
        release_form=ReleaseForm.NOTICE_TO_APPEAR,
        credible_fear="yes",
        work_permit="no",
        move_date="2025-12-24",
    ).content.decode()
    results = html[html.index('id="results"') :]
    assert (
        results.index("Immigration and Customs Enforcement")
        < results.index("Executive Office for Immigration Review")
        < results.index("Citizenship and Immigration Services")
    )
    assert "Last day: <strong>Friday, January 2, 2026</strong>" in results  # ICE, EOIR
    assert "Last day: <strong>Saturday, January 3, 2026</strong>" in results  # USCIS, calendar
    assert "Tell every office below by Friday, January 2, 2026." in results
    assert "These 3 offices need your new address" in results
    assert "EOIR-33/IC" in results and "AR-11" in results
    assert "https://www.uscis.gov/addresschange" in results
    assert "moversguide.usps.com" in results
    assert "lawyer" in results  # a reliable mailing address is acceptable
    assert "within 5 working days after you move, even" in results
    assert "That day has passed" in results  # 2 January 2026 is before "today"


def test_results_in_spanish_use_spanish_dates(client, frozen_now):
    html = _get(
        client,
        "es",
        release_form=ReleaseForm.EXPEDITED_REMOVAL,
        credible_fear="no",
        work_permit="no",
        move_date="2026-03-07",
    ).content.decode()
    assert "viernes, 13 de marzo de 2026" in html  # ICE: Saturday → the next Friday
    assert "martes, 17 de marzo de 2026" in html  # USCIS: 10 calendar days
    assert "un sábado" in html  # the move date's day off is explained
    assert "Estas 2 oficinas necesitan su nueva dirección" in html


def test_move_on_a_holiday_is_explained(client, frozen_now):
    html = _get(
        client,
        release_form=ReleaseForm.NOTICE_TO_REPORT,
        credible_fear="no",
        work_permit="no",
        move_date="2025-12-25",
    ).content.decode()
    assert "You moved on Thursday, December 25, 2025, a federal holiday (Christmas Day)" in html
    assert "next working day, Friday, December 26, 2025" in html
    assert "1 office needs your new address" in html


def test_without_a_move_date_the_rules_are_given_in_words(client, frozen_now):
    html = _get(
        client, release_form=ReleaseForm.PAROLE_ATD, credible_fear="no", work_permit="yes"
    ).content.decode()
    assert "When: within 5 working days after you move." in html
    assert "When: within 10 days after you move" in html
    assert "Last day" not in html


def test_not_sure_of_the_form_says_to_call_the_help_line(client, frozen_now):
    html = _get(
        client, release_form=ReleaseForm.OTHER, credible_fear="not_sure", work_permit="no"
    ).content.decode()
    assert 'call the help line at <bdi class="portal-phone" dir="ltr">(833) 383-1465</bdi>' in html
    assert "Telling USCIS does no harm" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"credible_fear": "no", "work_permit": "no"},
            "Choose the paper you got when you were released.",
        ),
        (
            {"release_form": "i-94", "credible_fear": "no", "work_permit": "no"},
            "Select a valid choice",
        ),
        (
            {"release_form": "nta", "credible_fear": "maybe", "work_permit": "no"},
            "Select a valid choice",
        ),
        ({"release_form": "nta", "work_permit": "no"}, "Answer yes, no or I am not sure."),
        (
            {
                "release_form": "nta",
                "credible_fear": "no",
                "work_permit": "no",
                "move_date": "<script>",
            },
            "Enter a real date",
        ),
        (
            {
                "release_form": "nta",
                "credible_fear": "no",
                "work_permit": "no",
                "move_date": "2031-01-01",
            },
            "within one year",
        ),
        (
            {"release_form": "x" * 5000, "credible_fear": "no", "work_permit": "no"},
            "Select a valid choice",
        ),
    ],
)
def test_bad_answers_show_an_error_not_results(client, frozen_now, params, message):
    response = _get(client, **params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert 'id="results"' not in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_signed_in_subject_gets_answers_from_the_record(client, frozen_now):
    subject = SubjectFactory(
        release_form=ReleaseForm.PAROLE_ATD, credible_fear_filed=False, ead_applied=True
    )
    sign_in(client, subject)
    response = _get(client)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "We filled in the answers from your record" in html
    assert 'value="parole_atd"' in html and 'value="parole_atd" class="usa-radio__input' in html
    checked = [line for line in html.splitlines() if "checked" in line]
    assert any('value="parole_atd"' in line for line in checked)
    assert any('name="work_permit" value="yes"' in line for line in checked)
    results = html[html.index('id="results"') :]
    assert "Citizenship and Immigration Services" in results  # the work permit adds USCIS
    assert "End Session" in html or "sign-out" in html  # the signed-in header


def test_query_counts(client, frozen_now, django_assert_num_queries):
    with django_assert_num_queries(0):
        _get(
            client,
            release_form="nta",
            credible_fear="yes",
            work_permit="yes",
            move_date="2026-03-02",
        )
    subject = SubjectFactory()
    sign_in(client, subject)
    # The session with the person in it, one query (the session is not saved: nothing in
    # it changed).
    with django_assert_num_queries(1):
        _get(client)
