"""Sign-in with Subject ID and country of birth."""

import re
from unittest import mock
from urllib.error import URLError

import pytest
from django.test import Client, override_settings
from django_recaptcha.client import RecaptchaResponse

from subjects.models import Subject
from subjects.session import SESSION_SUBJECT_KEY

from .factories import SubjectFactory

pytestmark = pytest.mark.django_db

NO_MATCH = "We could not sign you in with that Subject ID and country of birth."


def _post(client, url, subject_id, country="MX", **extra):
    return client.post(url, {"subject_id": subject_id, "country_of_birth": country, **extra})


def test_sign_in_page_renders_fields_and_captcha_notice(client, sign_in_url):
    response = client.get(sign_in_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="subject_id"' in html
    assert 'name="country_of_birth"' in html
    assert '<option value="MX">Mexico</option>' in html
    assert "“I am not a robot” check is switched off" in html
    assert "g-recaptcha" not in html
    assert "no-store" in response["Cache-Control"]


def test_country_names_are_translated(client):
    html = client.get("/es/sign-in/").content.decode()
    assert '<option value="MX">México</option>' in html
    assert '<option value="DE">Alemania</option>' in html
    assert "Elija un país" in html


def test_correct_values_sign_in_and_show_my_checkin(client, sign_in_url, my_checkin_url):
    subject = SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    response = _post(client, sign_in_url, "ab-123 456", "GT")
    assert response.status_code == 302
    assert response["Location"] == my_checkin_url
    page = client.get(my_checkin_url)
    assert page.status_code == 200
    assert subject.given_names in page.content.decode()


def _normalised_body(response) -> str:
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_unknown_id_and_wrong_country_look_exactly_the_same(client, sign_in_url):
    unknown = _post(client, sign_in_url, "AB123457", "MX")
    SubjectFactory(subject_id="AB123457", country_of_birth="GT")
    wrong_country = _post(Client(), sign_in_url, "AB123457", "MX")
    assert unknown.status_code == wrong_country.status_code == 200
    assert NO_MATCH in unknown.content.decode()
    assert _normalised_body(unknown) == _normalised_body(wrong_country)
    assert dict(unknown.headers.items()).keys() == dict(wrong_country.headers.items()).keys()
    assert "sessionid" not in wrong_country.cookies


def test_unknown_id_and_wrong_country_cost_the_same_queries(
    client, sign_in_url, django_assert_num_queries
):
    SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    with django_assert_num_queries(1):
        _post(client, sign_in_url, "AB123456", "MX")
    with django_assert_num_queries(1):
        _post(Client(), sign_in_url, "ZZ999999", "MX")


def test_successful_sign_in_issues_a_fixed_number_of_queries(
    sign_in_url, django_assert_num_queries
):
    subjects = SubjectFactory.create_batch(3)
    # 1 lookup; the new session is written once, with its data, when the response is made
    # (insert, in a savepoint): 4 statements, whatever the data (issue 17: it was a "key
    # taken?" select, an empty insert and an update).
    for subject in subjects:
        with django_assert_num_queries(4) as captured:
            _post(Client(), sign_in_url, subject.subject_id, "MX")
        writes = [
            q["sql"] for q in captured.captured_queries if "subjects_subjectsession" in q["sql"]
        ]
        assert len(writes) == 1 and writes[0].startswith("INSERT")
    SubjectFactory.create_batch(20)
    with django_assert_num_queries(4):
        _post(Client(), sign_in_url, subjects[0].subject_id, "MX")


def test_signing_in_again_replaces_the_old_session(sign_in_url):
    """No fixation: a session that existed before sign-in is deleted, and the signed-in
    one has a new key, saved with the person in it."""
    from subjects.models import SubjectSession as Session

    first, second = SubjectFactory.create_batch(2)
    browser = Client()
    _post(browser, sign_in_url, first.subject_id, "MX")
    old_key = browser.cookies["sessionid"].value
    _post(browser, sign_in_url, second.subject_id, "MX")
    new_key = browser.cookies["sessionid"].value
    assert new_key != old_key
    assert not Session.objects.filter(session_key=old_key).exists()
    saved = Session.objects.get(session_key=new_key)
    assert saved.get_decoded()[SESSION_SUBJECT_KEY] == second.pk
    assert saved.subject_id == second.pk  # the row names the person (subjects/sessions.py)


def test_my_checkin_page_issues_a_fixed_number_of_queries(
    client, signed_in, my_checkin_url, django_assert_num_queries
):
    # last_language: the page is in the language the person used last time (a change of
    # language costs one UPDATE, once: subjects.services.subject_note_language).
    signed_in(SubjectFactory(with_paperwork_appointment=True, last_language="en"))
    # the session with the person in it (one query: subjects/sessions.py), the online
    # appointment (one query): 2 statements. The session is not saved: nothing in it
    # changed (the idle timer is rewritten once a minute at most,
    # tests/subjects/test_session_writes.py).
    with django_assert_num_queries(2):
        assert client.get(my_checkin_url).status_code == 200


def test_next_is_followed_only_for_local_paths(client, sign_in_url):
    subject = SubjectFactory()
    response = client.post(
        sign_in_url + "?next=/en/my-check-in/",
        {"subject_id": subject.subject_id, "country_of_birth": "MX"},
    )
    assert response["Location"] == "/en/my-check-in/"
    for evil in ["https://evil.example/", "//evil.example/", "/en/x/?id=AB1", "/\\evil.example"]:
        client.post("/en/sign-out/")
        response = client.post(
            sign_in_url,
            {"subject_id": subject.subject_id, "country_of_birth": "MX", "next": evil},
        )
        assert response["Location"] == "/en/my-check-in/", evil


def test_signed_in_visit_to_sign_in_goes_to_my_checkin(client, signed_in, sign_in_url):
    signed_in(SubjectFactory())
    response = client.get(sign_in_url)
    assert response.status_code == 302
    assert response["Location"] == "/en/my-check-in/"


def test_session_key_is_rotated_on_sign_in(client, sign_in_url):
    subject = SubjectFactory()
    client.get(sign_in_url)
    session = client.session
    session["anything"] = "before"
    session.save()
    before = session.session_key
    _post(client, sign_in_url, subject.subject_id, "MX")
    assert client.cookies["sessionid"].value != before
    from subjects.models import SubjectSession as Session

    assert not Session.objects.filter(session_key=before).exists()


@pytest.mark.parametrize(
    ("subject_id", "country", "message"),
    [
        ("", "MX", "Enter the Subject ID from your papers."),
        ("    ", "MX", "Enter the Subject ID from your papers."),
        ("\t\n ", "MX", "Enter the Subject ID from your papers."),
        ("- - -", "MX", "Enter the Subject ID from your papers."),
        ("A" * 1000, "MX", "This is too long for a Subject ID."),
        ("\uff38" * 41, "MX", "This is too long for a Subject ID."),
        ("\u041c\u043e\u0441\u043a\u0432\u0430123", "MX", "A Subject ID has 4 to 20 letters"),
        ("١٢٣٤٥٦", "MX", NO_MATCH),  # read as 123456: a valid shape, no such person
        ("AB\x00123", "MX", "Enter the Subject ID using only letters and numbers."),
        ("AB\x07123", "MX", "Enter the Subject ID using only letters and numbers."),
        ("AB\x1b[31m12", "MX", "Enter the Subject ID using only letters and numbers."),
        ("' OR 1=1 --", "MX", "A Subject ID has 4 to 20 letters"),
        ("1; DROP TABLE subjects_subject", "MX", "A Subject ID has 4 to 20 letters"),
        ("<script>alert(1)</script>", "MX", "A Subject ID has 4 to 20 letters"),
        ("AB123456", "", "Choose your country of birth."),
        ("AB123456", "XX", "Choose your country of birth from the list."),
        ("AB123456", "mx' OR '1'='1", "Choose your country of birth from the list."),
        ("AB123456", "<b>MX</b>", "Choose your country of birth from the list."),
        ("AB123456", "M" * 1000, "Choose your country of birth from the list."),
    ],
)
def test_bad_input_gets_a_clear_message(client, sign_in_url, subject_id, country, message):
    SubjectFactory(subject_id="AB123456")
    response = _post(client, sign_in_url, subject_id, country)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert "<script>alert(1)</script>" not in html
    assert "sessionid" not in response.cookies
    assert Subject.objects.count() == 1


def test_sql_looking_input_that_normalises_to_a_valid_shape_just_does_not_match(
    client, sign_in_url
):
    SubjectFactory(subject_id="AB123456")
    response = _post(client, sign_in_url, "OR 1=1", "MX")  # → "OR11": a valid shape
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_tampered_csrf_token_gets_a_clear_page_not_a_500(sign_in_url):
    subject = SubjectFactory()
    client = Client(enforce_csrf_checks=True)
    client.get(sign_in_url)
    response = client.post(
        sign_in_url,
        {
            "subject_id": subject.subject_id,
            "country_of_birth": "MX",
            "csrfmiddlewaretoken": "x" * 64,
        },
    )
    assert response.status_code == 403
    assert "Please try again" in response.content.decode()
    assert "sessionid" not in response.cookies


def test_other_methods_are_refused(client, sign_in_url):
    assert client.put(sign_in_url).status_code == 405
    assert client.get("/en/sign-out/").status_code == 405


def test_failed_sign_in_logs_neither_id_nor_country(client, sign_in_url, caplog):
    SubjectFactory(subject_id="AB123456", country_of_birth="GT")
    with caplog.at_level("DEBUG"):
        for _ in range(6):
            _post(client, sign_in_url, "AB123456", "MX")
    text = caplog.text + "".join(str(r.args) for r in caplog.records)
    assert "AB123456" not in text
    assert "MX" not in text and "Mexico" not in text
    assert "Sign-in failed" in caplog.text
    assert "Sign-in locked" in caplog.text


# --- CAPTCHA (reCAPTCHA v2 checkbox through django-recaptcha)

RECAPTCHA = {
    "CAPTCHA_PROVIDER": "recaptcha",
    "RECAPTCHA_PRIVATE_KEY": "k",
    "RECAPTCHA_PUBLIC_KEY": "p",
}


@override_settings(**RECAPTCHA)
def test_recaptcha_widget_is_shown_without_inline_script(client, sign_in_url):
    html = client.get(sign_in_url).content.decode()
    assert 'class="g-recaptcha' in html
    assert 'data-sitekey="p"' in html
    assert "https://www.google.com/recaptcha/api.js?hl=en" in html
    assert "switched off" not in html
    assert re.search(r"<script>(?!\s*</script>)", html) is None  # no inline code


@override_settings(**RECAPTCHA)
def test_recaptcha_valid_signs_in(client, sign_in_url):
    subject = SubjectFactory()
    with mock.patch(
        "django_recaptcha.fields.client.submit", return_value=RecaptchaResponse(is_valid=True)
    ) as submit:
        response = _post(
            client, sign_in_url, subject.subject_id, "MX", **{"g-recaptcha-response": "t"}
        )
    assert response.status_code == 302
    submit.assert_called_once()


@override_settings(**RECAPTCHA)
def test_recaptcha_missing_or_invalid_is_a_form_error(client, sign_in_url):
    subject = SubjectFactory()
    response = _post(client, sign_in_url, subject.subject_id, "MX")
    assert "Tick the “I am not a robot” box." in response.content.decode()
    with mock.patch(
        "django_recaptcha.fields.client.submit", return_value=RecaptchaResponse(is_valid=False)
    ):
        response = _post(
            client, sign_in_url, subject.subject_id, "MX", **{"g-recaptcha-response": "t"}
        )
    assert response.status_code == 200
    assert "complete the puzzle" in response.content.decode()


@override_settings(**RECAPTCHA)
@pytest.mark.parametrize(
    "error", [URLError("offline"), TimeoutError(), OSError("refused"), ValueError("bad json")]
)
def test_recaptcha_outage_is_a_form_error_never_a_500(client, sign_in_url, error):
    subject = SubjectFactory()
    with mock.patch("django_recaptcha.fields.client.submit", side_effect=error):
        response = _post(
            client, sign_in_url, subject.subject_id, "MX", **{"g-recaptcha-response": "t"}
        )
    assert response.status_code == 200
    assert "We could not check the “I am not a robot” box just now." in response.content.decode()
    assert "sessionid" not in response.cookies


@override_settings(**RECAPTCHA)
def test_recaptcha_failure_does_not_count_towards_lockout(client, sign_in_url):
    subject = SubjectFactory()
    with mock.patch("django_recaptcha.fields.client.submit", side_effect=URLError("offline")):
        for _ in range(10):
            _post(client, sign_in_url, subject.subject_id, "MX", **{"g-recaptcha-response": "t"})
    with mock.patch(
        "django_recaptcha.fields.client.submit", return_value=RecaptchaResponse(is_valid=True)
    ):
        response = _post(
            client, sign_in_url, subject.subject_id, "MX", **{"g-recaptcha-response": "t"}
        )
    assert response.status_code == 302


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_empty_form_is_rendered_once_and_as_if_anew(sign_in_url, language, monkeypatch):
    """Issue 17: the fields of the empty form are the same for everyone in a language; they
    are rendered once (once_tags), with each visitor's own CSRF token."""
    from checkin_portal.templatetags import once_tags
    from tests.page_parts import never_kept

    once_tags._PARTS.clear()
    url = sign_in_url.replace("/en/", f"/{language}/")
    token = re.compile(r'name="csrfmiddlewaretoken" value="[A-Za-z0-9]+"')
    kept = [token.sub("", Client().get(url).content.decode()) for _ in range(2)]
    with monkeypatch.context() as patch:
        never_kept(patch)
        fresh = token.sub("", Client().get(url).content.decode())
    assert kept[0] == kept[1] == fresh
    assert 'name="subject_id"' in fresh and 'value="MX"' in fresh
    once_tags._PARTS.clear()


def test_a_form_sent_back_shows_its_own_values_and_errors(client, sign_in_url):
    Client().get(sign_in_url)  # the empty form, kept
    html = _post(client, sign_in_url, "", "GT").content.decode()
    assert "Enter the Subject ID from your papers." in html
    assert 'data-default-value="GT"' in html
